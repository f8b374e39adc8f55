import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { tuningPricer } from '../pricing/tuning-cost';
import type { Candidate, Observation } from '../tuning.types';
import type { DriverInvocation, FunctionSnapshot, TuningDriver } from './tuning.driver';
import { runTuningSession } from './tuning.session';

const pricer = tuningPricer({
  platform: 'openfaas',
  region: 'gw',
  at: new Date('2026-12-04T00:00:00Z'),
  pricing: new PricingService(defaultCatalogue),
});
const snapshot: FunctionSnapshot = {
  functionId: 'openfaas~openfaas-fn~gw~fn',
  memoryMb: 512,
  architecture: 'x86_64',
  region: 'gw',
  details: {},
};
const target = { jobId: 'j', function: 'fn' };
const candidate: Candidate = { architecture: 'x86_64', memoryMb: 128 };

/**
 * A driver whose calls after the first `quick` never end and ignore the abort (as a platform call
 * that runs on), and whose prepare, when `slowPrepare`, waits until aborted.
 */
function driverOf(quick: number, slowPrepare = false) {
  const seen = { calls: 0, restores: 0, signals: [] as (AbortSignal | undefined)[] };
  const ok: DriverInvocation = {
    outcome: 'ok',
    durationMs: 10,
    billedDurationMs: 10,
    initDurationMs: 0,
    errorType: '',
  };
  const driver: TuningDriver = {
    platform: 'openfaas',
    oneDeploymentAtATime: true,
    snapshot: () => Promise.resolve(snapshot),
    prepare: (_t, _c, _s, signal) =>
      slowPrepare
        ? new Promise((_resolve, reject) =>
            signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        : Promise.resolve(),
    invoke: (_t, _c, _p, _f, _s, signal) => {
      seen.signals.push(signal);
      return ++seen.calls <= quick ? Promise.resolve(ok) : new Promise(() => undefined);
    },
    restore: () => {
      seen.restores++;
      return Promise.resolve();
    },
    apply: () => Promise.resolve(),
  };
  return { driver, seen };
}

function run(
  driver: TuningDriver,
  signal: AbortSignal,
  extra: { parallelInvocation?: boolean; sleepBetweenRunsMs?: number } = {},
) {
  const stored: Observation[][] = [];
  const end = runTuningSession({
    driver,
    target,
    snapshot,
    candidates: [candidate],
    options: {
      mode: 'grid',
      strategy: 'cost',
      balancedWeight: 0.5,
      invocationsPerSize: 6,
      discardTopBottom: 0.2,
      onlyColdStarts: false,
    },
    pricer,
    parallelInvocation: extra.parallelInvocation ?? false,
    sleepBetweenRunsMs: extra.sleepBetweenRunsMs ?? 0,
    observations: [],
    onBatch: (batch) => {
      stored.push(batch);
      return Promise.resolve();
    },
    shouldStop: () => false,
    signal,
  });
  return { end, stored };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe(`${runTuningSession.name} when its signal aborts`, () => {
  it('abandons parallel calls under way, keeps the 3 that ended and restores', async () => {
    // A warm-up, then 5 in parallel of which 2 end: the other 3 run on.
    const { driver, seen } = driverOf(3);
    const abort = new AbortController();
    const { end, stored } = run(driver, abort.signal, { parallelInvocation: true });
    await tick();
    expect(seen.calls).toBe(6);
    abort.abort();
    await expect(end).resolves.toEqual({ kind: 'stopped' });
    expect(stored).toHaveLength(1);
    expect(stored[0].map((o) => [o.seq, o.warmup])).toEqual([
      [0, true],
      [1, false],
      [2, false],
    ]);
    expect(seen.restores).toBe(1);
    expect(seen.signals.every((s) => s === abort.signal)).toBe(true);
  });

  it('stops sleeping between runs: a 60 s sleep ends at the abort', async () => {
    const { driver, seen } = driverOf(6);
    const abort = new AbortController();
    const { end, stored } = run(driver, abort.signal, { sleepBetweenRunsMs: 60_000 });
    await tick();
    expect(seen.calls).toBe(1);
    const at = Date.now();
    abort.abort();
    await expect(end).resolves.toEqual({ kind: 'stopped' });
    expect(Date.now() - at).toBeLessThan(500);
    expect(stored.flat()).toHaveLength(1);
    expect(seen.restores).toBe(1);
  });

  it('stops a prepare waiting for its size and restores (the prepare may have changed it)', async () => {
    const { driver, seen } = driverOf(6, true);
    const abort = new AbortController();
    const { end, stored } = run(driver, abort.signal);
    await tick();
    abort.abort();
    await expect(end).resolves.toEqual({ kind: 'stopped' });
    expect(stored).toEqual([]);
    expect(seen.calls).toBe(0);
    expect(seen.restores).toBe(1);
  });
});
