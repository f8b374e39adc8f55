import type { Readable } from 'node:stream';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decompresses a request body per its Content-Encoding (a gzip body without one too), bounded by
 * `limit` bytes after decompression (OTLP: limit the body after decompression; a gzip bomb stops
 * at the bound instead of exhausting memory).
 */
export function decodeBody(raw: Buffer, encoding: string | undefined, limit: number): Buffer {
  let coding = (encoding ?? 'identity').trim().toLowerCase();
  let undeclared = false;
  if (coding === 'identity' || coding === '') {
    // A gzip body sent without its Content-Encoding (curl --data-binary @file.gz, an exporter
    // that compresses but leaves the header out) is read as gzip, as the CloudWatch route always
    // read one: no JSON, text or OTLP protobuf body starts with 1f 8b (0x1f is no protobuf tag,
    // its wire type 7 does not exist), where the decoders said "invalid JSON: Unexpected token".
    if (raw.length < 2 || raw[0] !== 0x1f || raw[1] !== 0x8b) {
      if (raw.length > limit) throw tooLarge(limit);
      return raw;
    }
    coding = 'gzip';
    undeclared = true;
  }
  // `deflate` is zlib-wrapped by the HTTP spec (RFC 9110 §8.4.1.2), but some clients send raw
  // deflate: the first byte of a zlib stream tells them apart (CMF, compression method 8).
  const inflate =
    coding === 'gzip' || coding === 'x-gzip'
      ? gunzipSync
      : coding === 'deflate'
        ? (raw[0] & 0x0f) === 8 && ((raw[0] << 8) | raw[1]) % 31 === 0
          ? inflateSync
          : inflateRawSync
        : undefined;
  if (!inflate) {
    throw new BodyError(
      415,
      'unsupported_encoding',
      `Content-Encoding ${coding} is not supported (use gzip, deflate or none)`,
    );
  }
  try {
    return inflate(raw, { maxOutputLength: limit });
  } catch (error) {
    if (
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ||
      error instanceof RangeError
    ) {
      throw tooLarge(limit);
    }
    throw new BodyError(
      400,
      'bad_compression',
      `the ${coding} body${undeclared ? ' (no Content-Encoding; it starts as gzip does)' : ''} could not be decompressed: ${(error as Error).message}`,
    );
  }
}

function tooLarge(limit: number): BodyError {
  return new BodyError(413, 'too_large', `the body exceeds ${limit} bytes after decompression`);
}

/** An error Fastify answers with its statusCode (the collector's error handler shapes the body). */
class BodyStreamError extends Error {
  constructor(
    readonly statusCode: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request's body as sent, at most `limit` bytes. Fastify's own buffer parser copies every
 * body into a new buffer (Buffer.concat of its chunks, one chunk included), which took ~0.8 µs of
 * the collector's thread per small CloudWatch invocation (BENCHMARKS.md, 2026-12-06 16:00): a body
 * that arrives in one chunk is that chunk here.
 */
export function readBody(
  payload: Readable,
  contentLength: string | undefined,
  limit: number,
  done: (error: Error | null, body?: Buffer) => void,
): void {
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  const tooLarge = (): BodyStreamError =>
    new BodyStreamError(
      413,
      `the request body is too large: over ${limit} bytes (FLEETSCOPE_MAX_BODY_BYTES)`,
    );
  if (declared > limit) {
    payload.resume();
    return done(tooLarge());
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const finish = (error: Error | null, body?: Buffer): void => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onError);
    done(error, body);
  };
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (received > limit) {
      // The rest is read and dropped, so that the connection can carry the answer.
      payload.resume();
      return finish(tooLarge());
    }
    chunks.push(chunk);
  };
  const onEnd = (): void => {
    if (!Number.isNaN(declared) && received !== declared) {
      return finish(
        new BodyStreamError(
          400,
          `the body has ${received} bytes, its Content-Length says ${declared}`,
        ),
      );
    }
    finish(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
  };
  const onError = (error: Error): void =>
    finish(new BodyStreamError(400, `the request body could not be read: ${error.message}`));
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
  payload.resume();
}
