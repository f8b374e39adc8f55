import { containerDeploymentCost, loadBalancerCost } from '../containers/container-cost.calculator';
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

  it('prices Lambda in its own-priced regions at their own figure before tiered pricing too, not at the us-east-1 figure', () => {
    // Tiered pricing (2022-08) added tiers above 6 B GB-s; it did not change a region's first tier.
    const before = new Date('2022-03-01T00:00:00Z');
    const capeTown = lambdaUnitPrices('x86_64', before, 'af-south-1', defaultCatalogue, 0);
    expect(capeTown.onDemandUsdPerGbSecond).toBeCloseTo(0.0000221, 12);
    expect(capeTown.assumed.map((a) => a.meter)).not.toContain('aws.lambda.duration.x86_64');
    const hongKongArm = lambdaUnitPrices('arm64', before, 'ap-east-1', defaultCatalogue, 0);
    expect(hongKongArm.onDemandUsdPerGbSecond).toBeCloseTo(0.0000183, 12);
    // Before Graviton2 on Lambda there was no arm64 price anywhere.
    expect(
      lambdaUnitPrices('arm64', new Date('2021-06-01T00:00:00Z'), 'ap-east-1', defaultCatalogue, 0)
        .onDemandUsdPerGbSecond,
    ).toBeNaN();
  });

  it('defect 13: Fargate is priced per region in the largest regions, each figure naming its source', () => {
    const fargate: Record<string, [number, number]> = {
      'us-east-1': [0.04048, 0.004445],
      'us-east-2': [0.04048, 0.004445],
      'us-west-1': [0.04656, 0.00511],
      'us-west-2': [0.04048, 0.004445],
      'eu-west-1': [0.04048, 0.004445],
      'eu-west-2': [0.04656, 0.00511],
      'eu-central-1': [0.04656, 0.00511],
      'ap-northeast-1': [0.05056, 0.00553],
      'ap-southeast-1': [0.05056, 0.00553],
      'ap-southeast-2': [0.04856, 0.00532],
      'ca-central-1': [0.04456, 0.004865],
      'sa-east-1': [0.0696, 0.0076],
    };
    for (const [region, [vcpu, gb]] of Object.entries(fargate)) {
      const cost = containerDeploymentCost(
        { offer: 'fargate-x86_64', vcpuPerTask: 1, memoryGbPerTask: 1, tasks: 1, hours: 1 },
        at,
        region,
        defaultCatalogue,
      );
      expect({ region, usd: cost.usd }).toEqual({ region, usd: expect.closeTo(vcpu + gb, 9) });
      expect(cost.assumed).toEqual([]);
      for (const id of cost.priceIds) {
        const entry = defaultCatalogue.entries.find((e) => e.id === id);
        expect(entry?.sourceUrl).toMatch(/^https:\/\//);
        if (entry?.region !== '*') expect(entry?.note).toContain('2026-12-04');
      }
    }
  });

  it('defect 13: Linux/ARM Fargate and the load balancer have their own prices where they were sourced', () => {
    const arm = (region: string) =>
      containerDeploymentCost(
        { offer: 'fargate-arm64', vcpuPerTask: 1, memoryGbPerTask: 1, tasks: 1, hours: 1 },
        at,
        region,
        defaultCatalogue,
      );
    const armPrices: Record<string, number> = {
      'us-east-1': 0.03238 + 0.00356,
      'eu-west-1': 0.03238 + 0.00356,
      'eu-west-2': 0.03725 + 0.00409,
      'ap-northeast-1': 0.04045 + 0.00442,
      'ap-southeast-1': 0.04045 + 0.00442,
      'ap-southeast-2': 0.03885 + 0.00426,
      'sa-east-1': 0.0557 + 0.00612,
    };
    for (const [region, usd] of Object.entries(armPrices)) {
      expect({ region, usd: arm(region).usd }).toEqual({ region, usd: expect.closeTo(usd, 9) });
      expect(arm(region).assumed).toEqual([]);
    }
    expect(arm('eu-central-1').assumed).toHaveLength(2);
    // The figure used, written out (it read "2e-7 $/request").
    const jakarta = lambdaUnitPrices('x86_64', at, 'ap-southeast-3', defaultCatalogue, 0)
      .assumed.map((a) => a.message)
      .join(' ');
    expect(jakarta).toMatch(/priced at the us-east-1 figure \(0\.0000002 \$\/request\)/);
    expect(jakarta).not.toMatch(/\de-\d/);

    const alb = (region: string) =>
      loadBalancerCost({ hours: 1, lcuHours: 1 }, at, region, defaultCatalogue);
    expect(alb('us-east-1').usd).toBeCloseTo(0.0225 + 0.008, 9);
    expect(alb('eu-west-2').usd).toBeCloseTo(0.02646 + 0.0084, 9);
    expect(alb('ap-southeast-1').usd).toBeCloseTo(0.0252 + 0.008, 9);
    for (const region of ['us-east-1', 'eu-west-2', 'ap-southeast-1'])
      expect(alb(region).assumed).toEqual([]);
    expect(
      alb('eu-west-1')
        .assumed.map((a) => a.meter)
        .sort(),
    ).toEqual(['aws.elb.application.hour', 'aws.elb.application.lcu']);
  });

  it('defect 13: a region without a sourced price is priced at the us-east-1 figure only with the assumption named', () => {
    const stockholm = containerDeploymentCost(
      { offer: 'fargate-x86_64', vcpuPerTask: 1, memoryGbPerTask: 1, tasks: 1, hours: 1 },
      at,
      'eu-north-1',
      defaultCatalogue,
    );
    expect(stockholm.assumed.map((a) => a.meter).sort()).toEqual([
      'aws.fargate.memory.x86_64',
      'aws.fargate.vcpu.x86_64',
    ]);
    expect(stockholm.assumed[0].message).toContain('priced at the us-east-1 figure');
    // Mumbai's sources disagree on the memory price: it is left to the assumption too.
    expect(
      containerDeploymentCost(
        { offer: 'fargate-x86_64', vcpuPerTask: 1, memoryGbPerTask: 1, tasks: 1, hours: 1 },
        at,
        'ap-south-1',
        defaultCatalogue,
      ).assumed,
    ).toHaveLength(2);
    // Lambda: the default is Frankfurt's own price, but not one confirmed for Stockholm;
    // provisioned concurrency was transcribed for us-east-1 alone.
    expect(
      lambdaUnitPrices('x86_64', at, 'eu-central-1', defaultCatalogue, 0).assumed.map(
        (a) => a.meter,
      ),
    ).toEqual(['aws.lambda.pc-allocated.x86_64', 'aws.lambda.pc-duration.x86_64']);
    expect(lambdaUnitPrices('x86_64', at, 'us-east-1', defaultCatalogue, 0).assumed).toEqual([]);
    // Cape Town has its own duration price but no sourced request price.
    expect(
      lambdaUnitPrices('x86_64', at, 'af-south-1', defaultCatalogue, 0).assumed.map((a) => a.meter),
    ).toContain('aws.lambda.requests');
    expect(
      lambdaUnitPrices('x86_64', at, 'eu-north-1', defaultCatalogue, 0).assumed.map((a) => a.meter),
    ).toContain('aws.lambda.duration.x86_64');
    // A configured Spot discount keeps the default's confirmed regions.
    const spot = defaultCatalogue.withFargateSpotDiscount({ percent: 60, asOf: '2026-11-01' });
    const spotTask = (region: string) =>
      containerDeploymentCost(
        { offer: 'fargate-spot', vcpuPerTask: 1, memoryGbPerTask: 1, tasks: 1, hours: 1 },
        at,
        region,
        spot,
      );
    expect(spotTask('us-east-1').assumed).toEqual([]);
    expect(spotTask('eu-central-1').assumed).toEqual([]);
    expect(spotTask('eu-north-1').assumed).toHaveLength(2);
  });
});
