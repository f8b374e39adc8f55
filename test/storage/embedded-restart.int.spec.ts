import { rmSync } from 'node:fs';
import { openAndMigrate, openClickHouse, clickHouseMode, StorageUnavailableError } from '@fleetscope/storage';
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
    const ledger = await second.client.query({ query: 'SELECT count() AS n FROM schema_migrations', format: 'JSONEachRow' });
    expect(await ledger.json()).toEqual([{ n: 1 }]);
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
