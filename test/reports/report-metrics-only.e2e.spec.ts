import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { deltaCounter, deltaHistogram, lambdaResourceMetrics } from '../support/otlp-json-metrics';

/**
 * A Lambda function known only from OTLP FaaS metrics (the Telemetry API receiver's
 * faas.invocations, faas.invoke_duration, faas.init_duration, with faas.max_memory): its minute
 * rows carry durations and no Billed Duration. The weekly report and the FOCUS export bill its
 * durations as the fleet page does.
 */
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const NAME = 'metrics-only';
const ID = `aws_lambda~${ACCOUNT}~${REGION}~${NAME}`;
const INVOCATIONS = 100_000;

interface ReportFunctionRow {
  functionId: string;
  costUsd: number | null;
  breakdown: { requests: number; compute: number; init: number };
  unpriced: string[];
}

describe('the weekly report of a Lambda function known only from FaaS metrics', () => {
  let fleetscope: RunningFleetscope;
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const start = week.fromMs + 2 * DAY_MS + 10 * 3_600_000;
    // 100,000 invocations of 200 ms at 1,024 MB, 100 cold starts with 500 ms of INIT.
    const answer = await fetch(`${fleetscope.ingestUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceMetrics: [
          lambdaResourceMetrics({ account: ACCOUNT, region: REGION, name: NAME }, [
            deltaCounter('faas.invocations', INVOCATIONS, start),
            deltaCounter('faas.coldstarts', 100, start),
            deltaHistogram('faas.invoke_duration', INVOCATIONS, INVOCATIONS * 0.2, start),
            deltaHistogram('faas.init_duration', 100, 100 * 0.5, start),
          ]),
        ],
      }),
    });
    expect(answer.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: the report billed its requests only ($0.02, "memory size unknown: compute not priced") where the fleet page billed 20,000 GB-s, and the fleet page left out the INIT no REPORT line holds; both bill the durations and that INIT', async () => {
    const listed = (await fetch(url(`/api/functions?from=${week.fromMs}&to=${week.toMs}`)).then(
      (r) => r.json(),
    )) as { functions: { id: string; billedGbSeconds: number; costUsd: number }[] };
    const fleet = listed.functions.find((f) => f.id === ID)!;
    // 20,000 GB-s of durations and 50 of INIT (100 × 500 ms at 1 GB), which no REPORT line's
    // Billed Duration holds and Lambda bills on-demand since 2025-08-01.
    expect(fleet.billedGbSeconds).toBeCloseTo(20_050, 3);
    // $0.20 per million requests and 20,050 GB-s at $0.0000166667.
    expect(fleet.costUsd).toBeCloseTo(0.02 + 20_050 * 0.0000166667, 6);

    const built = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(built.status).toBe(200);
    const report = (await built.json()) as WeeklyReport & { functions: ReportFunctionRow[] };
    const row = report.functions.find((f) => f.functionId === ID)!;
    expect(row.unpriced).toEqual([]);
    expect(row.breakdown.requests).toBeCloseTo(0.02, 6);
    // The durations, and 100 × 500 ms of INIT at 1 GB: no REPORT line's Billed Duration holds it,
    // and on-demand INIT is billed since 2025-08-01.
    expect(row.breakdown.compute).toBeCloseTo(20_000 * 0.0000166667, 6);
    expect(row.breakdown.init).toBeCloseTo(50 * 0.0000166667, 6);

    const csv = await fetch(url(`/api/reports/${week.label}?format=csv`)).then((r) => r.text());
    const lines = csv.split('\n').filter((line) => line.includes(NAME));
    expect(lines.some((line) => /Duration/.test(line))).toBe(true);
  });
});
