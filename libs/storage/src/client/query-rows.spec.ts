import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import { openClickHouse, type ClickHouseHandle } from './clickhouse-client.factory';
import { queryCompactRows } from './query-rows';

describe(queryCompactRows.name, () => {
  let config: Config;
  let handle: ClickHouseHandle;

  beforeAll(async () => {
    config = loadConfig({
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-compact-')),
      CLICKHOUSE_DATABASE: `compact_${process.pid}`,
      CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
    });
    handle = await openClickHouse(config);
  });

  afterAll(async () => {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  const query = `SELECT number AS n, toString(number) AS s, [number, 2] AS a FROM numbers({count:UInt8})`;

  it('returns each row as an array of its columns, in the SELECT order', async () => {
    const rows = await queryCompactRows<[number, string, number[]]>(
      handle.client,
      query,
      { count: 2 },
      ['n', 's', 'a'],
      'reading numbers',
    );
    expect(rows).toEqual([
      [0, '0', [0, 2]],
      [1, '1', [1, 2]],
    ]);
  });

  it('refuses an answer whose columns are not the ones its reader takes by position', async () => {
    await expect(
      queryCompactRows(handle.client, query, { count: 1 }, ['n', 'a', 's'], 'reading numbers'),
    ).rejects.toThrow(
      'reading numbers: the query returns the columns n, s, a; its reader expects n, a, s',
    );
    await expect(
      queryCompactRows(handle.client, query, { count: 1 }, ['n', 's'], 'reading numbers'),
    ).rejects.toThrow('its reader expects n, s');
  });
});
