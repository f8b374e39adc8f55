import { hostname } from 'node:os';
import { loadTuningEvidence } from '@fleetscope/analysis-jobs';
import { defaultCatalogue } from '@fleetscope/pricing';
import { TuningJobsRepository } from '@fleetscope/storage';
import { curveByName } from '@fleetscope/tuning';
import { startFleetscope } from '../support/fleetscope-app';
import { finished, postTuningJob, waitForTuningJob } from './support/tuning-jobs.client';
import { TUNING_TEST_ENV, useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

interface JobView {
  id: string;
  status: string;
  progress: number;
  invocationsUsed: number;
  error: string | null;
  functionId: string;
  pick: {
    memoryMb: number;
    architecture: string;
    reason: string;
    inconclusive: boolean;
    current: { memoryMb: number } | null;
  } | null;
  partial: {
    stoppedBy: string;
    measuredSizes: { memoryMb: number; architecture: string }[];
    bestMeasured: { memoryMb: number } | null;
    message: string;
  } | null;
  results: {
    memoryMb: number;
    architecture: string;
    invocations: number;
    measured: boolean;
    feasible: boolean | null;
    failure?: string;
    note?: string;
    meanMs: number | null;
    p50Ms: number | null;
    p90Ms: number | null;
    p99Ms: number | null;
    costUsdPerInvocation: number | null;
  }[];
  jobCost: { invocations: number; usd: number };
  prices: { priceIds: string[] } | null;
  architectureComparison: {
    memoryMb: number;
    speedRatio: number;
    costDifferenceUsdPerInvocation: number;
  } | null;
}

describe('tuning jobs (POST/GET/DELETE /api/tuning-jobs, run by the analyzer on Lambda)', () => {
  const stack = useLambdaFleetscope([
    { name: 'orders', curve: 'cost-optimum-mid', memoryMb: 2048, description: 'orders api' },
    { name: 'thumbs', curve: 'oom-below-512', memoryMb: 1024 },
    { name: 'flaky', curve: 'mixed', failInvokesFrom: 15 },
    { name: 'slow', curve: 'io-bound', invokeDelayMs: 60, memoryMb: 768 },
    { name: 'report', curve: 'mixed', invokeDelayMs: 40, memoryMb: 640 },
    { name: 'crashed', curve: 'io-bound', memoryMb: 512 },
    { name: 'weighted', curve: 'io-bound', memoryMb: 512 },
    { name: 'stuck', curve: 'mixed', failInvokesFrom: 3, failUpdatesFrom: 2 },
    { name: 'graviton', curve: 'cpu-bound', memoryMb: 1024 },
    { name: 'coldpar', curve: 'io-bound', memoryMb: 512, updateMs: 50 },
    // Updates 1–4 size the two candidates, each put back once published; 5 applies the pick, 6
    // (and the SDK's two retries) puts $LATEST back behind the alias.
    { name: 'pickfail', curve: 'cost-optimum-mid', memoryMb: 2048, failUpdates: [6, 7, 8] },
    { name: 'tune-slow', curve: 'cost-optimum-mid', invokeDelayMs: 40, memoryMb: 2048 },
    { name: 'unreadable', curve: 'mixed', memoryMb: 896, denyGetConfiguration: true },
    { name: 'snapjob', curve: 'mixed', memoryMb: 512, runtime: 'python3.12', snapStart: true },
    // 256 MB and 512 MB cost the same within 0.2 %: no pick can be shown better than 512 MB.
    { name: 'flatcost', curve: 'cpu-bound', memoryMb: 512, description: 'reports' },
    {
      name: 'throttled',
      curve: 'mixed',
      getFunctionError: { status: 429, type: 'TooManyRequestsException' },
    },
    {
      name: 'lambda-down',
      curve: 'mixed',
      getFunctionError: { status: 500, type: 'ServiceException' },
    },
  ]);

  const post = (body: unknown) => postTuningJob(stack.fleetscope.apiUrl, body);
  const until = (id: string, done: (j: JobView) => boolean) =>
    waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id, done, 40_000);
  const untouched = (name: string, memoryMb: number) => {
    const fn = stack.lambda.fn(name);
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
    expect(fn.latest.memoryMb).toBe(memoryMb);
    expect(fn.latest.description).toBe(fn.spec.description ?? '');
  };

  it('finds the cheapest size with a third of the grid, then leaves the function as it was', async () => {
    const created = await post({ platform: 'aws-lambda', function: stack.lambda.arn('orders') });
    expect(created.status).toBe(202);
    const id = String(created.body.id);
    const job = await until(id, finished);
    expect(job.status).toBe('succeeded');
    expect(job.pick).toMatchObject({ memoryMb: 1024, architecture: 'x86_64' });
    expect(job.progress).toBe(1);
    expect(job.invocationsUsed).toBeGreaterThan(0);
    // The 6 default sizes plus the function's own 2048 MB: a third of a 7 × 50 grid.
    expect(job.invocationsUsed).toBeLessThanOrEqual(Math.floor((7 * 50) / 3));
    expect(job.results.find((r) => r.memoryMb === 2048)).toMatchObject({ measured: true });
    expect(job.jobCost.usd).toBeGreaterThan(0);
    expect(job.functionId).toBe('aws_lambda~123456789012~us-east-1~orders');
    const r1024 = job.results.find((r) => r.memoryMb === 1024)!;
    expect(r1024).toMatchObject({ architecture: 'x86_64', feasible: true, measured: true });
    expect(r1024.p50Ms! <= r1024.p90Ms! && r1024.p90Ms! <= r1024.p99Ms!).toBe(true);
    expect(r1024.costUsdPerInvocation).toBeGreaterThan(0);
    untouched('orders', 2048);
    const list = (await (await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs`)).json()) as {
      jobs: JobView[];
    };
    expect(list.jobs.map((j) => j.id)).toContain(id);
  });

  it('reports the sizes that run out of memory as infeasible and picks among the rest', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: 'thumbs',
      mode: 'grid',
      invocationsPerSize: 5,
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('succeeded');
    const infeasible = job.results.filter((r) => !r.feasible).map((r) => r.memoryMb);
    expect(infeasible).toEqual([128, 256]);
    expect(job.results.find((r) => r.memoryMb === 128)!.failure).toMatch(/out of memory/);
    expect(job.pick?.memoryMb).toBe(512);
    untouched('thumbs', 1024);
  });

  it('sends weighted payloads in their shares, and a dry run makes one call per size and picks nothing', async () => {
    const weighted = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('weighted'),
      memorySizes: [512],
      mode: 'grid',
      invocationsPerSize: 8,
      weightedPayloads: [
        { payload: { kind: 'small' }, weight: 1 },
        { payload: { kind: 'large' }, weight: 3 },
      ],
    });
    expect((await until(String(weighted.body.id), finished)).status).toBe('succeeded');
    const kinds = stack.lambda.fn('weighted').payloads.map((p) => (p as { kind: string }).kind);
    expect(kinds.filter((k) => k === 'small')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'large')).toHaveLength(6);

    const dry = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('weighted'),
      dryRun: true,
    });
    const job = await until(String(dry.body.id), finished);
    expect(job.status).toBe('succeeded');
    expect(job.pick).toBeNull();
    expect(job.results.every((r) => r.invocations === 1)).toBe(true);
    untouched('weighted', 512);
  });

  it('compares x86_64 with arm64 in one job: the measured speed ratio and the price difference', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('graviton'),
      memorySizes: [1024],
      architectures: ['x86_64', 'arm64'],
      mode: 'grid',
      invocationsPerSize: 10,
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('succeeded');
    const at = (arch: string) => job.results.find((r) => r.architecture === arch)!;
    const [x86, arm] = [at('x86_64'), at('arm64')];
    const curve = curveByName('cpu-bound')!;
    const expected = curve.expectedMs(1024, 'arm64') / curve.expectedMs(1024, 'x86_64');
    expect(job.architectureComparison).not.toBeNull();
    const c = job.architectureComparison!;
    expect(c.memoryMb).toBe(1024);
    expect(c.speedRatio).toBeCloseTo(arm.meanMs! / x86.meanMs!, 10);
    expect(Math.abs(c.speedRatio / expected - 1)).toBeLessThan(0.05);
    expect(c.costDifferenceUsdPerInvocation).toBeCloseTo(
      arm.costUsdPerInvocation! - x86.costUsdPerInvocation!,
      15,
    );
    // Graviton's GB-second costs 20 % less; 12 % slower CPU work still leaves it cheaper.
    expect(c.costDifferenceUsdPerInvocation).toBeLessThan(0);
    expect(job.pick).toMatchObject({ memoryMb: 1024, architecture: 'arm64' });
    expect(job.jobCost.invocations).toBe(job.invocationsUsed);
    expect(stack.lambda.fn('graviton').latest.architecture).toBe('x86_64');
    untouched('graviton', 1024);
  });

  it('measures only cold starts in parallel: one fresh version per invocation, published one at a time', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('coldpar'),
      memorySizes: [512],
      mode: 'grid',
      invocationsPerSize: 5,
      onlyColdStarts: true,
      parallelInvocation: true,
    });
    const id = String(body.id);
    const job = await until(id, finished);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    expect(job.invocationsUsed).toBe(5);
    const observations = await stack.fleetscope.app.get(TuningJobsRepository).observations(id);
    expect(observations.filter((o) => o.initDurationMs > 0)).toHaveLength(5);
    untouched('coldpar', 512);
  });

  it('prices the SnapStart restores of a Python function with their fee, and takes them for cold starts', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('snapjob'),
      memorySizes: [512],
      mode: 'grid',
      invocationsPerSize: 5,
      onlyColdStarts: true,
      discardTopBottom: 0,
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('succeeded');
    const fee = defaultCatalogue.find('aws.lambda.snapstart-restore', new Date(), 'us-east-1')!;
    expect(job.prices?.priceIds).toContain(fee.id);
    const calls = stack.lambda.fn('snapjob').invoked;
    expect(calls).toHaveLength(5);
    untouched('snapjob', 512);
  });

  it('does not apply an inconclusive pick: its cost range overlaps the current size’s, and its reason says so', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('flatcost'),
      memorySizes: [256, 512],
      mode: 'grid',
      invocationsPerSize: 10,
      applyPick: 'function',
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('succeeded');
    expect(job.pick).toMatchObject({ memoryMb: 256, inconclusive: true });
    expect(job.pick!.current).toMatchObject({ memoryMb: 512 });
    expect(job.pick!.reason).toMatch(/inconclusive: .*not applied automatically$/);
    untouched('flatcost', 512);
  });

  it('answers 400 naming the field for a bad request, and stores nothing', async () => {
    const count = async () =>
      (
        (await (await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs`)).json()) as {
          jobs: unknown[];
        }
      ).jobs.length;
    const before = await count();
    const bad = await post({ platform: 'aws-lambda', function: 'orders', memorySizes: [64, 512] });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/memorySizes: 64 MB is outside 128–10240 MB/);
    const few = await post({ platform: 'aws-lambda', function: 'orders', invocationsPerSize: 2 });
    expect(few.status).toBe(400);
    expect(String(few.body.message)).toMatch(/invocationsPerSize/);
    const unknown = await post({ platform: 'gcp', function: 'x' });
    expect(unknown.status).toBe(400);
    expect((await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/nope`)).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('counts the requests it refused in /metrics, where before the count was visible nowhere', async () => {
    const metric = async () => {
      const text = await (await fetch(`${stack.fleetscope.apiUrl}/metrics`)).text();
      const line = /^fleetscope_tuning_rejected_requests_total (\d+)$/m.exec(text);
      return line ? Number(line[1]) : null;
    };
    const before = (await metric()) ?? 0;
    await post({ platform: 'aws-lambda', function: 'orders', strategy: 'cheapest' });
    await post({ platform: 'aws-lambda' });
    expect(await metric()).toBe(before + 2);
  });

  it('fails cleanly when Lambda starts failing mid-job, with the function restored', async () => {
    const { body } = await post({ platform: 'aws-lambda', function: stack.lambda.arn('flaky') });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/bad day.*function restored/);
    untouched('flaky', 1024);
  });

  it('says so, rather than claiming a restore, when the function cannot be put back', async () => {
    const { body } = await post({ platform: 'aws-lambda', function: stack.lambda.arn('stuck') });
    const id = String(body.id);
    // The restore is tried again (tuning-restore-pending.e2e.spec.ts) until the job is cancelled.
    const job = await until(id, (j) => finished(j) || /^restore pending/.test(j.error ?? ''));
    expect(job.status).toMatch(/^(queued|running)$/);
    expect(job.error).toMatch(
      /^restore pending: restoring the function failed: .*cannot update functions now.*cancel the job to stop the retries$/,
    );
    expect(job.error).not.toMatch(/function restored/);
    await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${id}`, { method: 'DELETE' });
    expect((await until(id, finished)).error).toMatch(/^cancelled while its restore was pending/);
  });

  it('says it could not read the configuration, naming the permission, and that the function was not changed, when GetFunctionConfiguration is denied', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('unreadable'),
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^could not read the configuration of \S+unreadable: permission lambda:GetFunctionConfiguration is missing \(.*\); the function was not changed/,
    );
    expect(job.error).not.toMatch(
      /restoring the function failed|check the function by hand|function restored/,
    );
    expect(job.invocationsUsed).toBe(0);
    untouched('unreadable', 896);
  });

  it('restores the function when applying the pick fails, rather than leaving $LATEST at the pick and claiming a restore', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('pickfail'),
      memorySizes: [512, 1024],
      mode: 'grid',
      invocationsPerSize: 5,
      applyPick: 'alias:live',
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^applying the pick to alias:live failed: .*function restored\)$/);
    const fn = stack.lambda.fn('pickfail');
    // The alias was pointed: what failed was putting $LATEST back behind it.
    expect(fn.aliases.has('live')).toBe(true);
    expect(fn.latest.memoryMb).toBe(2048);
    expect(fn.latest.description).toBe('');
    expect([...fn.aliases.keys()].filter((a) => a.startsWith('fst-'))).toEqual([]);
  });

  it('cancels a running job and restores the function', async () => {
    const { body } = await post({ platform: 'aws-lambda', function: stack.lambda.arn('slow') });
    const id = String(body.id);
    await until(id, (j) => j.invocationsUsed >= 6);
    const cancel = await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${id}`, {
      method: 'DELETE',
    });
    expect(cancel.status).toBe(200);
    const job = await until(id, finished);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/cancelled/);
    untouched('slow', 768);
  });

  it('refuses a second job for a function that has one running', async () => {
    const first = await post({ platform: 'aws-lambda', function: stack.lambda.arn('slow') });
    const second = await post({ platform: 'aws-lambda', function: stack.lambda.arn('slow') });
    expect(second.status).toBe(409);
    await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${String(first.body.id)}`, {
      method: 'DELETE',
    });
    await until(String(first.body.id), finished);
    untouched('slow', 768);
  });

  it('resumes a job after a restart, keeping what it measured before', async () => {
    const { body } = await post({ platform: 'aws-lambda', function: stack.lambda.arn('report') });
    const id = String(body.id);
    const before = await until(id, (j) => j.invocationsUsed >= 12);
    // A graceful stop: the runner stops at the next invocation, restores and re-queues the job.
    await stack.fleetscope.app.close();
    untouched('report', 640);
    const interrupted = before.invocationsUsed;
    stack.fleetscope = await startFleetscope({
      ...TUNING_TEST_ENV,
      FLEETSCOPE_DATA_DIR: stack.fleetscope.config.dataDir,
      CLICKHOUSE_DATABASE: stack.fleetscope.config.clickhouseDatabase,
    });
    const job = await until(id, finished);
    expect(job.status).toBe('succeeded');
    expect(job.invocationsUsed).toBeGreaterThan(interrupted);
    // The mixed curve's cost optimum is the smallest size.
    expect(job.pick?.memoryMb).toBe(128);
    untouched('report', 640);
  });

  it('resumes a job whose runner died, removing what it left on the function first', async () => {
    // The state a kill -9 leaves: the job 'running' under a process that no longer exists (its
    // heartbeat still fresh), and the function at another size with a version and alias of the job.
    const id = 'crashed-job-1';
    const fn = stack.lambda.fn('crashed');
    fn.latest.memoryMb = 256;
    fn.latest.description = `fleetscope-tuning ${id} x86_64/256`;
    fn.versions.set('1', {
      version: '1',
      memoryMb: 256,
      architecture: 'x86_64',
      description: `fleetscope-tuning ${id} x86_64/256`,
    });
    fn.aliases.set(`fst-${id}-x86_64-256`, '1');
    const old = Date.now() - 5_000;
    await stack.fleetscope.app.get(TuningJobsRepository).save({
      id,
      createdAtMs: old,
      updatedAtMs: old,
      startedAtMs: old,
      finishedAtMs: 0,
      platform: 'aws-lambda',
      function: stack.lambda.arn('crashed'),
      functionId: 'aws_lambda~123456789012~us-east-1~crashed',
      status: 'running',
      request: { platform: 'aws-lambda', function: stack.lambda.arn('crashed') },
      snapshot: {
        functionId: 'aws_lambda~123456789012~us-east-1~crashed',
        memoryMb: 512,
        architecture: 'x86_64',
        region: 'us-east-1',
        details: {
          functionName: 'crashed',
          functionArn: stack.lambda.arn('crashed'),
          account: '123456789012',
          description: '',
          packageType: 'Zip',
          runtime: 'nodejs22.x',
        },
      },
      progress: 0.1,
      invocationsUsed: 0,
      summary: null,
      error: '',
      // Process ids stop well below 2^22 on Linux: this one cannot exist.
      runner: `${hostname()}:4999999:a-runner-that-died`,
    });
    const job = await until(id, finished);
    expect(job.status).toBe('succeeded');
    expect(job.pick?.memoryMb).toBe(128);
    untouched('crashed', 512);
  });

  it('a cancelled job presents no pick and never says the budget ran out: it says what it measured, labelled partial', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: stack.lambda.arn('tune-slow'),
    });
    const id = String(body.id);
    await until(id, (j) => j.invocationsUsed >= 13);
    await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${id}`, { method: 'DELETE' });
    const job = await until(id, finished);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/cancelled/);
    expect(job.pick).toBeNull();
    expect(JSON.stringify(job)).not.toMatch(/budget/);
    expect(job.partial).toMatchObject({ stoppedBy: 'cancelled' });
    const measured = job.results.filter((r) => r.measured).map((r) => r.memoryMb);
    expect(job.partial!.measuredSizes.map((m) => m.memoryMb).sort()).toEqual([...measured].sort());
    expect(job.partial!.message).toMatch(
      /^cancelled after \d+ invocations, before the search ended: no pick\. Measured: /,
    );
    if (job.partial!.bestMeasured)
      expect(job.partial!.message).toMatch(/Partial, from the measured sizes alone: \d+ MB x86_64/);
    untouched('tune-slow', 2048);
  });

  it('refuses a second job for the same function however it is spelled: ARN, name or Fleetscope id', async () => {
    const first = await post({ platform: 'aws-lambda', function: stack.lambda.arn('tune-slow') });
    expect(first.status).toBe(202);
    const id = String(first.body.id);
    for (const spelling of ['tune-slow', 'aws_lambda~123456789012~us-east-1~tune-slow']) {
      const second = await post({ platform: 'aws-lambda', function: spelling });
      expect(second.status).toBe(409);
      expect(String(second.body.message)).toContain(id);
    }
    const queued = (await stack.fleetscope.app.get(TuningJobsRepository).pending()).filter(
      (j) => j.functionId === 'aws_lambda~123456789012~us-east-1~tune-slow',
    );
    expect(queued.map((j) => j.id)).toEqual([id]);
    await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${id}`, { method: 'DELETE' });
    await until(id, finished);
    untouched('tune-slow', 2048);
  });

  it('answers 422 naming the function when the platform cannot find it, and queues nothing', async () => {
    const missing = await post({ platform: 'aws-lambda', function: 'no-such-function' });
    expect(missing.status).toBe(422);
    expect(String(missing.body.message)).toMatch(/no-such-function.*not found/i);
  });

  it('answers 503 when the platform throttles reading the function and 502 when it fails, naming the error, rather than 422 as if the function did not exist', async () => {
    const throttled = await post({ platform: 'aws-lambda', function: 'throttled' });
    expect(throttled.status).toBe(503);
    expect(String(throttled.body.message)).toMatch(
      /^reading throttled on aws-lambda: the platform throttled the request, try again later: .*TooManyRequestsException/,
    );
    const down = await post({ platform: 'aws-lambda', function: 'lambda-down' });
    expect(down.status).toBe(502);
    expect(String(down.body.message)).toMatch(
      /^reading lambda-down on aws-lambda: the platform failed to answer: .*ServiceException/,
    );
    const queued = (await stack.fleetscope.app.get(TuningJobsRepository).pending()).filter((j) =>
      /throttled|lambda-down/.test(j.function),
    );
    expect(queued).toEqual([]);
  });

  it('never reports an unmeasured size as feasible, nor prices one between an OOM and the smallest size that ran; evidence takes measured sizes only', async () => {
    const { body } = await post({
      platform: 'aws-lambda',
      function: 'thumbs',
      invocationsPerSize: 5,
    });
    const job = await until(String(body.id), finished);
    expect(job.status).toBe('succeeded');
    expect(job.pick?.memoryMb).toBe(512);
    const r256 = job.results.find((r) => r.memoryMb === 256)!;
    expect(r256.measured).toBe(false);
    expect(r256).toMatchObject({ feasible: null, costUsdPerInvocation: null, meanMs: null });
    expect(r256.note).toMatch(/128 MB out of memory.*may fail too/);
    for (const r of job.results.filter((x) => !x.measured)) expect(r.feasible).not.toBe(true);
    const evidence = await loadTuningEvidence(stack.fleetscope.app.get(TuningJobsRepository));
    const points = evidence.get(job.functionId)!.points;
    const measured = job.results.filter((r) => r.measured).map((r) => r.memoryMb);
    expect(points.map((p) => p.memoryMb).sort()).toEqual([...measured].sort());
    expect(points.find((p) => p.memoryMb === 256)).toBeUndefined();
    untouched('thumbs', 1024);
  });
});
