import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { toStorageError } from '../client/storage.errors';
import { CLICKHOUSE } from '../storage.tokens';
import { minuteRangeRowsOf, rangeRowsOf, type SeveralSourceDays } from './range-rows';
import {
  BILLED_MS,
  STRETCH,
  UNBILLED_INIT_MS,
  rangeParams,
  splitParams,
  type SettingsSplits,
} from './minute-source.sql';

export type { SettingsSplits } from './minute-source.sql';

/** One function's chosen-source sums over one UTC day (or the stretch of it between two settings changes). */
export interface StoredDailyUsage {
  functionId: string;
  dayStartMs: number;
  /** Which stretch between the function's settings changes (SettingsSplits): 0 before the first. */
  stretch: number;
  sources: string[];
  invocations: number;
  coldStarts: number;
  /** Initialisations a record said were of provisioned concurrency (FunctionTotals'). */
  provisionedInits: number;
  billedDurationMs: number;
  /** Init Duration of rows no Lambda record billed (spans, FaaS metrics): UNBILLED_INIT_MS. */
  unbilledInitMs: number;
  /** Billed ms × memory size over the rows that know their memory size. */
  billedMbMs: number;
  /** Billed ms of rows without a memory size (spans). */
  unknownMemoryBilledMs: number;
  initDurationMs: number;
  /**
   * Init Duration × memory size over the rows that know their memory size, and the Init Duration
   * of those rows (absent: every INIT ran at the day's memoryMb): a day whose size changed ran its
   * INITs at their own sizes, not at the day's mean.
   */
  initMbMs?: number;
  initKnownMemoryMs?: number;
  restores: number;
  billedRestoreMs: number;
}

/** Per function and day, from the minutes: time run under a concurrency level, and active minutes. */
export interface StoredDailyConcurrency {
  functionId: string;
  dayStartMs: number;
  /** As StoredDailyUsage.stretch. */
  stretch: number;
  /** Σ over minutes of min(concurrency, level) × 60,000 ms. */
  busyUnderLevelMs: number;
  activeMinutes: number;
}

/**
 * When a Knative or OpenFaaS function's pods can have run, as far as storage tells: what the pod
 * billing rules (libs/pricing PodLifetime) keep min-scale pods to.
 */
export interface StoredPodLifetime {
  functionId: string;
  /**
   * When Fleetscope first knew it: the earliest of its first minute with data (as long as the
   * aggregate keeps it), its first settings observation and its inventory rows' last writes.
   */
  firstSeenMs: number;
  /**
   * The inventory sync listed its cluster or gateway later without it: removed after its last
   * listing (or its last minute with data, if later). null: still listed, or never listed by a
   * sync, so nothing says it was removed.
   */
  removedAtMs: number | null;
}

export interface DeliveryAttempt {
  channel: string;
  /**
   * 'pending': stored before the first attempt, replaced by the outcome once the attempts end; one
   * still pending was cut short (the process stopped or was killed) and is sent at the next start.
   */
  status: 'delivered' | 'failed' | 'pending';
  /** Attempts made: so far, while pending. */
  attempts: number;
  error: string | null;
  atMs: number;
}

export interface StoredWeeklyReport {
  week: string;
  fromMs: number;
  toMs: number;
  builtAtMs: number;
  catalogueVersion: string;
  totalCostUsd: number;
  previousTotalCostUsd: number;
  coverageStatus: string;
  /** The report JSON, as built. */
  report: string;
  deliveries: DeliveryAttempt[];
}

/** Per function: its splits and the concurrency level of each stretch (one more than the splits). */
export type StretchLevels = ReadonlyMap<
  string,
  { changesAtMs: readonly number[]; levels: readonly number[] }
>;

/**
 * The weekly report's storage: the daily usage it is built from (the chosen source per function
 * and minute, as every other reader counts) and the history of built reports.
 */
@Injectable()
export class WeeklyReportsRepository {
  private lastRevision = 0;

  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  /**
   * Every function's daily sums in a range (whole hours from function_hours), or only those of
   * `functionIds`, split per day at the function's settings changes where `splits` names any. A
   * range that starts or ends within a day sums the part of that day inside it.
   */
  async dailyUsage(
    range: { fromMs: number; toMs: number },
    splits: SettingsSplits = new Map(),
    functionIds?: readonly string[],
    shared?: SeveralSourceDays,
  ): Promise<StoredDailyUsage[]> {
    const only = functionIds ? 'AND function_id IN {functionIds:Array(String)}' : '';
    const { rows, params } = await rangeRowsOf(
      this.handle.client,
      only,
      {
        ...rangeParams(range),
        ...splitParams(splits),
        ...(functionIds ? { functionIds: [...functionIds] } : {}),
      },
      false,
      shared && { read: shared, only: functionIds },
    );
    return this.query<StoredDailyUsage>(
      `
      SELECT
        function_id AS functionId,
        toUnixTimestamp(toStartOfDay(minute, 'UTC')) * 1000 AS dayStartMs,
        ${STRETCH} AS stretch,
        arraySort(groupUniqArray(toString(source))) AS sources,
        sum(invocations) AS invocations,
        sum(cold_starts) AS coldStarts,
        sum(provisioned_inits) AS provisionedInits,
        sum(${BILLED_MS}) AS billedDurationMs,
        ${UNBILLED_INIT_MS} AS unbilledInitMs,
        sum(${BILLED_MS} * memory_size_mb) AS billedMbMs,
        sumIf(${BILLED_MS}, memory_size_mb = 0) AS unknownMemoryBilledMs,
        sum(init_duration_sum_ms) AS initDurationMs,
        sum(init_duration_sum_ms * memory_size_mb) AS initMbMs,
        sumIf(init_duration_sum_ms, memory_size_mb > 0) AS initKnownMemoryMs,
        sum(restores) AS restores,
        sum(billed_restore_sum_ms) AS billedRestoreMs
      FROM (${rows})
      GROUP BY functionId, dayStartMs, stretch
      ORDER BY dayStartMs, functionId, stretch`,
      params,
      'reading daily usage',
    );
  }

  /**
   * The functions with a SnapStart restore stored on a UTC day that starts in [from, to), or only
   * `functionId`: whole days from function_days and any source, so a superset of those whose
   * chosen source (dailyUsage) restored. One scan of the days' rows, without the source choice:
   * the fleet page reads it beside its totals to find the functions whose snapshot cache a restore
   * before its range still bills (snapStartCachedDays), and reads their days only.
   */
  async restoredOnDays(
    range: { fromMs: number; toMs: number },
    functionId?: string,
  ): Promise<string[]> {
    const rows = await this.query<{ functionId: string }>(
      `
      SELECT DISTINCT function_id AS functionId FROM function_days
      WHERE day >= toDateTime({from:UInt32}) AND day < toDateTime({to:UInt32}) AND restores > 0
        ${functionId === undefined ? '' : 'AND function_id = {functionId:String}'}`,
      {
        from: Math.ceil(range.fromMs / 1000),
        to: Math.ceil(range.toMs / 1000),
        ...(functionId === undefined ? {} : { functionId }),
      },
      'reading the functions with SnapStart restores',
    );
    return rows.map((r) => r.functionId);
  }

  /**
   * Per day and stretch, the time the named functions ran under the stretch's level (provisioned
   * concurrency in force then), from per-minute concurrency c = busy ms / 60,000 (Little's law),
   * and their minutes with traffic: with invocations or busy time, since a Knative queue-proxy may
   * push request counts without latencies and a min-scale-0 pod still ran in those minutes. One
   * row per function-minute by a window over the rows' own order, as
   * AnalysisInputsRepository.concurrencyProfiles() takes them: a GROUP BY function_id, minute
   * built a hash table of every minute (220 against 125 ms for the 840,000 minutes of 500
   * functions over 7 days).
   */
  async dailyConcurrency(
    range: { fromMs: number; toMs: number },
    levels: StretchLevels,
    shared?: SeveralSourceDays,
  ): Promise<StoredDailyConcurrency[]> {
    if (levels.size === 0) return [];
    const ids = [...levels.keys()];
    const splits = new Map(ids.map((id) => [id, levels.get(id)!.changesAtMs]));
    const { rows, params } = await minuteRangeRowsOf(
      this.handle.client,
      'AND function_id IN {ids:Array(String)}',
      {
        ...rangeParams(range),
        ...splitParams(splits),
        ids,
        levels: ids.map((id) => [...levels.get(id)!.levels]),
      },
      shared && { read: shared, only: ids },
    );
    return this.query<StoredDailyConcurrency>(
      `
      SELECT functionId, dayStartMs, stretch,
        sum(least(c, ({levels:Array(Array(Float64))}[transform(functionId, {ids:Array(String)}, arrayEnumerate({ids:Array(String)}), 0)])[1 + stretch])) * 60000 AS busyUnderLevelMs,
        countIf(c > 0 OR n > 0) AS activeMinutes
      FROM (
        SELECT function_id AS functionId,
               toUnixTimestamp(toStartOfDay(minute, 'UTC')) * 1000 AS dayStartMs,
               ${STRETCH} AS stretch, c, n
        FROM (
          SELECT function_id, minute, sum(duration_sum_ms) OVER w / 60000 AS c,
                 sum(invocations) OVER w AS n,
                 row_number() OVER w AS rn
          FROM (${rows})
          WINDOW w AS (PARTITION BY function_id, minute)
        )
        WHERE rn = 1
      )
      GROUP BY functionId, dayStartMs, stretch`,
      params,
      'reading daily concurrency',
    );
  }

  /**
   * When each named Knative or OpenFaaS function was first seen and, where the inventory sync
   * shows it, removed; functions storage knows nothing of are left out. A function's first and
   * last minutes with data are looked for in its first and last days (function_days) only, so the
   * minutes of its other days are not read. One inventory sync writes every function it lists
   * with the same updated_at (FunctionConfigRepository.upsert); per platform and target (the
   * region column: the cluster or gateway), a function whose 'api' row is older than the target's
   * newest was missing from the latest listing.
   */
  async podLifetimes(functionIds: readonly string[]): Promise<Map<string, StoredPodLifetime>> {
    if (functionIds.length === 0) return new Map();
    const ids = [...functionIds];
    const [seen, listings] = await Promise.all([
      this.query<{ functionId: string; firstSeenMs: number; lastDataEndMs: number }>(
        `
        SELECT functionId, min(knownAtMs) AS firstSeenMs, max(dataEndMs) AS lastDataEndMs
        FROM (
          SELECT function_id AS functionId,
                 toInt64(toUnixTimestamp(min(minute))) * 1000 AS knownAtMs,
                 (toInt64(toUnixTimestamp(max(minute))) + 60) * 1000 AS dataEndMs
          FROM function_minutes
          WHERE function_id IN {ids:Array(String)}
            AND (function_id, toStartOfDay(minute, 'UTC')) IN (
              SELECT function_id, min(day) FROM function_days
              WHERE function_id IN {ids:Array(String)} GROUP BY function_id
              UNION ALL
              SELECT function_id, max(day) FROM function_days
              WHERE function_id IN {ids:Array(String)} GROUP BY function_id)
          GROUP BY function_id
          UNION ALL
          SELECT function_id, toUnixTimestamp64Milli(min(observed_at)), toInt64(0)
          FROM function_settings_history
          WHERE function_id IN {ids:Array(String)}
          GROUP BY function_id
          UNION ALL
          SELECT function_id, toUnixTimestamp64Milli(min(updated_at)), toInt64(0)
          FROM function_configs FINAL
          WHERE function_id IN {ids:Array(String)}
          GROUP BY function_id
        )
        GROUP BY functionId`,
        { ids },
        'reading when pod functions were first seen',
      ),
      this.query<{ functionId: string; listedAtMs: number }>(
        `
        SELECT functionId, listedAtMs
        FROM (
          SELECT function_id AS functionId,
                 toUnixTimestamp64Milli(updated_at) AS listedAtMs,
                 toUnixTimestamp64Milli(max(updated_at) OVER (PARTITION BY platform, region))
                   AS targetListedAtMs
          FROM function_configs FINAL
          WHERE source = 'api' AND platform IN ('knative', 'openfaas')
        )
        WHERE functionId IN {ids:Array(String)} AND targetListedAtMs > listedAtMs`,
        { ids },
        'reading which pod functions the inventory no longer lists',
      ),
    ]);
    const unlisted = new Map(listings.map((l) => [l.functionId, Number(l.listedAtMs)]));
    return new Map(
      seen.map((r) => {
        const listedAtMs = unlisted.get(r.functionId);
        return [
          r.functionId,
          {
            functionId: r.functionId,
            firstSeenMs: Number(r.firstSeenMs),
            removedAtMs:
              listedAtMs === undefined ? null : Math.max(listedAtMs, Number(r.lastDataEndMs)),
          },
        ];
      }),
    );
  }

  /** Stores a week's report; a week built again replaces the earlier one. */
  async save(report: StoredWeeklyReport): Promise<void> {
    try {
      await this.handle.client.insert({
        table: 'weekly_reports',
        format: 'JSONEachRow',
        values: [
          {
            week: report.week,
            revision: this.nextRevision(),
            from_time: Math.floor(report.fromMs / 1000),
            to_time: Math.floor(report.toMs / 1000),
            built_at: report.builtAtMs,
            catalogue_version: report.catalogueVersion,
            total_cost_usd: report.totalCostUsd,
            previous_total_cost_usd: report.previousTotalCostUsd,
            coverage_status: report.coverageStatus,
            report: report.report,
            deliveries: JSON.stringify(report.deliveries),
          },
        ],
      });
    } catch (error) {
      throw toStorageError(error, 'storing a weekly report');
    }
  }

  /**
   * Records that a build of `week` began, before it reads anything: a build that never stores the
   * week (it brought the process down, or the process was killed during it) still counts as begun
   * (lastBuildStartedAtMs), so the start-up catch-up builds it again once, not at every restart.
   */
  async saveBuildStart(week: string, startedAtMs: number, trigger: string): Promise<void> {
    await this.insertBuild({ week, started_at: startedAtMs, trigger }, 'recording the start of');
  }

  /** Records that the build of `week` begun at `startedAtMs` ended in an error (migration 0033). */
  async saveBuildFailure(week: string, startedAtMs: number, trigger: string): Promise<void> {
    await this.insertBuild(
      { week, started_at: startedAtMs, trigger, outcome: 'failed' },
      'recording the failure of',
    );
  }

  private async insertBuild(row: Record<string, unknown>, what: string): Promise<void> {
    try {
      await this.handle.client.insert({
        table: 'weekly_report_builds',
        format: 'JSONEachRow',
        values: [row],
      });
    } catch (error) {
      throw toStorageError(error, `${what} a weekly report build`);
    }
  }

  /**
   * When the last scheduled build the start-up catch-up counts as done began; undefined when none
   * ever began. Builds on demand do not count: one made while the analyzer was down over a tick
   * would otherwise stand for that tick, whose report was then never built and delivered. A
   * scheduled build counts once it stored its week or failed; one that did neither (the process
   * was stopped or killed during it) counts only when it was already the second of its week, so
   * the catch-up builds that week again once, and a build that brings the process down is not
   * run at every start. 0 when no scheduled build counts but one began: the latest tick is missed.
   */
  async lastBuildStartedAtMs(): Promise<number | undefined> {
    // A report built before migration 0030 recorded no start nor trigger (its week has no build
    // row): its build time stands for a scheduled build.
    const [starts, failed, stored] = await Promise.all([
      this.query<{ week: string; startedAtMs: number | string }>(
        `SELECT week, toUnixTimestamp64Milli(started_at) AS startedAtMs FROM weekly_report_builds
         WHERE trigger = 'schedule' AND outcome = 'started' ORDER BY started_at`,
        {},
        'reading when weekly report builds began',
      ),
      this.query<{ week: string; startedAtMs: number | string }>(
        `SELECT week, toUnixTimestamp64Milli(started_at) AS startedAtMs FROM weekly_report_builds
         WHERE trigger = 'schedule' AND outcome = 'failed'`,
        {},
        'reading which weekly report builds failed',
      ),
      this.query<{ week: string; builtAtMs: number | string; legacy: number | string }>(
        `SELECT week, toUnixTimestamp64Milli(max(built_at)) AS builtAtMs,
                week NOT IN (SELECT week FROM weekly_report_builds) AS legacy
         FROM weekly_reports GROUP BY week`,
        {},
        'reading when weekly reports were stored',
      ),
    ]);
    const failures = new Set(failed.map((f) => `${f.week} ${Number(f.startedAtMs)}`));
    const storedAt = new Map(stored.map((r) => [r.week, Number(r.builtAtMs)]));
    const seen = new Map<string, number>();
    let last: number | undefined;
    for (const row of stored) {
      if (Number(row.legacy) === 1) last = Math.max(last ?? 0, Number(row.builtAtMs));
    }
    for (const start of starts) {
      const startedAtMs = Number(start.startedAtMs);
      const nth = (seen.get(start.week) ?? 0) + 1;
      seen.set(start.week, nth);
      const done =
        (storedAt.get(start.week) ?? -Infinity) >= startedAtMs ||
        failures.has(`${start.week} ${startedAtMs}`) ||
        nth >= 2;
      if (done) last = Math.max(last ?? 0, startedAtMs);
    }
    return last ?? (starts.length > 0 ? 0 : undefined);
  }

  /** Every stored week, newest first, without the report body. */
  async list(): Promise<Omit<StoredWeeklyReport, 'report'>[]> {
    const rows = await this.query<Record<string, unknown>>(
      `${this.latestSelect(false)} ORDER BY week DESC`,
      {},
      'listing weekly reports',
    );
    return rows.map((r) => this.fromRow(r));
  }

  async get(week: string): Promise<StoredWeeklyReport | undefined> {
    const rows = await this.query<Record<string, unknown>>(
      `${this.latestSelect(true)} HAVING week = {week:String}`,
      { week },
      'reading a weekly report',
    );
    const row = rows[0];
    return row ? (this.fromRow(row) as StoredWeeklyReport) : undefined;
  }

  private latestSelect(withBody: boolean): string {
    return `
      SELECT week,
             toUnixTimestamp(argMax(from_time, revision)) * 1000 AS fromMs,
             toUnixTimestamp(argMax(to_time, revision)) * 1000 AS toMs,
             toUnixTimestamp64Milli(argMax(built_at, revision)) AS builtAtMs,
             argMax(catalogue_version, revision) AS catalogueVersion,
             argMax(total_cost_usd, revision) AS totalCostUsd,
             argMax(previous_total_cost_usd, revision) AS previousTotalCostUsd,
             argMax(coverage_status, revision) AS coverageStatus,
             ${withBody ? 'argMax(report, revision) AS report,' : ''}
             argMax(deliveries, revision) AS deliveries
      FROM weekly_reports
      GROUP BY week`;
  }

  private fromRow(r: Record<string, unknown>): Omit<StoredWeeklyReport, 'report'> & {
    report?: string;
  } {
    return {
      ...(r as unknown as StoredWeeklyReport),
      deliveries: JSON.parse(
        typeof r.deliveries === 'string' && r.deliveries ? r.deliveries : '[]',
      ) as DeliveryAttempt[],
    };
  }

  /** Strictly increasing, so a rebuild in the same millisecond still wins. */
  private nextRevision(): number {
    this.lastRevision = Math.max(this.lastRevision + 1, Date.now() * 1000);
    return this.lastRevision;
  }

  private query<T>(query: string, params: Record<string, unknown>, what: string): Promise<T[]> {
    return queryRows<T>(this.handle.client, query, params, what);
  }
}
