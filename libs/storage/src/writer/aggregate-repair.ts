import type { ClickHouseClient } from '@clickhouse/client';
import { toStorageError } from '../client/storage.errors';
import {
  chosenHoursParams,
  chosenRowsOfHours,
  functionsWithChoice,
} from '../repositories/minute-source.sql';
import type { FlushWindow } from './flush-journal';

export interface RepairOptions {
  /** FLEETSCOPE_CLICKHOUSE_CLUSTER: rows live in NAME_local on every shard. */
  cluster?: string;
}

/** The materialized views whose SELECTs the repair and the source choice replay (migrations/). */
const VIEWS = {
  minutes: { view: 'function_minutes_from_invocations_mv', source: 'invocations' },
  fiveMinutes: { view: 'function_five_minutes_from_minutes_mv', source: 'function_minutes' },
  hours: { view: 'function_hours_from_minutes_mv', source: 'function_minutes' },
  days: { view: 'function_days_from_hours_mv', source: 'function_hours' },
} as const;

export type ReplayedView = keyof typeof VIEWS;

/**
 * The name a view's definition is found under, and the table its SELECT reads. With a cluster the
 * view keeps its own name (migrations create it ON CLUSTER, on every shard) and reads the shard's
 * table, NAME_local.
 */
export function replayedView(
  name: ReplayedView,
  cluster?: string,
): { view: string; source: string } {
  const { view, source } = VIEWS[name];
  return { view, source: cluster ? `${source}_local` : source };
}

/**
 * Rebuilds the aggregate of a window from the raw rows: the per-minute rows of the window's
 * invocation sources from `invocations`, then every five-minute and hourly row of the window from
 * the minutes, then the day rows of the window's days from the hours. The rows are recomputed with the materialized views' own SELECTs (read from
 * system.tables), so the rule that turns invocations into minute rows stays written once, in
 * migrations/. Minute rows of
 * other sources (scrapes write function_minutes directly) are kept; no invocation record carries
 * their sources.
 */
export async function repairAggregates(
  client: ClickHouseClient,
  window: FlushWindow,
  options: RepairOptions = {},
): Promise<void> {
  if (window.functionIds.length === 0 || window.hours.length === 0) return;
  const local = (table: string) => (options.cluster ? `${table}_local` : table);
  const onCluster = options.cluster ? `ON CLUSTER '${options.cluster}'` : '';
  const DAY_S = 86_400;
  const params = {
    f: window.functionIds,
    h: window.hours,
    s: window.sources,
    d: [...new Set(window.hours.map((h) => Math.floor(h / DAY_S) * DAY_S))],
  };
  const run = async (query: string) => {
    try {
      await client.command({ query, query_params: params });
    } catch (error) {
      throw toStorageError(error, 'repairing the aggregate after an unclean stop');
    }
  };
  // Each delete waits for its mutation on every replica before the rows are inserted again. The
  // setting is the statement's own: chDB turns a query's clickhouse_settings into session-wide SETs.
  const waited = 'SETTINGS mutations_sync = 2';
  // A window rebuilt twice (a stop during a repair) inserts the same rows again after its delete:
  // not a repeat to drop, though the tables deduplicate inserts (migrations 0026 and 0027).
  const rebuilt = 'SETTINGS insert_deduplicate = 0';
  const inWindow = `function_id IN {f:Array(String)} AND toStartOfHour(minute) IN {h:Array(DateTime)}`;
  if (window.sources.length > 0) {
    const minutesSelect = await viewSelect(
      client,
      replayedView('minutes', options.cluster),
      // Each invocation once, as the views counted it: a retry whose first insert committed
      // without answering leaves its raw rows twice (docs/ingest-log.md).
      `SELECT * FROM invocations WHERE function_id IN {f:Array(String)}
         AND toStartOfHour(start_time) IN {h:Array(DateTime)} AND source IN {s:Array(String)}
         LIMIT 1 BY function_id, source, request_id`,
    );
    await run(
      `ALTER TABLE ${local('function_minutes')} ${onCluster} DELETE WHERE ${inWindow} AND source IN {s:Array(String)} ${waited}`,
    );
    // Feeds the coarser tables through their views too; those rows are rebuilt whole just below.
    await run(`INSERT INTO function_minutes ${rebuilt} ${minutesSelect}`);
  }
  // Coarser resolutions are rebuilt whole from the (now complete) minute rows of the window.
  for (const [table, view] of [
    ['function_five_minutes', 'fiveMinutes'],
    ['function_hours', 'hours'],
  ] as const) {
    const select = await viewSelect(
      client,
      replayedView(view, options.cluster),
      `SELECT * FROM function_minutes WHERE ${inWindow}`,
    );
    await run(`ALTER TABLE ${local(table)} ${onCluster} DELETE WHERE ${inWindow} ${waited}`);
    await run(`INSERT INTO ${table} ${rebuilt} ${select}`);
  }
  // Last: every insert above also fed function_days through the views. A day is rebuilt whole
  // from its hour rows, now complete, including the hours outside the window.
  const inDays = `function_id IN {f:Array(String)} AND toStartOfDay(minute) IN {d:Array(DateTime)}`;
  const days = await viewSelect(
    client,
    replayedView('days', options.cluster),
    `SELECT * FROM function_hours WHERE ${inDays}`,
  );
  await run(
    `ALTER TABLE ${local('function_days')} ${onCluster} DELETE WHERE function_id IN {f:Array(String)} AND day IN {d:Array(DateTime)} ${waited}`,
  );
  await run(`INSERT INTO function_days ${rebuilt} ${days}`);
  await rebuildChosenHours(client, window, options);
}

/**
 * Makes the per-minute source choice of a window's function-hours at write time: rebuilds their
 * rows in function_hours_chosen from the minute rows (only function-days with several sources
 * have any), so range reads sum stored rows (see rowsForRange). The writer runs it after each
 * flush, before the flush is acknowledged or its journal entry cleared.
 */
export async function rebuildChosenHours(
  client: ClickHouseClient,
  window: Pick<FlushWindow, 'functionIds' | 'hours'>,
  options: RepairOptions = {},
): Promise<void> {
  if (window.functionIds.length === 0 || window.hours.length === 0) return;
  // Most flushes write functions with one source: one small read of function_day_sources says so.
  let functionIds: string[];
  try {
    const result = await client.query({
      query: functionsWithChoice(),
      query_params: chosenHoursParams(window.functionIds, window.hours),
      format: 'JSONCompactEachRow',
    });
    functionIds = (await result.json<[string]>()).map(([id]) => id);
  } catch (error) {
    throw toStorageError(error, 'choosing the source of the aggregate');
  }
  if (functionIds.length === 0) return;
  // The hour rollup is function_hours' own view SELECT, so it stays written once, in migrations/.
  const hourRows = await viewSelect(
    client,
    replayedView('hours', options.cluster),
    chosenRowsOfHours(),
  );
  try {
    await client.command({
      // rev: when the minute rows were read; a read takes each hour's newest.
      query: `INSERT INTO function_hours_chosen
              SELECT *, toUnixTimestamp64Micro(now64(6)) AS rev FROM (${hourRows})`,
      query_params: chosenHoursParams(functionIds, window.hours),
    });
  } catch (error) {
    throw toStorageError(error, 'choosing the source of the aggregate');
  }
}

/**
 * A materialized view's SELECT with its source table replaced by `rows` (a subquery over the
 * plain, queryable table name).
 */
async function viewSelect(
  client: ClickHouseClient,
  { view, source: sourceTable }: { view: string; source: string },
  rows: string,
): Promise<string> {
  const known = viewSelects.get(client)?.get(view);
  if (known) return known.replace(sourceFrom(sourceTable), () => `FROM (${rows})`);
  let select: string | undefined;
  try {
    const result = await client.query({
      query: `SELECT as_select FROM system.tables WHERE database = currentDatabase() AND name = {view:String}`,
      query_params: { view },
      format: 'JSONEachRow',
    });
    [{ as_select: select } = { as_select: undefined }] = await result.json<{ as_select: string }>();
  } catch (error) {
    throw toStorageError(error, `reading the definition of ${view}`);
  }
  const from = sourceFrom(sourceTable);
  if (!select || !from.test(select)) {
    throw new Error(`${view}: no SELECT … FROM ${sourceTable} in its definition`);
  }
  // A view's definition changes only with a migration, which runs before anything reads it here.
  const cache = viewSelects.get(client) ?? new Map<string, string>();
  viewSelects.set(client, cache.set(view, select));
  return select.replace(from, () => `FROM (${rows})`);
}

const viewSelects = new WeakMap<ClickHouseClient, Map<string, string>>();

function sourceFrom(sourceTable: string): RegExp {
  return new RegExp(`\\bFROM\\s+(?:\`?\\w+\`?\\.)?\`?${sourceTable}\`?(?=\\s|$)`);
}
