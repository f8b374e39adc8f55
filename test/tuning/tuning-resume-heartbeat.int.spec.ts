import {
  TUNING_STALE_MS,
  TuningJobExecutor,
  type LambdaTierReader,
} from '@fleetscope/analysis-jobs';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { TuningJobsRepository, type StoredTuningJob } from '@fleetscope/storage';
import type { DriverInvocation, FunctionSnapshot, TuningDriver } from '@fleetscope/tuning';
import { openTestClickHouse } from '../support/test-clickhouse';

const SNAPSHOT: FunctionSnapshot = {
  functionId: 'openfaas~openfaas-fn~gw~fn',
  memoryMb: 512,
  architecture: 'x86_64',
  region: 'gw',
  details: {},
};

/** A platform whose restore takes until the test lets it end (Lambda's retries last minutes). */
class SlowRestoreDriver implements TuningDriver {
  readonly platform = 'openfaas' as const;
  readonly oneDeploymentAtATime = true;
  release: () => void = () => undefined;
  restoring = false;

  snapshot(): Promise<FunctionSnapshot> {
    return Promise.resolve(SNAPSHOT);
  }
  prepare(): Promise<void> {
    return Promise.resolve();
  }
  invoke(): Promise<DriverInvocation> {
    return Promise.resolve({
      outcome: 'ok',
      durationMs: 50,
      billedDurationMs: 50,
      initDurationMs: 0,
      errorType: '',
    });
  }
  /** The first restore (the resume's) waits for `release`; the session's own is at once. */
  restore(): Promise<void> {
    if (this.restoring) return Promise.resolve();
    this.restoring = true;
    return new Promise((resolve) => (this.release = resolve));
  }
  apply(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * A resumed job first puts the function back, which on Lambda may retry for minutes
 * (tuningRestoreRetrySeconds, 10 by default). Its heartbeat started only after that restore, so
 * a job silent for TUNING_STALE_MS (60 s) meanwhile was taken by another runner as abandoned and
 * run twice at once.
 */
describe('a resumed tuning job whose restore takes long', () => {
  it('keeps its heartbeat while the restore runs', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    const driver = new SlowRestoreDriver();
    let run: Promise<StoredTuningJob> | undefined;
    try {
      const jobs = new TuningJobsRepository(handle);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const executor = new TuningJobExecutor(
        jobs,
        [driver],
        new PricingService(defaultCatalogue),
        tiers,
      );
      // Its last heartbeat 9 s ago: the next is due within the executor's 2 s check.
      const lastBeatMs = Date.now() - 9_000;
      const job: StoredTuningJob = {
        id: 'resumed-slow-restore',
        createdAtMs: lastBeatMs,
        updatedAtMs: lastBeatMs,
        startedAtMs: lastBeatMs,
        finishedAtMs: 0,
        platform: 'openfaas',
        function: 'fn',
        functionId: SNAPSHOT.functionId,
        status: 'running',
        request: {
          platform: 'openfaas',
          function: 'fn',
          memorySizes: [128, 1024],
          mode: 'grid',
          invocationsPerSize: 5,
        },
        snapshot: { ...SNAPSHOT },
        progress: 0,
        invocationsUsed: 0,
        summary: null,
        error: '',
        runner: 'host:1:resumed',
      };
      await jobs.save(job);
      run = executor.execute(job, () => false);
      const deadline = Date.now() + 6_000;
      let stored = (await jobs.get(job.id))!;
      while (stored.updatedAtMs === lastBeatMs && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        stored = (await jobs.get(job.id))!;
      }
      expect([driver.restoring, stored.error]).toEqual([true, '']);
      // Before: still lastBeatMs, and stale to every other runner once 60 s had passed.
      expect(stored.updatedAtMs).toBeGreaterThan(lastBeatMs);
      expect(Date.now() - stored.updatedAtMs).toBeLessThan(TUNING_STALE_MS);
      driver.release();
      expect((await run).status).toBe('succeeded');
    } finally {
      // The job ends before the store it writes to closes.
      driver.release();
      await run?.catch(() => undefined);
      await cleanup();
    }
  }, 30_000);
});
