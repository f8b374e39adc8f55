import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { BodyError, decodeBody, readBody } from './request-body';

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

  it('reads a gzip body sent without Content-Encoding as gzip, as the CloudWatch route does', () => {
    expect(decodeBody(gzipSync(text), undefined, 1024).toString()).toBe(text.toString());
    expect(decodeBody(gzipSync(text), 'identity', 1024).toString()).toBe(text.toString());
    expect(() => decodeBody(gzipSync(Buffer.alloc(4096)), undefined, 1024)).toThrow(
      expect.objectContaining({ status: 413 }) as BodyError,
    );
    expect(() => decodeBody(Buffer.from([0x1f, 0x8b, 1, 2, 3]), undefined, 1024)).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining(
          'the gzip body (no Content-Encoding; it starts as gzip does) could not be decompressed',
        ) as string,
      }) as BodyError,
    );
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

describe(readBody.name, () => {
  const read = (
    chunks: Buffer[],
    contentLength: string | undefined,
    limit: number,
    end = true,
  ): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const stream = new PassThrough();
      readBody(stream, contentLength, limit, (error, body) =>
        error ? reject(error) : resolve(body!),
      );
      for (const chunk of chunks) stream.write(chunk);
      if (end) stream.end();
    });

  it('hands over a body that came in one chunk as that chunk, and joins several', async () => {
    const chunk = Buffer.from('{"awslogs":{}}');
    await expect(read([chunk], String(chunk.length), 1024)).resolves.toBe(chunk);
    const joined = await read([Buffer.from('ab'), Buffer.from('cd')], undefined, 1024);
    expect(joined.toString()).toBe('abcd');
  });

  it('refuses a body over the limit with 413, declared or sent', async () => {
    await expect(read([Buffer.alloc(10)], '2000', 1024)).rejects.toMatchObject({
      statusCode: 413,
      message: expect.stringMatching(/too large: over 1024 bytes/) as string,
    });
    await expect(
      read([Buffer.alloc(1000), Buffer.alloc(1000)], undefined, 1024, false),
    ).rejects.toMatchObject({ statusCode: 413 });
  });

  it('refuses a body shorter than its Content-Length, and a stream that fails, with 400', async () => {
    await expect(read([Buffer.alloc(10)], '20', 1024)).rejects.toMatchObject({
      statusCode: 400,
      message: 'the body has 10 bytes, its Content-Length says 20',
    });
    const stream = new PassThrough();
    const failed = new Promise<unknown>((resolve) =>
      readBody(stream, undefined, 1024, (error) => resolve(error)),
    );
    stream.destroy(new Error('aborted'));
    await expect(failed).resolves.toMatchObject({
      statusCode: 400,
      message: 'the request body could not be read: aborted',
    });
  });
});
