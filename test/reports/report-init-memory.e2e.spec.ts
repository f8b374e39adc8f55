import { gzipSync } from 'node:zlib';
import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { functionId } from '@fleetscope/model';
import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';
import { ACCOUNT, REGION, deliver } from './support/report-lines';

/**
 * The INIT of a day whose memory size changed, priced at the size each INIT ran at. A review: a
 * function moved from 512 to 1,024 MB on Thursday had its INIT priced at the day's mean size,
 * weighted by billed time, so the report's INIT and cold-start cost were 4 % over GET
 * /api/coldstarts' (the total was right: the compute took the difference).
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const GB_SECOND_USD = 0.0000166667;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const THURSDAY = week.fromMs + 3 * DAY_MS;
const RESIZED = functionId({
  platform: 'aws_lambda',
  account: ACCOUNT,
  region: REGION,
  name: 'resized',
});

/** One cold invocation with 200 ms of INIT in its Billed Duration, in a sandbox of its own. */
function coldCall(atMs: number, memoryMb: number, billedMs: number, sandbox: string) {
  const message = {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: '/aws/lambda/resized',
    logStream: `2026/01/01/[$LATEST]${sandbox}`,
    subscriptionFilters: ['fleetscope'],
    logEvents: [
      {
        id: sandbox,
        timestamp: atMs,
        message:
          `REPORT RequestId: ${sandbox}-0000-4000-8000-000000000000\t` +
          `Duration: ${billedMs - 200}.00 ms\tBilled Duration: ${billedMs} ms\t` +
          `Memory Size: ${memoryMb} MB\tMax Memory Used: 100 MB\tInit Duration: 200.00 ms\t`,
      },
    ],
  };
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

describe('Weekly report INIT on a day the memory size changed', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // 512 MB billed 1,300 ms at 10:10; 1,024 MB billed 300 ms at 10:40, in the same hour row (a
    // change between hours splits the day at it). The mean size by billed time is 608 MB; the
    // INITs ran at 512 and 1,024.
    await deliver(fleetscope.ingestUrl, [
      coldCall(THURSDAY + 10 * HOUR_MS + 10 * MINUTE_MS, 512, 1_300, 'small'),
      coldCall(THURSDAY + 10 * HOUR_MS + 40 * MINUTE_MS, 1024, 300, 'large'),
    ]);
    await fleetscope.flush();
    const built = await post<WeeklyReport>(url('/api/reports/weekly'), { week: week.label });
    expect(built.status).toBe(200);
    report = built.body;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('prices each INIT at its own size, as GET /api/coldstarts does, and the day at its billed GB-seconds', async () => {
    // 0.2 s × 0.5 GB + 0.2 s × 1 GB = 0.3 GB-s; at the mean size it was 0.4 s × 0.59375 GB.
    const initUsd = 0.3 * GB_SECOND_USD;
    const cold = report.coldStarts.byFunction.find((f) => f.functionId === RESIZED)!;
    expect(cold.costUsd).toBeCloseTo(initUsd, 12);
    const row = report.functions.find((f) => f.functionId === RESIZED)!;
    expect(row.breakdown.init).toBeCloseTo(initUsd, 12);
    // 1.3 s × 0.5 GB + 0.3 s × 1 GB = 0.95 GB-s in all, and two requests.
    expect(row.costUsd).toBeCloseTo(0.95 * GB_SECOND_USD + 2 * 0.2e-6, 12);
    const page = await getJson<ColdStartReport>(
      fleetscope,
      `/api/coldstarts?from=${week.fromMs}&to=${week.toMs}&groupBy=function`,
    );
    const group = page.groups.find((g) => g.key === RESIZED)!;
    expect(group.costUsd).toBeCloseTo(cold.costUsd!, 12);
  });
});
