import type { TuningPricer } from '../pricing/tuning-cost';
import type { Candidate, Observation, SearchOptions, SizeResult } from '../tuning.types';
import {
  ERROR_RATE_SIGNIFICANCE,
  MORE_ERRORS_SIGNIFICANCE,
  hypergeometricUpperTail,
} from './error-rate';

/** Sorted copy without `floor(n·share)` values at each end (Power Tuning's discardTopBottom). */
export function trimmed(values: number[], share: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const drop = Math.floor(sorted.length * share);
  return sorted.slice(drop, sorted.length - drop);
}

export function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Standard error of the mean; a floor of 1 % of the mean keeps a few equal samples honest. */
export function standardError(values: number[]): number {
  const n = values.length;
  if (n < 2) return Number.POSITIVE_INFINITY;
  const m = mean(values);
  const variance = values.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1);
  return Math.max(Math.sqrt(variance), 0.01 * Math.abs(m)) / Math.sqrt(n);
}

/** What the user waits for: Duration plus Init plus Restore (Power Tuning's speed figure). */
export function elapsedMs(o: Observation): number {
  return o.durationMs + o.initDurationMs + (o.restoreDurationMs ?? 0);
}

/** What a call is billed for: Billed Duration plus Billed Restore Duration (Power Tuning's cost). */
export function billedMs(o: Observation): number {
  return o.billedDurationMs + (o.billedRestoreDurationMs ?? 0);
}

/** Whether the call restored a SnapStart snapshot (Python and .NET pay a fee per restore). */
export function restored(o: Observation): boolean {
  return (o.restoreDurationMs ?? 0) > 0 || (o.billedRestoreDurationMs ?? 0) > 0;
}

/** A call on a new sandbox: INIT ran, or a SnapStart snapshot was restored. */
export function startedCold(o: Observation): boolean {
  return o.initDurationMs > 0 || restored(o);
}

/**
 * A cold call's steady part: its Duration, without the INIT or restore before it. Billed Duration
 * holds INIT on a cold call (on every runtime since August 2025), so it is what a warm call of the
 * same Duration bills: Duration rounded up to the millisecond.
 */
function steadyPart(o: Observation): Observation {
  return {
    ...o,
    initDurationMs: 0,
    restoreDurationMs: 0,
    billedRestoreDurationMs: 0,
    billedDurationMs: Math.min(o.billedDurationMs, Math.ceil(o.durationMs)),
  };
}

/**
 * Invocations whose durations count: successful and not warm-up, and, unless the job measures
 * cold starts, warm ones (parallel batches start new sandboxes whose INIT would otherwise pass for
 * the size's steady duration). With fewer than MIN_PICK_SAMPLES warm ones (a parallel batch whose
 * calls each started a sandbox), the cold ones count too, as their steady part.
 */
export function measuredObservations(
  observations: Observation[],
  onlyColdStarts = false,
): Observation[] {
  const ok = observations.filter((o) => !o.warmup && o.outcome === 'ok');
  if (onlyColdStarts) return ok;
  const warm = ok.filter((o) => !startedCold(o));
  if (warm.length >= MIN_PICK_SAMPLES || warm.length === ok.length) return warm;
  return ok.map((o) => (startedCold(o) ? steadyPart(o) : o));
}

/**
 * Fewest measured invocations a pick may rest on: with fewer, the mean is one or two calls and
 * the spread unknown (standardError is infinite below 2), so the figures do not support advice.
 */
export const MIN_PICK_SAMPLES = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Why a size cannot be used, or undefined when it can. Out of memory or time at any call; most of
 * its calls failing; or its function errors clearly above those of the job's `others` (the other
 * sizes' calls): a one-sided Fisher exact test below ERROR_RATE_SIGNIFICANCE. Errors spread evenly
 * over the sizes are the function's own and rule out none.
 */
export function failureOf(observations: Observation[], others: Observation[]): string | undefined {
  const oom = observations.find((o) => o.outcome === 'oom');
  if (oom) return `out of memory${oom.errorType ? ` (${oom.errorType})` : ''}`;
  const timeout = observations.find((o) => o.outcome === 'timeout');
  if (timeout) return `timed out${timeout.errorType ? ` (${timeout.errorType})` : ''}`;
  const errors = observations.filter((o) => o.outcome === 'error');
  if (errors.length === 0) return undefined;
  const failed = `${errors.length} of ${observations.length} invocations failed (${errors[0].errorType || 'error'})`;
  if (errors.length * 2 > observations.length) return failed;
  if (others.length === 0) return undefined;
  const otherErrors = others.filter((o) => o.outcome === 'error').length;
  const p = hypergeometricUpperTail(
    errors.length,
    observations.length,
    errors.length + otherErrors,
    observations.length + others.length,
  );
  if (p >= ERROR_RATE_SIGNIFICANCE) return undefined;
  return (
    `${failed}: ${percent(errors.length / observations.length)} against ` +
    `${percent(otherErrors / others.length)} at the other sizes (one-sided Fisher exact test, ` +
    `p = ${p.toPrecision(2)} < ${ERROR_RATE_SIGNIFICANCE})`
  );
}

/** Calls that did not succeed (function errors, out of memory, timeouts), warm-ups included. */
export function failedCalls(observations: Observation[]): number {
  return observations.filter((o) => o.outcome !== 'ok').length;
}

/** Whether a larger share of these calls failed than of `reference`'s, evidence or not. */
export function failsMoreOften(observations: Observation[], reference: Observation[]): boolean {
  const errors = failedCalls(observations);
  return (
    errors > 0 &&
    reference.length > 0 &&
    errors / observations.length > failedCalls(reference) / reference.length
  );
}

/**
 * Why a size must not be picked over the sizes of `reference`: its calls failed at a higher rate, by a one-sided Fisher exact test below the lenient
 * MORE_ERRORS_SIGNIFICANCE. Such errors may be the size's own doing (a downstream timeout a slower
 * CPU provokes) even where too few calls ran for failureOf to prove it, and a pick is advice to run
 * production there; but a raw rate above the reference's (1 of 6 against 0 of 18) is what errors
 * the function makes at every size give most sizes by chance, and would let chance decide the
 * pick. Undefined when the evidence is weaker, or there is nothing to compare with.
 */
export function moreErrorsThan(
  observations: Observation[],
  reference: { observations: Observation[]; label: string },
): string | undefined {
  if (!failsMoreOften(observations, reference.observations)) return undefined;
  const errors = failedCalls(observations);
  const refErrors = failedCalls(reference.observations);
  const n = observations.length;
  const refN = reference.observations.length;
  const p = hypergeometricUpperTail(errors, n, errors + refErrors, n + refN);
  if (p >= MORE_ERRORS_SIGNIFICANCE) return undefined;
  return (
    `${errors} of its ${n} calls failed (${percent(errors / n)}) against ` +
    `${refErrors} of ${refN} (${percent(refErrors / refN)}) ${reference.label} ` +
    `(one-sided Fisher exact test, p = ${p.toPrecision(2)} < ${MORE_ERRORS_SIGNIFICANCE})`
  );
}

/** The figures of a size nothing was measured of (failed, or never run). */
export const NO_FIGURES = {
  meanMs: null,
  p50Ms: null,
  p90Ms: null,
  p99Ms: null,
  billedMeanMs: null,
  costUsdPerInvocation: null,
} as const;

/** The figures of one measured candidate; `others` are the job's calls at the other sizes. */
export function sizeResult(
  candidate: Candidate,
  observations: Observation[],
  others: Observation[],
  options: Pick<SearchOptions, 'discardTopBottom' | 'onlyColdStarts'>,
  pricer: TuningPricer,
): SizeResult {
  const share = options.onlyColdStarts ? 0 : options.discardTopBottom;
  const ok = measuredObservations(observations, options.onlyColdStarts);
  const failure = failureOf(observations, others);
  const errors = failedCalls(observations);
  const base = {
    memoryMb: candidate.memoryMb,
    architecture: candidate.architecture,
    invocations: observations.length,
    measured: true,
    errors,
    errorRate: observations.length > 0 ? errors / observations.length : null,
  };
  if (failure || ok.length === 0) {
    return {
      ...base,
      feasible: false,
      failure: failure ?? 'no successful invocation',
      ...NO_FIGURES,
    };
  }
  const elapsed = ok.map(elapsedMs).sort((a, b) => a - b);
  const billedMeanMs = mean(trimmed(ok.map(billedMs), share));
  // Restores among the figures (only cold starts measured, or nothing else ran) add their fee.
  const restoredShare = ok.filter(restored).length / ok.length;
  const usdAt = (snapStart: boolean) =>
    pricer.invocationUsd(
      candidate.architecture,
      candidate.memoryMb,
      Math.ceil(billedMeanMs),
      snapStart,
    );
  return {
    ...base,
    feasible: true,
    meanMs: mean(trimmed(elapsed, share)),
    p50Ms: percentile(elapsed, 50),
    p90Ms: percentile(elapsed, 90),
    p99Ms: percentile(elapsed, 99),
    billedMeanMs,
    // Power Tuning rounds the mean billed duration up to the billing step before pricing it.
    costUsdPerInvocation:
      restoredShare > 0
        ? (1 - restoredShare) * usdAt(false) + restoredShare * usdAt(true)
        : usdAt(false),
  };
}

/** What the job itself cost: every invocation it made, warm-ups and failures included. */
export function jobCostUsd(observations: Observation[], pricer: TuningPricer): number {
  return observations.reduce(
    (s, o) => s + pricer.invocationUsd(o.architecture, o.memoryMb, billedMs(o), restored(o)),
    0,
  );
}
