import { normalCdf } from '@fleetscope/analysis';
import { objective, scaleOf, type Figures, type Scale } from '../pick/strategy.pick';
import type { TuningPricer } from '../pricing/tuning-cost';
import { MIN_PICK_SAMPLES, failsMoreOften, moreErrorsThan } from '../stats/size-stats';
import type { Candidate, Observation, SearchOptions } from '../tuning.types';
import { candidateKey } from '../tuning.types';
import { costInterval, estimateSizes, othersOf, type SizeEstimate } from './size-estimates';

/** What to do next: run `count` invocations (the first `warmup` of them not counted in stats). */
export type SearchStep =
  | { kind: 'sample'; candidate: Candidate; count: number; warmup: number }
  | {
      kind: 'done';
      reason: string;
      /** The adaptive search's budget ended it, not a settled pick: sizes it never ran may win. */
      budgetSpent?: true;
    };

/** Invocations the adaptive search adds to a size at a time. */
export const ADAPTIVE_BATCH = 5;
/** How far from the optimum's cost the pick may be (the target). */
export const PICK_TOLERANCE = 0.02;

/** The adaptive search may spend at most a third of what the grid would. */
export function adaptiveBudget(candidates: number, invocationsPerSize: number): number {
  return Math.max(3 * (ADAPTIVE_BATCH + 1), Math.floor((candidates * invocationsPerSize) / 3));
}

function countBy(observations: Observation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of observations) counts.set(candidateKey(o), (counts.get(candidateKey(o)) ?? 0) + 1);
  return counts;
}

/** Power Tuning's grid: every size, `invocationsPerSize` times (the first a warm-up), until it fails. */
function nextGridStep(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
): SearchStep {
  const counts = countBy(observations);
  const failedHard = new Set(
    observations
      .filter((o) => o.outcome === 'oom' || o.outcome === 'timeout')
      .map((o) => candidateKey(o)),
  );
  for (const c of candidates) {
    const have = counts.get(candidateKey(c)) ?? 0;
    if (have < options.invocationsPerSize && !failedHard.has(candidateKey(c))) {
      return {
        kind: 'sample',
        candidate: c,
        count: Math.min(10, options.invocationsPerSize - have),
        // A size's first call starts cold, and only Lambda says so (Init Duration): OpenFaaS and
        // Knative would pass a pod start for a sample. A dry run's one call is its sample.
        warmup: have === 0 && !options.onlyColdStarts && options.invocationsPerSize > 1 ? 1 : 0,
      };
    }
  }
  return { kind: 'done', reason: 'every size measured' };
}

/**
 * The baseline, then the smallest, largest and geometric middle of each architecture's sizes. The
 * largest is the largest still feasible: one that failed above a size that ran (a transient
 * timeout) bounds nothing, and without a measured size above them the fitted curve cannot
 * bracket the sizes between.
 */
function probes(
  candidates: Candidate[],
  feasible: (c: Candidate) => boolean,
  baseline?: Candidate,
): Candidate[] {
  const out: Candidate[] = [];
  const own = baseline && candidates.find((c) => candidateKey(c) === candidateKey(baseline));
  if (own) out.push(own);
  for (const architecture of [...new Set(candidates.map((c) => c.architecture))]) {
    const sizes = candidates
      .filter((c) => c.architecture === architecture)
      .sort((a, b) => a.memoryMb - b.memoryMb);
    const lo = sizes[0];
    const hi = sizes.filter(feasible).at(-1) ?? sizes[sizes.length - 1];
    const target = Math.sqrt(lo.memoryMb * hi.memoryMb);
    const mid = sizes.reduce((best, c) =>
      Math.abs(Math.log(c.memoryMb / target)) < Math.abs(Math.log(best.memoryMb / target))
        ? c
        : best,
    );
    for (const c of [lo, hi, mid]) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/**
 * Why `c` may not be picked while a size with fewer errors can: its calls failed more often than
 * the job's calls at every other size, the current one's included (moreErrorsThan's test). All
 * of them, not the current size's alone: the few calls of one size say little (30 % errors at
 * 128 MB, 2 of 6, against the current's 0 of 6 is p = 0.23), and errors the function makes at
 * every size then differ between two sizes by chance alone. The search and the pick both follow
 * it. Undefined for the current size (options.baseline): keeping it is no change to production.
 */
export function errorsAboveCurrent(
  c: Candidate,
  observations: Observation[],
  options: SearchOptions,
): string | undefined {
  const key = candidateKey(c);
  const baseline = options.baseline;
  if (baseline && candidateKey(baseline) === key) return undefined;
  return moreErrorsThan(
    observations.filter((o) => candidateKey(o) === key),
    { observations: othersOf(observations, c), label: 'at the other sizes' },
  );
}

/** A size's figure under the job's strategy, with its optimistic and pessimistic bounds. */
export interface Scored {
  e: SizeEstimate;
  value: number;
  lo: number;
  hi: number;
}

function score(
  e: SizeEstimate,
  options: SearchOptions,
  pricer: TuningPricer,
  scale: Scale,
): Scored {
  const cost = costInterval(e, pricer);
  const at = (c: number, d: number) =>
    objective(options.strategy, options.balancedWeight, { costUsd: c, durationMs: d }, scale);
  return {
    e,
    value: at(cost.value, e.elapsed.value),
    lo: at(cost.lo, e.elapsed.lo),
    hi: at(cost.hi, e.elapsed.hi),
  };
}

function feasibleEstimates(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
): SizeEstimate[] {
  return estimateSizes(candidates, observations, options).filter((e) => e.feasible);
}

function scaleOfEstimates(feasible: SizeEstimate[], pricer: TuningPricer): Scale {
  const figures: Figures[] = feasible.map((e) => ({
    costUsd: costInterval(e, pricer).value,
    durationMs: e.elapsed.value,
  }));
  const any = feasible[0]?.candidate;
  // A call of no duration costs only the request charge (and no restore fee: none is asked for).
  return scaleOf(figures, any ? pricer.invocationUsd(any.architecture, any.memoryMb, 0) : 0);
}

/**
 * What 'balanced' divides cost and duration by: their largest over every feasible size, run or
 * fitted, as a grid that ran them all would (Power Tuning normalises over every size it ran).
 * The search and the pick both use it, so the pick is the size the search judged best.
 */
export function strategyScale(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
  pricer: TuningPricer,
): Scale {
  return scaleOfEstimates(feasibleEstimates(candidates, observations, options), pricer);
}

/** Every feasible size scored by the strategy, measured or predicted, in the candidates' order. */
export function scoreSizes(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
  pricer: TuningPricer,
): Scored[] {
  const feasible = feasibleEstimates(candidates, observations, options);
  const scale = scaleOfEstimates(feasible, pricer);
  return feasible.map((e) => score(e, options, pricer, scale));
}

/** Whether `s` could still beat `best` by more than the tolerance: the rule the search stops on. */
export function couldBeat(s: Scored, best: Scored): boolean {
  return s !== best && best.hi > (1 + PICK_TOLERANCE) * s.lo;
}

/** E[max(0, best − X)] for X normal around `s.value` with the spread its bounds say. */
function expectedImprovement(s: Scored, best: number): number {
  const sigma = Math.max(1e-12 * Math.abs(best), (s.hi - s.lo) / 2);
  const z = (best - s.value) / sigma;
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  return (best - s.value) * normalCdf(z) + sigma * density;
}

/**
 * The adaptive search (after Parrotfish, SoCC '23): probe the smallest, largest and middle size,
 * predict the rest from a fitted duration curve bounded by monotonicity, then spend invocations
 * where the expected improvement per invocation is highest: first on unmeasured sizes that could
 * beat the current pick, then on the measured contenders whose figures overlap the pick's. It
 * stops when no size can beat the pick by more than the tolerance, or at a third of the grid.
 */
function nextAdaptiveStep(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
  pricer: TuningPricer,
): SearchStep {
  const budget = adaptiveBudget(candidates.length, options.invocationsPerSize);
  const remaining = budget - observations.length;
  if (remaining <= 0)
    return { kind: 'done', reason: `budget of ${budget} invocations spent`, budgetSpent: true };
  const warmupFor = (e: SizeEstimate) =>
    options.onlyColdStarts || e.measuredInvocations > 0 ? 0 : 1;
  const sampleStep = (e: SizeEstimate): SearchStep => {
    const warmup = warmupFor(e);
    const room = options.invocationsPerSize - e.measuredInvocations;
    const count = Math.min(remaining, room, ADAPTIVE_BATCH + warmup);
    // Calls that leave a size short of a pick's minimum are spent for nothing.
    if (e.samples + count - warmup < MIN_PICK_SAMPLES && room > count) {
      return {
        kind: 'done',
        reason: `budget of ${budget} invocations spent: ${remaining} left, too few to measure another size`,
        budgetSpent: true,
      };
    }
    return { kind: 'sample', candidate: e.candidate, count, warmup: Math.min(warmup, count) };
  };

  const estimates = estimateSizes(candidates, observations, options);
  const byKey = new Map(estimates.map((e) => [candidateKey(e.candidate), e]));
  const open = (e: SizeEstimate) =>
    e.feasible && e.measuredInvocations < options.invocationsPerSize;

  // 1. The probes, in order, skipping what is already ruled out.
  const feasibleNow = (c: Candidate) => byKey.get(candidateKey(c))!.feasible;
  for (const p of probes(candidates, feasibleNow, options.baseline)) {
    const e = byKey.get(candidateKey(p))!;
    if (e.feasible && e.samples === 0 && open(e)) return sampleStep(e);
  }

  const feasible = estimates.filter((e) => e.feasible);
  const measured = feasible.filter((e) => e.samples > 0);
  if (measured.length === 0) {
    // Every probe failed: try the remaining sizes from the largest down.
    const next = feasible.filter(open).sort((a, b) => b.candidate.memoryMb - a.candidate.memoryMb);
    return next.length > 0
      ? sampleStep(next[0])
      : { kind: 'done', reason: 'no size ran successfully' };
  }

  const scored = scoreSizes(candidates, observations, options, pricer);
  const measuredScored = scored.filter((s) => s.e.samples > 0);
  const erring = (s: Scored) =>
    errorsAboveCurrent(s.e.candidate, observations, options) !== undefined;
  // The pick's rule: a size failing more often than the others is no pick while one is not.
  const clean = measuredScored.filter((s) => !erring(s));
  const best = (clean.length > 0 ? clean : measuredScored).reduce((a, b) =>
    b.value < a.value ? b : a,
  );
  // A pick whose calls failed more often than the others', too few to tell (1 of 6 against 0 of
  // 12), runs until they can, up to three batches: errors of its own (30 % at 128 MB) show by
  // then, and the function's own errors at every size rarely pass for them.
  const ownOf = (c: Candidate) => observations.filter((o) => candidateKey(o) === candidateKey(c));
  if (
    open(best.e) &&
    best.e.measuredInvocations < 3 * (ADAPTIVE_BATCH + 1) &&
    !(options.baseline && candidateKey(options.baseline) === candidateKey(best.e.candidate)) &&
    failsMoreOften(ownOf(best.e.candidate), othersOf(observations, best.e.candidate))
  )
    return sampleStep(best.e);
  // Such a size gets one batch more (its errors may have been chance), not the rest of the budget.
  const contenders = scored.filter(
    (s) =>
      couldBeat(s, best) &&
      open(s.e) &&
      (!erring(s) || s.e.measuredInvocations < 2 * (ADAPTIVE_BATCH + 1)),
  );

  const unmeasured = contenders.filter((s) => s.e.samples === 0);
  if (unmeasured.length > 0) {
    const perInvocation = (s: Scored) =>
      expectedImprovement(s, best.value) / (ADAPTIVE_BATCH + warmupFor(s.e));
    const next = unmeasured.reduce((a, b) => (perInvocation(b) > perInvocation(a) ? b : a));
    return sampleStep(next.e);
  }
  if (contenders.length > 0) {
    // The most threatening contender overlaps the pick the most; narrow the wider of the two.
    const threat = contenders.reduce((a, b) => (b.lo < a.lo ? b : a));
    const next = open(best.e) && best.hi - best.lo > threat.hi - threat.lo ? best : threat;
    return sampleStep(next.e);
  }
  return { kind: 'done', reason: 'pick stable: no other size can beat it by more than 2 %' };
}

export function nextStep(
  candidates: Candidate[],
  observations: Observation[],
  options: SearchOptions,
  pricer: TuningPricer,
): SearchStep {
  return options.mode === 'grid'
    ? nextGridStep(candidates, observations, options)
    : nextAdaptiveStep(candidates, observations, options, pricer);
}
