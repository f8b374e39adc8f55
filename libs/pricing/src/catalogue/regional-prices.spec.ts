import { containerDeploymentCost } from '../containers/container-cost.calculator';
import { lambdaUnitPrices } from '../lambda/lambda-cost.calculator';
import { defaultCatalogue } from './price-catalogue';

const at = new Date('2026-12-01T00:00:00Z');

describe('regional prices', () => {
  it('defect 13 (every region priced as us-east-1): Lambda in af-south-1 and Fargate in São Paulo are priced from their own regional entries', () => {
    const usEast = lambdaUnitPrices('x86_64', at, 'us-east-1', defaultCatalogue, 0);
    const capeTown = lambdaUnitPrices('x86_64', at, 'af-south-1', defaultCatalogue, 0);
    expect(usEast.onDemandUsdPerGbSecond).toBeCloseTo(0.0000166667, 12);
    expect(capeTown.onDemandUsdPerGbSecond).toBeCloseTo(0.0000221, 12);
    expect(capeTown.priceIds.join(' ')).toContain('@af-south-1@');
    // The ten largest regions share the default Lambda price.
    expect(
      lambdaUnitPrices('x86_64', at, 'eu-central-1', defaultCatalogue, 0).onDemandUsdPerGbSecond,
    ).toBeCloseTo(0.0000166667, 12);

    const task = (region: string) =>
      containerDeploymentCost(
        { offer: 'fargate-x86_64', vcpuPerTask: 1, memoryGbPerTask: 2, tasks: 1, hours: 1 },
        at,
        region,
        defaultCatalogue,
      );
    expect(task('us-east-1').usd).toBeCloseTo(0.04048 + 2 * 0.004445, 9);
    expect(task('sa-east-1').usd).toBeCloseTo(0.0696 + 2 * 0.0076, 9);
    expect(task('sa-east-1').breakdown.every((l) => l.priceId.includes('@sa-east-1@'))).toBe(true);
  });
});
