import { randomBytes } from 'node:crypto';
import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { awslogs, dataMessage, post } from '../platform/platform-ingest.helpers';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const NAME = 'snap-two-sources';
const ID = functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name: NAME });
const DAY_MS = 86_400_000;
/** A whole UTC day two days ago: settled in the hour and day aggregates, inside every TTL. */
const DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
/** 10:00 of DAY: both invocations start in this minute. */
const MINUTE = DAY + 10 * 3_600_000;
const RESTORED = '5a0e0000-0000-4000-8000-000000000001';
const WARM = '5a0e0000-0000-4000-8000-000000000002';

/** The FaaS SERVER span of one invocation, its version `3` as the function's resource says. */
function span(requestId: string, startMs: number, coldstart: boolean): Record<string, unknown> {
  const startNs = BigInt(startMs) * 1_000_000n;
  return {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    name: NAME,
    kind: 2,
    startTimeUnixNano: startNs.toString(),
    endTimeUnixNano: (startNs + 100_000_000n).toString(),
    attributes: [
      { key: 'faas.invocation_id', value: { stringValue: requestId } },
      { key: 'faas.coldstart', value: { boolValue: coldstart } },
      {
        key: 'cloud.resource_id',
        value: { stringValue: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${NAME}` },
      },
    ],
    status: {},
  };
}

/**
 * Two sources of one function that name its version differently: the log stream `[$LATEST]`,
 * the spans `3`. The logs carry only the restored invocation (with its Restore Duration), the
 * spans both invocations of the minute, so the aggregate counts the minute from the spans.
 */
describe('GET /api/coldstarts over two sources of one function', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const logs = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
      awslogs(
        dataMessage(ACCOUNT, NAME, '2026/01/01/[$LATEST]0123456789abcdef', [
          { timestamp: MINUTE + 1000, message: `START RequestId: ${RESTORED} Version: $LATEST\n` },
          {
            timestamp: MINUTE + 1100,
            message:
              `REPORT RequestId: ${RESTORED}\tDuration: 100.00 ms\tBilled Duration: 100 ms\t` +
              `Memory Size: 512 MB\tMax Memory Used: 90 MB\tRestore Duration: 300.00 ms\t` +
              `Billed Restore Duration: 350 ms\t\n`,
          },
        ]),
      ),
    );
    expect(logs.status).toBe(200);
    const traces = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [
        {
          resource: {
            attributes: [
              { key: 'service.name', value: { stringValue: NAME } },
              { key: 'cloud.provider', value: { stringValue: 'aws' } },
              { key: 'cloud.platform', value: { stringValue: 'aws_lambda' } },
              { key: 'cloud.region', value: { stringValue: REGION } },
              { key: 'faas.name', value: { stringValue: NAME } },
              { key: 'faas.version', value: { stringValue: '3' } },
              { key: 'faas.max_memory', value: { stringValue: '512' } },
            ],
          },
          scopeSpans: [
            {
              scope: { name: '@opentelemetry/instrumentation-aws-lambda' },
              spans: [span(RESTORED, MINUTE + 1000, true), span(WARM, MINUTE + 20_000, false)],
            },
          ],
        },
      ],
    });
    expect(traces.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  const report = async (query: string): Promise<ColdStartReport> => {
    const response = await fetch(`${fleetscope.apiUrl}/api/coldstarts?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ColdStartReport;
  };

  it.each([
    ['the whole day', `from=${DAY}&to=${DAY + DAY_MS}`],
    ['the minute', `from=${MINUTE}&to=${MINUTE + 60_000}`],
  ])(
    'defect: the restore percentiles of %s landed in a version group of 0 invocations; each group now describes the records its counts come from',
    async (_label, range) => {
      const body = await report(`${range}&groupBy=version`);
      // By hand: the minute is counted from the spans (2 invocations, 1 cold start, version 3);
      // they carry no Restore Duration, so no restore is counted and none is described.
      expect(body.groups.map((g) => g.key)).toEqual([`${ID}:3`]);
      expect(body.groups[0]).toMatchObject({ invocations: 2, coldStarts: 1 });
      expect(body.groups[0].snapStart.restores).toBe(0);
      expect(body.groups[0].snapStart.restoreDurationMs).toEqual({
        mean: null,
        p50: null,
        p95: null,
        p99: null,
      });
      expect(body.totals.snapStart.restoreDurationMs.p50).toBeNull();
    },
  );
});
