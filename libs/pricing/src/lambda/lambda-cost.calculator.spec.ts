import { PriceCatalogue, defaultCatalogue } from '../catalogue/price-catalogue';
import {
  lambdaInvocationCost,
  lambdaUnitPrices,
  lambdaUsageCost,
  provisionedConcurrencyBreakEvenUtilisation,
} from './lambda-cost.calculator';

const US = 'us-east-1';
const mid2024 = new Date('2024-06-01T00:00:00Z');
const cents = (usd: number) => Math.round(usd * 100) / 100;

describe(lambdaUsageCost.name, () => {
  it('prices x86 duration and requests: 1M × 100 ms at 1 GB is $1.67 + $0.20', () => {
    const cost = lambdaUsageCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 1_000_000,
        billedDurationMs: 100 * 1_000_000,
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    expect(cents(cost.usd)).toBe(1.87);
    expect(cost.catalogueVersion).toBe(defaultCatalogue.version);
    expect(cost.priceIds).toEqual([
      'aws.lambda.requests@*@2014-11-13',
      'aws.lambda.duration.x86_64@*@2022-08-01',
    ]);
    expect(cost.unpriced).toEqual([]);
  });

  it('prices arm64 at its own rate: 2M × 200 ms at 512 MB is $2.67 + $0.40', () => {
    const cost = lambdaUsageCost(
      {
        architecture: 'arm64',
        memoryMb: 512,
        requests: 2_000_000,
        billedDurationMs: 200 * 2_000_000,
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    expect(cents(cost.usd)).toBe(3.07);
  });

  it('splits GB-seconds across the monthly tiers from the month-to-date position', () => {
    // 5.9 B GB-s already used: 0.1 B at $0.0000166667 + 0.1 B at $0.000015.
    const secondTier = lambdaUsageCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 0,
        billedDurationMs: 0.2e9 * 1000,
        monthToDateGbSeconds: 5.9e9,
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    expect(cents(secondTier.usd)).toBe(3166.67);
    expect(secondTier.breakdown.map((l) => l.quantity)).toEqual([0.1e9, 0.1e9]);

    const thirdTier = lambdaUsageCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 0,
        billedDurationMs: 0.2e9 * 1000,
        monthToDateGbSeconds: 14.9e9,
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    expect(cents(thirdTier.usd)).toBe(2833.34);
  });

  it('charges provisioned concurrency for the allocation and at the lower duration price', () => {
    // 10 × 1 GB × 30 days = 25.92 M GB-s × $0.0000041667 = $108.00; 1 M GB-s × $0.0000097222 = $9.72.
    const cost = lambdaUsageCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 10_000_000,
        billedDurationMs: 0,
        provisioned: {
          concurrency: 10,
          enabledSeconds: 30 * 86_400,
          billedDurationMs: 100 * 10_000_000,
        },
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    expect(cents(cost.usd)).toBe(119.72);
  });

  it('bills INIT of managed ZIP runtimes only from 2025-08-01, custom runtimes and images always', () => {
    const usage = {
      architecture: 'x86_64' as const,
      memoryMb: 1024,
      requests: 1_000_000,
      billedDurationMs: 100 * 1_000_000,
      onDemandInitMs: { 'managed-zip': 250 * 100_000 },
    };
    expect(
      cents(lambdaUsageCost(usage, new Date('2025-07-31T23:59:59Z'), US, defaultCatalogue).usd),
    ).toBe(1.87);
    expect(
      cents(lambdaUsageCost(usage, new Date('2025-08-01T00:00:00Z'), US, defaultCatalogue).usd),
    ).toBe(2.28);
    const custom = { ...usage, onDemandInitMs: { 'custom-runtime': 250 * 100_000 } };
    expect(
      cents(lambdaUsageCost(custom, new Date('2024-01-01T00:00:00Z'), US, defaultCatalogue).usd),
    ).toBe(2.28);
  });

  it('charges ephemeral storage above 512 MB for the billed time', () => {
    // 9.5 GB × 100,000 s × $0.0000000309 = $0.029355
    const cost = lambdaUsageCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 0,
        billedDurationMs: 1e8,
        ephemeralStorageMb: 10240,
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    const storage = cost.breakdown.find((l) => l.meter === 'aws.lambda.ephemeral-storage');
    expect(storage?.usd).toBeCloseTo(0.029355, 6);
  });

  it('charges Python SnapStart restores per GB and the snapshot cache per GB-second', () => {
    // 1000 × 1 GB × $0.0001397998 = $0.14; 1 GB × 30 days × $0.0000015046 = $3.90
    const cost = lambdaUsageCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 0,
        billedDurationMs: 0,
        snapStart: {
          runtime: 'python3.12',
          restores: 1000,
          billedRestoreMs: 0,
          cachedSeconds: 30 * 86_400,
        },
      },
      new Date('2025-01-01T00:00:00Z'),
      US,
      defaultCatalogue,
    );
    expect(cents(cost.usd)).toBe(4.04);
  });

  it('lists a missing price instead of throwing', () => {
    const cost = lambdaUsageCost(
      { architecture: 'arm64', memoryMb: 1024, requests: 10, billedDurationMs: 1000 },
      new Date('2020-01-01T00:00:00Z'),
      US,
      defaultCatalogue,
    );
    expect(cost.unpriced.map((u) => u.meter)).toEqual(['aws.lambda.duration.arm64']);
    expect(cost.usd).toBeCloseTo(2e-6, 12);
  });

  it('uses a regional override where one exists and says so in the version', () => {
    const catalogue = defaultCatalogue.withOverrides('af-south-1', [
      {
        id: 'aws.lambda.duration.x86_64@af-south-1@2022-08-01',
        meter: 'aws.lambda.duration.x86_64',
        region: 'af-south-1',
        unit: 'GB-second',
        usdPerUnit: 0.0000221,
        effectiveFrom: '2022-08-01',
        effectiveTo: null,
        sourceUrl: 'https://aws.amazon.com/lambda/pricing/',
      },
    ]);
    const usage = {
      architecture: 'x86_64' as const,
      memoryMb: 1024,
      requests: 0,
      billedDurationMs: 1e8,
    };
    expect(cents(lambdaUsageCost(usage, mid2024, 'af-south-1', catalogue).usd)).toBe(2.21);
    expect(cents(lambdaUsageCost(usage, mid2024, US, catalogue).usd)).toBe(1.67);
    expect(catalogue.version).toBe(`${defaultCatalogue.version}+af-south-1`);
    expect(catalogue).toBeInstanceOf(PriceCatalogue);
  });
});

describe(lambdaInvocationCost.name, () => {
  it('rounds Duration + billed Init up to the next millisecond once', () => {
    const invocation = {
      architecture: 'x86_64' as const,
      memoryMb: 1024,
      durationMs: 50.4,
      initDurationMs: 300.2,
    };
    const after = lambdaInvocationCost(
      invocation,
      new Date('2025-09-01T00:00:00Z'),
      US,
      defaultCatalogue,
    );
    const before = lambdaInvocationCost(
      invocation,
      new Date('2025-07-01T00:00:00Z'),
      US,
      defaultCatalogue,
    );
    const gbs = (c: typeof after) =>
      c.breakdown.find((l) => l.meter === 'aws.lambda.duration.x86_64')?.quantity;
    expect(gbs(after)).toBeCloseTo(0.351, 9);
    expect(gbs(before)).toBeCloseTo(0.051, 9);
  });

  it('rounds up to 100 ms before December 2020', () => {
    const cost = lambdaInvocationCost(
      { architecture: 'x86_64', memoryMb: 1024, durationMs: 50.4 },
      new Date('2020-06-01T00:00:00Z'),
      US,
      defaultCatalogue,
    );
    expect(
      cost.breakdown.find((l) => l.meter === 'aws.lambda.duration.x86_64')?.quantity,
    ).toBeCloseTo(0.1, 9);
  });

  it('charges invocations on provisioned concurrency at the PC duration price', () => {
    const cost = lambdaInvocationCost(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        durationMs: 1000,
        initType: 'provisioned-concurrency',
      },
      mid2024,
      US,
      defaultCatalogue,
    );
    expect(cost.usd).toBeCloseTo(0.0000097222 + 0.0000002, 12);
  });
});

describe(provisionedConcurrencyBreakEvenUtilisation.name, () => {
  it('derives the ≈60 % break-even from the prices for both architectures', () => {
    for (const arch of ['x86_64', 'arm64'] as const) {
      const u = provisionedConcurrencyBreakEvenUtilisation(
        lambdaUnitPrices(arch, mid2024, US, defaultCatalogue),
      );
      expect(u).toBeCloseTo(0.6, 3);
    }
  });
});
