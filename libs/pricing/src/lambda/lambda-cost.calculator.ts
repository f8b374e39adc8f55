import { CostAccumulator, splitAcrossTiers } from '../catalogue/cost-accumulator';
import type { PriceCatalogue } from '../catalogue/price-catalogue';
import type { CostResult, PriceAssumption, PriceEntry } from '../catalogue/price.types';
import type { LambdaArchitecture, LambdaRuntimeKind } from './lambda-billing.rules';
import {
  billableEphemeralStorageGb,
  gbSeconds,
  isOnDemandInitBilled,
  isSnapStartCharged,
  roundUpToGranularityMs,
} from './lambda-billing.rules';

/** One meter name per architecture, made once: a new string per call is hashed anew per lookup. */
const perArchitecture = (prefix: string): ((arch: LambdaArchitecture) => string) => {
  const names = { x86_64: `${prefix}.x86_64`, arm64: `${prefix}.arm64` };
  return (arch) => names[arch] ?? `${prefix}.${arch}`;
};

export const lambdaMeters = {
  duration: perArchitecture('aws.lambda.duration'),
  pcAllocated: perArchitecture('aws.lambda.pc-allocated'),
  pcDuration: perArchitecture('aws.lambda.pc-duration'),
  requests: 'aws.lambda.requests',
  ephemeralStorage: 'aws.lambda.ephemeral-storage',
  snapStartCache: 'aws.lambda.snapstart-cache',
  snapStartRestore: 'aws.lambda.snapstart-restore',
} as const;

/** One invocation, as a REPORT line or platform.report describes it. */
export interface LambdaInvocation {
  architecture: LambdaArchitecture;
  memoryMb: number;
  durationMs: number;
  /** Init Duration of a cold start; billed or not according to `runtimeKind` and the date. */
  initDurationMs?: number | null;
  runtimeKind?: LambdaRuntimeKind;
  /** 'provisioned-concurrency' runs are charged at the PC duration price. */
  initType?: 'on-demand' | 'provisioned-concurrency' | 'snap-start';
  /** SnapStart Billed Restore Duration (ms), charged as duration whatever the runtime. */
  billedRestoreDurationMs?: number | null;
  /** The runtime (`python3.12`, `java21`, …): decides whether a SnapStart restore pays the fee. */
  runtime?: string;
  ephemeralStorageMb?: number;
  /** On-demand GB-seconds the account already used this month in this region and architecture. */
  monthToDateGbSeconds?: number;
}

/** The cost of one invocation, monthly-tier aware. Never throws: missing prices are listed. */
export function lambdaInvocationCost(
  invocation: LambdaInvocation,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const cost = new CostAccumulator(catalogue, at, region);
  const onPc = invocation.initType === 'provisioned-concurrency';
  const initMs =
    !onPc &&
    invocation.initDurationMs &&
    isOnDemandInitBilled(invocation.runtimeKind ?? 'managed-zip', at)
      ? invocation.initDurationMs
      : 0;
  const restoreMs = invocation.billedRestoreDurationMs ?? 0;
  // AWS rounds the sum (Duration + billed Init) up once, not each part.
  const billedMs =
    roundUpToGranularityMs(Math.max(0, invocation.durationMs) + initMs, at) + restoreMs;
  const gbs = gbSeconds(invocation.memoryMb, billedMs);

  cost.add(lambdaMeters.requests, 1);
  if (onPc) cost.add(lambdaMeters.pcDuration(invocation.architecture), gbs);
  else
    cost.add(
      lambdaMeters.duration(invocation.architecture),
      gbs,
      invocation.monthToDateGbSeconds ?? 0,
    );
  if (invocation.initType === 'snap-start' && isSnapStartCharged(invocation.runtime ?? '')) {
    cost.add(lambdaMeters.snapStartRestore, invocation.memoryMb / 1024);
  }
  cost.add(
    lambdaMeters.ephemeralStorage,
    billableEphemeralStorageGb(invocation.ephemeralStorageMb) * (billedMs / 1000),
  );
  return cost.result();
}

/** Provisioned concurrency kept allocated for some time. */
export interface ProvisionedConcurrencyUsage {
  concurrency: number;
  /** Seconds the allocation was enabled (AWS rounds each period up to 5 minutes). */
  enabledSeconds: number;
  /** Billed ms of invocations that ran on provisioned environments. */
  billedDurationMs: number;
}

/**
 * A set of invocations given as aggregates, as the storage layer sums them. `billedDurationMs` is
 * the on-demand execution time; if it comes from REPORT Billed Duration (which already contains
 * any billed INIT), leave `onDemandInitMs` empty so INIT is not counted twice.
 */
export interface LambdaUsage {
  architecture: LambdaArchitecture;
  memoryMb: number;
  /** All requests, on-demand and provisioned. */
  requests: number;
  billedDurationMs: number;
  /** INIT ms of on-demand cold starts by runtime kind; the date decides which are billed. */
  onDemandInitMs?: Partial<Record<LambdaRuntimeKind, number>>;
  provisioned?: ProvisionedConcurrencyUsage;
  /** SnapStart restores, their Billed Restore Duration and the seconds the snapshot was cached. */
  snapStart?: SnapStartUsage;
  ephemeralStorageMb?: number;
  monthToDateGbSeconds?: number;
}

/**
 * SnapStart as AWS bills it: the Billed Restore Duration is duration for every runtime; the
 * per-GB restore fee and the snapshot cache only for Python and .NET (isSnapStartCharged).
 */
export interface SnapStartUsage {
  /** The runtime identifier (`python3.12`, `java21`); '' when unknown (no fee is charged). */
  runtime: string;
  restores: number;
  billedRestoreMs: number;
  cachedSeconds: number;
}

export function billedInitMs(initMsByKind: LambdaUsage['onDemandInitMs'], at: Date): number {
  if (!initMsByKind) return 0;
  let total = 0;
  for (const [kind, ms] of Object.entries(initMsByKind) as [LambdaRuntimeKind, number][]) {
    total += billedInitMsOf(kind, ms, at);
  }
  return total;
}

/** billedInitMs of one runtime kind's INIT: what Lambda bills of `ms` at `at`. */
export function billedInitMsOf(kind: LambdaRuntimeKind, ms: number, at: Date): number {
  return ms > 0 && isOnDemandInitBilled(kind, at) ? ms : 0;
}

/** The cost of aggregated usage at the prices effective at `at`. Never throws. */
export function lambdaUsageCost(
  usage: LambdaUsage,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
): CostResult {
  const cost = new CostAccumulator(catalogue, at, region);
  const arch = usage.architecture;
  const memoryGb = usage.memoryMb / 1024;
  const snapStart = usage.snapStart;
  const onDemandMs =
    Math.max(0, usage.billedDurationMs) +
    billedInitMs(usage.onDemandInitMs, at) +
    Math.max(0, snapStart?.billedRestoreMs ?? 0);
  const pc = usage.provisioned;

  cost.add(lambdaMeters.requests, usage.requests);
  cost.add(
    lambdaMeters.duration(arch),
    gbSeconds(usage.memoryMb, onDemandMs),
    usage.monthToDateGbSeconds ?? 0,
  );
  if (pc) {
    cost.add(lambdaMeters.pcAllocated(arch), pc.concurrency * memoryGb * pc.enabledSeconds);
    cost.add(lambdaMeters.pcDuration(arch), gbSeconds(usage.memoryMb, pc.billedDurationMs));
  }
  if (snapStart && isSnapStartCharged(snapStart.runtime)) {
    cost.add(lambdaMeters.snapStartRestore, snapStart.restores * memoryGb);
    cost.add(lambdaMeters.snapStartCache, memoryGb * snapStart.cachedSeconds);
  }
  const storageSeconds = (onDemandMs + (pc?.billedDurationMs ?? 0)) / 1000;
  cost.add(
    lambdaMeters.ephemeralStorage,
    billableEphemeralStorageGb(usage.ephemeralStorageMb) * storageSeconds,
  );
  return cost.result();
}

/** Unit prices an analysis needs for marginal maths (first-tier or at a tier position). */
export interface LambdaUnitPrices {
  onDemandUsdPerGbSecond: number;
  pcAllocatedUsdPerGbSecond: number;
  pcDurationUsdPerGbSecond: number;
  requestUsd: number;
  priceIds: string[];
  catalogueVersion: string;
  /** Prices used in a region they were not published for. */
  assumed: PriceAssumption[];
}

/**
 * Marginal unit prices at a tier position. Missing prices come back as NaN so that callers see
 * them rather than a silent zero.
 */
export function lambdaUnitPrices(
  architecture: LambdaArchitecture,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
  monthToDateGbSeconds = 0,
): LambdaUnitPrices {
  const priceIds: string[] = [];
  const assumed: PriceAssumption[] = [];
  const unit = (meter: string, used = 0): number => {
    const entry = catalogue.find(meter, at, region);
    if (!entry) return Number.NaN;
    priceIds.push(entry.id);
    const assumption = catalogue.assumptionOf(entry, region);
    if (assumption) assumed.push(assumption);
    if (!entry.tiers) return entry.usdPerUnit;
    const tier = entry.tiers.find((t) => t.upToUnits === null || used < t.upToUnits);
    return tier?.usdPerUnit ?? entry.usdPerUnit;
  };
  return {
    onDemandUsdPerGbSecond: unit(lambdaMeters.duration(architecture), monthToDateGbSeconds),
    pcAllocatedUsdPerGbSecond: unit(lambdaMeters.pcAllocated(architecture)),
    pcDurationUsdPerGbSecond: unit(lambdaMeters.pcDuration(architecture)),
    requestUsd: unit(lambdaMeters.requests),
    priceIds,
    catalogueVersion: catalogue.version,
    assumed,
  };
}

/** Where in Lambda's monthly duration tiers a month-to-date usage sits, and that tier's price. */
export interface LambdaDurationTier {
  priceId: string;
  /** 1-based position among the price's tiers (1 for a flat price). */
  tier: number;
  /** GB-seconds of the month where this tier starts and ends (null: no end). */
  fromGbSeconds: number;
  upToGbSeconds: number | null;
  usdPerGbSecond: number;
}

/** The on-demand duration tier the next GB-second is billed in; null when there is no price. */
export function lambdaDurationTier(
  architecture: LambdaArchitecture,
  at: Date,
  region: string,
  catalogue: PriceCatalogue,
  monthToDateGbSeconds: number,
): LambdaDurationTier | null {
  const entry = catalogue.find(lambdaMeters.duration(architecture), at, region);
  if (!entry) return null;
  const tiers = entry.tiers?.length
    ? entry.tiers
    : [{ upToUnits: null, usdPerUnit: entry.usdPerUnit }];
  let fromGbSeconds = 0;
  for (const [i, t] of tiers.entries()) {
    if (t.upToUnits === null || Math.max(0, monthToDateGbSeconds) < t.upToUnits)
      return {
        priceId: entry.id,
        tier: i + 1,
        fromGbSeconds,
        upToGbSeconds: t.upToUnits,
        usdPerGbSecond: t.usdPerUnit,
      };
    fromGbSeconds = t.upToUnits;
  }
  return null;
}

/**
 * Provisioned concurrency pays when utilisation u satisfies pc + u·pcd < u·od, so the break-even
 * is u* = pc / (od − pcd) (≈ 0.60 on us-east-1 list prices; docs/decisions.md "Billing rules").
 */
export function provisionedConcurrencyBreakEvenUtilisation(prices: LambdaUnitPrices): number {
  const saving = prices.onDemandUsdPerGbSecond - prices.pcDurationUsdPerGbSecond;
  return saving > 0 ? prices.pcAllocatedUsdPerGbSecond / saving : Number.POSITIVE_INFINITY;
}

/**
 * What `gbSeconds` of on-demand duration cost from `monthToDateGbSeconds` on, split across the
 * month's tiers as every priced line splits them (splitAcrossTiers); null when there is no price.
 * The fleet page adds a day's place in its account's tiers to a function priced over its range
 * with this alone, where pricing each of 70,000 function-days whole took seconds. Each price is
 * looked up once per architecture, region and day.
 */
export class LambdaDurationPrices {
  /** By architecture, region and day: a string key made per call cost more than the pricing. */
  private readonly entries = new Map<string, Map<string, Map<number, PriceEntry | null>>>();

  constructor(private readonly catalogue: PriceCatalogue) {}

  usd(
    architecture: LambdaArchitecture,
    dayStartMs: number,
    region: string,
    gbSeconds: number,
    monthToDateGbSeconds: number,
  ): { usd: number; priceId: string } | null {
    const entry = this.entryOf(architecture, region, dayStartMs);
    if (!entry) return null;
    let usd = 0;
    if (gbSeconds > 0) {
      for (const part of splitAcrossTiers(entry, gbSeconds, monthToDateGbSeconds)) {
        usd += part.quantity * part.usdPerUnit;
      }
    }
    return { usd, priceId: entry.id };
  }

  private entryOf(
    architecture: LambdaArchitecture,
    region: string,
    dayStartMs: number,
  ): PriceEntry | null {
    let regions = this.entries.get(architecture);
    if (!regions)
      this.entries.set(architecture, (regions = new Map<string, Map<number, PriceEntry | null>>()));
    let days = regions.get(region);
    if (!days) regions.set(region, (days = new Map<number, PriceEntry | null>()));
    let entry = days.get(dayStartMs);
    if (entry === undefined) {
      entry =
        this.catalogue.find(lambdaMeters.duration(architecture), new Date(dayStartMs), region) ??
        null;
      days.set(dayStartMs, entry);
    }
    return entry;
  }
}
