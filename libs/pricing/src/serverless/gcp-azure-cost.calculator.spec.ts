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
  it('bills Azure aggregate sums at memory rounded up to 128 MB and capped at 1,536 MB, as each execution is', () => {
    const gbSecondsOf = (memoryMb: number) => {
      const cost = aggregateUsageCost(
        'azure_functions',
        { invocations: 10, billedMbMs: 10 * 1000 * memoryMb, memoryMb },
        AT,
        'westeurope',
        defaultCatalogue,
      );
      return cost.breakdown.find((l) => l.meter === 'azure.functions.consumption.execution-time')!
        .quantity;
    };
    // Ten executions of 1 s each: the sum of what azureExecutionGbSeconds bills each one.
    expect(gbSecondsOf(200)).toBeCloseTo(10 * azureExecutionGbSeconds(1000, 200), 12);
    expect(gbSecondsOf(200)).toBeCloseTo(2.5, 12);
    expect(gbSecondsOf(2048)).toBeCloseTo(15, 12);
    expect(gbSecondsOf(60)).toBeCloseTo(1.25, 12);
  });
});
