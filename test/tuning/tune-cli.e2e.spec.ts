import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTuningJob, waitForTuningJob } from './support/tuning-jobs.client';
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

/** The CLI as a child process, for tests that signal it while it runs; killed if still alive. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    out,
    exited,
    /** Polls `done` until it holds; fails naming `what` if the CLI exits or 30 s pass first. */
    async waitFor(what: string, done: () => Promise<boolean> | boolean): Promise<void> {
      const deadline = Date.now() + 30_000;
      while (!(await done())) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`no ${what}; stdout: ${out.stdout}; stderr: ${out.stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** The id of the job the CLI started, once it has said it. */
    async jobId(): Promise<string> {
      await this.waitFor('job id', () => /tuning job [0-9a-f-]{36}/.test(out.stderr));
      return /tuning job ([0-9a-f-]{36})/.exec(out.stderr)![1];
    },
    stop(): void {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

interface JobState {
  status: string;
  invocationsUsed: number;
  error: string | null;
}

interface JobCost {
  jobCost: { invocations: number; usd: number; unrecordedInvocations?: number };
  prices: { catalogueVersion: string } | null;
}

describe('npx fleetscope tune', () => {
  const stack = useLambdaFleetscope([
    { name: 'orders', curve: 'cost-optimum-mid', memoryMb: 2048 },
    { name: 'broken', curve: 'mixed', failInvokesFrom: 3 },
    { name: 'slow', curve: 'io-bound', invokeDelayMs: 50, memoryMb: 768, description: 'slow' },
    { name: 'sluggish', curve: 'io-bound', invokeDelayMs: 2_500, memoryMb: 640 },
    { name: 'remote', curve: 'io-bound', readDelayMs: 1_500, memoryMb: 896 },
    // A sandbox serves one call at a time: 8 of a parallel batch's 9 calls start one (cold). Each
    // call holds its sandbox 1.5 s, longer than a loaded machine takes to start the batch's calls:
    // at 300 ms a CI run saw 3 of 9 find a sandbox freed by an earlier one (warm).
    { name: 'busy', curve: 'mixed', memoryMb: 1024, sandboxPerCall: true, invokeDelayMs: 1_500 },
    { name: 'failing', curve: 'io-bound', memoryMb: 512, errorsAt: { 256: 1, 512: 1 } },
  ]);

  it('picks from the steady part of cold calls when a parallel batch found its sandboxes busy', async () => {
    const run = await cli([
      'tune',
      'busy',
      '--url',
      stack.fleetscope.apiUrl,
      '--memory',
      '512,1024,2048',
      '--parallel',
      '--mode',
      'grid',
      '--invocations',
      '10',
      '--poll-ms',
      '100',
    ]);
    // Before: 1 warm call per size, below the 3 a pick rests on; succeeded, no pick, exit 0.
    expect(run.stderr).toMatch(/^note: Lambda: each size is set on the unqualified function/m);
    expect(run.stdout).toMatch(
      /^pick: \d+ MB x86_64 — cheapest: .* over \d+ invocations \(\d+ more run and left out: 1 warm-up\)/m,
    );
    expect(run.code).toBe(0);
    const calls = stack.lambda.fn('busy').invoked.filter((c) => c.qualifier !== null);
    expect(calls).toHaveLength(30);
  });

  it('says why a job that ran has no pick, and exits non-zero', async () => {
    const run = await cli([
      'tune',
      'failing',
      '--url',
      stack.fleetscope.apiUrl,
      '--memory',
      '256,512',
      '--mode',
      'grid',
      '--invocations',
      '5',
      '--poll-ms',
      '100',
    ]);
    // The job's own reason (GET …/:id noPick), not the generic sentence it fell back to.
    expect(run.stdout).toMatch(/^no pick: no size ran successfully \(/m);
    expect(run.stdout).not.toMatch(/^pick:/m);
    expect(run.code).toBe(1);
  });

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
    expect(run.stdout).toMatch(/memory\s+arch\s+calls\s+errors\s+mean ms/);
    expect(run.stdout).toMatch(/1024 MB\s+x86_64\s+\d+\s+0 %\s/);
    expect(run.stdout).toMatch(/1024 MB\s+x86_64.*← pick/);
    expect(run.stdout).toMatch(/^pick: 1024 MB x86_64 — cheapest/m);
    // Every call stored: the cost line is the whole cost, as it always read, and nothing more.
    const id = /tuning job ([0-9a-f-]{36})/.exec(run.stderr)![1];
    const job = await getTuningJob<JobState & JobCost>(stack.fleetscope.apiUrl, id);
    expect(job.jobCost.unrecordedInvocations).toBeUndefined();
    expect(run.stdout.split('\n')).toContain(
      `job: ${job.jobCost.invocations} invocations, $${job.jobCost.usd.toFixed(6)} (prices ${job.prices!.catalogueVersion})`,
    );
    expect(run.stdout).not.toMatch(/≥|unrecorded/);
    expect(run.stdout).toMatch(
      /^priced at Lambda duration tier 1 \(x86_64, us-east-1\): account 123456789012 had used 0 GB-s this month/m,
    );
    expect(run.stderr).toMatch(/tuning job [0-9a-f-]{36}/);
    expect(stack.lambda.fn('orders').latest.memoryMb).toBe(1024);
    expect(stack.lambda.fn('orders').aliases.size).toBe(0);
  });

  it('cancels the job on Ctrl-C (SIGINT): waits for the function to be restored, says so and exits non-zero', async () => {
    const cli = startCli([
      'tune',
      stack.lambda.arn('slow'),
      '--url',
      stack.fleetscope.apiUrl,
      '--poll-ms',
      '100',
    ]);
    try {
      const id = await cli.jobId();
      // Running, with something measured: the progress the command follows.
      await cli.waitFor('progress', async () => {
        const job = await getTuningJob<JobState>(stack.fleetscope.apiUrl, id);
        return job.status === 'running' && job.invocationsUsed >= 3;
      });
      expect(stack.lambda.fn('slow').aliases.size).toBeGreaterThan(0);

      const interruptedAt = Date.now();
      cli.child.kill('SIGINT');
      const { code, signal } = await cli.exited;
      expect(Date.now() - interruptedAt).toBeLessThan(15_000);
      expect({ code, signal }).toEqual({ code: 1, signal: null });
      const { stdout, stderr } = cli.out;
      expect(stderr).toMatch(/cancelling: the job restores the function before it stops/);
      expect(stdout).toMatch(
        /^partial: cancelled after \d+ invocations, before the search ended: no pick\./m,
      );
      expect(stdout).toMatch(/^error: cancelled; the function was restored$/m);
      expect(stdout).not.toMatch(/^pick:/m);
      expect(await getTuningJob<JobState>(stack.fleetscope.apiUrl, id)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/cancelled/),
      });
      const fn = stack.lambda.fn('slow');
      expect(fn.latest).toMatchObject({ memoryMb: 768, description: 'slow' });
      expect(fn.versions.size).toBe(0);
      expect(fn.aliases.size).toBe(0);
    } finally {
      cli.stop();
    }
  });

  it('stops waiting on a second Ctrl-C, exiting 130 and naming the job, which Fleetscope still cancels and restores', async () => {
    const cli = startCli(['tune', stack.lambda.arn('sluggish'), '--url', stack.fleetscope.apiUrl]);
    try {
      const id = await cli.jobId();
      // An invocation under way: the cancel cannot take effect before it returns (seconds).
      await cli.waitFor('an invocation', () => stack.lambda.fn('sluggish').invokes > 0);
      cli.child.kill('SIGINT');
      await cli.waitFor('cancelling', () => /cancelling/.test(cli.out.stderr));
      const secondAt = Date.now();
      cli.child.kill('SIGINT');
      const { code, signal } = await cli.exited;
      expect(Date.now() - secondAt).toBeLessThan(1_000);
      expect({ code, signal }).toEqual({ code: 130, signal: null });
      expect(cli.out.stderr).toContain(`Fleetscope goes on cancelling job ${id}`);
      const job = await waitForTuningJob<JobState>(stack.fleetscope.apiUrl, id);
      expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/cancelled/) });
      const fn = stack.lambda.fn('sluggish');
      expect(fn.latest).toMatchObject({ memoryMb: 640, description: '' });
      expect(fn.versions.size).toBe(0);
      expect(fn.aliases.size).toBe(0);
    } finally {
      cli.stop();
    }
  });

  it('cancels a job whose creation a Ctrl-C interrupted, once Fleetscope names it, and leaves the function as it was', async () => {
    const cli = startCli(['tune', stack.lambda.arn('remote'), '--url', stack.fleetscope.apiUrl]);
    try {
      // Fleetscope is still resolving the function (its GetFunctionConfiguration takes 1.5 s):
      // the command has no job id yet.
      await cli.waitFor('the function resolved', () =>
        stack.lambda.calls.some((c) => c.startsWith('GET') && c.includes('/remote')),
      );
      expect(cli.out.stderr).not.toMatch(/tuning job/);
      cli.child.kill('SIGINT');
      const { code, signal } = await cli.exited;
      expect({ code, signal }).toEqual({ code: 1, signal: null });
      expect(cli.out.stderr).toMatch(
        /cancelling: the job is cancelled as soon as Fleetscope creates it/,
      );
      const id = /tuning job ([0-9a-f-]{36})/.exec(cli.out.stderr)?.[1];
      expect(id).toBeDefined();
      expect(cli.out.stdout).toMatch(/^error: cancelled/m);
      const job = await waitForTuningJob<JobState>(stack.fleetscope.apiUrl, id!);
      expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/cancelled/) });
      const fn = stack.lambda.fn('remote');
      expect(fn.latest).toMatchObject({ memoryMb: 896, description: '' });
      expect(fn.versions.size).toBe(0);
      expect(fn.aliases.size).toBe(0);
    } finally {
      cli.stop();
    }
  });

  it('exits non-zero with the error when the job fails', async () => {
    const run = await cli(['tune', stack.lambda.arn('broken'), '--url', stack.fleetscope.apiUrl]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error: .*bad day/m);
    expect(stack.lambda.fn('broken').latest.memoryMb).toBe(1024);
    // Lambda refused the third call: the two before it answered but were never stored. The cost
    // leaves all three out, so it is a lower bound, and the output says so with the count.
    const id = /tuning job ([0-9a-f-]{36})/.exec(run.stderr)![1];
    const job = await getTuningJob<JobState & JobCost>(stack.fleetscope.apiUrl, id);
    expect(job.jobCost.unrecordedInvocations).toBe(3);
    expect(run.stdout.split('\n')).toContain(
      `job: 0 invocations, ≥ $${job.jobCost.usd.toFixed(6)} (prices ${job.prices!.catalogueVersion})`,
    );
    expect(run.stdout).toMatch(
      /^unrecorded: 3 more calls not in this cost \(the job stopped during them; see the function's own logs\)$/m,
    );
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
