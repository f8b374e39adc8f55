import {
  LambdaTierLedger,
  gbSeconds,
  lambdaTierOrder,
  type LambdaTierGrouping,
  type PricingService,
} from '@fleetscope/pricing';
import {
  billsInit,
  emptyBreakdown,
  lambdaMarginalPrices,
  priceLambdaDay,
  pricePodDay,
  priceServerlessDay,
  serverlessUnitPrices,
  unpricedPlatformDay,
  type PricedDay,
} from '../pricing/report-pricing';
import {
  DAY_MS,
  isWeekError,
  isoDate,
  monthStartMs,
  nextMonthStartMs,
  parseIsoWeek,
  previousIsoWeek,
  type IsoWeek,
} from '../week/iso-week';
import {
  decomposeChange,
  describeArchitecture,
  explainChange,
  modelledCost,
  type CostFactors,
} from './change-decomposition';
import type {
  DailyUsage,
  ReportColdStartInput,
  ReportFunction,
  WeeklyReportInputs,
} from './report-inputs';
import { reportRecommendations } from './report-recommendations';
import {
  dateRuns,
  missingDataOf,
  sourceGapDays,
  weekSourceGaps,
  type SourceGapDay,
} from './source-gaps';
import {
  BREAKDOWN_KEYS,
  combinedShare,
  pricedShare,
  type ChargeLine,
  type ColdStartSummary,
  type ComputeLine,
  type CostBreakdown,
  type GroupTotal,
  type Mover,
  type ReportFunctionCost,
  type SourceGap,
  type UnpricedUsageLine,
  type WeekCoverage,
  type WeeklyReport,
} from './weekly-report';

export const TOP_MOVERS = 10;
const ARCHITECTURES = ['x86_64', 'arm64'] as const;

/** The first day whose usage a report of `week` needs (see WeeklyReportInputs.days). */
export function reportInputsFromMs(week: IsoWeek): number {
  return monthStartMs(previousIsoWeek(week).fromMs);
}

/** One function's sums over one week. */
interface WeekTotals {
  invocations: number;
  coldStarts: number;
  coldStartUsd: number;
  /** Some day of the week had on-demand cold starts whose INIT is billed (billsInit). */
  coldStartsBillInit: boolean;
  billedMbMs: number;
  billedMs: number;
  computeGbSeconds: number;
  computeUsd: number;
  /** computeGbSeconds and computeUsd by the architecture they ran on. */
  byArchitecture: Record<string, { gbSeconds: number; usd: number }>;
  /** The architecture of the week's latest priced day ('' before one). */
  lastArchitecture: string;
  /** Nothing named lastArchitecture: it is what the day was priced as. */
  lastArchitectureAssumed: boolean;
  lastDayStartMs: number;
  breakdown: CostBreakdown;
  computeLines: ComputeLine[];
  lines: ChargeLine[];
  unpricedUsage: UnpricedUsageLine[];
  pcAllocatedUsd: number;
  pcDurationUsd: number;
  pcAllocatedGbSeconds: number;
  pcUsedGbSeconds: number;
  pcConcurrency: number;
  minScalePods: number;
  minScaleAllocatedPodSeconds: number;
  minScaleBusyPodSeconds: number;
  minScaleAllocatedUsd: number;
  unpriced: Set<string>;
  /** What the week's prices assume (PricedDay.assumed), each once. */
  assumed: Set<string>;
  /** Whether any meter of the week had a price (with `unpriced`: how much of it was priced). */
  anyPriced: boolean;
}

function emptyTotals(): WeekTotals {
  return {
    invocations: 0,
    coldStarts: 0,
    coldStartUsd: 0,
    coldStartsBillInit: false,
    billedMbMs: 0,
    billedMs: 0,
    computeGbSeconds: 0,
    computeUsd: 0,
    byArchitecture: {},
    lastArchitecture: '',
    lastArchitectureAssumed: false,
    lastDayStartMs: -Infinity,
    breakdown: emptyBreakdown(),
    computeLines: [],
    lines: [],
    unpricedUsage: [],
    pcAllocatedUsd: 0,
    pcDurationUsd: 0,
    pcAllocatedGbSeconds: 0,
    pcUsedGbSeconds: 0,
    pcConcurrency: 0,
    minScalePods: 0,
    minScaleAllocatedPodSeconds: 0,
    minScaleBusyPodSeconds: 0,
    minScaleAllocatedUsd: 0,
    unpriced: new Set(),
    assumed: new Set(),
    anyPriced: false,
  };
}

function sumBreakdown(b: CostBreakdown): number {
  return BREAKDOWN_KEYS.reduce((s, k) => s + b[k], 0);
}

function addBreakdown(into: CostBreakdown, b: CostBreakdown): void {
  for (const k of BREAKDOWN_KEYS) into[k] += b[k];
}

function addComputeLines(into: ComputeLine[], lines: readonly ComputeLine[]): void {
  for (const line of lines) {
    const same = into.find(
      (l) =>
        l.architecture === line.architecture &&
        l.kind === line.kind &&
        l.priceId === line.priceId &&
        Math.abs(l.usdPerGbSecond - line.usdPerGbSecond) <= 1e-15,
    );
    if (same) {
      same.gbSeconds += line.gbSeconds;
      same.usd += line.usd;
    } else into.push({ ...line });
  }
}

/**
 * The charge period of a day's usage: the part of the week in the day's calendar month. A week in
 * progress charges up to `asOfMs`, not to its end (a day stored ahead of it, to that day's end).
 */
function chargePeriod(
  dayStartMs: number,
  week: IsoWeek,
  asOfMs: number,
): { periodStart: string; periodEnd: string } {
  return {
    periodStart: new Date(Math.max(week.fromMs, monthStartMs(dayStartMs))).toISOString(),
    periodEnd: new Date(
      Math.min(
        week.toMs,
        nextMonthStartMs(dayStartMs),
        dayStartMs < asOfMs ? asOfMs : dayStartMs + DAY_MS,
      ),
    ).toISOString(),
  };
}

/** Adds a day's priced meters, merged per meter, price and calendar month inside the week. */
function addLines(
  into: ChargeLine[],
  priced: PricedDay,
  dayStartMs: number,
  week: IsoWeek,
  asOfMs: number,
  lambda: boolean,
): void {
  const { periodStart, periodEnd } = chargePeriod(dayStartMs, week, asOfMs);
  const architecture = lambda ? priced.architecture : undefined;
  for (const line of priced.lines) {
    const same = into.find(
      (l) =>
        l.category === line.category &&
        l.priceId === line.priceId &&
        l.periodStart === periodStart &&
        l.architecture === architecture &&
        l.tier === line.tier &&
        Math.abs(l.usdPerUnit - line.usdPerUnit) <= 1e-15,
    );
    if (same) {
      same.quantity += line.quantity;
      same.usd += line.usd;
      if (periodEnd > same.periodEnd) same.periodEnd = periodEnd;
    } else {
      into.push({ ...line, ...(architecture ? { architecture } : {}), periodStart, periodEnd });
    }
  }
}

/** Adds the invocations of a day with usage that had no price, merged per calendar month. */
function addUnpricedUsage(
  into: UnpricedUsageLine[],
  day: DailyUsage,
  week: IsoWeek,
  asOfMs: number,
): void {
  const { periodStart, periodEnd } = chargePeriod(day.dayStartMs, week, asOfMs);
  const same = into.find((u) => u.periodStart === periodStart);
  if (same) {
    same.invocations += day.invocations;
    if (periodEnd > same.periodEnd) same.periodEnd = periodEnd;
  } else {
    into.push({ invocations: day.invocations, periodStart, periodEnd });
  }
}

function accumulate(
  t: WeekTotals,
  day: DailyUsage,
  priced: PricedDay,
  architectureAssumed: boolean,
): void {
  t.invocations += day.invocations;
  t.coldStarts += day.coldStarts;
  t.coldStartUsd += priced.coldStartUsd;
  t.computeGbSeconds += priced.computeGbSeconds;
  t.computeUsd += priced.computeUsd;
  if (priced.computeGbSeconds > 0) {
    const arch = (t.byArchitecture[priced.architecture] ??= { gbSeconds: 0, usd: 0 });
    arch.gbSeconds += priced.computeGbSeconds;
    arch.usd += priced.computeUsd;
  }
  if (day.invocations > 0 && day.dayStartMs >= t.lastDayStartMs) {
    t.lastDayStartMs = day.dayStartMs;
    t.lastArchitecture = priced.architecture;
    t.lastArchitectureAssumed = architectureAssumed;
  }
  if (day.memoryMb > 0) {
    t.billedMbMs += day.memoryMb * day.billedDurationMs;
    t.billedMs += day.billedDurationMs;
  }
  addBreakdown(t.breakdown, priced.breakdown);
  addComputeLines(t.computeLines, priced.computeLines);
  t.pcAllocatedUsd += priced.pcAllocatedUsd;
  t.pcDurationUsd += priced.pcDurationUsd;
  if (day.provisioned) {
    t.pcAllocatedGbSeconds +=
      day.provisioned.concurrency * (day.memoryMb / 1024) * day.provisioned.enabledSeconds;
    t.pcUsedGbSeconds += gbSeconds(day.memoryMb, day.provisioned.billedDurationMs);
    t.pcConcurrency = Math.max(t.pcConcurrency, day.provisioned.concurrency);
  }
  if (day.minScalePods && day.minScalePods.pods > 0 && day.podSeconds > 0) {
    const allocated = Math.min(day.podSeconds, (day.minScalePods.pods * DAY_MS) / 1000);
    t.minScaleAllocatedPodSeconds += allocated;
    t.minScaleBusyPodSeconds += Math.min(allocated, day.minScalePods.busyPodSeconds);
    t.minScaleAllocatedUsd += priced.breakdown.pods * (allocated / day.podSeconds);
    t.minScalePods = Math.max(t.minScalePods, day.minScalePods.pods);
  }
  for (const u of priced.unpriced) t.unpriced.add(u);
  for (const a of priced.assumed) t.assumed.add(a);
  if (priced.priceIds.length > 0) t.anyPriced = true;
}

/**
 * Of a week in progress, the days from `asOfMs` on have not come, and the day it falls in has not
 * ended (its records may still be on their way): listed, never missing. A day some source stopped
 * sending on (`gaps`) makes the week partial though other sources recorded it.
 */
function weekCoverage(
  week: IsoWeek,
  days: readonly DailyUsage[],
  gaps: readonly SourceGapDay[],
  asOfMs = week.toMs,
): WeekCoverage {
  const coverageDays = [];
  const allSources = new Set<string>();
  for (let t = week.fromMs; t < week.toMs; t += DAY_MS) {
    const rows = days.filter((d) => d.dayStartMs === t && d.invocations > 0);
    const sources = [...new Set(rows.flatMap((d) => d.sources))].sort();
    sources.forEach((s) => allSources.add(s));
    coverageDays.push({
      date: isoDate(t),
      invocations: rows.reduce((s, d) => s + d.invocations, 0),
      functions: new Set(rows.map((d) => d.functionId)).size,
      sources,
    });
  }
  const come = coverageDays.filter((_, i) => week.fromMs + i * DAY_MS < asOfMs);
  const ended = come.filter((_, i) => week.fromMs + (i + 1) * DAY_MS <= asOfMs);
  const missingDays = ended.filter((d) => d.invocations === 0).map((d) => d.date);
  const daysWithData = come.filter((d) => d.invocations > 0).length;
  const sourceGaps = weekSourceGaps(gaps, week);
  return {
    status:
      daysWithData === 0
        ? 'none'
        : missingDays.length > 0 || ended.length < coverageDays.length || sourceGaps.length > 0
          ? 'partial'
          : 'complete',
    daysWithData,
    missingDays,
    sources: [...allSources].sort(),
    days: coverageDays,
    sourceGaps,
  };
}

function coverageMessage(
  week: IsoWeek,
  c: WeekCoverage,
  previous: IsoWeek,
  p: WeekCoverage,
  asOfMs: number,
  nameOf: (id: string) => string,
): string {
  const span = `${week.label} (${isoDate(week.fromMs)} to ${isoDate(week.toMs - DAY_MS)})`;
  const current =
    asOfMs < week.toMs && c.daysWithData > 0
      ? inProgressMessage(span, week, c, asOfMs, nameOf)
      : weekMessage(span, c, nameOf);
  // The change is only as good as the week it is compared with: a gap there reads as growth.
  const before = `the week before, ${previous.label} (${isoDate(previous.fromMs)} to ${isoDate(previous.toMs - DAY_MS)})`;
  switch (p.status) {
    case 'none':
      return `${current} No data for ${before}: its figures are zero because nothing was recorded, not because nothing ran.`;
    case 'partial':
      return `${current} Partial data for ${before}: ${partialSentences(p, nameOf)}`;
    case 'complete':
      return current;
  }
}

/** A week in progress: the days so far, today (not ended: no records yet is not missing) and the days to come. */
function inProgressMessage(
  span: string,
  week: IsoWeek,
  c: WeekCoverage,
  asOfMs: number,
  nameOf: (id: string) => string,
): string {
  const come = Math.ceil((asOfMs - week.fromMs) / DAY_MS);
  const today = (asOfMs - week.fromMs) % DAY_MS > 0 ? c.days[come - 1] : undefined;
  const missing =
    c.missingDays.length > 0 ? `nothing was recorded on ${c.missingDays.join(', ')}` : '';
  const notYet = today && today.invocations === 0 ? `${today.date}, today, has none yet` : '';
  const records = `${c.daysWithData} of its ${come} days so far ${c.daysWithData === 1 ? 'has' : 'have'} invocation records (from ${c.sources.join(', ')})`;
  const toCome =
    come < 7 ? ` The days from ${isoDate(week.fromMs + come * DAY_MS)} have not come yet.` : '';
  const gaps = (c.sourceGaps ?? []).map((g) => gapSentence(g, nameOf));
  return [
    `${span} is in progress: ${[records, missing, notYet].filter(Boolean).join('; ')}.${toCome}`,
    ...gaps,
  ].join(' ');
}

function daysSentence(c: WeekCoverage): string {
  return `${c.daysWithData} of 7 days ${c.daysWithData === 1 ? 'has' : 'have'} invocation records (from ${c.sources.join(', ')}); nothing was recorded on ${c.missingDays.join(', ')}.`;
}

/**
 * A stopped source, its days and the functions whose records it took with it. The names are as
 * telemetry gave them (the JSON is data): every rendering reads the coverage sentence as text from
 * telemetry, escaped for its markup, never as markup of its own.
 */
function gapSentence(g: SourceGap, nameOf: (id: string) => string): string {
  const names = g.functionIds.map(nameOf);
  const listed =
    names.length <= 3
      ? names.join(', ')
      : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const fed =
    names.length === 1
      ? `the function it fed (${listed}) has none then: its cost`
      : `${names.length} functions it fed (${listed}) have none then: their cost`;
  return `${g.source} sent no records on ${dateRuns(g.dates)} though it had been sending; ${fed} on those days may be missing from the figures rather than a drop.`;
}

/** Why a week is partial: the days with nothing recorded, and the sources that stopped. */
function partialSentences(c: WeekCoverage, nameOf: (id: string) => string): string {
  return [
    ...(c.missingDays.length > 0 ? [daysSentence(c)] : []),
    ...(c.sourceGaps ?? []).map((g) => gapSentence(g, nameOf)),
  ].join(' ');
}

function weekMessage(span: string, c: WeekCoverage, nameOf: (id: string) => string): string {
  switch (c.status) {
    case 'none':
      return `No data for ${span}: no source sent any invocation records. Every figure of this week is zero because nothing was recorded, not because nothing ran.`;
    case 'partial':
      return `Partial data for ${span}: ${partialSentences(c, nameOf)}`;
    case 'complete':
      return `Data for all 7 days of ${span}, from ${c.sources.join(', ')}.`;
  }
}

function groupTotals(
  rows: readonly ReportFunctionCost[],
  key: (r: ReportFunctionCost) => string,
): GroupTotal[] {
  const groups = new Map<string, { total: GroupTotal; members: ReportFunctionCost[] }>();
  for (const r of rows) {
    const k = key(r) || '(unknown)';
    const g = groups.get(k) ?? {
      total: { key: k, costUsd: 0, previousCostUsd: 0, invocations: 0 },
      members: [],
    };
    g.total.costUsd += r.costUsd;
    g.total.previousCostUsd += r.previousCostUsd;
    g.total.invocations += r.invocations;
    g.members.push(r);
    groups.set(k, g);
  }
  // A group none of whose functions could be priced costs what is unknown, not $0 (issue: its
  // row read "$0.00" beside a total that "excludes what could not be priced").
  return [...groups.values()]
    .map(({ total, members }) => ({
      ...total,
      priced: combinedShare(members.map((m) => m.priced ?? 'all')),
      previousPriced: combinedShare(members.map((m) => m.previousPriced ?? 'all')),
    }))
    .sort((a, b) => b.costUsd - a.costUsd || a.key.localeCompare(b.key));
}

/**
 * The week's cost per million invocations, over the invocations of the functions priced at least
 * in part (as each function's own figure): the invocations of a function none of whose usage had
 * a price would lower it with no cost beside them. Null when there are none.
 */
function perMillion(totalCostUsd: number, rows: readonly ReportFunctionCost[]): number | null {
  const invocations = rows
    .filter((r) => r.priced !== 'none')
    .reduce((s, r) => s + r.invocations, 0);
  return invocations > 0 ? (totalCostUsd / invocations) * 1e6 : null;
}

function computeByTier(rows: readonly ReportFunctionCost[]): WeeklyReport['computeByTier'] {
  const lines: ComputeLine[] = [];
  for (const r of rows) addComputeLines(lines, r.computeLines);
  return lines
    .map(({ priceId: _priceId, ...line }) => line)
    .sort(
      (a, b) =>
        a.architecture.localeCompare(b.architecture) ||
        a.kind.localeCompare(b.kind) ||
        b.usdPerGbSecond - a.usdPerGbSecond,
    );
}

const isGcpAzure = (
  fn: ReportFunction,
): fn is ReportFunction & {
  platform: 'gcp_cloud_run' | 'gcp_cloud_functions' | 'azure_functions';
} =>
  fn.platform === 'gcp_cloud_run' ||
  fn.platform === 'gcp_cloud_functions' ||
  fn.platform === 'azure_functions';

/** A week's memory size, weighted by billed time; 0 without any known. */
const meanMemoryMb = (t: WeekTotals): number => (t.billedMs > 0 ? t.billedMbMs / t.billedMs : 0);

/**
 * A function's factors in one week; prices a week did not use are the marginal list prices (of
 * Azure Functions, Cloud Run and Cloud Functions at the memory of `otherWeek` when this one has
 * none). The architecture is the share of compute GB-seconds each ran, and each architecture's
 * price is what its GB-seconds cost, so a week split between x86_64 and arm64 is modelled exactly;
 * Azure Functions, Cloud Run and Cloud Functions run on one, at what their time cost (GCP's
 * vCPU-seconds with it). Knative and OpenFaaS pods are not modelled: their cost is "other".
 */
function factorsOf(
  fn: ReportFunction,
  t: WeekTotals,
  otherWeek: WeekTotals,
  weekFromMs: number,
  pricing: PricingService,
): CostFactors {
  const memoryMb = meanMemoryMb(t);
  const durationMs =
    t.invocations > 0 && memoryMb > 0
      ? (t.computeGbSeconds * 1024 * 1000) / memoryMb / t.invocations
      : 0;
  const usdPerGbSecond: Record<string, number> = {};
  let usdPerRequest = 0;
  const architecture: Record<string, number> = {};
  if (fn.platform === 'aws_lambda') {
    for (const arch of ARCHITECTURES) {
      const marginal = lambdaMarginalPrices(arch, weekFromMs, fn.region, pricing, 0);
      const ran = t.byArchitecture[arch];
      usdPerGbSecond[arch] =
        ran && ran.gbSeconds > 0 ? ran.usd / ran.gbSeconds : marginal.usdPerGbSecond;
      usdPerRequest = marginal.usdPerRequest;
      if (ran && t.computeGbSeconds > 0) architecture[arch] = ran.gbSeconds / t.computeGbSeconds;
    }
    if (t.invocations > 0) usdPerRequest = t.breakdown.requests / t.invocations;
  } else if (isGcpAzure(fn)) {
    const arch = fn.architecture;
    const ran = t.byArchitecture[arch];
    const list = () =>
      serverlessUnitPrices(fn, memoryMb || meanMemoryMb(otherWeek), weekFromMs, pricing);
    usdPerGbSecond[arch] =
      ran && ran.gbSeconds > 0 ? ran.usd / ran.gbSeconds : list().usdPerGbSecond;
    if (ran && t.computeGbSeconds > 0) architecture[arch] = 1;
    usdPerRequest = t.invocations > 0 ? t.breakdown.requests / t.invocations : list().usdPerRequest;
  }
  return {
    invocations: t.invocations,
    durationMs,
    memoryMb,
    architecture,
    prices: { usdPerRequest, usdPerGbSecond },
  };
}

type ColdStartFigures = Pick<
  ColdStartSummary,
  'count' | 'coldStartsWithInit' | 'waitingSeconds' | 'costUsd'
>;

/**
 * The week's cold starts, and what users waited for them and they cost, over those with an init
 * duration (GET /api/coldstarts's count and time): of a cold start without one neither is known,
 * so a function none of whose cold starts has one waited an unknown time, at an unknown cost where
 * its INIT is billed.
 */
function coldStartFigures(
  week: ReadonlyMap<string, WeekTotals>,
  counted: readonly ReportColdStartInput[],
): { total: ColdStartFigures; byFunction: Map<string, Omit<ColdStartFigures, 'count'>> } {
  const byId = new Map(counted.map((c) => [c.functionId, c]));
  const total = { count: 0, coldStartsWithInit: 0, waitingMs: 0, costUsd: 0, costUnknown: false };
  const byFunction = new Map<string, Omit<ColdStartFigures, 'count'>>();
  for (const [id, t] of week) {
    const c = byId.get(id);
    const withInit = Math.min(t.coldStarts, c?.coldStartsWithInit ?? 0);
    const untold = withInit === 0 && t.coldStarts > 0;
    const waitingMs = c?.latencyAddedMs ?? 0;
    byFunction.set(id, {
      coldStartsWithInit: withInit,
      waitingSeconds: untold ? null : waitingMs / 1000,
      costUsd: untold && t.coldStartsBillInit ? null : t.coldStartUsd,
    });
    total.count += t.coldStarts;
    total.coldStartsWithInit += withInit;
    total.waitingMs += waitingMs;
    total.costUsd += t.coldStartUsd;
    total.costUnknown ||= untold && t.coldStartsBillInit;
  }
  const untold = total.coldStartsWithInit === 0 && total.count > 0;
  return {
    total: {
      count: total.count,
      coldStartsWithInit: total.coldStartsWithInit,
      waitingSeconds: untold ? null : total.waitingMs / 1000,
      costUsd: untold && total.costUnknown ? null : total.costUsd,
    },
    byFunction,
  };
}

/**
 * Each function's assumptions once, after how many functions it concerns (which ones: their rows'
 * `assumed`): every format lists the coverage assumptions, and a name there would be read as text.
 */
function functionAssumptions(rows: readonly ReportFunctionCost[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const a of r.assumed ?? []) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].map(([a, n]) => `${n} ${n === 1 ? 'function' : 'functions'}: ${a}`);
}

function safe(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/**
 * Builds the weekly report from typed inputs, pricing every function-day through the pricing
 * service (the configured catalogue in a running process). Lambda's duration tiers accumulate per
 * account (or across the accounts, by `tierGrouping`), region and architecture from the first of
 * each month, day by day in time order (and by function id within a day, the order in which the
 * month's GB-seconds are attributed to functions; the group's total does not depend on it).
 */
export function buildWeeklyReport(
  inputs: WeeklyReportInputs,
  pricing: PricingService,
  assumptions: readonly string[] = [],
  tierGrouping: LambdaTierGrouping = 'account',
): WeeklyReport {
  const parsed = parseIsoWeek(inputs.week);
  if (isWeekError(parsed)) throw new RangeError(parsed.error);
  const week = parsed;
  const previous = previousIsoWeek(week);
  const functions = new Map(inputs.functions.map((f) => [f.functionId, f]));
  const monthFrom = monthStartMs(week.toMs - 1);
  const monthTo = nextMonthStartMs(week.toMs - 1);

  const current = new Map<string, WeekTotals>();
  const prior = new Map<string, WeekTotals>();
  const totalsOf = (map: Map<string, WeekTotals>, id: string) => {
    let t = map.get(id);
    if (!t) map.set(id, (t = emptyTotals()));
    return t;
  };
  const unpricedFunctions = new Map<string, string>();
  const priceIds = new Set<string>();
  const tiers = new LambdaTierLedger(tierGrouping);
  const dailyCost = new Map<number, number>();
  /** The previous week's daily cost, keyed by the same weekday of this week. */
  const previousDailyCost = new Map<number, number>();
  let monthToDateUsd = 0;

  // What has happened of the week: all of it once it is over, up to the build of a week in
  // progress, whose days to come are forecast like the rest of the month.
  const asOfMs = Math.min(week.toMs, Math.max(week.fromMs, inputs.generatedAtMs));

  const days = [...inputs.days]
    .filter((d) => d.dayStartMs >= reportInputsFromMs(week) && d.dayStartMs < week.toMs)
    .sort(lambdaTierOrder);
  for (const day of days) {
    const fn = functions.get(day.functionId);
    if (!fn) {
      unpricedFunctions.set(day.functionId, 'not in the inventory');
      continue;
    }
    let priced: PricedDay;
    // As priceLambdaDay: the inventory names none, nor the history on this day.
    const architectureAssumed =
      fn.platform === 'aws_lambda' &&
      fn.architectureAssumed === true &&
      day.architecture === undefined;
    if (fn.platform === 'aws_lambda') {
      const place = {
        account: fn.account,
        region: fn.region,
        architecture: day.architecture ?? fn.architecture,
        dayStartMs: day.dayStartMs,
      };
      priced = tiers.price(place, (used) => priceLambdaDay(fn, day, pricing, used));
    } else if (fn.platform === 'knative' || fn.platform === 'openfaas') {
      priced = pricePodDay(fn, day, pricing);
    } else if (isGcpAzure(fn)) {
      priced = priceServerlessDay(fn, day, pricing);
    } else {
      priced = unpricedPlatformDay(fn, day);
    }
    const usd = sumBreakdown(priced.breakdown);
    priced.priceIds.forEach((id) => priceIds.add(id));
    if (day.dayStartMs >= monthFrom) monthToDateUsd += usd;
    if (day.dayStartMs >= week.fromMs) {
      const totals = totalsOf(current, fn.functionId);
      accumulate(totals, day, priced, architectureAssumed);
      totals.coldStartsBillInit ||=
        day.coldStarts > (day.snapStart?.restores ?? 0) && billsInit(fn, day);
      addLines(totals.lines, priced, day.dayStartMs, week, asOfMs, fn.platform === 'aws_lambda');
      if (priced.unpriced.length > 0) addUnpricedUsage(totals.unpricedUsage, day, week, asOfMs);
      dailyCost.set(day.dayStartMs, (dailyCost.get(day.dayStartMs) ?? 0) + usd);
    } else if (day.dayStartMs >= previous.fromMs) {
      accumulate(totalsOf(prior, fn.functionId), day, priced, architectureAssumed);
      const sameWeekday = day.dayStartMs + 7 * DAY_MS;
      previousDailyCost.set(sameWeekday, (previousDailyCost.get(sameWeekday) ?? 0) + usd);
    }
  }

  // Judged over both weeks: a source the week before sent on sets what this week misses.
  const endedMs = week.fromMs + Math.floor((asOfMs - week.fromMs) / DAY_MS) * DAY_MS;
  const gaps = sourceGapDays(inputs.days, previous.fromMs, endedMs);
  const missingData = missingDataOf(gaps);

  const rows: ReportFunctionCost[] = [];
  const movers: Mover[] = [];
  for (const id of new Set([...current.keys(), ...prior.keys()])) {
    const fn = functions.get(id)!;
    const now = current.get(id) ?? emptyTotals();
    const before = prior.get(id) ?? emptyTotals();
    const costUsd = sumBreakdown(now.breakdown);
    const previousCostUsd = sumBreakdown(before.breakdown);
    for (const u of now.unpriced) unpricedFunctions.set(id, u);
    const priced = pricedShare(now.unpriced.size, now.anyPriced);
    // What it runs on at the end of the week; computeLines split the week by architecture.
    const [architecture, architectureAssumed] = now.lastArchitecture
      ? [now.lastArchitecture, now.lastArchitectureAssumed]
      : before.lastArchitecture
        ? [before.lastArchitecture, before.lastArchitectureAssumed]
        : [fn.architecture, fn.architectureAssumed === true];
    rows.push({
      functionId: id,
      name: fn.name,
      platform: fn.platform,
      account: fn.account,
      region: fn.region,
      architecture: fn.platform === 'aws_lambda' ? architecture : '',
      ...(fn.platform === 'aws_lambda' && architectureAssumed
        ? { architectureAssumed: true as const }
        : {}),
      invocations: now.invocations,
      previousInvocations: before.invocations,
      costUsd,
      previousCostUsd,
      priced,
      previousPriced: pricedShare(before.unpriced.size, before.anyPriced),
      costPerMillionInvocationsUsd:
        now.invocations > 0 && priced !== 'none' ? (costUsd / now.invocations) * 1e6 : null,
      breakdown: now.breakdown,
      computeLines: now.computeLines,
      lines: now.lines,
      provisionedConcurrencyDetail: {
        allocatedUsd: now.pcAllocatedUsd,
        durationUsd: now.pcDurationUsd,
      },
      unpriced: [...now.unpriced],
      unpricedUsage: now.unpricedUsage,
      assumed: [...new Set([...now.assumed, ...before.assumed])],
    });
    const changeUsd = costUsd - previousCostUsd;
    if (changeUsd !== 0) {
      const pf = factorsOf(fn, before, now, previous.fromMs, pricing);
      const cf = factorsOf(fn, now, before, week.fromMs, pricing);
      const parts = decomposeChange(
        pf,
        cf,
        previousCostUsd - modelledCost(pf),
        costUsd - modelledCost(cf),
      );
      const describe = (f: CostFactors) => ({
        invocations: f.invocations,
        durationMs: safe(f.durationMs),
        memoryMb: safe(f.memoryMb),
        architecture: fn.platform === 'aws_lambda' ? describeArchitecture(f.architecture) : '',
      });
      const missing = missingData.get(id) ?? [];
      movers.push({
        functionId: id,
        name: fn.name,
        previousCostUsd,
        costUsd,
        changeUsd,
        changeRatio: previousCostUsd > 0 ? changeUsd / previousCostUsd : null,
        parts,
        explanation: [
          explainChange(parts, changeUsd, fn.platform),
          ...missing.map(
            (m) =>
              `${m.source} sent no records on ${dateRuns(m.dates)}: the change may be missing data, not a change in use`,
          ),
        ].join('; '),
        factors: { previous: describe(pf), current: describe(cf) },
        ...(missing.length > 0 ? { missingData: missing } : {}),
      });
    }
  }
  rows.sort((a, b) => b.costUsd - a.costUsd || a.functionId.localeCompare(b.functionId));
  movers.sort(
    (a, b) =>
      Math.abs(b.changeUsd) - Math.abs(a.changeUsd) || a.functionId.localeCompare(b.functionId),
  );

  const breakdown = emptyBreakdown();
  rows.forEach((r) => addBreakdown(breakdown, r.breakdown));
  const totalCostUsd = rows.reduce((s, r) => s + r.costUsd, 0);
  const previousTotalCostUsd = rows.reduce((s, r) => s + r.previousCostUsd, 0);
  const invocations = rows.reduce((s, r) => s + r.invocations, 0);
  const nameOf = (id: string) => functions.get(id)?.name ?? id;

  const cold = coldStartFigures(current, inputs.coldStarts);
  const coldByFunction = [...current.entries()]
    .filter(([, t]) => t.coldStarts > 0 || t.coldStartUsd > 0)
    .map(([id, t]) => ({
      functionId: id,
      name: nameOf(id),
      count: t.coldStarts,
      ...cold.byFunction.get(id)!,
    }))
    .sort((a, b) => (b.costUsd ?? 0) - (a.costUsd ?? 0) || b.count - a.count);
  const sumOf = <T>(xs: Iterable<T>, f: (x: T) => number) => {
    let s = 0;
    for (const x of xs) s += f(x);
    return s;
  };

  const idle = [...current.entries()]
    .filter(([, t]) => t.pcAllocatedGbSeconds > 0)
    .map(([id, t]) => {
      const utilisation = Math.min(1, t.pcUsedGbSeconds / t.pcAllocatedGbSeconds);
      return {
        functionId: id,
        name: nameOf(id),
        concurrency: t.pcConcurrency,
        allocatedGbSeconds: t.pcAllocatedGbSeconds,
        usedGbSeconds: t.pcUsedGbSeconds,
        utilisation,
        allocatedUsd: t.pcAllocatedUsd,
        idleUsd: t.pcAllocatedUsd * (1 - utilisation),
      };
    })
    .sort((a, b) => b.idleUsd - a.idleUsd);

  const idlePods = [...current.entries()]
    .filter(([, t]) => t.minScaleAllocatedPodSeconds > 0)
    .map(([id, t]) => {
      const utilisation = Math.min(1, t.minScaleBusyPodSeconds / t.minScaleAllocatedPodSeconds);
      return {
        functionId: id,
        name: nameOf(id),
        pods: t.minScalePods,
        allocatedPodSeconds: t.minScaleAllocatedPodSeconds,
        busyPodSeconds: t.minScaleBusyPodSeconds,
        utilisation,
        allocatedUsd: t.minScaleAllocatedUsd,
        idleUsd: t.minScaleAllocatedUsd * (1 - utilisation),
      };
    })
    .sort((a, b) => b.idleUsd - a.idleUsd);

  const elapsedDays = (asOfMs - week.fromMs) / DAY_MS;
  const remainingDays = Math.max(0, (monthTo - Math.max(asOfMs, monthFrom)) / DAY_MS);
  const dailyMeanUsd = elapsedDays > 0 ? totalCostUsd / elapsedDays : 0;
  const daysText = Number.isInteger(remainingDays)
    ? String(remainingDays)
    : remainingDays.toFixed(1);
  const coverage = weekCoverage(week, inputs.days, gaps, asOfMs);
  const previousCoverage = weekCoverage(previous, inputs.days, gaps);
  const recs = reportRecommendations(inputs.recommendations, nameOf);

  return {
    week: week.label,
    from: new Date(week.fromMs).toISOString(),
    to: new Date(week.toMs).toISOString(),
    complete: asOfMs >= week.toMs,
    through: new Date(asOfMs).toISOString(),
    currency: 'USD',
    catalogueVersion: pricing.catalogueVersion,
    priceIds: [...priceIds].sort(),
    generatedAt: new Date(inputs.generatedAtMs).toISOString(),
    totalCostUsd,
    previousTotalCostUsd,
    invocations,
    previousInvocations: rows.reduce((s, r) => s + r.previousInvocations, 0),
    costPerMillionInvocationsUsd: perMillion(totalCostUsd, rows),
    breakdown,
    computeByTier: computeByTier(rows),
    byPlatform: groupTotals(rows, (r) => r.platform),
    byAccount: groupTotals(rows, (r) => r.account),
    byRegion: groupTotals(rows, (r) => r.region),
    functions: rows,
    movers: movers.slice(0, TOP_MOVERS),
    decompositionMethod:
      'Shapley value over invocations, duration (mean billed ms), memory size, architecture and effective prices, with cost = invocations × $/request + GB-seconds × $/GB-second (Cloud Run and Cloud Functions: their vCPU-seconds in the $/GB-second); the architecture as the share of GB-seconds run on each, so a function that moved mid-week is part x86_64, part arm64; what that model leaves out (Lambda provisioned concurrency allocated, ephemeral storage and SnapStart; Knative and OpenFaaS pods) is the "other" part. The parts add up to the change.',
    coldStarts: {
      ...cold.total,
      previousCount: sumOf(prior.values(), (t) => t.coldStarts),
      previousCostUsd: sumOf(prior.values(), (t) => t.coldStartUsd),
      byFunction: coldByFunction,
    },
    idleProvisionedConcurrency: idle,
    idleMinScalePods: idlePods,
    monthToDate: {
      month: isoDate(monthFrom).slice(0, 7),
      from: new Date(monthFrom).toISOString(),
      to: new Date(Math.min(asOfMs, monthTo)).toISOString(),
      costUsd: monthToDateUsd,
      forecastMonthEndUsd: monthToDateUsd + dailyMeanUsd * remainingDays,
      forecastMethod: `month-to-date plus this week's mean daily cost${elapsedDays < 7 ? ` over its ${elapsedDays.toFixed(1)} days so far` : ''} × the ${daysText} days left in the month`,
    },
    daily: Array.from({ length: 7 }, (_, i) => {
      const t = week.fromMs + i * DAY_MS;
      return {
        date: isoDate(t),
        costUsd: dailyCost.get(t) ?? 0,
        previousCostUsd: previousDailyCost.get(t) ?? 0,
      };
    }),
    recommendations: recs.recommendations,
    recommendationsSavingUsd: recs.total,
    coverage: {
      ...coverage,
      message: coverageMessage(week, coverage, previous, previousCoverage, asOfMs, nameOf),
      previousWeek: previousCoverage,
      unpriced: [...unpricedFunctions].map(([functionId, reason]) => ({ functionId, reason })),
      assumptions: [
        `Lambda duration tiers accumulate ${tierGrouping === 'organization' ? 'across the accounts (an Organization’s consolidated bill), per region and architecture,' : 'per account, region and architecture'} over the functions Fleetscope sees, from the first of the month.`,
        ...assumptions,
        ...functionAssumptions(rows),
      ],
    },
  };
}
