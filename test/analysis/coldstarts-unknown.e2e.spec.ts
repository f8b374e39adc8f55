import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { functionId } from '@fleetscope/model';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { faasResourceSpans, faasServerSpan } from '../support/otlp-json-spans';
import { awslogs, dataMessage, post, rows } from '../platform/platform-ingest.helpers';

const PROJECT = 'shop-prod';
const REGION = 'us-central1';
/** Cloud Functions: none of its spans says whether it started cold. */
const RESIZE = functionId({
  platform: 'gcp_cloud_functions',
  account: PROJECT,
  region: REGION,
  name: 'resize',
});
/** Cloud Run: one span says cold, one warm, two say nothing. */
const CHECKOUT = functionId({
  platform: 'gcp_cloud_run',
  account: PROJECT,
  region: REGION,
  name: 'checkout',
});
/**
 * Lambda, two sources in one minute: three spans without `faas.coldstart` and one REPORT line of
 * another invocation. The minute is counted from the spans (more invocations), in the hour rows
 * the writer chose at write time (function_hours_chosen).
 */
const LAMBDA_ACCOUNT = '123456789012';
const LAMBDA_REGION = 'eu-west-1';
const TWO_SOURCES = functionId({
  platform: 'aws_lambda',
  account: LAMBDA_ACCOUNT,
  region: LAMBDA_REGION,
  name: 'two-sources',
});
const DAY_MS = 86_400_000;
/** A whole UTC day two days ago: settled in the hour and day aggregates, inside every TTL. */
const DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
const MINUTE = DAY + 10 * 3_600_000;

const GCP = { provider: 'gcp', account: PROJECT, region: REGION };
const span = faasServerSpan;
const resourceSpans = (
  platform: string,
  name: string,
  spans: Record<string, unknown>[],
  where = GCP,
) => faasResourceSpans(platform, name, spans, where);

interface FunctionRow {
  id: string;
  invocations: number;
  coldStarts: number;
  coldStartRate: number | null;
  coldStartUnknown: number;
  coldStartRateReason: string | null;
}

describe('cold-start rates of invocations whose start no source reported', () => {
  let fleetscope: RunningFleetscope;
  const range = `from=${DAY}&to=${DAY + DAY_MS}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const at = (i: number) => MINUTE + i * 1000;
    const answer = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [
        resourceSpans(
          'gcp_cloud_functions',
          'resize',
          [0, 1, 2, 3].map((i) => span(at(i), undefined)),
        ),
        resourceSpans('gcp_cloud_run', 'checkout', [
          span(at(0), true),
          span(at(1), false),
          span(at(2), undefined),
          span(at(3), undefined),
        ]),
        resourceSpans(
          'aws_lambda',
          'two-sources',
          [0, 1, 2].map((i) => span(at(i), undefined)),
          { provider: 'aws', account: LAMBDA_ACCOUNT, region: LAMBDA_REGION },
        ),
      ],
    });
    expect(answer.status).toBe(200);
    const requestId = '0e4f0000-0000-4000-8000-000000000001';
    const logs = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${LAMBDA_REGION}`,
      awslogs(
        dataMessage(LAMBDA_ACCOUNT, 'two-sources', '2026/01/01/[$LATEST]0123456789abcdef', [
          { timestamp: at(10), message: `START RequestId: ${requestId} Version: $LATEST\n` },
          {
            timestamp: at(11),
            message:
              `REPORT RequestId: ${requestId}\tDuration: 100.00 ms\tBilled Duration: 100 ms\t` +
              `Memory Size: 512 MB\tMax Memory Used: 90 MB\t\n`,
          },
        ]),
      ),
    );
    expect(logs.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  const get = <T>(path: string): Promise<T> => getJson<T>(fleetscope, path);

  it('defect: GET /api/functions gave 0 % for a function none of whose spans carries faas.coldstart; the rate is now null, with the reason and the count of unknown starts', async () => {
    const { functions } = await get<{ functions: FunctionRow[] }>(`/api/functions?${range}`);
    const resize = functions.find((f) => f.id === RESIZE);
    expect(resize).toMatchObject({
      invocations: 4,
      coldStarts: 0,
      coldStartRate: null,
      coldStartUnknown: 4,
    });
    expect(resize?.coldStartRateReason).toMatch(/faas\.coldstart/);
  });

  it('defect: invocations of unknown start were counted as warm; the rate is now over the invocations whose start is known', async () => {
    const { functions } = await get<{ functions: FunctionRow[] }>(`/api/functions?${range}`);
    // By hand: 1 cold of the 2 spans that say (the other 2 say nothing).
    expect(functions.find((f) => f.id === CHECKOUT)).toMatchObject({
      invocations: 4,
      coldStarts: 1,
      coldStartRate: 0.5,
      coldStartUnknown: 2,
      coldStartRateReason: null,
    });
  });

  it('GET /api/functions gives the fleet cold starts by the same rule (the overview card no longer computes them)', async () => {
    const { fleet } = await get<{ fleet: Omit<FunctionRow, 'id'> }>(`/api/functions?${range}`);
    // As GET /api/coldstarts' totals below: 1 cold start of the 2 invocations whose start is known.
    expect(fleet).toMatchObject({
      invocations: 11,
      coldStarts: 1,
      coldStartRate: 0.5,
      coldStartUnknown: 9,
      coldStartRateReason: null,
    });
  });

  it('GET /api/coldstarts says the same per group and in the totals, at every resolution', async () => {
    for (const query of [range, `from=${MINUTE}&to=${MINUTE + 60_000}`]) {
      const report = await get<ColdStartReport>(`/api/coldstarts?${query}&groupBy=function`);
      const resize = report.groups.find((g) => g.key === RESIZE);
      expect(resize).toMatchObject({
        invocations: 4,
        coldStarts: 0,
        coldStartRate: null,
        coldStartUnknown: 4,
        onDemand: { coldStarts: 0, rate: null },
        snapStart: { restores: 0, rate: null },
      });
      expect(resize?.coldStartRateReason).toMatch(/faas\.coldstart/);
      expect(report.groups.find((g) => g.key === CHECKOUT)).toMatchObject({
        invocations: 4,
        coldStarts: 1,
        coldStartRate: 0.5,
        coldStartUnknown: 2,
        coldStartRateReason: null,
      });
      // 1 cold start of the 2 invocations whose start is known, of 11.
      expect(report.totals).toMatchObject({
        invocations: 11,
        coldStarts: 1,
        coldStartRate: 0.5,
        coldStartUnknown: 9,
        coldStartRateReason: null,
      });
    }
  });

  it('keeps the unknown starts of the source chosen at write time (hour rows of a day with two sources)', async () => {
    const chosen = await rows<{ unknown: string }>(
      fleetscope,
      // The hour's newest rebuild, as reads take it.
      `SELECT toString(argMax(unknown_starts, rev)) AS unknown FROM function_hours_chosen
       WHERE function_id = {id:String}`,
      { id: TWO_SOURCES },
    );
    expect(chosen).toEqual([{ unknown: '3' }]);
    const { functions } = await get<{ functions: FunctionRow[] }>(`/api/functions?${range}`);
    expect(functions.find((f) => f.id === TWO_SOURCES)).toMatchObject({
      invocations: 3,
      coldStarts: 0,
      coldStartRate: null,
      coldStartUnknown: 3,
    });
  });
});
