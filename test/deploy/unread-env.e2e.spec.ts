import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY_FREE_PORTS, spawnFleetscope } from '../support/fleetscope-process';

/**
 * A misspelt variable kept its setting's default without a word (FLEETSCOPE_RETENTION_DAY=7 kept
 * 30 days): every server process names it at start. A bad port makes each exit right after.
 */
describe('a process started with a variable nothing reads', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-unread-env-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(['fleetscope', 'collector', 'analyzer', 'dashboard'])(
    '%s warns of it, naming the variable meant',
    async (name) => {
      const server = spawnFleetscope(['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
        ...ANY_FREE_PORTS,
        FLEETSCOPE_DATA_DIR: dataDir,
        FLEETSCOPE_RETENTION_DAY: '7',
        FLEETSCOPE_HTTP_PORT: 'none',
      });
      expect(await server.exited).toBe(1);
      const lines = server.output().trim().split('\n');
      expect(lines[0]).toBe(
        `${name}: warning: FLEETSCOPE_RETENTION_DAY is not read by Fleetscope and is ignored: did you mean FLEETSCOPE_RETENTION_DAYS? (README, "Configuration")`,
      );
      expect(lines[1]).toBe(`${name}: Invalid configuration:`);
    },
    60_000,
  );
});
