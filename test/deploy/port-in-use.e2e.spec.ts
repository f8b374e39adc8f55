import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY_FREE_PORTS, spawnFleetscope } from '../support/fleetscope-process';

/**
 * A port another process holds: one line naming the variable, the address and the fix, and exit
 * 1, instead of EADDRINUSE with a stack trace (or grpc-js's "No address added").
 */
describe('the fleetscope process on a port in use', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-port-in-use-'));
  let holder: Server;
  let held: number;

  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    held = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['FLEETSCOPE_HTTP_PORT', 'FLEETSCOPE_OTLP_HTTP_PORT', 'FLEETSCOPE_OTLP_GRPC_PORT'])(
    'exits 1 naming %s, the address in use and the fix, with no stack trace',
    async (variable) => {
      const server = spawnFleetscope(['-r', '@swc-node/register', 'apps/fleetscope/src/main.ts'], {
        ...ANY_FREE_PORTS,
        [variable]: String(held),
        FLEETSCOPE_DATA_DIR: dataDir,
        CLICKHOUSE_URL: '',
        FLEETSCOPE_LOG_LEVEL: 'error',
      });
      expect(await server.exited).toBe(1);
      const output = server.output();
      expect(output).toContain(
        `${variable}: 127.0.0.1:${held} is already in use by another process; stop it or set ${variable} to a free port`,
      );
      expect(output).not.toMatch(/^\s+at /m);
    },
    60_000,
  );
});

describe('the fleetscope process on an address not of this machine', () => {
  it.each(['10.255.255.7', 'nosuch.invalid'])(
    'exits 1 naming FLEETSCOPE_HOST=%s and the fix, with no stack trace',
    async (host) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-bad-host-'));
      try {
        const server = spawnFleetscope(
          ['-r', '@swc-node/register', 'apps/fleetscope/src/main.ts'],
          {
            ...ANY_FREE_PORTS,
            FLEETSCOPE_HOST: host,
            FLEETSCOPE_API_TOKEN: 'api-token',
            FLEETSCOPE_INGEST_TOKEN: 'ingest-token',
            FLEETSCOPE_DATA_DIR: dataDir,
            CLICKHOUSE_URL: '',
            FLEETSCOPE_LOG_LEVEL: 'error',
          },
        );
        expect(await server.exited).toBe(1);
        expect(server.output()).toContain(
          `FLEETSCOPE_HOST: cannot listen on ${host}, which is not an address of this machine`,
        );
        expect(server.output()).not.toMatch(/^\s+at /m);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
