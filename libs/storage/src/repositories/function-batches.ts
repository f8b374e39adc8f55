import type { ClickHouseClient } from '@clickhouse/client';
import type { ClickHouseMode } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { functionsWithSeveralSources, rangeParams } from './minute-source.sql';

/** One batch of functions: a condition on function_id (with its parameters), '' for all. */
export interface FunctionBatch {
  where: string;
  params: Record<string, unknown>;
}

/**
 * `batches`, read again at each loop over them, with `signal`'s reason thrown before a batch once
 * it is aborted: the input queries of an analysis run stop between two batches' queries when the
 * process shuts down, instead of reading the rest of the fleet first.
 */
export function stoppableBatches(
  batches: readonly FunctionBatch[],
  signal: AbortSignal,
): Iterable<FunctionBatch> {
  return {
    *[Symbol.iterator]() {
      for (const batch of batches) {
        signal.throwIfAborted();
        yield batch;
      }
    },
  };
}

/** Every function in one batch. */
export const ALL_FUNCTIONS: FunctionBatch = { where: '', params: {} };

/**
 * Minute rows of a range per batch, by engine mode. 2 M rows are ~200 functions busy every minute
 * of a week: with them bench:analyze's 10,000-function week ran under an embedded engine bound of
 * 512 MiB, where the whole fleet in one query did not. The embedded engine runs one query at a
 * time, and a dashboard read waits behind the analysis query running (QueryGate): there, batches
 * of 1 M bound each query to ~0.3–0.5 s on two cores. A server runs queries side by side and
 * needs no such split; it keeps 2 M, half the queries. Smaller batches cost more than they give:
 * at 500,000 rows the window statistics took 8.7 s against 5.1 (BENCHMARKS.md).
 */
export const BATCH_MINUTE_ROWS: Record<ClickHouseMode, number> = {
  embedded: 1_000_000,
  server: 2_000_000,
};

/**
 * Functions per batch, whatever their rows. The queries' cost grows with each function's hours of
 * week as well as with its minute rows, and faster than linearly in one query: on the wide fleet's
 * week, 7,031 sparse functions (995,000 minute rows) took 3.5–5.1 s for the concurrency profiles
 * in one batch, against ~0.45 s for 99 busy functions with as many rows; in 8 batches each took at
 * most 0.51 s, 3.7 s in all (BENCHMARKS.md).
 */
export const BATCH_FUNCTIONS = 1_000;

/**
 * Function-id ranges that split a range's functions into batches of at most `maxMinuteRows`
 * minute rows and `maxFunctions` functions: the analysis input queries run once per batch, so the
 * engine holds one batch's sorts and aggregation states instead of the fleet's (the ranges follow
 * the tables' primary key, so each batch reads only its own granules). The first range is open
 * below and the last above: every function falls in exactly one, whatever table its rows are in.
 */
export async function functionBatches(
  client: ClickHouseClient,
  range: { fromMs: number; toMs: number },
  maxMinuteRows: number,
  maxFunctions = BATCH_FUNCTIONS,
): Promise<FunctionBatch[]> {
  const counts = await queryRows<{ functionId: string; n: number }>(
    client,
    // A function with several invocation-counting sources in the range counts all its rows twice
    // (an estimate: the per-minute source choice reads the rows of its days with several).
    `SELECT function_id AS functionId,
            count() * if(function_id IN (${functionsWithSeveralSources()}), 2, 1) AS n
     FROM function_minutes
     WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
     GROUP BY function_id ORDER BY function_id`,
    rangeParams(range),
    'reading the functions of the analysis window',
  );
  const bounds: string[] = [];
  let rows = 0;
  let functions = 0;
  for (const { functionId, n } of counts) {
    if (rows > 0 && (rows + n > maxMinuteRows || functions === maxFunctions)) {
      bounds.push(functionId);
      rows = 0;
      functions = 0;
    }
    rows += n;
    functions += 1;
  }
  return functionRanges(bounds);
}

/** The ranges [−∞, b1), [b1, b2), …, [bn, ∞) of function ids, `bounds` in the engine's order. */
export function functionRanges(bounds: readonly string[]): FunctionBatch[] {
  return [undefined, ...bounds].map((from, i) => {
    const to = bounds[i];
    return {
      where: [
        from === undefined ? '' : 'AND function_id >= {batchFrom:String}',
        to === undefined ? '' : 'AND function_id < {batchTo:String}',
      ]
        .filter(Boolean)
        .join(' '),
      params: {
        ...(from === undefined ? {} : { batchFrom: from }),
        ...(to === undefined ? {} : { batchTo: to }),
      },
    };
  });
}
