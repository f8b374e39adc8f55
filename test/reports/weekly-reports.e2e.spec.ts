import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import {
  FOCUS_MANDATORY_COLUMNS,
  isoWeekOf,
  previousIsoWeek,
  type WeeklyReport,
} from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * The weekly report over the real HTTP surface and embedded ClickHouse: REPORT lines delivered as
 * CloudWatch Logs subscription payloads, the report built with POST /api/reports/weekly, read back
 * in every format, and rebuilt without duplicating the week.
 */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const DAY_MS = 86_400_000;
// Two weeks back: whole weeks of the past, inside every retention.
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const priorWeek = previousIsoWeek(week);

/** `count` invocations of `name` on day `dayOffset` of `weekFromMs`, at 10 GB for 600 s each. */
function reportLines(name: string, weekFromMs: number, dayOffset: number, count: number) {
  const base = weekFromMs + dayOffset * DAY_MS + 3_600_000;
  const logEvents = Array.from({ length: count }, (_, i) => {
    // The first invocation starts cold with 1,000 ms of INIT, billed (managed runtime, after
    // 2025-08-01), so its Billed Duration holds it.
    const init = i === 0 ? 'Init Duration: 1000.00 ms\t' : '';
    const billed = i === 0 ? 601_000 : 600_000;
    return {
      id: `${name}-${dayOffset}-${i}`,
      timestamp: base + i * 60_000,
      message:
        `REPORT RequestId: ${name}-${weekFromMs}-${dayOffset}-${i}-0000-4000-8000-000000000000\t` +
        `Duration: 600000.00 ms\tBilled Duration: ${billed} ms\tMemory Size: 10240 MB\t` +
        `Max Memory Used: 512 MB\t${init}`,
    };
  });
  const message = {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: `/aws/lambda/${name}`,
    logStream: `2026/01/01/[$LATEST]${name}${dayOffset}`,
    subscriptionFilters: ['fleetscope'],
    logEvents,
  };
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

describe('Weekly reports API', () => {
  let fleetscope: RunningFleetscope;
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;
  const post = (path: string, body: unknown) =>
    fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const deliveries = [
      reportLines('checkout', week.fromMs, 1, 10),
      reportLines('checkout', priorWeek.fromMs, 1, 5),
    ];
    for (const body of deliveries) {
      const response = await fetch(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
      expect(response.status).toBe(200);
    }
    await fleetscope.flush();
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('builds a week from the stored invocations, exact to the cent', async () => {
    const response = await post('/api/reports/weekly', { week: week.label });
    expect(response.status).toBe(200);
    const report = (await response.json()) as WeeklyReport;
    // This week: 10 × 600 s at 10 GB = 60,000 GB-s × $0.0000166667 = $1.000002 of duration, one
    // billed INIT of 1 s = 10 GB-s → $0.000166667, 10 requests → $0.000002.
    expect(report.totalCostUsd).toBeCloseTo(1.000002 + 0.000166667 + 0.000002, 9);
    expect(report.totalCostUsd.toFixed(2)).toBe('1.00');
    // The week before: 5 invocations, one of them cold: 30,010 GB-s and 5 requests.
    expect(report.previousTotalCostUsd).toBeCloseTo(30_010 * 0.0000166667 + 5 * 2e-7, 9);
    expect(report).toMatchObject({
      week: week.label,
      from: new Date(week.fromMs).toISOString(),
      to: new Date(week.toMs).toISOString(),
      currency: 'USD',
    });
    expect(typeof report.catalogueVersion).toBe('string');
    const fn = report.functions[0];
    expect(fn).toMatchObject({
      functionId: `aws_lambda~${ACCOUNT}~${REGION}~checkout`,
      name: 'checkout',
      platform: 'aws_lambda',
      region: REGION,
      invocations: 10,
    });
    expect(Object.keys(fn.breakdown).sort()).toEqual([
      'compute',
      'ephemeralStorage',
      'init',
      'pods',
      'provisionedConcurrency',
      'requests',
      'snapStart',
    ]);
    expect(fn.breakdown.init).toBeCloseTo(0.000166667, 12);
    expect(report.coldStarts.count).toBe(1);
    expect(report.coverage.status).toBe('partial');
    expect(report.coverage.days[1].sources).toEqual(['lambda_log']);
    const mover = report.movers[0];
    const parts = Object.values(mover.parts).reduce((s: number, v: number) => s + v, 0);
    expect(parts).toBeCloseTo(mover.changeUsd, 9);
  });

  it('replaces a week built again instead of listing it twice', async () => {
    expect((await post('/api/reports/weekly', { week: week.label })).status).toBe(200);
    const list = (await (await fetch(url('/api/reports'))).json()) as {
      reports: { week: string; totalCostUsd: number; links: Record<string, string> }[];
    };
    expect(list.reports.filter((r) => r.week === week.label)).toHaveLength(1);
    expect(list.reports[0].links.csv).toBe(`/api/reports/${week.label}?format=csv`);
  });

  it('says plainly that a week without data has none', async () => {
    const response = await post('/api/reports/weekly', { week: '2024-W10' });
    const report = (await response.json()) as WeeklyReport;
    expect(report.coverage.status).toBe('none');
    expect(report.coverage.message).toMatch(/^No data for 2024-W10/);
    expect(report.totalCostUsd).toBe(0);
  });

  it('serves HTML, Markdown and a FOCUS 1.2 CSV that a CSV reader parses', async () => {
    const html = await fetch(url(`/api/reports/${week.label}?format=html`));
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|<link|src="http/i);

    const md = await fetch(url(`/api/reports/${week.label}?format=md`));
    expect(await md.text()).toContain(`# Fleetscope weekly cost report ${week.label}`);

    const csv = await fetch(url(`/api/reports/${week.label}?format=csv&download=1`));
    expect(csv.headers.get('content-disposition')).toContain(`fleetscope-${week.label}.csv`);
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    for (const column of FOCUS_MANDATORY_COLUMNS) expect(Object.keys(rows[0])).toContain(column);
    const billed = rows.reduce((s, r) => s + Number(r.BilledCost), 0);
    expect(billed).toBeCloseTo(1.000002 + 0.000166667 + 0.000002, 9);
  });

  it('answers 400 for a bad week or format and 404 for a week not built', async () => {
    const bad = await post('/api/reports/weekly', { week: '2026-48' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('expected YYYY-Www');
    expect((await post('/api/reports/weekly', {})).status).toBe(400);
    expect((await fetch(url(`/api/reports/${week.label}?format=pdf`))).status).toBe(400);
    expect((await fetch(url('/api/reports/2019-W01'))).status).toBe(404);
  });
});
