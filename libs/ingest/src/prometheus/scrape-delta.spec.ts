import { bucketIndex, histogramQuantile } from '@fleetscope/model';
import { parsePrometheusText } from './exposition-text.parser';
import { minuteShares, spreadOverMinutes, emptyIntervalTotals } from './interval-rows';
import { apportion } from '@fleetscope/model';
import { prometheusHistogramToLogBuckets } from './log-scale-buckets.converter';
import { counterIncrease, diffSnapshots, histogramIncrease } from './scrape-delta';
import { takeSnapshot } from './scrape-snapshot';

const selection = { counters: ['req_total'], histograms: ['lat_seconds'], gauges: ['pods'] };

function snapshot(text: string) {
  return takeSnapshot(parsePrometheusText(text), selection);
}

describe(counterIncrease.name, () => {
  it('is the difference while the counter grows and the current value after a reset', () => {
    expect(counterIncrease(10, 15)).toEqual({ delta: 5, reset: false });
    expect(counterIncrease(10, 4)).toEqual({ delta: 4, reset: true });
    expect(counterIncrease(undefined, 7)).toEqual({ delta: 7, reset: false });
  });
});

describe(diffSnapshots.name, () => {
  it('diffs each series on its own, so a reset in one series does not hide growth in another', () => {
    const before = snapshot('req_total{code="200"} 100\nreq_total{code="500"} 9\npods 2');
    const after = snapshot(
      'req_total{code="200"} 110\nreq_total{code="500"} 1\nreq_total{code="504"} 2\npods 3',
    );
    const diff = diffSnapshots(before, after);
    expect(diff.counters.map((c) => [c.labels.code, c.delta, c.reset])).toEqual([
      ['200', 10, false],
      ['500', 1, true],
      ['504', 2, false],
    ]);
    expect(diff.resets).toBe(1);
    expect(after.gauges).toEqual([{ name: 'pods', labels: {}, value: 3 }]);
  });

  it('matches series whatever the order of their labels', () => {
    const before = snapshot('req_total{a="1",b="2"} 5');
    const after = snapshot('req_total{b="2",a="1"} 8');
    expect(diffSnapshots(before, after).counters[0].delta).toBe(3);
  });
});

describe(histogramIncrease.name, () => {
  const text = (b1: number, b2: number, inf: number, sum: number) =>
    `lat_seconds_bucket{le="0.1"} ${b1}\nlat_seconds_bucket{le="1"} ${b2}\nlat_seconds_bucket{le="+Inf"} ${inf}\n` +
    `lat_seconds_sum ${sum}\nlat_seconds_count ${inf}`;

  it('turns cumulative bucket increases into per-bucket counts with the overflow apart', () => {
    const before = snapshot(text(5, 8, 9, 3));
    const after = snapshot(text(7, 13, 16, 12));
    const [delta] = diffSnapshots(before, after).histograms;
    expect(delta.counts).toEqual([2, 3]);
    expect(delta.overflow).toBe(2);
    expect(delta.count).toBe(7);
    expect(delta.sum).toBe(9);
    expect(delta.reset).toBe(false);
  });

  it('takes the current values when the histogram went back (exporter restart)', () => {
    const before = snapshot(text(5, 8, 9, 3));
    const after = snapshot(text(1, 2, 2, 0.4));
    const delta = histogramIncrease(
      before.histograms.values().next().value,
      after.histograms.values().next().value!,
    );
    expect(delta).toMatchObject({ counts: [1, 1], overflow: 0, count: 2, sum: 0.4, reset: true });
  });
});

describe(prometheusHistogramToLogBuckets.name, () => {
  it('spreads each bucket log-uniformly over the model buckets it covers, keeping the total', () => {
    const buckets = prometheusHistogramToLogBuckets(
      {
        name: 'x',
        labels: {},
        upperBounds: [256, 512],
        counts: [0, 16],
        overflow: 0,
        sum: 5800,
        count: 16,
        reset: false,
      },
      1,
    );
    // (256 ms, 512 ms] is exactly one power of two: eight model buckets, two observations each.
    expect(Object.values(buckets)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(Math.min(...Object.keys(buckets).map(Number))).toBe(bucketIndex(257));
    expect(Math.max(...Object.keys(buckets).map(Number))).toBe(bucketIndex(512));
    const p50 = histogramQuantile(buckets, 0.5)!;
    expect(p50).toBeCloseTo(Math.SQRT2 * 256, 0);
  });

  it('keeps the count of a bucket that straddles model buckets', () => {
    const buckets = prometheusHistogramToLogBuckets(
      {
        name: 'x',
        labels: {},
        upperBounds: [0.25, 0.5],
        counts: [3, 17],
        overflow: 0,
        sum: 6,
        count: 20,
        reset: false,
      },
      1000,
    );
    expect(Object.values(buckets).reduce((s, n) => s + n, 0)).toBe(20);
    expect(Math.max(...Object.keys(buckets).map(Number))).toBe(bucketIndex(500));
  });

  it('places the +Inf bucket at the mean its share of the sum implies', () => {
    const buckets = prometheusHistogramToLogBuckets(
      {
        name: 'x',
        labels: {},
        upperBounds: [10],
        counts: [0],
        overflow: 1,
        sum: 30,
        count: 1,
        reset: false,
      },
      1000,
    );
    expect(buckets).toEqual({ [bucketIndex(30_000)]: 1 });
  });

  it('puts every observation of a summary at its mean', () => {
    const buckets = prometheusHistogramToLogBuckets(
      {
        name: 'x',
        labels: {},
        upperBounds: [],
        counts: [],
        overflow: 0,
        sum: 0.6,
        count: 3,
        reset: false,
      },
      1000,
    );
    expect(buckets).toEqual({ [bucketIndex(200)]: 3 });
  });
});

describe(apportion.name, () => {
  it('keeps whole totals whole and in proportion', () => {
    expect(apportion(3, [0.5, 0.5])).toEqual([2, 1]);
    expect(apportion(10, [0.25, 0.75])).toEqual([3, 7]);
    expect(apportion(1.5, [1, 2])).toEqual([0.5, 1]);
    expect(apportion(4, [0, 0])).toEqual([4, 0]);
  });
});

describe(spreadOverMinutes.name, () => {
  it('splits an interval that crosses a minute boundary by the time spent in each minute', () => {
    const start = Date.UTC(2024, 4, 6, 10, 0, 30);
    expect(minuteShares(start, start + 60_000)).toEqual([
      { minuteMs: Date.UTC(2024, 4, 6, 10, 0), weight: 0.5 },
      { minuteMs: Date.UTC(2024, 4, 6, 10, 1), weight: 0.5 },
    ]);
    const totals = {
      ...emptyIntervalTotals('openfaas', 'f', ''),
      invocations: 5,
      errors: 1,
      durationSumMs: 100,
    };
    totals.durationBuckets = { 40: 5 };
    const rows = spreadOverMinutes(totals, start, start + 60_000);
    expect(rows.map((r) => [r.invocations, r.errors, r.durationSumMs, r.durationBuckets])).toEqual([
      [3, 1, 60, { 40: 3 }],
      [2, 0, 40, { 40: 2 }],
    ]);
  });

  it('keeps a histogram sum with its observations, and unknown starts counted once', () => {
    // Two scrapes 10 s apart across a minute boundary, 6 s before it: one 2.3 s cold start.
    const start = Date.UTC(2024, 4, 6, 10, 0, 54);
    const totals = {
      ...emptyIntervalTotals('knative', 'f', ''),
      invocations: 1,
      coldStarts: 1,
      unknownStarts: 3,
      durationSumMs: 2_400,
      initDurationSumMs: 2_300,
    };
    totals.durationBuckets = { 90: 1 };
    totals.initBuckets = { 88: 1 };
    const rows = spreadOverMinutes(totals, start, start + 10_000);
    expect(rows.map((r) => [r.coldStarts, r.initDurationSumMs, r.initBuckets])).toEqual([
      [1, 2_300, { 88: 1 }],
      [0, 0, {}],
    ]);
    expect(rows.map((r) => r.durationSumMs)).toEqual([2_400, 0]);
    expect(rows.reduce((s, r) => s + r.unknownStarts, 0)).toBe(3);
  });
});
