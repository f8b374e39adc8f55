import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from '../collector/support/collector-metrics';
import { dataMessage, minuteAgo, post, rows } from './platform-ingest.helpers';

const ACCESS_KEY = 'firehose-secret-key';
const ACCOUNT = '123456789012';
/** Small bounds, so that small deliveries cross them. */
const QUEUE_MAX_BYTES = 1024 * 1024;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function headers(requestId: string): Record<string, string> {
  return {
    'x-amz-firehose-request-id': requestId,
    'x-amz-firehose-access-key': ACCESS_KEY,
    'x-amz-firehose-source-arn': `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/fleetscope`,
    'x-amz-firehose-protocol-version': '1.0',
  };
}

/** A delivery of `records` CloudWatch Logs records of `lines` application log lines each. */
function delivery(name: string, requestId: string, records: number, lines: number): string {
  const t = minuteAgo(5);
  const data = Array.from({ length: records }, (_, r) => {
    const invocation = randomUUID();
    const message = dataMessage(
      ACCOUNT,
      name,
      `2025/01/01/[$LATEST]${r.toString(16).padStart(32, '0')}`,
      Array.from({ length: lines }, (_, i) => ({
        timestamp: t + r * lines + i,
        message: `${new Date(t + r * lines + i).toISOString()}\t${invocation}\tINFO\tline ${r}-${i} of a chatty function\n`,
      })),
    );
    return { data: gzipSync(JSON.stringify(message)).toString('base64') };
  });
  return JSON.stringify({ requestId, timestamp: Date.now(), records: data });
}

/**
 * Firehose takes a 413 for a permanent failure and drops the batch, without even backing it up to
 * its S3 error bucket; every other status it retries with the same request id
 * (httpdeliveryrequestresponse.md, "Status Code").
 */
describe('POST /ingest/firehose of deliveries larger than the collector takes at once', () => {
  let fleetscope: RunningFleetscope;
  let url: string;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_FIREHOSE_ACCESS_KEY: ACCESS_KEY,
      FLEETSCOPE_QUEUE_MAX_BYTES: String(QUEUE_MAX_BYTES),
      FLEETSCOPE_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    });
    url = `${fleetscope.ingestUrl}/ingest/firehose`;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function logsOf(name: string): Promise<number> {
    await fleetscope.flush();
    const id = functionId({ platform: 'aws_lambda', account: ACCOUNT, region: 'us-east-1', name });
    const [row] = await rows<{ n: number }>(
      fleetscope,
      'SELECT count() AS n FROM logs WHERE function_id = {id:String}',
      { id },
    );
    return row.n;
  }

  it("stores a delivery three times the write queue's bound in parts, and a retry nothing twice", async () => {
    const name = 'firehose-whole';
    const requestId = randomUUID();
    const body = delivery(name, requestId, 4, 500);
    const answer = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ requestId, timestamp: expect.any(Number) });
    expect(await logsOf(name)).toBe(2_000);
    expect((await post(url, body, headers(requestId))).status).toBe(200);
    expect(await logsOf(name)).toBe(2_000);
  });

  it('stores a delivery the writer refused for a part of it once, and its retry only the parts not stored', async () => {
    // 2,000 log rows, about three times the queue's bound as the writer estimates them.
    const name = 'firehose-parts';
    const requestId = randomUUID();
    const body = delivery(name, requestId, 4, 500);
    const client = fleetscope.clickhouse.client;
    // Storage fails: the parts acknowledged fill the queue, and the next one is refused.
    await client.command({ query: 'DETACH TABLE logs' });
    let refused;
    try {
      refused = await post<Record<string, unknown>>(url, body, headers(requestId));
    } finally {
      await client.command({ query: 'ATTACH TABLE logs' });
    }
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringContaining('retry later'),
    });
    const storedBefore = await logsOf(name);
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBeLessThan(2_000);

    // Firehose sends it again with the same request id: the rest is stored, nothing twice.
    const retry = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(retry.status).toBe(200);
    expect(await logsOf(name)).toBe(2_000);
    const again = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(again.status).toBe(200);
    expect(await logsOf(name)).toBe(2_000);
  });

  it('refuses with 400 a delivery whose records inflate beyond FLEETSCOPE_MAX_BODY_BYTES together, storing none of it', async () => {
    // About 2.6 MB of subscription JSON in a small body: the records past the limit were
    // refused one by one and the delivery answered 200, so Firehose dropped them.
    const name = 'firehose-inflating';
    const requestId = randomUUID();
    const body = delivery(name, requestId, 32, 500);
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const answer = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringContaining(`${MAX_BODY_BYTES} bytes`),
    });
    expect(await logsOf(name)).toBe(0);
  });

  it('refuses with 400 a delivery whose extracted lines pass 200,000 together, counted, storing none', async () => {
    // Each line became a row before anything counted them: 25 million in a 65 KB body took
    // 5 GB and the process, 2 million 39 s of every sender's time.
    const tooMany = () =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'firehose',
        reason: 'too_many_lines',
      });
    const before = await tooMany();
    const requestId = randomUUID();
    // Short lines, so that the records stay within FLEETSCOPE_MAX_BODY_BYTES together.
    const marker = randomUUID().slice(0, 5);
    const record = { data: gzipSync(`${marker}\n`.repeat(100_000)).toString('base64') };
    const body = JSON.stringify({
      requestId,
      timestamp: Date.now(),
      records: [record, record, record],
    });
    const started = Date.now();
    const answer = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage:
        'records[2]: more than 200000 lines in one request: send smaller deliveries (a smaller buffer size)',
    });
    expect(await tooMany()).toBe(before + 1);
    await fleetscope.flush();
    const [stored] = await rows<{ n: number }>(
      fleetscope,
      'SELECT count() AS n FROM logs WHERE body = {marker:String}',
      { marker },
    );
    expect(stored.n).toBe(0);
  });

  it('answers a body over FLEETSCOPE_MAX_BODY_BYTES 400, which Firehose retries and then backs up, not 413', async () => {
    const requestId = randomUUID();
    const tooLarge = () =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'firehose',
        reason: 'too_large',
      });
    const before = await tooLarge();
    // Over the limit once decompressed, and as sent.
    const inflated = Buffer.alloc(MAX_BODY_BYTES + 1, ' ');
    for (const [body, extra] of [
      [gzipSync(inflated), { 'content-encoding': 'gzip' }],
      [inflated, {}],
    ] as const) {
      const answer = await post<Record<string, unknown>>(url, body, {
        ...headers(requestId),
        ...extra,
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        requestId,
        timestamp: expect.any(Number),
        errorMessage: expect.stringMatching(/exceeds|too large/),
      });
    }
    expect(await tooLarge()).toBe(before + 2);
  });
});
