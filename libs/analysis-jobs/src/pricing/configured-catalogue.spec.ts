import { loadConfig } from '@fleetscope/config';
import { PricingService } from '@fleetscope/pricing';
import { configuredCatalogue } from './configured-catalogue';

const task = (
  offer: 'fargate-x86_64' | 'fargate-spot',
  at: string,
  catalogue = configuredCatalogue(loadConfig({})),
) =>
  new PricingService(catalogue).containerDeployment(
    { offer, vcpuPerTask: 1, memoryGbPerTask: 2, tasks: 1, hours: 1 },
    new Date(at),
    'us-east-1',
  );

describe(configuredCatalogue.name, () => {
  it('defect 13 (Spot a fixed 70 %): the Fargate Spot discount is the configured figure, from the date it was observed', () => {
    const catalogue = configuredCatalogue(
      loadConfig({
        FLEETSCOPE_FARGATE_SPOT_DISCOUNT_PERCENT: '55',
        FLEETSCOPE_FARGATE_SPOT_DISCOUNT_AS_OF: '2026-11-01',
      }),
    );
    const onDemand = task('fargate-x86_64', '2026-12-01T00:00:00Z', catalogue).usd;
    const spot = task('fargate-spot', '2026-12-01T00:00:00Z', catalogue);
    expect(spot.usd).toBeCloseTo(onDemand * 0.45, 9);
    expect(spot.priceIds.join(' ')).toContain('spot-55-2026-11-01');
    // Before that date the earlier figure holds.
    expect(task('fargate-spot', '2026-10-01T00:00:00Z', catalogue).usd).toBeCloseTo(
      onDemand * 0.3,
      6,
    );
  });
});
