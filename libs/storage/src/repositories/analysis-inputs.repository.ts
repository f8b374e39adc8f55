import { Inject, Injectable } from '@nestjs/common';
import type {
  ConcurrencyProfile,
  DailyStats,
  FunctionWindowStats,
  HistogramBuckets,
  HourOfWeekConcurrency,
  MemorySizeDay,
  MemorySizeStats,
} from '@fleetscope/model';
import {
  ZERO_BUCKET,
  histogramQuantile,
  histogramQuantileSql,
  logBucketSql,
  mergeBuckets,
  sortedBucketCountsSql,
} from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { CLICKHOUSE } from '../storage.tokens';
import { BATCH_MINUTE_ROWS, functionBatches, type FunctionBatch } from './function-batches';
import {
  MINUTE_STRETCH,
  functionsWithSeveralSources,
  minuteRowsForRange,
  minutesRead,
  ofCountedSource,
  platformBilledSourcesSql,
  rangeParams,
  rowsForRange,
  severalSourcesParams,
  splitParams,
  type SettingsSplits,
  firstSecondOf,
} from './minute-source.sql';

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
/** Lambda's longest run (900 s): invocations that started this long before a window can run into it. */
const MAX_INVOCATION_MS = 900_000;

/**
 * Raw invocations a batch's peaks read at most (their events are sorted per function, under the
 * engine's memory bound): the functions with the fewest come first, for whom a minute's peak
 * differs most from its average; the others keep the per-minute averages, as past the raw
 * retention. One function of 13 M invocations exhausted the embedded engine's 1 GiB, and every
 * analysis run failed (an Azure trace import, 2026-12-06); 6.2 M passed.
 */
export const RAW_PEAK_BUDGET = 4_000_000;

/**
 * Per-minute peak concurrency of every function from its raw invocations (one source per
 * function: the one with the most rows), for the functions that fit RAW_PEAK_BUDGET. Each
 * invocation is a +1 at its start and a −1 at its end; the running sum (ends before starts at the
 * same instant) holds from one event to the next, and is booked to every minute it spans. Binds
 * fromMs, toMs, lookbackMs, from, to and rawPeakBudget; `where` may add conditions on function_id
 * (a batch of functions).
 */
const rawPeaksSql = (where: string) => `
  SELECT function_id, toDateTime(arrayJoin(range(
           toUInt32(toStartOfMinute(t)),
           toUInt32(toStartOfMinute(greatest(t, next_t - toIntervalMillisecond(1)))) + 1,
           60))) AS minute,
         max(running) AS peak
  FROM (
    SELECT function_id, t, sum(d) OVER w AS running,
           leadInFrame(t, 1, t) OVER (PARTITION BY function_id ORDER BY t, d
             ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_t
    FROM (
      SELECT function_id, ev.1 AS t, ev.2 AS d
      FROM invocations
      ARRAY JOIN [(start_time, toInt8(1)),
                  (start_time + toIntervalMillisecond(intDiv(duration_us, 1000)), toInt8(-1))] AS ev
      WHERE start_time >= fromUnixTimestamp64Milli({lookbackMs:Int64})
        AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
        AND duration_us > 0 ${where}
        AND (function_id, source) IN (
          SELECT function_id, chosen FROM (
            SELECT function_id, chosen,
                   sum(rows) OVER (ORDER BY rows, function_id ROWS UNBOUNDED PRECEDING) AS spent
            FROM (
              SELECT function_id, argMax(source, n) AS chosen, max(n) AS rows FROM (
                SELECT function_id, source, count() AS n FROM invocations
                WHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
                  AND start_time < fromUnixTimestamp64Milli({toMs:Int64}) AND duration_us > 0 ${where}
                GROUP BY function_id, source)
              GROUP BY function_id))
          WHERE spent <= {rawPeakBudget:UInt64})
    )
    WINDOW w AS (PARTITION BY function_id ORDER BY t, d ROWS UNBOUNDED PRECEDING)
  )
  WHERE running > 0
  GROUP BY function_id, minute
  HAVING minute >= {from:DateTime} AND minute < {to:DateTime}`;

/**
 * One change of the runtime the records of a function's sandbox starts named (see
 * runtimeChanges()).
 */
export interface RecordedRuntime {
  functionId: string;
  /**
   * Named by OpenTelemetry spans (`process.runtime.name` and version, `nodejs 22.11.0`), not in
   * Lambda's words (`nodejs22.x`, from INIT_START and platform.initStart).
   */
  fromSpans: boolean;
  observedAtMs: number;
  runtime: string;
}

/** A record of a sandbox's start: a cold start, a SnapStart restore, a provisioned or proactive init. */
const SANDBOX_START = `(cold_start = 1 OR init_type != '')`;

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
  /** As ColdStartRow.stretch: the stretch of the aggregate row the record's minute is summed in. */
  stretch: number;
  proactiveInits: number;
  /** The proactive inits that reported an Init Duration: those proactiveInitSumMs sums. */
  timedProactiveInits: number;
  proactiveInitSumMs: number;
  /** The restores that reported a Restore Duration, the sum of those and their histogram. */
  restores: number;
  restoreSumMs: number;
  restoreBuckets: HistogramBuckets;
}

interface StatsRow {
  functionId: string;
  /** 0 = function totals, 1 = one memory size, 3 = one memory size on one UTC day. */
  level: number;
  memoryMb: number;
  dayMs: number;
  invocations: number;
  errors: number;
  timeouts: number;
  ooms: number;
  coldStarts: number;
  unknownStarts: number;
  restores: number;
  durationSumMs: number;
  durationMaxMs: number;
  billedDurationSumMs: number;
  rowsWithoutBilled: number;
  initDurationSumMs: number;
  durationBuckets: HistogramBuckets;
  initBuckets: HistogramBuckets;
  maxMemoryUsedMb: number;
  /** Of the function's totals (level 0): the Max Memory Used of its invocations, bucketed. */
  memoryBuckets: HistogramBuckets;
  p99Ms: number | null;
  firstSeenMs: number;
  lastSeenMs: number;
}

interface ConcurrencyRow {
  functionId: string;
  p95Concurrency: number | null;
  /**
   * [hourOfWeek, concurrencyMinutes, coveredMinutesByLevel, coldStarts, onDemandInitMs,
   * timedColdStarts, and the same five over the held-out last week]; covered minutes stop before the first level at or
   * above the hour's peak (the rest equal concurrencyMinutes); the held-out ones are complete.
   */
  hours: [
    number,
    number,
    number[],
    number,
    number,
    number,
    number,
    number[],
    number,
    number,
    number,
  ][];
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
    batches?: Iterable<FunctionBatch>,
  ): Promise<Map<string, StoredAnalysisInputs>> {
    batches ??= await this.functionBatches(window);
    const stats = await this.windowStats(window, batches);
    const profiles = await this.concurrencyProfiles(window, levels, batches);
    const inputs = new Map<string, StoredAnalysisInputs>();
    for (const [functionId, s] of stats) {
      inputs.set(functionId, { stats: s, concurrency: profiles.get(functionId) ?? null });
    }
    return inputs;
  }

  /**
   * FunctionWindowStats of every function: totals, per memory size and per memory size and UTC
   * day (GROUPING SETS); the days across sizes are summed from the last here. Whole hours come from
   * function_hours, the partial hours at both ends of the window from function_minutes. The rows
   * are first summed per (function, memory size, day), once; the levels then merge those few sums,
   * not every hour row once per level (each level's sumMap states over the rows made the
   * aggregation spill to disk).
   */
  async windowStats(
    window: AnalysisWindow,
    batches?: Iterable<FunctionBatch>,
  ): Promise<Map<string, FunctionWindowStats>> {
    const rows: StatsRow[][] = [];
    for (const batch of batches ?? (await this.functionBatches(window))) {
      rows.push(await this.windowStatsOf(window, batch));
    }
    return statsFromRows(rows.flat(), window);
  }

  private windowStatsOf(window: AnalysisWindow, batch: FunctionBatch): Promise<StatsRow[]> {
    return this.query<StatsRow>(
      `
      SELECT
        function_id AS functionId,
        if(grouping(memory_size_mb) = 0, if(grouping(day) = 0, 3, 1), 0) AS level,
        memory_size_mb AS memoryMb,
        toUnixTimestamp(day) * 1000 AS dayMs,
        sum(inv) AS invocations,
        sum(err) AS errors,
        sum(tmo) AS timeouts,
        sum(oom) AS ooms,
        sum(cold) AS coldStarts,
        sum(unknown) AS unknownStarts,
        sum(rst) AS restores,
        sum(dur) AS durationSumMs,
        max(dur_max) AS durationMaxMs,
        sum(billed) AS billedDurationSumMs,
        sum(unbilled_rows) AS rowsWithoutBilled,
        sum(init) AS initDurationSumMs,
        sumMap(db) AS durationBuckets,
        if(level = 0, sumMap(ib), map()) AS initBuckets,
        max(mem_max) AS maxMemoryUsedMb,
        if(level = 0, sumMap(mb), map()) AS memoryBuckets,
        toUnixTimestamp(minIf(first_seen, active)) * 1000 AS firstSeenMs,
        toUnixTimestamp(maxIf(last_seen, active)) * 1000 AS lastSeenMs
      FROM (
        SELECT
          function_id,
          memory_size_mb,
          toStartOfDay(minute, 'UTC') AS day,
          sum(invocations) AS inv,
          sum(errors) AS err,
          sum(timeouts) AS tmo,
          sum(ooms) AS oom,
          sum(cold_starts) AS cold,
          sum(unknown_starts) AS unknown,
          sum(restores) AS rst,
          sum(duration_sum_ms) AS dur,
          max(duration_max_ms) AS dur_max,
          sum(billed_duration_sum_ms) AS billed,
          -- Only Lambda's own records (REPORT, platform.report) carry a Billed Duration, INIT
          -- included; the aggregate's ceil(duration) for other sources leaves INIT out.
          countIf(invocations > 0 AND (billed_duration_sum_ms = 0
                  OR source NOT IN ${platformBilledSourcesSql()})) AS unbilled_rows,
          sum(init_duration_sum_ms) AS init,
          sumMap(duration_buckets) AS db,
          sumMap(init_buckets) AS ib,
          max(max_memory_used_mb) AS mem_max,
          sumMap(memory_buckets) AS mb,
          minIf(minute, invocations > 0) AS first_seen,
          maxIf(minute, invocations > 0) AS last_seen,
          max(invocations > 0) AS active
        FROM (${rowsForRange(batch.where)})
        GROUP BY function_id, memory_size_mb, day
      )
      GROUP BY GROUPING SETS ((function_id), (function_id, memory_size_mb),
                              (function_id, memory_size_mb, day))
      SETTINGS force_grouping_standard_compatibility = 1`,
      { ...this.windowParams(window), ...batch.params },
    );
  }

  /**
   * The window's functions in batches for the queries above (see functionBatches), of the
   * engine mode's size unless given.
   */
  functionBatches(
    window: AnalysisWindow,
    maxMinuteRows = BATCH_MINUTE_ROWS[this.handle.mode],
    maxFunctions?: number,
  ): Promise<FunctionBatch[]> {
    return functionBatches(this.handle.client, window, maxMinuteRows, maxFunctions);
  }

  /**
   * Per-minute concurrency c folded per hour of week: concurrency-minutes and Σ min(c, L) for
   * every candidate level L, the same sums over the window's last 7 days (the held-out week
   * schedules are judged on), plus the p95 of c over every minute of the window (minutes without
   * data count as 0).
   *
   * c is the minute's PEAK concurrency where raw invocations are kept: each invocation spread over
   * the minutes it runs (AWS's PC utilisation metric takes the per-minute maximum). Where only the
   * aggregate exists (raw rows past their TTL, aggregate-only sources) c falls back to the minute's
   * average, busy ms / 60,000, booked to the start minute. The raw read is one source per function
   * (the one with the most invocations), so sources never double a peak.
   */
  async concurrencyProfiles(
    window: AnalysisWindow,
    levels: readonly number[] = DEFAULT_CONCURRENCY_LEVELS,
    batches?: Iterable<FunctionBatch>,
    rawPeakBudget = RAW_PEAK_BUDGET,
  ): Promise<Map<string, ConcurrencyProfile>> {
    const sorted = [...new Set(levels.filter((l) => l > 0))].sort((a, b) => a - b);
    const windowMinutes = Math.max(0, Math.floor((window.toMs - window.fromMs) / MINUTE_MS));
    const heldOutFromMs = Math.max(window.fromMs, window.toMs - WEEK_HOURS * HOUR_MS);
    // [Σ min(c, L1), Σ min(c, L2), …]: one sum per level over the bound levels array. The same
    // as sumForEach(arrayMap(l -> least(c, l), levels)) without an array per minute (~15 % faster).
    const coveredSums = (condition: string) =>
      `[${sorted
        .map(
          (_, i) =>
            `sum${condition ? 'If' : ''}(least(c, {levels:Array(Float64)}[${i + 1}])${condition ? `, ${condition}` : ''})`,
        )
        .join(', ')}]::Array(Float64)`;
    const held = `minute >= {heldOutFrom:DateTime}`;
    // A held-out week needs weeks before it to fit on (schedules need two weeks).
    const withHeldOut = window.toMs - window.fromMs >= 2 * WEEK_HOURS * HOUR_MS - HOUR_MS;
    // One row per function-minute. Window sums over the table's own order stream through the
    // data; a GROUP BY function_id, minute would build a hash table of every minute.
    const averages = (where: string) => `
      SELECT function_id, minute, c, cs, init_ms, timed FROM (
        SELECT function_id, minute,
               sum(duration_sum_ms) OVER w / 60000 AS c,
               sum(cold_starts) OVER w AS cs,
               sum(init_duration_sum_ms) OVER w AS init_ms,
               sum(arraySum(mapValues(init_buckets))) OVER w AS timed,
               row_number() OVER w AS rn
        FROM (${minuteRowsForRange(where)})
        WINDOW w AS (PARTITION BY function_id, minute)
      )
      WHERE rn = 1 AND c > 0`;
    // Raw invocations in the window: their peaks replace the averages (the join is skipped when
    // there are none, e.g. past the raw TTL).
    const raw = await this.hasRawInvocations(window);
    const perMinute = (where: string) =>
      raw
        ? `
        SELECT function_id, minute,
               toFloat64(ifNull(if(p.peak IS NULL, a.c, toFloat64(p.peak)), 0)) AS c,
               ifNull(a.cs, 0) AS cs, ifNull(a.init_ms, 0) AS init_ms, ifNull(a.timed, 0) AS timed
        FROM (${averages(where)}) AS a
        FULL OUTER JOIN (${rawPeaksSql(where)}) AS p USING (function_id, minute)
        SETTINGS join_use_nulls = 1`
        : averages(where);
    const params = {
      ...this.windowParams(window),
      levels: sorted,
      windowMinutes,
      // Its minutes are those that start in it, as minutesPerHourOfWeek counts them below.
      heldOutFrom: firstSecondOf(heldOutFromMs),
      fromMs: window.fromMs,
      toMs: window.toMs,
      lookbackMs: window.fromMs - MAX_INVOCATION_MS,
      rawPeakBudget,
    };
    const sql = (where: string) => `
      SELECT
        function_id AS functionId,
        -- Never above the largest minute: a constant load's p95 is that load, not its bucket's edge.
        least(max(peak), ${histogramQuantileSql(
          `mapAdd(${sortedBucketCountsSql('arraySort(arrayFlatten(groupArray(c_buckets)))')}, map(toInt16(${ZERO_BUCKET}), toUInt64(greatest(0, {windowMinutes:Int64} - sum(active)))))`,
          0.95,
          CONCURRENCY_BUCKETS_PER_POWER_OF_TWO,
        )}) AS p95Concurrency,
        groupArray((how, round(conc, 4), covered, cold, round(init), timed_cold,
                    round(h_conc, 4), arrayMap(v -> round(v, 4), h_covered), h_cold, round(h_init),
                    h_timed)) AS hours
      FROM (
        SELECT
          function_id,
          ${HOUR_OF_WEEK} AS how,
          count() AS active,
          sum(c) AS conc,
          -- Levels at or above the hour's peak cover everything (= conc): sent only up to the first.
          arraySlice(
            arrayMap(v -> round(v, 4), ${coveredSums('')}),
            1,
            toInt64(if((arrayFirstIndex(l -> l >= peak, {levels:Array(Float64)}) AS saturated) = 0,
                       length({levels:Array(Float64)}), saturated - 1))
          ) AS covered,
          sum(cs) AS cold,
          sum(init_ms) AS init,
          sum(timed) AS timed_cold,
          ${
            withHeldOut
              ? `sumIf(c, ${held}) AS h_conc, ${coveredSums(held)} AS h_covered,
                 sumIf(cs, ${held}) AS h_cold, sumIf(init_ms, ${held}) AS h_init,
                 sumIf(timed, ${held}) AS h_timed,`
              : `0 AS h_conc, []::Array(Float64) AS h_covered, 0 AS h_cold, 0 AS h_init,
                 0 AS h_timed,`
          }
          max(c) AS peak,
          -- Each active minute's bucket; counted per function above (no sumMap state per hour).
          groupArray(${logBucketSql('c', null, CONCURRENCY_BUCKETS_PER_POWER_OF_TWO)}) AS c_buckets
        FROM (${perMinute(where)})
        WHERE c > 0
        GROUP BY function_id, how
      )
      GROUP BY function_id`;
    const batchRows: ConcurrencyRow[][] = [];
    for (const batch of batches ?? (await this.functionBatches(window))) {
      batchRows.push(
        await this.query<ConcurrencyRow>(sql(batch.where), { ...params, ...batch.params }),
      );
    }
    const rows = batchRows.flat();

    const observed = minutesPerHourOfWeek(window);
    const observedHeldOut = minutesPerHourOfWeek({ fromMs: heldOutFromMs, toMs: window.toMs });
    const weeksCovered = (window.toMs - window.fromMs) / (WEEK_HOURS * HOUR_MS);
    const profiles = new Map<string, ConcurrencyProfile>();
    for (const row of rows) {
      const hours: HourOfWeekConcurrency[] = row.hours
        .map(
          ([
            hourOfWeek,
            concurrencyMinutes,
            covered,
            coldStarts,
            onDemandInitMs,
            timedColdStarts,
            hConc,
            hCovered,
            hCold,
            hInit,
            hTimed,
          ]) => ({
            hourOfWeek,
            minutesObserved: observed[hourOfWeek] ?? 0,
            concurrencyMinutes,
            coveredMinutesByLevel: sorted.map((_, i) =>
              i < covered.length ? covered[i] : concurrencyMinutes,
            ),
            coldStarts,
            onDemandInitMs,
            timedColdStarts,
            ...(withHeldOut
              ? {
                  heldOut: {
                    minutesObserved: observedHeldOut[hourOfWeek] ?? 0,
                    concurrencyMinutes: hConc,
                    coveredMinutesByLevel: hCovered,
                    coldStarts: hCold,
                    onDemandInitMs: hInit,
                    timedColdStarts: hTimed,
                  },
                }
              : {}),
          }),
        )
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

  private async hasRawInvocations(window: AnalysisWindow): Promise<boolean> {
    const rows = await this.query<{ one: number }>(
      `SELECT 1 AS one FROM invocations
       WHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
         AND start_time < fromUnixTimestamp64Milli({toMs:Int64}) AND duration_us > 0
       LIMIT 1`,
      { fromMs: window.fromMs, toMs: window.toMs },
    );
    return rows.length > 0;
  }

  /**
   * Proactive initialisations and SnapStart restore durations in the minutes a range reads
   * (minutesRead, as FunctionsRepository.coldStarts() counts restores), one per request id, from
   * the records of the source the aggregate counts each function-minute from (ofCountedSource):
   * their version and memory size are those of the rows the counts come from, and a restore only
   * another source saw is not described where none is counted. Reads only the invocations that
   * had such an init (a filtered scan of two narrow columns), not the whole range of records, and
   * makes the per-minute choice only when a function with such records had several sources.
   */
  async coldStartExtras(
    window: AnalysisWindow,
    byHour: boolean,
    splits: SettingsSplits = new Map(),
  ): Promise<ColdStartExtrasRow[]> {
    // The minutes the aggregate's rows of the same range hold: their restores are counted there.
    const read = minutesRead(window);
    const ends = rangeParams(window);
    const params = {
      ...rangeParams(read),
      fromMs: read.fromMs,
      toMs: read.toMs,
      ...splitParams(splits),
      // A record's stretch is that of the aggregate row it is counted in, read over the window.
      hourFrom: ends.hourFrom,
      hourTo: ends.hourTo,
      fiveFrom: ends.fiveFrom,
      fiveTo: ends.fiveTo,
    };
    const withInit = `start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
          AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
          AND (init_type = 'proactive' OR restore_duration_us > 0)`;
    const extras = (where: string, bound: Record<string, unknown> = {}) =>
      this.query<ColdStartExtrasRow>(
        `
      SELECT
        ${byHour ? `toString(toHour(start))` : `''`} AS key,
        function_id AS functionId,
        version,
        memory_size_mb AS memorySizeMb,
        ${MINUTE_STRETCH} AS stretch,
        countIf(proactive) AS proactiveInits,
        countIf(proactive AND init_ms > 0) AS timedProactiveInits,
        sumIf(init_ms, proactive) AS proactiveInitSumMs,
        countIf(restore_ms > 0) AS restores,
        sumIf(restore_ms, restore_ms > 0) AS restoreSumMs,
        sumMapIf(map(${logBucketSql('restore_ms')}, toUInt64(1)), restore_ms > 0) AS restoreBuckets
      FROM (
        SELECT function_id, request_id,
               min(start_time) AS start,
               -- The minute the aggregate counts it in, whose stretch coldStarts() gives its row
               -- (MINUTE_STRETCH: an hour with a settings change is read by minute there).
               toDateTime(toStartOfMinute(start)) AS minute,
               anyLast(version) AS version,
               max(memory_size_mb) AS memory_size_mb,
               max(init_type = 'proactive') AS proactive,
               max(init_duration_us) / 1000 AS init_ms,
               max(restore_duration_us) / 1000 AS restore_ms
        FROM invocations
        -- Any other condition only on the few records with such an init, not on every record.
        PREWHERE ${withInit}
        ${where}
        GROUP BY function_id, request_id
      )
      GROUP BY key, function_id, version, memory_size_mb, stretch`,
        { ...params, ...bound },
      );
    const rows = await extras('');
    // Only a function several sources reported can have records of another source than the one
    // its minutes are counted from: usually none of the few with such inits, and the source's
    // choice (subqueries costing more than the records' scan) is not made.
    const functions = [...new Set(rows.map((r) => r.functionId))];
    const several =
      functions.length === 0
        ? []
        : await this.query<{ functionId: string }>(
            functionsWithSeveralSources('AND function_id IN {functions:Array(String)}'),
            { ...params, functions },
          );
    const counted =
      several.length === 0
        ? rows
        : await extras(`WHERE ${ofCountedSource(withInit)}`, severalSourcesParams(several));
    return counted.map((r) => ({ ...r, restoreBuckets: numericKeys(r.restoreBuckets) }));
  }

  /**
   * The runtime each function's records named, as it changed: the records of its sandbox starts
   * in the range (a new runtime runs only in new sandboxes, and a sandbox's first record names
   * it: Lambda's INIT_START and platform.initStart, a span's process.runtime.*), and the last one
   * before the range, the runtime in force when it began. Per function and kind of source (spans
   * name runtimes in other words than Lambda's), each record whose runtime differs from the one
   * before it. Raw records expire with the raw retention: before that, nothing. The aggregate
   * and the settings history keep no runtime.
   */
  async runtimeChanges(range: { fromMs: number; toMs: number }): Promise<RecordedRuntime[]> {
    const rows = await this.query<RecordedRuntime>(
      `
      SELECT functionId, fromSpans, toUnixTimestamp64Milli(t) AS observedAtMs, named AS runtime
      FROM (
        SELECT function_id AS functionId, fromSpans, t, named,
               lagInFrame(named, 1, '') OVER (
                 PARTITION BY function_id, fromSpans ORDER BY t
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous
        FROM (
          SELECT function_id, source = 'otel_span' AS fromSpans, max(start_time) AS t,
                 argMax(runtime, start_time) AS named
          FROM invocations
          PREWHERE start_time < fromUnixTimestamp64Milli({fromMs:Int64}) AND ${SANDBOX_START}
          WHERE runtime != ''
          GROUP BY function_id, fromSpans
          UNION ALL
          SELECT function_id, source = 'otel_span' AS fromSpans, start_time AS t, runtime AS named
          FROM invocations
          PREWHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
            AND start_time < fromUnixTimestamp64Milli({toMs:Int64}) AND ${SANDBOX_START}
          WHERE runtime != ''
        )
      )
      WHERE named != previous
      ORDER BY functionId, fromSpans, observedAtMs`,
      { fromMs: Math.floor(range.fromMs), toMs: Math.ceil(range.toMs) },
    );
    return rows.map((r) => ({ ...r, fromSpans: Boolean(r.fromSpans) }));
  }

  private windowParams(window: AnalysisWindow): Record<string, unknown> {
    return rangeParams(window);
  }

  private query<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    return queryRows<T>(this.handle.client, query, params, 'reading analysis inputs');
  }
}

function statsFromRows(
  rows: readonly StatsRow[],
  window: AnalysisWindow,
): Map<string, FunctionWindowStats> {
  const byFunction = new Map<string, FunctionWindowStats>();
  const statsOf = (functionId: string): FunctionWindowStats => {
    let s = byFunction.get(functionId);
    if (!s) {
      s = emptyStats(functionId, window);
      byFunction.set(functionId, s);
    }
    return s;
  };
  const sizeDays: StatsRow[] = [];
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
          unknownStarts: Number(row.unknownStarts),
          restores: Number(row.restores),
          durationSumMs: row.durationSumMs,
          durationMaxMs: row.durationMaxMs,
          // Only a complete set of REPORT billed durations is usable as the bill.
          billedDurationSumMs: row.rowsWithoutBilled === 0 ? row.billedDurationSumMs : 0,
          initDurationSumMs: row.initDurationSumMs,
          durationBuckets: numericKeys(row.durationBuckets),
          initBuckets: numericKeys(row.initBuckets),
          maxMemoryUsedMb: row.maxMemoryUsedMb > 0 ? row.maxMemoryUsedMb : null,
          // The quantile rule's own clamp: never above the most an invocation used (the bucket
          // holding it reaches past it).
          memoryUsedP95Mb: histogramQuantile(numericKeys(row.memoryBuckets), 0.95, {
            max: row.maxMemoryUsedMb > 0 ? row.maxMemoryUsedMb : null,
          }),
          firstSeenMs: Number(row.firstSeenMs),
        });
        break;
      case 1:
        s.byMemory.push({
          memoryMb: row.memoryMb,
          invocations: row.invocations,
          durationSumMs: row.durationSumMs,
          durationBuckets: numericKeys(row.durationBuckets),
          ooms: Number(row.ooms),
          firstSeenMs: Number(row.firstSeenMs),
          // The last minute (or hour) with invocations, to its end.
          lastSeenMs: Number(row.lastSeenMs),
        } satisfies MemorySizeStats);
        break;
      case 3:
        sizeDays.push(row);
        break;
      default:
        break;
    }
  }
  // Each size's days join its entry; each function's days sum its sizes' (the rows arrive in
  // no particular order).
  const days = new Map<string, { day: DailyStats; buckets: HistogramBuckets }>();
  for (const row of sizeDays) {
    const s = byFunction.get(row.functionId);
    const size = s?.byMemory.find((m) => m.memoryMb === row.memoryMb);
    if (size)
      (size.daily ??= []).push({
        dayStartMs: row.dayMs,
        invocations: row.invocations,
        durationSumMs: row.durationSumMs,
      } satisfies MemorySizeDay);
    const key = `${row.functionId}\u0000${row.dayMs}`;
    let d = days.get(key);
    if (!d) {
      const day: DailyStats = {
        dayStartMs: row.dayMs,
        invocations: 0,
        timeouts: 0,
        durationMaxMs: 0,
        p99Ms: null,
      };
      d = { day, buckets: {} };
      days.set(key, d);
      s?.daily.push(day);
    }
    d.day.invocations += row.invocations;
    d.day.timeouts += row.timeouts;
    d.day.durationMaxMs = Math.max(d.day.durationMaxMs, row.durationMaxMs);
    mergeBuckets(d.buckets, numericKeys(row.durationBuckets));
  }
  for (const { day, buckets } of days.values()) {
    day.p99Ms = histogramQuantile(buckets, 0.99, { max: day.durationMaxMs });
  }
  for (const s of byFunction.values()) {
    for (const m of s.byMemory) m.daily?.sort((a, b) => a.dayStartMs - b.dayStartMs);
    s.byMemory.sort((a, b) => a.memoryMb - b.memoryMb);
    s.daily.sort((a, b) => a.dayStartMs - b.dayStartMs);
  }
  return byFunction;
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
    unknownStarts: 0,
    restores: 0,
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
