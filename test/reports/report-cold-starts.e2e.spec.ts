import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { functionId } from '@fleetscope/model';
import { isoWeekOf, previousIsoWeek, usd, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { faasResourceSpans, faasServerSpan } from '../support/otlp-json-spans';
import { ACCOUNT, REGION, deliver, reportLines } from './support/report-lines';

/**
 * The weekly report's cold starts over the real ingest: one REPORT line with an Init Duration, and
 * cold starts known only from spans' `faas.coldstart` (Lambda, whose INIT is billed, and Azure
 * Functions), which say nothing of how long they took or what they cost.
 */
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const TIMED = functionId({
  platform: 'aws_lambda',
  account: ACCOUNT,
  region: REGION,
  name: 'timed',
});
const UNTIMED = functionId({
  platform: 'aws_lambda',
  account: ACCOUNT,
  region: REGION,
  name: 'untimed',
});
const ORDERS = functionId({
  platform: 'azure_functions',
  account: 'sub1',
  region: 'westeurope',
  name: 'orders',
});

describe('Weekly report cold starts without an init duration', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // timed: 3 invocations on Tuesday, the first cold with 1,000 ms of INIT at 10,240 MB.
    await deliver(fleetscope.ingestUrl, [reportLines('timed', week.fromMs, 1, 3)]);
    const at = (i: number) => week.fromMs + DAY_MS + 5 * 3_600_000 + i * 1000;
    const traces = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [
          faasResourceSpans(
            'aws_lambda',
            'untimed',
            [0, 1].map((i) => faasServerSpan(at(i), true)),
            { provider: 'aws', account: ACCOUNT, region: REGION },
          ),
          faasResourceSpans(
            'azure_functions',
            'orders',
            [0, 1, 2, 3].map((i) => faasServerSpan(at(i), true)),
            { provider: 'azure', account: 'sub1', region: 'westeurope' },
          ),
        ],
      }),
    });
    expect(traces.status).toBe(200);
    await fleetscope.flush();
    const built = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(built.status).toBe(200);
    report = (await built.json()) as WeeklyReport;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('counts the cold starts the wait and cost cover, as GET /api/coldstarts does', async () => {
    // 1,000 ms of INIT at 10 GB: 10 GB-s × $0.0000166667.
    expect(report.coldStarts).toMatchObject({
      count: 7,
      coldStartsWithInit: 1,
      waitingSeconds: 1,
      costUsd: expect.closeTo(10 * 0.0000166667, 12),
    });
    const page = (await (
      await fetch(url(`/api/coldstarts?from=${week.fromMs}&to=${week.toMs}&groupBy=function`))
    ).json()) as ColdStartReport;
    expect(page.totals.coldStarts).toBe(report.coldStarts.count);
    expect(page.totals.coldStartsWithInit).toBe(report.coldStarts.coldStartsWithInit);
    expect(page.totals.latencyAddedMs).toBe(report.coldStarts.waitingSeconds! * 1000);
  });

  it('gives a function none of whose cold starts has an init duration an unknown wait, and an unknown cost where its INIT is billed', () => {
    const cold = (id: string) => report.coldStarts.byFunction.find((f) => f.functionId === id);
    expect(cold(UNTIMED)).toMatchObject({
      count: 2,
      coldStartsWithInit: 0,
      waitingSeconds: null,
      costUsd: null,
    });
    // Azure Functions bills no INIT of its own.
    expect(cold(ORDERS)).toMatchObject({
      count: 4,
      coldStartsWithInit: 0,
      waitingSeconds: null,
      costUsd: 0,
    });
    expect(cold(TIMED)).toMatchObject({ count: 1, coldStartsWithInit: 1, waitingSeconds: 1 });
  });

  it('words the wait and cost "from 1 of 7 cold starts" in Markdown (the e-mail text) and HTML', async () => {
    const text = (format: string) =>
      fetch(url(`/api/reports/${week.label}?format=${format}`)).then((r) => r.text());
    const covered = 'from 1 of 7 cold starts (the others have no init duration)';
    expect(await text('md')).toContain(
      `users waited 1.0 s, costing ${usd(report.coldStarts.costUsd!)}, ${covered}.`,
    );
    expect(await text('html')).toContain(covered);
  });
});
