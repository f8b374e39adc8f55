import { TupleParam } from '@clickhouse/client';
import { COLD_START_ONLY_SOURCES, INVOCATION_SOURCES, SOURCE_PRIORITY } from '@fleetscope/model';

/**
 * The priority of a source column or expression (libs/model SOURCE_PRIORITY, bound by
 * sourceParams()). Cold-start-only sources get 0: never chosen, always added to the chosen source.
 */
const priorityOf = (source: string) =>
  `transform(${source}, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))`;
const PRIO = priorityOf('source');

/**
 * The per-minute rows of the aggregate, keeping for each function and minute the rows of one
 * source: the one that saw the most invocations, and of those the most exact (libs/model
 * SOURCE_PRIORITY). This is what makes an invocation seen as a span, a REPORT line and a
 * platform.report event count once, while a precise source that saw only part of the traffic (an
 * extension on the canary version only, sampled traces) does not hide the rest. The choice is per
 * function, not per version: sources name versions differently (`7`, `$LATEST`, an alias). What a
 * per-minute choice cannot do: count invocations only a lesser source saw in a minute the chosen
 * source also covers, or notice one invocation two sources place in neighbouring minutes; counting
 * distinct request ids across sources would, at the cost of a per-id sketch in the aggregate.
 * `table` is function_minutes or function_hours; `where` may add conditions on its columns (bound
 * parameters only).
 */
export function chosenSourceRows(table: 'function_minutes' | 'function_hours', where = ''): string {
  // One window pass: each function-minute's invocations by source (a map), from which a row's own
  // rank and the minute's best rank are read. Two window passes (the sum per source, then the
  // best per minute) sorted the rows twice: 38 against 29 ms for the wide fleet's edge minutes.
  // sumMap of a Map keeps a source whose sum is 0 (the array form, sumMap(keys, values), drops
  // it), so a minute where only such sources reported keeps their rows, as the two passes did.
  return `
    SELECT * EXCEPT (prio, per_source) FROM (
      SELECT *, ${PRIO} AS prio,
             sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
      FROM ${table}
      WHERE minute >= {from:DateTime} AND minute < {to:DateTime} ${where}
    )
    WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
      (s, n) -> if(${priorityOf('s')} = 0, 0, n * 16 + ${priorityOf('s')}),
      mapKeys(per_source), mapValues(per_source)))`;
}

/** Parameters every chosenSourceRows() query binds. */
export function sourceParams(): { sources: string[]; priorities: number[] } {
  const all = [...INVOCATION_SOURCES, 'otel_metrics', ...COLD_START_ONLY_SOURCES];
  const priority = (s: string): number =>
    (COLD_START_ONLY_SOURCES as readonly string[]).includes(s)
      ? 0
      : s in SOURCE_PRIORITY
        ? SOURCE_PRIORITY[s as keyof typeof SOURCE_PRIORITY]
        : 1;
  return { sources: all, priorities: all.map(priority) };
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The range's whole hours (see rangeParams). */
const WHOLE_HOURS = `minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}`;

/** The range's whole five minutes (see rangeParams). */
const WHOLE_FIVES = `minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}`;

/**
 * The end (epoch seconds) of the stored row a `minute` lies in, as the range reads are made of
 * (binds rangeParams): its hour inside the whole hours, its five minutes inside the whole five
 * minutes, else the minute. Minute rows read in place of an hour or five minutes (several sources)
 * end where those do, so a row's end does not depend on the table it came from.
 */
export const RANGE_ROW_END = `toUnixTimestamp(multiIf(${WHOLE_HOURS}, toStartOfHour(minute) + 3600, ${WHOLE_FIVES}, toStartOfFiveMinutes(minute) + 300, minute + 60))`;

/**
 * Per function, the times (epoch ms, ascending) inside a range at which its settings changed: its
 * usage is summed per stretch between them, each stored row going to the stretch in force at its
 * end (RANGE_ROW_END).
 */
export type SettingsSplits = ReadonlyMap<string, readonly number[]>;

/** The row's function's entry of a per-function array bound beside splitIds (see STRETCH). */
const ofSplitFunction = (array: string) =>
  `${array}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]`;

/** The stretch of a row that ends at `end` (epoch seconds): the splits before it (STRETCH). */
function stretchEndingAt(end: string): string {
  return `arrayCount(b -> b < ${end}, ${ofSplitFunction('{splitAt:Array(Array(UInt32))}')})`;
}

/**
 * The stretch a row's `minute` falls in, binding splitIds and splitAt (splitParams): the one in
 * force at the row's end (RANGE_ROW_END; per-minute concurrency so falls in the stretch of its
 * hour's usage), counting the splits before it. A change is observed at or after it took
 * effect (the first invocation that showed it, an API poll), so a row that holds an observation ran
 * on it by its end; at the row's start the setting may not have been in force yet, and before a
 * first observation nothing is. transform() looks the function up in a hash table (indexOf would
 * scan the ids for every row); index 0, a function without splits, reads an empty array. Rows no
 * longer than an hour: a day row (function_days) would fall whole in the stretch of its day's end.
 */
export const STRETCH = stretchEndingAt(RANGE_ROW_END);

/**
 * Whether a row's `minute` lies in an hour in which its function's settings changed (binds
 * splitIds and splitHours: splitParams, splitHourParams). Such an hour read as one row (or as
 * five-minute rows) would fall whole in the stretch in force at its end: a reader that must split
 * usage at the change's minute reads these hours by minute (MINUTE_STRETCH). The hours of any
 * function first: a read ordered by minute (the by_minute projection) then skips the granules of
 * other hours, as when a fleet moved to arm64 in one deploy. Then the function's own, looked up as
 * STRETCH looks up its splits: a (function_id, hour) tuple IN a set hashed each row's string,
 * twice as slow over the minute rows of 500 functions × 7 days (88 against 52 ms).
 */
export const IN_SPLIT_HOUR = `toStartOfHour(minute) IN {splitHoursAny:Array(DateTime)} AND has(${ofSplitFunction('{splitHours:Array(Array(DateTime))}')}, toStartOfHour(minute))`;

/**
 * STRETCH at minute resolution, for reads whose hours holding a split (IN_SPLIT_HOUR) are minute
 * rows: each of those in the stretch in force at its own end. A row of another hour holds no
 * split, so the end of its first minute gives the stretch its own end does, whatever it spans.
 */
export const MINUTE_STRETCH = stretchEndingAt('toUnixTimestamp(minute) + 60');

/**
 * The parameters IN_SPLIT_HOUR binds beside splitParams' `splitIds` (whose order it follows): the
 * hours (epoch seconds) of each one's splits, and those hours together.
 */
export function splitHourParams(
  splits: SettingsSplits,
  splitIds: readonly string[],
): {
  splitHours: number[][];
  splitHoursAny: number[];
} {
  const splitHours = splitIds.map((id) => [
    ...new Set(splits.get(id)!.map((ms) => Math.floor(ms / HOUR_MS) * 3600)),
  ]);
  return { splitHours, splitHoursAny: [...new Set(splitHours.flat())] };
}

/**
 * A row's billed milliseconds: its Billed Duration where a record gave one (REPORT lines, spans
 * rounded up by the invocations view), else its duration: minutes from FaaS metrics and scrapes
 * carry no billed time, and were priced at none in the weekly report where the fleet page billed
 * their durations. Lambda bills INIT on top where no REPORT line's Billed Duration holds it
 * (billedInitMs).
 */
export const BILLED_MS = 'if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms)';

/** Lambda's own records, whose Billed Duration holds the INIT Lambda bills (REPORT, platform.report). */
export const PLATFORM_BILLED_SOURCES = ['lambda_telemetry', 'lambda_log'];

/** PLATFORM_BILLED_SOURCES as a SQL tuple, for queries that cannot bind it. */
export function platformBilledSourcesSql(): string {
  return `(${PLATFORM_BILLED_SOURCES.map((s) => `'${s}'`).join(', ')})`;
}

/**
 * The Init Duration of rows whose time no Lambda record billed (spans, FaaS metrics): Lambda bills
 * it on top of their durations where it bills INIT (billedInitMs), where a REPORT line's Billed
 * Duration already holds it.
 */
export const UNBILLED_INIT_MS = `sumIf(init_duration_sum_ms, source NOT IN ${platformBilledSourcesSql()})`;

/** A row's part of UNBILLED_INIT_MS, for sums that cannot take a condition (sumMap). */
export const UNBILLED_INIT_ROW_MS = `if(source NOT IN ${platformBilledSourcesSql()}, init_duration_sum_ms, 0)`;

/** The parameters STRETCH binds: the functions with splits, and each one's splits in seconds. */
export function splitParams(splits: SettingsSplits): { splitIds: string[]; splitAt: number[][] } {
  const ids = [...splits.keys()].filter((id) => (splits.get(id)?.length ?? 0) > 0);
  return {
    splitIds: ids,
    // Rounded down: rows end on whole seconds, so `b < end` holds exactly when the split is before it.
    splitAt: ids.map((id) => splits.get(id)!.map((ms) => Math.floor(ms / 1000))),
  };
}

/**
 * The function-days (UTC day starts) of a range in which more than one source that counts
 * invocations reported (function_day_sources, fed from the minute rows by a view): only there
 * does the per-minute choice of chosenSourceRows() have anything to choose. Everywhere else every
 * row is the chosen source's (or a cold-start-only source's), so rows are read as stored, at every
 * resolution. Starts a day early: the set is only matched against days of the range. Only days
 * with several sources have rows in function_hours_chosen (see chosenRowsOfHours), which is why
 * reads of that table need no such filter.
 */
function mixedDays(where: string, functionsFirst = false): string {
  const rows = daySources(where);
  // A function-day with several sources is one of a function with several sources in the range:
  // grouping by function first leaves few rows to group by function-day (10,000 functions over 7
  // days: 22 → 15 ms). Read once per request (mixedDaysInRange); a subquery referenced several
  // times keeps the plain form.
  const only = functionsFirst ? `AND function_id IN (${severalSources(rows)})` : '';
  return `
    SELECT function_id, day FROM ${rows} ${only}
    GROUP BY function_id, day
    HAVING uniqExact(source) > 1`;
}

/** The invocation-counting sources of each function-day of a range (see mixedDays). */
const daySources = (where: string) => `function_day_sources
    WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND ${PRIO} > 0 ${where}`;

/** The functions of daySources() rows that have more than one source in them. */
const severalSources = (rows: string) =>
  `SELECT function_id FROM ${rows} GROUP BY function_id HAVING uniqExact(source) > 1`;

/**
 * The functions that more than one invocation-counting source reported in a range (in one day
 * or not: those of mixedDays and a few more): only their invocation records can be of another
 * source than the one a function-minute is counted from. What a caller reads and binds with
 * severalSourcesParams() for ofCountedSource(); `where` may add conditions on function_id (bound
 * parameters only). Binds from and to (see rangeParams) and the source priorities.
 */
export function functionsWithSeveralSources(where = ''): string {
  return `SELECT function_id AS functionId FROM (${severalSources(daySources(where))})`;
}

/** Parameters of ofCountedSource(): the rows of functionsWithSeveralSources(). */
export function severalSourcesParams(
  functions: readonly { functionId: string }[],
): Record<string, unknown> {
  return { severalSources: functions.map((f) => f.functionId) };
}

/**
 * A condition on invocation records (function_id, source, start_time) that holds for the records
 * of the source chosenSourceRows() counts each function-minute from, and of the cold-start-only
 * sources: what describes a function-minute then comes from the records its counts come from, as
 * sources name versions differently (`$LATEST` in a log stream, `3` in a span). Only the bound
 * functions with several sources (severalSourcesParams) can have others, so the per-minute choice
 * runs over their minutes that hold a record `records` selects (conditions on invocations: the
 * caller's own, usually few records); every record of other functions holds. Binds from and to
 * (see rangeParams) and the source priorities besides the parameters of `records`.
 */
export function ofCountedSource(records: string): string {
  const functions = '{severalSources:Array(String)}';
  const minute = 'toDateTime(toStartOfMinute(start_time))';
  const minutes = `SELECT function_id, ${minute} FROM invocations
        PREWHERE function_id IN ${functions} AND ${records}`;
  return `(function_id NOT IN ${functions} OR (function_id, ${minute}, source) IN (
      SELECT function_id, minute, source
      FROM (${chosenSourceRows('function_minutes', `AND function_id IN ${functions} AND (function_id, minute) IN (${minutes})`)})))`;
}

/**
 * The function-days with several sources, three ways a query uses them: `set` and `functions`
 * the right sides of IN for (function_id, day) and function_id, `rows` a SELECT of function_id
 * and day. Either the subquery mixedDays() (read inside the query; ClickHouse builds its set once
 * per reference) or the days a caller read once and bound (boundMixedDays).
 */
interface MixedDays {
  set: string;
  functions: string;
  rows: string;
}

function mixedDaysQuery(where: string): MixedDays {
  const mixed = mixedDays(where);
  return {
    set: `(${mixed})`,
    functions: `(SELECT function_id FROM (${mixed}))`,
    rows: mixed,
  };
}

/** The function-days bound as mixedDaysParams() binds them. */
const BOUND_MIXED_DAYS: MixedDays = {
  set: '{mixedDays:Array(Tuple(String, DateTime))}',
  functions: '{mixedFunctions:Array(String)}',
  rows: `SELECT tupleElement(t, 1) AS function_id, tupleElement(t, 2) AS day
         FROM (SELECT arrayJoin({mixedDays:Array(Tuple(String, DateTime))}) AS t)`,
};

const IN_MIXED_DAY = (mixed: MixedDays) => `(function_id, toStartOfDay(minute)) IN ${mixed.set}`;

/**
 * IN_MIXED_DAY, led by a condition on the primary key's first column, so a read scans only the
 * granules of the functions with several sources.
 */
const ONLY_MIXED_DAYS = (mixed: MixedDays) =>
  `function_id IN ${mixed.functions} AND ${IN_MIXED_DAY(mixed)}`;

/**
 * The chosen-source rows of a range at minute resolution: exactly chosenSourceRows('function_minutes'),
 * but the window passes run only over the function-days where several sources reported
 * (mixedDays), the rest is read as stored. Binds from and to (see rangeParams). `mixedDays`: those
 * days as a subquery, bound (mixedDaysParams: minuteRangeRowsOf), or 'none' when the caller read
 * that there are none.
 */
export function minuteRowsForRange(
  where = '',
  mixedDays: 'subquery' | 'bound' | 'none' = 'subquery',
): string {
  const rows = `SELECT * FROM function_minutes
    WHERE minute >= {from:DateTime} AND minute < {to:DateTime} ${where}`;
  if (mixedDays === 'none') return rows;
  const mixed = mixedDays === 'bound' ? BOUND_MIXED_DAYS : mixedDaysQuery(where);
  const chosen = `SELECT * FROM (${chosenSourceRows('function_minutes', `${where} AND ${ONLY_MIXED_DAYS(mixed)}`)})`;
  if (mixedDays === 'subquery') {
    return `
    ${rows} AND NOT ${IN_MIXED_DAY(mixed)}
    UNION ALL
    ${chosen}`;
  }
  // Bound days: the functions without any are told apart by their id alone, where matching every
  // row's (function_id, day) against the days cost 150 ms over 900,000 minute rows of 500 functions.
  return `
    ${rows} AND function_id NOT IN ${mixed.functions}
    UNION ALL
    ${rows} AND function_id IN ${mixed.functions} AND NOT ${IN_MIXED_DAY(mixed)}
    UNION ALL
    ${chosen}`;
}

/**
 * Every table the reads of a range (rangeRowsOf: storedRowsForRange, rowsForRange and the
 * queries of their days with several sources) take rows from: what KeptDays checks a kept day by.
 * kept-days.int.spec compares it with the tables the engine's query tree of those reads names.
 */
export const RANGE_TABLES = [
  'function_minutes',
  'function_five_minutes',
  'function_hours',
  'function_days',
  'function_hours_chosen',
  'function_day_sources',
] as const;

/**
 * The stored rows of a range at the coarsest resolution that fits it: whole hours, whole five
 * minutes at either end, the few minutes beyond; with `wholeDays`, the whole UTC days of the range
 * from function_days first (see rangeParams; a day row's `minute` is its last hour's, so it sorts
 * as that hour row would, but it cannot be grouped by hour). Exactly rowsForRange() when no
 * function-day of the range has several sources (see mixedDaysInRange), without its subqueries.
 */
export function storedRowsForRange(where = '', wholeDays = false): string {
  const hours = wholeDays
    ? `SELECT * EXCEPT (day) FROM function_days WHERE day >= {dayFrom:DateTime} AND day < {dayTo:DateTime} ${where}
      UNION ALL
      SELECT * FROM function_hours WHERE ${WHOLE_HOURS} AND NOT (minute >= {dayFrom:DateTime} AND minute < {dayTo:DateTime}) ${where}`
    : `SELECT * FROM function_hours WHERE ${WHOLE_HOURS} ${where}`;
  return `
      ${hours}
      UNION ALL
      SELECT * FROM function_five_minutes WHERE ${WHOLE_FIVES} AND NOT (${WHOLE_HOURS}) ${where}
      UNION ALL
      SELECT * FROM function_minutes
      WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (${WHOLE_FIVES}) ${where}`;
}

/**
 * The function-days of a range with several sources (function_id, day start in epoch seconds):
 * what a caller reads once per request and binds with mixedDaysParams() for rowsForRange() with
 * a BoundChoice, whose subqueries would otherwise each build the set again. With each day, how
 * many of the range's whole hours in it have rows in function_hours_chosen (`settledHours`): when
 * every day has all of them (allHoursSettled), there are no unsettled hours to read.
 */
export function mixedDaysInRange(where = ''): string {
  return `
    SELECT function_id AS functionId, toUnixTimestamp(day) AS day, settledHours
    FROM (${mixedDays(where, true)}) AS mixed
    LEFT JOIN (
      SELECT function_id, toStartOfDay(minute) AS day, uniqExact(minute) AS settledHours
      FROM function_hours_chosen WHERE ${WHOLE_HOURS} ${where}
      GROUP BY function_id, day
    ) AS chosen USING (function_id, day)`;
}

/**
 * Whether every function-day of mixedDaysInRange() has rows in function_hours_chosen for each
 * whole hour of the range (params: rangeParams()) that lies in it: then unsettledHoursInRange()
 * would find none.
 */
export function allHoursSettled(
  days: readonly { day: number; settledHours: number }[],
  params: Record<string, unknown>,
): boolean {
  const hourFrom = Number(params.hourFrom);
  const hourTo = Number(params.hourTo);
  return days.every((d) => {
    const day = Number(d.day);
    const whole = Math.max(0, Math.min(day + 86_400, hourTo) - Math.max(day, hourFrom)) / 3600;
    return Number(d.settledHours) >= whole;
  });
}

/** Parameters of rowsForRange() with bound days: the rows of mixedDaysInRange(). */
export function mixedDaysParams(
  days: readonly { functionId: string; day: number }[],
): Record<string, unknown> {
  return {
    mixedDays: days.map((d) => new TupleParam([d.functionId, Number(d.day)])),
    mixedFunctions: [...new Set(days.map((d) => d.functionId))],
  };
}

/**
 * The whole hours of the range in its function-days with several sources that hold data
 * (function_hours) and have no row in function_hours_chosen: not rebuilt yet, or written around
 * the writer (usually none). Only these go through the per-minute choice at their whole length.
 * An hour without data has nothing to choose from: counted unsettled, the idle hours of a
 * function-day (a night, the part of the range's first day before the range) sent the read
 * through the per-minute choice over minutes that hold nothing (60 of the 85 ms of an empty read
 * of 100 such functions).
 */
function unsettledHours(mixed: MixedDays, where: string): string {
  return `
    SELECT function_id, hour FROM (
      SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (${mixed.rows})
    )
    WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
      AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE ${WHOLE_HOURS} ${where})
      AND (function_id, hour) IN (
        SELECT function_id, minute FROM function_hours
        WHERE ${WHOLE_HOURS} AND function_id IN ${mixed.functions} ${where})`;
}

/**
 * The unsettled hours (function_id, hour start in epoch seconds) of the function-days bound by
 * mixedDaysParams(): what a caller reads once, after those days, and binds with
 * unsettledHoursParams() for rowsForRange().
 */
export function unsettledHoursInRange(where = ''): string {
  return `SELECT function_id AS functionId, toUnixTimestamp(hour) AS hour FROM (${unsettledHours(BOUND_MIXED_DAYS, where)})`;
}

/** Parameters of rowsForRange() with bound days: the rows of unsettledHoursInRange(). */
export function unsettledHoursParams(
  hours: readonly { functionId: string; hour: number }[],
): Record<string, unknown> {
  return {
    unsettledHours: hours.map((h) => new TupleParam([h.functionId, Number(h.hour)])),
    unsettledFunctions: [...new Set(hours.map((h) => h.functionId))],
  };
}

/**
 * The stored rows of a range outside its function-days with several sources. With the days bound,
 * the functions without such days are read apart (by function id, the primary key's first
 * column) and only the few functions with such days have the (function, day) of each row looked
 * up, where hashing every row's tuple took a third of the wide fleet's 7-day read; when each of
 * those functions has several sources on every day of the range, none of their rows is outside.
 */
function storedRowsOutsideMixedDays(mixed: MixedDays, where: string, bound?: BoundChoice): string {
  if (!bound)
    return `SELECT * FROM (${storedRowsForRange(where)}) WHERE NOT ${IN_MIXED_DAY(mixed)}`;
  const wholeDays = bound.wholeDays ?? false;
  const apart = storedRowsForRange(`${where} AND function_id NOT IN ${mixed.functions}`, wholeDays);
  if (bound.everyDayMixed) return apart;
  return `${apart}
    UNION ALL
    ${storedRowsForRange(`${where} AND function_id IN ${mixed.functions} AND NOT ${IN_MIXED_DAY(mixed)}`, wholeDays)}`;
}

/**
 * What a caller of rowsForRange() read once and bound instead of the subqueries ClickHouse would
 * run (and build a set of) per reference: the range's function-days with several sources
 * (mixedDaysParams), and their unsettled hours (unsettledHoursParams). `unsettledHours` says
 * whether there were any, so that a read without any skips the per-minute choice of whole hours;
 * `everyDayMixed` that each function with such days has them on every day of the range
 * (everyDayMixed()), so that a function id alone says whether a row is in one: each reference to
 * the bound days costs its planning (~5 ms for 800 days).
 */
export interface BoundChoice {
  unsettledHours: boolean;
  everyDayMixed: boolean;
  /** Whole days of the stored rows from function_days (see storedRowsForRange). */
  wholeDays?: boolean;
}

/**
 * Whether each function of mixedDaysInRange()'s rows has several sources on every UTC day the
 * range touches (from, to: its bound parameters, epoch seconds).
 */
export function everyDayMixed(
  days: readonly { functionId: string; day: number }[],
  range: { from: number; to: number },
): boolean {
  const DAY_S = 86_400;
  if (range.to <= range.from) return false;
  const first = Math.floor(range.from / DAY_S);
  const last = Math.floor((range.to - 1) / DAY_S);
  const perFunction = new Map<string, Set<number>>();
  for (const d of days) {
    const day = Math.floor(Number(d.day) / DAY_S);
    if (day < first || day > last) continue;
    const set = perFunction.get(d.functionId) ?? new Set<number>();
    perFunction.set(d.functionId, set.add(day));
  }
  return [...perFunction.values()].every((set) => set.size === last - first + 1);
}

/**
 * The chosen-source rows of a time range, the same sums as chosenSourceRows('function_minutes')
 * over the range, without window passes over its whole hours: whole hours come from
 * function_hours, whole five minutes at either end from function_five_minutes, and the few
 * minutes before and after those from function_minutes. In function-days where several sources
 * reported (mixedDays), whole hours come from function_hours_chosen, the per-minute choice made at
 * write time (rebuildChosenHours), and only the partial hours at the ends, and any hour not
 * rebuilt yet, go through the per-minute choice. Binds from, to, fiveFrom, fiveTo, hourFrom and
 * hourTo (see rangeParams) besides the caller's own parameters, and with `bound` the parameters of
 * BoundChoice.
 */
export function rowsForRange(where = '', bound?: BoundChoice): string {
  const mixed = bound ? BOUND_MIXED_DAYS : mixedDaysQuery(where);
  const chosen = `function_hours_chosen WHERE ${WHOLE_HOURS} ${where}`;
  // ClickHouse builds an IN set per reference to a subquery: as few references as the reads allow.
  const unsettled = bound
    ? bound.unsettledHours && {
        functions: '{unsettledFunctions:Array(String)}',
        set: '{unsettledHours:Array(Tuple(String, DateTime))}',
      }
    : {
        functions: `(SELECT function_id FROM (${unsettledHours(mixed, where)}))`,
        set: `(${unsettledHours(mixed, where)})`,
      };
  // Bound unsettled hours are read by the choice below even if rebuilt since: not twice.
  const settled = bound && unsettled ? `AND (function_id, minute) NOT IN ${unsettled.set}` : '';
  const parts = [
    storedRowsOutsideMixedDays(mixed, where, bound),
    // The last rebuild of each hour: a window over one read, where an IN (max(rev)) subquery read
    // the table twice and built its set while planning (~6 ms of the wide fleet's 7-day read).
    `SELECT * EXCEPT (rev, last_rev) FROM (
      SELECT *, max(rev) OVER (PARTITION BY function_id, minute) AS last_rev FROM ${chosen} ${settled}
    ) WHERE rev = last_rev`,
    `SELECT * FROM (${chosenSourceRows(
      'function_minutes',
      // The partial hours at the ends: found by time (the projection ordered by minute).
      `AND NOT (${WHOLE_HOURS}) ${where} AND ${bound?.everyDayMixed ? `function_id IN ${mixed.functions}` : IN_MIXED_DAY(mixed)}`,
    )})`,
  ];
  if (unsettled) {
    parts.push(
      `SELECT * FROM (${chosenSourceRows(
        'function_minutes',
        `AND ${WHOLE_HOURS} ${where} AND function_id IN ${unsettled.functions}
        AND (function_id, toStartOfHour(minute)) IN ${unsettled.set}`,
      )})`,
    );
  }
  return `
    ${parts.join('\n    UNION ALL\n    ')}`;
}

/**
 * The chosen-source minute rows of some function-hours (f: function ids, h: hour starts) that lie
 * in days with several sources: what rebuildChosenHours() rolls up into function_hours_chosen.
 * Binds f, h, from, to and the source priorities (see chosenHoursParams).
 */
export function chosenRowsOfHours(): string {
  const window = `AND function_id IN {f:Array(String)}`;
  return chosenSourceRows(
    'function_minutes',
    `${window} AND toStartOfHour(minute) IN {h:Array(DateTime)} AND ${IN_MIXED_DAY(mixedDaysQuery(window))}`,
  );
}

/**
 * Which of some functions (f) have several sources in a day of some hours: the only ones
 * chosenRowsOfHours() has rows for. Binds what chosenRowsOfHours() binds.
 */
export function functionsWithChoice(): string {
  return `SELECT DISTINCT function_id FROM (${mixedDays('AND function_id IN {f:Array(String)}')})`;
}

/** Parameters of chosenRowsOfHours() for function ids and hour starts (epoch seconds). */
export function chosenHoursParams(functionIds: string[], hours: number[]): Record<string, unknown> {
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  return { ...sourceParams(), f: functionIds, h: hours, from: first, to: last + 3600 };
}

/**
 * The whole units of `unitMs` (a day, an hour) inside a range, as epoch ms [from, to]; an empty
 * range (from = to) where it holds none.
 */
export function wholeUnitsOf(
  range: { fromMs: number; toMs: number },
  unitMs: number,
): [number, number] {
  const first = Math.ceil(range.fromMs / unitMs) * unitMs;
  return [first, Math.max(first, Math.floor(range.toMs / unitMs) * unitMs)];
}

/** Parameters of rowsForRange(): the range, its whole days and hours, and the source priorities. */
export function rangeParams(range: { fromMs: number; toMs: number }): Record<string, unknown> {
  const [dayFrom, dayTo] = wholeUnitsOf(range, DAY_MS);
  const [hourFrom, hourTo] = wholeUnitsOf(range, HOUR_MS);
  const [fiveFrom, fiveTo] = wholeUnitsOf(range, 5 * 60_000);
  return {
    ...sourceParams(),
    // A minute is in [from, to) when it starts there (minutes start on whole seconds): `from`
    // rounded up, or a range from 10:00:00.5 took the minute that started at 10:00:00. A minute
    // that starts before `to` belongs to the range: rounding `to` down to its second would drop
    // the current minute for the first second after it starts.
    from: firstSecondOf(range.fromMs),
    to: Math.ceil(range.toMs / 1000),
    fiveFrom: toDateTimeParam(fiveFrom),
    fiveTo: toDateTimeParam(fiveTo),
    hourFrom: toDateTimeParam(hourFrom),
    hourTo: toDateTimeParam(hourTo),
    dayFrom: toDateTimeParam(dayFrom),
    dayTo: toDateTimeParam(dayTo),
  };
}

/**
 * The whole minutes a range's reads sum, as epoch ms [fromMs, toMs): rangeParams() takes each
 * minute that starts at or after `from` and before `to` rounded up to its second, so a range that
 * ends within a minute takes that minute whole.
 */
export function minutesRead(range: { fromMs: number; toMs: number }): {
  fromMs: number;
  toMs: number;
} {
  const firstSecond = firstSecondOf(range.fromMs);
  const endSecond = Math.ceil(range.toMs / 1000);
  return {
    fromMs: Math.ceil(firstSecond / 60) * 60_000,
    toMs: Math.max(Math.ceil(firstSecond / 60), Math.ceil(endSecond / 60)) * 60_000,
  };
}

/** Whether a range (its rangeParams()) holds a whole UTC day, read from function_days if asked. */
export function hasWholeDays(params: Record<string, unknown>): boolean {
  return Number(params.dayTo) > Number(params.dayFrom);
}

export function toDateTimeParam(ms: number): number {
  return Math.floor(ms / 1000);
}

/** The first whole second at or after `ms`: where a range's first minute may start. */
export function firstSecondOf(ms: number): number {
  return Math.ceil(ms / 1000);
}
