import { BUCKETS_PER_POWER_OF_TWO, ZERO_BUCKET } from './log-histogram';

/**
 * The ClickHouse expression of bucketIndex(): the Int16 bucket of `value`, ZERO_BUCKET unless
 * `guard` (by default the value itself) is positive; `guard` null where the value is known to be
 * positive. The migrations and repositories use exactly this text (log-bucket.sql.spec.ts in
 * libs/storage checks the committed SQL against it).
 */
export function logBucketSql(
  value: string,
  guard: string | null = value,
  bucketsPerPowerOfTwo = BUCKETS_PER_POWER_OF_TWO,
): string {
  const bucket = `ceil(log2(${value}) * ${bucketsPerPowerOfTwo}) - 1`;
  return guard === null
    ? `toInt16(${bucket})`
    : `toInt16(if(${guard} > 0, ${bucket}, ${ZERO_BUCKET}))`;
}

/**
 * The q-quantile of a log-scale histogram map, computed in SQL as histogramQuantile() does in
 * TypeScript before clamping: the first bucket whose cumulative count reaches q × total,
 * interpolated log-linearly inside it. NULL for an empty map. Single-element arrayMap calls bind
 * the sorted buckets, their running sum and the index like `let`.
 */
export function histogramQuantileSql(
  map: string,
  q: number,
  bucketsPerPowerOfTwo = BUCKETS_PER_POWER_OF_TWO,
): string {
  const value = `if(kv[i].1 = ${ZERO_BUCKET}, 0, pow(2, (kv[i].1 + (${q} * cum[-1] - (cum[i] - kv[i].2)) / kv[i].2) / ${bucketsPerPowerOfTwo}))`;
  const atIndex = `arrayMap(i -> ${value}, [greatest(1, arrayFirstIndex(x -> x >= ${q} * cum[-1], cum))])[1]`;
  const withCum = `arrayMap(cum -> if(cum[-1] = 0, NULL, ${atIndex}), [arrayCumSum(arrayMap(x -> x.2, kv))])[1]`;
  return `arrayMap(kv -> if(empty(kv), NULL, ${withCum}), [arraySort(x -> x.1, arrayZip(mapKeys(${map}), mapValues(${map})))])[1]`;
}

/**
 * The histogram map (Map(Int16, UInt64), bucket → count) of a sorted array of bucket numbers:
 * what sumMap([bucket], [1]) over the same values gives, from one array sort per group instead of
 * a sumMap state per group. Each value run's first index comes from comparing the array with
 * itself shifted by one, so no lambda captures the array (a captured array is copied per element).
 */
export function sortedBucketCountsSql(sorted: string): string {
  const firsts = `arrayMap((x, y, i) -> i = 1 OR x != y, s, arrayPushFront(arrayPopBack(s), s[1]), arrayEnumerate(s))`;
  const counts = `arrayMap(p -> arrayMap((i, j) -> toUInt64(j - i), p, arrayPushBack(arrayPopFront(p), length(s) + 1)), [arrayFilter((i, g) -> g, arrayEnumerate(s), f)])[1]`;
  return `arrayMap(s -> arrayMap(f -> mapFromArrays(arrayFilter((x, g) -> g, s, f), ${counts}), [${firsts}])[1], [${sorted}])[1]`;
}

/**
 * The sum of a column of histogram maps as the two columns of a SortedLogBuckets, `<name>Indexes`
 * and `<name>Counts`: sumMap returns its keys sorted ascending (ZERO_BUCKET first, the keys being
 * Int16), and mapKeys and mapValues keep that order, so the reader has no map to sort.
 */
export function summedSortedBucketsSql(column: string, name: string): string {
  return `mapKeys(sumMap(${column}) AS ${name}) AS ${name}Indexes, mapValues(${name}) AS ${name}Counts`;
}
