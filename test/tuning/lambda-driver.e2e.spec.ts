import { LambdaClient } from '@aws-sdk/client-lambda';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { LambdaTuningDriver } from '@fleetscope/tuning-drivers';
import {
  RestoreError,
  runTuningSession,
  summarise,
  tuningPricer,
  type Candidate,
  type Observation,
  type SearchOptions,
  type WeightedPayload,
} from '@fleetscope/tuning';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';

const AT = new Date('2026-12-04T00:00:00Z');
const sizes = [128, 256, 512, 1024, 1536, 3008];
const options: SearchOptions = {
  mode: 'adaptive',
  strategy: 'cost',
  balancedWeight: 0.5,
  invocationsPerSize: 50,
  discardTopBottom: 0.2,
  onlyColdStarts: false,
};

describe(LambdaTuningDriver.name, () => {
  let lambda: FakeLambda;
  let driver: LambdaTuningDriver;

  beforeAll(async () => {
    lambda = await startFakeLambda([
      { name: 'mid', curve: 'cost-optimum-mid', memoryMb: 2048, description: 'orders' },
      { name: 'oom', curve: 'oom-below-512', memoryMb: 1024, updateMs: 20 },
      { name: 'flaky', curve: 'mixed', failInvokesFrom: 20 },
      { name: 'json', curve: 'io-bound', logFormat: 'JSON' },
      { name: 'cold', curve: 'mixed', memoryMb: 640 },
      { name: 'denied', curve: 'mixed', denyGetConfiguration: true },
      {
        name: 'aliasless',
        curve: 'mixed',
        memoryMb: 960,
        description: 'jobs',
        failAliases: ['live'],
      },
      { name: 'snapstart', curve: 'mixed', memoryMb: 704, versionPendingMs: 300 },
      { name: 'eni', curve: 'mixed', memoryMb: 832, description: 'vpc', updatesEndingFailed: [1] },
      {
        name: 'undeletable',
        curve: 'mixed',
        memoryMb: 1792,
        description: 'billing',
        failVersionDeletes: true,
      },
      { name: 'live', curve: 'mixed', memoryMb: 1024, description: 'checkout' },
      { name: 'live-cold', curve: 'mixed', memoryMb: 1024, description: 'checkout' },
      { name: 'mix', curve: 'mixed', memoryMb: 1024 },
      { name: 'snappy', curve: 'mixed', memoryMb: 1024, runtime: 'python3.12', snapStart: true },
    ]);
    driver = new LambdaTuningDriver(
      (region) =>
        new LambdaClient({
          region: region ?? 'us-east-1',
          endpoint: lambda.url,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
          maxAttempts: 1,
        }),
      // Restores that cannot succeed here (versions that will not go) give up within a second.
      { totalMs: 500, firstDelayMs: 50, maxDelayMs: 200 },
    );
  });

  afterAll(async () => {
    driver.close();
    await lambda.close();
  });

  async function tune(
    name: string,
    architectures: Candidate['architecture'][] = ['x86_64'],
    extra: Partial<SearchOptions> = {},
    memorySizes = sizes,
    weightedPayloads?: WeightedPayload[],
  ) {
    const target = { jobId: `job-${name}`, function: lambda.arn(name) };
    const snapshot = await driver.snapshot(target);
    const candidates = architectures.flatMap((architecture) =>
      memorySizes.map((memoryMb) => ({ architecture, memoryMb })),
    );
    let all: Observation[] = [];
    const pricer = tuningPricer({
      platform: 'aws-lambda',
      region: snapshot.region,
      at: AT,
      pricing: new PricingService(defaultCatalogue),
      runtime: String(snapshot.details.runtime),
    });
    const run = runTuningSession({
      driver,
      target,
      snapshot,
      candidates,
      options: { ...options, ...extra },
      pricer,
      weightedPayloads,
      parallelInvocation: false,
      sleepBetweenRunsMs: 0,
      observations: [],
      onBatch: (_b, observations) => {
        all = observations;
        return Promise.resolve();
      },
      shouldStop: () => false,
    });
    return {
      run,
      target,
      snapshot,
      observations: () => all,
      summary: async () => (
        await run,
        summarise(candidates, all, { ...options, ...extra }, pricer)
      ),
    };
  }

  it('finds the cost optimum through versions and aliases, then removes them and restores the function', async () => {
    const { summary } = await tune('mid');
    const s = await summary();
    expect(s.pick).toMatchObject({ memoryMb: 1024, architecture: 'x86_64' });
    const fn = lambda.fn('mid');
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
    expect(fn.latest).toMatchObject({
      memoryMb: 2048,
      architecture: 'x86_64',
      description: 'orders',
    });
    expect(lambda.calls).toContain('POST /2015-03-31/functions/mid/aliases');
  });

  it('keeps $LATEST at its own memory, architecture and description while every candidate is invoked: the calls go to published versions', async () => {
    // Unqualified callers run $LATEST: a job that left it at 128 MB or on arm64 while measuring
    // would run production there.
    const job = await tune(
      'live',
      ['x86_64', 'arm64'],
      { mode: 'grid', invocationsPerSize: 3, discardTopBottom: 0 },
      [128, 512],
    );
    await job.run;
    const fn = lambda.fn('live');
    expect(fn.invoked).toHaveLength(12);
    const latest = (c: (typeof fn.invoked)[number]) =>
      `${c.latest.architecture}/${c.latest.memoryMb} ${c.latest.description}`;
    expect(new Set(fn.invoked.map(latest))).toEqual(new Set(['x86_64/1024 checkout']));
    expect(fn.invoked.filter((c) => c.version === '$LATEST')).toEqual([]);
    expect(new Set(fn.invoked.map((c) => `${c.architecture}/${c.memoryMb}`))).toEqual(
      new Set(['x86_64/128', 'x86_64/512', 'arm64/128', 'arm64/512']),
    );
  });

  it('keeps $LATEST as it was while measuring only cold starts, each call on a fresh version', async () => {
    const job = await tune(
      'live-cold',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 3, onlyColdStarts: true, discardTopBottom: 0 },
      [256],
    );
    await job.run;
    const fn = lambda.fn('live-cold');
    expect(fn.invoked).toHaveLength(3);
    expect(new Set(fn.invoked.map((c) => c.version)).size).toBe(3);
    for (const c of fn.invoked) {
      expect(c.memoryMb).toBe(256);
      expect(c.latest).toEqual({ memoryMb: 1024, architecture: 'x86_64', description: 'checkout' });
    }
  });

  it('sends every size of an adaptive job its mix of weighted payloads, though a size runs a few of its 50 calls', async () => {
    const job = await tune('mix', ['x86_64'], {}, sizes, [
      { payload: { kind: 'light' }, weight: 1 },
      { payload: { kind: 'heavy' }, weight: 1 },
    ]);
    await job.run;
    const bySize = new Map<number, { light: number; heavy: number }>();
    for (const c of lambda.fn('mix').invoked) {
      const seen = bySize.get(c.memoryMb) ?? { light: 0, heavy: 0 };
      seen[(c.payload as { kind: 'light' | 'heavy' }).kind]++;
      bySize.set(c.memoryMb, seen);
    }
    expect(bySize.size).toBeGreaterThan(2);
    for (const [memoryMb, seen] of bySize) {
      // Each size's calls alternate: the two counts differ by one at most.
      expect({ memoryMb, mixed: Math.abs(seen.light - seen.heavy) <= 1 }).toEqual({
        memoryMb,
        mixed: true,
      });
    }
  });

  it('takes a SnapStart restore for a cold start, and prices its Billed Restore Duration and the Python restore fee', async () => {
    // Every call on a fresh version: each restores the snapshot.
    const job = await tune(
      'snappy',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 5, onlyColdStarts: true, discardTopBottom: 0 },
      [512],
    );
    const s = await job.summary();
    const all = job.observations();
    expect(all).toHaveLength(5);
    for (const o of all) {
      expect(o.initDurationMs).toBe(0);
      expect(o.restoreDurationMs).toBeGreaterThan(0);
      expect(o.billedRestoreDurationMs).toBeGreaterThan(0);
    }
    // What the user waits for includes the restore, as Power Tuning's speed figure does.
    const r = s.results[0];
    const waited = all.map((o) => o.durationMs + o.restoreDurationMs!);
    expect(r.meanMs).toBeCloseTo(waited.reduce((a, b) => a + b, 0) / waited.length, 9);
    // Each call as the pricing service bills a restore: its Billed Restore Duration as duration,
    // and the per-GB restore fee of a Python runtime.
    const pricing = new PricingService(defaultCatalogue);
    const billed = (o: Observation) =>
      pricing.lambdaInvocation(
        {
          architecture: o.architecture,
          memoryMb: o.memoryMb,
          durationMs: o.billedDurationMs,
          billedRestoreDurationMs: o.billedRestoreDurationMs,
          initType: 'snap-start',
          runtime: 'python3.12',
        },
        AT,
        'us-east-1',
      ).usd;
    expect(s.jobCostUsd).toBeCloseTo(
      all.reduce((sum, o) => sum + billed(o), 0),
      12,
    );
    const fee = defaultCatalogue.find('aws.lambda.snapstart-restore', AT, 'us-east-1')!;
    expect(s.priceIds).toContain(fee.id);
  });

  it('reports sizes that run out of memory as infeasible, from the REPORT line', async () => {
    const s = await (await tune('oom')).summary();
    const r128 = s.results.find((r) => r.memoryMb === 128)!;
    expect(r128.feasible).toBe(false);
    expect(r128.failure).toMatch(/out of memory \(Runtime.OutOfMemory\)/);
    expect(s.pick?.memoryMb).toBe(512);
  });

  it('restores the function when invocations start failing mid-job', async () => {
    const { run } = await tune('flaky');
    await expect(run).rejects.toThrow(/bad day/);
    const fn = lambda.fn('flaky');
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
    expect(fn.latest.memoryMb).toBe(1024);
  });

  it('restores the memory and description even when removing its versions fails, naming the AWS error', async () => {
    const { run } = await tune(
      'undeletable',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 2, discardTopBottom: 0 },
      [128, 256],
    );
    await expect(run).rejects.toThrow(/restoring the function failed: .*cannot delete versions/);
    expect(lambda.fn('undeletable').latest).toMatchObject({
      memoryMb: 1792,
      description: 'billing',
    });
  });

  it('fails at once with the AWS error when it may not read the configuration, rather than waiting out the update timeout', async () => {
    const started = Date.now();
    const { run } = await tune(
      'denied',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 1 },
      [256],
    );
    await expect(run).rejects.toThrow(/not authorized to perform: lambda:GetFunctionConfiguration/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it('says it could not read the configuration, naming the permission, and that the function was not changed, rather than that restoring it failed', async () => {
    const { run } = await tune(
      'denied',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 1 },
      [256],
    );
    const error = await run.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /^could not read the configuration of \S+denied: permission lambda:GetFunctionConfiguration is missing \(.*\); the function was not changed$/,
    );
    expect(error).not.toBeInstanceOf(RestoreError);
    expect(lambda.fn('denied').latest.memoryMb).toBe(1024);
    expect(lambda.fn('denied').versions.size).toBe(0);
    expect(
      lambda.calls.filter((c) => c === 'PUT /2015-03-31/functions/denied/configuration'),
    ).toEqual([]);
  });

  it('stops on an update that ends with LastUpdateStatus Failed, naming its reason, and still restores the function', async () => {
    const { run } = await tune('eni', ['x86_64'], { mode: 'grid', invocationsPerSize: 1 }, [256]);
    await expect(run).rejects.toThrow(/LastUpdateStatus Failed.*EniLimitExceeded/);
    expect(lambda.fn('eni').invokes).toBe(0);
    expect(lambda.fn('eni').latest).toMatchObject({ memoryMb: 832, description: 'vpc' });
  });

  it('waits for a published version to become Active (a SnapStart snapshot) before invoking it', async () => {
    const job = await tune(
      'snapstart',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 2, discardTopBottom: 0 },
      [256],
    );
    await job.run;
    expect(job.observations()).toHaveLength(2);
    expect(lambda.fn('snapstart').latest.memoryMb).toBe(704);
  });

  it('compares arm64 with x86_64 by re-uploading the code for the other architecture', async () => {
    const s = await (await tune('mid', ['x86_64', 'arm64'])).summary();
    expect(s.results.some((r) => r.architecture === 'arm64' && r.measured)).toBe(true);
    expect(lambda.calls).toContain('PUT /2015-03-31/functions/mid/code');
    expect(lambda.fn('mid').latest.architecture).toBe('x86_64');
  });

  it('reads JSON-format logs (LoggingConfig.LogFormat=JSON)', async () => {
    const s = await (await tune('json')).summary();
    expect(s.pick?.memoryMb).toBe(128);
  });

  it('measures only cold starts with a fresh version per invocation, all removed afterwards', async () => {
    const job = await tune(
      'cold',
      ['x86_64'],
      { mode: 'grid', invocationsPerSize: 5, onlyColdStarts: true, discardTopBottom: 0 },
      [128, 512],
    );
    await job.run;
    const all = job.observations();
    expect(all).toHaveLength(10);
    expect(all.every((o) => !o.warmup && o.initDurationMs > 0)).toBe(true);
    expect(lambda.fn('cold').versions.size).toBe(0);
    expect(lambda.fn('cold').latest.memoryMb).toBe(640);
  });

  it('applies the pick to an alias: a version at the picked size behind it, $LATEST as it was', async () => {
    const job = await tune('mid');
    const s = await job.summary();
    await driver.apply(job.target, s.pick!, job.snapshot, { kind: 'alias', name: 'live' });
    const fn = lambda.fn('mid');
    const version = fn.aliases.get('live')!;
    expect(fn.versions.get(version)).toMatchObject({ memoryMb: 1024, architecture: 'x86_64' });
    expect(fn.latest).toMatchObject({ memoryMb: 2048, description: 'orders' });
  });

  it('puts $LATEST back when applying the pick to an alias fails, naming the AWS error', async () => {
    const target = { jobId: 'job-aliasless', function: lambda.arn('aliasless') };
    const snapshot = await driver.snapshot(target);
    await expect(
      driver.apply(target, { architecture: 'x86_64', memoryMb: 512 }, snapshot, {
        kind: 'alias',
        name: 'live',
      }),
    ).rejects.toThrow(/cannot create alias live/);
    expect(lambda.fn('aliasless').latest).toMatchObject({ memoryMb: 960, description: 'jobs' });
  });
});
