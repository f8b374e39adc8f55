import { rmSync } from 'node:fs';
import {
  MIGRATIONS_DIR,
  MigrationRunner,
  openClickHouse,
  readMigrations,
  type ClickHouseHandle,
} from '@fleetscope/storage';
import { testConfig } from '../support/test-clickhouse';

const ID = 'gcp_cloud_functions~shop-prod~us-central1~resize';
const DAY_MS = 86_400_000;
/** 10:00 two UTC days ago: inside every TTL. */
const MINUTE = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS + 10 * 3_600_000;
const RESOLUTIONS = [
  'function_minutes',
  'function_five_minutes',
  'function_hours',
  'function_days',
];

/**
 * Migration 0029 over a store that already holds aggregate rows: what it adds to each resolution
 * and to the views that feed them, and what rows aggregated before it read.
 */
describe('migration 0029 (unknown_starts)', () => {
  const config = testConfig();
  let handle: ClickHouseHandle;
  const options = {
    database: config.clickhouseDatabase,
    rawRetentionDays: 30,
    aggregateRetentionDays: 400,
  };

  const query = async <T>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> => {
    const result = await handle.client.query({
      query: sql,
      query_params: params,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    return result.json<T>();
  };

  /** One span invocation record of unknown start (cold_start -1), `i` seconds into MINUTE. */
  const insertUnknown = (i: number) =>
    handle.client.command({
      query: `INSERT INTO invocations (function_id, source, start_time, request_id, platform,
                duration_us, cold_start, status)
              VALUES ({id:String}, 'otel_span', fromUnixTimestamp64Milli({t:Int64}),
                {r:String}, 'gcp_cloud_functions', 100000, -1, 'success')`,
      query_params: { id: ID, t: MINUTE + i * 1000, r: `request-${i}` },
    });

  beforeAll(async () => {
    handle = await openClickHouse(config);
    const all = readMigrations(MIGRATIONS_DIR);
    await new MigrationRunner(handle.client, options).run(all.filter((m) => m.version < 29));
    await insertUnknown(0);
    await new MigrationRunner(handle.client, options).run(all);
    await insertUnknown(1);
  });

  afterAll(async () => {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  it.each(RESOLUTIONS)(
    '%s counts the invocations of unknown start aggregated after it, and 0 for those before',
    async (table) => {
      expect(
        await query(
          `SELECT toUInt64(sum(invocations)) AS invocations, toUInt64(sum(unknown_starts)) AS unknown
           FROM ${table} WHERE function_id = {id:String}`,
          { id: ID },
        ),
      ).toEqual([{ invocations: 2, unknown: 1 }]);
    },
  );

  it('adds the column last, before function_hours_chosen’s rev, which its writer appends', async () => {
    for (const table of [...RESOLUTIONS, 'function_hours_chosen']) {
      const columns = await query<{ name: string }>(
        `SELECT name FROM system.columns
         WHERE database = currentDatabase() AND table = {table:String} ORDER BY position`,
        { table },
      );
      const last = columns.map((c) => c.name).slice(-2);
      expect([table, last]).toEqual([
        table,
        table === 'function_hours_chosen'
          ? ['unknown_starts', 'rev']
          : ['memory_buckets', 'unknown_starts'],
      ]);
    }
  });

  it('reads the new column through the time-ordered projection of the minute rows', async () => {
    // force_optimize_projection: an error, not a silent read of the table, if it cannot.
    const rows = await query(
      `SELECT toUInt64(sum(unknown_starts)) AS unknown FROM function_minutes
       WHERE minute >= fromUnixTimestamp({from:UInt32}) AND minute < fromUnixTimestamp({to:UInt32})
       SETTINGS force_optimize_projection = 1`,
      { from: MINUTE / 1000, to: MINUTE / 1000 + 60 },
    );
    expect(rows).toEqual([{ unknown: 1 }]);
  });
});
