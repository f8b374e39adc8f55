import { BUCKETS_PER_POWER_OF_TWO, ZERO_BUCKET, bucketIndex } from '@fleetscope/model';
import type { HistogramDelta } from './scrape-delta';

/**
 * Splits `total` into parts proportional to `weights`. Whole totals stay whole (largest remainder),
 * so spreading 3 invocations over two minutes gives 2 + 1, never 1.5 + 1.5.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (!(weightSum > 0)) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / weightSum);
  if (!Number.isInteger(total)) return exact;
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  if (left > 0) {
    const order = exact
      .map((x, i) => [x - Math.floor(x), i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  }
  return parts;
}

function add(buckets: Record<number, number>, index: number, count: number): void {
  if (count > 0) buckets[index] = (buckets[index] ?? 0) + count;
}

/** Spreads `count` observations evenly in log space over the model buckets covering (lo, hi]. */
function spreadLogUniform(
  buckets: Record<number, number>,
  lo: number,
  hi: number,
  count: number,
): void {
  if (!(hi > 0)) {
    add(buckets, ZERO_BUCKET, count);
    return;
  }
  if (!(lo > 0) || hi / lo < 1.0001) {
    add(buckets, bucketIndex(hi), count);
    return;
  }
  const logLo = Math.log2(lo) * BUCKETS_PER_POWER_OF_TWO;
  const logHi = Math.log2(hi) * BUCKETS_PER_POWER_OF_TWO;
  const first = bucketIndex(lo);
  const last = bucketIndex(hi);
  const indices: number[] = [];
  const weights: number[] = [];
  for (let k = first; k <= last; k++) {
    // Bucket k covers (k, k + 1] in units of log2(x) * 8.
    const overlap = Math.min(logHi, k + 1) - Math.max(logLo, k);
    if (overlap > 0) {
      indices.push(k);
      weights.push(overlap);
    }
  }
  if (indices.length === 0) {
    add(buckets, last, count);
    return;
  }
  const parts = apportion(count, weights);
  for (let n = 0; n < indices.length; n++) add(buckets, indices[n], parts[n]);
}

/**
 * Converts the bucket increases of a Prometheus histogram into the model's log-scale buckets
 * (milliseconds). Approximate by nature: observations are assumed log-uniform inside each
 * Prometheus bucket; the first bucket is taken to start at half its bound; the +Inf bucket is
 * placed at the mean its share of `sum` implies (at least the last bound). A summary (no buckets)
 * puts every observation at the mean. `toMs` converts the histogram's unit (1000 for seconds).
 */
export function prometheusHistogramToLogBuckets(
  delta: HistogramDelta,
  toMs: number,
): Record<number, number> {
  const buckets: Record<number, number> = {};
  const bounds = delta.upperBounds;
  if (bounds.length === 0) {
    if (delta.count > 0) add(buckets, bucketIndex((delta.sum / delta.count) * toMs), delta.count);
    return buckets;
  }
  let finiteSum = 0;
  for (let i = 0; i < bounds.length; i++) {
    const count = delta.counts[i];
    if (!(count > 0)) continue;
    const hi = bounds[i] * toMs;
    const lo = i === 0 ? hi / 2 : bounds[i - 1] * toMs;
    spreadLogUniform(buckets, lo, hi, count);
    finiteSum += count * (lo > 0 ? Math.sqrt(lo * hi) : hi / 2);
  }
  if (delta.overflow > 0) {
    const lastBound = bounds[bounds.length - 1] * toMs;
    const mean = (delta.sum * toMs - finiteSum) / delta.overflow;
    add(buckets, bucketIndex(mean > lastBound ? mean : lastBound * 1.01), delta.overflow);
  }
  return buckets;
}
