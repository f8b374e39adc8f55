import type { ObservedRange } from '@fleetscope/model';
import { BUCKETS_PER_POWER_OF_TWO, ZERO_BUCKET, histogramQuantile } from '@fleetscope/model';
import type { HistogramBuckets } from '../inputs';
import { normalQuantile, normalUpperTail } from './normal-distribution';

/** A log-normal distribution: ln(X) ~ N(mu, sigma²). */
export interface LogNormal {
  mu: number;
  sigma: number;
}

export function logNormalExceedance(dist: LogNormal, valueMs: number): number {
  if (!(valueMs > 0)) return 1;
  if (!(dist.sigma > 0)) return Math.log(valueMs) < dist.mu ? 1 : 0;
  return normalUpperTail((Math.log(valueMs) - dist.mu) / dist.sigma);
}

export function logNormalQuantile(dist: LogNormal, q: number): number {
  return Math.exp(dist.mu + dist.sigma * normalQuantile(q));
}

/** Moments of ln(duration) over the histogram, each bucket at its log-midpoint. */
export function fitLogNormalByMoments(buckets: HistogramBuckets): LogNormal | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const [key, count] of Object.entries(buckets)) {
    const index = Number(key);
    if (!(count > 0) || index === ZERO_BUCKET) continue;
    const logMid = (Math.LN2 * (index + 0.5)) / BUCKETS_PER_POWER_OF_TWO;
    n += count;
    sum += count * logMid;
    sumSq += count * logMid * logMid;
  }
  if (n < 2) return null;
  const mu = sum / n;
  const variance = Math.max(0, sumSq / n - mu * mu);
  return { mu, sigma: Math.sqrt(variance) };
}

/**
 * A log-normal through the 75th and 99th percentiles: it follows the upper tail, which is what a
 * timeout cares about, even when the body of the distribution is not log-normal. The percentiles
 * are clamped to the observed range where it is known (histogramQuantile).
 */
export function fitLogNormalToTail(
  buckets: HistogramBuckets,
  observed: ObservedRange = {},
): LogNormal | null {
  const q75 = histogramQuantile(buckets, 0.75, observed);
  const q99 = histogramQuantile(buckets, 0.99, observed);
  if (q75 === null || q99 === null || !(q75 > 0) || !(q99 > 0)) return null;
  const z75 = normalQuantile(0.75);
  const z99 = normalQuantile(0.99);
  const sigma = Math.max(0, (Math.log(q99) - Math.log(q75)) / (z99 - z75));
  return { mu: Math.log(q99) - z99 * sigma, sigma };
}
