import { defaultCatalogue } from './catalogue/price-catalogue';
import { PricingService } from './pricing.service';

const AT = new Date('2026-01-15T00:00:00Z');
const pricing = new PricingService(defaultCatalogue);

const restoreUsage = (runtime: string) => ({
  architecture: 'x86_64' as const,
  memoryMb: 2048,
  requests: 0,
  billedDurationMs: 0,
  snapStart: { runtime, restores: 10, billedRestoreMs: 3000, cachedSeconds: 0 },
});

describe(PricingService.name, () => {
  it('prices with the catalogue it was given and says which', () => {
    const catalogue = defaultCatalogue.withKubernetesNodePrice({ vcpuHourUsd: 1, gibHourUsd: 0 });
    const pod = new PricingService(catalogue).kubernetesPodHour({ vcpu: 2, memoryMb: 0 }, AT, '');
    expect(pod.usd).toBeCloseTo(2, 9);
    expect(pod.catalogueVersion).toBe(catalogue.version);
  });

  it('prices Knative and OpenFaaS pod-seconds at the node price of the requests', () => {
    const catalogue = defaultCatalogue.withKubernetesNodePrice({
      vcpuHourUsd: 0.04,
      gibHourUsd: 0.005,
    });
    const service = new PricingService(catalogue);
    // 1,800 s = 0.5 h of 0.5 vCPU and 0.5 GiB: 0.5 × (0.5 × $0.04 + 0.5 × $0.005).
    const pods = service.kubernetesPods({ vcpu: 0.5, memoryMb: 512 }, 1_800, AT, 'prod');
    expect(pods.usd).toBeCloseTo(0.01125, 12);
    expect(pods.priceIds).toEqual([
      'k8s.node.vcpu@k8s-0.04-0.005',
      'k8s.node.memory@k8s-0.04-0.005',
    ]);
    // An hour of it is kubernetesPodHour's figure.
    expect(service.kubernetesPods({ vcpu: 0.5, memoryMb: 512 }, 3_600, AT, 'prod').usd).toBe(
      service.kubernetesPodHour({ vcpu: 0.5, memoryMb: 512 }, AT, 'prod').usd,
    );
  });

  it('names the duration tier a month-to-date usage sits in, its bounds and its price', () => {
    const tierAt = (gbs: number) => pricing.lambdaDurationTier('x86_64', AT, 'us-east-1', gbs);
    expect(tierAt(0)).toMatchObject({ tier: 1, fromGbSeconds: 0, upToGbSeconds: 6e9 });
    expect(tierAt(6e9)).toMatchObject({
      tier: 2,
      fromGbSeconds: 6e9,
      upToGbSeconds: 15e9,
      usdPerGbSecond: 0.000015,
    });
    expect(tierAt(2e10)).toMatchObject({ tier: 3, fromGbSeconds: 15e9, upToGbSeconds: null });
    // Before the tiers (December 2021) the price was flat: one tier without an end.
    expect(
      pricing.lambdaDurationTier('x86_64', new Date('2021-06-01'), 'us-east-1', 2e10),
    ).toMatchObject({ tier: 1, upToGbSeconds: null });
  });

  it('bills the Billed Restore Duration of every SnapStart runtime as duration', () => {
    // 2 GB × 3 s = 6 GB-s at the first x86 tier.
    const duration = defaultCatalogue.find('aws.lambda.duration.x86_64', AT, 'us-east-1')!;
    const java = pricing.lambdaUsage(restoreUsage('java21'), AT, 'us-east-1');
    expect(java.usd).toBeCloseTo(6 * duration.tiers![0].usdPerUnit, 12);
  });

  it.each([
    ['python3.12', true],
    ['dotnet8', true],
    ['java21', false],
    ['', false],
  ])('charges the per-GB restore fee for a %p runtime: %p', (runtime, charged) => {
    const restoreFee = defaultCatalogue.find('aws.lambda.snapstart-restore', AT, 'us-east-1')!;
    const cost = pricing.lambdaUsage(restoreUsage(runtime), AT, 'us-east-1');
    expect(cost.priceIds.includes(restoreFee.id)).toBe(charged);
  });

  it('charges a Python SnapStart invocation the restore fee and a Java one none', () => {
    const invocation = (runtime: string) =>
      pricing.lambdaInvocation(
        { architecture: 'arm64', memoryMb: 1024, durationMs: 10, initType: 'snap-start', runtime },
        AT,
        'us-east-1',
      );
    const fee = defaultCatalogue.find('aws.lambda.snapstart-restore', AT, 'us-east-1')!;
    expect(invocation('python3.13').usd - invocation('java21').usd).toBeCloseTo(fee.usdPerUnit, 12);
  });
});
