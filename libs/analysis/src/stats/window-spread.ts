import type { MemorySizeDay } from '../inputs';

/**
 * How a mean holds up across repeated windows (UTC days): each window's mean is a fit of its own,
 * and their residual around the overall mean is noise the invocations of one window do not show —
 * day-to-day load, downstream latency, drift. docs/decisions.md "Recommendations (issue 9)".
 */
export interface WindowSpread {
  /** Windows with enough invocations for a mean of their own. */
  windows: number;
  /** Standard deviation of the windows' means around their mean (0 with fewer than two). */
  residualSdMs: number;
  /** What that residual says about the window's mean: residualSd / √windows. */
  standardErrorMs: number;
  /** residualSd / mean: the day-to-day residual relative to the duration. */
  relativeResidual: number;
}

/** Windows with fewer invocations have means too noisy to stand for their day. */
export const MIN_WINDOW_INVOCATIONS = 20;

export function windowSpread(
  days: readonly MemorySizeDay[] | undefined,
  minInvocations = MIN_WINDOW_INVOCATIONS,
): WindowSpread {
  const means = (days ?? [])
    .filter((d) => d.invocations >= minInvocations && d.durationSumMs >= 0)
    .map((d) => d.durationSumMs / d.invocations);
  const k = means.length;
  if (k < 2) return { windows: k, residualSdMs: 0, standardErrorMs: 0, relativeResidual: 0 };
  const mean = means.reduce((s, m) => s + m, 0) / k;
  const sd = Math.sqrt(means.reduce((s, m) => s + (m - mean) ** 2, 0) / (k - 1));
  return {
    windows: k,
    residualSdMs: sd,
    standardErrorMs: sd / Math.sqrt(k),
    relativeResidual: mean > 0 ? sd / mean : 0,
  };
}

/**
 * 0.4..1 from a relative residual across windows: 1 when they agree, 0.7 at 10 %, 0.46 at 30 %.
 * It weighs a confidence score, never zeroes it: the range carries the rest.
 */
export function consistency(relativeResidual: number): number {
  const r = Number.isFinite(relativeResidual) ? Math.abs(relativeResidual) : 1;
  return 0.4 + 0.6 / (1 + (r / 0.1) ** 2);
}

/**
 * 0..1: how far two sizes' window means repeat. Fewer than three windows a size cannot show its
 * residual; then the residual that is there.
 */
export function repeatability(a: WindowSpread, b: WindowSpread): number {
  const windows = Math.min(a.windows, b.windows);
  const byWindows = windows >= 3 ? 1 : windows === 2 ? 0.8 : 0.6;
  return byWindows * consistency(Math.max(a.relativeResidual, b.relativeResidual));
}

/** Half the range of figures from repeated windows, relative to their midpoint (0 for one figure). */
export function relativeHalfRange(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const mid = (low + high) / 2;
  if (high === low) return 0;
  return mid === 0 ? Number.POSITIVE_INFINITY : (high - low) / 2 / Math.abs(mid);
}
