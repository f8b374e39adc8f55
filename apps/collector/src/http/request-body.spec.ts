import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { BodyError, decodeBody } from './request-body';

describe(decodeBody.name, () => {
  const text = Buffer.from('{"resourceSpans":[]}');

  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['identity', text],
  ])('decodes %s bodies', (encoding, body) => {
    expect(decodeBody(body, encoding, 1024).toString()).toBe(text.toString());
  });

  it('stops at the limit after decompression (a gzip bomb gets 413)', () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(() => decodeBody(bomb, 'gzip', 1024 * 1024)).toThrow(
      expect.objectContaining({ status: 413 }) as BodyError,
    );
  });

  it('refuses unknown encodings with 415 and broken streams with 400', () => {
    expect(() => decodeBody(text, 'br', 1024)).toThrow(
      expect.objectContaining({ status: 415 }) as BodyError,
    );
    expect(() => decodeBody(Buffer.from('not gzip'), 'gzip', 1024)).toThrow(
      expect.objectContaining({ status: 400 }) as BodyError,
    );
  });
});
