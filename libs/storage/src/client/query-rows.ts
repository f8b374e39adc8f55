import type { ClickHouseClient } from '@clickhouse/client';
import { toStorageError } from './storage.errors';

/**
 * Runs a parametrised SELECT and returns its rows as objects, 64-bit integers as JSON numbers (as
 * chDB returns them), failures as typed StorageErrors saying what was being read.
 */
export async function queryRows<T>(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
  what: string,
): Promise<T[]> {
  return (await selectJson(client, query, params, 'JSONEachRow', what)) as T[];
}

/** One SELECT's answer parsed as `format`'s JSON, failures as StorageErrors saying what was read. */
async function selectJson(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
  format: 'JSONEachRow' | 'JSONCompact',
  what: string,
): Promise<unknown> {
  try {
    const result = await client.query({
      query,
      query_params: params,
      format,
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    return await result.json();
  } catch (error) {
    throw toStorageError(error, what);
  }
}

/**
 * What one JSONCompact column holds, as its reader takes it: text, a number, an array of numbers,
 * or a tuple of such arrays (sumMap's keys and its sums).
 */
export type CompactKind = 'string' | 'number' | 'numbers' | 'numberArrays';

interface CompactValues {
  string: string;
  number: number;
  numbers: number[];
  numberArrays: number[][];
}

/**
 * A compact row's shape, declared once: its columns' names and kinds in the SELECT's order. The
 * names are what queryCompactRows checks the answer against; the row's tuple type is CompactRow.
 */
export type CompactColumns = readonly (readonly [name: string, kind: CompactKind])[];

/** The tuple a row of `C` is read as: one element per column, typed by its kind. */
export type CompactRow<C extends CompactColumns> = {
  -readonly [I in keyof C]: CompactValues[C[I][1]];
};

/**
 * queryRows for wide reads: each row as an array of the SELECT's columns in their order, read as
 * JSONCompact (one JSON.parse of the whole answer, no object with named keys per row, maps as
 * `mapKeys`/`mapValues` arrays in the SQL): 10,000 functions' histograms parse in a fifth of the
 * time JSONEachRow's objects take. `columns` declares the columns the caller reads by position
 * (and so the rows' type): an answer whose columns differ (a SELECT reordered or extended without
 * its reader) is an error, not rows read into the wrong fields.
 */
export async function queryCompactRows<const C extends CompactColumns>(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
  columns: C,
  what: string,
): Promise<CompactRow<C>[]> {
  const answer = (await selectJson(client, query, params, 'JSONCompact', what)) as {
    meta?: { name: string }[];
    data: CompactRow<C>[];
  };
  const names = (answer.meta ?? []).map((column) => column.name);
  if (names.length !== columns.length || names.some((name, i) => name !== columns[i][0])) {
    throw new Error(
      `${what}: the query returns the columns ${names.join(', ')}; its reader expects ${columns.map(([name]) => name).join(', ')}`,
    );
  }
  return answer.data;
}
