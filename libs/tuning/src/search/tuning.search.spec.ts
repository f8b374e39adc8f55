import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { tuningPricer } from '../pricing/tuning-cost';
import { NothingChangedError } from '../session/tuning.driver';
import { RestoreError, runTuningSession } from '../session/tuning.session';
import { curveByName, type DurationCurve } from '../testing/duration-curves';
import { SimulatedDriver } from '../testing/simulated.driver';
import type { Candidate, Observation, SearchOptions } from '../tuning.types';
import { adaptiveBudget, nextStep, scoreSizes } from './tuning.search';
import { summarise } from './tuning.summary';

const pricer = tuningPricer({
  platform: 'aws-lambda',
  region: 'us-east-1',
  at: new Date('2026-12-04T00:00:00Z'),
  pricing: new PricingService(defaultCatalogue),
});
const sizes = [128, 256, 512, 1024, 1536, 3008];
const x86: Candidate[] = sizes.map((memoryMb) => ({ architecture: 'x86_64', memoryMb }));
const options: SearchOptions = {
  mode: 'adaptive',
  strategy: 'cost',
  balancedWeight: 0.5,
  invocationsPerSize: 50,
  discardTopBottom: 0.2,
  onlyColdStarts: false,
};

async function tune(
  curveName: string,
  extra: Partial<SearchOptions> = {},
  candidates = x86,
  seed = 7,
  stopAfter = Number.POSITIVE_INFINITY,
  earlier: Observation[] = [],
  parallelInvocation = false,
) {
  const curve = curveByName(curveName) as DurationCurve;
  const driver = new SimulatedDriver(curve, seed);
  const target = { jobId: 'j', function: curveName };
  const snapshot = await driver.snapshot(target);
  let all = earlier;
  const end = await runTuningSession({
    driver,
    target,
    snapshot,
    candidates,
    options: { ...options, ...extra },
    pricer,
    parallelInvocation,
    sleepBetweenRunsMs: 0,
    observations: earlier,
    onBatch: (_b, observations) => {
      all = observations;
      return Promise.resolve();
    },
    shouldStop: () => all.length >= stopAfter,
  });
  return {
    end,
    driver,
    all,
    summary: summarise(candidates, all, { ...options, ...extra }, pricer),
  };
}

describe('adaptive tuning search', () => {
  it('picks the smallest size for an IO-bound function whose duration is flat', async () => {
    const { summary } = await tune('io-bound');
    expect(summary.pick?.memoryMb).toBe(128);
    expect(summary.invocationsUsed).toBeLessThanOrEqual(100);
  });

  it('picks the largest size for speed on a CPU-bound function', async () => {
    const { summary } = await tune('cpu-bound', { strategy: 'speed' });
    expect(summary.pick?.memoryMb).toBe(3008);
  });

  it('finds a cost optimum that is not the smallest size', async () => {
    const { summary } = await tune('cost-optimum-mid');
    expect(summary.pick?.memoryMb).toBe(1024);
    expect(summary.pick?.reason).toMatch(/cheapest: 1024 MB x86_64/);
  });

  it('states the pick’s cost range and its saving against the current size, conclusive when the ranges are apart', async () => {
    const { summary } = await tune('cost-optimum-mid', {
      baseline: { architecture: 'x86_64', memoryMb: 3008 },
    });
    const pick = summary.pick!;
    expect(pick.memoryMb).toBe(1024);
    const r1024 = summary.results.find((r) => r.memoryMb === 1024)!;
    const r3008 = summary.results.find((r) => r.memoryMb === 3008)!;
    expect(pick.costRangeUsdPerInvocation.value).toBe(r1024.costUsdPerInvocation);
    expect(pick.costRangeUsdPerInvocation.lo).toBeLessThan(pick.costRangeUsdPerInvocation.value);
    expect(pick.costRangeUsdPerInvocation.hi).toBeGreaterThan(pick.costRangeUsdPerInvocation.value);
    expect(pick.current).toMatchObject({
      memoryMb: 3008,
      architecture: 'x86_64',
      costRangeUsdPerInvocation: { value: r3008.costUsdPerInvocation },
    });
    const saving = pick.current!.savingUsdPerInvocation;
    expect(saving.value).toBeCloseTo(r3008.costUsdPerInvocation! - r1024.costUsdPerInvocation!, 15);
    expect(saving.lo).toBeGreaterThan(0);
    expect(pick.current!.savingShare).toBeCloseTo(saving.value / r3008.costUsdPerInvocation!, 12);
    expect(pick.inconclusive).toBe(false);
    expect(pick.reason).toMatch(
      /; against the current 3008 MB x86_64 \(\$[\d.e-]+\): saves \d+ % per invocation \(\$[\d.e-]+ to \$[\d.e-]+\)$/,
    );
  });

  it('says the current size was not among the sizes measured, not that it failed, when the job left it out', async () => {
    const { summary } = await tune('io-bound', {
      baseline: { architecture: 'x86_64', memoryMb: 2048 },
    });
    expect(summary.pick?.current).toBeNull();
    expect(summary.pick?.reason).toMatch(
      /the current 2048 MB x86_64 was not among the sizes measured, so no saving is stated/,
    );
  });

  it('marks a pick inconclusive, never to be applied, when its range overlaps the current size’s: 15 % noise over a 7 % true gap', async () => {
    // 512 MB at 430 ms costs 7 % more than 1024 MB at 200 ms; the function runs at 1024 MB.
    const curve: DurationCurve = {
      name: 'noisy-gap',
      initMs: 250,
      noise: 0.15,
      expectedMs: (m) => (m === 512 ? 430 : 200),
    };
    const two: Candidate[] = [512, 1024].map((memoryMb) => ({ architecture: 'x86_64', memoryMb }));
    const current = { ...options, baseline: { architecture: 'x86_64' as const, memoryMb: 1024 } };
    let dearer = 0;
    const dearerAndConclusive: number[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const driver = new SimulatedDriver(curve, seed);
      const target = { jobId: 'j', function: curve.name };
      let all: Observation[] = [];
      await runTuningSession({
        driver,
        target,
        snapshot: await driver.snapshot(target),
        candidates: two,
        options: current,
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
      const { pick } = summarise(two, all, current, pricer);
      if (pick?.memoryMb !== 512) continue;
      dearer++;
      if (!pick.inconclusive) dearerAndConclusive.push(seed);
      else expect(pick.reason).toMatch(/; inconclusive: .*not applied automatically$/);
    }
    // The point estimates still favour the dearer size now and then; the ranges never do.
    expect(dearer).toBeGreaterThan(0);
    expect(dearerAndConclusive).toEqual([]);
  });

  it('marks sizes that run out of memory infeasible, skips smaller ones and goes on', async () => {
    const { summary } = await tune('oom-below-512');
    const bySize = new Map(summary.results.map((r) => [r.memoryMb, r]));
    expect(bySize.get(128)).toMatchObject({ feasible: false });
    expect(bySize.get(128)?.failure).toMatch(/out of memory/);
    expect(bySize.get(256)).toMatchObject({ feasible: false });
    expect(bySize.get(512)).toMatchObject({ feasible: true, measured: true });
    expect(summary.pick?.memoryMb).toBe(512);
  });

  it('never reports a size it did not run as feasible, nor predicts one between an OOM and the smallest size that ran', async () => {
    // Few invocations: the budget ends before 256 MB, above the OOM at 128 MB, is run.
    const { summary } = await tune('oom-below-512', {
      invocationsPerSize: 5,
      baseline: { architecture: 'x86_64', memoryMb: 1024 },
    });
    const bySize = new Map(summary.results.map((r) => [r.memoryMb, r]));
    expect(bySize.get(256)).toMatchObject({
      measured: false,
      feasible: null,
      costUsdPerInvocation: null,
    });
    expect(bySize.get(256)?.note).toMatch(/128 MB out of memory.*may fail too/);
    for (const r of summary.results.filter((x) => !x.measured)) expect(r.feasible).not.toBe(true);
    expect(summary.pick?.memoryMb).toBe(512);
  });

  it('does not rule out the sizes below a timeout when a smaller size ran: a timeout at 3008 MB says nothing of 1024 MB once 512 MB succeeded', async () => {
    const curve = curveByName('cost-optimum-mid') as DurationCurve;
    const driver = new SimulatedDriver(curve, 7, { memoryMb: 512, architecture: 'x86_64' });
    const invoke = driver.invoke.bind(driver);
    let first3008 = true;
    driver.invoke = (...args: Parameters<SimulatedDriver['invoke']>) => {
      if (args[1].memoryMb !== 3008 || !first3008) return invoke(...args);
      first3008 = false;
      return Promise.resolve({
        outcome: 'timeout' as const,
        durationMs: 3000,
        billedDurationMs: 3000,
        initDurationMs: 0,
        errorType: 'Sandbox.Timedout',
      });
    };
    const target = { jobId: 'j', function: curve.name };
    const withBaseline = {
      ...options,
      baseline: { architecture: 'x86_64' as const, memoryMb: 512 },
    };
    let all: Observation[] = [];
    await runTuningSession({
      driver,
      target,
      snapshot: await driver.snapshot(target),
      candidates: x86,
      options: withBaseline,
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
    const summary = summarise(x86, all, withBaseline, pricer);
    const ruledOut = summary.results.filter((r) => /not run: timed out/.test(r.failure ?? ''));
    expect(ruledOut.map((r) => r.memoryMb)).toEqual([]);
    expect(summary.results.find((r) => r.memoryMb === 3008)).toMatchObject({
      feasible: false,
      failure: 'timed out (Sandbox.Timedout)',
      note: '128 MB ran successfully, so this failure rules out no other size',
    });
    // Without the timeout the search picks 1024 MB; 512 MB costs 41 % more.
    expect(summary.pick?.memoryMb).toBe(1024);
  });

  it('predicts nothing before any size ran: a job that failed or stopped before its first batch was stored', () => {
    const summary = summarise(x86, [], options, pricer, 'interrupted');
    expect(summary.pick).toBeNull();
    for (const r of summary.results) {
      expect(r).toMatchObject({ measured: false, meanMs: null, costUsdPerInvocation: null });
      expect(r.note ?? '').not.toMatch(/predicted/);
    }
  });

  it('gives a cancelled job no pick and no budget talk: only what its measured sizes alone show, labelled partial', async () => {
    const { all } = await tune('cost-optimum-mid', {}, x86, 7, 14);
    const summary = summarise(x86, all, options, pricer, 'cancelled');
    expect(summary.pick).toBeNull();
    expect(summary.partial).toMatchObject({ stoppedBy: 'cancelled' });
    expect(summary.partial!.measuredSizes.length).toBeGreaterThan(0);
    expect(summary.partial!.message).toMatch(
      /^cancelled after \d+ invocations, before the search ended: no pick\. Measured: .*Partial, from the measured sizes alone: \d+ MB x86_64 is the cheapest/,
    );
    expect(JSON.stringify(summary)).not.toMatch(/budget/);
  });

  it('marks a size infeasible when its calls fail clearly more often than the other sizes’, and states every size’s error rate', async () => {
    // 2 of every 5 calls fail at 128 MB, none elsewhere; 128 MB is otherwise the cheapest.
    const driver = new SimulatedDriver(curveByName('io-bound') as DurationCurve, 5);
    const invoke = driver.invoke.bind(driver);
    let calls128 = 0;
    driver.invoke = async (...args: Parameters<SimulatedDriver['invoke']>) => {
      const r = await invoke(...args);
      if (args[1].memoryMb !== 128 || calls128++ % 5 < 3) return r;
      return { ...r, outcome: 'error' as const, errorType: 'Error' };
    };
    const four = x86.slice(0, 4);
    const grid = { ...options, mode: 'grid' as const, invocationsPerSize: 10 };
    const target = { jobId: 'j', function: 'io-bound' };
    let all: Observation[] = [];
    await runTuningSession({
      driver,
      target,
      snapshot: await driver.snapshot(target),
      candidates: four,
      options: grid,
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
    const summary = summarise(four, all, grid, pricer);
    const r128 = summary.results.find((r) => r.memoryMb === 128)!;
    expect(r128).toMatchObject({ feasible: false, errors: 4, invocations: 10, errorRate: 0.4 });
    expect(r128.failure).toMatch(
      /^4 of 10 invocations failed \(Error\): 40 % against 0 % at the other sizes/,
    );
    expect(summary.results.filter((r) => r.memoryMb !== 128).map((r) => r.errorRate)).toEqual([
      0, 0, 0,
    ]);
    expect(summary.pick?.memoryMb).toBe(256);
  });

  it('keeps sizes with intermittent errors feasible and counts the errors', async () => {
    const { summary } = await tune('intermittent-errors');
    const measured = summary.results.filter((r) => r.measured);
    expect(measured.every((r) => r.feasible)).toBe(true);
    expect(measured.reduce((s, r) => s + r.errors, 0)).toBeGreaterThan(0);
    for (const r of measured) expect(r.errorRate).toBeCloseTo(r.errors / r.invocations, 12);
    expect(summary.pick?.memoryMb).toBe(128);
  });

  it('never picks a size its own samples do not support: at least 3 measured invocations, even when the budget runs out', async () => {
    // Ten sizes at 8 invocations each: a budget of 26, spent with a last size started on 1 call.
    const ten: Candidate[] = [128, 192, 256, 320, 384, 448, 512, 1024, 2048, 3008].map(
      (memoryMb) => ({ architecture: 'x86_64', memoryMb }),
    );
    const unsupported: string[] = [];
    for (const strategy of ['cost', 'speed', 'balanced'] as const) {
      for (const seed of [1, 2, 3]) {
        const { summary, all } = await tune(
          'cpu-bound',
          { strategy, invocationsPerSize: 8 },
          ten,
          seed,
        );
        const pick = summary.pick!;
        const samples = all.filter(
          (o) =>
            o.memoryMb === pick.memoryMb &&
            o.architecture === pick.architecture &&
            !o.warmup &&
            o.outcome === 'ok',
        ).length;
        if (samples < 3)
          unsupported.push(`${strategy} seed ${seed}: ${pick.memoryMb} MB on ${samples}`);
      }
    }
    expect(unsupported).toEqual([]);
  });

  it('does not claim that sizes it had no budget to run could not beat the pick', async () => {
    // Six sizes at 10 invocations each: the budget (20) runs out after the three probes.
    const { end, summary } = await tune('cpu-bound', { invocationsPerSize: 10 });
    expect(end).toMatchObject({ kind: 'done', reason: expect.stringMatching(/^budget/) });
    expect(summary.pick!.reason).not.toContain('could not beat it');
    expect(summary.pick!.reason).toMatch(
      /\d size\(s\) not run before the budget ran out, whose fitted curve could beat it by more than 2 %/,
    );
    // A search that stopped because the pick was stable still says so.
    const stable = await tune('io-bound');
    expect(stable.end).toMatchObject({ reason: expect.stringMatching(/^pick stable/) });
    expect(stable.summary.pick!.reason).toMatch(
      /size\(s\) not run, their fitted curve could not beat it by more than 2 %/,
    );
  });

  it('describes a running job as measured so far: no summary taken between batches says the budget ran out', async () => {
    // The executor stores a summary after every batch while the job runs, as onBatch does here.
    // Six sizes at 10 invocations each: the budget (20) runs out after the three probes.
    const few = { ...options, invocationsPerSize: 10 };
    const running: { reason: string; searchGoesOn: boolean }[] = [];
    const curve = curveByName('cpu-bound') as DurationCurve;
    const driver = new SimulatedDriver(curve, 7);
    const target = { jobId: 'j', function: curve.name };
    const end = await runTuningSession({
      driver,
      target,
      snapshot: await driver.snapshot(target),
      candidates: x86,
      options: few,
      pricer,
      parallelInvocation: false,
      sleepBetweenRunsMs: 0,
      observations: [],
      onBatch: (_b, all) => {
        const { pick } = summarise(x86, all, few, pricer);
        if (pick)
          running.push({
            reason: pick.reason,
            searchGoesOn: nextStep(x86, all, few, pricer).kind === 'sample',
          });
        return Promise.resolve();
      },
      shouldStop: () => false,
    });
    expect(end).toMatchObject({ kind: 'done', reason: expect.stringMatching(/^budget/) });
    const midway = running.filter((r) => r.searchGoesOn);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.map((r) => r.reason).filter((r) => /budget/.test(r))).toEqual([]);
    for (const { reason } of midway)
      expect(reason).toMatch(/^cheapest so far \(the job is still running\): \d+ MB x86_64 at /);
    expect(midway.some((r) => /size\(s\) not run yet, whose fitted curve/.test(r.reason))).toBe(
      true,
    );
    // Only the summary of the search that spent its budget says so.
    expect(running.at(-1)).toMatchObject({
      searchGoesOn: false,
      reason: expect.stringMatching(/not run before the budget ran out/),
    });
    expect(running.at(-1)!.reason).not.toMatch(/so far/);
  });

  it('never spends more than a third of the grid', async () => {
    for (const name of ['cpu-bound', 'mixed', 'io-bound']) {
      for (const strategy of ['cost', 'speed', 'balanced'] as const) {
        const { summary } = await tune(name, { strategy });
        expect(summary.invocationsUsed).toBeLessThanOrEqual(adaptiveBudget(6, 50));
      }
    }
  });

  it('lists sizes it did not run as not measured, with predicted figures only', async () => {
    const { summary } = await tune('io-bound');
    const skipped = summary.results.filter((r) => !r.measured);
    expect(skipped.length).toBeGreaterThan(0);
    for (const r of skipped) {
      expect(r.invocations).toBe(0);
      expect(r.p90Ms).toBeNull();
    }
  });

  it('restores the function when the session ends, stopped or not', async () => {
    const done = await tune('mixed');
    expect(done.driver.restored).toBe(1);
    expect(done.driver.memoryMb).toBe(1024);
    const stopped = await tune('mixed', {}, x86, 7, 12);
    expect(stopped.end.kind).toBe('stopped');
    expect(stopped.driver.restored).toBe(1);
  });

  it('resumes from stored observations without repeating them', async () => {
    const first = await tune('mixed', {}, x86, 3, 12);
    const resumed = await tune('mixed', {}, x86, 4, Number.POSITIVE_INFINITY, first.all);
    expect(resumed.all.slice(0, first.all.length)).toEqual(first.all);
    expect(resumed.all.map((o) => o.seq)).toEqual(resumed.all.map((_o, i) => i));
    expect(resumed.summary.pick?.memoryMb).toBe(128);
  });

  it('runs a batch at once with parallelInvocation, the warm-up first', async () => {
    const { summary, all } = await tune('io-bound', {}, x86, 7, Number.POSITIVE_INFINITY, [], true);
    expect(summary.pick?.memoryMb).toBe(128);
    const first = all.filter((o) => o.memoryMb === all[0].memoryMb);
    expect(first[0].warmup).toBe(true);
    expect(first[0].initDurationMs).toBeGreaterThan(0);
    expect(first.slice(1).every((o) => !o.warmup)).toBe(true);
  });

  it('compares x86_64 with arm64 when both are asked for', async () => {
    const both: Candidate[] = [
      ...x86,
      ...sizes.map((memoryMb) => ({ architecture: 'arm64' as const, memoryMb })),
    ];
    const { summary } = await tune('mixed', {}, both);
    // arm64's lower GB-second price outweighs its 12 % slower CPU work here.
    expect(summary.pick?.architecture).toBe('arm64');
    expect(summary.invocationsUsed).toBeLessThanOrEqual(adaptiveBudget(12, 50));
    // Both architectures ran the probes, so the switch is stated with measured figures.
    expect(summary.architectureComparison).not.toBeNull();
    expect(summary.architectureComparison!.speedRatio).toBeGreaterThan(1);
    expect(summary.architectureComparison!.costDifferenceUsdPerInvocation).toBeLessThan(0);
  });
});

describe('grid tuning search', () => {
  it('runs every size invocationsPerSize times, stopping a size at its first out-of-memory', async () => {
    const { summary } = await tune('oom-below-512', { mode: 'grid' });
    const bySize = new Map(summary.results.map((r) => [r.memoryMb, r]));
    expect(bySize.get(128)?.invocations).toBe(1);
    expect(bySize.get(512)?.invocations).toBe(50);
    expect(summary.invocationsUsed).toBe(2 + 4 * 50);
  });

  it('asks for nothing more once every size is measured', () => {
    const obs: Observation[] = x86.flatMap((c) =>
      Array.from({ length: 2 }, (_, i) => ({
        ...c,
        seq: i,
        warmup: false,
        outcome: 'ok' as const,
        durationMs: 10,
        billedDurationMs: 10,
        initDurationMs: 0,
        errorType: '',
      })),
    );
    expect(nextStep(x86, obs, { ...options, mode: 'grid', invocationsPerSize: 2 }, pricer)).toEqual(
      { kind: 'done', reason: 'every size measured' },
    );
  });
});

describe(runTuningSession.name, () => {
  it('sleeps sleepBetweenRunsMs before every invocation after the first, across batches too', async () => {
    const driver = new SimulatedDriver(curveByName('io-bound') as DurationCurve, 5);
    const target = { jobId: 'j', function: 'io-bound' };
    const snapshot = await driver.snapshot(target);
    const startedAt: number[] = [];
    const invoke = driver.invoke.bind(driver);
    driver.invoke = (...args: Parameters<SimulatedDriver['invoke']>) => {
      startedAt.push(performance.now());
      return invoke(...args);
    };
    const gridOptions = { ...options, mode: 'grid' as const, invocationsPerSize: 20 };
    await runTuningSession({
      driver,
      target,
      snapshot,
      candidates: [x86[0]],
      options: gridOptions,
      pricer,
      parallelInvocation: false,
      sleepBetweenRunsMs: 25,
      observations: [],
      onBatch: () => Promise.resolve(),
      shouldStop: () => false,
    });
    // The grid runs 20 invocations as two batches of 10.
    expect(startedAt).toHaveLength(20);
    const gaps = startedAt.slice(1).map((t, i) => t - startedAt[i]);
    // Timers may fire a millisecond early, never much more.
    expect(gaps.filter((g) => g < 24)).toEqual([]);
  });
});

describe(`${runTuningSession.name} after a driver call that changed nothing`, () => {
  /** A driver whose prepare of `unreadable` sizes cannot read the function, nor can restore. */
  function refusingDriver(unreadable: number[]) {
    const driver = new SimulatedDriver(curveByName('io-bound') as DurationCurve, 5);
    const prepare = driver.prepare.bind(driver);
    driver.prepare = (target, candidate) =>
      unreadable.includes(candidate.memoryMb)
        ? Promise.reject(new NothingChangedError('could not read the configuration'))
        : prepare(target, candidate);
    driver.restore = () => Promise.reject(new Error('could not read the configuration'));
    return driver;
  }
  const run = async (driver: SimulatedDriver) => {
    const target = { jobId: 'j', function: 'io-bound' };
    return runTuningSession({
      driver,
      target,
      snapshot: await driver.snapshot(target),
      candidates: [x86[0], x86[1]],
      options: { ...options, mode: 'grid', invocationsPerSize: 3 },
      pricer,
      parallelInvocation: false,
      sleepBetweenRunsMs: 0,
      observations: [],
      onBatch: () => Promise.resolve(),
      shouldStop: () => false,
    });
  };

  it('says the function was not changed when its first prepare changed nothing, not that restoring it failed', async () => {
    const error = await run(refusingDriver([128, 256])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NothingChangedError);
    expect((error as Error).message).toBe(
      'could not read the configuration; the function was not changed',
    );
  });

  it('still reports a failed restore once an earlier size was prepared', async () => {
    const error = await run(refusingDriver([256])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreError);
    expect((error as Error).message).toMatch(/^restoring the function failed: could not read/);
  });
});

describe(summarise.name, () => {
  const three: Candidate[] = [128, 1024, 3008].map((memoryMb) => ({
    architecture: 'x86_64',
    memoryMb,
  }));
  /** 1024 MB and 3008 MB each run once to warm up, then 5 times; 128 MB not run. */
  function warmedUp(): Observation[] {
    const obs: Observation[] = [];
    let seq = 0;
    for (const [memoryMb, ms] of [
      [1024, 800],
      [3008, 300],
    ] as const)
      for (let i = 0; i < 6; i++)
        obs.push({
          architecture: 'x86_64',
          memoryMb,
          seq: seq++,
          warmup: i === 0,
          outcome: 'ok',
          durationMs: ms + i,
          billedDurationMs: ms + i,
          initDurationMs: 0,
          errorType: '',
        });
    return obs;
  }

  it('states the invocations the pick’s mean rests on, not counting the warm-up', () => {
    for (const strategy of ['cost', 'speed', 'balanced'] as const) {
      const { pick } = summarise(three, warmedUp(), { ...options, strategy }, pricer);
      expect(pick?.reason).toMatch(/ over 5 invocations \(1 more run and left out: 1 warm-up\)/);
    }
  });

  it('names why each call of the pick’s size was left out, and its error rate when calls failed', () => {
    const obs = warmedUp();
    obs.push({ ...obs[7], seq: obs.length, outcome: 'error', errorType: 'Error' });
    // The function's own errors, as often at the other size: they pass over neither.
    obs.push({ ...obs[1], seq: obs.length, outcome: 'error', errorType: 'Error' });
    const { pick } = summarise(three, obs, { ...options, strategy: 'speed' }, pricer);
    expect(pick?.memoryMb).toBe(3008);
    expect(pick?.reason).toMatch(
      / over 5 invocations \(2 more run and left out: 1 warm-up, 1 failed\); 1 of its 7 calls failed \(error rate 14 %\)/,
    );
    expect(pick?.inconclusive).toBe(false);
  });

  it('passes over a size whose calls failed clearly more often than the other sizes’, and never applies one', () => {
    const obs = warmedUp();
    // 3008 MB is the fastest, but 4 of its 10 calls failed where 1024 MB (the current size) had
    // none: p = 0.12 that errors spread evenly over the sizes put that many at 3008 MB.
    for (let i = 0; i < 4; i++)
      obs.push({ ...obs[7], seq: obs.length, outcome: 'error', errorType: 'TimeoutError' });
    const speed = {
      ...options,
      strategy: 'speed' as const,
      baseline: { architecture: 'x86_64' as const, memoryMb: 1024 },
    };
    const { pick } = summarise(three, obs, speed, pricer);
    expect(pick?.memoryMb).toBe(1024);
    expect(pick?.reason).toMatch(
      /not picked, their calls failed more often than the other sizes': 3008 MB x86_64 \(4 of its 10 calls failed \(40 %\) against 0 of 6 \(0 %\) at the other sizes \(one-sided Fisher exact test, p = 0\.12 < 0\.2\)\)/,
    );
    // Every measured size failing more often than the others (only 3008 MB measured enough):
    // picked, but never applied.
    const only3008 = obs.filter((o) => o.memoryMb === 3008 || o.warmup || o.seq < 3);
    for (let i = 0; i < 2; i++)
      only3008.push({
        ...obs[7],
        seq: obs.length + i,
        outcome: 'error',
        errorType: 'TimeoutError',
      });
    const alone = summarise(three, only3008, speed, pricer);
    expect(alone.pick).toMatchObject({ memoryMb: 3008, inconclusive: true });
    expect(alone.pick?.reason).toMatch(
      /inconclusive: 6 of its 12 calls failed \(50 %\) against 0 of 3 \(0 %\) at the other sizes \(one-sided Fisher exact test, p = 0\.18 < 0\.2\), so it is not applied automatically$/,
    );
  });

  it('passes over no size for one error more than the current size’s: the function’s own errors', () => {
    const obs = warmedUp();
    // 1 of 7 calls at 3008 MB against 0 of 6 at 1024 MB: what 5 % errors at every size often give.
    obs.push({ ...obs[7], seq: obs.length, outcome: 'error', errorType: 'Error' });
    const speed = {
      ...options,
      strategy: 'speed' as const,
      baseline: { architecture: 'x86_64' as const, memoryMb: 1024 },
    };
    const { pick } = summarise(three, obs, speed, pricer);
    expect(pick).toMatchObject({ memoryMb: 3008, inconclusive: false });
    expect(pick?.reason).not.toMatch(/not picked, their calls failed/);
  });

  it('under balanced, picks on the same scale as the search: cost and duration over every feasible size, run or fitted', () => {
    const obs = warmedUp();
    const balanced = { ...options, strategy: 'balanced' as const };
    // The search scores 1024 MB best once the 128 MB size's fitted (slow) duration sets the
    // duration scale; scaled over the two sizes run alone, 3008 MB would win instead.
    const scored = scoreSizes(three, obs, balanced, pricer).filter((s) => s.e.samples > 0);
    const searchBest = scored.reduce((a, b) => (b.value < a.value ? b : a));
    expect(searchBest.e.candidate.memoryMb).toBe(1024);
    const { pick } = summarise(three, obs, balanced, pricer);
    expect(pick?.memoryMb).toBe(1024);
  });

  it('says why a finished job has no pick', () => {
    const obs = warmedUp().slice(0, 3);
    const { pick, noPick } = summarise(three, obs, { ...options, mode: 'grid' }, pricer);
    expect(pick).toBeNull();
    expect(noPick).toBe(
      'no size was measured successfully at least 3 times, the fewest a pick rests on (1024 MB x86_64: 2); run more invocations per size',
    );
    const failed = obs.map((o) => ({ ...o, outcome: 'timeout' as const }));
    expect(summarise(three, failed, { ...options, mode: 'grid' }, pricer).noPick).toMatch(
      /^no size ran successfully \(128 MB x86_64: not run: timed out at 1024 MB; 1024 MB x86_64: timed out/,
    );
  });

  it('under balanced, picks what Power Tuning picks over a grid: cost normalised without the request charge', () => {
    // Power Tuning's analyzer: cost = ceil(mean billed ms) × 2.1e-9 × memory/128, no request
    // charge; minimise w·cost/maxCost + (1−w)·duration/maxDuration. Before, 5 of these 108 cases
    // differed (10 ms fixed + 5 ms CPU, w 0.5: Power Tuning 512 MB, Fleetscope 1024 MB).
    const grid = [128, 256, 512, 1024, 1536, 3008];
    const candidates = grid.map((memoryMb) => ({ architecture: 'x86_64' as const, memoryMb }));
    const differing: string[] = [];
    for (const fixed of [1, 3, 10, 30, 100, 300])
      for (const cpu of [5, 20, 50, 200, 800, 3000])
        for (const w of [0.3, 0.5, 0.7]) {
          const warmMs = (m: number) => fixed + cpu / Math.min(1, m / 1769);
          let seq = 0;
          const obs: Observation[] = grid.flatMap((memoryMb) =>
            Array.from({ length: 10 }, (_, i) => ({
              architecture: 'x86_64' as const,
              memoryMb,
              seq: seq++,
              warmup: i === 0,
              outcome: 'ok' as const,
              durationMs: warmMs(memoryMb),
              billedDurationMs: Math.ceil(warmMs(memoryMb)),
              initDurationMs: 0,
              errorType: '',
            })),
          );
          const balanced: SearchOptions = {
            ...options,
            mode: 'grid',
            strategy: 'balanced',
            balancedWeight: w,
            invocationsPerSize: 10,
          };
          const { pick } = summarise(candidates, obs, balanced, pricer);
          const stats = grid.map((m) => ({
            m,
            cost: Math.ceil(warmMs(m)) * 2.1e-9 * (m / 128),
            duration: warmMs(m),
          }));
          const maxCost = Math.max(...stats.map((x) => x.cost));
          const maxDuration = Math.max(...stats.map((x) => x.duration));
          const value = (x: (typeof stats)[number]) =>
            (w * x.cost) / maxCost + ((1 - w) * x.duration) / maxDuration;
          const powerTuning = [...stats].sort((a, b) => value(a) - value(b))[0].m;
          if (pick?.memoryMb !== powerTuning)
            differing.push(
              `${fixed} ms + ${cpu} ms CPU, w ${w}: ${powerTuning} vs ${pick?.memoryMb}`,
            );
        }
    expect(differing).toEqual([]);
  });

  it('under balanced, gives a stopped job the best measured size the final pick would take: the same scale, not one over the measured sizes alone', () => {
    const obs = warmedUp();
    const balanced = { ...options, strategy: 'balanced' as const };
    const { pick } = summarise(three, obs, balanced, pricer);
    const stopped = summarise(three, obs, balanced, pricer, 'cancelled');
    expect(stopped.pick).toBeNull();
    expect(stopped.partial).toMatchObject({
      stoppedBy: 'cancelled',
      bestMeasured: { memoryMb: pick!.memoryMb, architecture: pick!.architecture },
    });
    expect(stopped.partial!.message).toMatch(
      /Partial, from the measured sizes alone: 1024 MB x86_64 is the balanced/,
    );
  });
});
