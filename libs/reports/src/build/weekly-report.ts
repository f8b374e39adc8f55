/**
 * The weekly report JSON: the contract every other format renders (issue 10). Dollars are
 * unrounded; rounding is for display.
 */
export interface CostBreakdown {
  requests: number;
  /** On-demand duration (without billed INIT) plus duration run on provisioned concurrency. */
  compute: number;
  /** Allocated provisioned concurrency. */
  provisionedConcurrency: number;
  /** Billed INIT of on-demand cold starts. */
  init: number;
  ephemeralStorage: number;
  snapStart: number;
  /** Knative and OpenFaaS pods at the Kubernetes node price. */
  pods: number;
}

export const BREAKDOWN_KEYS = [
  'requests',
  'compute',
  'provisionedConcurrency',
  'init',
  'ephemeralStorage',
  'snapStart',
  'pods',
] as const satisfies readonly (keyof CostBreakdown)[];

/** Compute by architecture and price tier (Lambda's monthly volume tiers). */
export interface ComputeLine {
  architecture: string;
  /** 'on-demand' or 'provisioned' (duration run on provisioned concurrency). */
  kind: 'on-demand' | 'provisioned';
  usdPerGbSecond: number;
  gbSeconds: number;
  usd: number;
  priceId: string;
}

/** One priced meter of one function over the week (or the part of it in one calendar month). */
export interface ChargeLine {
  category: keyof CostBreakdown;
  meter: string;
  priceId: string;
  unit: string;
  usdPerUnit: number;
  quantity: number;
  usd: number;
  /**
   * Lambda: the architecture the line's usage ran on (a function that moved mid-week has lines of
   * both); absent on other platforms and in reports built before it was recorded.
   */
  architecture?: string;
  /**
   * Lambda on-demand duration: the 1-based monthly volume tier of its price (1 for a flat price);
   * one price has a unit price per tier. Absent on other meters and in reports built before it was
   * recorded.
   */
  tier?: number;
  /** ISO-8601 UTC; inclusive start, exclusive end; never across a calendar month. */
  periodStart: string;
  periodEnd: string;
}

/**
 * Invocations of one function over the week (or the part of it in one calendar month) on days with
 * usage that had no price: the FOCUS rows of a function none of whose usage was priced.
 */
export interface UnpricedUsageLine {
  invocations: number;
  /** ISO-8601 UTC; inclusive start, exclusive end; never across a calendar month. */
  periodStart: string;
  periodEnd: string;
}

/**
 * How much of a cost figure could be priced: 'all' of it; 'part' (the figure is the priced part
 * only: `unpriced` says what it leaves out); 'none' (nothing could be priced: the figure, 0, is
 * not what it cost, and reads "not priced").
 */
export type PricedShare = 'all' | 'part' | 'none';

/** The share of a week priced, from its reasons for leaving something out and whether anything had a price. */
export function pricedShare(unpricedReasons: number, anyPriced: boolean): PricedShare {
  if (unpricedReasons === 0) return 'all';
  return anyPriced ? 'part' : 'none';
}

/** The share of a group of costs priced: 'all' or 'none' when every member's is, else 'part'. */
export function combinedShare(shares: Iterable<PricedShare>): PricedShare {
  let all = true;
  let none = true;
  for (const share of shares) {
    if (share !== 'all') all = false;
    if (share !== 'none') none = false;
  }
  return all ? 'all' : none ? 'none' : 'part';
}

/**
 * A function's `priced`: reports built before it was recorded are read by its unpriced meters and
 * priced lines.
 */
export function functionPriced(f: ReportFunctionCost): PricedShare {
  return f.priced ?? pricedShare(f.unpriced.length, f.lines.length > 0);
}

export interface ReportFunctionCost {
  functionId: string;
  name: string;
  platform: string;
  account: string;
  region: string;
  /** Lambda: what it runs on at the end of the week; x86_64 when `architectureAssumed`. */
  architecture: string;
  /**
   * Lambda: nothing names its architecture (no setting observed, none in the inventory, and
   * REPORT and Telemetry records name none): `architecture` is what it is priced as, not what it
   * runs on (`assumed` says so).
   */
  architectureAssumed?: true;
  invocations: number;
  previousInvocations: number;
  /** The priced part when `priced` is 'part'; 0, not a cost, when it is 'none'. */
  costUsd: number;
  previousCostUsd: number;
  /**
   * How much of costUsd (previousPriced: of previousCostUsd) could be priced. Absent in reports
   * built before it was recorded (read them with functionPriced()).
   */
  priced?: PricedShare;
  previousPriced?: PricedShare;
  /** null without invocations, or when nothing could be priced. */
  costPerMillionInvocationsUsd: number | null;
  breakdown: CostBreakdown;
  computeLines: ComputeLine[];
  /** Every priced meter (the FOCUS rows). */
  lines: ChargeLine[];
  provisionedConcurrencyDetail: { allocatedUsd: number; durationUsd: number };
  /** Meters that had no price (the cost leaves them out), or why the function could not be priced. */
  unpriced: string[];
  /**
   * What its cost and previousCostUsd assume where the data cannot say (a price not sourced for its
   * region, an architecture unknown), each once. Absent in reports built before it was recorded.
   */
  assumed?: string[];
  /**
   * The invocations of the days with something in `unpriced`, per calendar month. Absent in reports
   * built before it was recorded.
   */
  unpricedUsage?: UnpricedUsageLine[];
}

/** The parts of one function's change; they add up to `changeUsd`. */
export interface ChangeParts {
  invocations: number;
  duration: number;
  memorySize: number;
  architecture: number;
  price: number;
  /** Provisioned concurrency allocated, ephemeral storage, SnapStart and pods. */
  other: number;
}

export interface Mover {
  functionId: string;
  name: string;
  previousCostUsd: number;
  costUsd: number;
  changeUsd: number;
  /** null when the previous week cost nothing. */
  changeRatio: number | null;
  parts: ChangeParts;
  /** The largest part, in words. */
  explanation: string;
  /** What each factor was in each week (duration: mean billed ms per invocation). */
  factors: {
    previous: { invocations: number; durationMs: number; memoryMb: number; architecture: string };
    current: { invocations: number; durationMs: number; memoryMb: number; architecture: string };
  };
  /**
   * The stopped sources that fed it (Coverage.sourceGaps) and the days of either week it has no
   * records on: the change may be missing data. Absent when none (the explanation says it too).
   */
  missingData?: { source: string; dates: string[] }[];
}

/**
 * Cold starts and what they cost users and the bill. The wait and cost cover the cold starts with
 * an init duration only (`coldStartsWithInit` of `count`, as GET /api/coldstarts counts them): of
 * one known only from a span's `faas.coldstart` neither is known.
 */
export interface ColdStartSummary {
  count: number;
  /** Of `count`, those with an Init or SnapStart Restore Duration. Absent: reports built before. */
  coldStartsWithInit?: number;
  /**
   * Seconds users waited for INIT and SnapStart restores, over the coldStartsWithInit; null when
   * none of `count` has a duration (unknown, not 0).
   */
  waitingSeconds: number | null;
  /**
   * Billed INIT plus SnapStart restores (their duration and fee; not the snapshot cache); INIT
   * over the coldStartsWithInit only. null when none of them has an init duration and a function
   * of theirs is billed for INIT (unknown, not 0).
   */
  costUsd: number | null;
  previousCount: number;
  previousCostUsd: number;
  byFunction: {
    functionId: string;
    name: string;
    count: number;
    /** As ColdStartSummary's, for the function. */
    coldStartsWithInit?: number;
    waitingSeconds: number | null;
    costUsd: number | null;
  }[];
}

export interface IdleProvisionedConcurrency {
  functionId: string;
  name: string;
  concurrency: number;
  allocatedGbSeconds: number;
  usedGbSeconds: number;
  utilisation: number;
  allocatedUsd: number;
  /** The allocated cost in proportion to the unused share. */
  idleUsd: number;
}

/** Knative and OpenFaaS pods kept by min-scale and how much of their time had requests. */
export interface IdleMinScalePods {
  functionId: string;
  name: string;
  pods: number;
  allocatedPodSeconds: number;
  busyPodSeconds: number;
  utilisation: number;
  /** The min-scale pods' cost at the node price. */
  allocatedUsd: number;
  /** The allocated cost in proportion to the time without requests. */
  idleUsd: number;
}

export interface ReportRecommendation {
  kind: string;
  functionId: string;
  name: string;
  title: string;
  reason: string;
  monthlyImpactUsd: number;
  savingRangeUsd: { low: number; high: number };
  /** How the range was obtained. */
  rangeBasis: string;
  confidence: string;
  confidenceScore: number;
  planRole: 'fix' | 'change' | 'option';
  /** Whether it is part of the combined saving (it can be done together with the others). */
  inTotal: boolean;
  catalogueVersion: string;
}

export interface CoverageDay {
  date: string;
  invocations: number;
  functions: number;
  sources: string[];
}

/**
 * A source that stopped sending: days of a week on which functions it fed, that ran on most days
 * before and on the same weekday the week before, have no records at all while none of their
 * sources sent anything (the per-function rule of source-gaps.ts). Their cost there may be
 * missing rather than zero.
 */
export interface SourceGap {
  source: string;
  /** YYYY-MM-DD, UTC. */
  dates: string[];
  /** The functions it fed over the two weeks with no records on some of those days. */
  functionIds: string[];
}

export interface WeekCoverage {
  /** 'partial' also when a source stopped sending on some days (`sourceGaps`). */
  status: 'complete' | 'partial' | 'none';
  daysWithData: number;
  /** Days nothing at all was recorded on. */
  missingDays: string[];
  sources: string[];
  days: CoverageDay[];
  /** Absent in reports built before it was recorded. */
  sourceGaps?: SourceGap[];
}

export interface Coverage extends WeekCoverage {
  /** One plain sentence: what data the week has and what is missing. */
  message: string;
  previousWeek: WeekCoverage;
  /** Functions (or meters) that could not be priced, and why. */
  unpriced: { functionId: string; reason: string }[];
  /**
   * What the figures assume where the data cannot say: the report's rules, then each function's
   * `assumed` once, after how many functions it concerns ("2 functions: …").
   */
  assumptions: string[];
}

export interface GroupTotal {
  key: string;
  /** The sum of its functions' costUsd: the priced part only when `priced` is not 'all'. */
  costUsd: number;
  previousCostUsd: number;
  /**
   * 'none' when none of its functions could be priced (costUsd, 0, reads "not priced"), 'part'
   * when some of their usage could not. Absent in reports built before it was recorded.
   */
  priced?: PricedShare;
  previousPriced?: PricedShare;
  invocations: number;
}

export interface WeeklyReport {
  /**
   * Present and true when the report is of the demo fleet (`npm run demo`, issue 12): every format
   * says so. Set from the store the report is built from and read back from.
   */
  demo?: true;
  week: string;
  /** ISO-8601 UTC, inclusive. */
  from: string;
  /** ISO-8601 UTC, exclusive. */
  to: string;
  /**
   * False for a week built before it ended: its figures are what had happened by `through`, it is
   * not the week's report and is never delivered (a build after the week has ended is).
   */
  complete: boolean;
  /** ISO-8601 UTC, exclusive: what the figures cover ends here; `to` once the week is complete. */
  through: string;
  currency: 'USD';
  catalogueVersion: string;
  priceIds: string[];
  generatedAt: string;
  totalCostUsd: number;
  previousTotalCostUsd: number;
  invocations: number;
  previousInvocations: number;
  /** Over the invocations of the functions priced at least in part; null when there are none. */
  costPerMillionInvocationsUsd: number | null;
  breakdown: CostBreakdown;
  /** Compute of every function by architecture, on-demand or provisioned, and price tier. */
  computeByTier: Omit<ComputeLine, 'priceId'>[];
  byPlatform: GroupTotal[];
  byAccount: GroupTotal[];
  byRegion: GroupTotal[];
  functions: ReportFunctionCost[];
  movers: Mover[];
  /** How the movers' parts are computed. */
  decompositionMethod: string;
  coldStarts: ColdStartSummary;
  idleProvisionedConcurrency: IdleProvisionedConcurrency[];
  idleMinScalePods: IdleMinScalePods[];
  monthToDate: {
    month: string;
    from: string;
    to: string;
    costUsd: number;
    forecastMonthEndUsd: number;
    forecastMethod: string;
  };
  /** Daily cost of the week (charts). */
  daily: { date: string; costUsd: number; previousCostUsd: number }[];
  recommendations: ReportRecommendation[];
  recommendationsSavingUsd: { low: number; high: number; note: string };
  /**
   * The analysis run the recommendations come from: the first one finished after the week's end
   * (the first to see the whole week, which its Monday build lists), else the latest, finished
   * before the week ended (`firstAfterWeek` false). Absent without a run, and in reports built
   * before it was recorded.
   */
  recommendationsRun?: {
    runId: string;
    /** ISO-8601 UTC. */
    finishedAt: string;
    /** The run's analysis window, ISO-8601 UTC. */
    windowFrom: string;
    windowTo: string;
    /** False when no run has finished since the week's end: the latest, finished before it. */
    firstAfterWeek: boolean;
  };
  coverage: Coverage;
}
