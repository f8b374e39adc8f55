import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

const BIN = join(__dirname, '..', '..', 'bin', 'fleetscope.js');
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npx fleetscope tune', () => {
  const stack = useLambdaFleetscope([
    { name: 'orders', curve: 'cost-optimum-mid', memoryMb: 2048 },
    { name: 'broken', curve: 'mixed', failInvokesFrom: 3 },
  ]);

  it('prints the result table and the pick, applies it when asked, and exits 0', async () => {
    const run = await cli([
      'tune',
      'orders',
      '--url',
      stack.fleetscope.apiUrl,
      '--apply',
      'function',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/memory\s+arch\s+calls\s+mean ms/);
    expect(run.stdout).toMatch(/1024 MB\s+x86_64.*← pick/);
    expect(run.stdout).toMatch(/^pick: 1024 MB x86_64 — cheapest/m);
    expect(run.stdout).toMatch(/^job: \d+ invocations, \$/m);
    expect(run.stdout).toMatch(
      /^priced at Lambda duration tier 1 \(x86_64, us-east-1\): account 123456789012 had used 0 GB-s this month/m,
    );
    expect(run.stderr).toMatch(/tuning job [0-9a-f-]{36}/);
    expect(stack.lambda.fn('orders').latest.memoryMb).toBe(1024);
    expect(stack.lambda.fn('orders').aliases.size).toBe(0);
  });

  it('exits non-zero with the error when the job fails', async () => {
    const run = await cli(['tune', stack.lambda.arn('broken'), '--url', stack.fleetscope.apiUrl]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error: .*bad day/m);
    expect(stack.lambda.fn('broken').latest.memoryMb).toBe(1024);
  });

  it('names the problem and exits non-zero on a bad option or a refused request', async () => {
    const badOption = await cli([
      'tune',
      'orders',
      '--memory',
      'lots',
      '--url',
      stack.fleetscope.apiUrl,
    ]);
    expect(badOption.code).not.toBe(0);
    expect(badOption.stderr).toMatch(/--memory.*give sizes in MB/);
    const refused = await cli([
      'tune',
      'orders',
      '--memory',
      '64,512',
      '--url',
      stack.fleetscope.apiUrl,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/answered 400: memorySizes: 64 MB is outside/);
  });

  it('refuses a --poll-ms below 100 ms, naming the flag, rather than polling the API in a tight loop', async () => {
    for (const pollMs of ['0', '5']) {
      const run = await cli([
        'tune',
        'orders',
        '--poll-ms',
        pollMs,
        '--url',
        stack.fleetscope.apiUrl,
      ]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/--poll-ms.*at least 100/);
      expect(run.stderr).not.toMatch(/tuning job/);
    }
  });

  it('names a --payload-file that is not JSON and exits non-zero, rather than exiting silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetscope-tune-'));
    try {
      const file = join(dir, 'event.json');
      writeFileSync(file, '{"orderId": 4');
      const run = await cli([
        'tune',
        'orders',
        '--payload-file',
        file,
        '--url',
        stack.fleetscope.apiUrl,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`--payload-file ${file} is not JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
