import { Inject, Injectable } from '@nestjs/common';
import { summedSortedBucketsSql, type SortedLogBuckets } from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import {
  queryCompactRows,
  queryRows,
  type CompactColumns,
  type CompactRow,
} from '../client/query-rows';
import { CLICKHOUSE } from '../storage.tokens';
import {
  minuteRangeRowsOf,
  rangeRowsOf,
  severalSourceDays,
  type SeveralSourceDays,
  type SharedDays,
} from './range-rows';
import { ALL_FUNCTIONS, type FunctionBatch } from './function-batches';
import { KeptDays } from './kept-days';
import {
  BILLED_MS,
  IN_SPLIT_HOUR,
  MINUTE_STRETCH,
  RANGE_TABLES,
  STRETCH,
  UNBILLED_INIT_MS,
  UNBILLED_INIT_ROW_MS,
  rangeParams,
  rowsForRange,
  splitHourParams,
  splitParams,
  toDateTimeParam,
  type SettingsSplits,
} from './minute-source.sql';

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export interface ActiveMinutesRow {
  functionId: string;
  minutes: number[];
  /** The memory size in each of `minutes` (MB; 0 when no source knew it). */
  memories: number[];
  /** 0 when no source knew the memory size. */
  memoryMb: number;
}

export interface MinuteActivityRow {
  functionId: string;
  activeMinutes: number;
  idlePeriods: number[];
  /** Minutes with invocations per UTC hour of day (24 entries). */
  activeByHour: number[];
  /** The last minute with invocations (minutes since the epoch). */
  lastMinute: number;
}

/**
 * Aggregated facts of one function over a range, straight from the per-minute aggregate: what the
 * fleet page shows and prices (each column summed costs the 10,000-function page a few ms).
 */
export interface FunctionTotals {
  functionId: string;
  version: string;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /**
   * Invocations no source said started cold or warm (a span without `faas.coldstart`, a
   * minute of FaaS metrics without `faas.coldstarts`).
   */
  unknownStarts: number;
  /**
   * Initialisations a record said were of provisioned concurrency (initializationType
   * provisioned-concurrency, with an Init Duration): the function runs on it, whatever the
   * settings history knows.
   */
  provisionedInits: number;
  restores: number;
  durationSumMs: number;
  durationMaxMs: number;
  durationBuckets: SortedLogBuckets;
  initBuckets: SortedLogBuckets;
  /** Σ Init Duration of the cold starts the init buckets count (one init: its duration). */
  initDurationSumMs: number;
  billedRestoreSumMs: number;
  maxMemoryUsedMb: number;
  /** Σ billed ms × memory MB over rows whose memory size is known. */
  billedMbMs: number;
  /** Σ billed ms over rows whose memory size is known (the time billedMbMs is made of). */
  billedMsKnownMemory: number;
  /** Σ billed ms over rows whose memory size is unknown (priced with the inventory's memory). */
  billedMsUnknownMemory: number;
  /** Σ Init Duration no Lambda record's Billed Duration holds (UNBILLED_INIT_MS). */
  unbilledInitMs: number;
  lastMemorySizeMb: number;
}

/**
 * The billed GB-seconds of a function's totals: rows without a memory size at `memoryMb` (the
 * inventory's, else the last size seen), plus SnapStart's Billed Restore Duration, which REPORT's
 * Billed Duration leaves out.
 */
export function billedGbSecondsOf(t: FunctionBilled, memoryMb: number | null): number {
  const billedMbMs = t.billedMbMs + (memoryMb ?? 0) * t.billedMsUnknownMemory;
  return (billedMbMs + (memoryMb ?? 0) * t.billedRestoreSumMs) / 1024 / 1000;
}

/**
 * The billed time of a function's totals (Billed Duration, Billed Restore Duration apart) and the
 * memory size it ran at on average over that time, weighted by it: billedGbSecondsOf()'s
 * GB-seconds spread over the milliseconds billed, so that what scales with time alone (ephemeral
 * storage) counts every millisecond billed at whatever size, when the memory size changed in the
 * range. `memoryMb` as for billedGbSecondsOf.
 */
export function billedTimeOf(
  t: FunctionBilled,
  memoryMb: number,
): { billedDurationMs: number; meanMemoryMb: number } {
  const billedDurationMs = t.billedMsKnownMemory + t.billedMsUnknownMemory;
  const totalMs = billedDurationMs + t.billedRestoreSumMs;
  const meanMemoryMb =
    totalMs > 0 ? (billedGbSecondsOf(t, memoryMb) * 1024 * 1000) / totalMs : memoryMb;
  return { billedDurationMs, meanMemoryMb };
}

export interface TimeseriesPoint {
  timeMs: number;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /** Invocations no source said started cold or warm: left out of the step's cold starts. */
  unknownStarts: number;
  durationSumMs: number;
  durationMaxMs: number;
  durationBuckets: Record<string, number>;
  maxMemoryUsedMb: number;
}

export const COLD_START_GROUPS = [
  'function',
  'version',
  'runtime',
  'memory',
  'architecture',
  'initType',
  'hour',
] as const;
export type ColdStartGroup = (typeof COLD_START_GROUPS)[number];

export interface ColdStartRow {
  key: string;
  functionId: string;
  memorySizeMb: number;
  version: string;
  /** Which stretch between the function's settings changes (SettingsSplits): 0 before the first. */
  stretch: number;
  invocations: number;
  coldStarts: number;
  /**
   * Invocations no source said started cold or warm (a span without `faas.coldstart`, a
   * minute of FaaS metrics without `faas.coldstarts`).
   */
  unknownStarts: number;
  provisionedInits: number;
  restores: number;
  initDurationSumMs: number;
  initBuckets: SortedLogBuckets;
  restoreDurationSumMs: number;
  billedRestoreSumMs: number;
}

/**
 * The failed invocations the read routes call errors: the runtime's errors and out-of-memory kills,
 * both function errors in Lambda's Errors metric (the aggregate keeps them apart); timeouts are
 * their own figure.
 */
const ERRORS = 'sum(errors) + sum(ooms)';

const TOTALS_COLUMNS = `
  sum(invocations) AS invocations,
  ${ERRORS} AS errors,
  sum(timeouts) AS timeouts,
  sum(cold_starts) AS coldStarts,
  sum(unknown_starts) AS unknownStarts,
  sum(provisioned_inits) AS provisionedInits,
  sum(restores) AS restores,
  sum(duration_sum_ms) AS durationSumMs,
  max(duration_max_ms) AS durationMaxMs,
  ${summedSortedBucketsSql('duration_buckets', 'durationBuckets')},
  ${summedSortedBucketsSql('init_buckets', 'initBuckets')},
  sum(init_duration_sum_ms) AS initDurationSumMs,
  sum(billed_restore_sum_ms) AS billedRestoreSumMs,
  max(max_memory_used_mb) AS maxMemoryUsedMb`;

/** A totals() row as JSONCompact gives it: TOTALS_COLUMNS and BILLED_COLUMNS in their order. */
const TOTALS_ROW = [
  ['functionId', 'string'],
  ['version', 'string'],
  ['invocations', 'number'],
  ['errors', 'number'],
  ['timeouts', 'number'],
  ['coldStarts', 'number'],
  ['unknownStarts', 'number'],
  ['provisionedInits', 'number'],
  ['restores', 'number'],
  ['durationSumMs', 'number'],
  ['durationMaxMs', 'number'],
  ['durationBucketsIndexes', 'numbers'],
  ['durationBucketsCounts', 'numbers'],
  ['initBucketsIndexes', 'numbers'],
  ['initBucketsCounts', 'numbers'],
  ['initDurationSumMs', 'number'],
  ['billedRestoreSumMs', 'number'],
  ['maxMemoryUsedMb', 'number'],
  ['billedMbMs', 'number'],
  ['billedMsKnownMemory', 'number'],
  ['billedMsUnknownMemory', 'number'],
  ['unbilledInitMs', 'number'],
  ['lastMemorySizeMb', 'number'],
] as const satisfies CompactColumns;

/** A function-day's billed time (FunctionsRepository.dailyBilled). */
export interface DayBilled {
  functionId: string;
  dayStartMs: number;
  billedDurationMs: number;
  /** Billed ms × memory size of the rows that carry one. */
  billedMbMs: number;
  /** Billed ms of the rows without a memory size (spans). */
  unknownMemoryBilledMs: number;
  initDurationMs: number;
  /** The Init Duration no Lambda record billed (UNBILLED_INIT_MS). */
  unbilledInitMs: number;
  /** SnapStart's Billed Restore Duration. */
  billedRestoreMs: number;
}

/**
 * Each UTC day's billed time of a function's rows (DayBilled), as one sumMap: the days (since the
 * epoch), then one array per sum. `where`: of the rows it holds only (sumMapIf). Read per function
 * by dailyBilled(), and beside the totals from their own rows by totalsAndDays(): 10,000 functions'
 * week of days as rows of their own took 0.3 s more than the totals alone, in the totals 0.2 s.
 */
function daysBilledSql(where?: string): string {
  return `sumMap${where ? 'If' : ''}(
        [toUInt32(intDiv(toUnixTimestamp(minute), 86400))],
        [${BILLED_MS}],
        [${BILLED_MS} * memory_size_mb],
        [if(memory_size_mb = 0, ${BILLED_MS}, 0)],
        [init_duration_sum_ms],
        [${UNBILLED_INIT_ROW_MS}],
        [billed_restore_sum_ms]${where ? `,\n        ${where}` : ''})`;
}

/** The days of daysBilledSql() as DayBilled rows, in day order; none for a day all of whose sums are 0. */
function daysBilledOf(functionId: string, sums: number[][]): DayBilled[] {
  const [days, billed, mbMs, unknownMs, init, unbilledInit, restore] = sums;
  return days.map((day, i) => ({
    functionId,
    dayStartMs: day * 86_400_000,
    billedDurationMs: billed[i],
    billedMbMs: mbMs[i],
    unknownMemoryBilledMs: unknownMs[i],
    initDurationMs: init[i],
    unbilledInitMs: unbilledInit[i],
    billedRestoreMs: restore[i],
  }));
}

const DAYS_BILLED_ROW = [
  ['functionId', 'string'],
  ['days', 'numberArrays'],
] as const satisfies CompactColumns;

/** totalsAndDays()' row: TOTALS_ROW, then the days of daysBilledSql(). */
const TOTALS_AND_DAYS_ROW = [
  ...TOTALS_ROW,
  ['days', 'numberArrays'],
] as const satisfies CompactColumns;

function totalsOf(
  t: CompactRow<typeof TOTALS_ROW> | CompactRow<typeof TOTALS_AND_DAYS_ROW>,
): FunctionTotals {
  return {
    functionId: t[0],
    version: t[1],
    invocations: t[2],
    errors: t[3],
    timeouts: t[4],
    coldStarts: t[5],
    unknownStarts: t[6],
    provisionedInits: t[7],
    restores: t[8],
    durationSumMs: t[9],
    durationMaxMs: t[10],
    durationBuckets: { indexes: t[11], counts: t[12] },
    initBuckets: { indexes: t[13], counts: t[14] },
    initDurationSumMs: t[15],
    billedRestoreSumMs: t[16],
    maxMemoryUsedMb: t[17],
    billedMbMs: t[18],
    billedMsKnownMemory: t[19],
    billedMsUnknownMemory: t[20],
    unbilledInitMs: t[21],
    lastMemorySizeMb: t[22],
  };
}

/** A coldStarts() row as JSONCompact gives it, in its SELECT's order. */
const COLD_START_ROW = [
  ['key', 'string'],
  ['functionId', 'string'],
  ['memorySizeMb', 'number'],
  ['version', 'string'],
  ['stretch', 'number'],
  ['invocations', 'number'],
  ['coldStarts', 'number'],
  ['unknownStarts', 'number'],
  ['provisionedInits', 'number'],
  ['restores', 'number'],
  ['initDurationSumMs', 'number'],
  ['initBucketsIndexes', 'numbers'],
  ['initBucketsCounts', 'numbers'],
  ['restoreDurationSumMs', 'number'],
  ['billedRestoreSumMs', 'number'],
] as const satisfies CompactColumns;

function coldStartOf(t: CompactRow<typeof COLD_START_ROW>): ColdStartRow {
  return {
    key: t[0],
    functionId: t[1],
    memorySizeMb: t[2],
    version: t[3],
    stretch: t[4],
    invocations: t[5],
    coldStarts: t[6],
    unknownStarts: t[7],
    provisionedInits: t[8],
    restores: t[9],
    initDurationSumMs: t[10],
    initBuckets: { indexes: t[11], counts: t[12] },
    restoreDurationSumMs: t[13],
    billedRestoreSumMs: t[14],
  };
}

/** ORDER BY key, function_id, memory_size_mb, version, stretch: coldStarts() rows' fixed order. */
function coldStartOrder(a: ColdStartRow, b: ColdStartRow): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.key, b.key) ||
    text(a.functionId, b.functionId) ||
    a.memorySizeMb - b.memorySizeMb ||
    text(a.version, b.version) ||
    a.stretch - b.stretch
  );
}

/** What a function was billed, by the rows' memory size where known (see billedGbSecondsOf). */
const BILLED_COLUMNS = `sumIf(${BILLED_MS} * memory_size_mb, memory_size_mb > 0) AS billedMbMs,
        sumIf(${BILLED_MS}, memory_size_mb > 0) AS billedMsKnownMemory,
        sumIf(${BILLED_MS}, memory_size_mb = 0) AS billedMsUnknownMemory,
        ${UNBILLED_INIT_MS} AS unbilledInitMs,
        argMaxIf(memory_size_mb, minute, memory_size_mb > 0) AS lastMemorySizeMb`;

/** The billed part of FunctionTotals, all that billedGbSecondsOf() reads. */
export type FunctionBilled = Pick<
  FunctionTotals,
  | 'functionId'
  | 'billedMbMs'
  | 'billedMsKnownMemory'
  | 'billedMsUnknownMemory'
  | 'unbilledInitMs'
  | 'billedRestoreSumMs'
  | 'lastMemorySizeMb'
>;

/** What a function was billed over one stretch between its settings changes, and its requests. */
export interface StretchBilled extends FunctionBilled {
  /** As ColdStartRow.stretch. */
  stretch: number;
  invocations: number;
  restores: number;
}

/** Lambda's largest memory size: what a row without one is counted at in an upper bound. */
const LAMBDA_LARGEST_MEMORY_MB = 10_240;

/** LambdaMonthGbSecondsAtMost's rows. */
export interface LambdaMonthGbSeconds {
  /** `aws_lambda~<account>~<region>`, encoded as in function ids (functionIdPrefix but its ~). */
  accountPrefix: string;
  /** 00:00 UTC on the month's first day. */
  monthStartMs: number;
  /** An upper bound on its on-demand GB-seconds over the range's days of the month. */
  gbSeconds: number;
}

/** totals()' query over `rows`, with `extra` columns (each after a comma) last. */
function totalsSql(rows: string, extra = ''): string {
  return `
      SELECT
        function_id AS functionId,
        argMax(version, minute) AS version,
        ${TOTALS_COLUMNS},
        ${BILLED_COLUMNS}${extra}
      FROM (${rows})
      GROUP BY function_id
      ORDER BY invocations DESC, function_id`;
}

/** A condition on function_id: it starts with one of `idPrefixes`, bound as parameters. */
function idPrefixParams(idPrefixes: readonly string[]): {
  sql: string;
  params: Record<string, string>;
} {
  return {
    sql: idPrefixes.map((_, i) => `startsWith(function_id, {idPrefix${i}:String})`).join(' OR '),
    params: Object.fromEntries(idPrefixes.map((p, i) => [`idPrefix${i}`, p])),
  };
}

/** Read side of the per-minute aggregate: fleet lists, time series and cold-start breakdowns. */
@Injectable()
export class FunctionsRepository {
  /**
   * dailyBilled()'s whole days, kept while the parts holding them are unchanged (KeptDays): the
   * fleet page of an account past the first duration tier reads the month's days before its
   * range, which grew its read by ~3.5 us a function-day through the month. About 40 days of
   * 10,000 functions, ~1 MB a day.
   */
  private readonly keptDays: KeptDays<DayBilled>;

  constructor(@Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle) {
    this.keptDays = new KeptDays(handle.client, RANGE_TABLES, 40);
  }

  /**
   * The range's function-days with several sources, read once for the reads of one request that
   * pass it on (SeveralSourceDays).
   */
  severalSourceDays(range: TimeRange): SeveralSourceDays {
    return severalSourceDays(this.handle.client, range);
  }

  async totals(range: TimeRange, functionId?: string): Promise<FunctionTotals[]> {
    const filter = functionId ? 'AND function_id = {functionId:String}' : '';
    const { rows, params } = await this.rangeRows(
      filter,
      { ...rangeParams(range), functionId },
      true,
    );
    const query = totalsSql(rows);
    return (await this.compactRows(query, params, TOTALS_ROW)).map(totalsOf);
  }

  /**
   * The whole fleet's totals() and, from the same rows in the same read, dailyBilled()'s days of
   * the functions whose ids start with one of `idPrefixes` (none without any).
   */
  async totalsAndDays(
    range: TimeRange,
    idPrefixes: readonly string[],
  ): Promise<{ totals: FunctionTotals[]; days: DayBilled[] }> {
    if (idPrefixes.length === 0) return { totals: await this.totals(range), days: [] };
    const prefixes = idPrefixParams(idPrefixes);
    const { rows, params } = await this.rangeRows('', rangeParams(range), true);
    const query = totalsSql(rows, `,\n        ${daysBilledSql(prefixes.sql)} AS days`);
    const read = await this.compactRows(
      query,
      { ...params, ...prefixes.params },
      TOTALS_AND_DAYS_ROW,
    );
    const totals: FunctionTotals[] = [];
    const days: DayBilled[] = [];
    for (const row of read) {
      const t = totalsOf(row);
      totals.push(t);
      const sums = row[TOTALS_ROW.length];
      if (sums[0].length > 0) days.push(...daysBilledOf(t.functionId, sums));
    }
    return { totals, days };
  }

  /**
   * What each function whose id starts with `idPrefix` was billed over a range: the inputs of
   * billedGbSecondsOf, without the histograms totals() also sums (Lambda's month-to-date tiers).
   */
  async billed(range: TimeRange, idPrefix: string): Promise<FunctionBilled[]> {
    const query = `
      SELECT
        function_id AS functionId,
        ${BILLED_COLUMNS},
        sum(billed_restore_sum_ms) AS billedRestoreSumMs
      FROM (${rowsForRange('AND startsWith(function_id, {idPrefix:String})')})
      GROUP BY function_id
      ORDER BY function_id`;
    return this.rows<FunctionBilled>(query, { ...rangeParams(range), idPrefix });
  }

  async timeseries(
    functionId: string,
    range: TimeRange,
    stepSeconds: number,
  ): Promise<TimeseriesPoint[]> {
    const filter = 'AND function_id = {functionId:String}';
    const asked = { ...rangeParams(range), functionId, step: stepSeconds };
    // A step of whole hours may read hourly rows; any other (90m) would put an hour row in the
    // step that holds its first minute, so it reads the minutes.
    const { rows, params } =
      stepSeconds % 3600 === 0
        ? await this.rangeRows(filter, asked, false)
        : await minuteRangeRowsOf(this.handle.client, filter, asked);
    const query = `
      SELECT
        toUnixTimestamp(toStartOfInterval(minute, toIntervalSecond({step:UInt32}))) * 1000 AS timeMs,
        sum(invocations) AS invocations,
        ${ERRORS} AS errors,
        sum(timeouts) AS timeouts,
        sum(cold_starts) AS coldStarts,
        sum(unknown_starts) AS unknownStarts,
        sum(duration_sum_ms) AS durationSumMs,
        max(duration_max_ms) AS durationMaxMs,
        sumMap(duration_buckets) AS durationBuckets,
        max(max_memory_used_mb) AS maxMemoryUsedMb
      FROM (${rows})
      GROUP BY timeMs
      ORDER BY timeMs`;
    return this.rows<TimeseriesPoint>(query, params);
  }

  /**
   * What the functions with splits were billed over each stretch of a range between their
   * settings changes (STRETCH), with their requests and restores: the inputs of pricing each
   * stretch at the settings in force then. Read from rows no longer than an hour.
   */
  async billedByStretch(
    range: TimeRange,
    splits: SettingsSplits,
    shared?: SeveralSourceDays,
  ): Promise<StretchBilled[]> {
    const split = splitParams(splits);
    if (split.splitIds.length === 0) return [];
    const { rows, params } = await this.rangeRows(
      'AND function_id IN {splitIds:Array(String)}',
      { ...rangeParams(range), ...split },
      false,
      shared && { read: shared, only: split.splitIds },
    );
    const query = `
      SELECT
        function_id AS functionId,
        ${STRETCH} AS stretch,
        sum(invocations) AS invocations,
        sum(restores) AS restores,
        ${BILLED_COLUMNS},
        sum(billed_restore_sum_ms) AS billedRestoreSumMs
      FROM (${rows})
      GROUP BY function_id, stretch
      ORDER BY function_id, stretch`;
    return this.rows<StretchBilled>(query, params);
  }

  /**
   * Of `functionIds`, those with usage no record gave a memory size for on a day of the range
   * (whole UTC days: a superset of the range's): only their stretches need the memory size in
   * force (the rows of the others carry their own).
   */
  async withUnknownMemory(range: TimeRange, functionIds: readonly string[]): Promise<Set<string>> {
    if (functionIds.length === 0) return new Set();
    const rows = await this.rows<{ functionId: string }>(
      `SELECT DISTINCT function_id AS functionId FROM function_days
       WHERE day >= toStartOfDay(toDateTime({from:UInt32})) AND day < toDateTime({to:UInt32})
         AND memory_size_mb = 0 AND function_id IN {ids:Array(String)}`,
      {
        from: toDateTimeParam(range.fromMs),
        to: Math.ceil(range.toMs / 1000),
        ids: [...functionIds],
      },
    );
    return new Set(rows.map((r) => r.functionId));
  }

  /**
   * Per Lambda account and region (the id up to the function's name) and calendar month, an
   * upper bound on the on-demand GB-seconds its functions were billed on the UTC days that start
   * in the range: of each row, the more of what the weekly report bills (BILLED_MS and the INIT
   * no Billed Duration holds) and every source's duration, INIT and 1 ms an invocation, with
   * billed restores, at the row's memory size or Lambda's largest. The larger, not the sum: a
   * Billed Duration is its duration rounded up to the millisecond plus the INIT it bills, and
   * adding both doubled the bound, sending accounts at half the first tier's end to the day-by-day
   * pricing. Not the durations alone: a Duration longer than duration_us holds is stored capped
   * and its Billed Duration whole, and a bound 20 times under the bill priced an account past the
   * first tier at the first tier's price. One scan of the days' rows, grouped in the engine to a
   * row an account and month: the fleet page tells by it the accounts that cannot have left the
   * first duration tier from those it prices day by day in the month's order.
   */
  async lambdaMonthGbSecondsAtMost(range: TimeRange): Promise<LambdaMonthGbSeconds[]> {
    return this.rows<LambdaMonthGbSeconds>(
      `SELECT
         arrayStringConcat(arraySlice(splitByChar('~', function_id), 1, 3), '~') AS accountPrefix,
         toUnixTimestamp(toDateTime(toStartOfMonth(day), 'UTC')) * 1000 AS monthStartMs,
         sum((greatest(${BILLED_MS} + ${UNBILLED_INIT_ROW_MS},
                       duration_sum_ms + init_duration_sum_ms + invocations)
              + billed_restore_sum_ms)
             * if(memory_size_mb > 0, memory_size_mb, {largestMb:UInt16})) / 1024000 AS gbSeconds
       FROM function_days
       WHERE day >= toStartOfDay(toDateTime({from:UInt32})) AND day < toDateTime({to:UInt32})
         AND startsWith(function_id, 'aws_lambda~')
       GROUP BY accountPrefix, monthStartMs
       ORDER BY accountPrefix, monthStartMs`,
      {
        from: toDateTimeParam(range.fromMs),
        to: Math.ceil(range.toMs / 1000),
        largestMb: LAMBDA_LARGEST_MEMORY_MB,
      },
    );
  }

  /**
   * Cold starts grouped by function × version × memory (× hour when asked) and, for the functions
   * `splits` names, × stretch between their settings changes; the caller folds the rows into the
   * requested grouping, joining what was in force (runtime, architecture) it holds. The functions
   * with splits are read apart, from rows no longer than an hour, and the hours in which their
   * settings changed by minute (MINUTE_STRETCH): the cold starts of 10:00–10:20 went to the
   * runtime a function moved to at 10:20. The others keep their whole days.
   */
  async coldStarts(
    range: TimeRange,
    byHour: boolean,
    splits: SettingsSplits = new Map(),
  ): Promise<ColdStartRow[]> {
    const split = splitParams(splits);
    if (split.splitIds.length === 0) {
      return this.coldStartRows(range, byHour, { where: '', params: {}, stretched: false });
    }
    // Both halves bind the days of their own functions, read once.
    const read = this.severalSourceDays(range);
    const [others, stretched] = await Promise.all([
      this.coldStartRows(range, byHour, {
        where: 'AND function_id NOT IN {splitIds:Array(String)}',
        params: { splitIds: split.splitIds },
        stretched: false,
        days: { read, except: split.splitIds },
      }),
      this.coldStartRows(range, byHour, {
        where: 'AND function_id IN {splitIds:Array(String)}',
        params: { ...split, ...splitHourParams(splits, split.splitIds) },
        stretched: true,
        days: { read, only: split.splitIds },
      }),
    ]);
    return [...others, ...stretched].sort(coldStartOrder);
  }

  /** coldStarts() of the functions `only.where` selects, × stretch when `only.stretched`. */
  private async coldStartRows(
    range: TimeRange,
    byHour: boolean,
    only: {
      where: string;
      params: Record<string, unknown>;
      stretched: boolean;
      days?: SharedDays;
    },
  ): Promise<ColdStartRow[]> {
    const hourKey = byHour ? `toString(toHour(minute))` : `''`;
    const stretched = only.stretched;
    const asked = { ...rangeParams(range), ...only.params };
    // Whole days have no hour to group by, nor a settings change inside them.
    const [stored, minutes] = await Promise.all([
      this.rangeRows(only.where, asked, !byHour && !stretched, only.days),
      // Only the minutes of the hours with a change, named in the read's own WHERE: a filter
      // outside it stays outside where the source choice's window (mixed days) stands between.
      // The condition is per function-hour, coarser than the choice's function-minute, so the
      // chosen rows are the same. It names `minute`, which the mixed days' own read
      // (function_day_sources) lacks: that read does not run, coldStarts() sharing this range's.
      stretched
        ? minuteRangeRowsOf(
            this.handle.client,
            `${only.where} AND ${IN_SPLIT_HOUR}`,
            asked,
            only.days,
          )
        : undefined,
    ]);
    // The hours with a change are summed from their minutes. The stored rows' filter stays outside
    // their read: it may read the mixed days with its where, on tables without a minute.
    const rows = minutes
      ? `SELECT * FROM (${stored.rows}) WHERE NOT (${IN_SPLIT_HOUR})
         UNION ALL
         ${minutes.rows}`
      : stored.rows;
    const params = minutes ? { ...stored.params, ...minutes.params } : stored.params;
    const query = `
      SELECT
        ${hourKey} AS key,
        function_id AS functionId,
        memory_size_mb AS memorySizeMb,
        version,
        ${stretched ? MINUTE_STRETCH : '0'} AS stretch,
        sum(invocations) AS invocations,
        sum(cold_starts) AS coldStarts,
        sum(unknown_starts) AS unknownStarts,
        sum(provisioned_inits) AS provisionedInits,
        sum(restores) AS restores,
        sum(init_duration_sum_ms) AS initDurationSumMs,
        ${summedSortedBucketsSql('init_buckets', 'initBuckets')},
        sum(restore_duration_sum_ms) AS restoreDurationSumMs,
        sum(billed_restore_sum_ms) AS billedRestoreSumMs
      FROM (${rows})
      GROUP BY key, function_id, memory_size_mb, version, stretch
      -- A fixed order: callers add the rows' costs in it, and float sums depend on their order.
      ORDER BY key, function_id, memory_size_mb, version, stretch`;
    return (await this.compactRows(query, params, COLD_START_ROW)).map(coldStartOf);
  }

  /**
   * Per function and UTC day of the range, of the functions whose ids start with one of
   * `idPrefixes`: what the day was billed, as WeeklyReportsRepository.dailyUsage() sums it (the
   * chosen source, whole days from function_days) but without what only provisioned concurrency,
   * SnapStart and settings changes need. The fleet page places each day of an account past the
   * first duration tier in the month's order by these; dailyUsage()'s 14 columns of 10,000
   * functions over a week took 1 s against 0.2 s. Each function's days together, in day order
   * (daysBilledSql). With `keep`, the whole days read are kept between calls (KeptDays): the
   * month before a range, read again and again by the fleet page; callers share those rows and
   * must not change them.
   */
  async dailyBilled(
    range: TimeRange,
    idPrefixes: readonly string[],
    options: { keep?: boolean } = {},
  ): Promise<DayBilled[]> {
    if (idPrefixes.length === 0 || range.toMs <= range.fromMs) return [];
    if (!options.keep) return this.readDailyBilled(range, idPrefixes);
    const rows = await this.keptDays.rows(
      [...idPrefixes].sort().join('\n'),
      range,
      (part) => this.readDailyBilled(part, idPrefixes),
      (r) => r.dayStartMs,
    );
    // Back to each function's days together, in day order.
    const byFunction = new Map<string, DayBilled[]>();
    for (const r of rows) {
      const list = byFunction.get(r.functionId);
      if (list) list.push(r);
      else byFunction.set(r.functionId, [r]);
    }
    return [...byFunction.values()].flat();
  }

  private async readDailyBilled(
    range: TimeRange,
    idPrefixes: readonly string[],
  ): Promise<DayBilled[]> {
    const prefixes = idPrefixParams(idPrefixes);
    const { rows, params } = await this.rangeRows(
      `AND (${prefixes.sql})`,
      { ...rangeParams(range), ...prefixes.params },
      true,
    );
    const query = `
      SELECT function_id AS functionId, ${daysBilledSql()} AS days
      FROM (${rows})
      GROUP BY function_id
      ORDER BY function_id`;
    return (await this.compactRows(query, params, DAYS_BILLED_ROW)).flatMap((r) =>
      daysBilledOf(r[0], r[1]),
    );
  }

  /** The ids starting with `prefix` of the functions with stored hours since `sinceMs`. */
  async functionIdsSince(prefix: string, sinceMs: number): Promise<string[]> {
    const rows = await this.rows<{ functionId: string }>(
      `SELECT DISTINCT function_id AS functionId FROM function_hours
       WHERE minute >= {since:DateTime} AND startsWith(function_id, {prefix:String})`,
      { since: toDateTimeParam(sinceMs), prefix },
    );
    return rows.map((r) => r.functionId);
  }

  /**
   * The functions whose OpenTelemetry FaaS metrics reported a cold start (faas.coldstarts) since
   * `sinceMs`: what the collector's ColdStartReporters knew before a restart. Counted cold starts,
   * not minutes of known start: those of a function read back are written known, and would keep it
   * in the set for as long as it sent any metric. At most `limit`, the least recently heard of
   * first.
   */
  async coldStartReporters(sinceMs: number, limit: number): Promise<string[]> {
    const rows = await this.rows<{ functionId: string }>(
      `SELECT functionId FROM (
         SELECT function_id AS functionId, max(minute) AS last
         FROM function_hours
         WHERE source = 'otel_metrics' AND minute >= {since:DateTime}
         GROUP BY function_id
         HAVING sum(cold_starts) > 0
         ORDER BY last DESC
         LIMIT {limit:UInt32}
       )
       ORDER BY last, functionId`,
      { since: toDateTimeParam(sinceMs), limit },
    );
    return rows.map((r) => r.functionId);
  }

  /** Raw invocation records of one request id, every source, for the merged single view. */
  async invocationRecords(
    functionId: string,
    requestId: string,
  ): Promise<Record<string, unknown>[]> {
    return this.rows(
      `SELECT * FROM invocations
       WHERE function_id = {functionId:String} AND request_id = {requestId:String}
       ORDER BY source`,
      { functionId, requestId },
    );
  }

  /**
   * Per function, the minutes (since the epoch, ascending) in which it ran, the memory size in each
   * and the largest seen: what a keep-alive replay needs. Presence only, so any source will do.
   */
  async activeMinutes(range: TimeRange, functionId?: string): Promise<ActiveMinutesRow[]> {
    const filter = functionId ? 'AND function_id = {functionId:String}' : '';
    const query = `
      WITH arraySort(groupArray((toUInt32(intDiv(toUnixTimestamp(minute), 60)), memory_mb))) AS ms
      SELECT function_id AS functionId,
             arrayMap(t -> t.1, ms) AS minutes,
             arrayMap(t -> t.2, ms) AS memories,
             max(memory_mb) AS memoryMb
      FROM (
        SELECT function_id, minute, max(memory_size_mb) AS memory_mb
        FROM function_minutes
        WHERE minute >= {from:DateTime} AND minute < {to:DateTime} ${filter}
        GROUP BY function_id, minute
        HAVING sum(invocations) > 0
      )
      GROUP BY function_id
      ORDER BY function_id`;
    return this.rows<ActiveMinutesRow>(query, { ...rangeParams(range), functionId });
  }

  /**
   * Per function, its minutes reduced to what keep-alive analysis needs: the idle periods (whole
   * minutes between two consecutive minutes with invocations, 0 when they are neighbours, as
   * `idlePeriods` of @fleetscope/analysis), the number of minutes with invocations and their count
   * per UTC hour of day. O(active minutes), not O(minutes), leaves here.
   */
  async minuteActivity(
    range: TimeRange,
    batches: Iterable<FunctionBatch> = [ALL_FUNCTIONS],
  ): Promise<MinuteActivityRow[]> {
    // A minute is active when any of its rows has invocations (all counts are ≥ 0): each
    // function's minutes are collected, sorted and made distinct as one array, which costs a
    // fraction of a GROUP BY function_id, minute over every minute row.
    const query = (where: string) => `
      WITH arrayDistinct(arraySort(groupArray(toInt64(intDiv(toUInt32(minute), 60))))) AS ms,
           arrayMap(m -> toUInt8(intDiv(m, 60) % 24), ms) AS hours
      SELECT function_id AS functionId,
             length(ms) AS activeMinutes,
             arrayMap(d -> d - 1, arrayPopFront(arrayDifference(ms))) AS idlePeriods,
             arrayMap(h -> countEqual(hours, h), range(24)) AS activeByHour,
             ms[-1] AS lastMinute
      FROM function_minutes
      WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND invocations > 0 ${where}
      GROUP BY function_id`;
    const activity: MinuteActivityRow[] = [];
    for (const batch of batches) {
      const rows = await this.rows<{
        functionId: string;
        activeMinutes: string | number;
        idlePeriods: (string | number)[];
        activeByHour: (string | number)[];
        lastMinute: string | number;
      }>(query(batch.where), { ...rangeParams(range), ...batch.params });
      for (const r of rows) {
        activity.push({
          functionId: r.functionId,
          activeMinutes: Number(r.activeMinutes),
          idlePeriods: r.idlePeriods.map(Number),
          activeByHour: r.activeByHour.map(Number),
          lastMinute: Number(r.lastMinute),
        });
      }
    }
    return activity;
  }

  private rangeRows(
    where: string,
    asked: Record<string, unknown>,
    byDay: boolean,
    shared?: SharedDays,
  ): Promise<{ rows: string; params: Record<string, unknown> }> {
    return rangeRowsOf(this.handle.client, where, asked, byDay, shared);
  }

  private rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    return queryRows<T>(this.handle.client, query, params, 'reading the function aggregate');
  }

  private compactRows<C extends CompactColumns>(
    query: string,
    params: Record<string, unknown>,
    columns: C,
  ): Promise<CompactRow<C>[]> {
    return queryCompactRows(
      this.handle.client,
      query,
      params,
      columns,
      'reading the function aggregate',
    );
  }
}
