import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPOSITORY_ROOT = join(__dirname, '../..');

describe('npx fleetscope from a checkout', () => {
  it('defect (the CLI ran only from the repository root): answers from any working directory', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'fleetscope-cli-'));
    const withoutProject = { ...process.env };
    delete withoutProject.SWC_NODE_PROJECT;
    try {
      const cli = spawnSync(
        process.execPath,
        [join(REPOSITORY_ROOT, 'bin', 'fleetscope.js'), '--version'],
        { cwd: elsewhere, encoding: 'utf8', env: withoutProject },
      );
      const { version } = JSON.parse(
        readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8'),
      ) as { version: string };
      expect({ status: cli.status, stdout: cli.stdout.trim(), stderr: cli.stderr }).toEqual({
        status: 0,
        stdout: version,
        stderr: '',
      });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});
