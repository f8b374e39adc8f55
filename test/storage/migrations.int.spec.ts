import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MIGRATIONS_DIR,
  MigrationError,
  MigrationRunner,
  openClickHouse,
  readMigrations,
  replayedView,
  type ClickHouseHandle,
} from '@fleetscope/storage';
import { testConfig } from '../support/test-clickhouse';

describe(MigrationRunner.name, () => {
  const config = testConfig();
  let handle: ClickHouseHandle;
  const options = {
    database: config.clickhouseDatabase,
    rawRetentionDays: 30,
    aggregateRetentionDays: 400,
  };

  beforeAll(async () => {
    handle = await openClickHouse(config);
  });

  afterAll(async () => {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  async function schema(): Promise<string[]> {
    const result = await handle.client.query({
      query: `SELECT name, create_table_query FROM system.tables WHERE database = {db:String} ORDER BY name`,
      query_params: { db: handle.database },
      format: 'JSONEachRow',
    });
    return (await result.json<{ name: string; create_table_query: string }>()).map(
      (t) => `${t.name}: ${t.create_table_query}`,
    );
  }

  async function ledger(): Promise<{ version: number; name: string }[]> {
    const result = await handle.client.query({
      query: 'SELECT version, name FROM schema_migrations FINAL ORDER BY version',
      format: 'JSONEachRow',
    });
    return result.json();
  }

  it('applies the migrations once and changes nothing when run again', async () => {
    const runner = new MigrationRunner(handle.client, options);
    const first = await runner.run(readMigrations(MIGRATIONS_DIR));
    expect(first.applied).toContain('0001_initial.sql');
    const before = await schema();
    const ledgerBefore = await ledger();

    const second = await runner.run(readMigrations(MIGRATIONS_DIR));
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(first.applied);
    expect(await schema()).toEqual(before);
    expect(await ledger()).toEqual(ledgerBefore);
    expect(before.map((t) => t.split(':')[0])).toEqual(
      expect.arrayContaining([
        'invocations',
        'spans',
        'logs',
        'metric_points',
        'function_minutes',
        'function_hours',
        'function_configs',
      ]),
    );
  });

  it('reports a broken migration with its file name and the server message, and does not record it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetscope-migrations-'));
    for (const m of readMigrations(MIGRATIONS_DIR))
      copyFileSync(join(MIGRATIONS_DIR, m.file), join(dir, m.file));
    writeFileSync(
      join(dir, '0900_broken.sql'),
      'CREATE TABLE IF NOT EXISTS ok_before_failure (a UInt8) ENGINE = MergeTree ORDER BY a;\nCREATE TABLE broken (a NoSuchType) ENGINE = MergeTree ORDER BY a;\n',
    );
    const runner = new MigrationRunner(handle.client, options);
    const failure = await runner.run(readMigrations(dir)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).file).toBe('0900_broken.sql');
    expect((failure as MigrationError).message).toMatch(/0900_broken\.sql failed: .*NoSuchType/);
    expect((await ledger()).map((r) => r.version)).not.toContain(900);

    // Fixed, it applies on the next run, and its first statement being repeated is harmless.
    writeFileSync(
      join(dir, '0900_broken.sql'),
      'CREATE TABLE IF NOT EXISTS ok_before_failure (a UInt8) ENGINE = MergeTree ORDER BY a;\n',
    );
    const report = await runner.run(readMigrations(dir));
    expect(report.applied).toEqual(['0900_broken.sql']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file whose name does not follow NNNN_name.sql', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetscope-migrations-'));
    writeFileSync(join(dir, 'initial.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/initial\.sql.*0001_description\.sql/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('cluster DDL', () => {
  const config = testConfig();
  let handle: ClickHouseHandle;

  beforeAll(async () => {
    handle = await openClickHouse(config);
  });

  afterAll(async () => {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  /** Every migration rendered for a cluster named `fleet`. */
  const clusterStatements = (): string[] => {
    const runner = new MigrationRunner(handle.client, {
      cluster: 'fleet',
      database: 'fleetscope',
      rawRetentionDays: 30,
      aggregateRetentionDays: 400,
    });
    return readMigrations(MIGRATIONS_DIR).flatMap((m) => runner.render(m));
  };

  it('parses in ClickHouse: every rendered cluster statement is valid SQL', async () => {
    const statements = clusterStatements();
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) {
      // EXPLAIN AST parses without executing (there is no cluster here to run it on).
      await expect(
        handle.client.query({ query: `EXPLAIN AST ${statement}`, format: 'TabSeparated' }),
      ).resolves.toBeDefined();
    }
  });

  it('names the views the aggregate repair replays as the cluster DDL creates them', () => {
    const statements = clusterStatements();
    for (const name of ['minutes', 'fiveMinutes', 'hours', 'days'] as const) {
      const { view, source } = replayedView(name, 'fleet');
      const created = statements.find((s) =>
        new RegExp(`^CREATE MATERIALIZED VIEW IF NOT EXISTS ${view}\\b`).test(s.trim()),
      );
      expect({ name, created: created !== undefined }).toEqual({ name, created: true });
      expect(created).toMatch(new RegExp(`\\bFROM\\s+${source}\\b`));
    }
  });
});
