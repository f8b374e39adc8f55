import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { architectureUnknown } from '@fleetscope/analysis';
import {
  activeMinutesByDay,
  assumedProvisioned,
  dayMemoryMb,
  minScalePodFunctions,
  provisionedInHistory,
  provisionedLambdaLevels,
  rangeColdStartFigures,
  reportDailyUsage,
  priceSplits,
  reportFunction,
  segmentAt,
  settingsSplits,
  settingsInForce,
  restoresBefore,
  type SettingsTimelines,
} from '@fleetscope/analysis-jobs';
import {
  billedRequestMemoryMb,
  parseFunctionId,
  type FunctionIdentity,
  sortedHistogramPercentiles,
  type ObservedRange,
  type Percentiles,
  type SortedLogBuckets,
} from '@fleetscope/model';
import {
  POD_COST_FLOOR_NOTE,
  POD_RESOURCES_UNKNOWN,
  LambdaTierLedger,
  PricingService,
  type LambdaArchitecture,
  billedInitMs,
  type LambdaTierGrouping,
  isSnapStartCharged,
  lambdaArchitectureOf,
  lambdaMeters,
  lambdaTierIdOrder,
  lambdaRuntimeKind,
  podDaysOf,
  podResourcesOf,
  type PodDay,
  type PodResources,
} from '@fleetscope/pricing';
import {
  PC_LEVEL_UNKNOWN,
  lambdaDayOnDemandGbSeconds,
  lambdaDayOnDemandGbSecondsOf,
  monthStartMs,
  priceLambdaDay,
  type DailyUsage,
  type ReportFunction,
  type SettingsInForce,
  type SettingsSegment,
} from '@fleetscope/reports';
import {
  FunctionConfigRepository,
  FunctionSettingsRepository,
  FunctionsRepository,
  WeeklyReportsRepository,
  billedGbSecondsOf,
  billedTimeOf,
  type DayBilled,
  type FunctionBilled,
  type FunctionConfig,
  type FunctionTotals,
  type SettingsSplits,
  type SeveralSourceDays,
  type StoredDailyConcurrency,
  type StoredPodLifetime,
  type StretchBilled,
  type TimeRange,
} from '@fleetscope/storage';

/** One row of GET /api/functions (shape fixed in docs/architecture.md "Public surface"). */
export interface FunctionSummary {
  id: string;
  platform: string;
  account: string;
  name: string;
  version: string;
  region: string;
  runtime: string;
  architecture: string;
  memoryMb: number | null;
  timeoutMs: number | null;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /**
   * Over the invocations whose start is known; null when none is, or there are none
   * (coldStartRateReason).
   */
  coldStartRate: number | null;
  /**
   * Invocations no source said started cold or warm (spans without `faas.coldstart`, FaaS
   * metrics without `faas.coldstarts`).
   */
  coldStartUnknown: number;
  /** Why coldStartRate is null; null when it is not. */
  coldStartRateReason: string | null;
  durationMs: Percentiles & { max: number | null };
  initDurationMs: Percentiles;
  maxMemoryUsedMb: number | null;
  billedGbSeconds: number;
  /**
   * Over the range: Lambda, Cloud Run, Cloud Functions and Azure Functions from their requests and
   * billed time (Lambda's at the architecture and memory size in force when it ran, as the weekly
   * report prices it; a Lambda function with provisioned concurrency or SnapStart restores by the
   * report's days, lambdaDaysCost, restores before the range whose snapshot cache lasts into it
   * included); Knative and OpenFaaS from their pods' time (podsCost). Null
   * when it cannot be priced (costUsdReason).
   */
  costUsd: number | null;
  /** Why costUsd is null; null when it is not. */
  costUsdReason: string | null;
  /**
   * What costUsd is short of or assumes, in sentences; null when nothing, or costUsd is null.
   * Knative and OpenFaaS: a lower bound (POD_COST_FLOOR_NOTE). Lambda: what it counts of the range
   * otherwise than the weekly report would of whole days (partDayNote); provisioned concurrency
   * its records show at a level no setting holds, its allocation not priced and its invocations
   * priced on demand (PC_LEVEL_UNKNOWN); an architecture nothing names, priced as x86_64
   * (architectureUnknown); span time no size is configured or observed for, priced at the last
   * size its records carried (spanTimeAtRecordSize). Any platform: a price not sourced for its
   * region, and the one used.
   */
  costUsdNote: string | null;
  pricing: { catalogueVersion: string; priceIds: string[] } | null;
}

/** Platforms priced from billed time at a memory size: without one, not priced. */
const PRICED_BY_MEMORY: ReadonlySet<string> = new Set([
  'aws_lambda',
  'gcp_cloud_run',
  'gcp_cloud_functions',
  'azure_functions',
]);

const runsPods = (platform: string | undefined): boolean =>
  platform === 'knative' || platform === 'openfaas';

/** The fleet's cold starts over the functions of a range: the rate by coldStartRate()'s rule. */
export type FleetColdStarts = Pick<
  FunctionSummary,
  'invocations' | 'coldStarts' | 'coldStartUnknown' | 'coldStartRate' | 'coldStartRateReason'
>;

export function fleetColdStarts(functions: readonly FunctionSummary[]): FleetColdStarts {
  let invocations = 0;
  let coldStarts = 0;
  let unknown = 0;
  for (const f of functions) {
    invocations += f.invocations;
    coldStarts += f.coldStarts;
    unknown += f.coldStartUnknown;
  }
  return { invocations, coldStarts, ...rangeColdStartFigures(coldStarts, invocations, unknown) };
}

const round = (v: number | null, digits = 2): number | null =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** Percentiles from the log-scale sketch (clamped to what was observed), rounded. */
function percentiles(buckets: SortedLogBuckets, observed: ObservedRange): Percentiles {
  const { p50, p95, p99 } = sortedHistogramPercentiles(buckets, observed);
  return { p50: round(p50), p95: round(p95), p99: round(p99) };
}

/** Builds the fleet view from the aggregate, the inventory and the price catalogue. */
@Injectable()
export class FleetService {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly settings: FunctionSettingsRepository,
    private readonly reports: WeeklyReportsRepository,
    private readonly pricing: PricingService,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  async list(
    range: TimeRange,
    functionId?: string,
    nowMs = Date.now(),
  ): Promise<FunctionSummary[]> {
    // The whole fleet's inventory and settings history are small reads, read beside the totals;
    // 10,000 ids bound as a parameter cost more. The history up to now, as the weekly report reads
    // it: the first observation of a setting may come after the range.
    const ids = functionId ? [functionId] : undefined;
    // A restore before the range bills the snapshot cache in it (snapStartCachedDays).
    // Where each Lambda account stands in the month's duration tiers (docs/decisions.md "Lambda
    // duration tiers"): by an upper bound, most accounts cannot have left the first, and their
    // functions are priced at it; the days of those that may have are read beside the totals.
    const monthStart = monthStartMs(range.fromMs);
    const monthBefore = { fromMs: monthStart, toMs: range.fromMs };
    // The fleet's days in the range are summed in the totals' own read (totalsAndDays).
    const prefixes = this.tieredPrefixes(monthBefore, range);
    const [read, inventory, history, earlier, monthDays] = await Promise.all([
      prefixes.then((p) =>
        functionId === undefined
          ? this.functions.totalsAndDays(range, p)
          : Promise.all([
              this.functions.totals(range, functionId),
              this.functions.dailyBilled(range, p),
            ]).then(([totals, days]) => ({ totals, days })),
      ),
      this.configs.merged(ids),
      settingsInForce(this.settings, range, nowMs, ids),
      restoresBefore(this.reports, range, functionId),
      prefixes.then((p) => this.tieredDaysBefore(monthBefore, range, p, nowMs)),
    ]);
    const totals = read.totals;
    const billedDays = {
      ...monthDays,
      before: beforeTheRange(monthDays.before, read.days, range, nowMs),
      range: read.days,
    };
    // The functions of those accounts with data in the month up to the range's end.
    const tiered = [
      ...new Set([...billedDays.before, ...billedDays.range].map((r) => r.functionId)),
    ].sort();
    // One function's page reads the others of its tiers too: their days come before or after its.
    const others = functionId ? tiered.filter((id) => id !== functionId) : [];
    const [configs, timelines] =
      others.length === 0
        ? [inventory, history]
        : await Promise.all([
            this.configs.merged(others).then((c) => new Map([...c, ...inventory])),
            settingsInForce(this.settings, range, nowMs, others).then(
              (t) => new Map([...t, ...history]),
            ),
          ]);
    const kept = minScalePodFunctions(configs);
    // What has happened of the range, as the weekly report bills it: nothing allocated after now.
    const happened = {
      fromMs: range.fromMs,
      toMs: Math.max(range.fromMs, Math.min(range.toMs, nowMs)),
    };
    // Assumed provisioned concurrency is allocated all day on a day its function ran: on a day
    // the range cuts, a run outside the range's part of it counts too.
    const ranOutside = await this.ranOutsideTheRange(
      assumedProvisioned(functionId ? [functionId] : configs.keys(), configs, timelines),
      range,
      happened,
      nowMs,
    );
    const provisioned = provisionedLambdaLevels(
      [
        ...totals.map((t) => t.functionId),
        ...provisionedInHistory(timelines),
        ...tiered,
        ...[...ranOutside].map((key) => key.slice(0, key.lastIndexOf('|'))),
      ],
      configs,
      timelines,
      happened,
    );
    const splits = settingsSplits(timelines, configs);
    // Past the first duration tier, a function whose settings changed in the range is priced by
    // the report's days too; the others of its tiers by their totals, each day's duration at its
    // place in the tiers (lambdaTierPlaces).
    const byDays = new Set(provisioned.keys());
    for (const id of tiered) if ((splits.get(id)?.length ?? 0) > 0) byDays.add(id);
    const isLambda = (id: string) => reportFunction(id, configs.get(id)).platform === 'aws_lambda';
    for (const t of totals) {
      if (t.restores > 0 && isLambda(t.functionId)) byDays.add(t.functionId);
    }
    for (const r of earlier) if (isLambda(r.functionId)) byDays.add(r.functionId);
    // An on-demand bill is read per stretch only where a split changes its price: the memory size
    // in force bills durations without one and SnapStart restores (billedGbSecondsOf).
    const unknownMemory = new Set(
      totals
        .filter((t) => t.billedMsUnknownMemory > 0 || t.billedRestoreSumMs > 0)
        .map((t) => t.functionId),
    );
    const podLevels = podConcurrencyLevels(totals, configs);
    // The fleet's days with several sources, read once for the reads below, each of which binds
    // those of its own functions. Read here, beside them, not with the totals: a day that gains a
    // second source while the totals are read is then bound by these reads (one function's page
    // has each read its own).
    const shared = functionId ? undefined : this.functions.severalSourceDays(range);
    // The month's days before the range of the functions priced by their totals are placed with
    // the settings in force at the range's start: those whose settings differed then are placed
    // by the report's days there (an architecture moved, a size of span time, provisioned
    // concurrency's time apart).
    const beforeByDays = tiered.filter(
      (id) =>
        byDays.has(id) ||
        settingsDiffer(billedDays.beforeTimelines.get(id), timelines.get(id)?.[0]),
    );
    // One read each for the whole fleet: the concurrency under the pods' and the provisioned
    // levels, and the daily sums of the functions priced by the report's days.
    const [concurrency, lifetimes, stretches, stored, before] = await Promise.all([
      this.reports.dailyConcurrency(range, new Map([...podLevels, ...provisioned]), shared),
      this.reports.podLifetimes(kept),
      this.lambdaStretches(timelines, priceSplits(splits, timelines, unknownMemory), range, shared),
      byDays.size > 0
        ? this.reports.dailyUsage(range, splitsOf(splits, byDays), [...byDays], shared)
        : Promise.resolve([]),
      this.lambdaDaysBefore(beforeByDays, configs, monthBefore, billedDays.beforeTimelines),
    ]);
    const podDays = podDaysOfFleet(
      new Set([...podLevels.keys(), ...kept]),
      concurrency,
      lifetimes,
      configs,
      range,
      nowMs,
    );
    const lambdaDays = new Map<string, DailyUsage[]>();
    const days = reportDailyUsage(
      stored,
      concurrency,
      configs,
      timelines,
      happened,
      new Map(),
      earlier,
      ranOutside,
    );
    for (const day of days) {
      const list = lambdaDays.get(day.functionId) ?? [];
      list.push(day);
      lambdaDays.set(day.functionId, list);
    }
    const tieredIds = new Set(tiered);
    const beforeIds = new Set(beforeByDays);
    const tiers = lambdaTierPlaces(
      {
        days: { before, range: days.filter((d) => tieredIds.has(d.functionId)) },
        billed: {
          before: billedDays.before.filter((r) => !beforeIds.has(r.functionId)),
          range: billedDays.range.filter((r) => !byDays.has(r.functionId)),
        },
      },
      configs,
      timelines,
      this.config.pricingTierGrouping,
      this.pricing,
    );
    // Min-scale pods, provisioned concurrency and a charged snapshot cache cost in a range
    // without requests too: their functions are listed, as the weekly report lists them.
    const withData = new Set(totals.map((t) => t.functionId));
    const idle = [
      ...kept.filter((id) => podDays.get(id)?.some((d) => d.podSeconds > 0)),
      ...[...byDays].filter((id) => {
        if (functionId !== undefined && id !== functionId) return false;
        const cacheCharged = isSnapStartCharged(reportFunction(id, configs.get(id)).runtime);
        return lambdaDays
          .get(id)
          ?.some(
            (d) =>
              (d.provisioned?.enabledSeconds ?? 0) > 0 ||
              (cacheCharged && (d.snapStart?.cachedSeconds ?? 0) > 0),
          );
      }),
    ]
      .filter((id) => !withData.has(id))
      .sort()
      .map(noTotals);
    return [...totals, ...idle].map((t) => {
      const id = t.functionId;
      const config = configs.get(id);
      const days = lambdaDays.get(id);
      const fn = days && reportFunction(id, config);
      return summarise(t, config, range, this.pricing, {
        podDays: podDays.get(id),
        stretches: stretches.get(id) ?? [{ billed: t, inForce: timelines.get(id)?.[0] }],
        lambdaDays: fn && {
          fn,
          days,
          note: partDayNote(days, happened, fn.runtime, timelines.get(id), range),
          tierOffsets: tiers.offsets,
        },
        tierDurationUsd: tiers.durationUsd.get(id),
      });
    });
  }

  /**
   * The days the range cuts (it starts, or what has happened of it ends, within a UTC day) on
   * which a function of `ids` ran outside the range's part only, as `functionId|dayStartMs`: a
   * half day without invocations after a morning with some is a day the function ran
   * (reportDailyUsage's `ranOutside`). The weekly report reads whole days and needs none.
   */
  private async ranOutsideTheRange(
    ids: readonly string[],
    range: TimeRange,
    happened: TimeRange,
    nowMs: number,
  ): Promise<Set<string>> {
    const ran = new Set<string>();
    if (ids.length === 0 || !(happened.toMs > happened.fromMs)) return ran;
    const cut = new Set<number>();
    if (range.fromMs % DAY_MS !== 0) cut.add(Math.floor(range.fromMs / DAY_MS) * DAY_MS);
    if (happened.toMs % DAY_MS !== 0) cut.add(Math.floor(happened.toMs / DAY_MS) * DAY_MS);
    // Each cut day whole, up to now.
    const reads = [...cut].map((dayStartMs) =>
      this.reports.dailyUsage(
        { fromMs: dayStartMs, toMs: Math.min(dayStartMs + DAY_MS, nowMs) },
        new Map(),
        ids,
      ),
    );
    for (const r of (await Promise.all(reads)).flat()) {
      if (r.invocations > 0) ran.add(`${r.functionId}|${r.dayStartMs}`);
    }
    return ran;
  }

  /**
   * The usage of each Lambda function whose settings changed inside the range, per stretch between
   * the changes, with the settings in force over it: read and cut as the weekly report reads and
   * cuts its days (settingsSplits, WeeklyReportsRepository.dailyUsage), each stored row in the
   * stretch in force at its end.
   */
  private async lambdaStretches(
    timelines: SettingsTimelines,
    splits: SettingsSplits,
    range: TimeRange,
    shared: SeveralSourceDays | undefined,
  ): Promise<Map<string, UsageStretch[]>> {
    const stretches = new Map<string, UsageStretch[]>();
    if (splits.size === 0) return stretches;
    for (const billed of await this.functions.billedByStretch(range, splits, shared)) {
      const id = billed.functionId;
      // The stretch starts at the range's start or at a split; what is in force then.
      const startMs = billed.stretch === 0 ? range.fromMs : splits.get(id)![billed.stretch - 1];
      const list = stretches.get(id) ?? [];
      list.push({ billed, inForce: segmentAt(timelines.get(id), startMs) });
      stretches.set(id, list);
    }
    return stretches;
  }

  /**
   * The id prefixes (`aws_lambda~account~region~`) of the Lambda accounts (the Organization's,
   * grouped so) that may have billed past the first duration tier in a month of the range: of an
   * account and region whose upper bound (lambdaMonthGbSecondsAtMost) over the month up to the
   * range's end reaches the first tier's end. None for most fleets, whose pricing is then unchanged.
   */
  private async tieredPrefixes(monthBefore: TimeRange, range: TimeRange): Promise<string[]> {
    const months = await this.functions.lambdaMonthGbSecondsAtMost({
      fromMs: monthBefore.fromMs,
      toMs: range.toMs,
    });
    const organization = this.config.pricingTierGrouping === 'organization';
    const sums = new Map<string, { gbSeconds: number; prefixes: string[]; firstTierEnd: number }>();
    for (const m of months) {
      const identity = parseFunctionId(`${m.accountPrefix}~-`);
      if (!identity) continue;
      const key = `${organization ? '*' : identity.account}|${identity.region}|${m.monthStartMs}`;
      const sum = sums.get(key) ?? {
        gbSeconds: 0,
        prefixes: [],
        firstTierEnd: this.firstTierEnd(identity, m.monthStartMs),
      };
      sum.gbSeconds += m.gbSeconds;
      sum.prefixes.push(m.accountPrefix);
      sums.set(key, sum);
    }
    const prefixes = new Set<string>();
    for (const sum of sums.values()) {
      if (sum.gbSeconds >= sum.firstTierEnd) for (const p of sum.prefixes) prefixes.add(`${p}~`);
    }
    return [...prefixes];
  }

  /**
   * The days of the functions under `prefixes` (tieredPrefixes) over the month before the range
   * (FunctionsRepository.dailyBilled, its whole days kept between calls), and the settings in
   * force then. The range's first day is read whole where firstDayReadWhole() says so
   * (beforeTheRange takes the range's part off): the hours of the day's part before the range
   * cost 150–200 ms to read for 10,000 functions, every call.
   */
  private async tieredDaysBefore(
    monthBefore: TimeRange,
    range: TimeRange,
    prefixes: readonly string[],
    nowMs: number,
  ): Promise<{ before: DayBilled[]; beforeTimelines: SettingsTimelines }> {
    if (prefixes.length === 0) return { before: [], beforeTimelines: new Map() };
    const read = firstDayReadWhole(range, nowMs)
      ? { fromMs: monthBefore.fromMs, toMs: firstDayOf(range).endMs }
      : monthBefore;
    // The whole history, read once and kept (FunctionSettingsRepository.observations).
    const [before, beforeTimelines] = await Promise.all([
      this.functions.dailyBilled(read, prefixes, { keep: true }),
      monthBefore.toMs > monthBefore.fromMs
        ? settingsInForce(this.settings, monthBefore, nowMs)
        : new Map<string, SettingsSegment[]>(),
    ]);
    return { before, beforeTimelines };
  }

  /** Where the region's first on-demand duration tier ends, the lower of the architectures'. */
  private firstTierEnd(identity: FunctionIdentity, monthStart: number): number {
    let end = Infinity;
    for (const architecture of ['x86_64', 'arm64'] as const) {
      const tier = this.pricing.lambdaDurationTier(
        architecture,
        new Date(monthStart),
        identity.region,
        0,
      );
      end = Math.min(end, tier?.upToGbSeconds ?? Infinity);
    }
    return end;
  }

  /**
   * The report's days of `ids` over the month before the range (`before`), with the settings in
   * force then (`timelines`): what their tiers had reached when it starts, counted as the report
   * counts it (reportDailyUsage, provisioned concurrency's time apart).
   */
  private async lambdaDaysBefore(
    ids: readonly string[],
    configs: ReadonlyMap<string, FunctionConfig>,
    before: TimeRange,
    timelines: SettingsTimelines,
  ): Promise<DailyUsage[]> {
    if (ids.length === 0 || before.toMs <= before.fromMs) return [];
    // Theirs only: reportDailyUsage adds a day of provisioned concurrency for every function with
    // a level in the timelines, the whole fleet's.
    const own = new Map<string, readonly SettingsSegment[]>();
    for (const id of ids) {
      const timeline = timelines.get(id);
      if (timeline) own.set(id, timeline);
    }
    const [stored, concurrency] = await Promise.all([
      this.reports.dailyUsage(before, splitsOf(settingsSplits(own, configs), new Set(ids)), ids),
      this.reports.dailyConcurrency(before, provisionedLambdaLevels(ids, configs, own, before)),
    ]);
    return reportDailyUsage(stored, concurrency, configs, own, before);
  }
}

/**
 * How long after a day's end its rows are taken as settled: the flushes of its last minutes and
 * the usual late deliveries (CloudWatch subscriptions, Firehose's buffer) have landed.
 */
const DAY_SETTLED_MS = 60 * 60_000;

/**
 * Whether the month before `range` is read with the range's first day whole (tieredDaysBefore,
 * beforeTheRange): when the range starts inside that day, holds its end, and the day ended at
 * least DAY_SETTLED_MS before now. The day whole and the range's part of it come from two reads
 * (the first often kept from an earlier call), and a row landing in between would be counted
 * in one and not the other; a settled day has none landing.
 */
export function firstDayReadWhole(range: TimeRange, nowMs: number): boolean {
  const { startMs, endMs } = firstDayOf(range);
  return range.fromMs !== startMs && range.toMs >= endMs && endMs + DAY_SETTLED_MS <= nowMs;
}

/** The UTC day `range` starts in, [startMs, endMs). */
function firstDayOf(range: TimeRange): { startMs: number; endMs: number } {
  const startMs = Math.floor(range.fromMs / DAY_MS) * DAY_MS;
  return { startMs, endMs: startMs + DAY_MS };
}

/**
 * The days before the range of `read` (tieredDaysBefore): its days before the range's first,
 * and of that day, when firstDayReadWhole() read it whole, what the range's part of it
 * (`rangeDays`) leaves: the whole day less the range's part, each sum (the two reads count the
 * same minutes, the same source each); a difference within rounding of the whole is none, and a
 * day with nothing left is dropped.
 */
export function beforeTheRange(
  read: readonly DayBilled[],
  rangeDays: readonly DayBilled[],
  range: TimeRange,
  nowMs: number,
): DayBilled[] {
  if (!firstDayReadWhole(range, nowMs)) return [...read];
  const startDay = firstDayOf(range).startMs;
  const inRange = new Map<string, DayBilled>();
  for (const d of rangeDays) if (d.dayStartMs === startDay) inRange.set(d.functionId, d);
  const before: DayBilled[] = [];
  for (const d of read) {
    const part = d.dayStartMs === startDay ? inRange.get(d.functionId) : undefined;
    if (!part) {
      before.push(d);
      continue;
    }
    const left = (whole: number, of: number) => (whole - of > whole * 1e-12 ? whole - of : 0);
    const rest: DayBilled = {
      functionId: d.functionId,
      dayStartMs: d.dayStartMs,
      billedDurationMs: left(d.billedDurationMs, part.billedDurationMs),
      billedMbMs: left(d.billedMbMs, part.billedMbMs),
      unknownMemoryBilledMs: left(d.unknownMemoryBilledMs, part.unknownMemoryBilledMs),
      initDurationMs: left(d.initDurationMs, part.initDurationMs),
      unbilledInitMs: left(d.unbilledInitMs, part.unbilledInitMs),
      billedRestoreMs: left(d.billedRestoreMs, part.billedRestoreMs),
    };
    if (rest.billedDurationMs > 0 || rest.initDurationMs > 0 || rest.billedRestoreMs > 0) {
      before.push(rest);
    }
  }
  return before;
}

/**
 * Whether a function's settings at some time of `before` (its timeline there) differ from
 * `atStart`, those in force at the range's start, or held provisioned concurrency.
 */
function settingsDiffer(
  before: readonly SettingsSegment[] | undefined,
  atStart: SettingsSegment | undefined,
): boolean {
  return (before ?? []).some(
    (s) =>
      (s.provisionedConcurrency ?? 0) > 0 ||
      s.architecture !== (atStart?.architecture ?? null) ||
      s.memoryMb !== (atStart?.memoryMb ?? null),
  );
}

/** Where the functions of the accounts past the first duration tier stand in the tiers. */
export interface LambdaTierPlaces {
  /** Each day priced by the report's days (lambdaDaysCost): its month-to-date GB-seconds. */
  offsets: Map<DailyUsage, number>;
  /**
   * Each other function: the on-demand duration of its days in the range, each day priced from
   * its place in the tiers (PricingService.lambdaDurationPrices), which the page prices it at in
   * place of its totals' duration at the first tier's start (summarise).
   */
  durationUsd: Map<string, number>;
}

/**
 * Each Lambda function-day of the accounts (or Organization) that may have left the first
 * duration tier, placed in its tiers as the weekly report places it: LambdaTierLedger over every
 * day of the functions that share the tiers from the month's start, in lambdaTierOrder, the part
 * of a day before the range before the part in it. The on-demand GB-seconds of a day are the
 * report's (lambdaDayOnDemandGbSeconds): of `days`, the report's days of the functions priced by
 * them; of `billed`, the days of the others (FunctionsRepository.dailyBilled) at the memory size
 * the report prices them at (dayMemoryMb), with the settings in force at the range's start (they
 * have no change in the range). Pricing each of those days whole (priceLambdaDay) took 3 s for a
 * week of 10,000 functions, where a day's duration is all its place in the tiers changes.
 */
export function lambdaTierPlaces(
  input: {
    days: { before: readonly DailyUsage[]; range: readonly DailyUsage[] };
    billed: { before: readonly DayBilled[]; range: readonly DayBilled[] };
  },
  configs: ReadonlyMap<string, FunctionConfig>,
  timelines: SettingsTimelines,
  grouping: LambdaTierGrouping,
  pricing: PricingService,
): LambdaTierPlaces {
  const places: LambdaTierPlaces = { offsets: new Map(), durationUsd: new Map() };
  // One record per function, looked up once per run of its rows (dailyBilled gives a function's
  // days together): looking it up three times for each of 76,000 function-days was a third of the
  // walk.
  interface Tiered {
    functionId: string;
    fn: ReturnType<typeof reportFunction>;
    /** The settings in force at the range's start (a function of `billed` has no change in it). */
    atStart?: { configuredMb: number; architecture: LambdaArchitecture };
    durationUsd: number;
    priced: boolean;
    /** Its place among the functions in lambdaTierIdOrder. */
    rank: number;
  }
  const functions = new Map<string, Tiered>();
  const tieredOf = (id: string): Tiered => {
    let t = functions.get(id);
    if (!t) {
      t = {
        functionId: id,
        fn: reportFunction(id, configs.get(id)),
        durationUsd: 0,
        priced: false,
        rank: 0,
      };
      functions.set(id, t);
    }
    return t;
  };
  const atStartOf = (t: Tiered) => {
    if (!t.atStart) {
      const inForce = timelines.get(t.functionId)?.[0];
      t.atStart = {
        configuredMb: inForce?.memoryMb ?? configs.get(t.functionId)?.memoryMb ?? 0,
        architecture: lambdaArchitectureOf(inForce?.architecture) ?? t.fn.architecture,
      };
    }
    return t.atStart;
  };
  // One record per day: its Date, which the INIT rule reads, made once, not once a function-day.
  interface Day {
    startMs: number;
    at: Date;
    /** Its place among the days. */
    index: number;
  }
  const daysByStart = new Map<number, Day>();
  const dayOf = (startMs: number): Day => {
    let d = daysByStart.get(startMs);
    if (!d) daysByStart.set(startMs, (d = { startMs, at: new Date(startMs), index: 0 }));
    return d;
  };
  // The function-days in parallel arrays, not an object each, which the sort and the walk only
  // index: the report's days first (entry i of them is reported[i]), then those of `billed`.
  const reported: DailyUsage[] = [];
  const n =
    input.days.before.length +
    input.days.range.length +
    input.billed.before.length +
    input.billed.range.length;
  const entryTiered: Tiered[] = [];
  const entryDay: Day[] = [];
  const entryArchitecture: LambdaArchitecture[] = [];
  /** 0: before the range; 1: in it. */
  const entryPart = new Uint8Array(n);
  const entryGbSeconds = new Float64Array(n);
  for (const [part, days] of [input.days.before, input.days.range].entries()) {
    for (const day of days) {
      const tiered = tieredOf(day.functionId);
      const i = reported.push(day) - 1;
      entryTiered.push(tiered);
      entryDay.push(dayOf(day.dayStartMs));
      entryArchitecture.push(day.architecture ?? tiered.fn.architecture);
      entryPart[i] = part;
      entryGbSeconds[i] = lambdaDayOnDemandGbSeconds(tiered.fn, day);
    }
  }
  for (const [part, rows] of [input.billed.before, input.billed.range].entries()) {
    let last: Tiered | undefined;
    for (const r of rows) {
      const tiered = last?.functionId === r.functionId ? last : tieredOf(r.functionId);
      last = tiered;
      const { configuredMb, architecture } = atStartOf(tiered);
      const day = dayOf(r.dayStartMs);
      const i = entryTiered.push(tiered) - 1;
      entryDay.push(day);
      entryArchitecture.push(architecture);
      entryPart[i] = part;
      // The day as the report's days would carry it: no provisioned concurrency (a function of
      // `billed` held none), its Billed Restore Duration under SnapStart.
      entryGbSeconds[i] = lambdaDayOnDemandGbSecondsOf(
        tiered.fn.runtimeKind,
        day.at,
        dayMemoryMb(r, tiered.fn.platform, configuredMb),
        r.billedDurationMs,
        r.initDurationMs,
        r.unbilledInitMs,
        0,
        r.billedRestoreMs,
      );
    }
  }
  // lambdaTierOrder, the ids compared once per pair of functions, not once per pair of days.
  const ranked = [...functions.values()].sort((a, b) =>
    lambdaTierIdOrder(a.functionId, b.functionId),
  );
  for (const [rank, t] of ranked.entries()) t.rank = rank;
  const days = [...daysByStart.values()].sort((a, b) => a.startMs - b.startMs);
  for (const [index, d] of days.entries()) d.index = index;
  // The entries by day, function and part, then in the order they were made (the pieces of a day
  // cut where its settings changed keep theirs): two stable counting sorts, by function and part,
  // then by day. Sorting the wide bench fleet's 74,000 entries with a comparator took 20 ms; these
  // take 3.
  const functionParts = new Uint32Array(n);
  const dayIndexes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    functionParts[i] = entryTiered[i].rank * 2 + entryPart[i];
    dayIndexes[i] = entryDay[i].index;
  }
  const made = new Uint32Array(n);
  for (let i = 0; i < n; i++) made[i] = i;
  const order = countingSort(
    countingSort(made, functionParts, 2 * ranked.length),
    dayIndexes,
    days.length,
  );
  const ledger = new LambdaTierLedger(grouping);
  const durations = pricing.lambdaDurationPrices();
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const tiered = entryTiered[i];
    const { fn } = tiered;
    const architecture = entryArchitecture[i];
    const dayStartMs = entryDay[i].startMs;
    const gbSeconds = entryGbSeconds[i];
    const used = ledger.add(
      { account: fn.account, region: fn.region, architecture, dayStartMs },
      gbSeconds,
    );
    if (i < reported.length) places.offsets.set(reported[i], used);
    else if (entryPart[i] === 1) {
      const usd = durations.usd(architecture, dayStartMs, fn.region, gbSeconds, used);
      if (usd) {
        tiered.durationUsd += usd.usd;
        tiered.priced = true;
      }
    }
  }
  for (const t of functions.values())
    if (t.priced) places.durationUsd.set(t.functionId, t.durationUsd);
  return places;
}

/** `order` sorted by `keys` (each below `keyCount`), stably: a counting sort. */
function countingSort(order: Uint32Array, keys: Uint32Array, keyCount: number): Uint32Array {
  const starts = new Uint32Array(keyCount + 1);
  for (const i of order) starts[keys[i] + 1]++;
  for (let k = 1; k <= keyCount; k++) starts[k] += starts[k - 1];
  const sorted = new Uint32Array(order.length);
  for (const i of order) sorted[starts[keys[i]]++] = i;
  return sorted;
}

/** The splits of `ids` only. */
function splitsOf(splits: SettingsSplits, ids: ReadonlySet<string>): SettingsSplits {
  return new Map([...splits].filter(([id]) => ids.has(id)));
}

/**
 * The Knative and OpenFaaS functions with data whose pods can be priced, at their min-scale: the
 * level the weekly report counts their minutes with requests at (dailyConcurrency).
 */
function podConcurrencyLevels(
  totals: readonly FunctionTotals[],
  configs: ReadonlyMap<string, FunctionConfig>,
): Map<string, { changesAtMs: number[]; levels: number[] }> {
  const levels = new Map<string, { changesAtMs: number[]; levels: number[] }>();
  for (const t of totals) {
    const config = configs.get(t.functionId);
    // The inventory first: most functions have no pod requests, and then no id to parse.
    if (
      podResourcesOf(config?.podCpu, config?.podMemoryMb) &&
      runsPods(parseFunctionId(t.functionId)?.platform)
    ) {
      levels.set(t.functionId, { changesAtMs: [], levels: [config?.minScale ?? 0] });
    }
  }
  return levels;
}

/**
 * The pod-seconds per UTC day of `ids` (the Knative and OpenFaaS functions with data whose pods
 * can be priced, and the inventory's min-scale functions), counted as the weekly report counts
 * them: minutes with requests per UTC day (WeeklyReportsRepository.dailyConcurrency), min-scale
 * pods over each function's lifetime (podLifetimes) inside the range and before now (podDaysOf).
 */
function podDaysOfFleet(
  ids: ReadonlySet<string>,
  concurrency: readonly StoredDailyConcurrency[],
  lifetimes: ReadonlyMap<string, StoredPodLifetime>,
  configs: ReadonlyMap<string, FunctionConfig>,
  range: TimeRange,
  nowMs: number,
): Map<string, PodDay[]> {
  const days = new Map<string, PodDay[]>();
  if (ids.size === 0) return days;
  const active = activeMinutesByDay(concurrency, ids);
  for (const id of ids) {
    days.set(
      id,
      podDaysOf({
        range,
        nowMs,
        minScale: configs.get(id)?.minScale ?? 0,
        lifetime: lifetimes.get(id) ?? null,
        activeMinutes: active.get(id) ?? new Map(),
      }),
    );
  }
  return days;
}

/**
 * A Lambda function's usage over a stretch of the range, and the settings history's settings in
 * force over it (undefined, or a setting null, where the history does not know: the inventory's).
 */
export interface UsageStretch {
  billed: FunctionBilled & Pick<StretchBilled, 'invocations' | 'restores'>;
  inForce: Pick<SettingsInForce, 'architecture' | 'memoryMb'> | undefined;
}

/**
 * A Lambda function's cost over the range: each stretch's requests and billed time at the
 * architecture in force (the history's, else the inventory's, else x86_64, said in `assumed` as
 * recommendations say it), the time no record gave a memory size for at the size in force (the
 * history's, else `memoryMb`), summed.
 */
export function lambdaStretchesCost(
  stretches: readonly UsageStretch[],
  config: FunctionConfig | undefined,
  memoryMb: number,
  at: Date,
  region: string,
  pricing: PricingService,
): {
  usd: number;
  /** The part of `usd` priced at the on-demand duration price, from the first tier's start. */
  onDemandDurationUsd: number;
  billedGbSeconds: number;
  pricing: NonNullable<FunctionSummary['pricing']>;
  /** What was priced at a figure not sourced for the region (PriceAssumption messages). */
  assumed: string[];
} {
  let usd = 0;
  let onDemandDurationUsd = 0;
  let initGbSeconds = 0;
  const priceIds: string[] = [];
  const assumed: string[] = [];
  // The weekly report's rule (priceLambdaDay): INIT no REPORT line's Billed Duration holds is
  // billed on top where Lambda bills INIT.
  const kind = lambdaRuntimeKind(config?.runtime ?? '', config?.packageType ?? null);
  let architectureAssumed = false;
  for (const { billed, inForce } of stretches) {
    const known =
      lambdaArchitectureOf(inForce?.architecture) ?? lambdaArchitectureOf(config?.architecture);
    architectureAssumed ||= known === undefined;
    const architecture = known ?? 'x86_64';
    const sizeMb = sizeInForce(inForce, memoryMb);
    // The GB-seconds at the sizes billed, and every millisecond billed for ephemeral storage.
    const time = billedTimeOf(billed, sizeMb);
    const unbilledInit = billed.unbilledInitMs > 0 ? { [kind]: billed.unbilledInitMs } : undefined;
    const cost = pricing.lambdaUsage(
      {
        architecture,
        memoryMb: time.meanMemoryMb,
        requests: billed.invocations,
        billedDurationMs: time.billedDurationMs,
        onDemandInitMs: unbilledInit,
        snapStart:
          billed.restores > 0 || billed.billedRestoreSumMs > 0
            ? {
                runtime: config?.runtime ?? '',
                restores: billed.restores,
                billedRestoreMs: billed.billedRestoreSumMs,
                cachedSeconds: 0,
              }
            : undefined,
        ephemeralStorageMb: config?.ephemeralStorageMb ?? undefined,
      },
      at,
      region,
    );
    usd += cost.usd;
    const durationMeter = lambdaMeters.duration(architecture);
    for (const line of cost.breakdown)
      if (line.meter === durationMeter) onDemandDurationUsd += line.usd;
    if (unbilledInit) initGbSeconds += (billedInitMs(unbilledInit, at) * sizeMb) / 1024 / 1000;
    for (const id of cost.priceIds) if (!priceIds.includes(id)) priceIds.push(id);
    for (const a of cost.assumed) if (!assumed.includes(a.message)) assumed.push(a.message);
  }
  if (architectureAssumed) assumed.push(architectureUnknown(pricing, at, region).message);
  return {
    usd,
    onDemandDurationUsd,
    billedGbSeconds: stretchesGbSeconds(stretches, memoryMb) + initGbSeconds,
    pricing: { catalogueVersion: pricing.catalogueVersion, priceIds },
    assumed,
  };
}

/** The billed GB-seconds of a Lambda function's stretches, each at the memory size in force. */
function stretchesGbSeconds(stretches: readonly UsageStretch[], memoryMb: number): number {
  let gbSeconds = 0;
  for (const { billed, inForce } of stretches) {
    gbSeconds += billedGbSecondsOf(billed, sizeInForce(inForce, memoryMb));
  }
  return gbSeconds;
}

/**
 * What the page assumes of a Lambda function's time no record gave a memory size for (spans),
 * where neither the inventory nor the settings history gives one: the last size its own records
 * carried (`memoryMb`), which the weekly report uses only on days a record carries one (a day of
 * spans alone it leaves unpriced, and says so). Null when nothing is assumed.
 */
function spanTimeAtRecordSize(stretches: readonly UsageStretch[], memoryMb: number): string | null {
  let ms = 0;
  for (const { billed, inForce } of stretches) {
    if (inForce?.memoryMb == null) ms += billed.billedMsUnknownMemory;
  }
  if (!(ms > 0)) return null;
  return `${Math.round(ms).toLocaleString('en-US')} ms of span time without a memory size priced at ${memoryMb.toLocaleString('en-US')} MB, the last size this function's own records carried: no size is configured or observed. The weekly report prices such time only on days a record carries a size.`;
}

/** The memory size of the time no record gave one for: the history's, else `memoryMb`. */
const sizeInForce = (inForce: UsageStretch['inForce'], memoryMb: number): number =>
  inForce?.memoryMb ?? memoryMb;

/**
 * A Lambda function with provisioned concurrency or SnapStart restores, priced as the weekly
 * report prices its days (priceLambdaDay over reportDailyUsage's days: the time run on provisioned
 * concurrency at its price, the allocation for the seconds it was in force, billed INIT, SnapStart
 * restores and the snapshot cache), each day at its account's month-to-date place in the duration
 * tiers (`tierOffsets`, lambdaTierOffsets; the first tier's start for a day it does not hold).
 * Unpriced, with the report's reason, where the report would leave part of it out; not for a
 * provisioned-concurrency level the records show and no setting holds (PC_LEVEL_UNKNOWN), which
 * the page states beside the cost of the rest (summarise).
 */
export function lambdaDaysCost(
  fn: ReportFunction,
  days: readonly DailyUsage[],
  pricing: PricingService,
  tierOffsets: ReadonlyMap<DailyUsage, number> = new Map(),
): Pick<FunctionSummary, 'costUsd' | 'costUsdReason' | 'pricing'> & {
  /** What was priced at a figure not sourced for the region (PriceAssumption messages). */
  assumed: string[];
  /** The GB-seconds of the INIT billed on top of span and metric time (UNBILLED_INIT_MS), by day. */
  initGbSeconds: number;
} {
  let usd = 0;
  let initGbSeconds = 0;
  const priceIds: string[] = [];
  const unpriced: string[] = [];
  const assumed: string[] = [];
  for (const day of days) {
    const priced = priceLambdaDay(fn, day, pricing, tierOffsets.get(day) ?? 0);
    for (const line of priced.lines) usd += line.usd;
    for (const id of priced.priceIds) if (!priceIds.includes(id)) priceIds.push(id);
    for (const u of priced.unpriced) {
      if (u !== PC_LEVEL_UNKNOWN && !unpriced.includes(u)) unpriced.push(u);
    }
    for (const a of priced.assumed) if (!assumed.includes(a)) assumed.push(a);
    const initMs = billedInitMs({ [fn.runtimeKind]: day.unbilledInitMs }, new Date(day.dayStartMs));
    initGbSeconds += (initMs * day.memoryMb) / 1024 / 1000;
  }
  if (unpriced.length > 0) {
    return {
      costUsd: null,
      costUsdReason: unpriced.join('; '),
      pricing: null,
      assumed: [],
      initGbSeconds: 0,
    };
  }
  return {
    costUsd: usd,
    costUsdReason: null,
    pricing: { catalogueVersion: pricing.catalogueVersion, priceIds },
    assumed,
    initGbSeconds,
  };
}

const DAY_MS = 86_400_000;

/**
 * Where a range starts or ends within a UTC day, what the page counts for the part of that day in
 * the range (up to now) that the weekly report counts all day (reportDailyUsage): the SnapStart
 * snapshot cache (snapStartCachedDays; charged for Python and .NET), and provisioned concurrency
 * the settings history had not observed yet on a day the function ran. null when neither applies.
 */
export function partDayNote(
  days: readonly DailyUsage[],
  range: TimeRange,
  runtime: string,
  timeline: readonly SettingsSegment[] | undefined,
  requested: TimeRange = range,
): string | null {
  // The level is assumed until the history first observes one.
  const assumedUntilMs =
    timeline?.find((s) => s.provisionedConcurrency !== null)?.fromMs ?? Infinity;
  let cache = false;
  let assumed = false;
  for (const d of days) {
    if (d.dayStartMs >= range.fromMs && d.dayStartMs + DAY_MS <= range.toMs) continue;
    cache ||= d.snapStart !== null && isSnapStartCharged(runtime);
    assumed ||= d.provisioned !== null && d.dayStartMs < assumedUntilMs;
  }
  const parts = [
    ...(cache
      ? [
          'the SnapStart snapshot cache (all day from a day with restores through the 13 days after)',
        ]
      : []),
    ...(assumed
      ? [
          'provisioned concurrency the settings history had not observed yet (all day on a day the function ran)',
        ]
      : []),
  ];
  if (parts.length === 0) return null;
  // `range` ends at now when `requested` runs past it: a range of whole days is cut by now only.
  const cutByBounds =
    requested.fromMs % DAY_MS !== 0 ||
    (requested.toMs <= range.toMs && requested.toMs % DAY_MS !== 0);
  const lead = cutByBounds
    ? 'The range starts or ends within a UTC day'
    : "The range runs past now, and today's UTC day has not ended";
  return `${lead}: ${parts.join(' and ')} counted for the part of that day in the range, up to now, where the weekly report counts the whole day.`;
}

/** A function without data in the range: every sum 0. */
function noTotals(functionId: string): FunctionTotals {
  return {
    functionId,
    version: '',
    invocations: 0,
    errors: 0,
    timeouts: 0,
    coldStarts: 0,
    unknownStarts: 0,
    provisionedInits: 0,
    restores: 0,
    durationSumMs: 0,
    durationMaxMs: 0,
    durationBuckets: { indexes: [], counts: [] },
    initBuckets: { indexes: [], counts: [] },
    initDurationSumMs: 0,
    billedRestoreSumMs: 0,
    maxMemoryUsedMb: 0,
    billedMbMs: 0,
    billedMsKnownMemory: 0,
    billedMsUnknownMemory: 0,
    unbilledInitMs: 0,
    lastMemorySizeMb: 0,
  };
}

/**
 * A Knative or OpenFaaS function over a range as the weekly report prices its days: each UTC day's
 * pod-seconds in the range (podDaysOf) at the Kubernetes node price of its pods' requests
 * (PricingService.kubernetesPods). Unpriced when the requests or a node price are unknown.
 */
export function podsCost(
  pod: PodResources | null,
  days: readonly PodDay[],
  region: string,
  pricing: PricingService,
): Pick<FunctionSummary, 'costUsd' | 'costUsdReason' | 'pricing'> {
  if (!pod) return { costUsd: null, costUsdReason: POD_RESOURCES_UNKNOWN, pricing: null };
  let usd = 0;
  const priceIds: string[] = [];
  const unpriced: string[] = [];
  for (const day of days) {
    const cost = pricing.kubernetesPods(pod, day.podSeconds, new Date(day.dayStartMs), region);
    usd += cost.usd;
    for (const id of cost.priceIds) if (!priceIds.includes(id)) priceIds.push(id);
    for (const u of cost.unpriced) if (!unpriced.includes(u.message)) unpriced.push(u.message);
  }
  if (unpriced.length > 0) {
    return {
      costUsd: null,
      costUsdReason: `Kubernetes node price unknown: ${unpriced.join('; ')}`,
      pricing: null,
    };
  }
  return {
    costUsd: usd,
    costUsdReason: null,
    pricing: { catalogueVersion: pricing.catalogueVersion, priceIds },
  };
}

/** What prices a function over the range besides its totals (FleetService.list reads it). */
export interface RangeUsage {
  /** Knative and OpenFaaS: pod-seconds per UTC day (podDaysOf). */
  podDays?: readonly PodDay[];
  /** Lambda: its usage per stretch between settings changes; by default its totals, one stretch. */
  stretches?: readonly UsageStretch[];
  /**
   * Lambda with provisioned concurrency or SnapStart restores, or of an account that may have left
   * the first duration tier: the report's days and their places in the tiers (lambdaDaysCost).
   */
  lambdaDays?: {
    fn: ReportFunction;
    days: readonly DailyUsage[];
    note: string | null;
    tierOffsets?: ReadonlyMap<DailyUsage, number>;
  };
  /**
   * Lambda of an account that may have left the first duration tier, priced by its totals: the
   * on-demand duration of its days at their places in the tiers (lambdaTierPlaces), in place of
   * its totals' at the first tier's start.
   */
  tierDurationUsd?: number;
}

export function summarise(
  t: FunctionTotals,
  config: FunctionConfig | undefined,
  range: TimeRange,
  pricing: PricingService,
  usage: RangeUsage = {},
): FunctionSummary {
  const stretches = usage.stretches ?? [{ billed: t, inForce: undefined }];
  const identity = parseFunctionId(t.functionId);
  const memoryMb = config?.memoryMb ?? (t.lastMemorySizeMb > 0 ? t.lastMemorySizeMb : null);
  // The time no record gave a memory size for ran at the size configured, billed as a request at
  // it would be (Azure Consumption: in 128 MB steps up to 1,536 MB).
  const unknownBilledMb = identity ? billedRequestMemoryMb(identity.platform, memoryMb) : memoryMb;
  const billedMbMs = t.billedMbMs + (unknownBilledMb ?? 0) * t.billedMsUnknownMemory;
  let billedGbSeconds = billedGbSecondsOf(t, unknownBilledMb);
  // Cost and GB-seconds unrounded: a function can bill less than a rounding's last digit (1 ms at
  // 128 MB is 0.000125 GB-s), and the fleet page adds the costs up.
  let costUsd: number | null = null;
  let costUsdReason: string | null = null;
  let costUsdNote: string | null = null;
  let priced: FunctionSummary['pricing'] = null;
  // Records of provisioned-concurrency inits with no level priced: the allocation is left out
  // and the invocations are at the on-demand rate, which the note says.
  const pcLevelUnknown =
    t.provisionedInits > 0 && !usage.lambdaDays?.days.some((d) => d.provisioned !== null)
      ? PC_LEVEL_UNKNOWN
      : null;
  if (runsPods(identity?.platform)) {
    const pods = podsCost(
      podResourcesOf(config?.podCpu, config?.podMemoryMb),
      usage.podDays ?? [],
      config?.region || identity?.region || '',
      pricing,
    );
    costUsd = pods.costUsd;
    costUsdReason = pods.costUsdReason;
    costUsdNote = pods.costUsd === null ? null : POD_COST_FLOOR_NOTE;
    priced = pods.pricing;
  } else if (usage.lambdaDays) {
    const days = lambdaDaysCost(
      usage.lambdaDays.fn,
      usage.lambdaDays.days,
      pricing,
      usage.lambdaDays.tierOffsets,
    );
    costUsd = days.costUsd;
    costUsdReason = days.costUsdReason;
    const notes = [usage.lambdaDays.note, pcLevelUnknown, ...days.assumed].filter(
      (n) => n !== null,
    );
    costUsdNote = days.costUsd === null || notes.length === 0 ? null : notes.join(' ');
    priced = days.pricing;
    if (memoryMb) billedGbSeconds = stretchesGbSeconds(stretches, memoryMb) + days.initGbSeconds;
  } else if (identity?.platform === 'aws_lambda' && memoryMb) {
    const cost = lambdaStretchesCost(
      stretches,
      config,
      memoryMb,
      new Date(range.toMs),
      identity.region,
      pricing,
    );
    costUsd =
      usage.tierDurationUsd === undefined
        ? cost.usd
        : cost.usd - cost.onDemandDurationUsd + usage.tierDurationUsd;
    billedGbSeconds = cost.billedGbSeconds;
    priced = cost.pricing;
    const atRecordSize = config?.memoryMb ? null : spanTimeAtRecordSize(stretches, memoryMb);
    const notes = [pcLevelUnknown, atRecordSize, ...cost.assumed].filter((n) => n !== null);
    costUsdNote = notes.length > 0 ? notes.join(' ') : null;
  } else if (
    memoryMb &&
    (identity?.platform === 'gcp_cloud_run' ||
      identity?.platform === 'gcp_cloud_functions' ||
      identity?.platform === 'azure_functions')
  ) {
    const cost = pricing.serverlessUsage(
      identity.platform,
      { invocations: t.invocations, billedMbMs, memoryMb, vcpu: config?.podCpu },
      new Date(range.toMs),
      identity.region,
    );
    costUsd = cost.usd;
    priced = { catalogueVersion: cost.catalogueVersion, priceIds: cost.priceIds };
    costUsdNote = cost.assumed.length > 0 ? cost.assumed.map((a) => a.message).join(' ') : null;
  } else {
    costUsdReason = PRICED_BY_MEMORY.has(identity?.platform ?? '')
      ? 'memory size unknown: not priced'
      : `platform ${identity?.platform ?? 'other'} has no prices`;
  }
  // Every field written out, no spread: V8 then builds each summary with one shape, which
  // summarise() of 10,000 functions and the page's JSON.stringify both run faster on.
  const cold = rangeColdStartFigures(t.coldStarts, t.invocations, t.unknownStarts);
  const duration = percentiles(t.durationBuckets, {
    max: t.durationMaxMs,
    sum: t.durationSumMs,
  });
  return {
    id: t.functionId,
    platform: identity?.platform ?? 'other',
    account: identity?.account ?? '',
    name: identity?.name ?? t.functionId,
    version: t.version || config?.version || '',
    region: identity?.region ?? '',
    runtime: config?.runtime ?? '',
    architecture: config?.architecture ?? '',
    memoryMb,
    timeoutMs: config?.timeoutMs ?? null,
    invocations: t.invocations,
    errors: t.errors,
    timeouts: t.timeouts,
    coldStarts: t.coldStarts,
    coldStartRate: cold.coldStartRate,
    coldStartUnknown: cold.coldStartUnknown,
    coldStartRateReason: cold.coldStartRateReason,
    durationMs: {
      p50: duration.p50,
      p95: duration.p95,
      p99: duration.p99,
      max: round(t.durationMaxMs > 0 ? t.durationMaxMs : null),
    },
    initDurationMs: percentiles(t.initBuckets, { sum: t.initDurationSumMs }),
    maxMemoryUsedMb: t.maxMemoryUsedMb > 0 ? t.maxMemoryUsedMb : null,
    billedGbSeconds,
    costUsd,
    costUsdReason,
    costUsdNote,
    pricing: priced,
  };
}
