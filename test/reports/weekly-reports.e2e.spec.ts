import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import {
  FOCUS_MANDATORY_COLUMNS,
  isoWeekOf,
  previousIsoWeek,
  usd,
  type WeeklyReport,
} from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { sendLambdaSpans } from '../support/lambda-sdk-spans';
import { ACCOUNT, REGION, deliver, reportLines } from './support/report-lines';

/**
 * The weekly report over the real HTTP surface and embedded ClickHouse: REPORT lines delivered as
 * CloudWatch Logs subscription payloads, the report built with POST /api/reports/weekly, read back
 * in every format, and rebuilt without duplicating the week.
 */
const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'bin', 'fleetscope.js');
const DAY_MS = 86_400_000;
// Two weeks back: whole weeks of the past, inside every retention.
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const priorWeek = previousIsoWeek(week);

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

  it('renders a week stored before idle min-scale pods were reported', async () => {
    // A week of its own: the stored row is newer than any rebuild of this run.
    const OLD_WEEK = '2024-W11';
    const built = (await (await post('/api/reports/weekly', { week: OLD_WEEK })).json()) as Omit<
      WeeklyReport,
      'idleMinScalePods'
    > & { idleMinScalePods?: unknown };
    delete built.idleMinScalePods;
    await fleetscope.clickhouse.client.insert({
      table: 'weekly_reports',
      format: 'JSONEachRow',
      values: [
        {
          week: OLD_WEEK,
          revision: (Date.now() + 60_000) * 1000,
          from_time: Date.parse(built.from) / 1000,
          to_time: Date.parse(built.to) / 1000,
          built_at: Date.now(),
          catalogue_version: built.catalogueVersion,
          total_cost_usd: built.totalCostUsd,
          previous_total_cost_usd: built.previousTotalCostUsd,
          coverage_status: built.coverage.status,
          report: JSON.stringify(built),
          deliveries: '[]',
        },
      ],
    });
    for (const format of ['md', 'html', 'json']) {
      const response = await fetch(url(`/api/reports/${OLD_WEEK}?format=${format}`));
      expect(response.status).toBe(200);
    }
    const json = (await (await fetch(url(`/api/reports/${OLD_WEEK}`))).json()) as WeeklyReport;
    expect(json.idleMinScalePods).toEqual([]);
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
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toContain('fleetscope_report_rejected_requests_total{field="week"} 2');
    expect(metrics).toContain('fleetscope_report_rejected_requests_total{field="format"} 1');
  });

  it('answers 409 to "deliver": true with no channel configured, instead of 200 with nothing sent', async () => {
    const response = await post('/api/reports/weekly', { week: week.label, deliver: true });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toBe(
      'deliver: no delivery channel is configured; set FLEETSCOPE_REPORT_WEBHOOK_URL or FLEETSCOPE_REPORT_SMTP_URL (README, "Weekly cost reports")',
    );
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toContain('fleetscope_report_rejected_requests_total{field="deliver"} 1');
  });

  it('answers 400, not 500, for a week outside what Fleetscope stores (2000-01-01 to 2106-02-07)', async () => {
    for (const [week, message] of [
      ['1970-W02', 'before 2000-01-01'],
      ['1999-W52', 'before 2000-01-01'],
      ['2106-W06', 'after 2106-02-07'],
      ['9999-W52', 'after 2106-02-07'],
    ]) {
      const response = await post('/api/reports/weekly', { week });
      expect({ week, status: response.status }).toEqual({ week, status: 400 });
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    const weeks = (
      (await (await fetch(url('/api/reports'))).json()) as {
        reports: { week: string }[];
      }
    ).reports.map((r) => r.week);
    expect(weeks).not.toContain('9999-W52');
  });

  it('refuses a week that has not started instead of storing it as a week with no data', async () => {
    const next = isoWeekOf(Date.now() + 7 * DAY_MS);
    for (const week of [next.label, '2099-W01']) {
      const response = await post('/api/reports/weekly', { week });
      expect({ week, status: response.status }).toEqual({ week, status: 400 });
      expect(((await response.json()) as { message: string }).message).toMatch(
        new RegExp(`^week: ${week} has not started yet`),
      );
    }
    const weeks = (
      (await (await fetch(url('/api/reports'))).json()) as {
        reports: { week: string }[];
      }
    ).reports.map((r) => r.week);
    expect(weeks).not.toContain('2099-W01');
    // The week in progress is still built: its coverage says which days have data.
    expect((await post('/api/reports/weekly', { week: isoWeekOf(Date.now()).label })).status).toBe(
      200,
    );
  });

  it('builds and saves a week from the CLI, and refuses a bad week with a message naming it', async () => {
    const cli = (args: string[]) =>
      run(process.execPath, [BIN, 'report', ...args, '--url', fleetscope.apiUrl], {
        env: { ...process.env, FLEETSCOPE_API_TOKEN: '' },
      });
    const dir = mkdtempSync(join(tmpdir(), 'fleetscope-report-'));
    try {
      const out = join(dir, 'week.csv');
      const { stderr } = await cli(['--week', week.label, '--format', 'csv', '--out', out]);
      expect(stderr).toContain(`${week.label}: $1.00`);
      const rows: Record<string, string>[] = parse(readFileSync(out, 'utf8'), { columns: true });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.x_Week === week.label)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(cli(['--week', '2026-48'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('expected YYYY-Www'),
    });
  }, 60_000);

  it('prints the CLI summary of a sub-cent week in the report money format, not as $0.00', async () => {
    // Last week: no other test stores invocations in it.
    const lastWeek = previousIsoWeek(isoWeekOf(Date.now()));
    const logEvents = [0, 1, 2].map((i) => ({
      id: `tiny-${i}`,
      timestamp: lastWeek.fromMs + 2 * DAY_MS + i * 60_000,
      message: `REPORT RequestId: tiny-${lastWeek.fromMs}-${i}-0000-4000-8000-000000000000\tDuration: 9.50 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`,
    }));
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: ACCOUNT,
      logGroup: '/aws/lambda/tiny',
      logStream: '2026/01/01/[$LATEST]tiny',
      subscriptionFilters: ['fleetscope'],
      logEvents,
    };
    await deliver(fleetscope.ingestUrl, [
      { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } },
    ]);
    await fleetscope.flush();
    const { stderr } = await run(
      process.execPath,
      [BIN, 'report', '--week', lastWeek.label, '--url', fleetscope.apiUrl],
      { env: { ...process.env, FLEETSCOPE_API_TOKEN: '' } },
    );
    const stored = (await (
      await fetch(url(`/api/reports/${lastWeek.label}`))
    ).json()) as WeeklyReport;
    // 3 requests at $0.0000002 and 30 ms at 128 MB: about $0.00000066, never "$0.00".
    expect(stored.totalCostUsd).toBeGreaterThan(0);
    expect(stored.totalCostUsd).toBeLessThan(0.01);
    expect(stderr).toContain(
      `${lastWeek.label}: ${usd(stored.totalCostUsd)} (previous week ${usd(stored.previousTotalCostUsd)})`,
    );
    expect(stderr).not.toContain(`${lastWeek.label}: $0.00 `);
  }, 60_000);

  it('builds the week in progress marked as such in every format and in the list, never as the week', async () => {
    const current = isoWeekOf(Date.now());
    await deliver(fleetscope.ingestUrl, [reportLines('checkout', current.fromMs, 0, 1)]);
    await fleetscope.flush();
    const before = Date.now();
    const response = await post('/api/reports/weekly', { week: current.label });
    expect(response.status).toBe(200);
    const report = (await response.json()) as WeeklyReport;
    expect(report.complete).toBe(false);
    expect(Date.parse(report.through)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(report.through)).toBeLessThan(current.toMs);

    const md = await (await fetch(url(`/api/reports/${current.label}?format=md`))).text();
    expect(md).toContain('> **In progress:** figures through');
    const html = await (await fetch(url(`/api/reports/${current.label}?format=html`))).text();
    expect(html).toContain('data-in-progress="true"');
    const csv = await fetch(url(`/api/reports/${current.label}?format=csv&download=1`));
    expect(csv.headers.get('content-disposition')).toContain(
      `fleetscope-${current.label}-in-progress.csv`,
    );
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.x_WeekComplete === 'false')).toBe(true);

    const list = (await (await fetch(url('/api/reports'))).json()) as {
      reports: { week: string; complete: boolean }[];
    };
    expect(list.reports.find((r) => r.week === current.label)?.complete).toBe(false);
    expect(list.reports.find((r) => r.week === week.label)?.complete).toBe(true);

    // The CLI's summary line says so too.
    const { stderr } = await run(
      process.execPath,
      [BIN, 'report', '--week', current.label, '--format', 'md', '--url', fleetscope.apiUrl],
      { env: { ...process.env, FLEETSCOPE_API_TOKEN: '' } },
    );
    expect(stderr).toMatch(new RegExp(`^${current.label} \\(in progress: through \\S+\\): `));
  }, 60_000);

  it('prints a report to the terminal with the control characters of names from telemetry shown as escapes', async () => {
    // A log group name chosen by whoever sends the telemetry: an OSC sequence that sets the
    // terminal's title and a CR that rewrites the line already shown.
    const lastWeek = previousIsoWeek(isoWeekOf(Date.now()));
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: ACCOUNT,
      logGroup: '/aws/lambda/esc\x1b]0;pwned\x07\rTotal: $0.00',
      logStream: '2026/01/01/[$LATEST]esc',
      subscriptionFilters: ['fleetscope'],
      logEvents: [
        {
          id: 'esc-0',
          timestamp: lastWeek.fromMs + 2 * DAY_MS,
          message: `REPORT RequestId: esc-${lastWeek.fromMs}-0000-4000-8000-000000000000\tDuration: 9.50 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`,
        },
      ],
    };
    await deliver(fleetscope.ingestUrl, [
      { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } },
    ]);
    await fleetscope.flush();
    const { stdout, stderr } = await run(
      process.execPath,
      [BIN, 'report', '--week', lastWeek.label, '--format', 'md', '--url', fleetscope.apiUrl],
      { env: { ...process.env, FLEETSCOPE_API_TOKEN: '' } },
    );
    expect(stdout).toContain('pwned');
    expect(`${stdout}${stderr}`.replace(/[\n\t]/g, '')).not.toMatch(/\p{Cc}/u);
  }, 60_000);

  it("leaves compute without a memory size out of the total, says so, and marks the function's FOCUS rows", async () => {
    // Last week (inside the raw data's retention; the CLI's sub-cent week may be there too):
    // spans that name no memory size, of a function the inventory does not know. Its requests
    // are priced, its duration is not.
    const lastWeek = previousIsoWeek(isoWeekOf(Date.now()));
    const NOMEM = `aws_lambda~${ACCOUNT}~${REGION}~nomem`;
    await sendLambdaSpans(
      fleetscope.ingestUrl,
      'nomem',
      0,
      'amd64',
      Array.from({ length: 5 }, (_, i) => ({
        startMs: lastWeek.fromMs + 4 * DAY_MS + i * 60_000,
        durationMs: 1000,
      })),
    );
    await fleetscope.flush();
    const report = (await (
      await post('/api/reports/weekly', { week: lastWeek.label })
    ).json()) as WeeklyReport;
    expect(report.coverage.unpriced).toEqual([
      { functionId: NOMEM, reason: 'memory size unknown: compute not priced' },
    ]);
    // 5 requests × $0.0000002, and nothing for their duration.
    const nomem = report.functions.find((f) => f.functionId === NOMEM)!;
    expect(nomem.costUsd).toBeCloseTo(0.000001, 12);
    // Its cost and its account's are the priced part only, and say so.
    expect(nomem.priced).toBe('part');
    expect(report.byAccount.find((g) => g.key === ACCOUNT)?.priced).toBe('part');

    const md = await (await fetch(url(`/api/reports/${lastWeek.label}?format=md`))).text();
    expect(md).toContain(
      `**Total: ${usd(report.totalCostUsd)}** (excludes what could not be priced for 1 function, listed under "Not priced";`,
    );
    expect(md).toContain('| $0.0000010 (priced part only) |');
    expect(md).toMatch(
      new RegExp(`\\| account ${ACCOUNT} \\| \\$[\\d,.]+ \\(priced part only\\) \\|`),
    );
    const rows: Record<string, string>[] = parse(
      await (await fetch(url(`/api/reports/${lastWeek.label}?format=csv`))).text(),
      { columns: true },
    );
    expect(
      rows
        .filter((r) => r.x_FunctionId === NOMEM)
        .map((r) => [r.x_CostCategory, r.x_UnpricedUsage]),
    ).toEqual([['requests', 'memory size unknown: compute not priced']]);
    expect(
      rows.filter((r) => r.x_FunctionId !== NOMEM).every((r) => r.x_UnpricedUsage === ''),
    ).toBe(true);
    const billed = rows.reduce((s, r) => s + Number(r.BilledCost), 0);
    expect(billed).toBeCloseTo(report.totalCostUsd, 12);
  });
});
