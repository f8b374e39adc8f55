import { bucketIndex, histogramCount } from '@fleetscope/model';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';

const pricing = new PricingService(defaultCatalogue);
import { lambdaProfile, logNormalBuckets, windowStats } from '../testing/fleet.generator';
import {
  coldStartCost,
  coldStartRate,
  coldStartRateReason,
  latencyAddedMs,
  meanInitMs,
  summarizeColdStarts,
} from './cold-start.math';

describe(summarizeColdStarts.name, () => {
  it('reports rate, mean init, latency added and the INIT cost after 2025-08-01', () => {
    // 1,000 inits, each with an Init Duration: the sketch's rounding topped up at the median.
    const initBuckets = logNormalBuckets(1000, 250, 0.2);
    initBuckets[bucketIndex(250)] += 1000 - histogramCount(initBuckets);
    const stats = {
      ...windowStats({ invocations: 100_000, medianMs: 50, sigma: 0.3 }),
      coldStarts: 1000,
      initDurationSumMs: 1000 * 250,
      initBuckets,
    };
    const summary = summarizeColdStarts(
      lambdaProfile({ memoryMb: 1024 }),
      stats,
      new Date('2025-09-01T00:00:00Z'),
      pricing,
    );
    expect(summary.rate).toBeCloseTo(0.01, 9);
    expect(summary.meanInitMs).toBe(250);
    expect(summary.latencyAddedMs).toBe(250_000);
    // 250 GB-s × $0.0000166667
    expect(summary.costUsd).toBeCloseTo(0.00416667, 7);
    expect(summary.p50InitMs).toBeGreaterThan(230);
    expect(summary.p50InitMs).toBeLessThan(270);
    expect(summary.catalogueVersion).toBe(defaultCatalogue.version);
  });

  it('takes the mean init over the cold starts that reported an Init Duration', () => {
    // Two cold starts, one of 300 ms and one known only from a span's faas.coldstart.
    const stats = {
      ...windowStats({ invocations: 10, medianMs: 50, sigma: 0.3 }),
      coldStarts: 2,
      initDurationSumMs: 300,
      initBuckets: { [bucketIndex(300)]: 1 },
    };
    const summary = summarizeColdStarts(
      lambdaProfile({ memoryMb: 1024 }),
      stats,
      new Date('2025-09-01T00:00:00Z'),
      pricing,
    );
    expect(summary.coldStarts).toBe(2);
    expect(summary.meanInitMs).toBe(300);
    expect(summary.latencyAddedMs).toBe(300);
  });
});

describe(coldStartCost.name, () => {
  it('is zero for a managed ZIP runtime before 2025-08-01 and positive for a custom runtime', () => {
    const zip = {
      architecture: 'x86_64' as const,
      memoryMb: 1024,
      runtime: 'python3.12',
      packageType: 'Zip' as const,
      region: 'us-east-1',
    };
    expect(coldStartCost(zip, 250_000, new Date('2025-07-01T00:00:00Z'), pricing).usd).toBe(0);
    expect(
      coldStartCost(
        { ...zip, runtime: 'provided.al2023' },
        250_000,
        new Date('2025-07-01T00:00:00Z'),
        pricing,
      ).usd,
    ).toBeCloseTo(0.00416667, 7);
  });
});

describe(coldStartRate.name, () => {
  it('handles empty windows', () => {
    expect(coldStartRate(0, 0, 0)).toBe(0);
    expect(meanInitMs(0, 0)).toBeNull();
    expect(latencyAddedMs(5, null)).toBe(0);
  });

  it('leaves invocations of unknown start out of the denominator, and is null when all are', () => {
    expect(coldStartRate(1, 4, 2)).toBe(0.5);
    expect(coldStartRate(0, 4, 4)).toBeNull();
    expect(coldStartRateReason(4, 4)).toMatch(/faas\.coldstart/);
    expect(coldStartRateReason(4, 2)).toBeNull();
    expect(coldStartRateReason(0, 0)).toBeNull();
  });
});
