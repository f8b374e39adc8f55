import { defaultCatalogue } from '../catalogue/price-catalogue';
import {
  aggregateUsageCost,
  azureExecutionGbSeconds,
  azureFunctionsUsageCost,
  cloudRunBillableSeconds,
  cloudRunUsageCost,
  defaultGcpVcpu,
} from './gcp-azure-cost.calculator';

const AT = new Date('2026-12-01T00:00:00Z');

describe(cloudRunUsageCost.name, () => {
  const usage = { requests: 1_000_000, billableSeconds: 100_000, vcpu: 1, memoryGib: 0.5 };

  it('prices vCPU-seconds, GiB-seconds and requests at Tier 1 by default', () => {
    const cost = cloudRunUsageCost(usage, AT, 'us-central1', defaultCatalogue);
    // 100,000 × 0.000024 + 50,000 × 0.0000025 + 1,000,000 × 0.4e-6
    expect(cost.usd).toBeCloseTo(2.4 + 0.125 + 0.4, 9);
    expect(cost.priceIds).toContain('gcp.cloud-run.request-based.vcpu@*@2023-01-01');
    expect(cost.unpriced).toEqual([]);
  });

  it('prices a Tier 2 region at its own rates, naming the regional prices', () => {
    const cost = cloudRunUsageCost(usage, AT, 'europe-west2', defaultCatalogue);
    expect(cost.usd).toBeCloseTo(3.36 + 0.175 + 0.4, 9);
    expect(cost.priceIds).toContain('gcp.cloud-run.request-based.vcpu@europe-west2@2023-01-01');
  });

  it('prices each region at the tier the Cloud Run locations page gives it', () => {
    // cloud.google.com/run/docs/locations: Osaka and Tel Aviv are Tier 1; Singapore,
    // Johannesburg, Berlin, Turin and Dammam are Tier 2.
    const vcpuPrice = (region: string) => {
      const line = cloudRunUsageCost(usage, AT, region, defaultCatalogue).breakdown.find(
        (l) => l.meter === 'gcp.cloud-run.request-based.vcpu',
      )!;
      return Math.round((line.usd / line.quantity) * 1e10) / 1e10;
    };
    for (const region of ['asia-northeast2', 'me-west1', 'us-east5', 'europe-west9'])
      expect([region, vcpuPrice(region)]).toEqual([region, 0.000024]);
    for (const region of [
      'asia-southeast1',
      'africa-south1',
      'europe-west10',
      'europe-west12',
      'me-central2',
      'europe-west2',
    ])
      expect([region, vcpuPrice(region)]).toEqual([region, 0.0000336]);
  });

  it('rounds each request up to 100 ms', () => {
    expect(cloudRunBillableSeconds(101)).toBeCloseTo(0.2, 12);
    expect(cloudRunBillableSeconds(100)).toBeCloseTo(0.1, 12);
  });

  it('gives Cloud Functions 2nd gen the vCPU of its memory size', () => {
    expect(defaultGcpVcpu('gcp_cloud_functions', 256)).toBe(0.167);
    expect(defaultGcpVcpu('gcp_cloud_functions', 2048)).toBe(1);
    expect(defaultGcpVcpu('gcp_cloud_run', 256)).toBe(1);
  });
});

describe(azureFunctionsUsageCost.name, () => {
  it('prices GB-seconds and executions of the Consumption plan', () => {
    const cost = azureFunctionsUsageCost(
      { executions: 3_000_000, gbSeconds: 4_500_000 },
      AT,
      'westeurope',
      defaultCatalogue,
    );
    expect(cost.usd).toBeCloseTo(4_500_000 * 0.000016 + 0.6, 6);
    expect(cost.breakdown.map((l) => l.meter)).toEqual([
      'azure.functions.consumption.execution-time',
      'azure.functions.consumption.executions',
    ]);
  });

  it('bills an execution at least 100 ms and 128 MB, memory in 128 MB steps up to 1,536 MB', () => {
    expect(azureExecutionGbSeconds(3, 60)).toBeCloseTo(0.125 * 0.1, 12);
    expect(azureExecutionGbSeconds(1000, 160)).toBeCloseTo(0.25, 12);
    expect(azureExecutionGbSeconds(1000, 4000)).toBeCloseTo(1.5, 12);
  });
});

describe(aggregateUsageCost.name, () => {
  const gbSecondsOf = (usage: { invocations: number; billedMbMs: number; memoryMb: number }) =>
    aggregateUsageCost('azure_functions', usage, AT, 'westeurope', defaultCatalogue).breakdown.find(
      (l) => l.meter === 'azure.functions.consumption.execution-time',
    )!.quantity;

  it('bills Azure sums of executions at 256 and 384 MB as stored, not at the step above their mean', () => {
    // 6,000 executions of 300 ms at 256 MB and 100 of 1,200 ms at 384 MB, each memory already
    // rounded to 128 MB as stored: 460,800,000 + 46,080,000 MB·ms = 495 GB-s. Their mean by billed
    // time, 264 MB, rounded up to 384 MB would bill 1,920,000 ms × 384 MB = 720 GB-s.
    const billedMbMs = 6_000 * 300 * 256 + 100 * 1_200 * 384;
    const billedMs = 6_000 * 300 + 100 * 1_200;
    const mean = billedMbMs / billedMs;
    expect(gbSecondsOf({ invocations: 6_100, billedMbMs, memoryMb: mean })).toBeCloseTo(495, 9);
    // Whichever memory the caller names (the mean, the last size seen, the configured one).
    expect(gbSecondsOf({ invocations: 6_100, billedMbMs, memoryMb: 384 })).toBeCloseTo(495, 9);
    expect(gbSecondsOf({ invocations: 6_100, billedMbMs, memoryMb: 256 })).toBeCloseTo(495, 9);
  });

  it('bills Azure sums at least 100 ms at 128 MB an execution (rows stored before each execution was)', () => {
    // Ten executions of 3 ms raw time at 128 MB: ten of Consumption's least, 100 ms at 128 MB.
    expect(gbSecondsOf({ invocations: 10, billedMbMs: 10 * 3 * 128, memoryMb: 128 })).toBeCloseTo(
      10 * azureExecutionGbSeconds(3, 128),
      12,
    );
  });

  it('bills Cloud Run the billed seconds and GiB-seconds its sums hold, whatever their sizes', () => {
    // 1,000 s at 256 MB and 1,000 s at 512 MB: 2,000 vCPU-s at the default 1 vCPU, 750 GiB-s.
    const billedMbMs = 1_000_000 * 256 + 1_000_000 * 512;
    const cost = aggregateUsageCost(
      'gcp_cloud_run',
      { invocations: 0, billedMbMs, memoryMb: billedMbMs / 2_000_000 },
      AT,
      'us-central1',
      defaultCatalogue,
    );
    const quantity = (meter: string) => cost.breakdown.find((l) => l.meter === meter)!.quantity;
    expect(quantity('gcp.cloud-run.request-based.vcpu')).toBeCloseTo(2_000, 9);
    expect(quantity('gcp.cloud-run.request-based.memory')).toBeCloseTo(750, 9);
  });
});
