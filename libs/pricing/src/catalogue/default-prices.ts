import type { PriceEntry } from './price.types';

/**
 * The built-in price list: us-east-1 list prices, used as the default for every region unless a
 * regional entry overrides them (docs/decisions.md "Billing rules", "Containers", "Memory and CPU").
 * Bump DEFAULT_CATALOGUE_VERSION whenever an entry changes.
 */
export const DEFAULT_CATALOGUE_VERSION = 'fleetscope-prices-2026.12.1';

const LAMBDA_PRICING = 'https://aws.amazon.com/lambda/pricing/';
const LAMBDA_TIERS_BLOG =
  'https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/';
const LAMBDA_1MS_BLOG =
  'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/';
const FARGATE_PRICING = 'https://aws.amazon.com/fargate/pricing/';
const CLOUD_RUN_PRICING = 'https://cloud.google.com/run/pricing';
const ELB_PRICING = 'https://aws.amazon.com/elasticloadbalancing/pricing/';
const AZURE_FUNCTIONS_PRICING = 'https://azure.microsoft.com/pricing/details/functions/';
const AZURE_CONSUMPTION_COSTS =
  'https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs';
/** When the GCP and Azure serverless prices below were read from their pages. */
export const GCP_AZURE_PRICES_CHECKED = '2026-12-04';

/**
 * Cloud Run Tier 2 regions (cloud.google.com/run/pricing, "Pricing for regions in Tier 2"); every
 * other region takes the Tier 1 default. Cloud Run functions (Cloud Functions 2nd gen) are billed
 * as Cloud Run services.
 */
export const CLOUD_RUN_TIER2_REGIONS = [
  'asia-east2',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'europe-central2',
  'europe-west2',
  'europe-west3',
  'europe-west6',
  'me-central1',
  'me-west1',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'southamerica-east1',
  'southamerica-west1',
  'us-west2',
  'us-west3',
  'us-west4',
] as const;

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

/**
 * Regions priced apart from the '*' default, as transcribed on 2026-12-04 from public copies of
 * the AWS pricing pages (the pages render their tables client-side; verify against the Price List
 * API, offers AWSLambda and AmazonECS). Lambda duration is the '*' price in the ten largest
 * regions (us-east-1, us-east-2, us-west-1, us-west-2, eu-west-1, eu-west-2, eu-central-1,
 * ap-northeast-1, ap-southeast-1, ap-southeast-2, ap-south-1, ca-central-1, sa-east-1); it differs
 * in the regions below. Their tiers beyond the first were not transcribed: the first-tier price
 * applies throughout (an over-estimate above 6 B GB-s a month). Fargate differs by region; only
 * regions whose prices two public copies agree on are listed, the rest use the us-east-1 default.
 */
const REGIONAL_AS_OF = '2026-12-04';
const REGIONAL_NOTE = `Transcribed ${REGIONAL_AS_OF} from public copies of the AWS pricing page; verify with the Price List API.`;

function lambdaRegion(region: string, x86: number, arm: number): PriceEntry[] {
  return [
    entry({
      meter: 'aws.lambda.duration.x86_64',
      region,
      unit: 'GB-second',
      usdPerUnit: x86,
      effectiveFrom: LAMBDA_TIERS_FROM,
      effectiveTo: null,
      sourceUrl: LAMBDA_PRICING,
      note: REGIONAL_NOTE,
    }),
    entry({
      meter: 'aws.lambda.duration.arm64',
      region,
      unit: 'GB-second',
      usdPerUnit: arm,
      effectiveFrom: LAMBDA_TIERS_FROM,
      effectiveTo: null,
      sourceUrl: LAMBDA_PRICING,
      note: REGIONAL_NOTE,
    }),
  ];
}

function fargateRegion(
  region: string,
  x86: { vcpu: number; gb: number },
  arm: { vcpu: number; gb: number },
): PriceEntry[] {
  const at = (meter: string, unit: 'vCPU-hour' | 'GB-hour', usdPerUnit: number) =>
    entry({
      meter,
      region,
      unit,
      usdPerUnit,
      effectiveFrom: '2021-11-23',
      effectiveTo: null,
      sourceUrl: FARGATE_PRICING,
      note: REGIONAL_NOTE,
    });
  return [
    at('aws.fargate.vcpu.x86_64', 'vCPU-hour', x86.vcpu),
    at('aws.fargate.memory.x86_64', 'GB-hour', x86.gb),
    at('aws.fargate.vcpu.arm64', 'vCPU-hour', arm.vcpu),
    at('aws.fargate.memory.arm64', 'GB-hour', arm.gb),
  ];
}

const REGIONAL_PRICES: readonly PriceEntry[] = [
  ...lambdaRegion('af-south-1', 0.0000221, 0.00001768),
  ...lambdaRegion('ap-east-1', 0.00002292, 0.0000183),
  ...lambdaRegion('eu-south-1', 0.0000195172, 0.0000156138),
  ...lambdaRegion('me-south-1', 0.0000206667, 0.0000165334),
  ...lambdaRegion('me-central-1', 0.0000206667, 0.0000165334),
  ...fargateRegion('sa-east-1', { vcpu: 0.0696, gb: 0.0076 }, { vcpu: 0.0557, gb: 0.00612 }),
  ...fargateRegion(
    'ap-southeast-2',
    { vcpu: 0.04856, gb: 0.00532 },
    { vcpu: 0.03885, gb: 0.00426 },
  ),
];

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
  // ── Application Load Balancer (in front of the container comparison's tasks) ──────────────
  entry({
    meter: 'aws.elb.application.hour',
    unit: 'hour',
    usdPerUnit: 0.0225,
    effectiveFrom: '2016-08-11',
    effectiveTo: null,
    sourceUrl: ELB_PRICING,
    note: 'us-east-1, per ALB-hour (partial hours billed as full).',
  }),
  entry({
    meter: 'aws.elb.application.lcu',
    unit: 'LCU-hour',
    usdPerUnit: 0.008,
    effectiveFrom: '2016-08-11',
    effectiveTo: null,
    sourceUrl: ELB_PRICING,
    note: 'One LCU: 25 new connections/s, 3,000 active connections/min, 1 GB/h processed or 1,000 rule evaluations/s.',
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
  // Tier 2 regions, request-based (CPU only during requests); requests cost the same.
  ...CLOUD_RUN_TIER2_REGIONS.flatMap((region) => [
    entry({
      meter: 'gcp.cloud-run.request-based.vcpu',
      region,
      unit: 'vCPU-second',
      usdPerUnit: 0.0000336,
      effectiveFrom: '2023-01-01',
      effectiveTo: null,
      sourceUrl: CLOUD_RUN_PRICING,
      note: `Tier 2 region; read ${GCP_AZURE_PRICES_CHECKED}.`,
    }),
    entry({
      meter: 'gcp.cloud-run.request-based.memory',
      region,
      unit: 'GiB-second',
      usdPerUnit: 0.0000035,
      effectiveFrom: '2023-01-01',
      effectiveTo: null,
      sourceUrl: CLOUD_RUN_PRICING,
      note: `Tier 2 region; read ${GCP_AZURE_PRICES_CHECKED}.`,
    }),
  ]),
  // ── Azure Functions, Consumption plan ────────────────────────────────────────────────────
  entry({
    meter: 'azure.functions.consumption.execution-time',
    unit: 'GB-second',
    usdPerUnit: 0.000016,
    effectiveFrom: '2016-11-15',
    effectiveTo: null,
    sourceUrl: AZURE_FUNCTIONS_PRICING,
    note: `Observed memory rounded up to 128 MB (max 1,536 MB) × execution time rounded up to 1 ms, at least 100 ms and 128 MB (${AZURE_CONSUMPTION_COSTS}); monthly free grant of 400,000 GB-s per subscription not deducted; read ${GCP_AZURE_PRICES_CHECKED}.`,
  }),
  entry({
    meter: 'azure.functions.consumption.executions',
    unit: 'request',
    usdPerUnit: 0.2e-6,
    effectiveFrom: '2016-11-15',
    effectiveTo: null,
    sourceUrl: AZURE_FUNCTIONS_PRICING,
    note: `$0.20 per million executions; monthly free grant of 1 million not deducted; read ${GCP_AZURE_PRICES_CHECKED}.`,
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
  // ── Regional prices (issue 9) ─────────────────────────────────────────────────────────────
  ...REGIONAL_PRICES,
];
