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
  const row = [
    ['n', 'number'],
    ['s', 'string'],
    ['a', 'numbers'],
  ] as const;

  it('returns each row as an array of its columns, in the SELECT order', async () => {
    const rows = await queryCompactRows(handle.client, query, { count: 2 }, row, 'reading numbers');
    expect(rows).toEqual([
      [0, '0', [0, 2]],
      [1, '1', [1, 2]],
    ]);
  });

  it('types each row by its declared columns, so a read of the wrong kind does not compile', async () => {
    const [[n, s, a]] = await queryCompactRows(
      handle.client,
      query,
      { count: 1 },
      row,
      'reading numbers',
    );
    const typed: [number, string, number[]] = [n, s, a];
    // @ts-expect-error column s is declared a string: reading it as a number is a type error
    const wrong: number = s;
    expect([typed, wrong]).toEqual([[0, '0', [0, 2]], '0']);
  });

  it('refuses an answer whose columns are not the ones its reader takes by position', async () => {
    await expect(
      queryCompactRows(
        handle.client,
        query,
        { count: 1 },
        [
          ['n', 'number'],
          ['a', 'numbers'],
          ['s', 'string'],
        ],
        'reading numbers',
      ),
    ).rejects.toThrow(
      'reading numbers: the query returns the columns n, s, a; its reader expects n, a, s',
    );
    await expect(
      queryCompactRows(
        handle.client,
        query,
        { count: 1 },
        [
          ['n', 'number'],
          ['s', 'string'],
        ],
        'reading numbers',
      ),
    ).rejects.toThrow('its reader expects n, s');
  });
});
