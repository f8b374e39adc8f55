import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from './query-rows';

/** One active data part of a table, as system.parts describes it. */
export interface DataPart {
  /** `<table>/<part name>`: unique across the tables asked for. */
  name: string;
  /**
   * The least and greatest value of the partition key's time column in the part (system.parts'
   * min_time and max_time), ms; both 0 when the table's partition key has no time column, or the
   * parts were asked for without a window.
   */
  minTimeMs: number;
  maxTimeMs: number;
}

/**
 * The active data parts of `tables`, by name, that may hold rows of `window` (a part without a
 * time range may hold any), or of all time without one. Null when a table is not a MergeTree
 * here (a Distributed table in cluster mode, a view): it has no parts of its own to tell its
 * rows by.
 *
 * What a cache of rows is checked by: a part is never changed once written. An insert, a merge, a
 * TTL's deletion or a mutation makes new parts and retires the old ones, so the same parts hold the
 * same rows. Read the parts before the rows, so that rows are never kept under a version older
 * than theirs. Written here, not taken from a library: the rule is ClickHouse's part model.
 */
export async function activeParts(
  client: ClickHouseClient,
  tables: readonly string[],
  window?: { fromMs: number; toMs: number },
): Promise<DataPart[] | null> {
  const inWindow = window
    ? `AND (toUnixTimestamp(max_time) = 0
            OR (max_time >= toDateTime({from:UInt32}) AND min_time < toDateTime({to:UInt32})))`
    : '';
  // A part's time range costs a few ms more to read (its partition's min-max index): only when asked.
  const times = window ? 'toUnixTimestamp(min_time), toUnixTimestamp(max_time)' : '0, 0';
  const [row] = await queryRows<{ mergeTrees: number; parts: [string, number, number][] }>(
    client,
    `SELECT (SELECT count() FROM system.tables
             WHERE database = currentDatabase() AND name IN {tables:Array(String)}
               AND engine LIKE '%MergeTree') AS mergeTrees,
            groupArray((concat(table, '/', name), ${times})) AS parts
     FROM system.parts
     WHERE database = currentDatabase() AND active AND table IN {tables:Array(String)} ${inWindow}`,
    {
      tables,
      ...(window && {
        from: Math.floor(window.fromMs / 1000),
        to: Math.ceil(window.toMs / 1000),
      }),
    },
    `reading the data parts of ${tables.join(', ')}`,
  );
  if (!row || Number(row.mergeTrees) !== new Set(tables).size) return null;
  return row.parts
    .map(([name, minTime, maxTime]) => ({
      name,
      minTimeMs: Number(minTime) * 1000,
      maxTimeMs: Number(maxTime) * 1000,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
