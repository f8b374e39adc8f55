import { LambdaClient } from '@aws-sdk/client-lambda';
import { defaultCatalogue } from '@fleetscope/pricing';
import { LambdaTuningDriver } from '@fleetscope/tuning-drivers';
import {
  runTuningSession,
  summarise,
  tuningPricer,
  type Candidate,
  type Observation,
  type SearchOptions,
} from '@fleetscope/tuning';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';

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
    ]);
    driver = new LambdaTuningDriver(
      (region) =>
        new LambdaClient({
          region: region ?? 'us-east-1',
          endpoint: lambda.url,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
          maxAttempts: 1,
        }),
    );
  });

  afterAll(async () => {
    driver.close();
    await lambda.close();
  });

  async function tune(name: string, architectures: Candidate['architecture'][] = ['x86_64']) {
    const target = { jobId: `job-${name}`, function: lambda.arn(name) };
    const snapshot = await driver.snapshot(target);
    const candidates = architectures.flatMap((architecture) =>
      sizes.map((memoryMb) => ({ architecture, memoryMb })),
    );
    let all: Observation[] = [];
    const pricer = tuningPricer({
      platform: 'aws-lambda',
      region: snapshot.region,
      at: new Date('2026-12-04T00:00:00Z'),
      catalogue: defaultCatalogue,
    });
    const run = runTuningSession({
      driver,
      target,
      snapshot,
      candidates,
      options,
      pricer,
      parallelInvocation: false,
      sleepBetweenRunsMs: 0,
      observations: [],
      onBatch: (_b, observations) => {
        all = observations;
        return Promise.resolve();
      },
      shouldStop: () => false,
    });
    return { run, summary: async () => (await run, summarise(candidates, all, options, pricer)) };
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

  it('compares arm64 with x86_64 by re-uploading the code for the other architecture', async () => {
    const s = await (await tune('mid', ['x86_64', 'arm64'])).summary();
    expect(s.results.some((r) => r.architecture === 'arm64' && r.measured)).toBe(true);
    expect(lambda.calls).toContain('PUT /2015-03-31/functions/mid/code');
    expect(lambda.fn('mid').latest.architecture).toBe('x86_64');
  });
});
