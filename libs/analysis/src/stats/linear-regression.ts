import { normalQuantile } from './normal-distribution';

/** Ordinary least-squares slope of y on x; 0 when fewer than two distinct x. */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/** A least-squares slope with its confidence interval. */
export interface SlopeInterval {
  slope: number;
  /** Standard error of the slope from the residuals around the line (n − 2 degrees of freedom). */
  standardError: number;
  low: number;
  high: number;
  /** Points fitted. */
  n: number;
  level: number;
}

/**
 * Student's t quantile (p in (0.5, 1), ν ≥ 1 degrees of freedom) by the Cornish–Fisher expansion
 * around the normal quantile (Abramowitz & Stegun 26.7.5): within 0.1 % of the tables from ν = 3
 * at p = 0.975; ν = 1 and 2 have closed forms.
 */
export function studentTQuantile(p: number, nu: number): number {
  if (nu === 1) return Math.tan(Math.PI * (p - 0.5));
  if (nu === 2) {
    const a = 4 * p * (1 - p);
    return (2 * p - 1) * Math.sqrt(2 / a);
  }
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * nu) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92_160 * nu ** 4)
  );
}

/**
 * The least-squares slope of y on x with its two-sided `level` confidence interval (t with n − 2
 * degrees of freedom); null with fewer than three points or fewer than two distinct x, where the
 * residuals say nothing of the slope's error.
 */
export function slopeInterval(
  points: readonly { x: number; y: number }[],
  level = 0.95,
): SlopeInterval | null {
  const n = points.length;
  if (n < 3) return null;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  for (const p of points) sxx += (p.x - meanX) ** 2;
  if (!(sxx > 0)) return null;
  const slope = leastSquaresSlope(points);
  let sse = 0;
  for (const p of points) sse += (p.y - meanY - slope * (p.x - meanX)) ** 2;
  const standardError = Math.sqrt(sse / (n - 2) / sxx);
  const half = studentTQuantile(0.5 + level / 2, n - 2) * standardError;
  return { slope, standardError, low: slope - half, high: slope + half, n, level };
}
