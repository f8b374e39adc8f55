import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import type { ChdbExtension } from 'chdb/connection';

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];
import type { Config } from '@fleetscope/config';
import { claimPidFile, liveOtherHolder } from './pid-file';
import { QueryGate } from './query-lanes';
import {
  StorageError,
  StorageUnavailableError,
  describeError,
  toStorageError,
} from './storage.errors';

export type ClickHouseMode = 'embedded' | 'server';

export interface ClickHouseHandle {
  client: ClickHouseClient;
  mode: ClickHouseMode;
  database: string;
  /**
   * Embedded mode only: an insert whose body is already JSONCompactEachRow bytes, handed to the
   * engine as they are (see rawInserter()). A server takes the same bytes as an HTTP body
   * (execInserter()).
   */
  rawInsert?: RawInsert;
  /**
   * Embedded mode only: holds the background lane's queries (an analysis run's) back until the
   * returned release is called, for a request that reads with several queries one after another
   * (QueryGate.hold()). A server runs queries side by side and has nothing to hold.
   */
  holdBackgroundQueries?: () => () => void;
  close(): Promise<void>;
}

/** An insert of a body already in JSONCompactEachRow: one JSON array a row, a newline after each. */
export interface RawInsertParams {
  table: string;
  columns: readonly string[];
  body: Buffer;
  /** Settings of this insert only (its SETTINGS clause). */
  settings?: Record<string, number | string>;
}

export type RawInsert = (params: RawInsertParams) => Promise<void>;

type StorageConfig = Pick<
  Config,
  | 'clickhouseUrl'
  | 'clickhouseUser'
  | 'clickhousePassword'
  | 'clickhouseDatabase'
  | 'dataDir'
  | 'embeddedMemoryMb'
> &
  Partial<Pick<Config, 'clickhouseCluster'>>;

const MiB = 1024 * 1024;

/**
 * Server configuration of the embedded engine, as clickhouse-local arguments (they cannot be SET
 * later). Its memory tracker counts ClickHouse's own allocations, not the Node heap or the mapped
 * library, so the limit is the engine's share of the process: beyond it a query or insert fails
 * (MEMORY_LIMIT_EXCEEDED, retried by senders) instead of the process growing. Merges may use half;
 * the mark caches default to 5 GiB each and are held to 32 MiB; the caches of JIT-compiled
 * expressions (128 MiB by default) and of query conditions (100 MiB) fill as the views and the
 * dashboards' queries run and are held to 16 MiB each. Freed pages the allocator keeps (jemalloc's
 * dirty pages, returned after 5 s by default) are returned at once beyond ENGINE_DIRTY_PAGES_MB
 * (ClickHouse purges above a share of max_server_memory_usage, 0.2 by default). `configFile` is
 * the engine's configuration file (embeddedEngineConfig()). Docs: BENCHMARKS.md, "Engine memory"
 * and "Peak RSS under ingest overload".
 */
export function embeddedEngineArgs(memoryMb: number, configFile?: string): string[] {
  return [
    ...(configFile ? [`--config-file=${configFile}`] : []),
    `--max_server_memory_usage=${memoryMb * MiB}`,
    `--merges_mutations_memory_usage_soft_limit=${Math.floor(memoryMb / 2) * MiB}`,
    `--mark_cache_size=${32 * MiB}`,
    `--index_mark_cache_size=${32 * MiB}`,
    `--compiled_expression_cache_size=${16 * MiB}`,
    `--query_condition_cache_size=${16 * MiB}`,
    `--memory_worker_purge_dirty_pages_threshold_ratio=${Math.min(0.2, ENGINE_DIRTY_PAGES_MB / memoryMb)}`,
  ];
}

/** Freed engine pages kept for reuse beyond which they are returned to the system. */
export const ENGINE_DIRTY_PAGES_MB = 32;

/**
 * The embedded engine's configuration file: settings of every MergeTree table that only a
 * configuration file reaches (the `<merge_tree>` section; not a command-line argument). Merges
 * are vertical whatever their row count (131,072 rows by default): a horizontal merge reads every
 * column of every part at once, 1 MiB buffers per column stream per part, and a merge of 6–7 span
 * parts took ~200 MiB under ingest load; a vertical one merges the sorting key's columns, then
 * one other column at a time (~45 MiB). Tables of fewer than 11 columns keep horizontal merges.
 */
export function embeddedEngineConfig(): string {
  return [
    '<clickhouse>',
    '  <merge_tree>',
    '    <vertical_merge_algorithm_min_rows_to_activate>1</vertical_merge_algorithm_min_rows_to_activate>',
    '  </merge_tree>',
    '</clickhouse>',
    '',
  ].join('\n');
}

/** Where the engine's configuration file is written (into its data directory, at every start). */
const ENGINE_CONFIG_FILE = 'fleetscope-engine.xml';

/**
 * Session settings of the embedded engine: sorts and GROUP BYs larger than a quarter of its memory
 * spill to disk, and an INSERT … SELECT reaches the materialized views in blocks of 64 Ki rows (1 Mi
 * by default), whose aggregation would not fit otherwise. No JIT compilation of expressions,
 * aggregates or sort descriptions: the engine compiles one with LLVM, on the query's own time, on
 * its fourth run, so the fourth call of each dashboard route took 80–110 ms more than the others
 * (one call in ten, the p95 of bench:api), and the compiled reads of day and hour rows ran no
 * faster (BENCHMARKS.md, 2026-12-05). A daily analysis runs each query once, never compiled.
 */
function boundedSettings(memoryMb: number): string {
  const spill = Math.floor(memoryMb / 4) * MiB;
  return [
    `max_bytes_before_external_group_by = ${spill}`,
    `max_bytes_before_external_sort = ${spill}`,
    `max_insert_block_size = 65536`,
    `min_insert_block_size_rows = 65536`,
    `min_insert_block_size_bytes = ${16 * MiB}`,
    `compile_expressions = 0`,
    `compile_aggregate_expressions = 0`,
    `compile_sort_description = 0`,
  ].join(', ');
}

/**
 * Settings of every session, server or embedded. Every raw table is partitioned by day, and an
 * insert touching more than max_partitions_per_insert_block (100) partitions is refused by
 * default (TOO_MANY_PARTS, which reads as retryable): one sender's backfill of valid rows over more
 * than 100 days (FLEETSCOPE_RETENTION_DAYS=0 accepts every time since 2000), or a flush of several
 * senders, then failed every retry of the flush, and every sender of it stalled behind. The limit
 * stays a warning in the server's log instead.
 */
const SESSION_SETTINGS = { throw_on_max_partitions_per_insert_block: 0 } as const;

/**
 * The statement that creates the database on a server. In cluster mode it is created on every
 * host of the cluster (ON CLUSTER, as the migrations' DDL is): created only on the host
 * CLICKHOUSE_URL reaches, each later ON CLUSTER statement failed with UNKNOWN_DATABASE on the
 * other hosts of a fresh cluster.
 */
function createDatabaseStatement(database: string, cluster?: string): string {
  return `CREATE DATABASE IF NOT EXISTS ${database}${cluster ? ` ON CLUSTER '${cluster}'` : ''}`;
}

/** Which connection the configuration asks for: a server when CLICKHOUSE_URL is set. */
export function clickHouseMode(config: Pick<Config, 'clickhouseUrl'>): ClickHouseMode {
  return config.clickhouseUrl ? 'server' : 'embedded';
}

/**
 * The one place a ClickHouse client is made. Server mode uses the HTTP client; embedded mode runs
 * ClickHouse in-process through chDB at FLEETSCOPE_DATA_DIR (one data directory per process). The
 * database is created if missing and made the default, and the connection is pinged before the
 * handle is returned, so a bad URL or an unusable data directory fails at boot.
 */
export async function openClickHouse(config: StorageConfig): Promise<ClickHouseHandle> {
  const database = config.clickhouseDatabase;
  const mode = clickHouseMode(config);
  let client: ClickHouseClient;
  let engine: { close(): void } | undefined;
  let rawInsert: RawInsert | undefined;
  let holdBackgroundQueries: (() => () => void) | undefined;
  if (mode === 'server') {
    const bootstrap = createClient({
      url: config.clickhouseUrl,
      username: config.clickhouseUser,
      password: config.clickhousePassword,
      log: { level: ClickHouseLogLevel.OFF },
    });
    try {
      await ping(bootstrap, config.clickhouseUrl ?? '');
      await assertClickHouse(bootstrap, config.clickhouseUrl ?? '');
      await bootstrap.command({
        query: createDatabaseStatement(database, config.clickhouseCluster),
      });
    } catch (error) {
      throw toStorageError(error, `ClickHouse at ${config.clickhouseUrl}`);
    } finally {
      await bootstrap.close();
    }
    client = createClient({
      url: config.clickhouseUrl,
      username: config.clickhouseUser,
      password: config.clickhousePassword,
      database,
      // 64-bit integers as JSON numbers, as chDB returns them, so both modes read alike.
      // Every stored time is UTC; functions without an explicit zone must not follow the
      // server's (hour buckets in a +05:30 zone would start at :30).
      clickhouse_settings: {
        output_format_json_quote_64bit_integers: 0,
        session_timezone: 'UTC',
        ...SESSION_SETTINGS,
        // Reads filter Distributed tables by subqueries over Distributed tables (the source
        // choice's IN sets): each set is built once on the initiator and sent to the shards,
        // where the default ('deny') refuses such queries.
        ...(config.clickhouseCluster ? { distributed_product_mode: 'global' as const } : {}),
      },
    });
  } else {
    const path = resolve(config.dataDir);
    claimDataDir(path);
    // chdb is loaded lazily: server deployments never load its 540 MB native library.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createChdbConnection } = require('chdb/connection') as typeof import('chdb/connection');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Session } = require('chdb') as typeof import('chdb');
    const memoryMb = config.embeddedMemoryMb;
    try {
      mkdirSync(path, { recursive: true });
      const configFile = join(path, ENGINE_CONFIG_FILE);
      writeFileSync(configFile, embeddedEngineConfig());
      // The first connection to a data directory starts the process's one engine with its
      // arguments; the client's connection below shares that engine.
      engine = new Session(path, { connectionArgs: embeddedEngineArgs(memoryMb, configFile) });
      // chdb types its connection against @clickhouse/client-common's copy of the interfaces,
      // which @clickhouse/client re-declares; the shapes are the same at runtime.
      const chdbConnection = createChdbConnection({ path });
      const gate = new QueryGate();
      client = createClient({
        connection: gated(chdbConnection as unknown as NonNullable<ClientConnection>, gate),
      });
      const insert = rawInserter(chdbConnection.chdb);
      rawInsert = (params) => gate.run(() => insert(params));
      holdBackgroundQueries = () => gate.hold();
      // chDB keeps one session per connection and ignores the client's `database` option.
      await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
      await client.command({ query: `USE ${database}` });
      await client.command({ query: `SET session_timezone = 'UTC'` });
      await client.command({ query: `SET ${boundedSettings(memoryMb)}` });
      await client.command({
        query: `SET ${Object.entries(SESSION_SETTINGS)
          .map(([name, value]) => `${name} = ${value}`)
          .join(', ')}`,
      });
    } catch (error) {
      engine?.close();
      releaseDataDir(path);
      if (/Cannot lock file|Failed to create connection/i.test(describeError(error))) {
        throw new StorageUnavailableError(dataDirInUse(path), error);
      }
      throw new StorageUnavailableError(
        `Embedded ClickHouse at ${path} (FLEETSCOPE_DATA_DIR): ${describeError(error)}`,
        error,
      );
    }
  }
  await ping(client, mode === 'server' ? (config.clickhouseUrl ?? '') : 'embedded');
  let closed = false;
  return {
    client,
    mode,
    database,
    rawInsert,
    holdBackgroundQueries,
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      engine?.close();
      if (mode === 'embedded') releaseDataDir(resolve(config.dataDir));
    },
  };
}

/**
 * The embedded engine's connection with every statement through the gate (QueryGate); its other
 * members (chDB's serverTimezone, mapError…) as they are.
 */
function gated(connection: NonNullable<ClientConnection>, gate: QueryGate): ClientConnection {
  const statements = new Set<string | symbol>(['query', 'insert', 'command', 'exec']);
  // Each member's wrapper is made once, not at every access (every statement reads its method).
  const wrappers = new Map<string | symbol, { member: unknown; wrapper: unknown }>();
  return new Proxy(connection, {
    get(target, name) {
      const member = Reflect.get(target, name, target) as unknown;
      if (typeof member !== 'function') return member;
      const known = wrappers.get(name);
      if (known?.member === member) return known.wrapper;
      const bound = (member as (...args: unknown[]) => unknown).bind(target);
      const wrapper = statements.has(name)
        ? (...args: unknown[]) => gate.run(() => Promise.resolve(bound(...args)))
        : bound;
      wrappers.set(name, { member, wrapper });
      return wrapper;
    },
  });
}

/**
 * chDB's raw insert on the client's own connection (its session: the database, time zone and
 * memory settings set above apply). The body Buffer reaches the engine as it is: @clickhouse/client's
 * insert through chdb/connection would stringify every row, join them into one string and run
 * `INSERT … FORMAT …\n<body>` as one SQL string, copied again into the engine.
 */
function rawInserter(chdb: ChdbExtension): RawInsert {
  return async ({ table, columns, body, settings }) => {
    await chdb.rawInsert({ table, columns, values: body, format: 'JSONCompactEachRow', settings });
  };
}

/**
 * The same insert for a ClickHouse server: the statement goes as the query parameter and the body
 * as the HTTP request body (`client.exec` with values), as they are: `client.insert` would take
 * rows as values and encode each again. The settings go as the request's parameters, as
 * `client.insert` sends them (input format settings apply to the body then).
 */
export function execInserter(client: ClickHouseClient): RawInsert {
  return async ({ table, columns, body, settings }) => {
    const result = await client.exec({
      query: `INSERT INTO ${table} (${columns.join(', ')}) FORMAT JSONCompactEachRow`,
      values: Readable.from([body], { objectMode: false }),
      clickhouse_settings: settings,
    });
    // An insert answers with an empty body; reading it to the end frees the connection.
    result.stream.resume();
    await finished(result.stream);
    // A 200 from something else at CLICKHOUSE_URL (a proxy's error page) stored nothing: the rows
    // stay in the ingest log and are tried again. chDB's connection answers without headers.
    const headers = result.response_headers;
    if (Object.keys(headers).length > 0 && headers[CLICKHOUSE_SUMMARY] === undefined) {
      throw new StorageUnavailableError(
        `the insert into ${table} was answered without ${CLICKHOUSE_SUMMARY}: what answered is not ClickHouse, and the rows were not stored`,
      );
    }
  };
}

/** ClickHouse's HTTP interface sends this header with every answer, an insert's included. */
const CLICKHOUSE_SUMMARY = 'x-clickhouse-summary';

/**
 * Throws when what answers at `url` is not ClickHouse: any HTTP server answers a ping's GET /ping
 * with 200, and one answering every request with 200 (a proxy's page) took the migrations, the
 * health check and every insert, storing nothing. ClickHouse answers a SELECT with its result and
 * the X-ClickHouse-Summary header.
 */
async function assertClickHouse(client: ClickHouseClient, url: string): Promise<void> {
  const result = await client.query({
    query: 'SELECT version() AS version',
    format: 'JSONEachRow',
  });
  const text = await result.text();
  const version = /^\{"version":"(\d+\.[^"]*)"\}\s*$/.exec(text)?.[1];
  if (version === undefined || result.response_headers[CLICKHOUSE_SUMMARY] === undefined) {
    throw new StorageError(
      `CLICKHOUSE_URL ${url} is not a ClickHouse server's HTTP interface: SELECT version() was answered ${JSON.stringify(text.slice(0, 80))}${result.response_headers[CLICKHOUSE_SUMMARY] === undefined ? ` without ${CLICKHOUSE_SUMMARY}` : ''}`,
    );
  }
}

async function ping(client: ClickHouseClient, where: string): Promise<void> {
  const result = await client.ping();
  if (!result.success) {
    throw new StorageUnavailableError(
      `ClickHouse ${where} did not answer a ping: ${describeError(result.error)}`,
      result.error,
    );
  }
}

/** Who holds an embedded data directory: chDB locks it, but says so only in a native log line. */
const PID_FILE = 'fleetscope.pid';

function dataDirInUse(path: string, pid?: number): string {
  return (
    `FLEETSCOPE_DATA_DIR ${path} is in use by another process${pid ? ` (pid ${pid})` : ''}: embedded ClickHouse ` +
    `allows one process per data directory. Run the apps together with \`npm start\`, give each app ` +
    `CLICKHOUSE_URL (a ClickHouse server) to run them separately, or set another FLEETSCOPE_DATA_DIR` +
    (pid ? `; if no such process runs, delete ${join(path, PID_FILE)}` : '')
  );
}

/**
 * Throws when the configuration asks for embedded ClickHouse in a data directory another live
 * process has claimed: processes check this before they start anything (runProcess).
 */
export function assertDataDirFree(config: Pick<Config, 'clickhouseUrl' | 'dataDir'>): void {
  if (clickHouseMode(config) !== 'embedded') return;
  const path = resolve(config.dataDir);
  const holder = liveOtherHolder(join(path, PID_FILE));
  if (holder !== undefined) throw new StorageUnavailableError(dataDirInUse(path, holder));
}

/**
 * Refuses a data directory another live process has claimed, before chDB prints its own error,
 * and claims it for this one. A file left by a killed process (its pid gone) is taken over.
 */
function claimDataDir(path: string): void {
  assertDataDirFree({ clickhouseUrl: undefined, dataDir: path });
  mkdirSync(path, { recursive: true });
  claimPidFile(join(path, PID_FILE));
}

function releaseDataDir(path: string): void {
  const file = join(path, PID_FILE);
  try {
    if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
