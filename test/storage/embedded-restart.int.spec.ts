import { rmSync } from 'node:fs';
import {
  MIGRATIONS_DIR,
  readMigrations,
  openAndMigrate,
  openClickHouse,
  clickHouseMode,
  StorageUnavailableError,
} from '@fleetscope/storage';
import { testConfig } from '../support/test-clickhouse';

describe('embedded ClickHouse', () => {
  const config = testConfig();

  afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

  it('keeps data and schema across a close and a reopen of the same data directory', async () => {
    const first = await openAndMigrate(config);
    expect(first.mode).toBe('embedded');
    await first.client.insert({
      table: 'function_configs',
      values: [{ function_id: 'f', source: 'manual', memory_mb: 512 }],
      format: 'JSONEachRow',
    });
    await first.close();

    const second = await openAndMigrate(config);
    const result = await second.client.query({
      query: 'SELECT memory_mb FROM function_configs WHERE function_id = {id:String}',
      query_params: { id: 'f' },
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ memory_mb: 512 }]);
    const ledger = await second.client.query({
      query: 'SELECT count() AS n FROM schema_migrations',
      format: 'JSONEachRow',
    });
    // One ledger row per migration file: the reopen applied nothing again.
    expect(await ledger.json()).toEqual([{ n: readMigrations(MIGRATIONS_DIR).length }]);
    await second.close();
  });
});

describe(clickHouseMode.name, () => {
  it('picks the HTTP client when CLICKHOUSE_URL is set and embedded otherwise', () => {
    expect(clickHouseMode({ clickhouseUrl: 'http://clickhouse:8123' })).toBe('server');
    expect(clickHouseMode({ clickhouseUrl: undefined })).toBe('embedded');
  });

  it('fails with a typed error naming the URL when the server cannot be reached', async () => {
    const config = testConfig({ CLICKHOUSE_URL: 'http://127.0.0.1:1' });
    const error = await openClickHouse(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toContain('http://127.0.0.1:1');
    rmSync(config.dataDir, { recursive: true, force: true });
  });
});

describe('retention', () => {
  it('follows FLEETSCOPE_RETENTION_DAYS when it changes after the tables exist', async () => {
    const config = testConfig();
    const ttlOf = async (handle: Awaited<ReturnType<typeof openAndMigrate>>, table: string) => {
      const result = await handle.client.query({
        query:
          'SELECT create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name = {t:String}',
        query_params: { t: table },
        format: 'JSONEachRow',
      });
      return /TTL[^\n]*?toIntervalDay\((\d+)\)/.exec(
        (await result.json<{ q: string }>())[0].q,
      )?.[1];
    };
    let handle = await openAndMigrate(config);
    expect(await ttlOf(handle, 'invocations')).toBe('30');
    await handle.close();

    handle = await openAndMigrate({ ...config, rawRetentionDays: 7, aggregateRetentionDays: 0 });
    expect(await ttlOf(handle, 'invocations')).toBe('7');
    expect(await ttlOf(handle, 'spans')).toBe('7');
    expect(await ttlOf(handle, 'function_minutes')).toBeUndefined();
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });
});
