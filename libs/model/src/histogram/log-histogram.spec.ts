import { explicitBucketsToLogBuckets } from './explicit-buckets.converter';
import {
  ZERO_BUCKET,
  addToHistogram,
  bucketIndex,
  bucketLowerBound,
  bucketUpperBound,
  histogramPercentiles,
  histogramQuantile,
  mergeBuckets,
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
