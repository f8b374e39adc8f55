import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import { openAndMigrate, type ClickHouseHandle } from '@fleetscope/storage';

/**
 * A real embedded ClickHouse for one test file: its own data directory (chDB allows one per
 * process at a time, and jest runs files of a worker one after another), removed afterwards.
 * With CLICKHOUSE_URL set, the same tests run against that server in a database of their own.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-test-'));
  const database = `fleetscope_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return loadConfig({
    FLEETSCOPE_DATA_DIR: dataDir,
    CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
    CLICKHOUSE_DATABASE: database,
    FLEETSCOPE_FLUSH_INTERVAL_MS: '20',
    ...overrides,
  });
}

export async function openTestClickHouse(config = testConfig()): Promise<{
  handle: ClickHouseHandle;
  config: Config;
  cleanup: () => Promise<void>;
}> {
  const handle = await openAndMigrate(config);
  return {
    handle,
    config,
    cleanup: async () => {
      await handle.close();
      if (!config.clickhouseUrl) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
