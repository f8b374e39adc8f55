import { randomUUID } from 'node:crypto';
import { isoWeekOf, type WeeklyReport } from '@fleetscope/reports';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { awslogs, dataMessage, post, type LogEvent } from '../platform/platform-ingest.helpers';

/**
 * The fleet page bills the SnapStart snapshot cache a restore before its range still bills in it,
 * as the weekly report does (all day on each day with a restore and the 13 days after it). Found
 * by a review: a Python function that restored on the Friday before a week and ran 5 warm calls
 * on its Tuesday cost $0.9099914 in the report and $0.0000093 on the fleet page, with no note;
 * over a day with the cache and no invocations the page did not list it at all. Records reach the
 * real collector as CloudWatch Logs subscription deliveries of REPORT lines.
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Last week: whole days of the past; the restores before it are inside the raw retention asked.
const week = isoWeekOf(Date.now() - 7 * DAY_MS);
const MONDAY = week.fromMs;
const TUESDAY = MONDAY + DAY_MS;
const FRIDAY_BEFORE = MONDAY - 3 * DAY_MS;

/** us-east-1 x86_64 prices (docs/decisions.md "Billing rules"). */
const GB_SECOND_USD = 0.0000166667;
const REQUEST_USD = 0.2e-6;
const SNAPSTART_CACHE_USD = 0.0000015046;
const SNAPSTART_RESTORE_USD = 0.0001397998;

const ACCOUNT = '123456789012';
const id = (name: string) => `aws_lambda~${ACCOUNT}~us-east-1~${name}`;
/** Restores on the Friday before the week at 10:00; 5 warm calls on its Tuesday from 12:00. */
const SNAP = 'snap-friday';
/** Restores 13 days before the week: its snapshot cached on the week's Monday, and no later. */
const EDGE = 'snap-13-days';
/** Restores 14 days before the week, 5 warm calls on its Tuesday: nothing cached in the week. */
const OLD = 'snap-14-days';

/** A REPORT line of 100 ms at 1 GB, with a SnapStart restore when asked. */
const report = (name: string, atMs: number, restore: boolean): LogEvent => ({
  id: `${name}-${atMs}`,
  timestamp: atMs,
  message:
    `REPORT RequestId: ${randomUUID()}\t` +
    `Duration: 100.00 ms\tBilled Duration: 100 ms\tMemory Size: 1024 MB\tMax Memory Used: 80 MB\t` +
    (restore ? 'Restore Duration: 300.00 ms\tBilled Restore Duration: 100 ms\t' : ''),
});
const warmCalls = (name: string, fromMs: number) =>
  Array.from({ length: 5 }, (_, i) => report(name, fromMs + i * MINUTE_MS, false));

interface FleetRow {
  id: string;
  invocations: number;
  costUsd: number | null;
  costUsdReason: string | null;
  costUsdNote: string | null;
}

// A day of the snapshot cache: 86,400 GB-s at 1 GB.
const CACHE_DAY_USD = 86_400 * SNAPSTART_CACHE_USD;
// 5 warm calls of 100 ms at 1 GB.
const WARM_CALLS_USD = 5 * 0.1 * GB_SECOND_USD + 5 * REQUEST_USD;

describe('Fleet page: the SnapStart snapshot cache of a restore before the range', () => {
  let fleetscope: RunningFleetscope;
  let weekly: WeeklyReport;

  const fleet = async (fromMs: number, toMs: number) => {
    const body = await getJson<{ functions: FleetRow[] }>(
      fleetscope,
      `/api/functions?from=${fromMs}&to=${toMs}`,
    );
    return new Map(body.functions.map((f) => [f.id, f]));
  };

  beforeAll(async () => {
    // The restores 14 days before last week are older than the default 30 days of raw retention
    // on some weekdays.
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    const deliveries: [string, LogEvent[]][] = [
      [SNAP, [report(SNAP, FRIDAY_BEFORE + 10 * HOUR_MS, true)]],
      [SNAP, warmCalls(SNAP, TUESDAY + 12 * HOUR_MS)],
      [EDGE, [report(EDGE, MONDAY - 13 * DAY_MS + 10 * HOUR_MS, true)]],
      [OLD, [report(OLD, MONDAY - 14 * DAY_MS + 10 * HOUR_MS, true)]],
      [OLD, warmCalls(OLD, TUESDAY + 12 * HOUR_MS)],
    ];
    for (const [i, [name, events]] of deliveries.entries()) {
      const sent = await post(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`,
        awslogs(dataMessage(ACCOUNT, name, `2026/01/01/[1]stream${i}`, events)),
      );
      expect(sent.status).toBe(200);
    }
    for (const name of [SNAP, EDGE, OLD]) {
      const put = await post(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id(name))}/config`,
        { architecture: 'x86_64', runtime: 'python3.12', memoryMb: 1024 },
        {},
        'PUT',
      );
      expect(put.status).toBe(200);
    }
    await fleetscope.flush();
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    weekly = built.body;
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  it('costs the week of a function that restored the Friday before it what the weekly report says, 7 days of the cache', async () => {
    const reported = weekly.functions.find((f) => f.functionId === id(SNAP))!;
    expect(reported.costUsd).toBeCloseTo(7 * CACHE_DAY_USD + WARM_CALLS_USD, 9);
    const snap = (await fleet(week.fromMs, week.toMs)).get(id(SNAP))!;
    expect(snap.invocations).toBe(5);
    // Before: the cache left out, $0.0000093334.
    expect(Math.abs(snap.costUsd! - reported.costUsd)).toBeLessThan(1e-9);
    expect(snap.costUsdNote).toBeNull();
    // The function's page: the same summary.
    const page = await getJson<{ summary: FleetRow }>(
      fleetscope,
      `/api/functions/${encodeURIComponent(id(SNAP))}?from=${week.fromMs}&to=${week.toMs}`,
    );
    expect(Math.abs(page.summary.costUsd! - reported.costUsd)).toBeLessThan(1e-9);
  });

  it('lists a function whose snapshot is cached on a day without invocations, at a day of the cache', async () => {
    // Before: not listed.
    const monday = await fleet(MONDAY, MONDAY + DAY_MS);
    expect(monday.get(id(SNAP))).toMatchObject({ invocations: 0, costUsdReason: null });
    expect(monday.get(id(SNAP))!.costUsd).toBeCloseTo(0.12999744, 12);
    // 13 days after its restore: still cached.
    expect(monday.get(id(EDGE))).toMatchObject({ invocations: 0, costUsdReason: null });
    expect(monday.get(id(EDGE))!.costUsd).toBeCloseTo(CACHE_DAY_USD, 12);
    // The day after: no longer.
    expect((await fleet(TUESDAY, TUESDAY + DAY_MS)).has(id(EDGE))).toBe(false);
    const reported = weekly.functions.find((f) => f.functionId === id(EDGE))!;
    expect(reported.costUsd).toBeCloseTo(CACHE_DAY_USD, 12);
    const edge = (await fleet(week.fromMs, week.toMs)).get(id(EDGE))!;
    expect(Math.abs(edge.costUsd! - reported.costUsd)).toBeLessThan(1e-9);
  });

  it('bills no cache for a restore 14 days or more before the range', async () => {
    expect((await fleet(MONDAY, MONDAY + DAY_MS)).has(id(OLD))).toBe(false);
    const old = (await fleet(week.fromMs, week.toMs)).get(id(OLD))!;
    expect(old.costUsd).toBeCloseTo(WARM_CALLS_USD, 12);
    const reported = weekly.functions.find((f) => f.functionId === id(OLD))!;
    expect(Math.abs(old.costUsd! - reported.costUsd)).toBeLessThan(1e-9);
  });

  it('counts the cache of a restore earlier on the day the range starts, over the part in the range, and says so', async () => {
    // Friday 12:00 to Saturday 12:00, the restore at 10:00 on Friday: cached all 24 hours.
    const snap = (await fleet(FRIDAY_BEFORE + 12 * HOUR_MS, FRIDAY_BEFORE + 36 * HOUR_MS)).get(
      id(SNAP),
    );
    expect(snap).toMatchObject({ invocations: 0, costUsdReason: null });
    expect(snap!.costUsd).toBeCloseTo(CACHE_DAY_USD, 12);
    expect(snap!.costUsdNote).toMatch(/SnapStart/);
    // The restore itself is in a range that holds it, not in this one.
    const withRestore = (await fleet(FRIDAY_BEFORE, FRIDAY_BEFORE + DAY_MS)).get(id(SNAP))!;
    expect(withRestore.costUsd).toBeCloseTo(
      CACHE_DAY_USD + 0.2 * GB_SECOND_USD + REQUEST_USD + SNAPSTART_RESTORE_USD,
      12,
    );
  });
});

/**
 * The weekly report reads usage from the previous week's month start, which is as few as 7 days
 * before the week when that Monday is the 1st–6th of its month: a restore 13 days before the week
 * left the week's first day uncached in the report (and the fleet page, which looks back the 13
 * days, billed it). The latest such week that has ended.
 */
function weekAfterEarlyMonthMonday() {
  for (let back = 1; back < 60; back++) {
    const candidate = isoWeekOf(Date.now() - back * 7 * DAY_MS);
    if (new Date(candidate.fromMs - 7 * DAY_MS).getUTCDate() <= 6) return candidate;
  }
  throw new Error('no week after a Monday on the 1st-6th in 60 weeks');
}

describe('Weekly report: the SnapStart snapshot cache of a restore before the month it reads from', () => {
  const early = weekAfterEarlyMonthMonday();
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '500' });
    const restoredAt = early.fromMs - 13 * DAY_MS + 10 * HOUR_MS;
    const sent = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`,
      awslogs(dataMessage(ACCOUNT, EDGE, '2026/01/01/[1]early', [report(EDGE, restoredAt, true)])),
    );
    expect(sent.status).toBe(200);
    const put = await post(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id(EDGE))}/config`,
      { architecture: 'x86_64', runtime: 'python3.12', memoryMb: 1024 },
      {},
      'PUT',
    );
    expect(put.status).toBe(200);
    await fleetscope.flush();
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  it("bills the week's first day of the cache, as the fleet page does", async () => {
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: early.label,
    });
    expect(built.status).toBe(200);
    // Before: not in the report at all.
    const reported = built.body.functions.find((f) => f.functionId === id(EDGE));
    expect(reported?.costUsd).toBeCloseTo(CACHE_DAY_USD, 12);
    const body = await getJson<{ functions: FleetRow[] }>(
      fleetscope,
      `/api/functions?from=${early.fromMs}&to=${early.toMs}`,
    );
    const row = body.functions.find((f) => f.id === id(EDGE))!;
    expect(Math.abs(row.costUsd! - reported!.costUsd)).toBeLessThan(1e-9);
  });
});
