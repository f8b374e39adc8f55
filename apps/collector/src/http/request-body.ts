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
 * Decompresses a request body per its Content-Encoding, bounded by `limit` bytes after
 * decompression (OTLP: limit the body after decompression; a gzip bomb stops at the bound
 * instead of exhausting memory).
 */
export function decodeBody(raw: Buffer, encoding: string | undefined, limit: number): Buffer {
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  if (coding === 'identity' || coding === '') {
    if (raw.length > limit) throw tooLarge(limit);
    return raw;
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
      `the ${coding} body could not be decompressed: ${(error as Error).message}`,
    );
  }
}

function tooLarge(limit: number): BodyError {
  return new BodyError(413, 'too_large', `the body exceeds ${limit} bytes after decompression`);
}
