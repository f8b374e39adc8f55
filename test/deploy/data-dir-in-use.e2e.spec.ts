import { openTestClickHouse } from '../support/test-clickhouse';
import { spawnFleetscope } from '../support/fleetscope-process';

/**
 * A second process on an embedded data directory in use (issue 15, item 12): one line that says
 * so and what to do, instead of chDB's lock error and a stack trace.
 */
describe('a second process on an embedded data directory in use', () => {
  it.each([
    ['npm run migrate', 'libs/storage/src/migrations/migrate.cli.ts'],
    ['npm run start:analyzer', 'apps/analyzer/src/main.ts'],
  ])(
    '%s exits 1 with one line naming the directory, the holder and CLICKHOUSE_URL',
    async (_, main) => {
      const held = await openTestClickHouse();
      try {
        const second = spawnFleetscope(['-r', '@swc-node/register', main], {
          FLEETSCOPE_DATA_DIR: held.config.dataDir,
          CLICKHOUSE_DATABASE: held.config.clickhouseDatabase,
          CLICKHOUSE_URL: '',
          FLEETSCOPE_LOG_LEVEL: 'error',
        });
        expect(await second.exited).toBe(1);
        const lines = second.output().trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(
          `FLEETSCOPE_DATA_DIR ${held.config.dataDir} is in use by another process (pid ${process.pid})`,
        );
        expect(lines[0]).toContain('CLICKHOUSE_URL');
      } finally {
        await held.cleanup();
      }
    },
    60_000,
  );
});
