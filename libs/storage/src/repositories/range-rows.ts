import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '../client/query-rows';
import {
  allHoursSettled,
  everyDayMixed,
  hasWholeDays,
  minuteRowsForRange,
  mixedDaysInRange,
  mixedDaysParams,
  rangeParams,
  rowsForRange,
  storedRowsForRange,
  unsettledHoursInRange,
  unsettledHoursParams,
} from './minute-source.sql';

/** A range's rows as a subquery, with the parameters it binds. */
export interface RangeRows {
  rows: string;
  params: Record<string, unknown>;
}

type MixedDay = { functionId: string; day: number; settledHours: number };

/**
 * A range's function-days with several sources across the whole fleet, read once and shared by
 * the reads of one request (severalSourceDays()): each of them binds these days in place of
 * reading its own, ~15–25 ms apiece (four on the fleet page). A read that names its functions
 * binds their days alone (SharedDays.only); one that does not binds the fleet's, as exactly: its
 * rows are still those its filter selects, and the days of other functions match none of them.
 */
export interface SeveralSourceDays {
  /** The range's parameters (rangeParams) the days are read with. */
  readonly params: Readonly<Record<string, unknown>>;
  /**
   * The days, read at the first call: a request none of whose reads needs them (no read has a
   * function to bind them for) reads nothing, and leaves no query running after its answer.
   */
  days(): Promise<MixedDay[]>;
}

/** Reads a range's function-days with several sources for the whole fleet (SeveralSourceDays). */
export function severalSourceDays(
  client: ClickHouseClient,
  range: { fromMs: number; toMs: number },
): SeveralSourceDays {
  const params = rangeParams(range);
  let read: Promise<MixedDay[]> | undefined;
  return { params, days: () => (read ??= mixedDaysOf(client, '', params)) };
}

/**
 * The mixed days of a read: the shared ones when read for the same range (those of `only` when
 * the read names its functions: each day bound costs the query's planning), else its own.
 */
function daysOf(
  client: ClickHouseClient,
  where: string,
  asked: Record<string, unknown>,
  shared: SharedDays | undefined,
): Promise<MixedDay[]> {
  const read = shared?.read;
  if (!read || !Object.entries(read.params).every(([k, v]) => String(asked[k]) === String(v))) {
    return mixedDaysOf(client, where, asked);
  }
  if (!shared.only && !shared.except) return read.days();
  const only = shared.only && new Set(shared.only);
  const except = new Set(shared.except);
  return read
    .days()
    .then((days) =>
      days.filter((d) => (!only || only.has(d.functionId)) && !except.has(d.functionId)),
    );
}

/** The function-days of the range `where` selects that have several sources (mixedDaysInRange). */
function mixedDaysOf(
  client: ClickHouseClient,
  where: string,
  asked: Record<string, unknown>,
): Promise<MixedDay[]> {
  return queryRows<MixedDay>(
    client,
    mixedDaysInRange(where),
    asked,
    'reading the function aggregate',
  );
}

/**
 * The shared days a read binds, and the functions it reads when it names them (`only`, the same
 * as its filter selects) or those its filter leaves out (`except`).
 */
export interface SharedDays {
  read: SeveralSourceDays;
  only?: readonly string[];
  except?: readonly string[];
}

/**
 * The rows of a range a read sums, with the parameters they need: rowsForRange() with the range's
 * function-days that have several sources, and their whole hours not rebuilt into
 * function_hours_chosen (read only when the days' count of settled hours says there are any),
 * read once here and bound, or the stored rows alone when there are no such days. ClickHouse would
 * build the sets of those subqueries once per reference, even when they are empty (the weekly
 * report's daily reads of 500 functions: 100–150 ms each). A second source first arriving between
 * these queries is counted by the next read, as a flush landing between rowsForRange()'s own
 * subqueries and its scans would be. `byDay`: the range's whole days may be read as day rows
 * (sums per function, not per hour).
 */
export async function rangeRowsOf(
  client: ClickHouseClient,
  where: string,
  asked: Record<string, unknown>,
  byDay: boolean,
  shared?: SharedDays,
): Promise<RangeRows> {
  const wholeDays = byDay && hasWholeDays(asked);
  const days = await daysOf(client, where, asked, shared);
  if (days.length === 0) return { rows: storedRowsForRange(where, wholeDays), params: asked };
  const withDays = { ...asked, ...mixedDaysParams(days) };
  // Usually every hour of those days is settled (each flush rebuilds its hours): no query.
  const hours = allHoursSettled(days, asked)
    ? []
    : await queryRows<{ functionId: string; hour: number }>(
        client,
        unsettledHoursInRange(where),
        withDays,
        'reading the function aggregate',
      );
  return {
    rows: rowsForRange(where, {
      unsettledHours: hours.length > 0,
      everyDayMixed: everyDayMixed(days, asked as { from: number; to: number }),
      wholeDays,
    }),
    params: { ...withDays, ...unsettledHoursParams(hours) },
  };
}

/**
 * The chosen-source minute rows of a range (minuteRowsForRange), the function-days with several
 * sources read once and bound as rangeRowsOf() binds them; the minute rows as stored when there
 * are none.
 */
export async function minuteRangeRowsOf(
  client: ClickHouseClient,
  where: string,
  asked: Record<string, unknown>,
  shared?: SharedDays,
): Promise<RangeRows> {
  const days = await daysOf(client, where, asked, shared);
  if (days.length === 0) return { rows: minuteRowsForRange(where, 'none'), params: asked };
  return {
    rows: minuteRowsForRange(where, 'bound'),
    params: { ...asked, ...mixedDaysParams(days) },
  };
}
