import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { concurrencyProfile, lambdaProfile, windowStats } from '../testing/fleet.generator';
import { ProvisionedConcurrencyAnalyzer, scheduleRanges } from './provisioned-concurrency.analyzer';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-08T00:00:00Z'),
};
const analyzer = new ProvisionedConcurrencyAnalyzer();
const stats = windowStats({ invocations: 1_000_000, medianMs: 100, sigma: 0.3, coldStarts: 500 });

describe(ProvisionedConcurrencyAnalyzer.name, () => {
  it('recommends provisioned concurrency of 20 for a steady concurrency of 20 and prices the saving', () => {
    const concurrency = concurrencyProfile(() => 20, { coldStartsPerHour: () => 3 });
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1024 }), stats, concurrency },
      ctx,
    );

    expect(rec.recommended).toEqual({ provisionedConcurrency: 20 });
    // 20 GB × 3600 s × 730 h × ($0.0000166667 − $0.0000097222 − $0.0000041667), plus billed INIT avoided.
    expect(rec.monthlyImpactUsd).toBeGreaterThan(146);
    expect(rec.monthlyImpactUsd).toBeLessThan(147);
    expect(rec.evidence.utilisation).toBeCloseTo(1, 9);
    expect(rec.evidence.breakEvenUtilisation as number).toBeCloseTo(0.6, 3);
    expect(rec.reason).toContain('above the 60 % break-even');
    expect(rec.evidence.coldStartsRemovedPerMonth as number).toBeGreaterThan(0);
  });

  it('says nothing for sporadic traffic, where warm capacity would sit idle', () => {
    const concurrency = concurrencyProfile((_h, minute) => (minute === 0 ? 0.5 : 0), {
      coldStartsPerHour: () => 1,
    });
    expect(analyzer.analyze({ profile: lambdaProfile(), stats, concurrency }, ctx)).toEqual([]);
  });

  it('recommends a weekly schedule when traffic follows business hours', () => {
    const businessHour = (h: number) => h < 120 && h % 24 >= 9 && h % 24 < 17;
    const concurrency = concurrencyProfile((h) => (businessHour(h) ? 20 : 0.2), { weeks: 2 });
    const [rec] = analyzer.analyze({ profile: lambdaProfile(), stats, concurrency }, ctx);

    const schedule = rec.recommended.schedule as {
      fromHourOfWeek: number;
      toHourOfWeek: number;
      level: number;
    }[];
    expect(schedule).toContainEqual({ fromHourOfWeek: 9, toHourOfWeek: 16, level: 20 });
    expect(schedule).toContainEqual({ fromHourOfWeek: 17, toHourOfWeek: 32, level: 0 });
    expect(rec.monthlyImpactUsd).toBeGreaterThan(
      rec.evidence.constantLevelNetUsdPerMonth as number,
    );
  });

  it('lowers provisioned concurrency that is mostly idle', () => {
    const concurrency = concurrencyProfile(() => 2);
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ provisionedConcurrency: 10 }), stats, concurrency },
      ctx,
    );
    expect(rec.current.provisionedConcurrency).toBe(10);
    expect(rec.recommended).toEqual({ provisionedConcurrency: 2 });
    expect(rec.monthlyImpactUsd).toBeGreaterThan(0);
  });

  it('prices one warm Knative pod per cold start avoided when many requests start cold', () => {
    const concurrency = concurrencyProfile((_h, minute) => (minute % 10 === 0 ? 1 : 0), {
      coldStartsPerHour: () => 6,
    });
    const profile = lambdaProfile({
      platform: 'knative',
      podCpu: 0.5,
      podMemoryMb: 512,
      minScale: 0,
    });
    const coldStats = { ...stats, invocations: 10_000, coldStarts: 1000 };
    const [rec] = analyzer.analyze({ profile, stats: coldStats, concurrency }, ctx);
    expect(rec.recommended).toEqual({ minScale: 1 });
    expect(rec.monthlyImpactUsd).toBeLessThan(0);
    expect(rec.reason).toContain('per cold start avoided');
  });
});

describe(scheduleRanges.name, () => {
  it('merges consecutive hours with the same level', () => {
    expect(scheduleRanges([0, 0, 5, 5, 0])).toEqual([
      { fromHourOfWeek: 0, toHourOfWeek: 1, level: 0 },
      { fromHourOfWeek: 2, toHourOfWeek: 3, level: 5 },
      { fromHourOfWeek: 4, toHourOfWeek: 4, level: 0 },
    ]);
  });
});
