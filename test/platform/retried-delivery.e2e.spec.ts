import { gzipSync } from 'node:zlib';
import { functionId } from '@fleetscope/model';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from '../collector/support/collector-metrics';
import { awslogs, dataMessage, listFunctions, post } from './platform-ingest.helpers';

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
      // Not paced: a paced writer drains once half its bound waits, and the queue must stay full.
      FLEETSCOPE_DRAIN_INTERVAL_MS: '0',
      FLEETSCOPE_FIREHOSE_ACCESS_KEY: 'firehose-secret-key',
    });
    url = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(ARN)}&instance=sandbox-1`;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  /** Three invocations since t0, the first timed out: the second alone starts cold. */
  async function expectOneColdStartAfterTheTimeout(name: string, t0: number): Promise<void> {
    const id = functionId({
      platform: 'aws_lambda',
      account: '123456789012',
      region: 'eu-west-1',
      name,
    });
    const fn = (await listFunctions(fleetscope, t0 - 60_000, Date.now())).find((f) => f.id === id);
    expect(fn).toMatchObject({ invocations: 3, timeouts: 1, coldStarts: 1 });
  }

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

  it('does not replay the reset of a Firehose request Firehose sends again after storing it', async () => {
    // Firehose re-sends a request whose 200 it did not see, with the same request id.
    const name = 'firehose-retried';
    const t0 = Date.now() - 10 * 60_000;
    const report = (id: string, extra: string) =>
      `REPORT RequestId: ${id}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t${extra}`;
    const send = (requestId: string, id: string, atMs: number, extra = '') =>
      post(
        `${fleetscope.ingestUrl}/ingest/firehose`,
        {
          requestId,
          timestamp: Date.now(),
          records: [
            {
              data: gzipSync(
                JSON.stringify(
                  dataMessage('123456789012', name, '2026/12/05/[$LATEST]abc', [
                    { timestamp: atMs, message: report(id, extra) },
                  ]),
                ),
              ).toString('base64'),
            },
          ],
        },
        {
          'x-amz-firehose-request-id': requestId,
          'x-amz-firehose-access-key': 'firehose-secret-key',
          'x-amz-firehose-source-arn':
            'arn:aws:firehose:eu-west-1:123456789012:deliverystream/fleetscope',
        },
      );
    expect((await send('r1', 'f1', t0 + 3000, 'Status: timeout')).status).toBe(200);
    expect((await send('r2', 'f2', t0 + 60_000)).status).toBe(200);
    expect((await send('r1', 'f1', t0 + 3000, 'Status: timeout')).status).toBe(200);
    expect((await send('r3', 'f3', t0 + 120_000)).status).toBe(200);

    // f2 follows the timeout; f3 follows f2, whatever was sent again in between.
    await expectOneColdStartAfterTheTimeout(name, t0);
  });

  it('answers a CloudWatch delivery sent again as it answered it first, counts its rejections once, and applies its timeout once', async () => {
    // A forwarder that lost the first answer sends the same delivery again.
    const name = 'cloudwatch-retried';
    const t0 = Date.now() - 10 * 60_000;
    const cloudwatch = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=eu-west-1`;
    const report = (id: string, extra = '') =>
      `REPORT RequestId: ${id}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t${extra}`;
    const delivery = (events: { timestamp: unknown; message: unknown }[]) =>
      awslogs(dataMessage('123456789012', name, '2026/12/06/[$LATEST]cw1', events as never));
    const first = delivery([
      { timestamp: t0 + 3000, message: report('c1', 'Status: timeout') },
      { timestamp: 'yesterday', message: 'a line whose timestamp is not a number' },
    ]);
    const rejected = () =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'lambda_cloudwatch',
        reason: 'invalid_event',
      });
    const before = await rejected();

    const answered = await post(cloudwatch, first);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ invocations: 1, rejected: 1, duplicate: false });
    const errors = answered.body.errors as string[];
    expect(errors).toEqual([expect.stringMatching(/logEvents\[1\] needs a numeric timestamp/)]);
    expect(
      (await post(cloudwatch, delivery([{ timestamp: t0 + 60_000, message: report('c2') }])))
        .status,
    ).toBe(200);

    const again = await post(cloudwatch, first);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ invocations: 1, logs: 0, rejected: 1, errors, duplicate: true });
    expect(await rejected()).toBe(before + 1);
    expect(
      (await post(cloudwatch, delivery([{ timestamp: t0 + 120_000, message: report('c3') }])))
        .status,
    ).toBe(200);

    // c2 follows the timeout; c3 follows c2, whatever was sent again in between.
    await expectOneColdStartAfterTheTimeout(name, t0);
  });
});
