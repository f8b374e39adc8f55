import { fitDurationCurve, type DurationPoint } from '@fleetscope/analysis';
import type { TuningPricer } from '../pricing/tuning-cost';
import {
  billedMs,
  elapsedMs,
  failureOf,
  mean,
  measuredObservations,
  standardError,
  trimmed,
} from '../stats/size-stats';
import type { Candidate, Observation, SearchOptions } from '../tuning.types';
import { candidateKey } from '../tuning.types';

/** A duration figure with its uncertainty: `lo`/`hi` bound it (one standard error, or a bracket). */
export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

/** What the search believes about one candidate, measured or not. */
export interface SizeEstimate {
  candidate: Candidate;
  measuredInvocations: number;
  /** Non-warm-up successful samples behind the figures. */
  samples: number;
  /** False when measured infeasible, or smaller than the resource limit (resourceLimits). */
  feasible: boolean;
  failure?: string;
  /** Duration plus Init, as the user waits for it. */
  elapsed: Interval;
  /** Billed duration (what the cost rests on). */
  billed: Interval;
}

/** Z of the bounds on measured means: two standard errors. */
const Z = 2;
/** Relative spread assumed for a model prediction between two measured sizes. */
const MODEL_SPREAD = 0.1;

/** Relative variance of the samples (all of them: a few trimmed values understate it). */
function relativeVariance(values: number[]): { variance: number; dof: number } {
  const m = mean(values);
  const n = values.length;
  if (n < 2 || !(m > 0)) return { variance: 0, dof: 0 };
  return { variance: values.reduce((s, v) => s + (v / m - 1) ** 2, 0) / (n - 1), dof: n - 1 };
}

/**
 * The noise of a platform is much the same share of the duration at every size, so the relative
 * spread is pooled over the measured sizes; a size's own spread counts when it is larger. This
 * keeps a size whose few samples happen to agree from looking more certain than it is.
 */
function pooledRelativeSd(groups: number[][]): number {
  let sum = 0;
  let dof = 0;
  for (const g of groups) {
    const r = relativeVariance(g);
    sum += r.variance * r.dof;
    dof += r.dof;
  }
  return dof > 0 ? Math.sqrt(sum / dof) : 0;
}

function measuredInterval(values: number[], share: number, pooledSd: number): Interval {
  const value = mean(trimmed(values, share));
  const own = standardError(values);
  const se = Math.max(own, (pooledSd * value) / Math.sqrt(values.length));
  return { value, lo: Math.max(0, value - Z * se), hi: value + Z * se };
}

/** The job's calls at every size but `c`'s: what a size's error rate is judged against. */
export function othersOf(observations: Observation[], c: Candidate): Observation[] {
  const key = candidateKey(c);
  return observations.filter((o) => candidateKey(o) !== key);
}

function groupByCandidate(observations: Observation[]): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = candidateKey(o);
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return groups;
}

/** The size whose running out of memory or time rules out the smaller sizes of its architecture. */
export interface ResourceLimit {
  memoryMb: number;
  failure: string;
}

/**
 * Per architecture, the largest size that ran out of memory or time below every size that ran
 * successfully. More memory is never slower nor tighter, so such a failure rules out every smaller
 * size; one above a size that succeeded cannot be the size's doing (a transient timeout, a slow
 * dependency) and says nothing of the others. The failing size itself stays infeasible: it did
 * fail, and no retry is made to call that noise.
 */
export function resourceLimits(
  candidates: Candidate[],
  observations: Observation[],
  onlyColdStarts: boolean,
): Map<string, ResourceLimit> {
  const groups = groupByCandidate(observations);
  const limits = new Map<string, ResourceLimit>();
  for (const architecture of new Set(candidates.map((c) => c.architecture))) {
    const sizes = candidates
      .filter((c) => c.architecture === architecture)
      .sort((a, b) => a.memoryMb - b.memoryMb);
    for (const c of sizes) {
      const obs = groups.get(candidateKey(c)) ?? [];
      const failure = failureOf(obs, othersOf(observations, c));
      if (!failure && measuredObservations(obs, onlyColdStarts).length > 0) break;
      if (failure && obs.some((o) => o.outcome === 'oom' || o.outcome === 'timeout'))
        limits.set(architecture, { memoryMb: c.memoryMb, failure });
    }
  }
  return limits;
}

/**
 * Predicts an unmeasured size from the measured ones of its architecture: the duration model of
 * the memory analyzer (t = a0 + a1·e^(−m/a2) with ≥ 3 sizes) clamped into the monotone bracket
 * its measured neighbours give (more memory is never slower), which also bounds it.
 */
function predictedInterval(
  memoryMb: number,
  measured: { memoryMb: number; value: Interval; samples: number }[],
): Interval {
  const below = measured.filter((p) => p.memoryMb < memoryMb).at(-1);
  const above = measured.find((p) => p.memoryMb > memoryMb);
  const points: DurationPoint[] = measured.map((p) => ({
    memoryMb: p.memoryMb,
    meanDurationMs: p.value.value,
    invocations: p.samples,
  }));
  const model = fitDurationCurve(points, 0.5);
  const ceiling = below ? below.value.hi : Number.POSITIVE_INFINITY;
  const floor = above ? above.value.lo : 0;
  let value = model ? model.predictMs(memoryMb) : (ceiling + floor) / 2;
  if (!Number.isFinite(value)) value = floor > 0 ? floor * 2 : 1;
  value = Math.min(Math.max(value, floor), ceiling);
  return {
    value,
    lo: Math.max(floor, value * (1 - 3 * MODEL_SPREAD)),
    hi: Math.min(Number.isFinite(ceiling) ? ceiling : value * 4, value * (1 + 3 * MODEL_SPREAD)),
  };
}

/** Everything the search knows, per candidate, in the candidates' order. */
export function estimateSizes(
  candidates: Candidate[],
  observations: Observation[],
  options: Pick<SearchOptions, 'discardTopBottom' | 'onlyColdStarts'>,
): SizeEstimate[] {
  const share = options.onlyColdStarts ? 0 : options.discardTopBottom;
  const groups = groupByCandidate(observations);
  const estimates = new Map<string, SizeEstimate>();
  const architectures = [...new Set(candidates.map((c) => c.architecture))];
  const okGroups = [...groups.values()]
    .filter((obs) => !failureOf(obs, othersOf(observations, obs[0])))
    .map((obs) => measuredObservations(obs, options.onlyColdStarts))
    .filter((ok) => ok.length > 1);
  const elapsedSd = pooledRelativeSd(okGroups.map((ok) => ok.map(elapsedMs)));
  const billedSd = pooledRelativeSd(okGroups.map((ok) => ok.map(billedMs)));
  const limits = resourceLimits(candidates, observations, options.onlyColdStarts);

  for (const architecture of architectures) {
    const sizes = candidates
      .filter((c) => c.architecture === architecture)
      .sort((a, b) => a.memoryMb - b.memoryMb);
    const resourceLimit = limits.get(architecture);
    const measured: { memoryMb: number; elapsed: Interval; billed: Interval; samples: number }[] =
      [];
    for (const c of sizes) {
      const obs = groups.get(candidateKey(c)) ?? [];
      if (obs.length === 0) continue;
      const failure = failureOf(obs, othersOf(observations, c));
      const ok = measuredObservations(obs, options.onlyColdStarts);
      if (failure) {
        const nan = { value: Number.NaN, lo: Number.NaN, hi: Number.NaN };
        estimates.set(candidateKey(c), {
          candidate: c,
          measuredInvocations: obs.length,
          samples: ok.length,
          feasible: false,
          failure,
          elapsed: nan,
          billed: nan,
        });
        continue;
      }
      // Only a warm-up so far (an interrupted batch): predicted like an unmeasured size.
      if (ok.length === 0) continue;
      const e = {
        memoryMb: c.memoryMb,
        samples: ok.length,
        elapsed: measuredInterval(ok.map(elapsedMs), share, elapsedSd),
        billed: measuredInterval(ok.map(billedMs), share, billedSd),
      };
      measured.push(e);
      estimates.set(candidateKey(c), {
        candidate: c,
        measuredInvocations: obs.length,
        samples: ok.length,
        feasible: true,
        elapsed: e.elapsed,
        billed: e.billed,
      });
    }
    for (const c of sizes) {
      const key = candidateKey(c);
      if (estimates.has(key)) continue;
      if (resourceLimit && c.memoryMb < resourceLimit.memoryMb) {
        const nan = { value: Number.NaN, lo: Number.NaN, hi: Number.NaN };
        estimates.set(key, {
          candidate: c,
          measuredInvocations: 0,
          samples: 0,
          feasible: false,
          failure: `not run: ${resourceLimit.failure} at ${resourceLimit.memoryMb} MB`,
          elapsed: nan,
          billed: nan,
        });
        continue;
      }
      estimates.set(key, {
        candidate: c,
        measuredInvocations: groups.get(key)?.length ?? 0,
        samples: 0,
        feasible: true,
        elapsed: predictedInterval(
          c.memoryMb,
          measured.map((m) => ({ memoryMb: m.memoryMb, value: m.elapsed, samples: m.samples })),
        ),
        billed: predictedInterval(
          c.memoryMb,
          measured.map((m) => ({ memoryMb: m.memoryMb, value: m.billed, samples: m.samples })),
        ),
      });
    }
  }
  return candidates.map((c) => estimates.get(candidateKey(c))!);
}

/** Dollars per invocation at an estimate's billed duration (and its bounds). */
export function costInterval(e: SizeEstimate, pricer: TuningPricer): Interval {
  const price = (ms: number) =>
    pricer.invocationUsd(e.candidate.architecture, e.candidate.memoryMb, Math.max(0, ms));
  return { value: price(e.billed.value), lo: price(e.billed.lo), hi: price(e.billed.hi) };
}
