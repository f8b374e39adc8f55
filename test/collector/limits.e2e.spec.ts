import { gzipSync } from 'node:zlib';
import {
  decodeStatusProtobuf,
  encodeLogsRequestProtobuf,
  encodeMetricsRequestProtobuf,
  encodeTraceRequestProtobuf,
} from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from './support/collector-metrics';

describe('collector limits', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_INGEST_TOKEN: 'secret',
      FLEETSCOPE_QUEUE_MAX_BYTES: String(1024 * 1024),
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const post = (path: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    fetch(`${fleetscope.ingestUrl}${path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret', ...headers },
      body,
    });

  it('refuses a small compressed body of too many log lines with 413 before building rows', async () => {
    const body = gzipSync(Buffer.from('a\n'.repeat(300_000)));
    const response = await post(
      '/ingest/lambda/logs?function=f&region=eu-west-1&account=123456789012',
      body,
      {
        'content-encoding': 'gzip',
        'content-type': 'text/plain',
      },
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain(
      'more than 200000 lines',
    );
  });

  it('stores a request bigger than the whole write queue in parts, where it refused it with 413', async () => {
    // 20,000 log rows, estimated at ~15 MiB against a 1 MiB queue: its sender could never
    // store it, and a 413 is not retried.
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000).toISOString();
    const lines = Array.from({ length: 20_000 }, (_, i) => `${at}\tr-${i}\tINFO\tline ${i}`);
    const response = await post(
      '/ingest/lambda/logs?function=f&region=eu-west-1&account=123456789012',
      lines.join('\n'),
      { 'content-type': 'text/plain' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ logs: 20_000, rejected: 0 });
    await fleetscope.flush();
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT count() AS n FROM logs WHERE function_id = 'aws_lambda~123456789012~eu-west-1~f'`,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    expect(await result.json()).toEqual([{ n: 20_000 }]);
  });

  it('labels unknown paths "other" in its metrics, however many are tried without a token', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${fleetscope.ingestUrl}/ingest/random-${i}`, {
        method: 'POST',
        body: 'x',
      });
      expect(response.status).toBe(401);
    }
    const metrics = await fetch(`${fleetscope.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain(
      'fleetscope_ingest_rejected_items_total{signal="other",reason="unauthorized"} 5',
    );
    expect(metrics).not.toContain('random-');
  });

  it('accepts the bearer scheme in any case', async () => {
    const response = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { authorization: 'bearer secret', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('refuses an OTLP body of too many empty records with 413 before decoding it', async () => {
    const records = Array.from({ length: 250_000 }, () => ({}));
    const body = encodeLogsRequestProtobuf({
      resourceLogs: [{ scopeLogs: [{ logRecords: records }] }],
    });
    const response = await post('/v1/logs', Buffer.from(body), {
      'content-type': 'application/x-protobuf',
    });
    expect(response.status).toBe(413);
    const status = decodeStatusProtobuf(new Uint8Array(await response.arrayBuffer()));
    expect(status.message).toContain('more than 200000 log records');
  });

  it('refuses an OTLP/JSON body of millions of empty objects with 413 before parsing it', async () => {
    const body = `{"resourceLogs":[{"scopeLogs":[{"logRecords":[${'{},'.repeat(5_100_000)}{}]}]}]}`;
    const response = await post('/v1/logs', gzipSync(Buffer.from(body)), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain('JSON objects');
  });
  it('refuses an OTLP/JSON body of millions of empty arrays with 413 before parsing it, counted', async () => {
    // Only `{` was counted: 21 million `[]` (63 MB) held every sender's ingest for 53 s, then 200.
    const tooMany = () =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'traces',
        reason: 'too_many_items',
      });
    const before = await tooMany();
    const body = `{"resourceSpans":[${'[],'.repeat(5_100_000)}[]]}`;
    const response = await post('/v1/traces', gzipSync(Buffer.from(body)), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe(
      'more than 5000000 JSON objects and arrays in one request: send smaller batches',
    );
    expect(await tooMany()).toBe(before + 1);
  });

  it('refuses an OTLP body of millions of histogram bucket counts with 413 before decoding it', async () => {
    // A zero bucket count is one byte on the wire and a 64-bit object once decoded (about 70
    // bytes): at the 64 MiB body limit, a 64 kB gzip request would decode to more than the heap.
    const now = `${Date.now()}000000`;
    const point = (buckets: number) => ({
      startTimeUnixNano: now,
      timeUnixNano: now,
      count: 1,
      scale: 0,
      positive: { offset: 0, bucketCounts: new Array<number>(buckets).fill(0) },
    });
    const body = encodeMetricsRequestProtobuf({
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              metrics: [
                {
                  name: 'wide',
                  exponentialHistogram: {
                    aggregationTemporality: 1,
                    dataPoints: [point(1_500_000), point(1_500_000)],
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    const response = await post('/v1/metrics', gzipSync(body), {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(413);
    const status = decodeStatusProtobuf(new Uint8Array(await response.arrayBuffer()));
    expect(status.message).toContain('more than 2000000 histogram bucket counts');
  });
  it('refuses an OTLP body of millions of empty span events with 413 before decoding it', async () => {
    // An empty event is two bytes on the wire and a stored event of about 120 bytes: at the 64 MiB
    // body limit, a 64 kB gzip request of one span would decode to more than the heap.
    const now = `${Date.now()}000000`;
    const body = encodeTraceRequestProtobuf({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: '00f067aa0ba902b7',
                  name: 'eventful',
                  startTimeUnixNano: now,
                  endTimeUnixNano: now,
                  events: new Array<object>(1_200_000).fill({}),
                },
              ],
            },
          ],
        },
      ],
    });
    const response = await post('/v1/traces', gzipSync(body), {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(413);
    const status = decodeStatusProtobuf(new Uint8Array(await response.arrayBuffer()));
    expect(status.message).toContain('more than 1000000 span events and links');
  });
});
