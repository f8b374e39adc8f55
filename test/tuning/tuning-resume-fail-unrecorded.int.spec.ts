// A kill -9 of the analyzer in the middle of a tuning job's batch: the calls it made were billed,
// but a batch is stored only when it ends. The resumed job must say how many calls it cannot
// price, rather than report the cost of the stored calls as the job's whole cost.
import { TuningJobExecutor, tuningJobView, type LambdaTierReader } from '@fleetscope/analysis-jobs';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import {
  TuningJobsRepository,
  type StoredTuningJob,
  type StoredTuningObservation,
} from '@fleetscope/storage';
import {
  type Candidate,
  type DriverInvocation,
  type FunctionSnapshot,
  type TuningDriver,
  type TuningSummary,
  type TuningTarget,
} from '@fleetscope/tuning';
import { openTestClickHouse } from '../support/test-clickhouse';

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

class RestoreFails extends KilledDriver {
  override restore(): Promise<void> {
    return Promise.reject(new Error('AccessDenied: lambda:UpdateFunctionConfiguration'));
  }
}
describe('killed mid-batch, resumed run fails before its first call', () => {
  it('still says how many calls were not recorded', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const pricing = new PricingService(defaultCatalogue);
      const tiers = { position: () => Promise.resolve(undefined) } as unknown as LambdaTierReader;
      const killedRepository = new MortalRepository(handle);
      // Batch 1 (10 calls at 512) stored; killed at call 17 (7th of the 1024 batch).
      const driver = new KilledDriver(killedRepository, 17);
      const startedAtMs = Date.now();
      const job: StoredTuningJob = {
        id: 'killed-then-restore-fails',
        createdAtMs: startedAtMs,
        updatedAtMs: startedAtMs,
        startedAtMs,
        finishedAtMs: 0,
        platform: 'openfaas',
        function: 'fn',
        functionId: '',
        status: 'running',
        request: {
          platform: 'openfaas',
          function: 'fn',
          memorySizes: [512, 1024],
          mode: 'grid',
          invocationsPerSize: 10,
        },
        snapshot: null,
        progress: 0,
        invocationsUsed: 0,
        summary: null,
        error: '',
        runner: 'host:1:dead',
      };
      await killedRepository.save(job);
      await new TuningJobExecutor(killedRepository, [driver], pricing, tiers).execute(
        job,
        () => false,
      );
      const jobs = new MortalRepository(handle);
      const left = (await jobs.get(job.id))!;
      expect(left.invocationsUsed).toBe(10);
      expect((left.summary as unknown as TuningSummary).invocationsStarted).toBe(17);
      // The resumed run fails reading the function, before any call.
      await new TuningJobExecutor(jobs, [new RestoreFails(jobs, 0)], pricing, tiers).execute(
        left,
        () => false,
      );
      const stored = (await jobs.get(job.id))!;
      expect(stored.status).toBe('failed');
      expect(tuningJobView(stored).jobCost).toMatchObject({
        invocations: 10,
        unrecordedInvocations: 7,
      });
    } finally {
      await cleanup();
    }
  });
});
