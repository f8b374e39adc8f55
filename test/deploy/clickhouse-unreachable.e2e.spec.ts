import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ANY_FREE_PORTS,
  listeningOn,
  spawnFleetscope,
  waitForHealth,
  type FleetscopeProcess,
} from '../support/fleetscope-process';
import {
  clickHouseOverHttp,
  freePort,
  type ClickHouseOverHttp,
} from '../storage/support/clickhouse-over-http';

/** Resolves once `server` has said `pattern` `times` times; fails if it exits first. */
async function said(
  server: FleetscopeProcess,
  pattern: RegExp,
  times: number,
  deadlineMs: number,
): Promise<void> {
  let exited: number | null | undefined;
  void server.exited.then((code) => (exited = code));
  const until = Date.now() + deadlineMs;
  const global = new RegExp(pattern.source, 'g');
  while ((server.output().match(global) ?? []).length < times) {
    if (exited !== undefined) throw new Error(`exited ${exited}:\n${server.output()}`);
    if (Date.now() > until)
      throw new Error(`not said within ${deadlineMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A CLICKHOUSE_URL that does not answer yet at start (a host's reboot, compose starting the apps
 * beside ClickHouse): the apps exited 1 within 0.4 s and relied on a restart loop, senders refused
 * meanwhile. They now try again every 2 s, a line each time naming the URL and the cause, and
 * serve once ClickHouse answers.
 */
describe('a process whose CLICKHOUSE_URL does not answer yet', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-clickhouse-unreachable-'));
  const running: FleetscopeProcess[] = [];
  let clickhouse: ClickHouseOverHttp | undefined;

  afterEach(async () => {
    for (const server of running.splice(0)) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await clickhouse?.dispose();
    clickhouse = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fleetscope waits, saying so, and serves once ClickHouse answers', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = spawnFleetscope(['-r', '@swc-node/register', 'apps/fleetscope/src/main.ts'], {
      ...ANY_FREE_PORTS,
      FLEETSCOPE_DATA_DIR: dataDir,
      CLICKHOUSE_URL: url,
    });
    running.push(server);
    const retry = new RegExp(
      `ClickHouse ${url} did not answer a ping: connect ECONNREFUSED [^;]*; trying again in 2 s`,
    );
    await said(server, retry, 2, 60_000);
    clickhouse = await clickHouseOverHttp(port);
    await clickhouse.start();
    const { apiUrl } = await listeningOn(server, 60_000);
    expect(await waitForHealth(`${apiUrl}/api/health`, 10_000)).toMatchObject({
      clickhouse: { mode: 'server', ok: true },
    });
  }, 150_000);

  it.each([
    ['collector', 'apps/collector/src/main.ts'],
    ['analyzer', 'apps/analyzer/src/main.ts'],
    ['dashboard', 'apps/dashboard/src/main.ts'],
  ])(
    '%s keeps trying, naming the URL and the refused connection',
    async (_name, main) => {
      const url = `http://127.0.0.1:${await freePort()}`;
      const server = spawnFleetscope(['-r', '@swc-node/register', main], {
        ...ANY_FREE_PORTS,
        FLEETSCOPE_DATA_DIR: dataDir,
        CLICKHOUSE_URL: url,
      });
      running.push(server);
      await said(
        server,
        new RegExp(`ClickHouse ${url} did not answer a ping: connect ECONNREFUSED`),
        2,
        60_000,
      );
    },
    90_000,
  );
});
