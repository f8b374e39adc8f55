import { isoWeekOf, type WeeklyReport } from '@fleetscope/reports';
import { FunctionSettingsRepository } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';
import { ACCOUNT, reportLines } from '../reports/support/report-lines';

/**
 * The fleet page places Lambda usage in the account's month-to-date duration tiers as the weekly
 * report does (docs/decisions.md "Lambda duration tiers"). Found by a review: over ISO week
 * 2026-W49 (Nov 30 – Dec 6), with `big` at 7e9 GB-s on Nov 30 (past the first tier's 6e9) and
 * 1e9 on Dec 1, the page priced `big` at $130,000.60 where the report billed $131,667.30 (the
 * page carried the second tier into December), and `checkout`, which ran after the crossing on
 * Nov 30, at $7.0012 where the report billed $6.9012 (the page priced it at the first tier as if
 * alone in its account).
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const week = isoWeekOf(Date.now() - 7 * DAY_MS);
const id = (name: string) => `aws_lambda~${ACCOUNT}~us-east-1~${name}`;

/** us-east-1 x86_64 (docs/decisions.md "Billing rules"): the first two duration tiers, requests. */
const TIER_1_USD = 0.0000166667;
const TIER_2_USD = 0.000015;
const REQUEST_USD = 0.2e-6;
/** `checkout` a day: 10 calls of 600 s at 10 GB, the first with 1 s of INIT billed in it. */
const CHECKOUT_DAY_GBS = 60_010;
/** `alpha` on Dec 2 at 10:00, before the range of the test that starts at noon. */
const ALPHA_MORNING_GBS = 4.5e9;

interface FleetRow {
  id: string;
  costUsd: number | null;
}

/**
 * Stores a fleet's minute rows (straight into function_minutes), settings history and inventory
 * configs, and builds the weekly report of `week` over them.
 */
async function storeAndReport(
  fleetscope: RunningFleetscope,
  rows: Record<string, unknown>[],
  settings: Parameters<FunctionSettingsRepository['record']>[1],
  configs: [string, Record<string, unknown>][],
): Promise<WeeklyReport> {
  await fleetscope.clickhouse.client.insert({
    table: 'function_minutes',
    format: 'JSONEachRow',
    values: rows,
  });
  await fleetscope.app.get(FunctionSettingsRepository).record('api', settings);
  for (const [functionId, config] of configs) {
    const path = `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(functionId)}/config`;
    expect((await post(path, config, {}, 'PUT')).status).toBe(200);
  }
  await fleetscope.flush();
  const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
    week: week.label,
  });
  expect(built.status).toBe(200);
  return built.body;
}

describe('the fleet page in the month duration tiers', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const fleet = async (fromMs: number, toMs: number): Promise<Map<string, number | null>> => {
    const response = await fetch(`${fleetscope.apiUrl}/api/functions?from=${fromMs}&to=${toMs}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { functions: FleetRow[] };
    return new Map(body.functions.map((r) => [r.id, r.costUsd]));
  };
  const reportCost = (name: string) =>
    report.functions.find((f) => f.functionId === id(name))!.costUsd;

  beforeAll(async () => {
    // The week's month started before it: the week's first day is in November.
    expect(new Date(week.fromMs).getUTCMonth()).not.toBe(new Date(week.toMs - 1).getUTCMonth());
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    const ingest = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`;
    for (let d = 0; d < 7; d++) {
      expect((await post(ingest, reportLines('checkout', week.fromMs, d, 10))).status).toBe(200);
    }
    const big = (dayOffset: number, gbSeconds: number) => ({
      function_id: id('big'),
      minute: Math.floor((week.fromMs + dayOffset * DAY_MS + 12 * HOUR_MS) / 1000),
      version: '',
      source: 'lambda_log',
      memory_size_mb: 10240,
      invocations: 1_000_000,
      duration_sum_ms: gbSeconds * 100,
      billed_duration_sum_ms: gbSeconds * 100,
    });
    // 7e9 GB-s on Nov 30 (past 6e9), 1e9 on Dec 1, 7e9 on Dec 2 (past 6e9 again, in December).
    // On Dec 2, `alpha` (before `big` in the day's order) runs at 10:00 and at 14:00.
    const alpha = (hour: number, gbSeconds: number) => ({
      ...big(2, gbSeconds),
      function_id: id('alpha'),
      minute: Math.floor((week.fromMs + 2 * DAY_MS + hour * HOUR_MS) / 1000),
      invocations: 1,
    });
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [big(0, 7e9), big(1, 1e9), big(2, 7e9), alpha(10, ALPHA_MORNING_GBS), alpha(14, 1e6)],
    });
    const config = { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 10240 };
    for (const name of ['big', 'alpha']) {
      const path = `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id(name))}/config`;
      expect((await post(path, config, {}, 'PUT')).status).toBeLessThan(300);
    }
    await fleetscope.flush();
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    report = built.body;
  }, 300_000);
  afterAll(() => fleetscope?.stop());

  it('prices each function of the week as the weekly report does, tier crossings and month start included', async () => {
    const page = await fleet(week.fromMs, week.toMs);
    // checkout ran after big crossed 6e9 on Nov 30 (function id order within a day).
    const checkout = CHECKOUT_DAY_GBS * (6 * TIER_2_USD + TIER_1_USD) + 70 * REQUEST_USD;
    expect(reportCost('checkout')).toBeCloseTo(checkout, 6);
    expect(page.get(id('checkout'))).toBeCloseTo(checkout, 6);
    expect(page.get(id('big'))).toBeCloseTo(reportCost('big'), 4);
  });

  it('counts the month before the range towards its tiers', async () => {
    // From Dec 3: December had passed 6e9 on Dec 2, so every day of the range is in the second tier.
    const from = week.fromMs + 3 * DAY_MS;
    const page = await fleet(from, week.toMs);
    expect(page.get(id('checkout'))).toBeCloseTo(
      4 * CHECKOUT_DAY_GBS * TIER_2_USD + 40 * REQUEST_USD,
      6,
    );
  });

  it("counts the part of the range's first day before it, function by function", async () => {
    // From Dec 2 12:00: alpha's 10:00 is before the range, its 14:00 and big's 12:00 in it. Dec 2
    // in the tiers: alpha's morning, alpha's afternoon, then big's 7e9, which crosses 6e9.
    const from = week.fromMs + 2 * DAY_MS + 12 * HOUR_MS;
    const used = 1e9 + CHECKOUT_DAY_GBS + ALPHA_MORNING_GBS + 1e6;
    const bigUsd =
      (6e9 - used) * TIER_1_USD + (7e9 - (6e9 - used)) * TIER_2_USD + 1e6 * REQUEST_USD;
    // To the week's end, the first day read whole; to 20:00, inside it (a review found the second
    // priced big $1.6667 high: alpha's afternoon taken off a morning read alone).
    for (const to of [week.toMs, from + 8 * HOUR_MS]) {
      const page = await fleet(from, to);
      expect(page.get(id('alpha'))).toBeCloseTo(1e6 * TIER_1_USD + REQUEST_USD, 6);
      expect(page.get(id('big'))).toBeCloseTo(bigUsd, 4);
      // One function's page reads its account's days of the range itself.
      const response = await fetch(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id('big'))}?from=${from}&to=${to}`,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { summary: FleetRow };
      expect(body.summary.costUsd).toBeCloseTo(bigUsd, 4);
    }
  });

  it("prices one function's page in its account's tiers, the others' days included", async () => {
    const response = await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id('checkout'))}?from=${week.fromMs}&to=${week.toMs}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { summary: FleetRow };
    expect(body.summary.costUsd).toBeCloseTo(reportCost('checkout'), 6);
  });
});

describe("the fleet page in an Organization's duration tiers", () => {
  let fleetscope: RunningFleetscope;
  const OTHER = 'aws_lambda~210987654321~us-east-1~zeta';
  afterAll(() => fleetscope?.stop());

  it("places another account's usage after the Organization's, with FLEETSCOPE_PRICING_TIER_GROUPING=organization", async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '60',
      FLEETSCOPE_PRICING_TIER_GROUPING: 'organization',
    });
    const row = (functionId: string, gbSeconds: number, invocations: number) => ({
      function_id: functionId,
      minute: Math.floor((week.fromMs + 12 * HOUR_MS) / 1000),
      version: '',
      source: 'lambda_log',
      memory_size_mb: 10240,
      invocations,
      duration_sum_ms: gbSeconds * 100,
      billed_duration_sum_ms: gbSeconds * 100,
    });
    // Nov 30: 7e9 GB-s in one account, then (by function id) 60,010 in the other.
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [row(id('big'), 7e9, 1_000_000), row(OTHER, CHECKOUT_DAY_GBS, 10)],
    });
    await fleetscope.flush();
    const response = await fetch(
      `${fleetscope.apiUrl}/api/functions?from=${week.fromMs}&to=${week.toMs}`,
    );
    const body = (await response.json()) as { functions: FleetRow[] };
    const zeta = body.functions.find((f) => f.id === OTHER);
    expect(zeta?.costUsd).toBeCloseTo(CHECKOUT_DAY_GBS * TIER_2_USD + 10 * REQUEST_USD, 6);
  }, 300_000);
});

/**
 * Past the first tier, the page prices most functions by their totals, each day's duration at its
 * place in the tiers (lambdaTierPlaces), and the others by the report's days; every day of both
 * shares the account's tiers. Found while making that path fast (bench:api's wide fleet, 3.4 s):
 * each kind below is priced as the report prices it, on the days the account crosses 6e9 GB-s.
 */
describe('the fleet page in the duration tiers, for every kind of Lambda function', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const minute = (dayOffset: number, hour: number) =>
    Math.floor((week.fromMs + dayOffset * DAY_MS + hour * HOUR_MS) / 1000);
  const row = (name: string, dayOffset: number, hour: number, fields: Record<string, unknown>) => ({
    function_id: id(name),
    minute: minute(dayOffset, hour),
    version: '',
    ...fields,
  });
  afterAll(() => fleetscope?.stop());

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    const values: Record<string, unknown>[] = [];
    for (let d = 0; d < 7; d++) {
      // 7e9 GB-s on Nov 30 and Dec 2 (each past 6e9 of its month), 1e9 on the others.
      const bigGbs = d === 0 || d === 2 ? 7e9 : 1e9;
      values.push(
        row('big', d, 12, {
          source: 'lambda_log',
          memory_size_mb: 10240,
          invocations: 1_000_000,
          duration_sum_ms: bigGbs * 100,
          billed_duration_sum_ms: bigGbs * 100,
        }),
        // Before `big` by id: on the day it crosses, still in the first tier. Spans: no memory
        // size (the size in force bills it) and INIT no Lambda record billed.
        row('aa-spanned', d, 13, {
          source: 'otel_span',
          memory_size_mb: 0,
          invocations: 100,
          cold_starts: 1,
          duration_sum_ms: 3_000_000,
          init_duration_sum_ms: 800,
        }),
        row('plain', d, 14, {
          source: 'lambda_log',
          memory_size_mb: 4096,
          invocations: 50,
          duration_sum_ms: 4_000_000,
          billed_duration_sum_ms: 4_000_100,
        }),
      );
    }
    for (let d = 1; d < 5; d++) {
      values.push(
        // Provisioned concurrency from Dec 1: priced by the report's days.
        row('warm', d, 15, {
          source: 'lambda_log',
          memory_size_mb: 2048,
          invocations: 3600,
          duration_sum_ms: 3_600_000,
          billed_duration_sum_ms: 3_600_000,
        }),
        // A memory size change on Dec 2 in the range: the report's days too.
        row('resized', d, 16, {
          source: 'otel_span',
          memory_size_mb: 0,
          invocations: 10,
          duration_sum_ms: 1_000_000,
        }),
      );
    }
    // SnapStart restores on Dec 2 (python: the fee and the cache are charged).
    values.push(
      row('snappy', 2, 17, {
        source: 'lambda_log',
        memory_size_mb: 1024,
        invocations: 5,
        restores: 1,
        billed_restore_sum_ms: 100,
        duration_sum_ms: 500,
        billed_duration_sum_ms: 500,
      }),
    );
    const settings = [
      {
        functionId: id('warm'),
        observedAtMs: week.fromMs + DAY_MS,
        architecture: 'x86_64',
        memoryMb: 2048,
        provisionedConcurrency: 2,
      },
      { functionId: id('resized'), observedAtMs: week.fromMs, memoryMb: 1024 },
      {
        functionId: id('resized'),
        observedAtMs: week.fromMs + 2 * DAY_MS + HOUR_MS,
        memoryMb: 3008,
      },
    ];
    const configs: [string, Record<string, unknown>][] = [
      ['big', { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 10240 }],
      ['aa-spanned', { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 2048 }],
      ['plain', { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 4096 }],
      ['warm', { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 2048 }],
      ['resized', { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 3008 }],
      ['snappy', { architecture: 'x86_64', runtime: 'python3.12', memoryMb: 1024 }],
    ];
    report = await storeAndReport(
      fleetscope,
      values,
      settings,
      configs.map(([name, config]) => [id(name), config]),
    );
  }, 300_000);

  it.each(['aa-spanned', 'big', 'plain', 'warm', 'resized', 'snappy'])(
    'prices %s over the week as the weekly report does',
    async (name) => {
      const response = await fetch(
        `${fleetscope.apiUrl}/api/functions?from=${week.fromMs}&to=${week.toMs}`,
      );
      const body = (await response.json()) as { functions: FleetRow[] };
      const page = body.functions.find((f) => f.id === id(name))?.costUsd;
      const billed = report.functions.find((f) => f.functionId === id(name))?.costUsd;
      expect(billed).toBeGreaterThan(0);
      expect(page).toBeCloseTo(billed!, 6);
    },
  );

  it("prices a function by its totals on its own page as on the fleet's", async () => {
    const path = `/api/functions/${encodeURIComponent(id('aa-spanned'))}?from=${week.fromMs}&to=${week.toMs}`;
    const body = (await (await fetch(`${fleetscope.apiUrl}${path}`)).json()) as {
      summary: FleetRow;
    };
    const billed = report.functions.find((f) => f.functionId === id('aa-spanned'))?.costUsd;
    expect(body.summary.costUsd).toBeCloseTo(billed!, 6);
  });
});

/**
 * The month's days before the range count towards its tiers with the settings in force on them.
 * Found by a review of lambdaTierPlaces' first version, which placed a function priced by its
 * totals with the settings in force at the range's start all month: with `big` at 4e9 GB-s on
 * Nov 25 and another function's 3e9 on Nov 10, `checkout` (60,000 GB-s a day) cost $7.000028 on
 * the page where the report bills $6.900026 when that function moved from x86_64 to arm64 on
 * Nov 20 (its x86 time counted under arm64), or its spans' size went from 10,240 to 128 MB; and
 * $6.900026 against $7.000028 when its time ran on provisioned concurrency (counted on demand).
 */
describe('the fleet page in the duration tiers, settings changed before the range', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const account = (n: number) => String(n).repeat(12);
  const fid = (n: number, name: string) => `aws_lambda~${account(n)}~us-east-1~${name}`;
  const at = (dayOffset: number) => Math.floor((week.fromMs + dayOffset * DAY_MS) / 1000);
  const logRow = (
    functionId: string,
    dayOffset: number,
    gbSeconds: number,
    invocations: number,
  ) => ({
    function_id: functionId,
    minute: at(dayOffset) + 12 * 3600,
    version: '',
    source: 'lambda_log',
    memory_size_mb: 10240,
    invocations,
    duration_sum_ms: gbSeconds * 100,
    billed_duration_sum_ms: gbSeconds * 100,
  });
  const spanRow = (functionId: string, dayOffset: number, durationMs: number) => ({
    function_id: functionId,
    minute: at(dayOffset) + 12 * 3600,
    version: '',
    source: 'otel_span',
    memory_size_mb: 0,
    invocations: 1_000_000,
    duration_sum_ms: durationMs,
  });
  afterAll(() => fleetscope?.stop());

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    // 1: `moved` x86_64 → arm64 on Nov 20; 2: `spanned`'s size 10,240 → 128 MB on Nov 20;
    // 3: `warm` on provisioned concurrency until Nov 20; 4: as 2, and `snappy` restores in the week.
    const values: Record<string, unknown>[] = [];
    for (const n of [1, 2, 3, 4]) {
      values.push(logRow(fid(n, 'big'), -5, 4e9, 1_000_000));
      for (let d = 0; d < 7; d++) values.push(logRow(fid(n, 'checkout'), d, 60_000, 10));
    }
    values.push(
      logRow(fid(1, 'moved'), -20, 3e9, 1_000_000),
      spanRow(fid(2, 'spanned'), -20, 3e11),
      logRow(fid(3, 'warm'), -20, 3e9, 1_000_000),
      spanRow(fid(4, 'spanned'), -20, 3e11),
      {
        ...logRow(fid(4, 'snappy'), 2, 0, 5),
        memory_size_mb: 128,
        restores: 1,
        billed_restore_sum_ms: 100,
        duration_sum_ms: 500,
        billed_duration_sum_ms: 500,
      },
    );
    const nov = (d: number) => week.fromMs + d * DAY_MS;
    const x86 = { architecture: 'x86_64', memoryMb: 10240 };
    const settings = [
      { functionId: fid(1, 'moved'), observedAtMs: nov(-28), ...x86 },
      { functionId: fid(1, 'moved'), observedAtMs: nov(-10), ...x86, architecture: 'arm64' },
      { functionId: fid(2, 'spanned'), observedAtMs: nov(-28), ...x86 },
      { functionId: fid(2, 'spanned'), observedAtMs: nov(-10), ...x86, memoryMb: 128 },
      { functionId: fid(4, 'spanned'), observedAtMs: nov(-28), ...x86 },
      { functionId: fid(4, 'spanned'), observedAtMs: nov(-10), ...x86, memoryMb: 128 },
      { functionId: fid(3, 'warm'), observedAtMs: nov(-28), ...x86, provisionedConcurrency: 1e7 },
      { functionId: fid(3, 'warm'), observedAtMs: nov(-10), ...x86, provisionedConcurrency: 0 },
    ];
    const configs: [string, Record<string, unknown>][] = [
      [fid(1, 'moved'), { ...x86, architecture: 'arm64' }],
      [fid(2, 'spanned'), { ...x86, memoryMb: 128 }],
      [fid(4, 'spanned'), { ...x86, memoryMb: 128 }],
      [fid(3, 'warm'), x86],
      [fid(4, 'snappy'), { architecture: 'x86_64', memoryMb: 128, runtime: 'python3.12' }],
    ];
    for (const n of [1, 2, 3, 4]) configs.push([fid(n, 'big'), x86], [fid(n, 'checkout'), x86]);
    report = await storeAndReport(
      fleetscope,
      values,
      settings,
      configs.map(([functionId, config]) => [functionId, { runtime: 'nodejs22.x', ...config }]),
    );
  }, 300_000);

  it.each([
    [1, 'an architecture moved'],
    [2, "span time's size changed"],
    [3, 'provisioned concurrency'],
    [4, "span time's size changed, a function with restores beside"],
  ])('prices checkout as the report does, account %i: %s', async (n) => {
    const path = `/api/functions?from=${week.fromMs}&to=${week.toMs}`;
    const body = (await (await fetch(`${fleetscope.apiUrl}${path}`)).json()) as {
      functions: FleetRow[];
    };
    const row = body.functions.find((f) => f.id === fid(n, 'checkout'));
    const billed = report.functions.find((f) => f.functionId === fid(n, 'checkout'))?.costUsd;
    expect(billed).toBeGreaterThan(6.8);
    expect(row?.costUsd).toBeCloseTo(billed!, 6);
    const own = `/api/functions/${encodeURIComponent(fid(n, 'checkout'))}?from=${week.fromMs}&to=${week.toMs}`;
    const summary = (
      (await (await fetch(`${fleetscope.apiUrl}${own}`)).json()) as {
        summary: FleetRow;
      }
    ).summary;
    expect(summary.costUsd).toBeCloseTo(billed!, 6);
  });
});
