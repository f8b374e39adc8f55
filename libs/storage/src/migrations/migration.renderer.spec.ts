import { readMigrations } from './migration.runner';
import { MIGRATIONS_DIR } from './migrations.path';
import { MigrationRenderError, renderMigration, splitStatements } from './migration.renderer';

const single = { database: 'fleetscope', rawRetentionDays: 30, aggregateRetentionDays: 400 };
const cluster = { ...single, cluster: 'fleet' };

function statements(options: typeof single & { cluster?: string }): string[] {
  return readMigrations(MIGRATIONS_DIR).flatMap((m) =>
    splitStatements(renderMigration(m.sql, options)),
  );
}

describe(renderMigration.name, () => {
  it('renders plain MergeTree tables with TTLs and no cluster clauses for a single server', () => {
    const sql = statements(single).join('\n');
    expect(sql).not.toMatch(/ON CLUSTER|Replicated|Distributed|_local|\{\{/);
    expect(sql).toContain('TTL toDateTime(start_time) + INTERVAL 30 DAY');
    expect(sql).toContain('TTL minute + INTERVAL 400 DAY');
  });

  it('drops the TTL clause when retention is 0', () => {
    const sql = statements({ ...single, rawRetentionDays: 0 }).join('\n');
    expect(sql).not.toContain('TTL toDateTime(start_time)');
  });

  it('renders Replicated local tables, Distributed fronts and ON CLUSTER from the same files', () => {
    const all = statements(cluster);
    const creates = all.filter((s) => /^CREATE (TABLE|MATERIALIZED VIEW)/.test(s));
    for (const statement of creates) expect(statement).toContain("ON CLUSTER 'fleet'");

    const localTables = creates.filter((s) => /^CREATE TABLE IF NOT EXISTS \w+_local /.test(s));
    expect(localTables.length).toBeGreaterThanOrEqual(8);
    for (const statement of localTables) {
      expect(statement).toMatch(
        /ENGINE = Replicated\w*MergeTree\('\/clickhouse\/tables\/\{shard\}\/\{database\}\/\{table\}', '\{replica\}'/,
      );
    }
    const distributed = all.filter((s) => s.includes('ENGINE = Distributed'));
    expect(distributed).toContain(
      "CREATE TABLE IF NOT EXISTS invocations ON CLUSTER 'fleet' AS invocations_local ENGINE = Distributed('fleet', 'fleetscope', 'invocations_local', rand())",
    );
    expect(distributed).toHaveLength(localTables.length);
    // Views aggregate each shard's own rows into that shard's local aggregate.
    const minuteView = all.find((s) => s.includes('function_minutes_from_invocations_mv'))!;
    expect(minuteView).toContain('TO function_minutes_local');
    expect(minuteView).toContain('FROM invocations_local');
    expect(all.find((s) => s.includes('function_hours_from_minutes_mv'))).toContain(
      'FROM function_minutes_local',
    );
  });

  it('keeps the replacing version column when replicating', () => {
    const sql = renderMigration('ENGINE = {{engine:ReplacingMergeTree(updated_at)}}', cluster);
    expect(sql).toBe(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', updated_at)",
    );
  });

  it('rejects unknown placeholders instead of passing them to ClickHouse', () => {
    expect(() => renderMigration('{{nope:x}}', single)).toThrow(MigrationRenderError);
    expect(() => renderMigration('{{ttl:weekly:time}}', single)).toThrow(/ttl:raw\|aggregate/);
  });
});

describe(splitStatements.name, () => {
  it('splits at semicolons ending a line and ignores comment lines', () => {
    expect(splitStatements("-- a comment; here\nSELECT 'a;b';\n\nSELECT 2;\n;\n")).toEqual([
      "SELECT 'a;b'",
      'SELECT 2',
    ]);
  });
});
