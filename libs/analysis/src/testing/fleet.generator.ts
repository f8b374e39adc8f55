import { bucketIndex, bucketLowerBound, bucketUpperBound } from '@fleetscope/model';
import type {
  ConcurrencyProfile,
  FunctionProfile,
  FunctionWindowStats,
  HistogramBuckets,
} from '../inputs';
import { normalCdf } from '../stats/normal-distribution';

/**
 * Deterministic generators of fleets with a known truth, for specs. No randomness: counts are
 * the expected counts of the stated distribution, so a spec's expectation is exact.
 */

export const WEEK_START_MS = Date.parse('2025-09-01T00:00:00Z'); // a Monday
export const DAY_MS = 86_400_000;

/** Expected bucket counts of `count` log-normal durations with the given median and sigma. */
export function logNormalBuckets(count: number, medianMs: number, sigma: number): HistogramBuckets {
  const buckets: HistogramBuckets = {};
  const mu = Math.log(medianMs);
  const first = bucketIndex(medianMs * Math.exp(-7 * sigma));
  const last = bucketIndex(medianMs * Math.exp(7 * sigma));
  for (let index = first; index <= last; index++) {
    const p =
      normalCdf((Math.log(bucketUpperBound(index)) - mu) / sigma) -
      normalCdf((Math.log(bucketLowerBound(index)) - mu) / sigma);
    const expected = Math.round(count * p);
    if (expected > 0) buckets[index] = expected;
  }
  return buckets;
}

export function lambdaProfile(overrides: Partial<FunctionProfile> = {}): FunctionProfile {
  return {
    functionId: 'aws_lambda~123456789012~us-east-1~checkout',
    platform: 'aws_lambda',
    name: 'checkout',
    region: 'us-east-1',
    account: '123456789012',
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
    memoryMb: 1024,
    timeoutMs: 3000,
    provisionedConcurrency: null,
    packageType: 'Zip',
    ...overrides,
  };
}

/** A 14-day window (Compute Optimizer's lookback) with `invocations` spread evenly and log-normal durations. */
export function windowStats(
  opts: {
    invocations: number;
    medianMs: number;
    sigma: number;
    memoryMb?: number;
    days?: number;
  } & Partial<FunctionWindowStats>,
): FunctionWindowStats {
  const { invocations, medianMs, sigma, memoryMb = 1024, days: dayCount = 14, ...overrides } = opts;
  const durationBuckets = logNormalBuckets(invocations, medianMs, sigma);
  const meanMs = medianMs * Math.exp((sigma * sigma) / 2);
  const days = Array.from({ length: dayCount }, (_, d) => ({
    dayStartMs: WEEK_START_MS + d * DAY_MS,
    invocations: Math.round(invocations / dayCount),
    timeouts: 0,
    durationMaxMs: medianMs * Math.exp(3.5 * sigma),
    p99Ms: medianMs * Math.exp(2.326 * sigma),
  }));
  return {
    functionId: 'aws_lambda~123456789012~us-east-1~checkout',
    windowStartMs: WEEK_START_MS,
    windowEndMs: WEEK_START_MS + dayCount * DAY_MS,
    invocations,
    errors: 0,
    timeouts: 0,
    ooms: 0,
    coldStarts: 0,
    durationSumMs: meanMs * invocations,
    durationMaxMs: medianMs * Math.exp(3.5 * sigma),
    billedDurationSumMs: meanMs * invocations,
    initDurationSumMs: 0,
    durationBuckets,
    initBuckets: {},
    maxMemoryUsedMb: null,
    memoryUsedP95Mb: null,
    byMemory: [{ memoryMb, invocations, durationSumMs: meanMs * invocations, durationBuckets }],
    daily: days,
    // As storage gives them: every cold start with an Init Duration, in its mean's bucket.
    ...(overrides.coldStarts && overrides.initDurationSumMs
      ? {
          initBuckets: {
            [bucketIndex(overrides.initDurationSumMs / overrides.coldStarts)]: overrides.coldStarts,
          },
        }
      : {}),
    ...overrides,
  };
}

export const DEFAULT_LEVELS = [1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 75, 100];

/**
 * Aggregates a per-minute concurrency function over `weeks` weeks the way the storage layer
 * does: per hour of week, minutes observed, concurrency-minutes and covered minutes per level.
 */
export function concurrencyProfile(
  concurrencyAt: (hourOfWeek: number, minute: number, week: number) => number,
  opts: {
    weeks?: number;
    levels?: number[];
    coldStartsPerHour?: (h: number) => number;
    initMs?: number;
  } = {},
): ConcurrencyProfile {
  const { weeks = 1, levels = DEFAULT_LEVELS, coldStartsPerHour = () => 0, initMs = 300 } = opts;
  const perMinute: number[] = [];
  const hours = Array.from({ length: 168 }, (_, hourOfWeek) => {
    let concurrencyMinutes = 0;
    let lastWeekMinutes = 0;
    const covered = levels.map(() => 0);
    const lastWeekCovered = levels.map(() => 0);
    for (let week = 0; week < weeks; week++) {
      for (let minute = 0; minute < 60; minute++) {
        const c = concurrencyAt(hourOfWeek, minute, week);
        perMinute.push(c);
        concurrencyMinutes += c;
        levels.forEach((level, i) => (covered[i] += Math.min(c, level)));
        if (week === weeks - 1) {
          lastWeekMinutes += c;
          levels.forEach((level, i) => (lastWeekCovered[i] += Math.min(c, level)));
        }
      }
    }
    const coldStarts = coldStartsPerHour(hourOfWeek) * weeks;
    return {
      hourOfWeek,
      minutesObserved: 60 * weeks,
      concurrencyMinutes,
      coveredMinutesByLevel: covered,
      coldStarts,
      onDemandInitMs: coldStarts * initMs,
      timedColdStarts: coldStarts,
      // As storage gives it: a held-out last week only when there are weeks before it.
      ...(weeks < 2
        ? {}
        : {
            heldOut: {
              minutesObserved: 60,
              concurrencyMinutes: lastWeekMinutes,
              coveredMinutesByLevel: lastWeekCovered,
              coldStarts: coldStartsPerHour(hourOfWeek),
              onDemandInitMs: coldStartsPerHour(hourOfWeek) * initMs,
              timedColdStarts: coldStartsPerHour(hourOfWeek),
            },
          }),
    };
  });
  perMinute.sort((a, b) => a - b);
  return {
    functionId: 'aws_lambda~123456789012~us-east-1~checkout',
    levels,
    hours,
    p95Concurrency: perMinute[Math.floor(0.95 * (perMinute.length - 1))] ?? 0,
    weeksCovered: weeks,
  };
}

/**
 * `stats` with the execution time `concurrency` holds when every minute is busy at its
 * concurrency throughout: requests that fill their minutes, or a profile of per-minute averages
 * (aggregate-only data). Window statistics and a concurrency profile from one window agree so.
 */
export function busyAsProfile(
  stats: FunctionWindowStats,
  concurrency: ConcurrencyProfile,
): FunctionWindowStats {
  const peakMinutes = concurrency.hours.reduce((sum, h) => sum + h.concurrencyMinutes, 0);
  const meanConcurrency = peakMinutes / (concurrency.weeksCovered * 7 * 24 * 60);
  return {
    ...stats,
    durationSumMs: meanConcurrency * (stats.windowEndMs - stats.windowStartMs),
  };
}
