import { bucketMidpoint, explicitBucketsToLogBuckets, type LogBuckets } from '@fleetscope/model';
import type { HistogramDelta } from './scrape-delta';

/**
 * The bucket increases of a Prometheus histogram (or a summary's count and sum) as the model's
 * log-scale buckets, through the one explicit-bucket conversion of libs/model. `toMs` converts the
 * histogram's unit (1000 for seconds).
 */
export function prometheusHistogramToLogBuckets(delta: HistogramDelta, toMs: number): LogBuckets {
  return explicitBucketsToLogBuckets(
    {
      upperBounds: delta.upperBounds,
      counts: [...delta.counts, delta.overflow],
      count: delta.count,
      sum: delta.sum,
    },
    toMs,
  );
}

/** The sum of log-scale buckets' observations, each at its bucket's midpoint. */
function midpointSum(buckets: LogBuckets): number {
  let sum = 0;
  for (const key in buckets) sum += bucketMidpoint(Number(key)) * buckets[key];
  return sum;
}

/**
 * The `n` slowest observations of histogram increases (e.g. one revision's activator latencies
 * over every activator pod and status), in milliseconds: taken from the top buckets down, the
 * lowest bucket taken in part. Their sum is the increases' sum less an estimate of the others (at
 * their log-scale buckets' midpoints); taken from one bucket, they sit at that mean. When that
 * estimate falls outside the taken buckets (the others' estimate erred by more than a bucket:
 * many fast requests), the taken buckets are read as any others, log-uniform. Series with other
 * bounds are added at their own upper bounds; of a summary only the mean is known.
 */
export function slowestObservations(
  deltas: readonly HistogramDelta[],
  n: number,
  toMs: number,
): { count: number; sumMs: number; buckets: LogBuckets } {
  const byBound = new Map<number, number>();
  let overflow = 0;
  let sum = 0;
  for (const d of deltas) {
    d.upperBounds.forEach((b, i) => byBound.set(b, (byBound.get(b) ?? 0) + d.counts[i]));
    overflow += d.overflow;
    sum += d.sum;
  }
  const bounds = [...byBound.keys()].sort((a, b) => a - b);
  const counts = [...bounds.map((b) => byBound.get(b) ?? 0), overflow];
  const observed = counts.reduce((s, c) => s + c, 0);
  const count = Math.min(Math.max(0, n), observed);
  if (!(count > 0)) return { count: 0, sumMs: 0, buckets: {} };

  const taken = counts.map(() => 0);
  let left = count;
  for (let i = counts.length - 1; i >= 0 && left > 0; i--) {
    taken[i] = Math.min(left, counts[i]);
    left -= taken[i];
  }
  const histogram = (part: number[], partCount: number, partSum: number | null) => ({
    upperBounds: bounds,
    counts: part,
    count: partCount,
    sum: partSum,
  });
  let takenSum: number | null = sum;
  if (bounds.length === 0) {
    takenSum = (sum * count) / observed;
  } else if (count < observed) {
    const rest = counts.map((c, i) => c - taken[i]);
    const estimate =
      sum - midpointSum(explicitBucketsToLogBuckets(histogram(rest, observed - count, null), 1));
    let lowest = 0;
    let highest = 0;
    taken.forEach((c, i) => {
      if (c === 0) return;
      lowest += c * (i === 0 ? 0 : bounds[i - 1]);
      highest += c * (i < bounds.length ? bounds[i] : Infinity);
    });
    takenSum = estimate >= lowest && estimate <= highest ? estimate : null;
  }
  if (takenSum === null) {
    const buckets = explicitBucketsToLogBuckets(histogram(taken, count, null), toMs);
    return { count, sumMs: midpointSum(buckets), buckets };
  }
  const oneBucket = taken.filter((c) => c > 0).length === 1 && taken[bounds.length] === 0;
  const mean = takenSum / count;
  return {
    count,
    sumMs: takenSum * toMs,
    buckets: explicitBucketsToLogBuckets(
      {
        ...histogram(taken, count, takenSum),
        ...(oneBucket && Number.isFinite(mean) ? { min: mean, max: mean } : {}),
      },
      toMs,
    ),
  };
}
