import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { lambdaProfile, windowStats } from '../testing/fleet.generator';
import { monthlyLambdaCost, observedLambdaUsage } from './lambda-window-cost';

describe(observedLambdaUsage.name, () => {
  it('defect 13 (span-only functions leave INIT out): without billed durations, on-demand INIT of a managed ZIP runtime is billed from 2025-08-01', () => {
    const profile = lambdaProfile({ runtime: 'nodejs22.x', packageType: 'Zip', memoryMb: 1024 });
    const stats = windowStats({
      invocations: 1_000_000,
      medianMs: 100,
      sigma: 0.2,
      billedDurationSumMs: 0,
      initDurationSumMs: 3_600_000,
    });
    const usage = observedLambdaUsage(profile, stats, 1024, 0);
    const cost = (at: string) =>
      monthlyLambdaCost(usage, stats, profile, {
        pricing: new PricingService(defaultCatalogue),
        at: new Date(at),
      }).usd;
    // 3,600 s of INIT at 1 GB over 14 days: 3,600 × 0.0000166667 × 730 / 336 ≈ $0.13 a month more.
    expect(cost('2025-08-02T00:00:00Z') - cost('2025-07-30T00:00:00Z')).toBeCloseTo(
      3600 * 0.0000166667 * (730 / 336),
      3,
    );
  });
});
