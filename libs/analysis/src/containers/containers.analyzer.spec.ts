import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { concurrencyProfile, lambdaProfile, windowStats } from '../testing/fleet.generator';
import { ContainersAnalyzer } from './containers.analyzer';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-08T00:00:00Z'),
};
const analyzer = new ContainersAnalyzer();
const WEEK_SECONDS = 7 * 86_400;

describe(ContainersAnalyzer.name, () => {
  it('finds containers cheaper for a high constant load and gives the break-even request rate', () => {
    // 200 requests/s of 200 ms at 1 GB, all week: concurrency 40.
    const invocations = 200 * WEEK_SECONDS;
    const stats = windowStats({
      invocations,
      medianMs: 200,
      sigma: 0.05,
      maxMemoryUsedMb: 300,
      days: 7,
    });
    const concurrency = concurrencyProfile(() => 40);
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1024 }), stats, concurrency },
      ctx,
    );

    expect(rec.kind).toBe('containers');
    expect(rec.monthlyImpactUsd).toBeGreaterThan(0);
    expect(rec.current.monthlyUsd as number).toBeGreaterThan(1800);
    const breakEven = rec.evidence.breakEvenRequestsPerSecond as number;
    expect(breakEven).toBeGreaterThan(0);
    expect(breakEven).toBeLessThan(200);
    expect(rec.reason).toContain('requests/s');
    expect(rec.evidence.sizing).toMatchObject({
      p95Concurrency: 40,
      concurrencySource: 'concurrency-profile',
    });
  });

  it('keeps Lambda for light traffic', () => {
    const stats = windowStats({
      invocations: 50_000,
      medianMs: 100,
      sigma: 0.3,
      maxMemoryUsedMb: 100,
    });
    expect(analyzer.analyze({ profile: lambdaProfile(), stats }, ctx)).toEqual([]);
  });

  it('leaves functions already on Knative alone', () => {
    const stats = windowStats({ invocations: 10_000_000, medianMs: 100, sigma: 0.3 });
    expect(
      analyzer.analyze({ profile: lambdaProfile({ platform: 'knative' }), stats }, ctx),
    ).toEqual([]);
  });
});
