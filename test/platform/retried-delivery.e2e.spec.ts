import { functionId } from '@fleetscope/model';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { listFunctions, post } from './platform-ingest.helpers';

/** The writer's estimate of one queued invocation record (ingest-writer.ts estimateBytes). */
const INVOCATION_BYTES = 500;
const QUEUED = 10;

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:retried';
const FUNCTION_ID = functionId({
  platform: 'aws_lambda',
  account: '123456789012',
  region: 'eu-west-1',
  name: 'retried',
});

/** platform.start and platform.report of one invocation (Telemetry API schema 2022-12-13). */
function invocation(requestId: string, startMs: number, status: 'success' | 'timeout') {
  const durationMs = status === 'timeout' ? 3000 : 120.5;
  return [
    { time: new Date(startMs).toISOString(), type: 'platform.start', record: { requestId } },
    {
      time: new Date(startMs + durationMs + 2).toISOString(),
      type: 'platform.report',
      record: {
        requestId,
        status,
        metrics: {
          durationMs,
          billedDurationMs: Math.ceil(durationMs),
          memorySizeMB: 256,
          maxMemoryUsedMB: 80,
        },
      },
    },
  ];
}

/**
 * A delivery the collector could not store is sent again by its sender. Parsing it the first time
 * must not use up the per-sandbox state (the reset after a timeout, an INIT) that the retry needs.
 */
describe('A Lambda delivery retried after the collector could not store it', () => {
  let fleetscope: RunningFleetscope;
  let url: string;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      // QUEUED invocation records fill the queue; nothing is flushed until asked.
      FLEETSCOPE_QUEUE_MAX_BYTES: String(QUEUED * INVOCATION_BYTES),
      FLEETSCOPE_FLUSH_INTERVAL_MS: '600000',
    });
    url = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(ARN)}&instance=sandbox-1`;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('still makes the invocation after a timeout a cold start when its batch is retried after a 429', async () => {
    const t0 = Date.now() - 10 * 60_000;
    const timedOut = await post(url, invocation('a1', t0, 'timeout'));
    expect(timedOut.status).toBe(200);
    await fleetscope.flush();

    // The queue fills up: the next batch is parsed, then refused.
    const writer = fleetscope.app.get(IngestWriter);
    const queued = writer.write({
      invocations: Array.from({ length: QUEUED }, (_, i) =>
        lambdaInvocation('aws_lambda~123456789012~eu-west-1~other', `queued-${i}`, t0 - i * 1000),
      ),
    });
    expect(writer.isQueueFull()).toBe(true);
    const next = invocation('a2', t0 + 60_000, 'success');
    expect((await post(url, next)).status).toBe(429);

    await fleetscope.flush();
    await queued;
    expect((await post(url, next)).status).toBe(200);

    const fn = (await listFunctions(fleetscope, t0 - 60_000, Date.now())).find(
      (f) => f.id === FUNCTION_ID,
    );
    expect(fn).toMatchObject({ invocations: 2, timeouts: 1, coldStarts: 1 });
  });
});
