import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * The API compresses its answers for the clients that ask, as browsers do (Brotli, else gzip), and
 * sends them as they are to the others: the same JSON either way.
 */
const DAY_MS = 86_400_000;
const FROM = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
const TO = FROM + DAY_MS;
const PATH = `/api/functions?from=${FROM}&to=${TO}`;

/** GET `path` with `acceptEncoding` (none when undefined): its Content-Encoding and raw body. */
function get(
  fleetscope: RunningFleetscope,
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  const url = new URL(fleetscope.apiUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            encoding: res.headers['content-encoding'],
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('compressed answers', () => {
  let fleetscope: RunningFleetscope;
  let plain: Buffer;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // 40 functions: a fleet page of some kilobytes, above the 1 kB below which nothing is compressed.
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: Array.from({ length: 40 }, (_, i) => ({
        function_id: `aws_lambda~123456789012~us-east-1~fn-${i}`,
        minute: (FROM + 3_600_000 + i * 60_000) / 1000,
        source: 'lambda_log',
        version: '1',
        memory_size_mb: 512,
        invocations: 10 + i,
        duration_sum_ms: 100 * (10 + i),
        billed_duration_sum_ms: 100 * (10 + i),
      })),
    });
    await fleetscope.flush();
    const answer = await get(fleetscope, PATH);
    expect(answer.status).toBe(200);
    expect(answer.encoding).toBeUndefined();
    plain = answer.body;
    expect(plain.length).toBeGreaterThan(4096);
  }, 120_000);
  afterAll(() => fleetscope?.stop());

  it('sends Brotli to a client that accepts it first, as a browser does', async () => {
    const answer = await get(fleetscope, PATH, 'gzip, deflate, br, zstd');
    expect(answer.status).toBe(200);
    expect(answer.encoding).toBe('br');
    expect(answer.body.length).toBeLessThan(plain.length / 4);
    expect(JSON.parse(brotliDecompressSync(answer.body).toString('utf8'))).toEqual(
      JSON.parse(plain.toString('utf8')),
    );
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const answer = await get(fleetscope, PATH, 'gzip');
    expect(answer.status).toBe(200);
    expect(answer.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(answer.body).toString('utf8'))).toEqual(
      JSON.parse(plain.toString('utf8')),
    );
  });

  it('sends an error as JSON a client can read, compressed or not', async () => {
    const answer = await get(fleetscope, '/api/functions?from=yesterday', 'br');
    expect(answer.status).toBe(400);
    const text =
      answer.encoding === 'br' ? brotliDecompressSync(answer.body) : answer.body.toString('utf8');
    expect(JSON.parse(text.toString())).toMatchObject({ statusCode: 400 });
  });
});
