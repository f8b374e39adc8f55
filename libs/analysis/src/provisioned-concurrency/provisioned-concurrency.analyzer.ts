import { savesMoney } from '@fleetscope/model';
import type { LambdaUnitPrices } from '@fleetscope/pricing';
import {
  isOnDemandInitBilled,
  lambdaMeters,
  lambdaRuntimeKind,
  provisionedConcurrencyBreakEvenUtilisation,
} from '@fleetscope/pricing';
import { warmCapacityAction } from '../actions/config-action';
import type { AnalysisContext, Analyzer } from '../analyzer';
import type { EndedTraffic, EvidenceOptions } from '../evidence/evidence.gate';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  basisOf,
  coverageShortfall,
  endedTraffic,
  evidenceShortfall,
} from '../evidence/evidence.gate';
import { HOURS_PER_MONTH } from '../analyzer';
import { coldStartRate as rateOfColdStarts, meanInitMs } from '../cold-starts/cold-start.math';
import { tierOffset } from '../costs/lambda-window-cost';
import type {
  ConcurrencyProfile,
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
  HourOfWeekConcurrency,
} from '../inputs';
import type { ScheduledLevel } from '../actions/config-action';
import { extraCostText, savingRangeText, savingShortfall, usdAmount } from '../plan/saving-sign';
import type { Recommendation, SavingRange, WhyNotCode } from '../recommendation';
import { confidenceOf, midpoint, sampleSupport } from '../recommendation';
import { consistency, relativeHalfRange } from '../stats/window-spread';

export interface ProvisionedConcurrencyOptions {
  /**
   * What a second of cold-start waiting is worth to you ($). 0: dollars decide alone; set, the
   * combined figure is shown beside the dollars, never in place of them.
   */
  latencyValueUsdPerSecond: number;
  evidence: EvidenceOptions;
  /** A schedule must beat a constant level by this share to be worth its complexity. */
  scheduleAdvantage: number;
  /** Knative/OpenFaaS: cold-start rate above which keeping a pod warm is worth pricing (Datadog: > 1 %). */
  coldStartRateWorthPricing: number;
}

export const DEFAULT_PROVISIONED_CONCURRENCY_OPTIONS: ProvisionedConcurrencyOptions = {
  latencyValueUsdPerSecond: 0,
  evidence: DEFAULT_EVIDENCE_OPTIONS,
  scheduleAdvantage: 0.1,
  coldStartRateWorthPricing: 0.01,
};

const WEEKS_PER_MONTH = HOURS_PER_MONTH / 168;

/**
 * What keeping `level` warm during one occurrence of an hour of week is expected to bring. Per-minute
 * peaks do not say how a minute's work is packed, so the execution time the level covers is a
 * range (busySecondsLow/High, see hourEconomics); dollars are its midpoint, and the net at each end.
 */
export interface HourEconomics {
  level: number;
  costUsd: number;
  savingUsd: number;
  netUsd: number;
  netLowUsd: number;
  netHighUsd: number;
  busySecondsLow: number;
  busySecondsHigh: number;
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
  /** busyShareOfPeak: the share of per-minute peak concurrency that is execution time. */
  busyShare: number;
  priceIds: string[];
  /** The share of its warm time a unit must spend executing to pay for itself (u*). */
  breakEvenUtilisation: number;
}

/**
 * Why a region's prices cannot judge provisioned concurrency, or null: its on-demand duration price
 * is its own (not the catalogue's every-region figure) while the provisioned prices are assumed
 * from another region. The break-even is a ratio of the two (af-south-1: 0.0000041667 /
 * (0.0000221 − 0.0000097222) = 0.34 against 0.60), so mixing regions moves the decision itself,
 * not only its dollars; where both are the every-region figures the ratio holds.
 */
function mixedRegionPrices(profile: FunctionProfile, ctx: AnalysisContext): string | null {
  const arch = profile.architecture;
  const provisioned = [lambdaMeters.pcAllocated(arch), lambdaMeters.pcDuration(arch)];
  if (
    !ctx.pricing.hasOwnRegionalPrice(lambdaMeters.duration(arch), ctx.at, profile.region) ||
    ctx.pricing.regionalAssumptions(provisioned, ctx.at, profile.region).length === 0
  )
    return null;
  return `No sourced provisioned-concurrency price for ${profile.region}: against its own on-demand price, us-east-1's would misplace the break-even.`;
}

function lambdaWarmPrices(
  profile: FunctionProfile,
  prices: LambdaUnitPrices,
  initBilled: boolean,
  busyShare: number,
): WarmCapacityPrices {
  const memoryGb = (profile.memoryMb ?? 0) / 1024;
  return {
    warmUnitHourUsd: memoryGb * 3600 * prices.pcAllocatedUsdPerGbSecond,
    savedPerCoveredSecondUsd:
      memoryGb * (prices.onDemandUsdPerGbSecond - prices.pcDurationUsdPerGbSecond),
    savedPerInitMsUsd: initBilled ? (memoryGb / 1000) * prices.onDemandUsdPerGbSecond : 0,
    idleOnlyCost: false,
    busyShare,
    priceIds: prices.priceIds,
    // A share of execution time, as the utilisation it is compared with (hourEconomics).
    breakEvenUtilisation: provisionedConcurrencyBreakEvenUtilisation(prices),
  };
}

function podWarmPrices(
  podHourUsd: number,
  priceIds: string[],
  busyShare: number,
): WarmCapacityPrices {
  return {
    warmUnitHourUsd: podHourUsd,
    savedPerCoveredSecondUsd: 0,
    savedPerInitMsUsd: 0,
    idleOnlyCost: true,
    busyShare,
    priceIds,
    // A pod kept warm only costs while idle, so any use lowers its cost; dollars never break even.
    breakEvenUtilisation: Number.POSITIVE_INFINITY,
  };
}

/**
 * The share of the per-minute peak concurrency that instances spend executing: the window's
 * execution time per minute over its mean per-minute peak. Warm capacity saves, and sits idle, by
 * execution time: a minute whose 60 requests of 1 s start together peaks at 60 yet holds 60 s of
 * work, not 3,600. About 1 where the profile is each minute's average (aggregate-only data); 0
 * without execution time (nothing is then saved).
 */
export function busyShareOfPeak(
  stats: FunctionWindowStats,
  concurrency: ConcurrencyProfile,
): number {
  const windowMinutes = (stats.windowEndMs - stats.windowStartMs) / 60_000;
  const profileMinutes = concurrency.weeksCovered * 7 * 24 * 60;
  let peakMinutes = 0;
  for (const h of concurrency.hours) peakMinutes += h.concurrencyMinutes;
  if (!(windowMinutes > 0) || !(profileMinutes > 0) || !(peakMinutes > 0)) return 0;
  const busyPerMinute = Math.max(0, stats.durationSumMs) / 60_000 / windowMinutes;
  return Math.min(1, busyPerMinute / (peakMinutes / profileMinutes));
}

function coveredMinutes(hour: HourOfWeekConcurrency, levels: number[], level: number): number {
  if (level <= 0) return 0;
  const i = levels.indexOf(level);
  return i >= 0 ? (hour.coveredMinutesByLevel[i] ?? 0) : 0;
}

/**
 * Economics of `level` in one hour of week, scaled to one 60-minute occurrence, in dollars only.
 * Cold starts removed are approximated by the share of concurrency the level covers; the
 * latency they cost is kept apart (latencyAvoidedMs), never mixed into dollars.
 *
 * Warm capacity saves, and sits idle, by the execution time it covers, ∫min(c(t), L)dt, which
 * per-minute peaks p and busy seconds b only bound: from L·b/p (each minute's work run at its
 * peak at once, the rest of the minute idle) to min(b, 60·L) (spread evenly over the minute). A
 * steady function is near the upper end (61 s runs started every 60 s peak at 2 yet keep one
 * instance busy all the time), a bursty one near the lower. Over the hour: the lower end with the
 * window's busy share of the peaks, the upper min(busy, 60·Σ min(p, L)).
 */
export function hourEconomics(
  hour: HourOfWeekConcurrency,
  levels: number[],
  level: number,
  prices: WarmCapacityPrices,
): HourEconomics {
  const scale = hour.minutesObserved > 0 ? 60 / hour.minutesObserved : 0;
  const covered = coveredMinutes(hour, levels, level) * scale;
  const concurrency = hour.concurrencyMinutes * scale;
  const coveredShare = concurrency > 0 ? covered / concurrency : 0;
  const coldStartsRemoved = hour.coldStarts * scale * coveredShare;
  const latencyAvoidedMs =
    coldStartsRemoved * (meanInitMs(hour.onDemandInitMs, hour.timedColdStarts) ?? 0);
  // What runs on the warm capacity is execution time, not the minutes' peaks.
  const busySecondsLow = covered * 60 * prices.busyShare;
  const busySecondsHigh = Math.max(
    busySecondsLow,
    Math.min(concurrency * 60 * prices.busyShare, covered * 60),
  );
  const at = (busySeconds: number) => {
    const idleUnitHours = prices.idleOnlyCost ? Math.max(0, level - busySeconds / 3600) : level;
    const costUsd = idleUnitHours * prices.warmUnitHourUsd;
    const savingUsd =
      busySeconds * prices.savedPerCoveredSecondUsd + latencyAvoidedMs * prices.savedPerInitMsUsd;
    return { costUsd, savingUsd, netUsd: savingUsd - costUsd };
  };
  const low = at(busySecondsLow);
  const high = at(busySecondsHigh);
  return {
    level,
    costUsd: (low.costUsd + high.costUsd) / 2,
    savingUsd: (low.savingUsd + high.savingUsd) / 2,
    netUsd: (low.netUsd + high.netUsd) / 2,
    netLowUsd: low.netUsd,
    netHighUsd: high.netUsd,
    busySecondsLow,
    busySecondsHigh,
    coldStartsRemoved,
    latencyAvoidedMs,
    coveredConcurrencySeconds: covered * 60,
  };
}

interface Plan {
  /** Weekly totals, dollars only: the midpoint, and each end of the packing (hourEconomics). */
  netUsd: number;
  netLowUsd: number;
  netHighUsd: number;
  busySecondsLow: number;
  busySecondsHigh: number;
  costUsd: number;
  coldStartsRemoved: number;
  latencyAvoidedMs: number;
  coveredConcurrencySeconds: number;
  /** Level per hour of week (168 entries). */
  levels: number[];
}

const hourIndexes = new WeakMap<
  readonly HourOfWeekConcurrency[],
  (HourOfWeekConcurrency | undefined)[]
>();

/** Hours by hour of week, built once per hours array (plans are evaluated per level). */
function indexByHour(
  hours: readonly HourOfWeekConcurrency[],
): (HourOfWeekConcurrency | undefined)[] {
  let index = hourIndexes.get(hours);
  if (!index) {
    index = new Array<HourOfWeekConcurrency | undefined>(168);
    for (const h of hours) if (h.hourOfWeek >= 0 && h.hourOfWeek < 168) index[h.hourOfWeek] = h;
    hourIndexes.set(hours, index);
  }
  return index;
}

/** Dollars (the midpoint, or one end of the packing) plus, when the user priced a second of waiting, the latency avoided. */
function valueOf(
  plan: Plan,
  latencyUsdPerSecond: number,
  net: 'netUsd' | 'netLowUsd' | 'netHighUsd' = 'netUsd',
): number {
  return plan[net] + (plan.latencyAvoidedMs / 1000) * latencyUsdPerSecond;
}

/** A plan with a level per hour of week; hours without data are idle (warm capacity is pure cost). */
function planWithLevels(
  hours: readonly HourOfWeekConcurrency[],
  levels: number[],
  levelAt: (hourOfWeek: number) => number,
  prices: WarmCapacityPrices,
): Plan {
  const plan: Plan = {
    netUsd: 0,
    netLowUsd: 0,
    netHighUsd: 0,
    busySecondsLow: 0,
    busySecondsHigh: 0,
    costUsd: 0,
    coldStartsRemoved: 0,
    latencyAvoidedMs: 0,
    coveredConcurrencySeconds: 0,
    levels: new Array<number>(168).fill(0),
  };
  const byHour = indexByHour(hours);
  for (let hourOfWeek = 0; hourOfWeek < 168; hourOfWeek++) {
    const level = levelAt(hourOfWeek);
    const hour = byHour[hourOfWeek];
    const e =
      hour && hour.minutesObserved > 0
        ? hourEconomics(hour, levels, level, prices)
        : {
            costUsd: level * prices.warmUnitHourUsd,
            netUsd: -level * prices.warmUnitHourUsd,
            netLowUsd: -level * prices.warmUnitHourUsd,
            netHighUsd: -level * prices.warmUnitHourUsd,
            busySecondsLow: 0,
            busySecondsHigh: 0,
            coldStartsRemoved: 0,
            latencyAvoidedMs: 0,
            coveredConcurrencySeconds: 0,
          };
    plan.netUsd += e.netUsd;
    plan.netLowUsd += e.netLowUsd;
    plan.netHighUsd += e.netHighUsd;
    plan.busySecondsLow += e.busySecondsLow;
    plan.busySecondsHigh += e.busySecondsHigh;
    plan.costUsd += e.costUsd;
    plan.coldStartsRemoved += e.coldStartsRemoved;
    plan.latencyAvoidedMs += e.latencyAvoidedMs;
    plan.coveredConcurrencySeconds += e.coveredConcurrencySeconds;
    plan.levels[hourOfWeek] = level;
  }
  return plan;
}

/** Weekday (Mon–Fri) or weekend, and the UTC hour of day: the slots a readable schedule has. */
function slotOf(hourOfWeek: number): number {
  const day = Math.floor(hourOfWeek / 24);
  return (day >= 5 ? 24 : 0) + (hourOfWeek % 24);
}

function addHours(
  a: HourOfWeekConcurrency,
  b: HourOfWeekConcurrency,
  sign: 1 | -1,
): HourOfWeekConcurrency {
  return {
    hourOfWeek: a.hourOfWeek,
    minutesObserved: Math.max(0, a.minutesObserved + sign * b.minutesObserved),
    concurrencyMinutes: Math.max(0, a.concurrencyMinutes + sign * b.concurrencyMinutes),
    coveredMinutesByLevel: a.coveredMinutesByLevel.map((v, i) =>
      Math.max(0, v + sign * (b.coveredMinutesByLevel[i] ?? 0)),
    ),
    coldStarts: Math.max(0, a.coldStarts + sign * b.coldStarts),
    onDemandInitMs: Math.max(0, a.onDemandInitMs + sign * b.onDemandInitMs),
    timedColdStarts: Math.max(0, a.timedColdStarts + sign * b.timedColdStarts),
  };
}

/** The weeks before the held-out one, and the held-out week, per hour of week. */
function splitHeldOut(profile: ConcurrencyProfile): {
  fit: HourOfWeekConcurrency[];
  heldOut: HourOfWeekConcurrency[];
} {
  const fit: HourOfWeekConcurrency[] = [];
  const heldOut: HourOfWeekConcurrency[] = [];
  for (const h of profile.hours) {
    if (!h.heldOut) continue;
    const held = { ...h.heldOut, hourOfWeek: h.hourOfWeek };
    heldOut.push(held);
    fit.push(addHours(h, held, -1));
  }
  return { fit, heldOut };
}

/** Best level per weekday/weekend hour of day, fitted on `hours` (pooled per slot). */
function fitSchedule(
  hours: readonly HourOfWeekConcurrency[],
  levels: number[],
  prices: WarmCapacityPrices,
  latencyUsdPerSecond: number,
): number[] {
  const pooled = new Map<number, HourOfWeekConcurrency>();
  for (const h of hours) {
    const slot = slotOf(h.hourOfWeek);
    const before = pooled.get(slot);
    pooled.set(slot, before ? addHours(before, h, 1) : { ...h });
  }
  const bySlot = new Array<number>(48).fill(0);
  for (const [slot, hour] of pooled) {
    if (hour.minutesObserved <= 0) continue;
    let best = { level: 0, value: 0 };
    for (const level of levels) {
      const e = hourEconomics(hour, levels, level, prices);
      const value = e.netUsd + (e.latencyAvoidedMs / 1000) * latencyUsdPerSecond;
      if (value > best.value) best = { level, value };
    }
    bySlot[slot] = best.level;
  }
  return bySlot;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CRON_DAY_NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const WEEK_HOURS = 7 * 24;
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Runs of consecutive days (0 = Monday) in `days`, ascending. */
function dayRuns(days: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs;
}

/** "Mon–Fri", "Sat–Sun", "Mon, Wed–Fri". */
function daysText(days: readonly number[]): string {
  return dayRuns(days)
    .map((r) => (r.length === 1 ? DAY_NAMES[r[0]] : `${DAY_NAMES[r[0]]}–${DAY_NAMES[r.at(-1)!]}`))
    .join(', ');
}

/**
 * The day-of-week field of an Application Auto Scaling cron: "MON-FRI", "SAT,SUN". A range only
 * within MON…SAT: AWS numbers the days SUN=1…SAT=7, so a range through Sunday would wrap.
 */
function cronDays(days: readonly number[]): string {
  return dayRuns(days)
    .flatMap((r) =>
      r.length >= 3 && r.at(-1)! <= 5
        ? [`${CRON_DAY_NAMES[r[0]]}-${CRON_DAY_NAMES[r.at(-1)!]}`]
        : r.map((d) => CRON_DAY_NAMES[d]),
    )
    .join(',');
}

/**
 * A schedule as people read it ("Mon–Fri 08:00–18:00 UTC: 20, otherwise 0") and as Application
 * Auto Scaling scheduled actions (cron in UTC), from the level of each hour of a weekday (slots
 * 0–23) and of a weekend day (24–47).
 *
 * The week is read as 168 hours in a ring, so a level that runs on past midnight or through the
 * weekend is one window: Friday 16:00 to Monday 00:00 is ended on Monday, not by an end action on
 * Friday's own days that first fires on Monday and leaves the weekend at the level unpriced, and a
 * window never ends at the instant another starts. Each window starts with its level; it ends with
 * `otherwise` only where `otherwise` follows (endCron), since the window that follows directly
 * sets its own level then, and two actions at one instant run in no defined order.
 */
export function readableSchedule(bySlot: readonly number[]): {
  readable: string;
  otherwise: number;
  entries: ScheduledLevel[];
} {
  const counts = new Map<number, number>();
  bySlot.forEach((l, slot) => counts.set(l, (counts.get(l) ?? 0) + (slot < 24 ? 5 : 2)));
  const otherwise = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const levelAt = (hour: number) => {
    const h = ((hour % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS;
    return bySlot[(Math.floor(h / 24) >= 5 ? 24 : 0) + (h % 24)];
  };
  // Start the ring at a change of level; a week at one level has no window.
  const first = Array.from({ length: WEEK_HOURS }, (_, h) => h).find(
    (h) => levelAt(h) !== levelAt(h - 1),
  );
  const windows = new Map<
    string,
    { startHour: number; hours: number; level: number; endsAtOtherwise: boolean; days: number[] }
  >();
  for (let h = first ?? WEEK_HOURS; h < (first ?? 0) + WEEK_HOURS;) {
    const level = levelAt(h);
    let hours = 1;
    while (hours < WEEK_HOURS && levelAt(h + hours) === level) hours++;
    if (level !== otherwise) {
      const start = h % WEEK_HOURS;
      const endsAtOtherwise = levelAt(h + hours) === otherwise;
      // The same window on several days is one rule: one start and one end action each.
      const key = `${start % 24}/${hours}/${level}/${endsAtOtherwise}`;
      const window = windows.get(key) ?? {
        startHour: start % 24,
        hours,
        level,
        endsAtOtherwise,
        days: [],
      };
      window.days.push(Math.floor(start / 24));
      windows.set(key, window);
    }
    h += hours;
  }
  const entries = [...windows.values()]
    .map((w) => ({ ...w, days: [...w.days].sort((a, b) => a - b) }))
    .sort((a, b) => a.days[0] * 24 + a.startHour - (b.days[0] * 24 + b.startHour))
    .map((w): ScheduledLevel => {
      const endAt = w.startHour + w.hours;
      const dayOffset = Math.floor(endAt / 24);
      const endHour = endAt % 24;
      const until =
        endAt <= 24
          ? hh(endAt)
          : dayOffset === 1
            ? `${hh(endHour)} the next day`
            : w.days.length === 1
              ? `${DAY_NAMES[(w.days[0] + dayOffset) % 7]} ${hh(endHour)}`
              : `${hh(endHour)} ${dayOffset} days later`;
      return {
        text: `${daysText(w.days)} ${hh(w.startHour)}–${until} UTC: ${w.level}`,
        level: w.level,
        startCron: `cron(0 ${w.startHour} ? * ${cronDays(w.days)} *)`,
        endCron: w.endsAtOtherwise
          ? `cron(0 ${endHour} ? * ${cronDays(w.days.map((d) => (d + dayOffset) % 7).sort((a, b) => a - b))} *)`
          : null,
      };
    });
  const readable =
    entries.length > 0
      ? `${entries.map((e) => e.text).join('; ')}, otherwise ${otherwise}`
      : `always ${otherwise}`;
  return { readable, otherwise, entries };
}

/**
 * The share of its warm time a plan's capacity would execute, at each end of the packing
 * (hourEconomics), and the share of it the per-minute peaks fill; null without warm capacity.
 */
function utilisation(plan: Plan): { low: number; high: number; ofPeaks: number } | null {
  const warmSeconds = plan.levels.reduce((s, l) => s + l * 3600, 0);
  if (!(warmSeconds > 0)) return null;
  return {
    low: plan.busySecondsLow / warmSeconds,
    high: plan.busySecondsHigh / warmSeconds,
    ofPeaks: plan.coveredConcurrencySeconds / warmSeconds,
  };
}

/** "51–100 %", or one figure when both ends round alike. */
function percentRange(low: number, high: number): string {
  const [a, b] = [Math.round(low * 100), Math.round(high * 100)];
  return a === b ? `${a} %` : `${a}–${b} %`;
}

/**
 * AWS: "SnapStart does not support provisioned concurrency" (docs.aws.amazon.com/lambda/latest/dg/
 * snapstart.html, "Supported features and limitations"), so a SnapStart version cannot buy it.
 * The inventory's flag says so before any restore is counted (SnapStart turned on lately, or a
 * window of on-demand cold starts only): null when it is off or unknown.
 */
function snapStartConfigured(profile: FunctionProfile): string | null {
  if (!profile.snapStart) return null;
  return `SnapStart is on (ApplyOn ${profile.snapStart}, from the inventory): Lambda does not support provisioned concurrency on a SnapStart version, though no restore was counted in the window.`;
}

/**
 * Why provisioned concurrency cannot be priced for a Lambda function whose cold starts include
 * SnapStart restores (snapStartConfigured()), or null when none were counted. A function with
 * restores and on-demand cold starts (some versions with SnapStart, some without) could be judged
 * on the on-demand ones alone, but the concurrency profile is summed over versions: its covered
 * minutes cannot be split.
 */
function snapStartShortfall(stats: FunctionWindowStats): string | null {
  const restores = stats.restores ?? 0;
  if (!(restores > 0)) return null;
  const counted = `${restores} of ${stats.coldStarts} cold starts in the window were SnapStart restores`;
  if (restores >= stats.coldStarts)
    return `${counted}: Lambda does not support provisioned concurrency on a SnapStart version.`;
  return `${counted}: Lambda does not support provisioned concurrency on a SnapStart version, and the on-demand versions' concurrency is not measured apart from it, so their cold starts cannot be priced alone.`;
}

/**
 * Provisioned concurrency on Lambda, min-scale on Knative, com.openfaas.scale.min on OpenFaaS:
 * the level, or a weekday/weekend schedule, that saves the most dollars against what is
 * configured now. Dollars and latency are reported apart; a schedule needs two weeks and must
 * win on a week it was not fitted to.
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
    const whyNot = (code: WhyNotCode, detail: string): Recommendation[] => {
      ctx.explain?.({ functionId: profile.functionId, kind: this.kind, code, detail });
      return [];
    };
    const isLambda = profile.platform === 'aws_lambda';
    const snapStart = isLambda ? (snapStartShortfall(stats) ?? snapStartConfigured(profile)) : null;
    if (snapStart) return whyNot('not-applicable', snapStart);
    if (!concurrency || concurrency.hours.length === 0)
      return whyNot('insufficient-evidence', 'No per-minute concurrency in the window.');
    const busyShare = busyShareOfPeak(stats, concurrency);
    if (!(busyShare > 0))
      return whyNot('insufficient-evidence', 'No execution time in the window.');
    const prices = this.warmPrices(profile, ctx, busyShare);
    if ('code' in prices) return whyNot(prices.code, prices.detail);
    if (!Number.isFinite(prices.warmUnitHourUsd) || !(prices.warmUnitHourUsd > 0))
      return whyNot('not-applicable', 'No price for warm capacity here.');
    const currentLevel = (isLambda ? profile.provisionedConcurrency : profile.minScale) ?? 0;
    const levels = concurrency.levels;
    // Savings are against what is configured: its coverage must have been measured.
    if (currentLevel > 0 && !levels.includes(currentLevel))
      return whyNot(
        'insufficient-evidence',
        `The configured level ${currentLevel} was not among the measured levels.`,
      );
    const latency = this.options.latencyValueUsdPerSecond;
    // Configured capacity costs whether invoked or not: below 50 invocations lowering it is still
    // advised, on the same 14 days of data (two days of 20 invocations said "set it to 0").
    const shortfall =
      currentLevel === 0
        ? evidenceShortfall(stats, this.options.evidence)
        : coverageShortfall(stats, this.options.evidence);
    if (shortfall) return whyNot('insufficient-evidence', shortfall);
    // Nothing calls it any more, yet every configured unit bills each hour: all of it is saved.
    const ended = currentLevel > 0 ? endedTraffic(stats) : null;
    if (ended) {
      const monthlyUsd = currentLevel * prices.warmUnitHourUsd * HOURS_PER_MONTH;
      const short = savingShortfall(
        { lowUsd: monthlyUsd, highUsd: monthlyUsd },
        monthlyUsd,
        this.options.evidence,
      );
      if (short) return whyNot(short.code, short.detail);
      return [
        this.stoppedWithCapacity(profile, stats, currentLevel, monthlyUsd, prices, ended, ctx),
      ];
    }
    const current = planWithLevels(concurrency.hours, levels, () => currentLevel, prices);

    // Levels above the first that covers every minute only add cost: not worth pricing.
    const saturated = levels.findIndex((_, i) =>
      concurrency.hours.every(
        (h) => (h.coveredMinutesByLevel[i] ?? 0) >= h.concurrencyMinutes - 1e-9,
      ),
    );
    const candidates = saturated >= 0 ? levels.slice(0, saturated + 1) : levels;
    const constants = [0, ...candidates].map((level) =>
      planWithLevels(concurrency.hours, levels, () => level, prices),
    );
    const bestConstant = constants.reduce((a, b) =>
      valueOf(b, latency) > valueOf(a, latency) ? b : a,
    );
    const schedule = this.heldOutSchedule(concurrency, prices, bestConstant);
    const chosen = schedule?.plan ?? bestConstant;
    const chosenLevel = Math.max(...chosen.levels);
    const gain = (chosen.netUsd - current.netUsd) * WEEKS_PER_MONTH;
    const combinedGain = (valueOf(chosen, latency) - valueOf(current, latency)) * WEEKS_PER_MONTH;

    // A rate no source reported (null) gives no reason to price a warm pod.
    const coldStartRate =
      rateOfColdStarts(stats.coldStarts, stats.invocations, stats.unknownStarts ?? 0) ?? 0;
    const worthPricing =
      !isLambda && coldStartRate > this.options.coldStartRateWorthPricing && currentLevel === 0;
    const unchanged = !schedule && chosenLevel === currentLevel;
    if (unchanged || !((latency > 0 ? combinedGain : gain) > 0)) {
      if (worthPricing)
        return [this.pricedWarmPod(profile, stats, concurrency, prices, ctx, coldStartRate)];
      return whyNot(
        'already-right',
        `Level ${currentLevel} is the best for this traffic at these prices.`,
      );
    }
    // Range: the gain over the whole window and, with two weeks or more, over the weeks before
    // the last and over the last alone (how much it moved from week to week), each at both ends
    // of the packing (hourEconomics: the per-minute peaks cannot tell where the truth lies
    // between); in dollars, and with the waiting valued. gains are the midpoints, one per window.
    const gains = [gain];
    const ends: number[] = [];
    const combinedEnds: number[] = [];
    const addEnds = (after: Plan, before: Plan) => {
      for (const net of ['netLowUsd', 'netHighUsd'] as const) {
        ends.push((after[net] - before[net]) * WEEKS_PER_MONTH);
        combinedEnds.push(
          (valueOf(after, latency, net) - valueOf(before, latency, net)) * WEEKS_PER_MONTH,
        );
      }
    };
    addEnds(chosen, current);
    const packing = ends.slice();
    const { fit, heldOut } = splitHeldOut(concurrency);
    if (concurrency.weeksCovered >= 2 && fit.length > 0 && heldOut.length > 0) {
      const levelAt = (how: number) => chosen.levels[how] ?? 0;
      for (const hours of [fit, heldOut]) {
        const after = planWithLevels(hours, levels, levelAt, prices);
        const before = planWithLevels(hours, levels, () => currentLevel, prices);
        gains.push((after.netUsd - before.netUsd) * WEEKS_PER_MONTH);
        addEnds(after, before);
      }
    }
    const saving: SavingRange = { lowUsd: Math.min(...ends), highUsd: Math.max(...ends) };
    // The sign is the midpoint's (savesMoney), as monthlyImpactUsd: the whole window can gain
    // while the midpoint of its weeks costs more.
    const saves = savesMoney(midpoint(saving));
    if (latency > 0 && !saves) {
      // Costlier in dollars, so advised only for the waiting it removes: that must pay for it on
      // the same midpoint of its weeks, else what runs now is the better trade.
      const combined: SavingRange = {
        lowUsd: Math.min(...combinedEnds),
        highUsd: Math.max(...combinedEnds),
      };
      const short = savingShortfall(
        combined,
        Math.max(current.costUsd * WEEKS_PER_MONTH, 1e-9),
        this.options.evidence,
      );
      if (short?.code === 'already-right')
        return whyNot(
          short.code,
          `${short.detail.replace(/\.$/, '')}, counting the waiting it removes at ${latency} $/s; in dollars alone it would cost ${extraCostText(saving)}.`,
        );
    }
    if (latency === 0 || saves) {
      // The window can gain while the midpoint of its weeks costs more (a last week that loses
      // more than the weeks before gained): that is no saving below materiality but a cost. From
      // level 0 a saving is held to the dollar floor alone: nothing warm costs anything to take a
      // share of. From a configured level, also to its share of what that level costs (a saving
      // with the waiting valued was held to nothing).
      const short = savingShortfall(
        saving,
        Math.max(current.costUsd * WEEKS_PER_MONTH, 1e-9),
        this.options.evidence,
      );
      if (
        short &&
        (short.code === 'already-right' ||
          currentLevel > 0 ||
          midpoint(saving) < this.options.evidence.minSavingUsdPerMonth)
      )
        return whyNot(short.code, short.detail);
    }

    const u = utilisation(chosen);
    // Cold starts the configured level absorbs: the on-demand cold-start rate per uncovered
    // concurrency-second, applied to the seconds the level covers.
    const concurrencySecondsPerWeek = concurrency.hours.reduce(
      (sum, h) =>
        sum + (h.minutesObserved > 0 ? (h.concurrencyMinutes * 3600) / h.minutesObserved : 0),
      0,
    );
    const uncoveredPerWeek = concurrencySecondsPerWeek - current.coveredConcurrencySeconds;
    const coldStartsPerWeek = stats.coldStarts / Math.max(concurrency.weeksCovered, 1e-9);
    const absorbedPerMonth =
      currentLevel > 0 && uncoveredPerWeek > 0
        ? (coldStartsPerWeek / uncoveredPerWeek) *
          current.coveredConcurrencySeconds *
          WEEKS_PER_MONTH
        : 0;
    const coldStartsDelta =
      (chosen.coldStartsRemoved - current.coldStartsRemoved) * WEEKS_PER_MONTH +
      (chosenLevel < currentLevel ? -absorbedPerMonth * (1 - chosenLevel / currentLevel) : 0);
    const waitSecondsDelta =
      ((chosen.latencyAvoidedMs - current.latencyAvoidedMs) / 1000) * WEEKS_PER_MONTH;
    const setting = isLambda ? 'provisionedConcurrency' : 'minScale';
    const latencyText =
      Math.round(coldStartsDelta) === 0
        ? // A steady function that rarely starts cold: the level is bought for its price alone.
          'changes next to nothing in cold starts'
        : coldStartsDelta > 0
          ? `removes about ${Math.round(coldStartsDelta)} cold starts (${Math.round(waitSecondsDelta)} s of waiting) a month`
          : `adds about ${Math.round(-coldStartsDelta)} cold starts a month that level ${currentLevel} absorbs now`;
    // A saving states its range (monthlyImpactUsd is its midpoint). A change that costs more on
    // the midpoint is a trade-off for the waiting it removes: what it costs, what it buys and at
    // what value, before the rest, which then names no dollars (with waiting valued at $0 it was
    // turned down above).
    const tradeOff = saves
      ? ''
      : `A trade-off: costs ${extraCostText(saving)} against level ${currentLevel} ${
          coldStartsDelta >= 0
            ? `for about ${Math.round(coldStartsDelta)} fewer cold starts (${Math.round(waitSecondsDelta)} s of waiting) a month`
            : `and ${latencyText}`
        }, waiting valued at ${latency} $/s. `;
    const effect = saves
      ? `saves ${savingRangeText(saving)} against level ${currentLevel} and ${latencyText}`
      : '';
    const breakEven = `${Math.round(prices.breakEvenUtilisation * 100)} %`;
    const uLow = u?.low ?? 0;
    const uHigh = u?.high ?? 0;
    const packed =
      Math.round(uLow * 100) === Math.round(uHigh * 100)
        ? ''
        : ` (the low end if each minute's work ran at its peak concurrency at once, the high end if spread evenly over the minute: per-minute peaks cannot tell)`;
    const position =
      uLow >= prices.breakEvenUtilisation
        ? `above the ${breakEven} break-even${saves || gains.length < 2 ? '' : ' over the window as a whole, not in every week'}`
        : uHigh < prices.breakEvenUtilisation
          ? `below the ${breakEven} break-even`
          : `a range that spans the ${breakEven} break-even`;
    const reason =
      tradeOff +
      (schedule
        ? `Traffic repeats by weekday and hour (fitted on ${Math.floor(concurrency.weeksCovered - 1)} week(s), confirmed on the last week): ${schedule.readable.readable}${effect ? ` ${effect}` : ''}.`
        : isLambda && chosenLevel > 0
          ? `At level ${chosenLevel} the provisioned instances would be executing ${percentRange(uLow, uHigh)} of the time${packed}, ${position}${effect ? `: it ${effect}` : ''}.`
          : `Level ${chosenLevel} instead of ${currentLevel}${effect ? ` ${effect}` : ''}.`);
    // Weeks covered and invocations, weighed by how far the gain repeats from week to week (the
    // weeks before the last against the last) and by how far the packing of each minute's work
    // moves it: a gain one week does not repeat, or the data cannot pin down, is less sure.
    const weeksAgree = consistency(relativeHalfRange(gains));
    const packingAgree = consistency(relativeHalfRange(packing));
    const support =
      (Math.min(1, concurrency.weeksCovered / 2) * 0.5 +
        0.45 * sampleSupport(stats.invocations, 10_000)) *
      weeksAgree *
      packingAgree;

    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: midpoint(saving) > 100 ? 'warning' : 'info',
        title: schedule
          ? `Schedule ${setting}: ${schedule.readable.readable}`
          : `Set ${setting} to ${chosenLevel}`,
        reason,
        current: { [setting]: currentLevel, monthlyNetUsd: current.netUsd * WEEKS_PER_MONTH },
        recommended: schedule
          ? {
              [setting]: chosenLevel,
              schedule: schedule.readable.entries.map(({ text, level }) => ({ text, level })),
              otherwise: schedule.readable.otherwise,
              timeZone: 'UTC',
            }
          : { [setting]: chosenLevel },
        monthlyImpactUsd: midpoint(saving),
        ...confidenceOf(support),
        evidence: {
          // Share of the warm time executing: the midpoint, and the range the packing spans.
          utilisation: u ? (u.low + u.high) / 2 : null,
          utilisationRange: u ? { low: u.low, high: u.high } : null,
          peakConcurrencyUtilisation: u?.ofPeaks ?? null,
          breakEvenUtilisation: isLambda ? prices.breakEvenUtilisation : null,
          busyShareOfPeakConcurrency: prices.busyShare,
          monthlyWarmCostUsd: chosen.costUsd * WEEKS_PER_MONTH,
          coldStartsChangePerMonth: coldStartsDelta,
          waitingSecondsRemovedPerMonth: waitSecondsDelta,
          coldStartsAbsorbedByCurrentPerMonth: absorbedPerMonth,
          p95Concurrency: concurrency.p95Concurrency,
          weeksCovered: concurrency.weeksCovered,
          // Monthly gain over the whole window, the weeks before the last and the last alone.
          gainByWindowUsdPerMonth: gains,
          weeksAgreement: weeksAgree,
          // Monthly gain with each minute's work at its peak at once, and spread evenly.
          gainByPackingUsdPerMonth: packing,
          packingAgreement: packingAgree,
          constantLevelNetUsdPerMonth: bestConstant.netUsd * WEEKS_PER_MONTH,
          latencyValueUsdPerSecond: latency,
          ...(latency > 0 ? { combinedValueUsdPerMonth: combinedGain } : {}),
          priceIds: prices.priceIds,
        },
        catalogueVersion: ctx.pricing.catalogueVersion,
        savingUsd: saving,
        basis: basisOf(stats, 'per-minute peak concurrency, cold starts and init durations'),
        action: warmCapacityAction(profile, chosenLevel, schedule?.readable),
        planRole: 'change',
      },
    ];
  }

  /**
   * A weekday/weekend schedule fitted on every week but the last and judged on the last: used
   * only with two weeks of data and when it beats the best constant level on the held-out week.
   */
  private heldOutSchedule(
    concurrency: ConcurrencyProfile,
    prices: WarmCapacityPrices,
    bestConstant: Plan,
  ): { plan: Plan; readable: ReturnType<typeof readableSchedule> } | null {
    if (concurrency.weeksCovered < 2) return null;
    const { fit, heldOut } = splitHeldOut(concurrency);
    if (fit.length === 0 || heldOut.length === 0) return null;
    const latency = this.options.latencyValueUsdPerSecond;
    const bySlot = fitSchedule(fit, concurrency.levels, prices, latency);
    if (new Set(bySlot).size < 2) return null;
    const levelAt = (how: number) => bySlot[slotOf(how)];
    const constantLevel = Math.max(...bestConstant.levels);
    const onHeldOut = planWithLevels(heldOut, concurrency.levels, levelAt, prices);
    const constantOnHeldOut = planWithLevels(
      heldOut,
      concurrency.levels,
      () => constantLevel,
      prices,
    );
    const advantage = valueOf(onHeldOut, latency) - valueOf(constantOnHeldOut, latency);
    if (
      !(
        advantage >
        Math.abs(valueOf(constantOnHeldOut, latency)) * this.options.scheduleAdvantage
      ) ||
      !(advantage > 0)
    )
      return null;
    const plan = planWithLevels(concurrency.hours, concurrency.levels, levelAt, prices);
    return { plan, readable: readableSchedule(bySlot) };
  }

  private warmPrices(
    profile: FunctionProfile,
    ctx: AnalysisContext,
    busyShare: number,
  ): WarmCapacityPrices | { code: WhyNotCode; detail: string } {
    switch (profile.platform) {
      case 'aws_lambda': {
        if (profile.memoryMb === null)
          return { code: 'insufficient-evidence', detail: 'The memory size is unknown.' };
        const mixed = mixedRegionPrices(profile, ctx);
        if (mixed) return { code: 'insufficient-evidence', detail: mixed };
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
        return lambdaWarmPrices(profile, prices, initBilled, busyShare);
      }
      case 'knative':
      case 'openfaas': {
        if (!profile.podCpu || !profile.podMemoryMb)
          return {
            code: 'insufficient-evidence',
            detail: "The pod's CPU and memory requests are unknown: no price for a warm pod.",
          };
        const pod = ctx.pricing.kubernetesPodHour(
          { vcpu: profile.podCpu, memoryMb: profile.podMemoryMb },
          ctx.at,
          profile.region,
        );
        return podWarmPrices(pod.usd, pod.priceIds, busyShare);
      }
      case 'gcp_cloud_functions':
      case 'gcp_cloud_run':
      case 'azure_functions':
      case 'other':
        return {
          code: 'not-applicable',
          detail:
            'Warm capacity is priced for Lambda provisioned concurrency and Knative or OpenFaaS pods; minimum or always-ready instances here are not.',
        };
    }
  }

  /**
   * Warm capacity configured on a function whose traffic ended (endedTraffic): it is billed every
   * hour whether invoked or not (research/coldstart_cost.md §4; a pod kept at min-scale holds its
   * node's CPU and memory), so removing it saves its whole allocation, the level's units for every
   * hour of a month. No latency is weighed: there are no invocations to wait.
   */
  private stoppedWithCapacity(
    profile: FunctionProfile,
    stats: FunctionWindowStats,
    currentLevel: number,
    monthlyUsd: number,
    prices: WarmCapacityPrices,
    ended: EndedTraffic,
    ctx: AnalysisContext,
  ): Recommendation {
    const isLambda = profile.platform === 'aws_lambda';
    const setting = isLambda ? 'provisionedConcurrency' : 'minScale';
    const units = isLambda
      ? `${currentLevel} provisioned-concurrency instance${currentLevel === 1 ? '' : 's'}`
      : `${currentLevel} warm pod${currentLevel === 1 ? '' : 's'}`;
    return {
      kind: this.kind,
      functionId: profile.functionId,
      severity: monthlyUsd > 100 ? 'warning' : 'info',
      title: `Set ${setting} to 0: no invocations since ${new Date(ended.lastMs).toISOString().slice(0, 10)}`,
      reason: `${ended.text}: the function looks stopped, deleted or renamed, yet its ${units} are billed every hour whether invoked or not, ${usdAmount(monthlyUsd)} a month, all of it saved at level 0 (should it be called again, it starts on demand, cold starts included).`,
      current: { [setting]: currentLevel, monthlyNetUsd: -monthlyUsd },
      recommended: { [setting]: 0 },
      monthlyImpactUsd: monthlyUsd,
      // Configured and billed are facts; that the traffic will not come back is the judgement.
      ...confidenceOf(0.7),
      evidence: {
        monthlyWarmCostUsd: monthlyUsd,
        warmUnitHourUsd: prices.warmUnitHourUsd,
        lastInvocation: new Date(ended.lastMs).toISOString(),
        idleDays: ended.idleMs / 86_400_000,
        priceIds: prices.priceIds,
      },
      catalogueVersion: ctx.pricing.catalogueVersion,
      savingUsd: { lowUsd: monthlyUsd, highUsd: monthlyUsd },
      basis: basisOf(stats, 'configured warm capacity and the last invocation'),
      action: warmCapacityAction(profile, 0),
      planRole: 'change',
    };
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
    const plan = planWithLevels(concurrency.hours, concurrency.levels, () => 1, prices);
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
