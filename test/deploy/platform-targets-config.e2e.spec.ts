import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY_FREE_PORTS, spawnFleetscope } from '../support/fleetscope-process';

/**
 * A bad FLEETSCOPE_OPENFAAS_GATEWAYS entry was read only once the modules were built: the
 * collector printed it with a stack trace, the analyzer's tuning drivers too. It is now a
 * configuration error like any other: one message naming the variable, exit 1.
 */
describe('a process given an OpenFaaS gateway that is not a URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-gateways-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(['collector', 'analyzer'])(
    '%s exits 1 with the configuration error and no stack trace',
    async (name) => {
      const server = spawnFleetscope(['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
        ...ANY_FREE_PORTS,
        FLEETSCOPE_DATA_DIR: dataDir,
        FLEETSCOPE_OPENFAAS_GATEWAYS: 'gateway:8080',
      });
      expect(await server.exited).toBe(1);
      expect(server.output().trim().split('\n')).toEqual([
        `${name}: Invalid configuration:`,
        '  - FLEETSCOPE_OPENFAAS_GATEWAYS: "gateway:8080" must be an http:// or https:// URL',
      ]);
    },
    60_000,
  );
});
