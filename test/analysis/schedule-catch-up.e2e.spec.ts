import { REPORT_BUILDS, ReportMetrics } from '@fleetscope/analysis-jobs';
import { AnalysisScheduler, WeeklyReportScheduler } from '@fleetscope/analyzer';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import type { WeeklyReport } from '@fleetscope/reports';
import {
  RecommendationsRepository,
  WeeklyReportsRepository,
  type ClickHouseHandle,
  type StoredRecommendation,
} from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { openTestClickHouse } from '../support/test-clickhouse';

/**
 * A process that was down at a tick of its schedule runs what it missed once on start-up, judged
 * by what is stored (when the last analysis run or report build began), not once per missed tick.
 */
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// Daily at 03:00 UTC; the weekly report keeps its default, Monday 06:00 UTC.
const ANALYSIS_CRON = '0 0 3 * * *';

/** The latest Monday 06:00 UTC at or before `nowMs`: the report schedule's last tick. */
function lastMondaySixUtc(nowMs: number): number {
  const day = new Date(nowMs);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
  const tick = monday + 6 * 3_600_000;
  return tick <= nowMs ? tick : tick - WEEK_MS;
}

/** Fleetscope's settings for a database `seed` has written to, closed as a stopped process leaves it. */
async function seeded(
  seed: (handle: ClickHouseHandle) => Promise<void>,
): Promise<Record<string, string>> {
  const database = await openTestClickHouse();
  try {
    await seed(database.handle);
  } finally {
    await database.handle.close();
  }
  return {
    FLEETSCOPE_DATA_DIR: database.config.dataDir,
    CLICKHOUSE_DATABASE: database.config.clickhouseDatabase,
    FLEETSCOPE_ANALYSIS_CRON: ANALYSIS_CRON,
  };
}

/** Fleetscope started on a database `seed` has written to, as a restart finds it. */
async function startOn(
  seed: (handle: ClickHouseHandle) => Promise<void>,
): Promise<RunningFleetscope> {
  return startFleetscope(await seeded(seed));
}

/** A recommendation only the run before the stop made. */
const STALE: StoredRecommendation = {
  kind: 'memory',
  functionId: 'lambda:us-east-1:123456789012:checkout',
  severity: 'info',
  title: 'stored before the stop',
  reason: 'the run before the stop',
  current: {},
  recommended: {},
  monthlyImpactUsd: 1,
  confidence: 'low',
  confidenceScore: 0.1,
  evidence: {},
  catalogueVersion: 'before-the-stop',
};

function storedRun(
  handle: ClickHouseHandle,
  startedAtMs: number,
  recommendations: StoredRecommendation[] = [],
): Promise<void> {
  return new RecommendationsRepository(handle).saveRun(
    {
      runId: `run-at-${startedAtMs}`,
      startedAtMs,
      finishedAtMs: startedAtMs + 1_000,
      windowFromMs: startedAtMs - 14 * DAY_MS,
      windowToMs: startedAtMs,
      status: 'ok',
      message: '',
      recommendations: recommendations.length,
      catalogueVersion: 'before-the-stop',
    },
    recommendations,
  );
}

function storedReport(
  handle: ClickHouseHandle,
  builtAtMs: number,
  week = previousIsoWeek(isoWeekOf(builtAtMs)),
): Promise<void> {
  return new WeeklyReportsRepository(handle).save({
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

/** When each stored analysis run began, whatever became of it. */
async function runStarts(fleetscope: RunningFleetscope): Promise<number[]> {
  const result = await fleetscope.clickhouse.client.query({
    query: `SELECT toUnixTimestamp64Milli(min(started_at)) AS startedAtMs FROM analysis_runs
            GROUP BY run_id ORDER BY startedAtMs`,
    format: 'JSONEachRow',
  });
  return (await result.json<{ startedAtMs: string | number }>()).map((r) => Number(r.startedAtMs));
}

async function storedWeeks(fleetscope: RunningFleetscope): Promise<string[]> {
  return (await new WeeklyReportsRepository(fleetscope.clickhouse).list()).map((r) => r.week);
}

describe('the analyzer schedule after a stop', () => {
  let fleetscope: RunningFleetscope | undefined;
  afterEach(async () => {
    await fleetscope?.stop();
    fleetscope = undefined;
  });

  it('runs the analyses once on start-up when three daily ticks passed since the last run', async () => {
    const lastRun = Date.now() - 3 * DAY_MS - 60_000;
    const started = Date.now();
    fleetscope = await startOn((handle) => storedRun(handle, lastRun));
    await fleetscope.app.get(AnalysisScheduler).caughtUp;
    const runs = await runStarts(fleetscope);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toBe(lastRun);
    expect(runs[1]).toBeGreaterThanOrEqual(started);
  });

  it('runs the analyses caught up once when the run never stores its end, not at every restart', async () => {
    const lastRun = Date.now() - 3 * DAY_MS - 60_000;
    const started = Date.now();
    const env = await seeded(async (handle) => {
      await storedRun(handle, lastRun);
      // From now on no run stores its end, as when the run brings the process down.
      await handle.client.command({
        query: `ALTER TABLE analysis_runs ADD CONSTRAINT no_end CHECK status NOT IN ('ok', 'failed')`,
      });
    });
    for (let start = 0; start < 2; start++) {
      const restarted = await startFleetscope(env);
      await restarted.app.get(AnalysisScheduler).caughtUp;
      if (start === 0) await restarted.app.close();
      else fleetscope = restarted;
    }
    const runs = await runStarts(fleetscope!);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toBe(lastRun);
    expect(runs[1]).toBeGreaterThanOrEqual(started);
  });

  it('runs no analysis on start-up when the last run came after the last tick', async () => {
    const lastRun = Date.now() - 1_000;
    fleetscope = await startOn((handle) => storedRun(handle, lastRun));
    await fleetscope.app.get(AnalysisScheduler).caughtUp;
    expect(await runStarts(fleetscope)).toEqual([lastRun]);
  });

  it("builds the missed Monday's report once on start-up, not the weeks of the ticks before it", async () => {
    const lastTick = lastMondaySixUtc(Date.now());
    const lastBuilt = lastTick - 3 * WEEK_MS + 1_000;
    fleetscope = await startOn((handle) => storedReport(handle, lastBuilt));
    await fleetscope.app.get(WeeklyReportScheduler).caughtUp;
    expect(await storedWeeks(fleetscope)).toEqual([
      previousIsoWeek(isoWeekOf(lastTick)).label,
      previousIsoWeek(isoWeekOf(lastBuilt)).label,
    ]);
  });

  it('builds the missed report on start-up though a week was built on demand since the tick', async () => {
    // The analyzer was down over Monday's tick; someone built a report from the dashboard meanwhile.
    const lastTick = lastMondaySixUtc(Date.now());
    const lastScheduled = lastTick - 3 * WEEK_MS + 1_000;
    const onDemand = lastTick + 1_000;
    const older = previousIsoWeek(previousIsoWeek(isoWeekOf(lastTick)));
    fleetscope = await startOn(async (handle) => {
      const reports = new WeeklyReportsRepository(handle);
      await reports.saveBuildStart(
        previousIsoWeek(isoWeekOf(lastScheduled)).label,
        lastScheduled,
        'schedule',
      );
      await storedReport(handle, lastScheduled);
      await reports.saveBuildStart(older.label, onDemand, 'api');
      await storedReport(handle, onDemand, older);
    });
    await fleetscope.app.get(WeeklyReportScheduler).caughtUp;
    expect(await storedWeeks(fleetscope)).toContain(previousIsoWeek(isoWeekOf(lastTick)).label);
  });

  it('builds the missed report once when the build never stores the week, not at every restart', async () => {
    const lastBuilt = lastMondaySixUtc(Date.now()) - 3 * WEEK_MS + 1_000;
    const env = await seeded(async (handle) => {
      await storedReport(handle, lastBuilt);
      // From now on no build stores its week, as when the build brings the process down.
      await handle.client.command({
        query: `ALTER TABLE weekly_reports ADD CONSTRAINT no_week CHECK catalogue_version = 'before-the-stop'`,
      });
    });
    const builds: number[] = [];
    for (let start = 0; start < 2; start++) {
      const restarted = await startFleetscope(env);
      await restarted.app.get(WeeklyReportScheduler).caughtUp;
      builds.push(
        restarted.app
          .get(ReportMetrics)
          .counters.value(REPORT_BUILDS, { trigger: 'schedule', status: 'failed' }),
      );
      if (start === 0) await restarted.app.close();
      else fleetscope = restarted;
    }
    expect(builds).toEqual([1, 0]);
    expect(await storedWeeks(fleetscope!)).toEqual([previousIsoWeek(isoWeekOf(lastBuilt)).label]);
  });

  it('builds the missed report from the analyses caught up when both missed their ticks', async () => {
    const lastTick = lastMondaySixUtc(Date.now());
    const started = Date.now();
    fleetscope = await startOn(async (handle) => {
      await storedRun(handle, Date.now() - 3 * DAY_MS - 60_000, [STALE]);
      await storedReport(handle, lastTick - 3 * WEEK_MS + 1_000);
    });
    await fleetscope.app.get(WeeklyReportScheduler).caughtUp;
    await fleetscope.app.get(AnalysisScheduler).caughtUp;
    const repository = new RecommendationsRepository(fleetscope.clickhouse);
    const latest = await repository.latestRun();
    expect(latest?.startedAtMs).toBeGreaterThanOrEqual(started);
    const stored = await new WeeklyReportsRepository(fleetscope.clickhouse).get(
      previousIsoWeek(isoWeekOf(lastTick)).label,
    );
    const report = JSON.parse(stored!.report) as WeeklyReport;
    expect(report.recommendations.map((r) => r.title)).toEqual(
      (await repository.list(latest!.runId)).map((r) => r.title),
    );
  });

  it('builds no report on start-up when the last one was built after the last tick', async () => {
    const lastBuilt = lastMondaySixUtc(Date.now()) + 1_000;
    fleetscope = await startOn((handle) => storedReport(handle, lastBuilt));
    await fleetscope.app.get(WeeklyReportScheduler).caughtUp;
    expect(await storedWeeks(fleetscope)).toEqual([previousIsoWeek(isoWeekOf(lastBuilt)).label]);
  });
});
