import fc from 'fast-check';
import { explicitBucketsToLogBuckets } from './explicit-buckets.converter';
import {
  ZERO_BUCKET,
  emptySortedBuckets,
  addToHistogram,
  bucketIndex,
  bucketLowerBound,
  bucketUpperBound,
  histogramPercentiles,
  histogramQuantile,
  mergeBuckets,
  mergeSortedBuckets,
  sortedBucketsOf,
  sortedHistogramPercentiles,
  sortedHistogramQuantile,
  type SortedLogBuckets,
} from './log-histogram';

const total = (b: Record<number, number>) => Object.values(b).reduce((s, n) => s + n, 0);

describe(histogramQuantile.name, () => {
  it('reports a single sample exactly when its maximum is known', () => {
    const buckets = {};
    addToHistogram(buckets, 123.4);
    expect(histogramPercentiles(buckets, { max: 123.4 })).toEqual({
      p50: 123.4,
      p95: 123.4,
      p99: 123.4,
    });
  });

  it('reports a single sample exactly from its sum (init durations keep no max), and only a single one', () => {
    const one = {};
    addToHistogram(one, 380);
    expect(histogramPercentiles(one, { sum: 380 })).toEqual({ p50: 380, p95: 380, p99: 380 });
    expect(histogramPercentiles(one).p99).not.toBe(380);
    const two = {};
    addToHistogram(two, 240);
    addToHistogram(two, 1000);
    // The sum of two in different buckets says nothing of either: the buckets' estimate stands.
    expect(histogramPercentiles(two, { sum: 1240 })).toEqual(histogramPercentiles(two));
  });

  it('defect: three inits of 250 ms read p50 245, p95 255, p99 256 beside their mean of 250; observations in one bucket report their mean', () => {
    const three = {};
    for (let i = 0; i < 3; i++) addToHistogram(three, 250);
    expect(histogramPercentiles(three)).not.toEqual({ p50: 250, p95: 250, p99: 250 });
    expect(histogramPercentiles(three, { sum: 750 })).toEqual({ p50: 250, p95: 250, p99: 250 });
    // A sum that cannot be theirs (its mean outside their bucket) says nothing.
    expect(histogramPercentiles(three, { sum: 3000 })).toEqual(histogramPercentiles(three));
  });

  it('defect: twelve durations of 300 ms read p50 291.53, below each; with the max, the sum puts a floor under every quantile', () => {
    const twelve = {};
    for (let i = 0; i < 12; i++) addToHistogram(twelve, 300);
    expect(histogramQuantile(twelve, 0.5, { max: 300 })).toBeLessThan(295);
    expect(histogramPercentiles(twelve, { max: 300, sum: 3600 })).toEqual({
      p50: 300,
      p95: 300,
      p99: 300,
    });
    // Eleven at 300 and one at 100: nothing below 100, the median still in the 300 ms bucket.
    const spread = {};
    for (let i = 0; i < 11; i++) addToHistogram(spread, 300);
    addToHistogram(spread, 100);
    const p50 = histogramQuantile(spread, 0.5, { max: 300, sum: 3400 })!;
    expect(p50).toBeGreaterThan(bucketLowerBound(bucketIndex(300)));
    expect(p50).toBeLessThanOrEqual(300);
    // A sum above what the max allows (not the buckets' observations) says nothing.
    expect(histogramPercentiles(twelve, { max: 300, sum: 9000 })).toEqual(
      histogramPercentiles(twelve, { max: 300 }),
    );
  });

  it('defect: 69 durations of 100.4 ms and one timeout read p50 103.1, p95 107.3; what is left in one bucket once the max is taken out reports its mean', () => {
    const durations = {};
    for (let i = 0; i < 69; i++) addToHistogram(durations, 100.4);
    addToHistogram(durations, 3000);
    const sum = 69 * 100.4 + 3000;
    expect(histogramQuantile(durations, 0.95, { max: 3000 })).toBeGreaterThan(107);
    const p = histogramPercentiles(durations, { max: 3000, sum });
    expect(p.p50).toBeCloseTo(100.4, 9);
    expect(p.p95).toBeCloseTo(100.4, 9);
    // The 70th of 70 is the max; p99's rank (69.3) is past the 69 in the bucket.
    expect(p.p99).toBe(3000);
    // And the min, alone in the lowest bucket, with the max: the 68 between report their mean.
    const both = {};
    addToHistogram(both, 20);
    for (let i = 0; i < 68; i++) addToHistogram(both, 100.4);
    addToHistogram(both, 3000);
    const p50 = histogramQuantile(both, 0.5, { min: 20, max: 3000, sum: 20 + 68 * 100.4 + 3000 });
    expect(p50).toBeCloseTo(100.4, 9);
    // Two buckets left: the buckets' estimate, unchanged.
    const two = {};
    for (let i = 0; i < 30; i++) addToHistogram(two, 100.4);
    for (let i = 0; i < 30; i++) addToHistogram(two, 200);
    addToHistogram(two, 3000);
    const sumTwo = 30 * 100.4 + 30 * 200 + 3000;
    expect(histogramPercentiles(two, { max: 3000, sum: sumTwo })).toEqual(
      histogramPercentiles(two, { max: 3000 }),
    );
  });

  it('never reports a quantile above the maximum nor below the minimum observed', () => {
    const buckets = {};
    for (let ms = 100; ms <= 200; ms++) addToHistogram(buckets, ms);
    const p99 = histogramQuantile(buckets, 0.99, { max: 200 })!;
    expect(p99).toBeLessThanOrEqual(200);
    expect(p99).toBeGreaterThan(190);
    expect(histogramQuantile(buckets, 0, { min: 100, max: 200 })).toBe(100);
    expect(histogramQuantile(buckets, 1, { min: 100, max: 200 })).toBe(200);
  });

  it('interpolates inside the bucket and answers null for an empty histogram', () => {
    const index = bucketIndex(100);
    const p50 = histogramQuantile({ [index]: 2 }, 0.5)!;
    expect(p50).toBeGreaterThan(bucketLowerBound(index));
    expect(p50).toBeLessThanOrEqual(bucketUpperBound(index));
    expect(histogramQuantile({}, 0.5)).toBeNull();
    expect(histogramQuantile({ [ZERO_BUCKET]: 3 }, 0.5)).toBe(0);
  });

  it('answers the same whatever order the buckets come in, skipping empty ones', () => {
    // A JSON object lists non-negative keys first, so the zero bucket comes after them.
    const ascending: [number, number][] = [
      [ZERO_BUCKET, 5],
      [-3, 2],
      [10, 0],
      [40, 7],
      [41, 1],
      [57, 3],
    ];
    const orders = [
      ascending,
      [...ascending].reverse(),
      [3, 0, 5, 1, 4, 2].map((i) => ascending[i]),
    ];
    const answers = orders.map((entries) =>
      histogramPercentiles(Object.fromEntries(entries.map(([k, v]) => [String(k), v]))),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0].p50).toBeGreaterThan(bucketLowerBound(40));
    expect(answers[0].p50).toBeLessThanOrEqual(bucketUpperBound(40));
    expect(histogramQuantile(Object.fromEntries(ascending), 0.1)).toBe(0);
  });
});

describe(mergeBuckets.name, () => {
  it('adds counts key by key, whether the keys are numbers or strings', () => {
    expect(mergeBuckets({ 1: 2, 5: 1 }, { '5': 3, '-32768': 1 })).toEqual({
      1: 2,
      5: 4,
      [ZERO_BUCKET]: 1,
    });
  });
});

/** Buckets as ClickHouse's sumMap gives them: keys ascending, ZERO_BUCKET first, no zero count. */
const sortedOf = (buckets: Record<number, number>): SortedLogBuckets => {
  const indexes = Object.keys(buckets)
    .map(Number)
    .filter((index) => buckets[index] > 0)
    .sort((a, b) => a - b);
  return { indexes, counts: indexes.map((index) => buckets[index]) };
};

/** Maps of up to 12 buckets (ZERO_BUCKET and negative indexes among them), counts 0 to 1,000. */
const bucketMaps = fc.dictionary(
  fc.oneof(fc.constant(ZERO_BUCKET), fc.integer({ min: -40, max: 120 })).map(String),
  fc.integer({ min: 0, max: 1000 }),
  { maxKeys: 12 },
);
const observedRanges = fc.record({
  min: fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: undefined }),
  max: fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: undefined }),
});

describe(sortedHistogramQuantile.name, () => {
  it('answers as histogramQuantile does for the same buckets given as a map', () => {
    fc.assert(
      fc.property(
        bucketMaps,
        fc.double({ min: 0, max: 1, noNaN: true }),
        observedRanges,
        (map, q, observed) => {
          expect(sortedHistogramQuantile(sortedOf(map), q, observed)).toBe(
            histogramQuantile(map, q, observed),
          );
          expect(sortedHistogramPercentiles(sortedOf(map), observed)).toEqual(
            histogramPercentiles(map, observed),
          );
        },
      ),
    );
  });

  it('answers 0 in the zero bucket, null when empty, and clamps to the observed min and max', () => {
    const zeroFirst = { indexes: [ZERO_BUCKET, 40], counts: [5, 5] };
    expect(sortedHistogramQuantile(zeroFirst, 0.3)).toBe(0);
    expect(sortedHistogramQuantile(zeroFirst, 0.9)).toBeGreaterThan(bucketLowerBound(40));
    expect(sortedHistogramQuantile(emptySortedBuckets(), 0.5)).toBeNull();
    expect(sortedHistogramPercentiles({ indexes: [3], counts: [0] })).toEqual({
      p50: null,
      p95: null,
      p99: null,
    });
    const one = { indexes: [bucketIndex(123.4)], counts: [1] };
    expect(sortedHistogramPercentiles(one, { max: 123.4 })).toEqual({
      p50: 123.4,
      p95: 123.4,
      p99: 123.4,
    });
    const many = { indexes: [bucketIndex(10), bucketIndex(1000)], counts: [50, 50] };
    expect(sortedHistogramQuantile(many, 0.99, { max: 900 })).toBe(900);
    expect(sortedHistogramQuantile(many, 0.01, { min: 10.5 })).toBe(10.5);
    expect(sortedHistogramQuantile(many, 0.2, { min: 11 })).toBe(11);
  });
});

describe(mergeSortedBuckets.name, () => {
  it('sums as mergeBuckets does, in order, and never keeps or changes what it merges', () => {
    fc.assert(
      fc.property(fc.array(bucketMaps, { maxLength: 6 }), (maps) => {
        const into = emptySortedBuckets();
        const record: Record<number, number> = {};
        for (const map of maps) {
          const from = sortedOf(map);
          const copy = { indexes: [...from.indexes], counts: [...from.counts] };
          expect(mergeSortedBuckets(into, from)).toBe(into);
          mergeBuckets(record, map);
          expect(from).toEqual(copy);
          expect(into.indexes).not.toBe(from.indexes);
          expect(into.counts).not.toBe(from.counts);
        }
        expect(into).toEqual(sortedOf(record));
      }),
    );
  });

  it('adds in place once every index is there, and puts ZERO_BUCKET first', () => {
    const into = mergeSortedBuckets(emptySortedBuckets(), { indexes: [2, 7], counts: [1, 1] });
    const counts = into.counts;
    mergeSortedBuckets(into, { indexes: [7], counts: [3] });
    expect(into.counts).toBe(counts);
    mergeSortedBuckets(into, { indexes: [ZERO_BUCKET, 5, 9], counts: [4, 1, 2] });
    expect(into).toEqual({ indexes: [ZERO_BUCKET, 2, 5, 7, 9], counts: [4, 1, 1, 4, 2] });
  });
});

describe(sortedBucketsOf.name, () => {
  it('lists the non-empty buckets of a JSON map in ascending order, ZERO_BUCKET first', () => {
    expect(sortedBucketsOf({ '3': 1, '60': 148, '7': 0, '-32768': 2 })).toEqual({
      indexes: [ZERO_BUCKET, 3, 60],
      counts: [2, 1, 148],
    });
    expect(sortedBucketsOf({})).toEqual(emptySortedBuckets());
  });
});

describe(explicitBucketsToLogBuckets.name, () => {
  it('spreads each explicit bucket log-uniformly and keeps every observation', () => {
    const buckets = explicitBucketsToLogBuckets(
      { upperBounds: [0.1, 0.2, 0.4], counts: [0, 40, 0, 0], count: 40, sum: 6 },
      1000,
    );
    expect(total(buckets)).toBe(40);
    const indices = Object.keys(buckets).map(Number);
    expect(Math.min(...indices)).toBe(bucketIndex(100.01));
    expect(Math.max(...indices)).toBe(bucketIndex(200));
  });

  it('narrows the buckets to the observed min and max', () => {
    const buckets = explicitBucketsToLogBuckets(
      { upperBounds: [100, 1000], counts: [0, 10, 0], count: 10, sum: 3000, min: 290, max: 310 },
      1,
    );
    expect(Object.keys(buckets).map(Number)).toEqual(
      [...new Set([bucketIndex(290), bucketIndex(300), bucketIndex(310)])].sort((a, b) => a - b),
    );
  });

  it('places the overflow at the mean its share of the sum implies, or spreads it to the max', () => {
    const bySum = explicitBucketsToLogBuckets(
      { upperBounds: [10], counts: [0, 2], count: 2, sum: 100 },
      1,
    );
    expect(bySum).toEqual({ [bucketIndex(50)]: 2 });
    const byMax = explicitBucketsToLogBuckets(
      { upperBounds: [10], counts: [0, 2], count: 2, sum: 100, max: 80 },
      1,
    );
    expect(total(byMax)).toBe(2);
    for (const index of Object.keys(byMax).map(Number)) {
      expect(index).toBeGreaterThanOrEqual(bucketIndex(10.01));
      expect(index).toBeLessThanOrEqual(bucketIndex(80));
    }
  });

  it('puts every observation at the mean when there are no bounds (a summary)', () => {
    expect(
      explicitBucketsToLogBuckets({ upperBounds: [], counts: [], count: 4, sum: 2 }, 1000),
    ).toEqual({
      [bucketIndex(500)]: 4,
    });
  });
});
