/** Bytes kept by a buffer between uses; a larger one is let go when cleared. */
const KEEP_BYTES = 4 * 1024 * 1024;
const INITIAL_BYTES = 64 * 1024;

/**
 * A growable byte buffer of text lines (UTF-8), reused between writes: the ingest log's pending
 * appends, and the bodies of the writer's raw inserts. Its bytes live outside the V8 heap.
 */
export class LineBuffer {
  private buffer: Buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  length = 0;

  put(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the exact count only when that may not fit.
    if (this.length + text.length * 3 > this.buffer.length) {
      this.reserve(Buffer.byteLength(text));
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** Appends bytes as they are; returns the offset they start at. */
  putBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
    const at = this.length;
    this.reserve(end - start);
    this.buffer.set(bytes.subarray(start, end), at);
    this.length += end - start;
    return at;
  }

  putByte(byte: number): void {
    this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  /** Overwrites one byte already put. */
  setByte(at: number, byte: number): void {
    this.buffer[at] = byte;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
    if (this.buffer.length > KEEP_BYTES) this.buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  }

  /**
   * Room for `bytes` more, grown at most to exactly that when it does not fit (a body whose size
   * is known before it is put: one allocation instead of a doubling series).
   */
  ensureRoom(bytes: number): void {
    this.reserve(bytes, true);
  }

  private reserve(bytes: number, exact = false): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = exact ? this.length + bytes : this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
