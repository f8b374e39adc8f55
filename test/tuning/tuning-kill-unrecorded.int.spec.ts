// A kill -9 of the analyzer in the middle of a tuning job's batch: the calls it made were billed,
// but a batch is stored only when it ends. The resumed job must say how many calls it cannot
// price, rather than report the cost of the stored calls as the job's whole cost.
import {
  TUNING_STALE_MS,
  TuningJobExecutor,
  tuningJobView,
  type LambdaTierReader,
} from '@fleetscope/analysis-jobs';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import {
  TuningJobsRepository,
  type StoredTuningJob,
  type StoredTuningObservation,
} from '@fleetscope/storage';
import {
  tuningPricer,
  type Candidate,
  type DriverInvocation,
  type FunctionSnapshot,
  type TuningDriver,
  type TuningSummary,
  type TuningTarget,
} from '@fleetscope/tuning';
import { openTestClickHouse } from '../support/test-clickhouse';

/** A running OpenFaaS grid job of `fn` at `sizes`, started at `startedAtMs` by `runner`. */
const runningJob = (
  id: string,
  startedAtMs: number,
  memorySizes: number[],
  invocationsPerSize: number,
  runner: string,
): StoredTuningJob => ({
  id,
  createdAtMs: startedAtMs,
  updatedAtMs: startedAtMs,
  startedAtMs,
  finishedAtMs: 0,
  platform: 'openfaas',
  function: 'fn',
  functionId: '',
  status: 'running',
  request: { platform: 'openfaas', function: 'fn', memorySizes, mode: 'grid', invocationsPerSize },
  snapshot: null,
  progress: 0,
  invocationsUsed: 0,
  summary: null,
  error: '',
  runner,
});

/** The real repository of a process that can die: after `dead`, nothing it writes lands. */
class MortalRepository extends TuningJobsRepository {
  dead = false;
  override save(job: StoredTuningJob): Promise<void> {
    return this.dead ? Promise.resolve() : super.save(job);
  }
  override appendObservations(id: string, o: StoredTuningObservation[]): Promise<void> {
    return this.dead ? Promise.resolve() : super.appendObservations(id, o);
  }
}

/** An OpenFaaS-like function whose every call runs 100 ms; `killAt` is the call the process dies in. */
class KilledDriver implements TuningDriver {
  readonly platform = 'openfaas' as const;
  readonly oneDeploymentAtATime = true;
  calls = 0;
  /** The call a shutdown catches under way: it runs until the job abandons it. */
  hangAt = 0;
  /** Told when that call has started. */
  hanging?: () => void;

  constructor(
    private readonly repository: MortalRepository,
    private readonly killAt: number,
  ) {}

  snapshot(): Promise<FunctionSnapshot> {
    return Promise.resolve({
      functionId: 'openfaas~openfaas-fn~gw~fn',
      memoryMb: 512,
      architecture: 'x86_64',
      region: 'gw',
      details: {},
    });
  }
  prepare(): Promise<void> {
    return Promise.resolve();
  }
  invoke(
    _t: TuningTarget,
    _c: Candidate,
    _p: unknown,
    _f: boolean,
    _s: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<DriverInvocation> {
    this.calls++;
    if (this.calls === this.killAt) {
      // The call has gone out; the process dies before its answer.
      this.repository.dead = true;
      return Promise.reject(new Error('killed'));
    }
    if (this.calls === this.hangAt) {
      this.hanging?.();
      return new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
      );
    }
    return Promise.resolve({
      outcome: 'ok',
      durationMs: 100,
      billedDurationMs: 100,
      initDurationMs: 0,
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

/** The resumed run's driver: the function can no longer be read or restored. */
class RestoreFails extends KilledDriver {
  override restore(): Promise<void> {
    return Promise.reject(new Error('AccessDenied: lambda:UpdateFunctionConfiguration'));
  }
}

describe('a tuning job resumed after its analyzer was killed mid-batch', () => {
  it('counts the calls the killed run made but never stored, and prices only those it stored', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const killedRepository = new MortalRepository(handle);
      // The seventh call of the first batch of ten: six answered, one under way, none stored.
      const driver = new KilledDriver(killedRepository, 7);
      const startedAtMs = Date.parse('2026-12-04T12:00:00Z');
      const job = runningJob('killed-mid-batch', startedAtMs, [512], 10, 'host:1:dead');
      await killedRepository.save(job);
      await new TuningJobExecutor(killedRepository, [driver], pricing, tiers).execute(
        job,
        () => false,
      );
      expect(driver.calls).toBe(7);

      // The next analyzer finds the job running under a dead runner and resumes it.
      const jobs = new TuningJobsRepository(handle);
      const left = (await jobs.get(job.id))!;
      expect(left.status).toBe('running');
      expect(await jobs.observations(job.id)).toEqual([]);
      // Running under a runner whose heartbeat stopped: its calls are unrecorded, not in flight.
      expect(
        tuningJobView(left, left.updatedAtMs + TUNING_STALE_MS + 1).jobCost.unrecordedInvocations,
      ).toBe(7);
      const done = await new TuningJobExecutor(jobs, [driver], pricing, tiers).execute(
        left,
        () => false,
      );
      expect(done.status).toBe('succeeded');
      expect(driver.calls).toBe(17);

      const summary = done.summary as unknown as TuningSummary;
      expect(summary.invocationsUsed).toBe(10);
      expect(summary.invocationsStarted).toBe(17);
      expect(summary.unrecordedInvocations).toBe(7);
      const perCall = tuningPricer({
        platform: 'openfaas',
        region: 'gw',
        at: new Date(startedAtMs),
        pricing,
      }).invocationUsd('x86_64', 512, 100);
      // The ten stored calls, measured; the killed run's seven are counted, not guessed at.
      expect(summary.jobCostUsd).toBeCloseTo(10 * perCall, 15);
      expect(tuningJobView(done).jobCost).toEqual({
        invocations: 10,
        usd: summary.jobCostUsd,
        unrecordedInvocations: 7,
      });
    } finally {
      await cleanup();
    }
  });

  it('counts the call a shutdown abandoned: it ran on the platform, its answer was never stored', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const jobs = new MortalRepository(handle);
      const driver = new KilledDriver(jobs, 0);
      driver.hangAt = 8;
      const shutdown = new AbortController();
      driver.hanging = () => shutdown.abort();
      const now = Date.now();
      const job = runningJob('shut-down', now, [512, 1024], 5, 'test');
      const stopped = await new TuningJobExecutor(jobs, [driver], pricing, tiers).execute(
        job,
        () => shutdown.signal.aborted,
        shutdown.signal,
      );
      expect(stopped.status).toBe('queued');
      const resumed = (await jobs.get(job.id))!;
      const done = await new TuningJobExecutor(jobs, [driver], pricing, tiers).execute(
        { ...resumed, status: 'running' },
        () => false,
      );
      expect(done.status).toBe('succeeded');
      // 5 + 2 calls stored before the shutdown, the third at 1024 MB abandoned, 3 after it.
      expect(driver.calls).toBe(11);
      expect(done.invocationsUsed).toBe(10);
      expect(tuningJobView(done).jobCost.unrecordedInvocations).toBe(1);
    } finally {
      await cleanup();
    }
  });

  it('counts no call of the batch in progress of a job running normally as unrecorded (it read 1, then 2, … with a "≥ $" cost)', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const jobs = new MortalRepository(handle);
      /** Reads the job as the API shows it during every call, its start already counted. */
      class Watched extends KilledDriver {
        readonly seen: (number | undefined)[] = [];
        override async invoke(
          ...args: Parameters<KilledDriver['invoke']>
        ): Promise<DriverInvocation> {
          const now = (await jobs.get('watched'))!;
          this.seen.push(tuningJobView(now).jobCost.unrecordedInvocations);
          return super.invoke(...args);
        }
      }
      const driver = new Watched(jobs, 0);
      const now = Date.now();
      const done = await new TuningJobExecutor(jobs, [driver], pricing, tiers).execute(
        runningJob('watched', now, [512, 1024], 5, 'test'),
        () => false,
      );
      expect(done.status).toBe('succeeded');
      expect(driver.seen).toEqual(new Array<undefined>(10).fill(undefined));
    } finally {
      await cleanup();
    }
  });

  it('reports no unrecorded call for a job that ran uninterrupted', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const jobs = new MortalRepository(handle);
      const driver = new KilledDriver(jobs, 0);
      const now = Date.now();
      const done = await new TuningJobExecutor(jobs, [driver], pricing, tiers).execute(
        runningJob('uninterrupted', now, [512, 1024], 5, 'test'),
        () => false,
      );
      expect(done.status).toBe('succeeded');
      const summary = done.summary as unknown as TuningSummary;
      expect([summary.invocationsStarted, summary.unrecordedInvocations]).toEqual([10, 0]);
      expect(tuningJobView(done).jobCost.unrecordedInvocations).toBeUndefined();
    } finally {
      await cleanup();
    }
  });

  it("still counts the killed run's calls when the resumed run fails before its first call", async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const killedRepository = new MortalRepository(handle);
      // Batch 1 (10 calls at 512) stored; killed at call 17 (7th of the 1024 batch).
      const driver = new KilledDriver(killedRepository, 17);
      const startedAtMs = Date.now();
      const job = runningJob(
        'killed-then-restore-fails',
        startedAtMs,
        [512, 1024],
        10,
        'host:1:dead',
      );
      await killedRepository.save(job);
      await new TuningJobExecutor(killedRepository, [driver], pricing, tiers).execute(
        job,
        () => false,
      );
      const jobs = new MortalRepository(handle);
      const left = (await jobs.get(job.id))!;
      expect(left.invocationsUsed).toBe(10);
      expect((left.summary as unknown as TuningSummary).invocationsStarted).toBe(17);
      // The resumed run fails putting the function back, before any call: the job waits with
      // its restore pending.
      await new TuningJobExecutor(jobs, [new RestoreFails(jobs, 0)], pricing, tiers).execute(
        left,
        () => false,
      );
      const stored = (await jobs.get(job.id))!;
      expect(stored.status).toBe('queued');
      expect(stored.error).toMatch(/^restore pending: .*AccessDenied/);
      expect(tuningJobView(stored).jobCost).toMatchObject({
        invocations: 10,
        unrecordedInvocations: 7,
      });
    } finally {
      await cleanup();
    }
  });
});
