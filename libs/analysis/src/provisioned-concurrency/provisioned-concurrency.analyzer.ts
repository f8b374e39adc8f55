import type { LambdaUnitPrices } from '@fleetscope/pricing';
import {
  isOnDemandInitBilled,
  lambdaRuntimeKind,
  provisionedConcurrencyBreakEvenUtilisation,
} from '@fleetscope/pricing';
import { warmCapacityAction } from '../actions/config-action';
import type { AnalysisContext, Analyzer } from '../analyzer';
import { basisOf } from '../evidence/evidence.gate';
import { HOURS_PER_MONTH } from '../analyzer';
import { tierOffset } from '../costs/lambda-window-cost';
import type {
  ConcurrencyProfile,
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
  HourOfWeekConcurrency,
} from '../inputs';
import type { Recommendation } from '../recommendation';
import { confidenceOf, sampleSupport } from '../recommendation';

export interface ProvisionedConcurrencyOptions {
  /** What a second of cold-start latency avoided is worth to you ($); 0 = count dollars only. */
  latencyValueUsdPerSecond: number;
  /** A schedule must beat a constant level by this share to be worth its complexity. */
  scheduleAdvantage: number;
  /** Knative/OpenFaaS: cold-start rate above which keeping a pod warm is worth pricing (Datadog: > 1 %). */
  coldStartRateWorthPricing: number;
}

export const DEFAULT_PROVISIONED_CONCURRENCY_OPTIONS: ProvisionedConcurrencyOptions = {
  latencyValueUsdPerSecond: 0,
  scheduleAdvantage: 0.1,
  coldStartRateWorthPricing: 0.01,
};

const WEEKS_PER_MONTH = HOURS_PER_MONTH / 168;

/** What keeping `level` warm during one occurrence of an hour of week is expected to bring. */
export interface HourEconomics {
  level: number;
  costUsd: number;
  savingUsd: number;
  netUsd: number;
  coldStartsRemoved: number;
  latencyAvoidedMs: number;
  coveredConcurrencySeconds: number;
}

/** Prices of keeping one unit of warm capacity and of running on it, per platform. */
interface WarmCapacityPrices {
  /** $ per hour for one warm instance (PC unit or pod). */
  warmUnitHourUsd: number;
  /** $ saved per concurrency-second that runs on warm capacity instead of on demand. */
  savedPerCoveredSecondUsd: number;
  /** $ saved per on-demand INIT ms avoided. */
  savedPerInitMsUsd: number;
  /** Lambda pays for covered time anyway (at the PC price); a pod's busy time is not extra. */
  idleOnlyCost: boolean;
  priceIds: string[];
  breakEvenUtilisation: number;
}

function lambdaWarmPrices(
  profile: FunctionProfile,
  prices: LambdaUnitPrices,
  initBilled: boolean,
): WarmCapacityPrices {
  const memoryGb = (profile.memoryMb ?? 0) / 1024;
  return {
    warmUnitHourUsd: memoryGb * 3600 * prices.pcAllocatedUsdPerGbSecond,
    savedPerCoveredSecondUsd:
      memoryGb * (prices.onDemandUsdPerGbSecond - prices.pcDurationUsdPerGbSecond),
    savedPerInitMsUsd: initBilled ? (memoryGb / 1000) * prices.onDemandUsdPerGbSecond : 0,
    idleOnlyCost: false,
    priceIds: prices.priceIds,
    breakEvenUtilisation: provisionedConcurrencyBreakEvenUtilisation(prices),
  };
}

function podWarmPrices(podHourUsd: number, priceIds: string[]): WarmCapacityPrices {
  return {
    warmUnitHourUsd: podHourUsd,
    savedPerCoveredSecondUsd: 0,
    savedPerInitMsUsd: 0,
    idleOnlyCost: true,
    priceIds,
    // A pod kept warm only costs while idle, so any use lowers its cost; dollars never break even.
    breakEvenUtilisation: Number.POSITIVE_INFINITY,
  };
}

function coveredMinutes(hour: HourOfWeekConcurrency, levels: number[], level: number): number {
  if (level <= 0) return 0;
  const i = levels.indexOf(level);
  return i >= 0 ? (hour.coveredMinutesByLevel[i] ?? 0) : 0;
}

/**
 * Economics of `level` in one hour of week, scaled to one 60-minute occurrence. Cold starts
 * removed are approximated by the share of concurrency the level covers.
 */
export function hourEconomics(
  hour: HourOfWeekConcurrency,
  levels: number[],
  level: number,
  prices: WarmCapacityPrices,
  latencyValueUsdPerSecond: number,
): HourEconomics {
  const scale = hour.minutesObserved > 0 ? 60 / hour.minutesObserved : 0;
  const covered = coveredMinutes(hour, levels, level) * scale;
  const concurrency = hour.concurrencyMinutes * scale;
  const coveredShare = concurrency > 0 ? covered / concurrency : 0;
  const coldStartsRemoved = hour.coldStarts * scale * coveredShare;
  const meanInitMs = hour.coldStarts > 0 ? hour.onDemandInitMs / hour.coldStarts : 0;
  const latencyAvoidedMs = coldStartsRemoved * meanInitMs;
  const idleUnitHours = prices.idleOnlyCost ? Math.max(0, level - covered / 60) : level;
  const costUsd = idleUnitHours * prices.warmUnitHourUsd;
  const savingUsd =
    covered * 60 * prices.savedPerCoveredSecondUsd +
    latencyAvoidedMs * prices.savedPerInitMsUsd +
    (latencyAvoidedMs / 1000) * latencyValueUsdPerSecond;
  return {
    level,
    costUsd,
    savingUsd,
    netUsd: savingUsd - costUsd,
    coldStartsRemoved,
    latencyAvoidedMs,
    coveredConcurrencySeconds: covered * 60,
  };
}

interface Plan {
  /** Weekly totals. */
  netUsd: number;
  costUsd: number;
  coldStartsRemoved: number;
  latencyAvoidedMs: number;
  coveredConcurrencySeconds: number;
  /** Level per hour of week (168 entries). */
  levels: number[];
}

function emptyPlan(): Plan {
  return {
    netUsd: 0,
    costUsd: 0,
    coldStartsRemoved: 0,
    latencyAvoidedMs: 0,
    coveredConcurrencySeconds: 0,
    levels: new Array<number>(168).fill(0),
  };
}

function addHour(plan: Plan, hourOfWeek: number, e: HourEconomics): void {
  plan.netUsd += e.netUsd;
  plan.costUsd += e.costUsd;
  plan.coldStartsRemoved += e.coldStartsRemoved;
  plan.latencyAvoidedMs += e.latencyAvoidedMs;
  plan.coveredConcurrencySeconds += e.coveredConcurrencySeconds;
  plan.levels[hourOfWeek] = e.level;
}

/** Hours of week without data are assumed idle: warm capacity there is pure cost. */
function constantPlan(
  profile: ConcurrencyProfile,
  level: number,
  prices: WarmCapacityPrices,
  latencyValue: number,
): Plan {
  const plan = emptyPlan();
  const byHour = new Map(profile.hours.map((h) => [h.hourOfWeek, h]));
  for (let hourOfWeek = 0; hourOfWeek < 168; hourOfWeek++) {
    const hour = byHour.get(hourOfWeek);
    const e =
      hour && hour.minutesObserved > 0
        ? hourEconomics(hour, profile.levels, level, prices, latencyValue)
        : {
            level,
            costUsd: level * prices.warmUnitHourUsd,
            savingUsd: 0,
            netUsd: -level * prices.warmUnitHourUsd,
            coldStartsRemoved: 0,
            latencyAvoidedMs: 0,
            coveredConcurrencySeconds: 0,
          };
    addHour(plan, hourOfWeek, e);
  }
  return plan;
}

function schedulePlan(
  profile: ConcurrencyProfile,
  prices: WarmCapacityPrices,
  latencyValue: number,
): Plan {
  const plan = emptyPlan();
  for (const hour of profile.hours) {
    if (hour.minutesObserved <= 0 || hour.hourOfWeek < 0 || hour.hourOfWeek > 167) continue;
    const best = [0, ...profile.levels]
      .map((level) => hourEconomics(hour, profile.levels, level, prices, latencyValue))
      .reduce((a, b) => (b.netUsd > a.netUsd ? b : a));
    addHour(plan, hour.hourOfWeek, best);
  }
  return plan;
}

/** Consecutive hours with the same level, for a readable schedule (Application Auto Scaling actions). */
export function scheduleRanges(
  levels: number[],
): { fromHourOfWeek: number; toHourOfWeek: number; level: number }[] {
  const ranges: { fromHourOfWeek: number; toHourOfWeek: number; level: number }[] = [];
  levels.forEach((level, hour) => {
    const last = ranges[ranges.length - 1];
    if (last && last.level === level && last.toHourOfWeek === hour - 1) last.toHourOfWeek = hour;
    else ranges.push({ fromHourOfWeek: hour, toHourOfWeek: hour, level });
  });
  return ranges;
}

function utilisation(plan: Plan): number | null {
  const warmSeconds = plan.levels.reduce((s, l) => s + l * 3600, 0);
  return warmSeconds > 0 ? plan.coveredConcurrencySeconds / warmSeconds : null;
}

/**
 * Provisioned concurrency on Lambda, min-scale on Knative, com.openfaas.scale.min on OpenFaaS:
 * the level (or weekly schedule) that maximises savings net of the cost of warm capacity.
 */
export class ProvisionedConcurrencyAnalyzer implements Analyzer {
  readonly kind = 'provisioned-concurrency' as const;

  constructor(
    private readonly options: ProvisionedConcurrencyOptions = DEFAULT_PROVISIONED_CONCURRENCY_OPTIONS,
  ) {}

  analyze(
    { profile, stats, concurrency }: FunctionAnalysisInput,
    ctx: AnalysisContext,
  ): Recommendation[] {
    if (!concurrency || concurrency.hours.length === 0) return [];
    const prices = this.warmPrices(profile, ctx);
    if (!prices || !Number.isFinite(prices.warmUnitHourUsd) || !(prices.warmUnitHourUsd > 0))
      return [];
    const latencyValue = this.options.latencyValueUsdPerSecond;
    const isLambda = profile.platform === 'aws_lambda';
    const currentLevel = (isLambda ? profile.provisionedConcurrency : profile.minScale) ?? 0;

    const constants = [0, ...concurrency.levels].map((level) =>
      constantPlan(concurrency, level, prices, latencyValue),
    );
    const bestConstant = constants.reduce((a, b) => (b.netUsd > a.netUsd ? b : a));
    const schedule = schedulePlan(concurrency, prices, latencyValue);
    const useSchedule =
      concurrency.weeksCovered >= 1 &&
      schedule.netUsd > bestConstant.netUsd * (1 + this.options.scheduleAdvantage) &&
      new Set(schedule.levels).size > 1;
    const chosen = useSchedule ? schedule : bestConstant;
    const current = constantPlan(concurrency, currentLevel, prices, latencyValue);
    const chosenLevel = Math.max(...chosen.levels);

    const coldStartRate = stats.invocations > 0 ? stats.coldStarts / stats.invocations : 0;
    const worthPricing =
      !isLambda && coldStartRate > this.options.coldStartRateWorthPricing && currentLevel === 0;
    if (chosen.netUsd <= current.netUsd || (chosenLevel === currentLevel && !useSchedule)) {
      return worthPricing
        ? [this.pricedWarmPod(profile, stats, concurrency, prices, ctx, coldStartRate)]
        : [];
    }

    const monthlyImpactUsd = (chosen.netUsd - current.netUsd) * WEEKS_PER_MONTH;
    const u = utilisation(chosen);
    const setting = isLambda ? 'provisionedConcurrency' : 'minScale';
    const reason = useSchedule
      ? `Traffic repeats by hour of week, and a schedule of warm capacity saves ${monthlyImpactUsd.toFixed(2)} $/month net of its cost while removing about ${Math.round(chosen.coldStartsRemoved * WEEKS_PER_MONTH)} cold starts a month.`
      : chosenLevel === 0
        ? `Utilisation of the current ${currentLevel} warm instances is below the ${Math.round(prices.breakEvenUtilisation * 100)} % break-even, so they cost more than they save.`
        : `Utilisation at level ${chosenLevel} would be ${Math.round((u ?? 0) * 100)} %, above the ${Math.round(prices.breakEvenUtilisation * 100)} % break-even derived from the prices.`;
    const support =
      Math.min(1, concurrency.weeksCovered / 2) * 0.5 +
      0.45 * sampleSupport(stats.invocations, 10_000);

    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: monthlyImpactUsd > 100 ? 'warning' : 'info',
        title: useSchedule
          ? `Schedule ${setting} up to ${chosenLevel}`
          : `Set ${setting} to ${chosenLevel}`,
        reason,
        current: { [setting]: currentLevel, monthlyNetUsd: current.netUsd * WEEKS_PER_MONTH },
        recommended: useSchedule
          ? { [setting]: chosenLevel, schedule: scheduleRanges(chosen.levels), timeZone: 'UTC' }
          : { [setting]: chosenLevel },
        monthlyImpactUsd,
        ...confidenceOf(support),
        evidence: {
          utilisation: u,
          breakEvenUtilisation: prices.breakEvenUtilisation,
          monthlyWarmCostUsd: chosen.costUsd * WEEKS_PER_MONTH,
          coldStartsRemovedPerMonth: chosen.coldStartsRemoved * WEEKS_PER_MONTH,
          latencyAvoidedMsPerMonth: chosen.latencyAvoidedMs * WEEKS_PER_MONTH,
          p95Concurrency: concurrency.p95Concurrency,
          weeksCovered: concurrency.weeksCovered,
          constantLevelNetUsdPerMonth: bestConstant.netUsd * WEEKS_PER_MONTH,
          scheduleNetUsdPerMonth: schedule.netUsd * WEEKS_PER_MONTH,
          latencyValueUsdPerSecond: this.options.latencyValueUsdPerSecond,
          priceIds: prices.priceIds,
        },
        catalogueVersion: ctx.pricing.catalogueVersion,
        savingUsd: { lowUsd: monthlyImpactUsd, highUsd: monthlyImpactUsd },
        basis: basisOf(stats, 'per-minute concurrency'),
        action: warmCapacityAction(profile, chosenLevel),
        planRole: 'change',
      },
    ];
  }

  private warmPrices(profile: FunctionProfile, ctx: AnalysisContext): WarmCapacityPrices | null {
    switch (profile.platform) {
      case 'aws_lambda': {
        if (profile.memoryMb === null) return null;
        const prices = ctx.pricing.lambdaUnitPrices(
          profile.architecture,
          ctx.at,
          profile.region,
          tierOffset(profile, ctx),
        );
        const initBilled = isOnDemandInitBilled(
          lambdaRuntimeKind(profile.runtime, profile.packageType),
          ctx.at,
        );
        return lambdaWarmPrices(profile, prices, initBilled);
      }
      case 'knative':
      case 'openfaas': {
        if (!profile.podCpu || !profile.podMemoryMb) return null;
        const pod = ctx.pricing.kubernetesPodHour(
          { vcpu: profile.podCpu, memoryMb: profile.podMemoryMb },
          ctx.at,
          profile.region,
        );
        return podWarmPrices(pod.usd, pod.priceIds);
      }
      case 'gcp_cloud_functions':
      case 'gcp_cloud_run':
      case 'azure_functions':
      case 'other':
        return null;
    }
  }

  /** Knative/OpenFaaS with frequent cold starts: state the price of one warm pod per cold start avoided. */
  private pricedWarmPod(
    profile: FunctionProfile,
    stats: FunctionWindowStats,
    concurrency: ConcurrencyProfile,
    prices: WarmCapacityPrices,
    ctx: AnalysisContext,
    coldStartRate: number,
  ): Recommendation {
    const plan = constantPlan(concurrency, 1, prices, 0);
    const monthlyCostUsd = plan.costUsd * WEEKS_PER_MONTH;
    const removed = plan.coldStartsRemoved * WEEKS_PER_MONTH;
    return {
      kind: this.kind,
      functionId: profile.functionId,
      severity: 'info',
      title: 'Keeping one pod warm would remove most cold starts',
      reason: `${Math.round(coldStartRate * 1000) / 10} % of requests start cold, and a minimum of one pod would cost ${monthlyCostUsd.toFixed(2)} $/month, ${(removed > 0 ? monthlyCostUsd / removed : 0).toFixed(4)} $ per cold start avoided.`,
      current: { minScale: 0 },
      recommended: { minScale: 1 },
      monthlyImpactUsd: -monthlyCostUsd,
      ...confidenceOf(0.5),
      evidence: {
        coldStartRate,
        coldStartsRemovedPerMonth: removed,
        latencyAvoidedMsPerMonth: plan.latencyAvoidedMs * WEEKS_PER_MONTH,
        podHourUsd: prices.warmUnitHourUsd,
        priceIds: prices.priceIds,
      },
      catalogueVersion: ctx.pricing.catalogueVersion,
      savingUsd: { lowUsd: -monthlyCostUsd, highUsd: -monthlyCostUsd },
      basis: basisOf(stats, 'cold starts and per-minute concurrency'),
      action: warmCapacityAction(profile, 1),
      planRole: 'change',
    };
  }
}
