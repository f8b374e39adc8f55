import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { npmStartCommand, REPOSITORY_ROOT } from '../support/fleetscope-process';

/**
 * chDB runs each statement of the embedded engine on one of libuv's threads, where the ingest
 * log's writes, and so every sender's acknowledgement, run too: with libuv's default four threads,
 * four slow reads (a dashboard's, an analysis's) held every acknowledgement until they ended.
 * `npm start` and the image set UV_THREADPOOL_SIZE (README, "Memory").
 */
function appendWhileFourSlowReads(env: Record<string, string>): number {
  const inherited = { ...process.env };
  delete inherited.UV_THREADPOOL_SIZE;
  const child = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'support', 'slow-reads.child.ts')],
    { cwd: REPOSITORY_ROOT, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  if (child.status !== 0) throw new Error(`the child failed:\n${child.stderr}`);
  return (JSON.parse(child.stdout) as { appendMs: number }).appendMs;
}

describe("the ingest log's writes beside slow reads of the embedded engine", () => {
  it("wait for a read to end on libuv's default four threads", () => {
    expect(appendWhileFourSlowReads({})).toBeGreaterThan(1_000);
  });

  it('go at once in the environment npm start runs in', () => {
    const { env } = npmStartCommand();
    expect(env.UV_THREADPOOL_SIZE).toBeDefined();
    expect(appendWhileFourSlowReads(env)).toBeLessThan(500);
  });
});
