import type { PriceEntry } from './price.types';

/**
 * The built-in price list: us-east-1 list prices, used as the default for every region unless a
 * regional entry overrides them (docs/decisions.md "Billing rules", "Containers", "Memory and CPU").
 * Bump DEFAULT_CATALOGUE_VERSION whenever an entry changes.
 */
export const DEFAULT_CATALOGUE_VERSION = 'fleetscope-prices-2025.08.1';

const LAMBDA_PRICING = 'https://aws.amazon.com/lambda/pricing/';
const LAMBDA_TIERS_BLOG =
  'https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/';
const LAMBDA_1MS_BLOG =
  'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/';
const FARGATE_PRICING = 'https://aws.amazon.com/fargate/pricing/';
const CLOUD_RUN_PRICING = 'https://cloud.google.com/run/pricing';

/** Dates the Lambda price list changed shape. */
export const LAMBDA_ONE_MS_BILLING_FROM = '2020-12-01';
export const LAMBDA_ARM64_FROM = '2021-09-29';
// The tiers blog post is undated in our copy; mid-2022 is when it appeared. Before this date the
// first-tier price applied to all volume, so the tier boundary only matters for very large accounts.
export const LAMBDA_TIERS_FROM = '2022-08-01';
export const LAMBDA_EPHEMERAL_STORAGE_FROM = '2022-03-24';
export const LAMBDA_INIT_BILLED_FOR_ZIP_FROM = '2025-08-01';
export const LAMBDA_SNAPSTART_PYTHON_DOTNET_PRICED_FROM = '2024-11-18';

function entry(e: Omit<PriceEntry, 'region' | 'id'> & { region?: string }): PriceEntry {
  const region = e.region ?? '*';
  return { ...e, region, id: `${e.meter}@${region}@${e.effectiveFrom}` };
}

const X86_GBS = 0.0000166667;
const ARM_GBS = 0.0000133334;

export const DEFAULT_PRICES: readonly PriceEntry[] = [
  // ── Lambda on-demand duration ────────────────────────────────────────────────────────────
  entry({
    meter: 'aws.lambda.duration.x86_64',
    unit: 'GB-second',
    usdPerUnit: X86_GBS,
    effectiveFrom: '2014-11-13',
    effectiveTo: LAMBDA_TIERS_FROM,
    sourceUrl: LAMBDA_1MS_BLOG,
    note: 'Flat price; billed in 100 ms steps before 2020-12-01 and 1 ms steps after.',
  }),
  entry({
    meter: 'aws.lambda.duration.x86_64',
    unit: 'GB-second',
    usdPerUnit: X86_GBS,
    tiers: [
      { upToUnits: 6e9, usdPerUnit: X86_GBS },
      { upToUnits: 15e9, usdPerUnit: 0.000015 },
      { upToUnits: null, usdPerUnit: 0.0000133334 },
    ],
    effectiveFrom: LAMBDA_TIERS_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: `Tiers per account, region and architecture per month (${LAMBDA_TIERS_BLOG}).`,
  }),
  entry({
    meter: 'aws.lambda.duration.arm64',
    unit: 'GB-second',
    usdPerUnit: ARM_GBS,
    effectiveFrom: LAMBDA_ARM64_FROM,
    effectiveTo: LAMBDA_TIERS_FROM,
    sourceUrl: LAMBDA_PRICING,
  }),
  entry({
    meter: 'aws.lambda.duration.arm64',
    unit: 'GB-second',
    usdPerUnit: ARM_GBS,
    tiers: [
      { upToUnits: 7.5e9, usdPerUnit: ARM_GBS },
      { upToUnits: 18.75e9, usdPerUnit: 0.0000120001 },
      { upToUnits: null, usdPerUnit: 0.0000106667 },
    ],
    effectiveFrom: LAMBDA_TIERS_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: `Tiers per account, region and architecture per month (${LAMBDA_TIERS_BLOG}).`,
  }),
  // ── Lambda requests, storage ─────────────────────────────────────────────────────────────
  entry({
    meter: 'aws.lambda.requests',
    unit: 'request',
    usdPerUnit: 0.2e-6,
    effectiveFrom: '2014-11-13',
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: '$0.20 per million, both architectures.',
  }),
  entry({
    meter: 'aws.lambda.ephemeral-storage',
    unit: 'GB-second',
    usdPerUnit: 0.0000000309,
    effectiveFrom: LAMBDA_EPHEMERAL_STORAGE_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: 'Charged for the storage configured above the free 512 MB.',
  }),
  // ── Provisioned concurrency ──────────────────────────────────────────────────────────────
  entry({
    meter: 'aws.lambda.pc-allocated.x86_64',
    unit: 'GB-second',
    usdPerUnit: 0.0000041667,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: 'Charged while enabled, rounded up to 5 minutes. No free tier.',
  }),
  entry({
    meter: 'aws.lambda.pc-duration.x86_64',
    unit: 'GB-second',
    usdPerUnit: 0.0000097222,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
  }),
  entry({
    meter: 'aws.lambda.pc-allocated.arm64',
    unit: 'GB-second',
    usdPerUnit: 0.0000033334,
    effectiveFrom: LAMBDA_ARM64_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
  }),
  entry({
    meter: 'aws.lambda.pc-duration.arm64',
    unit: 'GB-second',
    usdPerUnit: 0.0000077778,
    effectiveFrom: LAMBDA_ARM64_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
  }),
  // ── SnapStart (Python and .NET; Java has no extra charge) ───────────────────────────────
  entry({
    meter: 'aws.lambda.snapstart-cache',
    unit: 'GB-second',
    usdPerUnit: 0.0000015046,
    effectiveFrom: LAMBDA_SNAPSTART_PYTHON_DOTNET_PRICED_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: 'Per published version while active, 3-hour minimum.',
  }),
  entry({
    meter: 'aws.lambda.snapstart-restore',
    unit: 'GB',
    usdPerUnit: 0.0001397998,
    effectiveFrom: LAMBDA_SNAPSTART_PYTHON_DOTNET_PRICED_FROM,
    effectiveTo: null,
    sourceUrl: LAMBDA_PRICING,
    note: 'Per GB of memory restored, per restore.',
  }),
  // ── Fargate (Linux) ──────────────────────────────────────────────────────────────────────
  entry({
    meter: 'aws.fargate.vcpu.x86_64',
    unit: 'vCPU-hour',
    usdPerUnit: 0.04048,
    effectiveFrom: '2019-12-01',
    effectiveTo: null,
    sourceUrl: FARGATE_PRICING,
    note: 'Per-second billing, 1-minute minimum.',
  }),
  entry({
    meter: 'aws.fargate.memory.x86_64',
    unit: 'GB-hour',
    usdPerUnit: 0.004445,
    effectiveFrom: '2019-12-01',
    effectiveTo: null,
    sourceUrl: FARGATE_PRICING,
  }),
  entry({
    meter: 'aws.fargate.vcpu.arm64',
    unit: 'vCPU-hour',
    usdPerUnit: 0.03238,
    effectiveFrom: '2021-11-23',
    effectiveTo: null,
    sourceUrl: FARGATE_PRICING,
  }),
  entry({
    meter: 'aws.fargate.memory.arm64',
    unit: 'GB-hour',
    usdPerUnit: 0.00356,
    effectiveFrom: '2021-11-23',
    effectiveTo: null,
    sourceUrl: FARGATE_PRICING,
  }),
  // Spot prices float; 70 % off on-demand is the usual level, not a quote.
  entry({
    meter: 'aws.fargate-spot.vcpu.x86_64',
    unit: 'vCPU-hour',
    usdPerUnit: 0.012144,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    sourceUrl: FARGATE_PRICING,
    note: 'Variable; modelled as 70 % below on-demand (vantage.sh/blog/fargate-pricing).',
  }),
  entry({
    meter: 'aws.fargate-spot.memory.x86_64',
    unit: 'GB-hour',
    usdPerUnit: 0.0013335,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    sourceUrl: FARGATE_PRICING,
    note: 'Variable; modelled as 70 % below on-demand.',
  }),
  // ── Cloud Run (Tier 1) ───────────────────────────────────────────────────────────────────
  entry({
    meter: 'gcp.cloud-run.request-based.vcpu',
    unit: 'vCPU-second',
    usdPerUnit: 0.000024,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    sourceUrl: CLOUD_RUN_PRICING,
  }),
  entry({
    meter: 'gcp.cloud-run.request-based.memory',
    unit: 'GiB-second',
    usdPerUnit: 0.0000025,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    sourceUrl: CLOUD_RUN_PRICING,
  }),
  entry({
    meter: 'gcp.cloud-run.requests',
    unit: 'request',
    usdPerUnit: 0.4e-6,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    sourceUrl: CLOUD_RUN_PRICING,
  }),
  entry({
    meter: 'gcp.cloud-run.instance-based.vcpu',
    unit: 'vCPU-second',
    usdPerUnit: 0.000018,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    sourceUrl: CLOUD_RUN_PRICING,
    note: 'CPU always allocated.',
  }),
  entry({
    meter: 'gcp.cloud-run.instance-based.memory',
    unit: 'GiB-second',
    usdPerUnit: 0.000002,
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    sourceUrl: CLOUD_RUN_PRICING,
    note: 'CPU always allocated.',
  }),
  // ── Kubernetes node (Knative, OpenFaaS): user-priced; the default mirrors Fargate x86 so
  // that an unconfigured cluster is neither free nor wildly off. Configure it. ─────────────
  entry({
    meter: 'k8s.node.vcpu',
    unit: 'vCPU-hour',
    usdPerUnit: 0.04048,
    effectiveFrom: '2000-01-01',
    effectiveTo: null,
    sourceUrl: 'config:kubernetes-node-price (default mirrors Fargate x86)',
  }),
  entry({
    meter: 'k8s.node.memory',
    unit: 'GiB-hour',
    usdPerUnit: 0.004445,
    effectiveFrom: '2000-01-01',
    effectiveTo: null,
    sourceUrl: 'config:kubernetes-node-price (default mirrors Fargate x86)',
  }),
];
