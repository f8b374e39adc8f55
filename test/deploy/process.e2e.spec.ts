import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR, readMigrations } from '@fleetscope/storage';
import {
  ANY_FREE_PORTS,
  buildApp,
  listeningOn,
  npmStartCommand,
  RUNTIME_WARNING,
  spawnFleetscope,
} from '../support/fleetscope-process';

describe('the fleetscope process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-process-'));
  // `npm start`: its prestart build (here into a folder of the test's own, so parallel tests do
  // not rebuild one dist/), then its command with its variables, in the folder dist/ is in.
  const app = mkdtempSync(join(tmpdir(), 'fleetscope-npm-start-'));
  const command = npmStartCommand();
  const start = (env: Record<string, string>) =>
    spawnFleetscope(command.args, { ...command.env, ...env }, app);

  beforeAll(() => buildApp(app));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(app, { recursive: true, force: true });
  });

  it('starts on embedded ClickHouse with no runtime warning, exits 0 on SIGINT, and finds its schema and data on restart', async () => {
    const env = { FLEETSCOPE_DATA_DIR: dataDir, ...ANY_FREE_PORTS };
    const first = start(env);
    const ports = await listeningOn(first, 60_000);
    expect(await (await fetch(`${ports.apiUrl}/api/health`)).json()).toEqual({
      status: 'ok',
      clickhouse: { mode: 'embedded', ok: true },
      version: expect.any(String),
      // Port 0: the system picks the ports, there is no number to name.
      collector: { otlpHttpPort: null, otlpGrpcPort: null },
    });
    expect((await fetch(`${ports.ingestUrl}/health`)).status).toBe(200);
    const put = await fetch(
      `${ports.apiUrl}/api/functions/aws_lambda~123456789012~us-east-1~kept/config`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memoryMb: 768 }),
      },
    );
    expect(put.status).toBe(200);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const migrations = readMigrations(MIGRATIONS_DIR).length;
    expect(first.output()).toContain(`${migrations} migration(s) applied`);
    expect(first.output()).not.toMatch(RUNTIME_WARNING);

    const second = start(env);
    const again = await listeningOn(second, 60_000);
    const kept = (await fetch(
      `${again.apiUrl}/api/functions/aws_lambda~123456789012~us-east-1~kept`,
    ).then((r) => r.json())) as { config: { memoryMb: number } };
    expect(kept.config.memoryMb).toBe(768);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain(`0 migration(s) applied, ${migrations} already in place`);
  }, 120_000);

  it('refuses to listen beyond loopback without tokens, naming them, and exits non-zero', async () => {
    const refused = start({ FLEETSCOPE_HOST: '0.0.0.0', FLEETSCOPE_DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('set FLEETSCOPE_INGEST_TOKEN and FLEETSCOPE_API_TOKEN');
  }, 60_000);

  it('names the variable when a value is invalid', async () => {
    const refused = start({ FLEETSCOPE_HTTP_PORT: 'eighty', FLEETSCOPE_DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('FLEETSCOPE_HTTP_PORT: must be a port number');
  }, 60_000);
});
