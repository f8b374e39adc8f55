import { WeeklyReportScheduler } from '@fleetscope/analyzer';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { WeeklyReportsRepository, type ClickHouseHandle } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { openTestClickHouse } from '../support/test-clickhouse';

/**
 * A scheduled build the process was stopped or killed during (its start stored, its week never)
 * counted as done, so the week it was building was never built nor delivered, the next tick
 * building the week after. The start-up catch-up now builds it again, once: a build that brings
 * the process down is not run at every start.
 */
const WEEK_MS = 7 * 86_400_000;

/** The latest Monday 06:00 UTC at or before `nowMs`: the default report schedule's last tick. */
function lastMondaySixUtc(nowMs: number): number {
  const day = new Date(nowMs);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
  const tick = monday + 6 * 3_600_000;
  return tick <= nowMs ? tick : tick - WEEK_MS;
}

async function startOn(seed: (reports: WeeklyReportsRepository) => Promise<void>) {
  const database = await openTestClickHouse();
  try {
    await seed(new WeeklyReportsRepository(database.handle));
  } finally {
    await database.handle.close();
  }
  return startFleetscope({
    FLEETSCOPE_DATA_DIR: database.config.dataDir,
    CLICKHOUSE_DATABASE: database.config.clickhouseDatabase,
  });
}

function storedWeek(reports: WeeklyReportsRepository, builtAtMs: number): Promise<void> {
  const week = previousIsoWeek(isoWeekOf(builtAtMs));
  return reports.save({
    week: week.label,
    fromMs: week.fromMs,
    toMs: week.toMs,
    builtAtMs,
    catalogueVersion: 'before-the-stop',
    totalCostUsd: 0,
    previousTotalCostUsd: 0,
    coverageStatus: 'none',
    report: '{}',
    deliveries: [],
  });
}

async function storedWeeks(handle: ClickHouseHandle): Promise<string[]> {
  return (await new WeeklyReportsRepository(handle).list()).map((r) => r.week);
}

describe('a scheduled report build cut short', () => {
  let fleetscope: RunningFleetscope | undefined;
  afterEach(async () => {
    await fleetscope?.stop();
    fleetscope = undefined;
  });
  const tick = lastMondaySixUtc(Date.now());
  const week = previousIsoWeek(isoWeekOf(tick)).label;
  const weekBefore = previousIsoWeek(isoWeekOf(tick - WEEK_MS)).label;

  it('is built on start-up, though its start was stored after the last tick', async () => {
    fleetscope = await startOn(async (reports) => {
      await reports.saveBuildStart(weekBefore, tick - WEEK_MS, 'schedule');
      await storedWeek(reports, tick - WEEK_MS);
      // The tick's build began; the process was killed before it stored the week.
      await reports.saveBuildStart(week, tick + 1, 'schedule');
    });
    await fleetscope.app.get(WeeklyReportScheduler).caughtUp;
    expect(await storedWeeks(fleetscope.clickhouse)).toEqual([week, weekBefore]);
  });

  it('is not built a third time when the build on start-up was cut short too', async () => {
    fleetscope = await startOn(async (reports) => {
      await reports.saveBuildStart(weekBefore, tick - WEEK_MS, 'schedule');
      await storedWeek(reports, tick - WEEK_MS);
      await reports.saveBuildStart(week, tick + 1, 'schedule');
      await reports.saveBuildStart(week, tick + 60_000, 'schedule');
    });
    await fleetscope.app.get(WeeklyReportScheduler).caughtUp;
    expect(await storedWeeks(fleetscope.clickhouse)).toEqual([weekBefore]);
  });
});
