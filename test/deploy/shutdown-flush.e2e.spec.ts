import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lambdaTraceRequest } from '../collector/support/otlp-requests';
import { ANY_FREE_PORTS, listeningOn, spawnFleetscope } from '../support/fleetscope-process';

/**
 * SIGTERM while exporters and pages keep sending on keep-alive connections (as `docker stop`
 * meets them): a connection busy when the servers stopped listening must not hold the shutdown
 * open until its 30 s limit (exit 1, pending writes never flushed; Docker kills at 10 s).
 */
describe('SIGTERM while clients keep their connections open', () => {
  it.each(['on', 'off'])(
    'exits 0 within seconds and keeps every acknowledged invocation (FLEETSCOPE_INGEST_LOG=%s)',
    async (ingestLog) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-sigterm-'));
      const env = {
        ...ANY_FREE_PORTS,
        FLEETSCOPE_DATA_DIR: dataDir,
        CLICKHOUSE_URL: '',
        FLEETSCOPE_INGEST_LOG: ingestLog,
      };
      const start = () =>
        spawnFleetscope(['-r', '@swc-node/register', 'apps/fleetscope/src/main.ts'], env);
      try {
        const first = start();
        const ports = await listeningOn(first, 60_000);
        let acknowledged = 0;
        let stopped = false;
        const send = () =>
          fetch(`${ports.ingestUrl}/v1/traces`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(
              lambdaTraceRequest(
                'sigterm',
                Array.from({ length: 50 }, () => ({})),
              ),
            ),
          }).then((r) => (r.status === 200 ? 50 : 0));
        const read = () => fetch(`${ports.apiUrl}/api/functions`).then((r) => (r.ok ? 0 : -1));
        // This process stays alive, so its keep-alive connections stay open unless the server ends them.
        const clients = [send, send, send, read, read].map(async (request) => {
          while (!stopped) {
            const counted = await request().catch(() => -1);
            if (counted < 0 || (request === send && counted === 0)) stopped = true;
            else acknowledged += counted;
          }
        });
        await new Promise((r) => setTimeout(r, 1500));
        const signalled = Date.now();
        first.child.kill('SIGTERM');
        await Promise.all(clients);
        expect(await first.exited).toBe(0);
        expect(Date.now() - signalled).toBeLessThan(10_000);
        expect(first.output()).toContain('pending writes flushed');
        expect(acknowledged).toBeGreaterThan(0);

        const second = start();
        const again = await listeningOn(second, 60_000);
        const stored = async () => {
          const listed = (await fetch(`${again.apiUrl}/api/functions`).then((r) => r.json())) as {
            functions: { name: string; invocations: number }[];
          };
          return listed.functions.find((f) => f.name === 'sigterm')?.invocations ?? 0;
        };
        // The ingest log is replayed into ClickHouse behind the start.
        for (let i = 0; i < 100 && (await stored()) < acknowledged; i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const kept = await stored();
        second.child.kill('SIGTERM');
        expect(kept).toBe(acknowledged);
        await second.exited;
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
