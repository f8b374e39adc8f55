// A shutdown (SIGTERM) or a cancel while a tuning job's call is under way: the call is abandoned,
// the function restored at once (Docker sends SIGKILL 10 s after SIGTERM), the completed calls
// kept, the abandoned one never stored (not as a failure or a timeout of that size either).
import { TuningJobExecutor, TuningRunner, type LambdaTierReader } from '@fleetscope/analysis-jobs';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import {
  TuningJobsRepository,
  type ClickHouseHandle,
  type StoredTuningJob,
} from '@fleetscope/storage';
import type {
  Candidate,
  DriverInvocation,
  FunctionSnapshot,
  TuningDriver,
  TuningTarget,
} from '@fleetscope/tuning';
import { openTestClickHouse } from '../support/test-clickhouse';

/** One synchronous call of a function that runs 12 s: longer than Docker's 10 s grace. */
const SLOW_MS = 12_000;

/**
 * An OpenFaaS-like function (one deployment, resized per size). Its third call takes 12 s; a call
 * told to abort answers as a gateway would whose client went away: a 504, which must not be
 * taken for the size timing out.
 */
class SlowDriver implements TuningDriver {
  readonly platform = 'openfaas' as const;
  readonly oneDeploymentAtATime = true;
  deployedMemoryMb = 512;
  calls = 0;
  slowCall = 3;
  slowStartedAtMs = 0;
  restoredAtMs = 0;
  restores = 0;
  signals: AbortSignal[] = [];
  /** Calls still running, ended by `close` so nothing outlives the test. */
  private running = new Set<() => void>();

  snapshot(): Promise<FunctionSnapshot> {
    return Promise.resolve({
      functionId: 'openfaas~openfaas-fn~gw~fn',
      memoryMb: 512,
      architecture: 'x86_64',
      region: 'gw',
      details: {},
    });
  }
  prepare(_t: TuningTarget, c: Candidate): Promise<void> {
    this.deployedMemoryMb = c.memoryMb;
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
    const slow = this.calls === this.slowCall;
    if (slow) this.slowStartedAtMs = Date.now();
    if (signal) this.signals.push(signal);
    const ms = slow ? SLOW_MS : 20;
    const answer = (outcome: 'ok' | 'timeout'): DriverInvocation => ({
      outcome,
      durationMs: ms,
      billedDurationMs: ms,
      initDurationMs: 0,
      errorType: outcome === 'ok' ? '' : 'HTTP 504',
    });
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.running.delete(end);
        resolve(answer('ok'));
      };
      const timer = setTimeout(end, ms);
      this.running.add(end);
      signal?.addEventListener('abort', () => resolve(answer('timeout')), { once: true });
    });
  }
  restore(): Promise<void> {
    this.deployedMemoryMb = 512;
    this.restores++;
    this.restoredAtMs = Date.now();
    return Promise.resolve();
  }
  apply(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {
    for (const end of this.running) end();
  }
}

function newJob(id: string): StoredTuningJob {
  const now = Date.now();
  return {
    id,
    createdAtMs: now,
    updatedAtMs: now,
    startedAtMs: 0,
    finishedAtMs: 0,
    platform: 'openfaas',
    function: 'fn',
    functionId: '',
    status: 'queued',
    request: {
      platform: 'openfaas',
      function: 'fn',
      memorySizes: [128, 1024],
      mode: 'grid',
      invocationsPerSize: 5,
    },
    snapshot: null,
    progress: 0,
    invocationsUsed: 0,
    summary: null,
    error: '',
    runner: '',
  };
}

async function until(what: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a tuning job stopped while a call is under way', () => {
  let handle: ClickHouseHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await openTestClickHouse());
  });
  afterAll(() => cleanup());

  const runners: TuningRunner[] = [];
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.beforeApplicationShutdown();
  });

  const setup = () => {
    const jobs = new TuningJobsRepository(handle);
    const driver = new SlowDriver();
    const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
    const executor = new TuningJobExecutor(
      jobs,
      [driver],
      new PricingService(defaultCatalogue),
      tiers,
    );
    const runner = () => {
      const r = new TuningRunner(jobs, executor);
      runners.push(r);
      return r;
    };
    return { jobs, driver, runner };
  };

  it('on shutdown abandons the 12 s call and restores the function within a second; the job is queued with the 2 completed calls and completes on resume', async () => {
    const { jobs, driver, runner: newRunner } = setup();
    try {
      await jobs.save(newJob('shutdown'));
      const runner = newRunner();
      runner.onApplicationBootstrap();
      await until(() => driver.slowStartedAtMs > 0);
      expect(driver.deployedMemoryMb).toBe(128);

      const sigterm = Date.now();
      await runner.beforeApplicationShutdown();
      // Before: the shutdown waited for the call, 12 s, and Docker's SIGKILL came at 10 s with
      // the function still at 128 MB.
      expect(driver.restoredAtMs - sigterm).toBeLessThan(1_000);
      expect(Date.now() - sigterm).toBeLessThan(2_000);
      expect(driver.deployedMemoryMb).toBe(512);
      // The call was told to abort (an HTTP driver closes its request).
      expect(driver.signals.at(-1)?.aborted).toBe(true);

      const stopped = (await jobs.get('shutdown'))!;
      expect(stopped.status).toBe('queued');
      expect(stopped.runner).toBe('');
      expect(stopped.summary?.stopReason).toBe('interrupted');
      const kept = await jobs.observations('shutdown');
      // The two calls that ended; not the abandoned one (its "504" is no timeout of 128 MB).
      expect(kept).toHaveLength(2);
      expect(kept.every((o) => o.outcome === 'ok' && o.memoryMb === 128)).toBe(true);

      // The next start resumes the job and runs it to its end.
      driver.slowCall = 0;
      const restoresBefore = driver.restores;
      const next = newRunner();
      next.onApplicationBootstrap();
      await until(async () => (await jobs.get('shutdown'))?.status === 'succeeded', 30_000);
      await next.beforeApplicationShutdown();
      const done = (await jobs.get('shutdown'))!;
      const all = await jobs.observations('shutdown');
      expect(done.invocationsUsed).toBe(all.length);
      expect(all.filter((o) => o.outcome !== 'ok')).toEqual([]);
      expect(all.filter((o) => o.memoryMb === 128)).toHaveLength(5);
      expect(all.filter((o) => o.memoryMb === 1024)).toHaveLength(5);
      // The resume put the function back first, and the session at its end.
      expect(driver.restores - restoresBefore).toBeGreaterThanOrEqual(2);
      expect(driver.deployedMemoryMb).toBe(512);
    } finally {
      // A failed check leaves the slow call running: end it so the runners can stop.
      driver.close();
    }
  }, 60_000);

  it('on a cancel request abandons the call under way the same way, and records the cancel', async () => {
    const { jobs, driver, runner: newRunner } = setup();
    try {
      await jobs.save(newJob('cancel'));
      const runner = newRunner();
      runner.onApplicationBootstrap();
      await until(() => driver.slowStartedAtMs > 0);
      const asked = Date.now();
      await jobs.requestCancel('cancel');
      await until(async () => (await jobs.get('cancel'))?.status === 'failed', 10_000);
      // The executor looks for cancel requests every 2 s.
      expect(driver.restoredAtMs - asked).toBeLessThan(3_500);
      expect(driver.deployedMemoryMb).toBe(512);
      const job = (await jobs.get('cancel'))!;
      expect(job.error).toBe('cancelled; the function was restored');
      expect(await jobs.observations('cancel')).toHaveLength(2);
      await runner.beforeApplicationShutdown();
    } finally {
      // A failed check leaves the slow call running: end it so the runners can stop.
      driver.close();
    }
  }, 60_000);
});
