import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY_FREE_PORTS, spawnFleetscope } from '../support/fleetscope-process';

/** A port nothing listens on: one the system handed out, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

/**
 * A CLICKHOUSE_URL that does not answer: one line naming the URL and the cause, and exit 1,
 * instead of Nest's ExceptionHandler printing the error with its stack and `cause` first.
 */
describe('a process whose CLICKHOUSE_URL does not answer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-clickhouse-unreachable-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['fleetscope', 'apps/fleetscope/src/main.ts'],
    ['collector', 'apps/collector/src/main.ts'],
    ['analyzer', 'apps/analyzer/src/main.ts'],
  ])(
    '%s exits 1 with one line naming the URL and the refused connection',
    async (name, main) => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const server = spawnFleetscope(['-r', '@swc-node/register', main], {
        ...ANY_FREE_PORTS,
        FLEETSCOPE_DATA_DIR: dataDir,
        CLICKHOUSE_URL: url,
        FLEETSCOPE_LOG_LEVEL: 'error',
      });
      expect(await server.exited).toBe(1);
      const lines = server.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        `${name}: failed to start: ClickHouse ${url} did not answer a ping: connect ECONNREFUSED`,
      );
    },
    60_000,
  );
});
