import { LineBuffer } from './line-buffer';

/** The size of the buffer behind a LineBuffer (its one allocation outside the V8 heap). */
const capacity = (b: LineBuffer): number => b.bytes().buffer.byteLength;

describe('LineBuffer', () => {
  it('grows to exactly the room asked for a body of known size, in one allocation', () => {
    const body = new LineBuffer();
    body.put('x');
    body.ensureRoom(10_000_000);
    expect(capacity(body)).toBe(10_000_001);
    const before = body.bytes().buffer;
    body.putBytes(Buffer.alloc(10_000_000, 0x61));
    expect(body.bytes().buffer).toBe(before);
    expect(body.length).toBe(10_000_001);
  });

  it('keeps a buffer of up to 4 MiB between uses, and lets a larger one go', () => {
    const body = new LineBuffer();
    body.ensureRoom(3_000_000);
    body.clear();
    expect(capacity(body)).toBe(3_000_000);
    body.ensureRoom(12_000_000);
    body.clear();
    expect(capacity(body)).toBeLessThan(1024 * 1024);
  });
});
