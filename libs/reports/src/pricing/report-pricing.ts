import { architectureUnknown } from '@fleetscope/analysis';
import {
  billedInitMsOf,
  gbSeconds,
  isOnDemandInitBilled,
  lambdaMeters,
  POD_RESOURCES_UNKNOWN,
  type CostResult,
  type GcpAzurePlatform,
  type LambdaArchitecture,
  type LambdaRuntimeKind,
  type LambdaUsage,
  type PricingService,
} from '@fleetscope/pricing';
import type { DailyUsage, ReportFunction } from '../build/report-inputs';
import type { ChargeLine, ComputeLine, CostBreakdown } from '../build/weekly-report';

// Every price the report uses comes from the PricingService it is given (the configured one in a
// running process), through this file only; the billing rules (INIT by runtime kind and date,
// SnapStart fees by runtime) stay in libs/pricing.

/**
 * Why a Lambda function's cost leaves its provisioned concurrency out: its records say it runs on
 * some (provisioned-concurrency initialisations) at a level neither the settings history nor the
 * inventory holds, and none is invented. AWS bills that level's allocation around the clock and
 * the invocations it serves at the provisioned rate; here they are at the on-demand rate.
 */
export const PC_LEVEL_UNKNOWN =
  'Runs on provisioned concurrency by its records (provisioned-concurrency initialisations), at a level the settings history does not hold: its allocation is not priced, and its invocations are priced on demand.';

/** One function-day priced. */
export interface PricedDay {
  breakdown: CostBreakdown;
  computeLines: ComputeLine[];
  /** Priced meters, without their period (the builder sets it). */
  lines: Omit<ChargeLine, 'periodStart' | 'periodEnd'>[];
  pcAllocatedUsd: number;
  pcDurationUsd: number;
  /** On-demand GB-seconds (duration, billed INIT, restores): what moves the account along the tiers. */
  onDemandGbSeconds: number;
  /**
   * GB-seconds of compute + INIT + provisioned duration, and their cost (the decomposition's
   * price); Azure Functions, Cloud Run and Cloud Functions: the day's GB-seconds and the cost of
   * its time (GCP's vCPU-seconds with it).
   */
  computeGbSeconds: number;
  computeUsd: number;
  /** Billed INIT ms (by the billing rules of the runtime kind and the day). */
  billedInitMs: number;
  /**
   * What the day's cold starts cost: billed INIT and SnapStart restores (their duration and fee),
   * not the snapshot cache, a storage fee paid all day whether or not anything restores.
   */
  coldStartUsd: number;
  priceIds: string[];
  unpriced: string[];
  /** What was priced at a figure not sourced for the region (PriceAssumption messages). */
  assumed: string[];
  /** The architecture the day ran on (Lambda: the one in force then). */
  architecture: LambdaArchitecture;
}

export function emptyBreakdown(): CostBreakdown {
  return {
    requests: 0,
    compute: 0,
    provisionedConcurrency: 0,
    init: 0,
    ephemeralStorage: 0,
    snapStart: 0,
    pods: 0,
  };
}

/**
 * A day of a function on a platform the catalogue has no prices for: nothing priced, and its
 * usage named as such, so the function keeps its row in the report and the FOCUS file as any
 * function none of whose usage could be priced.
 */
export function unpricedPlatformDay(fn: ReportFunction, day: DailyUsage): PricedDay {
  const priced = emptyPricedDay(fn.architecture);
  if (day.invocations > 0) priced.unpriced.push(`platform ${fn.platform} has no prices`);
  return priced;
}

function emptyPricedDay(architecture: LambdaArchitecture): PricedDay {
  return {
    breakdown: emptyBreakdown(),
    computeLines: [],
    lines: [],
    pcAllocatedUsd: 0,
    pcDurationUsd: 0,
    onDemandGbSeconds: 0,
    computeGbSeconds: 0,
    computeUsd: 0,
    billedInitMs: 0,
    coldStartUsd: 0,
    priceIds: [],
    unpriced: [],
    assumed: [],
    architecture,
  };
}

/** The breakdown part a priced line belongs to; duration lines go where the call says. */
function categoryOf(meter: string, durationPart: keyof CostBreakdown): keyof CostBreakdown {
  if (meter === lambdaMeters.requests) return 'requests';
  if (meter === lambdaMeters.ephemeralStorage) return 'ephemeralStorage';
  if (meter === lambdaMeters.snapStartRestore || meter === lambdaMeters.snapStartCache) {
    return 'snapStart';
  }
  if (meter.startsWith('aws.lambda.pc-allocated.')) return 'provisionedConcurrency';
  if (meter.startsWith('aws.lambda.pc-duration.')) return 'compute';
  if (meter.startsWith('k8s.')) return 'pods';
  if (meter === 'gcp.cloud-run.requests' || meter === 'azure.functions.consumption.executions') {
    return 'requests';
  }
  return durationPart;
}

/**
 * Where a Lambda call's on-demand duration starts in the month's volume tiers, so that each of its
 * lines (one per tier it spans, in tier order) can say its tier.
 */
interface TierPosition {
  pricing: PricingService;
  at: Date;
  region: string;
  monthToDateGbSeconds: number;
}

/** Adds a priced result to the day, each line under its breakdown part. */
function collect(
  day: PricedDay,
  result: CostResult,
  durationPart: keyof CostBreakdown,
  architecture: LambdaArchitecture,
  tiers?: TierPosition,
): void {
  day.priceIds.push(...result.priceIds);
  day.unpriced.push(...result.unpriced.map((u) => u.message));
  for (const a of result.assumed) if (!day.assumed.includes(a.message)) day.assumed.push(a.message);
  let tierGbSeconds = tiers?.monthToDateGbSeconds ?? 0;
  for (const line of result.breakdown) {
    const category = categoryOf(line.meter, durationPart);
    const usdPerUnit = line.quantity > 0 ? line.usd / line.quantity : 0;
    const onDemand = line.meter === lambdaMeters.duration(architecture);
    // The tier of the line's middle GB-second: its first may sit on a tier's boundary, on either
    // side of it by the rounding of the month's sum.
    const tier =
      onDemand && tiers
        ? tiers.pricing.lambdaDurationTier(
            architecture,
            tiers.at,
            tiers.region,
            tierGbSeconds + line.quantity / 2,
          )?.tier
        : undefined;
    if (onDemand) tierGbSeconds += line.quantity;
    day.breakdown[category] += line.usd;
    if (
      category === 'init' ||
      (category === 'snapStart' && line.meter !== lambdaMeters.snapStartCache)
    ) {
      day.coldStartUsd += line.usd;
    }
    day.lines.push({
      category,
      meter: line.meter,
      priceId: line.priceId,
      unit: line.unit,
      usdPerUnit,
      quantity: line.quantity,
      usd: line.usd,
      ...(tier !== undefined ? { tier } : {}),
    });
    const onPc = line.meter === lambdaMeters.pcDuration(architecture);
    if (onDemand) day.onDemandGbSeconds += line.quantity;
    if (line.meter === lambdaMeters.pcAllocated(architecture)) day.pcAllocatedUsd += line.usd;
    if (onPc) day.pcDurationUsd += line.usd;
    if ((onDemand && category !== 'snapStart') || onPc) {
      day.computeGbSeconds += line.quantity;
      day.computeUsd += line.usd;
    }
    if (category === 'compute' && (onDemand || onPc)) {
      day.computeLines.push({
        architecture,
        kind: onPc ? 'provisioned' : 'on-demand',
        usdPerGbSecond: usdPerUnit,
        gbSeconds: line.quantity,
        usd: line.usd,
        priceId: line.priceId,
      });
    }
  }
}

/**
 * A Lambda function-day's on-demand time (priceLambdaDay's rule): its billed duration less the
 * time run on provisioned concurrency and the INIT a REPORT line's Billed Duration already holds,
 * and the INIT Lambda bills (billedInitMs), counted once, under init.
 */
export function lambdaDayOnDemandMs(
  fn: Pick<ReportFunction, 'runtimeKind'>,
  day: Pick<
    DailyUsage,
    'dayStartMs' | 'billedDurationMs' | 'initDurationMs' | 'unbilledInitMs' | 'provisioned'
  >,
): { onDemandMs: number; initMs: number } {
  const at = new Date(day.dayStartMs);
  return {
    onDemandMs: onDemandMsOf(
      fn.runtimeKind,
      at,
      day.billedDurationMs,
      day.initDurationMs,
      day.unbilledInitMs,
      day.provisioned?.billedDurationMs ?? 0,
    ),
    initMs: billedInitMsOf(fn.runtimeKind, day.initDurationMs, at),
  };
}

/** lambdaDayOnDemandMs's on-demand time, of a day's figures. */
function onDemandMsOf(
  runtimeKind: LambdaRuntimeKind,
  at: Date,
  billedDurationMs: number,
  initDurationMs: number,
  unbilledInitMs: number,
  provisionedBilledMs: number,
): number {
  const initInDurationMs = billedInitMsOf(runtimeKind, initDurationMs - unbilledInitMs, at);
  return Math.max(0, billedDurationMs - provisionedBilledMs - initInDurationMs);
}

/**
 * The on-demand GB-seconds a Lambda function-day adds to its account's duration tiers: what
 * priceLambdaDay bills at the duration price (its time, INIT and SnapStart's Billed Restore
 * Duration), without pricing it.
 */
export function lambdaDayOnDemandGbSeconds(
  fn: Pick<ReportFunction, 'runtimeKind'>,
  day: Pick<
    DailyUsage,
    | 'dayStartMs'
    | 'memoryMb'
    | 'billedDurationMs'
    | 'initDurationMs'
    | 'unbilledInitMs'
    | 'provisioned'
    | 'snapStart'
  >,
): number {
  return lambdaDayOnDemandGbSecondsOf(
    fn.runtimeKind,
    new Date(day.dayStartMs),
    day.memoryMb,
    day.billedDurationMs,
    day.initDurationMs,
    day.unbilledInitMs,
    day.provisioned?.billedDurationMs ?? 0,
    day.snapStart?.billedRestoreMs ?? 0,
  );
}

/**
 * lambdaDayOnDemandGbSeconds of a day's figures, `at` its start: the fleet page places 74,000
 * function-days of stored rows in the tiers (lambdaTierPlaces) without making a day, a Date and
 * lambdaDayOnDemandMs's result for each.
 */
export function lambdaDayOnDemandGbSecondsOf(
  runtimeKind: LambdaRuntimeKind,
  at: Date,
  memoryMb: number,
  billedDurationMs: number,
  initDurationMs: number,
  unbilledInitMs: number,
  provisionedBilledMs: number,
  billedRestoreMs: number,
): number {
  if (!(memoryMb > 0)) return 0;
  const onDemandMs = onDemandMsOf(
    runtimeKind,
    at,
    billedDurationMs,
    initDurationMs,
    unbilledInitMs,
    provisionedBilledMs,
  );
  const initMs = billedInitMsOf(runtimeKind, initDurationMs, at);
  // Line by line, as priceLambdaDay's lines add up.
  return (
    gbSeconds(memoryMb, onDemandMs) +
    gbSeconds(memoryMb, initMs) +
    gbSeconds(memoryMb, Math.max(0, billedRestoreMs))
  );
}

/**
 * One Lambda function-day at the prices effective that day, priced in parts (duration, INIT,
 * provisioned concurrency, SnapStart) so each lands in its own breakdown entry.
 * `tierOffsetGbSeconds` is the on-demand GB-seconds the account already used this month in this
 * region and architecture, so the day's GB-seconds land in the right monthly tier.
 */
export function priceLambdaDay(
  fn: ReportFunction,
  day: DailyUsage,
  pricing: PricingService,
  tierOffsetGbSeconds: number,
): PricedDay {
  const arch = day.architecture ?? fn.architecture;
  const priced = emptyPricedDay(arch);
  const at = new Date(day.dayStartMs);
  const memoryMb = day.memoryMb;
  if (!(memoryMb > 0) && day.invocations > 0) {
    priced.unpriced.push('memory size unknown: compute not priced');
  }
  if ((day.provisionedInits ?? 0) > 0 && !day.provisioned) priced.unpriced.push(PC_LEVEL_UNKNOWN);
  if (fn.architectureAssumed && day.architecture === undefined) {
    priced.assumed.push(architectureUnknown(pricing, at, fn.region).message);
  }
  const initByKind = { [fn.runtimeKind]: day.initDurationMs };
  const { onDemandMs, initMs } = lambdaDayOnDemandMs(fn, day);
  const pc = day.provisioned;
  const base: LambdaUsage = {
    architecture: arch,
    memoryMb,
    requests: 0,
    billedDurationMs: 0,
    ephemeralStorageMb: fn.ephemeralStorageMb ?? undefined,
  };
  // The INIT at the size it ran at; the rest of the time at what the day's GB-seconds leave, so
  // the day adds to its tiers what lambdaDayOnDemandGbSeconds says.
  const initMb = day.initMemoryMb ?? memoryMb;
  const computeMs =
    initMb === memoryMb
      ? onDemandMs
      : Math.max(0, onDemandMs + (initMs * (memoryMb - initMb)) / memoryMb);
  const durationGbs = gbSeconds(memoryMb, computeMs);
  const initGbs = gbSeconds(initMb, initMs);
  const price = (usage: LambdaUsage, part: keyof CostBreakdown) =>
    collect(priced, pricing.lambdaUsage(usage, at, fn.region), part, arch, {
      pricing,
      at,
      region: fn.region,
      monthToDateGbSeconds: usage.monthToDateGbSeconds ?? 0,
    });

  price(
    {
      ...base,
      requests: day.invocations,
      billedDurationMs: computeMs,
      monthToDateGbSeconds: tierOffsetGbSeconds,
    },
    'compute',
  );
  price(
    {
      ...base,
      memoryMb: initMb,
      onDemandInitMs: initByKind,
      monthToDateGbSeconds: tierOffsetGbSeconds + durationGbs,
    },
    'init',
  );
  if (pc) price({ ...base, provisioned: pc }, 'compute');
  if (day.snapStart) {
    price(
      {
        ...base,
        snapStart: { runtime: fn.runtime, ...day.snapStart },
        monthToDateGbSeconds: tierOffsetGbSeconds + durationGbs + initGbs,
      },
      'snapStart',
    );
  }
  priced.billedInitMs = initMs;
  return priced;
}

/**
 * A Knative or OpenFaaS function-day: its pod-seconds at the configured Kubernetes node price
 * (PricingService.kubernetesPods, as the fleet page prices the part of a day in its range).
 */
export function pricePodDay(
  fn: ReportFunction,
  day: DailyUsage,
  pricing: PricingService,
): PricedDay {
  const priced = emptyPricedDay(fn.architecture);
  if (!fn.pod) {
    if (day.podSeconds > 0 || day.invocations > 0) priced.unpriced.push(POD_RESOURCES_UNKNOWN);
    return priced;
  }
  const result = pricing.kubernetesPods(
    fn.pod,
    day.podSeconds,
    new Date(day.dayStartMs),
    fn.region,
  );
  collect(priced, result, 'pods', fn.architecture);
  return priced;
}

/**
 * A Cloud Run, Cloud Functions 2nd gen or Azure Functions Consumption function-day, from its
 * aggregate sums as the fleet page prices it (`PricingService.serverlessUsage`).
 */
export function priceServerlessDay(
  fn: ReportFunction & { platform: GcpAzurePlatform },
  day: DailyUsage,
  pricing: PricingService,
): PricedDay {
  const priced = emptyPricedDay(fn.architecture);
  if (!(day.memoryMb > 0)) {
    if (day.invocations > 0) priced.unpriced.push('memory size unknown: not priced');
    return priced;
  }
  const result = pricing.serverlessUsage(
    fn.platform,
    {
      invocations: day.invocations,
      billedMbMs: day.billedDurationMs * day.memoryMb,
      memoryMb: day.memoryMb,
      vcpu: fn.pod?.vcpu ?? null,
    },
    new Date(day.dayStartMs),
    fn.region,
  );
  collect(priced, result, 'compute', fn.architecture);
  // What the week-over-week decomposition models: the time billed, at what it cost.
  priced.computeGbSeconds = gbSeconds(day.memoryMb, day.billedDurationMs);
  for (const line of priced.lines) if (line.category === 'compute') priced.computeUsd += line.usd;
  return priced;
}

/**
 * $/request and $/GB-second of a Cloud Run, Cloud Functions or Azure Functions function at a
 * memory size (GCP's vCPU-seconds folded into the GB-second), by the rule that prices its days:
 * what the decomposition models a week that did not use them at.
 */
export function serverlessUnitPrices(
  fn: ReportFunction & { platform: GcpAzurePlatform },
  memoryMb: number,
  atMs: number,
  pricing: PricingService,
): { usdPerGbSecond: number; usdPerRequest: number } {
  if (!(memoryMb > 0)) return { usdPerGbSecond: 0, usdPerRequest: 0 };
  // One request of one second at that size.
  const result = pricing.serverlessUsage(
    fn.platform,
    { invocations: 1, billedMbMs: memoryMb * 1000, memoryMb, vcpu: fn.pod?.vcpu ?? null },
    new Date(atMs),
    fn.region,
  );
  let requestUsd = 0;
  let timeUsd = 0;
  for (const line of result.breakdown) {
    if (categoryOf(line.meter, 'compute') === 'requests') requestUsd += line.usd;
    else timeUsd += line.usd;
  }
  return { usdPerGbSecond: timeUsd / gbSeconds(memoryMb, 1000), usdPerRequest: requestUsd };
}

/**
 * Whether the day's on-demand cold starts are billed for their INIT (the billing rules of the
 * runtime kind and the day): a cold start of such a day without an Init Duration has an unknown
 * cost. Only Lambda bills INIT on its own.
 */
export function billsInit(fn: ReportFunction, day: DailyUsage): boolean {
  return (
    fn.platform === 'aws_lambda' && isOnDemandInitBilled(fn.runtimeKind, new Date(day.dayStartMs))
  );
}

/** Marginal on-demand $/GB-second and $/request at a tier position (for what a week did not use). */
export function lambdaMarginalPrices(
  architecture: LambdaArchitecture,
  atMs: number,
  region: string,
  pricing: PricingService,
  tierOffsetGbSeconds: number,
): { usdPerGbSecond: number; usdPerRequest: number } {
  const prices = pricing.lambdaUnitPrices(
    architecture,
    new Date(atMs),
    region,
    tierOffsetGbSeconds,
  );
  return { usdPerGbSecond: prices.onDemandUsdPerGbSecond, usdPerRequest: prices.requestUsd };
}
