import { gunzipSync, inflateSync } from 'node:zlib';

/** 64 MiB: a CloudWatch Logs payload is at most 1 MB compressed, a Firehose record 1,000 KB. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

export type DecompressResult =
  | { ok: true; data: Buffer; compressed: boolean }
  | { ok: false; reason: 'too_large' | 'decompression_failed'; message: string };

function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** RFC 1950 header: CM 8, and (CMF·256 + FLG) divisible by 31. */
function isZlib(buf: Uint8Array): boolean {
  return buf.length >= 2 && (buf[0] & 0x0f) === 8 && ((buf[0] << 8) | buf[1]) % 31 === 0;
}

/**
 * Inflates gzip (what CloudWatch Logs sends, including concatenated members) or zlib (what some
 * emitters send: powertools' cloudWatchLogEventWithPolicyLevel.json), and passes anything else
 * through unchanged. The output is capped with zlib's maxOutputLength, so a decompression bomb
 * fails with 'too_large' instead of exhausting memory.
 */
export function decompressBounded(buf: Buffer, maxOutputBytes: number): DecompressResult {
  const gzip = isGzip(buf);
  if (!gzip && !isZlib(buf)) return { ok: true, data: buf, compressed: false };
  try {
    const opts = { maxOutputLength: Math.max(1, maxOutputBytes) };
    const data = gzip ? gunzipSync(buf, opts) : inflateSync(buf, opts);
    return { ok: true, data, compressed: true };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      return {
        ok: false,
        reason: 'too_large',
        message: `decompressed data exceeds the limit of ${maxOutputBytes} bytes`,
      };
    }
    if (!gzip) {
      // A text payload can start with two bytes that happen to look like a zlib header.
      return { ok: true, data: buf, compressed: false };
    }
    return {
      ok: false,
      reason: 'decompression_failed',
      message: `gzip data is corrupt: ${err.message}`,
    };
  }
}

/** Strict base64 → bytes; undefined for text that is not base64 (Buffer.from would skip it). */
export function decodeBase64(text: string): Buffer | undefined {
  // Node skips characters that are not base64 instead of failing; a decoded length short of what
  // the text's length promises shows them, without a regex pass over every payload (bench:logs
  // measured the regex at a tenth of the parse time).
  if (text.length % 4 === 1) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const decoded = Buffer.from(text, 'base64');
  return decoded.length === Math.floor((text.length * 3) / 4) - padding ? decoded : undefined;
}

/** Bytes of a body the HTTP layer handed over as a Buffer, Uint8Array or string. */
export function bodyBytes(body: unknown): Buffer | undefined {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return undefined;
}
