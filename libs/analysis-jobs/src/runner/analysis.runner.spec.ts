import type { Analyzer, FunctionWindowStats, Recommendation } from '@fleetscope/analysis';
import { loadConfig } from '@fleetscope/config';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type {
  AnalysisInputsRepository,
  AnalysisRun,
  FunctionConfigRepository,
  RecommendationsRepository,
  StoredAnalysisInputs,
  StoredRecommendation,
  StoredTuningJob,
  TuningJobsRepository,
} from '@fleetscope/storage';
import { ALL_FUNCTIONS, StorageUnavailableError } from '@fleetscope/storage';
import { AnalysisRunner, candidateConcurrencyLevels } from './analysis.runner';

const ID = 'aws_lambda~1~us-east-1~a';
const NOW = Date.parse('2026-11-23T12:00:00Z');

function stored(): Map<string, StoredAnalysisInputs> {
  const stats = {
    functionId: ID,
    invocations: 10,
    byMemory: [],
    daily: [],
  } as unknown as FunctionWindowStats;
  return new Map([[ID, { stats, concurrency: null }]]);
}

/** A recommendation as the analyzers make it, with what the plans read. */
function advice(
  kind: Recommendation['kind'],
  functionId: string,
  planRole: Recommendation['planRole'],
  lowUsd: number,
  highUsd: number,
): Recommendation {
  return {
    kind,
    functionId,
    severity: planRole === 'fix' ? 'critical' : 'info',
    planRole,
    confidenceScore: 0.8,
    monthlyImpactUsd: (lowUsd + highUsd) / 2,
    savingUsd: { lowUsd, highUsd },
    evidence: {},
  } as unknown as Recommendation;
}

const memoryAdvice: Analyzer = {
  kind: 'memory',
  analyze: ({ profile }) => [advice('memory', profile.functionId, 'change', 12.345, 12.345)],
};
const broken: Analyzer = {
  kind: 'timeout-risk',
  analyze: () => {
    throw new Error('odd data');
  },
};

function setup(
  load: () => Promise<Map<string, StoredAnalysisInputs>>,
  analyzers: Analyzer[] = [memoryAdvice, broken],
) {
  const saved: { run: AnalysisRun; recommendations: StoredRecommendation[] }[] = [];
  const windows: { fromMs: number; toMs: number }[] = [];
  const inputs = {
    load: (window: { fromMs: number; toMs: number }) => {
      windows.push(window);
      return load();
    },
    functionBatches: () => Promise.resolve([ALL_FUNCTIONS]),
  } as unknown as AnalysisInputsRepository;
  // The inventory names the architecture: an unknown one widens every saving (priced as x86_64).
  const configs = {
    merged: () => Promise.resolve(new Map([[ID, { functionId: ID, architecture: 'x86_64' }]])),
  } as unknown as FunctionConfigRepository;
  const results = {
    saveRunStart: () => Promise.resolve(),
    pruneRuns: () => Promise.resolve(false),
    saveRun: (run: AnalysisRun, recommendations: StoredRecommendation[]) => {
      saved.push({ run, recommendations });
      return Promise.resolve();
    },
  } as unknown as RecommendationsRepository;
  const runner = new AnalysisRunner(
    inputs,
    configs,
    results,
    loadConfig({ FLEETSCOPE_ANALYSIS_WINDOW_DAYS: '3' }),
    new PricingService(defaultCatalogue),
    analyzers,
  );
  return { runner, saved, windows };
}

describe(AnalysisRunner.name, () => {
  it('analyses the configured window, stores the run with its recommendations and sums them up', async () => {
    const { runner, saved, windows } = setup(() => Promise.resolve(stored()));
    const summary = await runner.run({ nowMs: NOW });
    expect(windows).toEqual([{ fromMs: NOW - 3 * 86_400_000, toMs: NOW }]);
    expect(summary).toMatchObject({
      status: 'ok',
      functions: 1,
      recommendations: 1,
      byKind: { memory: 1, 'timeout-risk': 0, 'provisioned-concurrency': 0, containers: 0 },
      monthlyImpactUsd: 12.35,
      failureCount: 1,
      failures: [{ functionId: ID, kind: 'timeout-risk', message: 'odd data' }],
      catalogueVersion: defaultCatalogue.version,
    });
    expect(saved).toHaveLength(1);
    expect(saved[0].run).toMatchObject({ runId: summary.runId, status: 'ok', recommendations: 1 });
    expect(saved[0].recommendations).toHaveLength(1);
  });

  it("the run's total is the plans' total (it summed every midpoint): a move to containers is an option and a fix a cost, neither added", async () => {
    const fleet: Analyzer = {
      kind: 'memory',
      analyze: ({ profile }) => [
        advice('memory', profile.functionId, 'change', 80, 120),
        advice('provisioned-concurrency', profile.functionId, 'change', 10, 10),
        advice('containers', profile.functionId, 'option', 1000, 1400),
        advice('timeout-risk', profile.functionId, 'fix', -3, -3),
      ],
    };
    const { runner } = setup(() => Promise.resolve(stored()), [fleet]);
    const summary = await runner.run({ nowMs: NOW });
    expect(summary.recommendations).toBe(4);
    expect(summary.monthlyImpactUsd).toBe(110);
  });

  it('runs one analysis at a time: a second caller waits for the first', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const { runner } = setup(async () => {
      const n = ++calls;
      order.push(`start ${n}`);
      if (n === 1) await gate;
      order.push(`end ${n}`);
      return stored();
    });
    const first = runner.run({ nowMs: NOW });
    const second = runner.run({ nowMs: NOW });
    expect(runner.busy).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(runner.busy).toBe(false);
  });

  it('records a failed run and hands the storage error to the caller', async () => {
    const { runner, saved } = setup(() =>
      Promise.reject(new StorageUnavailableError('ClickHouse is down')),
    );
    await expect(runner.run({ nowMs: NOW })).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(saved).toEqual([
      expect.objectContaining({
        run: expect.objectContaining({ status: 'failed', message: 'ClickHouse is down' }),
        recommendations: [],
      }),
    ]);
    // The queue is not stuck behind the failure.
    const ok = setup(() => Promise.resolve(stored()));
    await expect(ok.runner.run({ nowMs: NOW })).resolves.toMatchObject({ status: 'ok' });
  });

  it("gives each function's latest succeeded tuning job to the analyzers as measured evidence", async () => {
    const seen: unknown[] = [];
    const capture: Analyzer = {
      kind: 'memory',
      analyze: (input) => {
        seen.push(input.tuning);
        return [];
      },
    };
    const job = {
      id: 'job-1',
      functionId: ID,
      finishedAtMs: Date.parse('2026-11-22T08:00:00Z'),
      summary: {
        results: [
          {
            memoryMb: 512,
            architecture: 'x86_64',
            invocations: 11,
            measured: true,
            feasible: true,
            meanMs: 80,
            p90Ms: 90,
            costUsdPerInvocation: 1e-6,
          },
          {
            memoryMb: 256,
            architecture: 'x86_64',
            invocations: 0,
            measured: false,
            feasible: true,
            meanMs: 150,
            p90Ms: null,
            costUsdPerInvocation: 1e-6,
          },
        ],
      },
    } as unknown as StoredTuningJob;
    const tuningJobs = {
      latestSucceededByFunction: () => Promise.resolve([job]),
    } as unknown as TuningJobsRepository;
    const runner = new AnalysisRunner(
      {
        load: () => Promise.resolve(stored()),
        functionBatches: () => Promise.resolve([ALL_FUNCTIONS]),
      } as unknown as AnalysisInputsRepository,
      { merged: () => Promise.resolve(new Map()) } as unknown as FunctionConfigRepository,
      {
        saveRunStart: () => Promise.resolve(),
        pruneRuns: () => Promise.resolve(false),
        saveRun: () => Promise.resolve(),
      } as unknown as RecommendationsRepository,
      loadConfig({}),
      new PricingService(defaultCatalogue),
      [capture],
      tuningJobs,
    );
    await runner.run({ nowMs: NOW });
    expect(seen).toEqual([
      {
        jobId: 'job-1',
        finishedAt: '2026-11-22T08:00:00.000Z',
        points: [
          {
            memoryMb: 512,
            architecture: 'x86_64',
            invocations: 11,
            feasible: true,
            meanMs: 80,
            p90Ms: 90,
            costUsdPerInvocation: 1e-6,
          },
        ],
      },
    ]);
  });
});

describe(candidateConcurrencyLevels.name, () => {
  it('defect 5 (configured level not a candidate): every configured PC and min-scale level is measured beside the defaults', () => {
    const levels = candidateConcurrencyLevels([
      { provisionedConcurrency: 4, minScale: null },
      { provisionedConcurrency: null, minScale: 7 },
      { provisionedConcurrency: null, minScale: null },
    ]);
    expect(levels).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 7, 8, 10]));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });
});
