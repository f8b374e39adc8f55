/**
 * Log-scale histogram buckets in the OpenTelemetry exponential-histogram layout at scale 3: eight
 * buckets per power of two, so a bucket's upper bound is 2^((index + 1) / 8) and its width is
 * about 9 % of its value. DESIGN.md measured this layout, summed with `sumMap`, as the cheapest
 * sketch to merge. The same formula is written in SQL in the migrations (`ceil(log2(x) * 8) - 1`).
 */
export const BUCKETS_PER_POWER_OF_TWO = 8;

/** Index of the bucket holding `value` (> 0). Values ≤ 0 go to a dedicated bucket. */
export function bucketIndex(value: number): number {
  if (!(value > 0)) return ZERO_BUCKET;
  return Math.ceil(Math.log2(value) * BUCKETS_PER_POWER_OF_TWO) - 1;
}

/** The bucket that holds zero and negative values. */
export const ZERO_BUCKET = -32768;

export function bucketLowerBound(index: number): number {
  if (index === ZERO_BUCKET) return 0;
  return 2 ** (index / BUCKETS_PER_POWER_OF_TWO);
}

export function bucketUpperBound(index: number): number {
  if (index === ZERO_BUCKET) return 0;
  return 2 ** ((index + 1) / BUCKETS_PER_POWER_OF_TWO);
}

/**
 * The q-quantile (0..1) of a bucketed distribution, interpolated log-linearly inside the bucket
 * it falls in. Returns null for an empty histogram.
 */
export function histogramQuantile(buckets: Record<number, number>, q: number): number | null {
  const entries = Object.entries(buckets)
    .map(([k, v]) => [Number(k), Number(v)] as const)
    .filter(([, v]) => v > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  let seen = 0;
  for (const [index, count] of entries) {
    if (seen + count >= rank) {
      if (index === ZERO_BUCKET) return 0;
      const within = count === 0 ? 0 : (rank - seen) / count;
      const lo = bucketLowerBound(index);
      const hi = bucketUpperBound(index);
      return lo * (hi / lo) ** within;
    }
    seen += count;
  }
  return bucketUpperBound(entries[entries.length - 1][0]);
}

/** Adds `count` observations of `value` to `buckets` in place. */
export function addToHistogram(buckets: Record<number, number>, value: number, count = 1): void {
  const index = bucketIndex(value);
  buckets[index] = (buckets[index] ?? 0) + count;
}
