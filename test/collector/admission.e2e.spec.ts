import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from './support/collector-metrics';

/** The writer's estimate of one queued invocation record (ingest-writer.ts estimateBytes). */
const INVOCATION_BYTES = 500;
const QUEUED = 10;

/**
 * Under overload every refused export used to be decoded first (bench:ingest: thousands of 429s,
 * each a decoded 512-span batch). With the queue full, the answer now comes before the body is
 * read: a body that is not even protobuf is told to come back (429), not judged (400).
 */
describe('OTLP ingest while the write queue is full', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      // Exactly QUEUED invocation records fill the queue; nothing is flushed until asked (drains
      // not paced: a paced writer drains once half its bound waits).
      FLEETSCOPE_QUEUE_MAX_BYTES: String(QUEUED * INVOCATION_BYTES),
      FLEETSCOPE_FLUSH_INTERVAL_MS: '600000',
      FLEETSCOPE_DRAIN_INTERVAL_MS: '0',
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('answers an export 429 with Retry-After before decoding its body, and stores once the queue drains', async () => {
    const writer = fleetscope.app.get(IngestWriter);
    const now = Date.now();
    const functionId = 'aws_lambda~123456789012~eu-west-1~queued';
    const queued = writer.write({
      invocations: Array.from({ length: QUEUED }, (_, i) =>
        lambdaInvocation(functionId, `queued-${i}`, now - i * 1000),
      ),
    });
    expect(writer.isQueueFull()).toBe(true);
    const throttledBefore = await collectorMetric(
      fleetscope.ingestUrl,
      'fleetscope_ingest_throttled_requests_total',
      { signal: 'traces', reason: 'queue_full' },
    );
    const invalidBefore = await collectorMetric(
      fleetscope.ingestUrl,
      'fleetscope_ingest_rejected_items_total',
      { signal: 'traces', reason: 'invalid_protobuf' },
    );

    const garbage = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
    });
    expect(garbage.status).toBe(429);
    expect(Number(garbage.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(
      await collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_throttled_requests_total', {
        signal: 'traces',
        reason: 'queue_full',
      }),
    ).toBe(throttledBefore + 1);
    // Not decoded: nothing was judged invalid.
    expect(
      await collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'traces',
        reason: 'invalid_protobuf',
      }),
    ).toBe(invalidBefore);

    // The queue drains; the same bad body is now read, and refused for what it is.
    await fleetscope.flush();
    await queued;
    const again = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
    });
    expect(again.status).toBe(400);
    const stored = await fleetscope.clickhouse.client.query({
      query: 'SELECT count() AS n FROM invocations WHERE function_id = {f:String}',
      query_params: { f: functionId },
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    expect(await stored.json()).toEqual([{ n: QUEUED }]);
  });
});
