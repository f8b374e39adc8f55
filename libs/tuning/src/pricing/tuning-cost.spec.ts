import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { snapStartCacheUsd, tuningPricer } from './tuning-cost';

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

  it('prices the SnapStart cache of published versions for Python, at least 3 hours each, and not for Java', () => {
    const cache = defaultCatalogue.find('aws.lambda.snapstart-cache', at, 'us-east-1')!;
    const options = { platform: 'aws-lambda' as const, region: 'us-east-1', at, pricing };
    const python = tuningPricer({ ...options, runtime: 'python3.12', snapStart: true });
    const t = at.getTime();
    const versions = [
      // 10 minutes: billed the 3-hour minimum.
      {
        architecture: 'x86_64' as const,
        memoryMb: 1024,
        publishedAtMs: t,
        removedAtMs: t + 600_000,
      },
      // 4 hours, 2 GB.
      {
        architecture: 'arm64' as const,
        memoryMb: 2048,
        publishedAtMs: t,
        removedAtMs: t + 4 * 3_600_000,
      },
      // Still there: up to now, 1 hour, so the minimum.
      { architecture: 'x86_64' as const, memoryMb: 512, publishedAtMs: t, removedAtMs: null },
    ];
    expect(snapStartCacheUsd(versions, python, t + 3_600_000)).toBeCloseTo(
      (1 * 10_800 + 2 * 14_400 + 0.5 * 10_800) * cache.usdPerUnit,
      15,
    );
    expect(python.priceIds).toContain(cache.id);
    const java = tuningPricer({ ...options, runtime: 'java21', snapStart: true });
    expect(snapStartCacheUsd(versions, java, t)).toBe(0);
    const pod = tuningPricer({ platform: 'knative', region: 'prod', at, pricing, podVcpu: 1 });
    expect(pod.snapStartCacheUsd('x86_64', 1024, 10_800)).toBe(0);
  });
});
