import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { tuningPricer } from './tuning-cost';

const at = new Date('2026-12-04T12:00:00Z');
const pricing = new PricingService(defaultCatalogue);
const request = defaultCatalogue.find('aws.lambda.requests', at, 'us-east-1')!.usdPerUnit;

describe(tuningPricer.name, () => {
  it('prices each architecture at the tier its month-to-date usage reached, and names the tiers', () => {
    const pricer = tuningPricer({
      platform: 'aws-lambda',
      region: 'us-east-1',
      at,
      pricing,
      lambdaTier: {
        grouping: 'organization',
        account: '123456789012',
        monthToDateGbSeconds: (architecture) => (architecture === 'x86_64' ? 7e9 : 0),
        asOf: at.toISOString(),
      },
    });
    // 1 GB for 1 s: one GB-second.
    expect(pricer.invocationUsd('x86_64', 1024, 1000)).toBeCloseTo(request + 0.000015, 15);
    expect(pricer.invocationUsd('arm64', 1024, 1000)).toBeCloseTo(request + 0.0000133334, 15);
    expect(pricer.durationTiers).toEqual([
      expect.objectContaining({
        architecture: 'x86_64',
        grouping: 'organization',
        tier: 2,
        monthToDateGbSeconds: 7e9,
        usdPerGbSecond: 0.000015,
      }),
      expect.objectContaining({ architecture: 'arm64', tier: 1, monthToDateGbSeconds: 0 }),
    ]);
  });

  it('adds ephemeral storage above the free 512 MB for the billed duration', () => {
    const storage = defaultCatalogue.find('aws.lambda.ephemeral-storage', at, 'us-east-1')!;
    const options = { platform: 'aws-lambda' as const, region: 'us-east-1', at, pricing };
    const base = tuningPricer(options).invocationUsd('x86_64', 1024, 2000);
    const withTmp = tuningPricer({ ...options, ephemeralStorageMb: 1536 }).invocationUsd(
      'x86_64',
      1024,
      2000,
    );
    // 1 GB above the free 512 MB for 2 s.
    expect(withTmp - base).toBeCloseTo(2 * storage.usdPerUnit, 15);
  });

  it('without the month to date prices at the first tier, and names no tier for pods', () => {
    const lambda = tuningPricer({ platform: 'aws-lambda', region: 'us-east-1', at, pricing });
    expect(lambda.invocationUsd('x86_64', 1024, 1000)).toBeCloseTo(request + 0.0000166667, 15);
    expect(lambda.durationTiers).toMatchObject([{ tier: 1, account: '' }]);
    const pod = tuningPricer({ platform: 'knative', region: 'prod', at, pricing, podVcpu: 1 });
    expect(pod.invocationUsd('x86_64', 1024, 3_600_000)).toBeCloseTo(0.04048 + 0.004445, 9);
    expect(pod.durationTiers).toEqual([]);
  });
});
