import { Inject, Injectable } from '@nestjs/common';
import type {
  ConcurrencyProfile,
  DailyStats,
  FunctionWindowStats,
  HistogramBuckets,
  HourOfWeekConcurrency,
  MemorySizeStats,
} from '@fleetscope/model';
import { ZERO_BUCKET, histogramQuantileSql, logBucketSql } from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { CLICKHOUSE } from '../storage.tokens';
import { minuteRowsForRange, rangeParams, rowsForRange } from './minute-source.sql';

export interface AnalysisWindow {
  fromMs: number;
  toMs: number;
}

/** What the analyses get per function from storage: window statistics and the concurrency profile. */
export interface StoredAnalysisInputs {
  stats: FunctionWindowStats;
  concurrency: ConcurrencyProfile | null;
}

/** Candidate provisioned-concurrency / min-scale levels when the caller names none. */
export const DEFAULT_CONCURRENCY_LEVELS: readonly number[] = [
  1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500,
];

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;
/** Concurrency sketch: 64 buckets per power of two (~1 % wide) for container sizing from its p95. */
const CONCURRENCY_BUCKETS_PER_POWER_OF_TWO = 64;
/** Hour of week with 0 = Monday 00:00 UTC: the epoch fell on a Thursday, 72 hours into its week. */
const HOUR_OF_WEEK = `toUInt16(intDiv(toUInt32(minute) + 259200, 3600) % 168)`;

/**
 * What the per-minute aggregate does not keep about initialisations, from the invocation records:
 * proactive initialisations (not cold starts, so not counted there) and the distribution of
 * SnapStart Restore Durations. Grouped like FunctionsRepository.coldStarts() rows.
 */
export interface ColdStartExtrasRow {
  /** UTC hour of day as text when grouped by hour, else ''. */
  key: string;
  functionId: string;
  version: string;
  memorySizeMb: number;
  proactiveInits: number;
  proactiveInitSumMs: number;
  restores: number;
  restoreBuckets: HistogramBuckets;
}

interface StatsRow {
  functionId: string;
  /** 0 = function totals, 1 = one memory size, 2 = one UTC day. */
  level: number;
  memoryMb: number;
  dayMs: number;
  invocations: number;
  errors: number;
  timeouts: number;
  ooms: number;
  coldStarts: number;
  durationSumMs: number;
  durationMaxMs: number;
  billedDurationSumMs: number;
  rowsWithoutBilled: number;
  initDurationSumMs: number;
  durationBuckets: HistogramBuckets;
  initBuckets: HistogramBuckets;
  maxMemoryUsedMb: number;
  memoryUsedP95Mb: number | null;
  p99Ms: number | null;
}

interface ConcurrencyRow {
  functionId: string;
  p95Concurrency: number | null;
  /**
   * [hourOfWeek, concurrencyMinutes, coveredMinutesByLevel, coldStarts, onDemandInitMs]; covered
   * minutes stop before the first level at or above the hour's peak (the rest equal
   * concurrencyMinutes).
   */
  hours: [number, number, number[], number, number][];
}

/**
 * Builds every analysis input of a window in two queries whose cost grows with functions × hours
 * (statistics, from function_hours inside whole hours and function_minutes at the edges) and
 * functions × active minutes (the concurrency profile, which needs minute resolution), never with
 * invocations. Each function-minute is read from one source (chosenSourceRows, through rowsForRange).
 */
@Injectable()
export class AnalysisInputsRepository {
  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {}

  /** Inputs of every function with data in the window, keyed by function id. */
  async load(
    window: AnalysisWindow,
    levels: readonly number[] = DEFAULT_CONCURRENCY_LEVELS,
  ): Promise<Map<string, StoredAnalysisInputs>> {
    const stats = await this.windowStats(window);
    const profiles = await this.concurrencyProfiles(window, levels);
    const inputs = new Map<string, StoredAnalysisInputs>();
    for (const [functionId, s] of stats) {
      inputs.set(functionId, { stats: s, concurrency: profiles.get(functionId) ?? null });
    }
    return inputs;
  }

  /**
   * FunctionWindowStats of every function: totals, per memory size and per UTC day in one pass
   * (GROUPING SETS). Whole hours come from function_hours, the partial hours at both ends of the
   * window from function_minutes.
   */
  async windowStats(window: AnalysisWindow): Promise<Map<string, FunctionWindowStats>> {
    const rows = await this.query<StatsRow>(
      `
      SELECT
        function_id AS functionId,
        if(grouping(memory_size_mb) = 0, 1, if(grouping(day) = 0, 2, 0)) AS level,
        memory_size_mb AS memoryMb,
        toUnixTimestamp(day) * 1000 AS dayMs,
        sum(invocations) AS invocations,
        sum(errors) AS errors,
        sum(timeouts) AS timeouts,
        sum(ooms) AS ooms,
        sum(cold_starts) AS coldStarts,
        sum(duration_sum_ms) AS durationSumMs,
        max(duration_max_ms) AS durationMaxMs,
        sum(billed_duration_sum_ms) AS billedDurationSumMs,
        countIf(invocations > 0 AND billed_duration_sum_ms = 0) AS rowsWithoutBilled,
        sum(init_duration_sum_ms) AS initDurationSumMs,
        sumMap(duration_buckets) AS db,
        if(level = 2, map(), db) AS durationBuckets,
        if(level = 0, sumMap(init_buckets), map()) AS initBuckets,
        max(max_memory_used_mb) AS maxMemoryUsedMb,
        if(level = 0, ${histogramQuantileSql('sumMap(memory_buckets)', 0.95)}, NULL) AS memoryUsedP95Mb,
        if(level = 2, ${histogramQuantileSql('db', 0.99)}, NULL) AS p99Ms
      FROM (SELECT *, toStartOfDay(minute, 'UTC') AS day FROM (${rowsForRange()}))
      GROUP BY GROUPING SETS ((function_id), (function_id, memory_size_mb), (function_id, day))
      SETTINGS force_grouping_standard_compatibility = 1, prefer_column_name_to_alias = 1`,
      { ...this.windowParams(window) },
    );

    const byFunction = new Map<string, FunctionWindowStats>();
    const statsOf = (functionId: string): FunctionWindowStats => {
      let s = byFunction.get(functionId);
      if (!s) {
        s = emptyStats(functionId, window);
        byFunction.set(functionId, s);
      }
      return s;
    };
    for (const row of rows) {
      const s = statsOf(row.functionId);
      switch (row.level) {
        case 0:
          Object.assign(s, {
            invocations: row.invocations,
            errors: row.errors,
            timeouts: row.timeouts,
            ooms: row.ooms,
            coldStarts: row.coldStarts,
            durationSumMs: row.durationSumMs,
            durationMaxMs: row.durationMaxMs,
            // Only a complete set of REPORT billed durations is usable as the bill.
            billedDurationSumMs: row.rowsWithoutBilled === 0 ? row.billedDurationSumMs : 0,
            initDurationSumMs: row.initDurationSumMs,
            durationBuckets: numericKeys(row.durationBuckets),
            initBuckets: numericKeys(row.initBuckets),
            maxMemoryUsedMb: row.maxMemoryUsedMb > 0 ? row.maxMemoryUsedMb : null,
            memoryUsedP95Mb: row.memoryUsedP95Mb,
          });
          break;
        case 1:
          s.byMemory.push({
            memoryMb: row.memoryMb,
            invocations: row.invocations,
            durationSumMs: row.durationSumMs,
            durationBuckets: numericKeys(row.durationBuckets),
          } satisfies MemorySizeStats);
          break;
        case 2:
          s.daily.push({
            dayStartMs: row.dayMs,
            invocations: row.invocations,
            timeouts: row.timeouts,
            durationMaxMs: row.durationMaxMs,
            p99Ms: row.p99Ms,
          } satisfies DailyStats);
          break;
        default:
          break;
      }
    }
    for (const s of byFunction.values()) {
      s.byMemory.sort((a, b) => a.memoryMb - b.memoryMb);
      s.daily.sort((a, b) => a.dayStartMs - b.dayStartMs);
    }
    return byFunction;
  }

  /**
   * Per-minute average concurrency c = busy ms / 60,000 (Little's law on the minute), folded per
   * hour of week: concurrency-minutes and Σ min(c, L) for every candidate level L, plus the p95 of
   * c over every minute of the window (minutes without data count as 0).
   */
  async concurrencyProfiles(
    window: AnalysisWindow,
    levels: readonly number[] = DEFAULT_CONCURRENCY_LEVELS,
  ): Promise<Map<string, ConcurrencyProfile>> {
    const sorted = [...new Set(levels.filter((l) => l > 0))].sort((a, b) => a - b);
    const windowMinutes = Math.max(0, Math.floor((window.toMs - window.fromMs) / MINUTE_MS));
    // [Σ min(c, L1), Σ min(c, L2), …]: one sum per level over the bound levels array. The same
    // as sumForEach(arrayMap(l -> least(c, l), levels)) without an array per minute (~15 % faster).
    const coveredSums = `[${sorted
      .map((_, i) => `sum(least(c, {levels:Array(Float64)}[${i + 1}]))`)
      .join(', ')}]::Array(Float64)`;
    const rows = await this.query<ConcurrencyRow>(
      `
      SELECT
        function_id AS functionId,
        -- Never above the largest minute: a constant load's p95 is that load, not its bucket's edge.
        least(max(peak), ${histogramQuantileSql(
          `mapAdd(sumMap(c_hist), map(toInt16(${ZERO_BUCKET}), toUInt64(greatest(0, {windowMinutes:Int64} - sum(active)))))`,
          0.95,
          CONCURRENCY_BUCKETS_PER_POWER_OF_TWO,
        )}) AS p95Concurrency,
        groupArray((how, round(conc, 4), covered, cold, round(init))) AS hours
      FROM (
        SELECT
          function_id,
          ${HOUR_OF_WEEK} AS how,
          count() AS active,
          sum(c) AS conc,
          -- Levels at or above the hour's peak cover everything (= conc): sent only up to the first.
          arraySlice(
            arrayMap(v -> round(v, 4), ${coveredSums}),
            1,
            toInt64(if((arrayFirstIndex(l -> l >= peak, {levels:Array(Float64)}) AS saturated) = 0,
                       length({levels:Array(Float64)}), saturated - 1))
          ) AS covered,
          sum(cs) AS cold,
          sum(init_ms) AS init,
          max(c) AS peak,
          -- The array form of sumMap: no Map is built per minute.
          CAST(sumMap([${logBucketSql('c', 'c', CONCURRENCY_BUCKETS_PER_POWER_OF_TWO)}], [toUInt64(1)]),
               'Map(Int16, UInt64)') AS c_hist
        FROM (
          -- One row per function-minute. Window sums over the table's own order stream through
          -- the data; a GROUP BY function_id, minute would build a hash table of every minute.
          SELECT function_id, minute, c, cs, init_ms FROM (
            SELECT function_id, minute,
                   sum(duration_sum_ms) OVER w / 60000 AS c,
                   sum(cold_starts) OVER w AS cs,
                   sum(init_duration_sum_ms) OVER w AS init_ms,
                   row_number() OVER w AS rn
            FROM (${minuteRowsForRange()})
            WINDOW w AS (PARTITION BY function_id, minute)
          )
          WHERE rn = 1 AND c > 0
        )
        GROUP BY function_id, how
      )
      GROUP BY function_id`,
      { ...this.windowParams(window), levels: sorted, windowMinutes },
    );

    const observed = minutesPerHourOfWeek(window);
    const weeksCovered = (window.toMs - window.fromMs) / (WEEK_HOURS * HOUR_MS);
    const profiles = new Map<string, ConcurrencyProfile>();
    for (const row of rows) {
      const hours: HourOfWeekConcurrency[] = row.hours
        .map(([hourOfWeek, concurrencyMinutes, covered, coldStarts, onDemandInitMs]) => ({
          hourOfWeek,
          minutesObserved: observed[hourOfWeek] ?? 0,
          concurrencyMinutes,
          coveredMinutesByLevel: sorted.map((_, i) =>
            i < covered.length ? covered[i] : concurrencyMinutes,
          ),
          coldStarts,
          onDemandInitMs,
        }))
        .sort((a, b) => a.hourOfWeek - b.hourOfWeek);
      profiles.set(row.functionId, {
        functionId: row.functionId,
        levels: sorted,
        hours,
        p95Concurrency: row.p95Concurrency ?? 0,
        weeksCovered,
      });
    }
    return profiles;
  }

  /**
   * Proactive initialisations and SnapStart restore durations in a range, one per request id
   * whatever the number of sources that reported it. Reads only the invocations that had such
   * an init (a filtered scan of two narrow columns), not the whole range of records.
   */
  async coldStartExtras(window: AnalysisWindow, byHour: boolean): Promise<ColdStartExtrasRow[]> {
    const hourKey = byHour ? `toString(toHour(start))` : `''`;
    const rows = await this.query<ColdStartExtrasRow>(
      `
      SELECT
        ${hourKey} AS key,
        function_id AS functionId,
        version,
        memory_size_mb AS memorySizeMb,
        countIf(proactive) AS proactiveInits,
        sumIf(init_ms, proactive) AS proactiveInitSumMs,
        countIf(restore_ms > 0) AS restores,
        sumMapIf(map(${logBucketSql('restore_ms')}, toUInt64(1)), restore_ms > 0) AS restoreBuckets
      FROM (
        SELECT function_id, request_id,
               min(start_time) AS start,
               anyLast(version) AS version,
               max(memory_size_mb) AS memory_size_mb,
               max(init_type = 'proactive') AS proactive,
               max(init_duration_us) / 1000 AS init_ms,
               max(restore_duration_us) / 1000 AS restore_ms
        FROM invocations
        WHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
          AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
          AND (init_type = 'proactive' OR restore_duration_us > 0)
        GROUP BY function_id, request_id
      )
      GROUP BY key, function_id, version, memory_size_mb`,
      { fromMs: window.fromMs, toMs: window.toMs },
    );
    return rows.map((r) => ({ ...r, restoreBuckets: numericKeys(r.restoreBuckets) }));
  }

  private windowParams(window: AnalysisWindow): Record<string, unknown> {
    return rangeParams(window);
  }

  private query<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    return queryRows<T>(this.handle.client, query, params, 'reading analysis inputs');
  }
}

/** Minutes of the window that fall in each hour of week (0 = Monday 00:00 UTC). */
export function minutesPerHourOfWeek(window: AnalysisWindow): number[] {
  const minutes = new Array<number>(WEEK_HOURS).fill(0);
  const start = Math.ceil(window.fromMs / MINUTE_MS) * MINUTE_MS;
  let t = start;
  while (t < window.toMs) {
    const hourEnd = Math.min(window.toMs, (Math.floor(t / HOUR_MS) + 1) * HOUR_MS);
    const hourOfWeek = (Math.floor(t / HOUR_MS) + 72) % WEEK_HOURS;
    minutes[hourOfWeek] += Math.ceil((hourEnd - t) / MINUTE_MS);
    t = hourEnd;
  }
  return minutes;
}

function emptyStats(functionId: string, window: AnalysisWindow): FunctionWindowStats {
  return {
    functionId,
    windowStartMs: window.fromMs,
    windowEndMs: window.toMs,
    invocations: 0,
    errors: 0,
    timeouts: 0,
    ooms: 0,
    coldStarts: 0,
    durationSumMs: 0,
    durationMaxMs: 0,
    billedDurationSumMs: 0,
    initDurationSumMs: 0,
    durationBuckets: {},
    initBuckets: {},
    maxMemoryUsedMb: null,
    memoryUsedP95Mb: null,
    byMemory: [],
    daily: [],
  };
}

/** JSON object keys are strings; the analyses index buckets by number. */
function numericKeys(buckets: Record<string, number> | undefined): HistogramBuckets {
  const out: HistogramBuckets = {};
  for (const key in buckets) out[Number(key)] = Number(buckets[key]);
  return out;
}
