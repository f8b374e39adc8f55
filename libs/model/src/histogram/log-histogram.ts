/**
 * The one log-scale histogram of Fleetscope (durations, init and restore times, memory used):
 * the OpenTelemetry exponential-histogram layout at scale 3, eight buckets per power of two, so
 * bucket `index` covers (2^(index / 8), 2^((index + 1) / 8)] and is about 9 % wide. Buckets are
 * a map index → count that merges by adding counts (`sumMap` in ClickHouse), or, as wide reads
 * return them, sorted index and count arrays (SortedLogBuckets); zero and negative values go to
 * ZERO_BUCKET. The SQL that builds the same buckets comes from log-histogram.sql.ts.
 */
export const BUCKETS_PER_POWER_OF_TWO = 8;

/** The bucket that holds zero and negative values. */
export const ZERO_BUCKET = -32768;

/** Bucket index → count. */
export type LogBuckets = Record<number, number>;

/** Index of the bucket holding `value`; values ≤ 0 go to ZERO_BUCKET. */
export function bucketIndex(
  value: number,
  bucketsPerPowerOfTwo = BUCKETS_PER_POWER_OF_TWO,
): number {
  if (!(value > 0)) return ZERO_BUCKET;
  return Math.ceil(Math.log2(value) * bucketsPerPowerOfTwo) - 1;
}

export function bucketLowerBound(index: number): number {
  if (index === ZERO_BUCKET) return 0;
  return 2 ** (index / BUCKETS_PER_POWER_OF_TWO);
}

export function bucketUpperBound(index: number): number {
  if (index === ZERO_BUCKET) return 0;
  return 2 ** ((index + 1) / BUCKETS_PER_POWER_OF_TWO);
}

/** The geometric middle of a bucket (0 for ZERO_BUCKET): where its observations sit on average. */
export function bucketMidpoint(index: number): number {
  if (index === ZERO_BUCKET) return 0;
  return 2 ** ((index + 0.5) / BUCKETS_PER_POWER_OF_TWO);
}

/** Adds `count` observations of `value` to `buckets` in place. */
export function addToHistogram(buckets: LogBuckets, value: number, count = 1): void {
  addToBucket(buckets, bucketIndex(value), count);
}

/** Adds `count` to bucket `index` in place (nothing for a count ≤ 0). */
export function addToBucket(buckets: LogBuckets, index: number, count: number): void {
  if (count > 0) buckets[index] = (buckets[index] ?? 0) + count;
}

/** Adds every count of `from` into `into` (keys may be strings, as JSON and ClickHouse give them). */
export function mergeBuckets(into: LogBuckets, from: Record<string | number, number>): LogBuckets {
  for (const key in from) {
    const index = Number(key);
    into[index] = (into[index] ?? 0) + Number(from[key]);
  }
  return into;
}

/** What is known exactly about the observations besides their buckets. */
export interface ObservedRange {
  min?: number | null;
  max?: number | null;
  /**
   * The observations' sum, over those the buckets count. With one observation it is that
   * observation, which every quantile then reports exactly; with the max, the min is at least the
   * sum less every other observation at the max (a constant duration reports itself); and with
   * neither min nor max, observations that all fall in one bucket report their mean, which is
   * exact where the bucket hides no spread (a constant init) and within the bucket where it does.
   */
  sum?: number | null;
}

/**
 * A histogram as two parallel arrays, bucket indexes strictly ascending and their counts: what
 * ClickHouse's `sumMap` returns (its keys sorted, ZERO_BUCKET first) when read as `mapKeys` and
 * `mapValues`, without an object per histogram to build and take apart.
 */
export interface SortedLogBuckets {
  indexes: number[];
  counts: number[];
}

/** An empty SortedLogBuckets, to merge into. */
export function emptySortedBuckets(): SortedLogBuckets {
  return { indexes: [], counts: [] };
}

/**
 * Adds every count of `from` into `into`, both sorted: in place when `into` already has every
 * index of `from` (a group's or a fleet's buckets soon have them all), else into new arrays set on
 * `into`. `from`'s arrays are never kept, so rows may be merged into several holders.
 */
export function mergeSortedBuckets(
  into: SortedLogBuckets,
  from: Readonly<SortedLogBuckets>,
): SortedLogBuckets {
  const { indexes, counts } = into;
  if (indexes.length === 0) {
    into.indexes = from.indexes.slice();
    into.counts = from.counts.slice();
    return into;
  }
  let i = 0;
  let j = 0;
  for (; j < from.indexes.length; j++) {
    while (i < indexes.length && indexes[i] < from.indexes[j]) i++;
    if (i === indexes.length || indexes[i] !== from.indexes[j]) break;
    counts[i] += from.counts[j];
  }
  if (j === from.indexes.length) return into;
  // `from` has an index `into` lacks: merge the rest of both into new arrays.
  const merged = emptySortedBuckets();
  for (let k = 0; k < i; k++) {
    merged.indexes.push(indexes[k]);
    merged.counts.push(counts[k]);
  }
  while (i < indexes.length || j < from.indexes.length) {
    if (j === from.indexes.length || (i < indexes.length && indexes[i] < from.indexes[j])) {
      merged.indexes.push(indexes[i]);
      merged.counts.push(counts[i++]);
    } else if (i === indexes.length || from.indexes[j] < indexes[i]) {
      merged.indexes.push(from.indexes[j]);
      merged.counts.push(from.counts[j++]);
    } else {
      merged.indexes.push(indexes[i]);
      merged.counts.push(counts[i++] + from.counts[j++]);
    }
  }
  into.indexes = merged.indexes;
  into.counts = merged.counts;
  return into;
}

/**
 * The buckets of a map (keys may be strings, as JSON and ClickHouse give them) in ascending
 * order, without the empty ones.
 */
export function sortedBucketsOf(buckets: Record<string | number, number>): SortedLogBuckets {
  // One pass, and no sort when the keys already ascend (a JSON object keeps sumMap's order but
  // for negative keys, which it lists after the others).
  const entries: [number, number][] = [];
  let ascending = true;
  for (const key of Object.keys(buckets)) {
    const count = Number(buckets[key]);
    if (!(count > 0)) continue;
    const index = Number(key);
    if (entries.length > 0 && index < entries[entries.length - 1][0]) ascending = false;
    entries.push([index, count]);
  }
  if (!ascending) entries.sort((a, b) => a[0] - b[0]);
  return { indexes: entries.map(([index]) => index), counts: entries.map(([, count]) => count) };
}

/**
 * The q-quantile (0..1) of a bucketed distribution, interpolated log-linearly inside the bucket
 * it falls in, then clamped to the observed min and max where they are known: the lowest
 * observation is the min and the highest the max, so a single sample reports itself exactly and
 * a p99 never exceeds the largest duration seen. Null for an empty histogram.
 */
export function histogramQuantile(
  buckets: Record<string | number, number>,
  q: number,
  observed: ObservedRange = {},
): number | null {
  return sortedHistogramQuantile(sortedBucketsOf(buckets), q, observed);
}

/** histogramQuantile of sorted buckets. */
export function sortedHistogramQuantile(
  buckets: Readonly<SortedLogBuckets>,
  q: number,
  observed: ObservedRange = {},
): number | null {
  return quantile(buckets, sortedHistogramCount(buckets), q, observed);
}

/** The observations sorted buckets hold: their counts, summed in ascending order. */
export function sortedHistogramCount({ counts }: Readonly<SortedLogBuckets>): number {
  let total = 0;
  for (const count of counts) if (count > 0) total += count;
  return total;
}

/** The observations a histogram holds. */
export function histogramCount(buckets: Record<string | number, number>): number {
  let total = 0;
  for (const key of Object.keys(buckets)) {
    const count = Number(buckets[key]);
    if (count > 0) total += count;
  }
  return total;
}

/**
 * The mean of the observations left in one bucket once those known exactly are taken out: the
 * max, when it is alone in the highest bucket, and the min, when alone in the lowest. Null when
 * more than one bucket is left, or the mean the sum gives does not fall in it (a sum counted over
 * other observations). Exact where the bucket hides no spread (69 durations of 100.4 ms and a
 * timeout read p50 103.1 and p95 107.3 from the buckets alone, a bucket's width above each), and
 * within the bucket where it does. The quantiles at the ranks of the max and the min report them.
 */
function meanLeftInOneBucket(
  indexes: readonly number[],
  counts: readonly number[],
  sum: number,
  min: number | null,
  max: number | null,
): number | null {
  let first = -1;
  let last = -1;
  let occupied = 0;
  for (let k = 0; k < indexes.length; k++) {
    if (!(counts[k] > 0)) continue;
    if (first < 0) first = k;
    last = k;
    occupied++;
  }
  let left = sum;
  if (occupied > 1 && max !== null && counts[last] === 1) {
    left -= max;
    occupied--;
    for (last--; !(counts[last] > 0); last--);
  }
  if (occupied > 1 && min !== null && counts[first] === 1) {
    left -= min;
    occupied--;
    for (first++; !(counts[first] > 0); first++);
  }
  if (occupied !== 1 || indexes[first] === ZERO_BUCKET) return null;
  const mean = left / counts[first];
  const within = 1e-9 * Math.abs(sum);
  return mean >= bucketLowerBound(indexes[first]) - within &&
    mean <= bucketUpperBound(indexes[first]) + within
    ? mean
    : null;
}

/** The one quantile rule (see histogramQuantile); empty buckets are skipped. */
function quantile(
  { indexes, counts }: Readonly<SortedLogBuckets>,
  total: number,
  q: number,
  observed: ObservedRange,
): number | null {
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  const sum =
    observed.sum !== null && observed.sum !== undefined && observed.sum > 0 ? observed.sum : null;
  const single = total === 1 ? sum : null;
  const max =
    single ??
    (observed.max !== null && observed.max !== undefined && observed.max > 0 ? observed.max : null);
  const min = single ?? observed.min ?? null;
  // A bound under every observation besides the min, which it does not stand for at low ranks.
  let floor = 0;
  if (sum !== null && single === null) {
    if (max !== null) {
      // The others at most the max: no observation is below the sum less them. A sum that does
      // not fit the max (counted over other observations than the buckets) says nothing.
      const rest = sum - (total - 1) * max;
      if (rest <= max * (1 + 1e-9)) floor = Math.min(rest, max);
    }
  }
  if (max !== null && rank > total - 1) return max;
  if (min !== null && rank <= 1) return max === null ? min : Math.min(min, max);
  const mean =
    sum === null || single !== null ? null : meanLeftInOneBucket(indexes, counts, sum, min, max);
  if (mean !== null) {
    return Math.max(Math.min(mean, max ?? Infinity), min ?? 0, floor);
  }
  let value: number | null = null;
  let seen = 0;
  let last = -1;
  for (let k = 0; k < indexes.length; k++) {
    const count = counts[k];
    if (!(count > 0)) continue;
    last = k;
    if (seen + count >= rank) {
      const index = indexes[k];
      if (index === ZERO_BUCKET) return 0;
      // Log-linear inside the bucket: lower · (upper / lower)^within, which is one power of two
      // (the fleet page takes six quantiles of each of 10,000 functions).
      value = 2 ** ((index + (rank - seen) / count) / BUCKETS_PER_POWER_OF_TWO);
      break;
    }
    seen += count;
  }
  // Past every count (a rank the counts' float sum falls short of): the highest bucket's top.
  value ??= bucketUpperBound(indexes[last]);
  if (max !== null) value = Math.min(value, max);
  if (min !== null) value = Math.max(value, min);
  return Math.max(value, floor);
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * p50, p95 and p99 of a histogram, each clamped to what was observed (histogramQuantile); the
 * buckets are sorted once for the three.
 */
export function histogramPercentiles(
  buckets: Record<string | number, number>,
  observed: ObservedRange = {},
): Percentiles {
  return sortedHistogramPercentiles(sortedBucketsOf(buckets), observed);
}

/** histogramPercentiles of sorted buckets (the fleet page asks this of 10,000 functions). */
export function sortedHistogramPercentiles(
  buckets: Readonly<SortedLogBuckets>,
  observed: ObservedRange = {},
): Percentiles {
  const total = sortedHistogramCount(buckets);
  return {
    p50: quantile(buckets, total, 0.5, observed),
    p95: quantile(buckets, total, 0.95, observed),
    p99: quantile(buckets, total, 0.99, observed),
  };
}
