import type { PriceEntry } from './price.types';

/**
 * The built-in price list: us-east-1 list prices, used as the default for every region unless a
 * regional entry overrides them (docs/decisions.md "Billing rules", "Containers", "Memory and CPU").
 * Bump DEFAULT_CATALOGUE_VERSION whenever an entry changes.
 */
export const DEFAULT_CATALOGUE_VERSION = 'fleetscope-prices-2026.12.6';

const LAMBDA_PRICING = 'https://aws.amazon.com/lambda/pricing/';
const LAMBDA_TIERS_BLOG =
  'https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/';
const LAMBDA_1MS_BLOG =
  'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/';
const FARGATE_PRICING = 'https://aws.amazon.com/fargate/pricing/';
const CLOUD_RUN_PRICING = 'https://cloud.google.com/run/pricing';
const CLOUD_RUN_LOCATIONS = 'https://cloud.google.com/run/docs/locations';
const ELB_PRICING = 'https://aws.amazon.com/elasticloadbalancing/pricing/';
const AZURE_FUNCTIONS_PRICING = 'https://azure.microsoft.com/pricing/details/functions/';
const AZURE_CONSUMPTION_COSTS =
  'https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs';
/** When the GCP and Azure serverless prices below were read from their pages. */
export const GCP_AZURE_PRICES_CHECKED = '2026-12-04';

/**
 * Cloud Run Tier 2 regions, as the locations page lists them ("Subject to Tier 2 pricing",
 * CLOUD_RUN_LOCATIONS; the pricing page defers to it); every other region takes the Tier 1
 * default. Cloud Run functions (Cloud Functions 2nd gen) are billed as Cloud Run services.
 */
export const CLOUD_RUN_TIER2_REGIONS = [
  'africa-south1',
  'asia-east2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'europe-central2',
  'europe-west10',
  'europe-west12',
  'europe-west2',
  'europe-west3',
  'europe-west6',
  'me-central1',
  'me-central2',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'southamerica-east1',
  'southamerica-west1',
  'us-west2',
  'us-west3',
  'us-west4',
] as const;

/** Dates the Lambda price list changed shape. */
export const LAMBDA_X86_FROM = '2014-11-13';
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
 * API, offers AWSLambda and AmazonECS). Lambda duration is the '*' price in the regions of
 * LAMBDA_DEFAULT_PRICE_REGIONS; it differs in the regions below. Their tiers beyond the first
 * were not transcribed: the first-tier price applies throughout (an over-estimate above 6 B GB-s
 * a month). A '*' default that stands for us-east-1 lists the regions it is confirmed for
 * (`confirmedRegions`); priced anywhere else it is reported as an assumption.
 */
const REGIONAL_AS_OF = '2026-12-04';
const REGIONAL_NOTE = `Transcribed ${REGIONAL_AS_OF} from public copies of the AWS pricing page; verify with the Price List API.`;

/**
 * The largest regions, where Lambda duration is the default price (aws.amazon.com/lambda/pricing,
 * transcribed 2026-12-04; a public price table in the search index, id 122759485, likewise
 * prices only the five regions below apart from its base price).
 */
export const LAMBDA_DEFAULT_PRICE_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'ca-central-1',
  'sa-east-1',
] as const;

/**
 * A region's own flat duration prices, in force from the meter's first day: tiered pricing
 * (LAMBDA_TIERS_FROM) added tiers above the first and left each region's first tier as it was.
 */
function lambdaRegion(region: string, x86: number, arm: number): PriceEntry[] {
  return [
    entry({
      meter: 'aws.lambda.duration.x86_64',
      region,
      unit: 'GB-second',
      usdPerUnit: x86,
      effectiveFrom: LAMBDA_X86_FROM,
      effectiveTo: null,
      sourceUrl: LAMBDA_PRICING,
      note: REGIONAL_NOTE,
    }),
    entry({
      meter: 'aws.lambda.duration.arm64',
      region,
      unit: 'GB-second',
      usdPerUnit: arm,
      effectiveFrom: LAMBDA_ARM64_FROM,
      effectiveTo: null,
      sourceUrl: LAMBDA_PRICING,
      note: REGIONAL_NOTE,
    }),
  ];
}

/** Where a regional Fargate figure was read, and when. */
interface FargateSource {
  sourceUrl: string;
  note: string;
}

// theuves/fgcalc transcribes the Linux/x86 on-demand table of aws.amazon.com/fargate/pricing for
// every region (MIT); its figures match the second sources below wherever both exist.
const FGCALC: FargateSource = {
  sourceUrl:
    'https://github.com/theuves/fgcalc/blob/5049a5e21fd511bb80159d17190ef1c05414c95a/src/utils/data.js',
  note: `Linux/x86 on-demand, from theuves/fgcalc@5049a5e (src/utils/data.js, a transcription of ${FARGATE_PRICING}); transcribed ${REGIONAL_AS_OF}.`,
};
const SAO_PAULO_ARM: FargateSource = {
  sourceUrl:
    'https://github.com/apoloferreira/basecode/blob/cb793a6b7fbe729c40b8a0a314f96da5a2d365a0/doc/custo02.md',
  note: `Linux/ARM, from apoloferreira/basecode@cb793a6 (doc/custo02.md, the São Paulo table of ${FARGATE_PRICING}; x86 agrees with fgcalc); transcribed ${REGIONAL_AS_OF}.`,
};
const SYDNEY_ARM: FargateSource = {
  sourceUrl: FARGATE_PRICING,
  note: `Linux/ARM; ${REGIONAL_NOTE} (two public copies agreed; x86 agrees with fgcalc).`,
};
// Public design records and fixtures quoting the AWS Price List API (AmazonECS, AWSELB) for the
// regions below; the search index they were read from gives no repository, so its ids are named.
const LONDON_PRICE_LIST: FargateSource = {
  sourceUrl: FARGATE_PRICING,
  note: `Linux/ARM, as the Price List API gives EUW2-Fargate-ARM-vCPU-Hours:perCPU and EUW2-Fargate-ARM-GB-Hours, quoted alike by two public records (search-index ids 67185914767, 70202682113; their x86 figures agree with fgcalc); transcribed ${REGIONAL_AS_OF}.`,
};
const SINGAPORE_PRICE_LIST: FargateSource = {
  sourceUrl: FARGATE_PRICING,
  note: `Linux/ARM, as read from the AWS Price List API (APS1-Fargate-ARM-vCPU-Hours, APS1-Fargate-ARM-GB-Hours) on 2026-08-21 in public design records (search-index ids 65849972716, 66421862472; their x86 figures agree with fgcalc); transcribed ${REGIONAL_AS_OF}.`,
};
const TOKYO_ARM: FargateSource = {
  sourceUrl: FARGATE_PRICING,
  note: `Linux/ARM, as read from the AWS Price List API (APN1-Fargate-ARM-vCPU-Hours:perCPU, APN1-Fargate-ARM-GB-Hours) on 2026-09-06 in a public design record (ADR 0070, "Run the VOICEVOX engine on demand"), which also gives the x86 figures fgcalc has; transcribed ${REGIONAL_AS_OF}.`,
};

function albRegion(
  region: string,
  price: { hour: number; lcu: number },
  note: string,
): PriceEntry[] {
  const at = (meter: string, unit: 'hour' | 'LCU-hour', usdPerUnit: number) =>
    entry({
      meter,
      region,
      unit,
      usdPerUnit,
      effectiveFrom: '2016-08-11',
      effectiveTo: null,
      sourceUrl: ELB_PRICING,
      note,
    });
  return [
    at('aws.elb.application.hour', 'hour', price.hour),
    at('aws.elb.application.lcu', 'LCU-hour', price.lcu),
  ];
}

const LONDON_ALB = `Per ALB-hour and LCU-hour, as the Price List API gives EUW2-LoadBalancerUsage and EUW2-LCUUsage, quoted in a public record (search-index id 70202682113); transcribed ${REGIONAL_AS_OF}.`;
const SINGAPORE_ALB = `Per ALB-hour and LCU-hour, as read from the AWS Price List API (LoadBalancing:Application) on 2026-08-21 in a public design record (search-index id 65849972716); transcribed ${REGIONAL_AS_OF}.`;

function fargateRegion(
  region: string,
  arch: 'x86_64' | 'arm64',
  price: { vcpu: number; gb: number },
  source: FargateSource,
): PriceEntry[] {
  const at = (meter: string, unit: 'vCPU-hour' | 'GB-hour', usdPerUnit: number) =>
    entry({
      meter,
      region,
      unit,
      usdPerUnit,
      effectiveFrom: arch === 'arm64' ? '2021-11-23' : '2019-12-01',
      effectiveTo: null,
      sourceUrl: source.sourceUrl,
      note: source.note,
    });
  return [
    at(`aws.fargate.vcpu.${arch}`, 'vCPU-hour', price.vcpu),
    at(`aws.fargate.memory.${arch}`, 'GB-hour', price.gb),
  ];
}

/** Provisioned concurrency: only the us-east-1 figures were transcribed. */
const LAMBDA_PC_DEFAULT_PRICE_REGIONS = ['us-east-1'];
/** Regions whose Linux/x86 Fargate price is the us-east-1 default (fgcalc, as above). */
const FARGATE_X86_DEFAULT_PRICE_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'];
/**
 * Linux/ARM at the default: us-east-1 (vantage.sh/blog/fargate-pricing) and eu-west-1 (Price List
 * SKUs KXC9CEUQGJQPNZPY and MGJ5EB5GSHR8QZDF, EU-Fargate-ARM-*, as a public review quotes them:
 * search-index id 53280073722).
 */
const FARGATE_ARM_DEFAULT_PRICE_REGIONS = ['us-east-1', 'eu-west-1'];
/** The default ALB price is us-east-1's (aws.amazon.com/elasticloadbalancing/pricing); eu-west-2 and ap-southeast-1 have their own entries. */
const ALB_DEFAULT_PRICE_REGIONS = ['us-east-1'];

const REGIONAL_PRICES: readonly PriceEntry[] = [
  ...lambdaRegion('af-south-1', 0.0000221, 0.00001768),
  ...lambdaRegion('ap-east-1', 0.00002292, 0.0000183),
  ...lambdaRegion('eu-south-1', 0.0000195172, 0.0000156138),
  ...lambdaRegion('me-south-1', 0.0000206667, 0.0000165334),
  ...lambdaRegion('me-central-1', 0.0000206667, 0.0000165334),
  // Fargate Linux/x86 on-demand in the largest regions priced apart from us-east-1.
  ...fargateRegion('us-west-1', 'x86_64', { vcpu: 0.04656, gb: 0.00511 }, FGCALC),
  ...fargateRegion('eu-west-2', 'x86_64', { vcpu: 0.04656, gb: 0.00511 }, FGCALC),
  ...fargateRegion('eu-central-1', 'x86_64', { vcpu: 0.04656, gb: 0.00511 }, FGCALC),
  ...fargateRegion('ap-northeast-1', 'x86_64', { vcpu: 0.05056, gb: 0.00553 }, FGCALC),
  ...fargateRegion('ap-southeast-1', 'x86_64', { vcpu: 0.05056, gb: 0.00553 }, FGCALC),
  ...fargateRegion('ap-southeast-2', 'x86_64', { vcpu: 0.04856, gb: 0.00532 }, FGCALC),
  // ap-south-1 is left out: fgcalc's $0.004655 per GB-hour disagrees with a public bill's
  // on-demand legs ($296.33 for 66,666 GB-hours, $0.004445), so Mumbai is priced as an assumption.
  ...fargateRegion('ca-central-1', 'x86_64', { vcpu: 0.04456, gb: 0.004865 }, FGCALC),
  ...fargateRegion('sa-east-1', 'x86_64', { vcpu: 0.0696, gb: 0.0076 }, FGCALC),
  // Fargate Linux/ARM where a regional figure was found; elsewhere ARM is an assumption.
  ...fargateRegion('sa-east-1', 'arm64', { vcpu: 0.0557, gb: 0.00612 }, SAO_PAULO_ARM),
  ...fargateRegion('ap-southeast-2', 'arm64', { vcpu: 0.03885, gb: 0.00426 }, SYDNEY_ARM),
  ...fargateRegion('ap-northeast-1', 'arm64', { vcpu: 0.04045, gb: 0.00442 }, TOKYO_ARM),
  ...fargateRegion('eu-west-2', 'arm64', { vcpu: 0.03725, gb: 0.00409 }, LONDON_PRICE_LIST),
  ...fargateRegion('ap-southeast-1', 'arm64', { vcpu: 0.04045, gb: 0.00442 }, SINGAPORE_PRICE_LIST),
  // Application Load Balancer where its regional hour and LCU-hour were both sourced.
  ...albRegion('eu-west-2', { hour: 0.02646, lcu: 0.0084 }, LONDON_ALB),
  ...albRegion('ap-southeast-1', { hour: 0.0252, lcu: 0.008 }, SINGAPORE_ALB),
];

export const DEFAULT_PRICES: readonly PriceEntry[] = [
  // ── Lambda on-demand duration ────────────────────────────────────────────────────────────
  entry({
    meter: 'aws.lambda.duration.x86_64',
    unit: 'GB-second',
    usdPerUnit: X86_GBS,
    effectiveFrom: LAMBDA_X86_FROM,
    effectiveTo: LAMBDA_TIERS_FROM,
    confirmedRegions: LAMBDA_DEFAULT_PRICE_REGIONS,
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
    confirmedRegions: LAMBDA_DEFAULT_PRICE_REGIONS,
    sourceUrl: LAMBDA_PRICING,
    note: `Tiers per account, region and architecture per month (${LAMBDA_TIERS_BLOG}).`,
  }),
  entry({
    meter: 'aws.lambda.duration.arm64',
    unit: 'GB-second',
    usdPerUnit: ARM_GBS,
    effectiveFrom: LAMBDA_ARM64_FROM,
    effectiveTo: LAMBDA_TIERS_FROM,
    confirmedRegions: LAMBDA_DEFAULT_PRICE_REGIONS,
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
    confirmedRegions: LAMBDA_DEFAULT_PRICE_REGIONS,
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
    // Read with duration from the same regional tables; the regions priced apart are not known.
    confirmedRegions: LAMBDA_DEFAULT_PRICE_REGIONS,
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
    confirmedRegions: LAMBDA_PC_DEFAULT_PRICE_REGIONS,
    sourceUrl: LAMBDA_PRICING,
    note: 'Charged while enabled, rounded up to 5 minutes. No free tier.',
  }),
  entry({
    meter: 'aws.lambda.pc-duration.x86_64',
    unit: 'GB-second',
    usdPerUnit: 0.0000097222,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    confirmedRegions: LAMBDA_PC_DEFAULT_PRICE_REGIONS,
    sourceUrl: LAMBDA_PRICING,
  }),
  entry({
    meter: 'aws.lambda.pc-allocated.arm64',
    unit: 'GB-second',
    usdPerUnit: 0.0000033334,
    effectiveFrom: LAMBDA_ARM64_FROM,
    effectiveTo: null,
    confirmedRegions: LAMBDA_PC_DEFAULT_PRICE_REGIONS,
    sourceUrl: LAMBDA_PRICING,
  }),
  entry({
    meter: 'aws.lambda.pc-duration.arm64',
    unit: 'GB-second',
    usdPerUnit: 0.0000077778,
    effectiveFrom: LAMBDA_ARM64_FROM,
    effectiveTo: null,
    confirmedRegions: LAMBDA_PC_DEFAULT_PRICE_REGIONS,
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
    confirmedRegions: FARGATE_X86_DEFAULT_PRICE_REGIONS,
    sourceUrl: FARGATE_PRICING,
    note: 'Per-second billing, 1-minute minimum.',
  }),
  entry({
    meter: 'aws.fargate.memory.x86_64',
    unit: 'GB-hour',
    usdPerUnit: 0.004445,
    effectiveFrom: '2019-12-01',
    effectiveTo: null,
    confirmedRegions: FARGATE_X86_DEFAULT_PRICE_REGIONS,
    sourceUrl: FARGATE_PRICING,
  }),
  entry({
    meter: 'aws.fargate.vcpu.arm64',
    unit: 'vCPU-hour',
    usdPerUnit: 0.03238,
    effectiveFrom: '2021-11-23',
    effectiveTo: null,
    confirmedRegions: FARGATE_ARM_DEFAULT_PRICE_REGIONS,
    sourceUrl: FARGATE_PRICING,
  }),
  entry({
    meter: 'aws.fargate.memory.arm64',
    unit: 'GB-hour',
    usdPerUnit: 0.00356,
    effectiveFrom: '2021-11-23',
    effectiveTo: null,
    confirmedRegions: FARGATE_ARM_DEFAULT_PRICE_REGIONS,
    sourceUrl: FARGATE_PRICING,
  }),
  // Spot prices float; 70 % off on-demand is the usual level, not a quote.
  entry({
    meter: 'aws.fargate-spot.vcpu.x86_64',
    unit: 'vCPU-hour',
    usdPerUnit: 0.012144,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    confirmedRegions: FARGATE_X86_DEFAULT_PRICE_REGIONS,
    sourceUrl: FARGATE_PRICING,
    note: 'Variable; modelled as 70 % below on-demand (vantage.sh/blog/fargate-pricing).',
  }),
  entry({
    meter: 'aws.fargate-spot.memory.x86_64',
    unit: 'GB-hour',
    usdPerUnit: 0.0013335,
    effectiveFrom: '2019-12-03',
    effectiveTo: null,
    confirmedRegions: FARGATE_X86_DEFAULT_PRICE_REGIONS,
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
    confirmedRegions: ALB_DEFAULT_PRICE_REGIONS,
    sourceUrl: ELB_PRICING,
    note: 'us-east-1, per ALB-hour (partial hours billed as full).',
  }),
  entry({
    meter: 'aws.elb.application.lcu',
    unit: 'LCU-hour',
    usdPerUnit: 0.008,
    effectiveFrom: '2016-08-11',
    effectiveTo: null,
    confirmedRegions: ALB_DEFAULT_PRICE_REGIONS,
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
      note: `Tier 2 region (${CLOUD_RUN_LOCATIONS}); read ${GCP_AZURE_PRICES_CHECKED}.`,
    }),
    entry({
      meter: 'gcp.cloud-run.request-based.memory',
      region,
      unit: 'GiB-second',
      usdPerUnit: 0.0000035,
      effectiveFrom: '2023-01-01',
      effectiveTo: null,
      sourceUrl: CLOUD_RUN_PRICING,
      note: `Tier 2 region (${CLOUD_RUN_LOCATIONS}); read ${GCP_AZURE_PRICES_CHECKED}.`,
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
