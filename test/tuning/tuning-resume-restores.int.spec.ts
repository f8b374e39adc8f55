import { TuningJobExecutor, type LambdaTierReader } from '@fleetscope/analysis-jobs';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { TuningJobsRepository, type StoredTuningJob } from '@fleetscope/storage';
import type {
  Candidate,
  DriverInvocation,
  FunctionSnapshot,
  TuningDriver,
  TuningSummary,
  TuningTarget,
} from '@fleetscope/tuning';
import { openTestClickHouse } from '../support/test-clickhouse';

const FN = 'aws_lambda~123456789012~us-east-1~snappy';

/** A Python SnapStart function whose every call restores a snapshot: 100 ms billed + 300 ms restore. */
class RestoringDriver implements TuningDriver {
  readonly platform = 'aws-lambda' as const;
  readonly oneDeploymentAtATime = false;
  invocations = 0;

  /** `publishesVersions`: as Lambda, each prepare and each fresh call publishes a version. */
  constructor(readonly publishesVersions = false) {}

  snapshot(): Promise<FunctionSnapshot> {
    return Promise.resolve({
      functionId: FN,
      memoryMb: 512,
      architecture: 'x86_64',
      region: 'us-east-1',
      details: { runtime: 'python3.12', functionName: 'snappy' },
    });
  }
  prepare(): Promise<void> {
    return Promise.resolve();
  }
  invoke(_t: TuningTarget, _c: Candidate): Promise<DriverInvocation> {
    this.invocations++;
    return Promise.resolve({
      outcome: 'ok',
      durationMs: 100,
      billedDurationMs: 100,
      initDurationMs: 0,
      restoreDurationMs: 400,
      billedRestoreDurationMs: 300,
      errorType: '',
    });
  }
  restore(): Promise<void> {
    return Promise.resolve();
  }
  apply(): Promise<void> {
    return Promise.resolve();
  }
}

describe('a resumed tuning job and its SnapStart restores', () => {
  it('reads the restores it stored before the restart back as restores: each call billed 400 ms with the restore fee, not 100 ms as a warm call', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const jobs = new TuningJobsRepository(handle);
      const driver = new RestoringDriver();
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const executor = new TuningJobExecutor(jobs, [driver], pricing, tiers);
      const startedAtMs = Date.parse('2026-12-04T12:00:00Z');
      const job: StoredTuningJob = {
        id: 'snap-resume',
        createdAtMs: startedAtMs,
        updatedAtMs: startedAtMs,
        startedAtMs,
        finishedAtMs: 0,
        platform: 'aws-lambda',
        function: 'snappy',
        functionId: FN,
        status: 'running',
        request: {
          platform: 'aws-lambda',
          function: 'snappy',
          memorySizes: [512],
          mode: 'grid',
          invocationsPerSize: 6,
          onlyColdStarts: true,
        },
        snapshot: null,
        progress: 0,
        invocationsUsed: 0,
        summary: null,
        error: '',
        runner: 'test',
      };
      // The first run stops (a shutdown) after 3 calls, and is queued again.
      const first = await executor.execute(job, () => driver.invocations >= 3);
      expect(first.status).toBe('queued');
      expect(driver.invocations).toBe(3);
      const stored = await jobs.observations(job.id);
      expect(stored.map((o) => [o.restoreDurationMs, o.billedRestoreDurationMs])).toEqual([
        [400, 300],
        [400, 300],
        [400, 300],
      ]);

      // The restart: the job as read back, resumed.
      const resumed = (await jobs.get(job.id))!;
      const done = await executor.execute({ ...resumed, status: 'running' }, () => false);
      expect(done.status).toBe('succeeded');
      expect(driver.invocations).toBe(6);
      const summary = done.summary as unknown as TuningSummary;
      const at = new Date(startedAtMs);
      const perCall = pricing.lambdaInvocation(
        {
          architecture: 'x86_64',
          memoryMb: 512,
          durationMs: 400,
          initType: 'snap-start',
          runtime: 'python3.12',
        },
        at,
        'us-east-1',
      ).usd;
      // Every one of the six calls restored: 100 ms + 300 ms billed, and the restore fee.
      expect(summary.results[0].billedMeanMs).toBe(400);
      expect(summary.results[0].costUsdPerInvocation).toBeCloseTo(perCall, 15);
      // No version published (a driver that publishes none): the calls alone.
      expect(summary.jobCostUsd).toBeCloseTo(6 * perCall, 15);
    } finally {
      await cleanup();
    }
  });

  it('counts the SnapStart cache of every version it published, the run before the restart too, at least 3 hours each', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const jobs = new TuningJobsRepository(handle);
      const driver = new RestoringDriver(true);
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const executor = new TuningJobExecutor(jobs, [driver], pricing, tiers);
      const startedAtMs = Date.parse('2026-12-04T12:00:00Z');
      const job: StoredTuningJob = {
        id: 'snap-cache',
        createdAtMs: startedAtMs,
        updatedAtMs: startedAtMs,
        startedAtMs,
        finishedAtMs: 0,
        platform: 'aws-lambda',
        function: 'snappy',
        functionId: FN,
        status: 'running',
        request: {
          platform: 'aws-lambda',
          function: 'snappy',
          memorySizes: [512],
          mode: 'grid',
          invocationsPerSize: 6,
          onlyColdStarts: true,
        },
        snapshot: null,
        progress: 0,
        invocationsUsed: 0,
        summary: null,
        error: '',
        runner: 'test',
      };
      const first = await executor.execute(job, () => driver.invocations >= 3);
      expect(first.status).toBe('queued');
      const resumed = (await jobs.get(job.id))!;
      const done = await executor.execute({ ...resumed, status: 'running' }, () => false);
      expect(done.status).toBe('succeeded');
      const summary = done.summary as unknown as TuningSummary;
      const at = new Date(startedAtMs);
      const perCall = pricing.lambdaInvocation(
        {
          architecture: 'x86_64',
          memoryMb: 512,
          durationMs: 400,
          initType: 'snap-start',
          runtime: 'python3.12',
        },
        at,
        'us-east-1',
      ).usd;
      const cache = defaultCatalogue.find('aws.lambda.snapstart-cache', at, 'us-east-1')!;
      // Each run published one version for the size and one per fresh call: 2 × (1 + 3) = 8
      // versions, each cached (0.5 GB) for the 3-hour minimum.
      expect(summary.publishedVersions).toHaveLength(8);
      expect(summary.publishedVersions!.every((v) => v.removedAtMs !== null)).toBe(true);
      const cacheUsd = 8 * 0.5 * 3 * 3600 * cache.usdPerUnit;
      expect(summary.snapStartCacheUsd).toBeCloseTo(cacheUsd, 12);
      expect(summary.jobCostUsd).toBeCloseTo(6 * perCall + cacheUsd, 12);
      expect(summary.priceIds).toContain(cache.id);
    } finally {
      await cleanup();
    }
  });

  it('reads a call stored before the restore columns existed as no restore', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      await handle.client.insert({
        table: 'tuning_observations',
        format: 'JSONEachRow',
        values: [
          {
            job_id: 'old-job',
            seq: 0,
            architecture: 'x86_64',
            memory_mb: 512,
            warmup: 0,
            outcome: 'ok',
            duration_ms: 100,
            billed_duration_ms: 100,
            init_duration_ms: 0,
            error_type: '',
          },
        ],
      });
      const [old] = await new TuningJobsRepository(handle).observations('old-job');
      expect(old).toMatchObject({ restoreDurationMs: 0, billedRestoreDurationMs: 0 });
    } finally {
      await cleanup();
    }
  });
});
