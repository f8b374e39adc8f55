import type { ClickHouseClient } from '@clickhouse/client';
import { toStorageError } from '../client/storage.errors';
import type { RenderOptions } from './migration.renderer';

/** Tables whose TTL follows the configuration, and the expression their TTL is measured on. */
const RETENTION: { table: string; kind: 'raw' | 'aggregate'; column: string }[] = [
  { table: 'invocations', kind: 'raw', column: 'toDateTime(start_time)' },
  { table: 'spans', kind: 'raw', column: 'toDateTime(time)' },
  { table: 'logs', kind: 'raw', column: 'toDateTime(time)' },
  { table: 'metric_points', kind: 'raw', column: 'toDateTime(time)' },
  { table: 'function_minutes', kind: 'aggregate', column: 'minute' },
  { table: 'function_five_minutes', kind: 'aggregate', column: 'minute' },
  { table: 'function_hours', kind: 'aggregate', column: 'minute' },
  { table: 'function_hours_chosen', kind: 'aggregate', column: 'minute' },
  // A day longer than the hours it marks, so no chosen hour outlives its day's mark.
  { table: 'function_day_sources', kind: 'aggregate', column: 'day + INTERVAL 1 DAY' },
  // Likewise: a day row lasts as long as its last hour row.
  { table: 'function_days', kind: 'aggregate', column: 'day + INTERVAL 1 DAY' },
];

// The last interval of the TTL clause: function_day_sources' expression holds one of its own.
const CURRENT_TTL = /\bTTL\b[^\n]*toIntervalDay\((\d+)\)/;

/**
 * Brings each table's TTL in line with FLEETSCOPE_RETENTION_DAYS and
 * FLEETSCOPE_AGGREGATE_RETENTION_DAYS, so retention can change after the tables exist (the
 * migrations only set it at creation). Returns the tables it altered.
 */
export async function applyRetention(
  client: ClickHouseClient,
  options: RenderOptions,
): Promise<string[]> {
  const local = (table: string) => (options.cluster ? `${table}_local` : table);
  const onCluster = options.cluster ? `ON CLUSTER '${options.cluster}'` : '';
  const altered: string[] = [];
  try {
    const result = await client.query({
      query: `SELECT name, create_table_query FROM system.tables
              WHERE database = currentDatabase() AND name IN {names:Array(String)}`,
      query_params: { names: RETENTION.map((r) => local(r.table)) },
      format: 'JSONEachRow',
    });
    const current = new Map(
      (await result.json<{ name: string; create_table_query: string }>()).map((t) => [
        t.name,
        CURRENT_TTL.exec(t.create_table_query)?.[1],
      ]),
    );
    for (const { table, kind, column } of RETENTION) {
      const name = local(table);
      if (!current.has(name)) continue;
      const days = kind === 'raw' ? options.rawRetentionDays : options.aggregateRetentionDays;
      const now = current.get(name);
      if (days > 0 && now !== String(days)) {
        await client.command({
          query: `ALTER TABLE ${name} ${onCluster} MODIFY TTL ${column} + INTERVAL ${days} DAY`,
        });
        altered.push(name);
      } else if (days === 0 && now !== undefined) {
        await client.command({ query: `ALTER TABLE ${name} ${onCluster} REMOVE TTL` });
        altered.push(name);
      }
    }
    return altered;
  } catch (error) {
    throw toStorageError(error, 'applying retention');
  }
}
