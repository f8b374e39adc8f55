import { COLD_START_ONLY_SOURCES, INVOCATION_SOURCES, SOURCE_PRIORITY } from '@fleetscope/model';

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
  // Cold-start-only sources get priority 0: never chosen, always added to the chosen source.
  const prio = `transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))`;
  return `
    SELECT * FROM (
      SELECT *, max(if(prio = 0, 0, rank)) OVER (PARTITION BY function_id, minute) AS best_rank
      FROM (
        SELECT *, ${prio} AS prio,
               sum(invocations) OVER (PARTITION BY function_id, minute, source) * 16 + prio AS rank
        FROM ${table}
        WHERE minute >= {from:DateTime} AND minute < {to:DateTime} ${where}
      )
    ) WHERE rank = best_rank OR prio = 0`;
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
const LONG_RANGE_MS = 3 * 24 * HOUR_MS;

/**
 * The chosen-source rows of a time range. Long ranges read whole hours from function_hours and the
 * partial hours at either end from function_minutes, so queries stay proportional to functions ×
 * hours and still count exactly the range asked for. Binds from, to, hourFrom and hourTo (see
 * rangeParams) besides the caller's own parameters.
 */
export function rowsForRange(range: { fromMs: number; toMs: number }, where = ''): string {
  if (range.toMs - range.fromMs <= LONG_RANGE_MS)
    return chosenSourceRows('function_minutes', where);
  const hours = `AND minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} ${where}`;
  const edges = `AND (minute < {hourFrom:DateTime} OR minute >= {hourTo:DateTime}) ${where}`;
  return `
    SELECT * FROM (${chosenSourceRows('function_hours', hours)})
    UNION ALL
    SELECT * FROM (${chosenSourceRows('function_minutes', edges)})`;
}

/** Parameters of rowsForRange(): the range, its whole hours, and the source priorities. */
export function rangeParams(range: { fromMs: number; toMs: number }): Record<string, unknown> {
  const hourFrom = Math.ceil(range.fromMs / HOUR_MS) * HOUR_MS;
  const hourTo = Math.max(hourFrom, Math.floor(range.toMs / HOUR_MS) * HOUR_MS);
  return {
    ...sourceParams(),
    from: toDateTimeParam(range.fromMs),
    to: toDateTimeParam(range.toMs),
    hourFrom: toDateTimeParam(hourFrom),
    hourTo: toDateTimeParam(hourTo),
  };
}

export function toDateTimeParam(ms: number): number {
  return Math.floor(ms / 1000);
}
