import type { ColdStartGroupReport, ColdStartReport } from '@fleetscope/analysis-jobs';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { upgradedSandbox } from '../support/lambda-sandbox';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { SDK_ACCOUNT, SDK_REGION } from '../support/lambda-sdk-spans';
import { awslogs, dataMessage, post, reportLine } from '../platform/platform-ingest.helpers';

/**
 * GET /api/coldstarts?groupBy=runtime when a Lambda function moves from Python 3.11 to 3.12 at a
 * minute inside an hour (10:22): what ran before the change stays under python3.11. Found by a
 * review: each stored row went to the runtime in force at its end, and a whole hour is one row, so
 * the 20 invocations and the cold start of 10:02–10:21 were counted under python3.12, whose cold
 * starts users compare with the old runtime's right after an upgrade.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

// Two weeks back: whole days of the past, inside every retention.
const tuesday = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS)).fromMs + DAY_MS;

describe('GET /api/coldstarts?groupBy=runtime across a runtime change inside an hour', () => {
  let fleetscope: RunningFleetscope;

  const byRuntime = async (fromMs: number, toMs: number) => {
    const report = await getJson<ColdStartReport>(
      fleetscope,
      `/api/coldstarts?from=${fromMs}&to=${toMs}&groupBy=runtime`,
    );
    return Object.fromEntries(report.groups.map((g) => [g.key, g])) as Record<
      string,
      ColdStartGroupReport
    >;
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_HTTP_PORT: '47511',
      FLEETSCOPE_OTLP_HTTP_PORT: '47512',
      FLEETSCOPE_OTLP_GRPC_PORT: '47513',
    });
    const at = (hours: number, minutes: number) => tuesday + hours * HOUR_MS + minutes * MINUTE_MS;
    // Python 3.11: 10 invocations from 09:40 and 20 from 10:02 (to 10:21), each sandbox started
    // by a 500 ms INIT. Python 3.12 from 10:22: 20 invocations, then 5 from 11:10, 300 ms INITs.
    const sandboxes = [
      upgradedSandbox('python:3.11.v40', at(9, 40) + 5_000, 10, 500, 512),
      upgradedSandbox('python:3.11.v40', at(10, 2) + 5_000, 20, 500, 512),
      upgradedSandbox('python:3.12.v30', at(10, 22) + 5_000, 20, 300, 512),
      upgradedSandbox('python:3.12.v30', at(11, 10) + 5_000, 5, 300, 512),
    ];
    // A proactive init on Python 3.11 at 10:05, its first invocation five minutes later: counted
    // with the extras read from the raw records (coldStartExtras), by the same minute rule.
    const initAt = at(10, 5);
    sandboxes.push(
      dataMessage(SDK_ACCOUNT, 'upgraded', `2026/01/01/[$LATEST]${initAt.toString(16)}`, [
        {
          timestamp: initAt,
          message: `INIT_START Runtime Version: python:3.11.v40\tRuntime Version ARN: arn:aws:lambda:${SDK_REGION}::runtime:0123\n`,
        },
        {
          timestamp: initAt + 5 * MINUTE_MS + 100,
          message: reportLine(`${initAt.toString(16)}-0000-4000-8000-000000000000`, {
            durationMs: 100,
            billedMs: 100,
            memoryMb: 512,
            maxUsedMb: 80,
            initMs: 400,
          }),
        },
      ]),
    );
    for (const message of sandboxes) {
      const answer = await post(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${SDK_REGION}`,
        awslogs(message),
      );
      expect(answer.status).toBe(200);
    }
    await fleetscope.flush();
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  it('counts the cold starts and invocations before the change under the old runtime (hour rows)', async () => {
    const day = await byRuntime(tuesday, tuesday + DAY_MS);
    expect(Object.keys(day).sort()).toEqual(['python3.11', 'python3.12']);
    expect(day['python3.11']).toMatchObject({ functions: 1, invocations: 31, coldStarts: 2 });
    expect(day['python3.11'].proactive).toEqual({ inits: 1, meanInitMs: 400 });
    expect(day['python3.12'].proactive.inits).toBe(0);
    expect(day['python3.11'].onDemand.initDurationMs.mean).toBe(500);
    expect(day['python3.12']).toMatchObject({ functions: 1, invocations: 25, coldStarts: 2 });
    expect(day['python3.12'].onDemand.initDurationMs.mean).toBe(300);
  });

  it('splits five-minute rows at the change too (a range of whole five minutes)', async () => {
    // 10:00–10:45: the 10:20–10:25 row holds 10:20 and 10:21 on Python 3.11 and 10:22 on 3.12.
    const part = await byRuntime(tuesday + 10 * HOUR_MS, tuesday + 10.75 * HOUR_MS);
    expect(part['python3.11']).toMatchObject({ invocations: 21, coldStarts: 1 });
    expect(part['python3.12']).toMatchObject({ invocations: 20, coldStarts: 1 });
  });

  it('leaves the hours without a change as they were', async () => {
    const morning = await byRuntime(tuesday, tuesday + 10 * HOUR_MS);
    expect(Object.keys(morning)).toEqual(['python3.11']);
    expect(morning['python3.11']).toMatchObject({ invocations: 10, coldStarts: 1 });
    const afternoon = await byRuntime(tuesday + 11 * HOUR_MS, tuesday + DAY_MS);
    expect(Object.keys(afternoon)).toEqual(['python3.12']);
    expect(afternoon['python3.12']).toMatchObject({ invocations: 5, coldStarts: 1 });
  });
});
