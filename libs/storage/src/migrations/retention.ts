import type { ClickHouseClient } from '@clickhouse/client';
import { toStorageError } from '../client/storage.errors';
import type { RenderOptions } from './migration.renderer';

/**
 * Tables whose TTL follows the configuration, and the expression their TTL is measured on. The
 * analysis results follow the aggregate retention too, but by a delete (pruneAnalysisRuns).
 */
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

/**
 * The analysis results and the time each row is measured from: the run's end (its `started` row
 * carries its start there), which every row of a finished run shares (saveRun).
 */
const ANALYSIS_RESULTS: { table: string; column: string }[] = [
  { table: 'analysis_runs', column: 'finished_at' },
  { table: 'recommendations', column: 'created_at' },
  { table: 'recommendation_explanations', column: 'created_at' },
];

/** How far past the horizon the oldest run may get before a prune deletes: one delete a day. */
const PRUNE_SLACK_MS = 86_400_000;

/**
 * Deletes the analysis runs (their recommendations and explanations with them) that ended more
 * than FLEETSCOPE_AGGREGATE_RETENTION_DAYS ago, except the latest complete run, whatever its
 * age: GET /api/recommendations shows it, and a fleet whose analyses stopped (the analyzer down
 * for months) must still show its last advice. Each run stores the whole fleet's results again
 * (~4.7 M rows a day at 10,000 functions every 15 minutes), kept forever before this.
 *
 * The aggregate horizon because that is how long a past week can be rebuilt: its report takes
 * the first run that ended after the week (WeeklyReportsService), which ends after the week's
 * first day, whose aggregates expire first. Not a TTL: a TTL cannot spare the latest run, and a
 * reader that found no run at all would show an empty fleet. A lightweight DELETE only marks
 * rows (merges drop them), and runs once the oldest run is a day past the horizon, so at most
 * once a day. Called at start (openAndMigrate) and after each run stored complete
 * (AnalysisRunner), the only writer of these tables. Returns whether it deleted.
 */
export async function pruneAnalysisRuns(
  client: ClickHouseClient,
  options: Pick<RenderOptions, 'cluster' | 'aggregateRetentionDays'>,
  nowMs = Date.now(),
): Promise<boolean> {
  if (options.aggregateRetentionDays === 0) return false;
  const horizonMs = nowMs - options.aggregateRetentionDays * 86_400_000;
  try {
    const read = async <T>(query: string, params: Record<string, unknown>): Promise<T[]> =>
      (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<T>();
    const [latestRun] = await read<{ runId: string }>(
      `SELECT run_id AS runId FROM analysis_runs WHERE status = 'ok'
       ORDER BY finished_at DESC LIMIT 1`,
      {},
    );
    const latest = latestRun?.runId ?? '';
    const [others] = await read<{ oldestMs: number | string; runs: number | string }>(
      `SELECT toUnixTimestamp64Milli(min(finished_at)) AS oldestMs, count() AS runs
       FROM analysis_runs WHERE run_id != {latest:String}`,
      { latest },
    );
    if (Number(others?.runs ?? 0) === 0 || Number(others?.oldestMs) >= horizonMs - PRUNE_SLACK_MS)
      return false;
    const onCluster = options.cluster ? `ON CLUSTER '${options.cluster}'` : '';
    for (const { table, column } of ANALYSIS_RESULTS) {
      const name = options.cluster ? `${table}_local` : table;
      await client.command({
        query: `DELETE FROM ${name} ${onCluster}
                WHERE ${column} < fromUnixTimestamp64Milli({horizonMs:Int64})
                  AND run_id != {latest:String}`,
        query_params: { horizonMs, latest },
      });
    }
    return true;
  } catch (error) {
    throw toStorageError(error, 'deleting analysis runs past the aggregate retention');
  }
}
