import { apportion } from '../apportion';
import {
  BUCKETS_PER_POWER_OF_TWO,
  ZERO_BUCKET,
  addToBucket,
  bucketIndex,
  type LogBuckets,
} from './log-histogram';

/** A histogram with explicit bounds: OTLP's `explicitBounds`, Prometheus's `le` buckets. */
export interface ExplicitBucketHistogram {
  /** Finite upper bounds, ascending. */
  upperBounds: readonly number[];
  /**
   * Observations in (upperBounds[i - 1], upperBounds[i]]; an element at upperBounds.length is
   * the overflow above the last bound.
   */
  counts: readonly number[];
  count: number;
  sum: number | null;
  /** Exact extremes where the sender keeps them (OTLP `min` / `max`). */
  min?: number | null;
  max?: number | null;
}

/**
 * The one conversion of an explicit-bucket histogram into the log-scale buckets (values × `factor`,
 * e.g. 1000 for seconds → ms). Approximate by nature: observations are assumed log-uniform inside
 * each explicit bucket, whose range is narrowed to the observed min and max where known; the first
 * bucket starts at half its bound when the min is unknown; the overflow bucket spreads up to the
 * max, or else sits at the mean its share of `sum` implies (at least just above the last bound).
 * Without bounds (a Prometheus summary, an OTLP point without buckets) every observation sits at
 * the mean.
 */
export function explicitBucketsToLogBuckets(
  histogram: ExplicitBucketHistogram,
  factor: number,
): LogBuckets {
  const buckets: LogBuckets = {};
  const bounds = histogram.upperBounds.map((b) => b * factor);
  const min = histogram.min === null || histogram.min === undefined ? null : histogram.min * factor;
  const max = histogram.max === null || histogram.max === undefined ? null : histogram.max * factor;
  const sum = histogram.sum === null ? null : histogram.sum * factor;
  if (bounds.length === 0) {
    if (histogram.count > 0) {
      const mean = sum !== null ? sum / histogram.count : (max ?? min ?? 0);
      addToBucket(buckets, bucketIndex(mean), histogram.count);
    }
    return buckets;
  }
  let finiteSum = 0;
  for (let i = 0; i < bounds.length; i++) {
    const count = histogram.counts[i];
    if (!(count > 0)) continue;
    let hi = bounds[i];
    let lo = i === 0 ? (min ?? hi / 2) : bounds[i - 1];
    if (min !== null && min > lo) lo = Math.min(min, hi);
    if (max !== null && max < hi) hi = Math.max(max, lo);
    spreadLogUniform(buckets, lo, hi, count);
    finiteSum += count * (lo > 0 ? Math.sqrt(lo * hi) : hi / 2);
  }
  const overflow = histogram.counts[bounds.length] ?? 0;
  if (overflow > 0) {
    const lastBound = bounds[bounds.length - 1];
    if (max !== null && max > lastBound) {
      spreadLogUniform(buckets, lastBound, max, overflow);
    } else {
      const mean = sum !== null ? (sum - finiteSum) / overflow : Number.NaN;
      addToBucket(buckets, bucketIndex(mean > lastBound ? mean : lastBound * 1.01), overflow);
    }
  }
  return buckets;
}

/** Spreads `count` observations evenly in log space over the buckets covering (lo, hi]. */
function spreadLogUniform(buckets: LogBuckets, lo: number, hi: number, count: number): void {
  if (!(hi > 0)) {
    addToBucket(buckets, ZERO_BUCKET, count);
    return;
  }
  if (!(lo > 0) || hi / lo < 1.0001) {
    addToBucket(buckets, bucketIndex(hi), count);
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
    addToBucket(buckets, last, count);
    return;
  }
  const parts = apportion(count, weights);
  for (let n = 0; n < indices.length; n++) addToBucket(buckets, indices[n], parts[n]);
}

/** An OpenTelemetry exponential histogram's buckets, as counts (the negative range is not kept). */
export interface ExponentialBucketHistogram {
  scale: number;
  zeroCount: number;
  /** Index of the first positive bucket: bucket i covers (base^(offset + i), base^(offset + i + 1)]. */
  offset: number;
  positiveCounts: readonly number[];
}

/**
 * An exponential histogram (any scale) as the log-scale buckets (values × `factor`): each bucket's
 * observations at its geometric middle, base^(index + 0.5), where base = 2^(2^-scale).
 */
export function exponentialBucketsToLogBuckets(
  histogram: ExponentialBucketHistogram,
  factor: number,
): LogBuckets {
  const buckets: LogBuckets = {};
  addToBucket(buckets, ZERO_BUCKET, histogram.zeroCount);
  const base = 2 ** (2 ** -histogram.scale);
  histogram.positiveCounts.forEach((count, i) => {
    if (count > 0)
      addToBucket(buckets, bucketIndex(base ** (histogram.offset + i + 0.5) * factor), count);
  });
  return buckets;
}
