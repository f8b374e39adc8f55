import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { MigrationError, describeError, toStorageError } from '../client/storage.errors';
import { renderMigration, splitStatements, type RenderOptions } from './migration.renderer';

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const LEDGER = 'schema_migrations';

/** Reads `NNNN_name.sql` files in order; anything else in the folder is an error, not ignored. */
export function readMigrations(directory: string): MigrationFile[] {
  const files = readdirSync(directory)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match) {
      throw new MigrationError(file, 'file name must look like 0001_description.sql');
    }
    const version = Number(match[1]);
    if (seen.has(version)) throw new MigrationError(file, `version ${version} is used twice`);
    seen.add(version);
    const sql = readFileSync(join(directory, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex').slice(0, 16);
    return { version, name: match[2], file, sql, checksum };
  });
}

/**
 * Applies pending migrations in order and records each in `schema_migrations` only after all its
 * statements succeeded. Statements must be idempotent (IF NOT EXISTS), so a file that failed half
 * way is simply applied again on the next run. Re-running changes nothing.
 */
export class MigrationRunner {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly options: RenderOptions,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async run(migrations: MigrationFile[]): Promise<MigrationReport> {
    await this.ensureLedger();
    const applied = await this.appliedVersions();
    const report: MigrationReport = { applied: [], skipped: [] };
    for (const migration of migrations) {
      const previous = applied.get(migration.version);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          this.log(`${migration.file} changed after it was applied; it is not applied again`);
        }
        report.skipped.push(migration.file);
        continue;
      }
      await this.apply(migration);
      report.applied.push(migration.file);
      this.log(`applied ${migration.file}`);
    }
    return report;
  }

  render(migration: MigrationFile): string[] {
    try {
      return splitStatements(renderMigration(migration.sql, this.options));
    } catch (error) {
      throw new MigrationError(migration.file, describeError(error), error);
    }
  }

  private async apply(migration: MigrationFile): Promise<void> {
    for (const statement of this.render(migration)) {
      try {
        await this.client.command({ query: statement });
      } catch (error) {
        throw new MigrationError(migration.file, describeError(error), error);
      }
    }
    await this.client.insert({
      table: LEDGER,
      values: [{ version: migration.version, name: migration.name, checksum: migration.checksum }],
      format: 'JSONEachRow',
    });
  }

  private async ensureLedger(): Promise<void> {
    const onCluster = this.options.cluster ? `ON CLUSTER '${this.options.cluster}'` : '';
    const engine = this.options.cluster
      ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', applied_at)`
      : 'ReplacingMergeTree(applied_at)';
    try {
      await this.client.command({
        query: `CREATE TABLE IF NOT EXISTS ${LEDGER} ${onCluster} (
          version UInt32, name String, checksum String, applied_at DateTime64(3) DEFAULT now64(3)
        ) ENGINE = ${engine} ORDER BY version`,
      });
    } catch (error) {
      throw toStorageError(error, 'creating schema_migrations');
    }
  }

  private async appliedVersions(): Promise<Map<number, string>> {
    try {
      const result = await this.client.query({
        query: `SELECT version, argMax(checksum, applied_at) AS checksum FROM ${LEDGER} GROUP BY version`,
        format: 'JSONEachRow',
      });
      const rows = await result.json<{ version: number; checksum: string }>();
      return new Map(rows.map((r) => [Number(r.version), r.checksum]));
    } catch (error) {
      throw toStorageError(error, 'reading schema_migrations');
    }
  }
}
