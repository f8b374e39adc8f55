import { formatSignificant } from '@fleetscope/model';
import {
  functionPriced,
  type ChangeParts,
  type ColdStartSummary,
  type CostBreakdown,
  type Mover,
  type PricedShare,
  type ReportFunctionCost,
  type ReportRecommendation,
  type WeekCoverage,
  type WeeklyReport,
} from '../build/weekly-report';
import { utcMinute } from '../week/iso-week';

/** What a report of the demo fleet says of itself, after "Demo data:", in every format (issue 12). */
export const DEMO_NOTICE =
  'the demo fleet of `npm run demo` (public Azure Functions traces and Lambda records derived from them), not the costs of real functions.';

/**
 * What every figure is, said once in every format (docs/decisions.md, "Lambda free tier"): nothing
 * is deducted from the catalogue's list prices, so a figure above the invoice is not an error.
 */
export const COST_BASIS =
  "Costs are estimates at the price catalogue's on-demand list prices: no free tier, Savings Plans or other commitment discounts, credits or tax are deducted, so they are not the bill.";

/** ' (demo data)' after a title of a demo report, else nothing. */
export function demoSuffix(report: Pick<WeeklyReport, 'demo'>): string {
  return report.demo ? ' (demo data)' : '';
}

/**
 * The name of a report's files without extension: fleetscope-2026-W48, fleetscope-demo-2026-W48,
 * and fleetscope-2026-W49-in-progress for a week built before it ended (a file passed on keeps
 * saying it is not the week's).
 */
export function reportFileStem(report: Pick<WeeklyReport, 'demo' | 'week' | 'complete'>): string {
  return `fleetscope-${report.demo ? 'demo-' : ''}${report.week}${report.complete === false ? '-in-progress' : ''}`;
}

/** What every format says, first, of a week built before it ended; undefined once it has. */
export function inProgressNotice(report: WeeklyReport): string | undefined {
  if (report.complete !== false) return undefined;
  return `In progress: figures through ${utcMinute(Date.parse(report.through))} of a week that ends ${utcMinute(Date.parse(report.to))}. This is not the week's report and is not delivered: that is built once the week has ended (the schedule builds and delivers it).`;
}

/**
 * Beside every total: what it leaves out. A function whose compute has no memory size to be priced
 * at still has its requests in the total; its cost is incomplete, not zero.
 */
export function unpricedNote(report: WeeklyReport): string | undefined {
  const n = report.coverage.unpriced.length;
  if (n === 0) return undefined;
  return `excludes what could not be priced for ${n} ${n === 1 ? 'function' : 'functions'}, listed under "Not priced"`;
}

/**
 * In a one-line summary (the e-mail subject, the webhook's notification), after the change: which
 * of the two weeks it compares has gaps, which the coverage sentence tells at length; undefined
 * when both are complete. A week in progress says so itself, so only the week before is named.
 */
export function coverageNote(report: WeeklyReport): string | undefined {
  const gaps = [
    report.complete === false ? undefined : weekGap(report.coverage, 'this week'),
    weekGap(report.coverage.previousWeek, 'the week before'),
  ].filter((gap) => gap !== undefined);
  return gaps.length > 0 ? gaps.join('; ') : undefined;
}

function weekGap(c: WeekCoverage, which: string): string | undefined {
  if (c.status === 'complete') return undefined;
  if (c.daysWithData === 0) return `no data ${which}`;
  const days = c.days.length;
  return `partial data ${which}${c.daysWithData < days ? `, ${c.daysWithData} of ${days} days` : ''}`;
}

/**
 * A cost as far as it could be priced: "not priced" when nothing of it could be (its 0 is not a
 * cost), "(priced part only)" after it when part could not. Absent: reports built before.
 */
export function pricedUsd(value: number, share: PricedShare = 'all'): string {
  switch (share) {
    case 'all':
      return usd(value);
    case 'part':
      return `${usd(value)} (priced part only)`;
    case 'none':
      return 'not priced';
  }
}

/** A function's cost this week, as far as it could be priced. */
export function functionCostText(f: ReportFunctionCost): string {
  return pricedUsd(f.costUsd, functionPriced(f));
}

/** A function's cost the week before, as far as it could be priced. */
export function previousFunctionCostText(f: ReportFunctionCost): string {
  return pricedUsd(f.previousCostUsd, f.previousPriced);
}

/** How much of a mover's cost in each week could be priced: its function's row says. */
function moverPriced(
  report: WeeklyReport,
  m: Mover,
): { previous: PricedShare; current: PricedShare } {
  const f = report.functions.find((x) => x.functionId === m.functionId);
  return { previous: f?.previousPriced ?? 'all', current: f ? functionPriced(f) : 'all' };
}

/** A mover's cost in each week, as far as it could be priced. */
export function moverCostTexts(
  report: WeeklyReport,
  m: Mover,
): { previous: string; current: string } {
  const priced = moverPriced(report, m);
  return {
    previous: pricedUsd(m.previousCostUsd, priced.previous),
    current: pricedUsd(m.costUsd, priced.current),
  };
}

/**
 * After a mover's change where it has no table cell to say it: what of its change was not priced
 * (a function priced last week and not this week did not get cheaper); '' when all of it was.
 */
export function moverPricedNote(report: WeeklyReport, m: Mover): string {
  const { previous, current } = moverPriced(report, m);
  if (current === 'none') return ' (not priced this week)';
  if (previous === 'none') return ' (not priced the week before)';
  return current === 'part' || previous === 'part' ? ' (priced part only)' : '';
}

/**
 * Below this a dollar figure is floating-point noise of sums and differences (1 - 0.9 - 0.1), not
 * money: the smallest Lambda charge, 1 ms at 128 MB on arm64, is about $0.0000000017.
 */
const NOISE_USD = 1e-10;

/** Display rounding only: the JSON keeps full precision. Sub-cent amounts keep 2 significant digits. */
export function usd(value: number): string {
  const abs = Math.abs(value);
  if (!(abs >= NOISE_USD)) return '$0.00';
  const text =
    abs < 0.01
      ? formatSignificant(abs, 2)
      : abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '-' : ''}$${text}`;
}

/**
 * A quantity such as GB-seconds: whole and grouped from 1,000, else 4 significant digits without
 * trailing zeros (1.05, 0.125), so a small week does not read as 1 or 0.
 */
export function quantity(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value === 0) return '0';
  return formatSignificant(value, 4)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/**
 * Seconds to one decimal, half up as a reader rounds them: toFixed() works on the binary value, so
 * 4.85 (4.8499999…) printed 4.8 beside per-function rows of 0.3, 1.75 → 1.8 and 2.8.
 */
export function tenthsOfSeconds(value: number): string {
  return `${(Math.round(value * 10) / 10).toFixed(1)} s`;
}

/**
 * What users waited for cold starts and what those cost, and which cold starts the two cover: the
 * ones with an init duration (ColdStartSummary). `coverage` is '' when they cover all, or the
 * report was stored before they were counted.
 */
export function coldStartTexts(
  c: Pick<ColdStartSummary, 'count' | 'coldStartsWithInit' | 'waitingSeconds' | 'costUsd'>,
): { wait: string; cost: string; coverage: string } {
  const withInit = c.coldStartsWithInit;
  return {
    wait: c.waitingSeconds === null ? 'an unknown time' : tenthsOfSeconds(c.waitingSeconds),
    cost: c.costUsd === null ? 'an unknown amount' : usd(c.costUsd),
    coverage:
      withInit === undefined || withInit >= c.count
        ? ''
        : `from ${withInit.toLocaleString('en-US')} of ${c.count.toLocaleString('en-US')} cold starts (the others have no init duration)`,
  };
}

export function signedUsd(value: number): string {
  return value >= NOISE_USD ? `+${usd(value)}` : usd(value);
}

export function percent(ratio: number | null): string {
  return ratio === null ? 'new' : `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
}

export const BREAKDOWN_LABELS: Record<keyof CostBreakdown, string> = {
  requests: 'Requests',
  compute: 'Compute',
  provisionedConcurrency: 'Provisioned concurrency',
  init: 'INIT',
  ephemeralStorage: 'Ephemeral storage',
  snapStart: 'SnapStart',
  pods: 'Pods',
};

export const PART_LABELS: Record<keyof ChangeParts, string> = {
  invocations: 'Invocations',
  duration: 'Duration',
  memorySize: 'Memory',
  architecture: 'Architecture',
  price: 'Price',
  other: 'Other',
};

/**
 * A recommendation's monthly saving; it names its price catalogue when the analysis that stored it
 * priced with another version than the report's.
 */
export function savingText(r: ReportRecommendation, report: WeeklyReport): string {
  const saving =
    r.savingRangeUsd.low === r.savingRangeUsd.high
      ? usd(r.monthlyImpactUsd)
      : `${usd(r.savingRangeUsd.low)} to ${usd(r.savingRangeUsd.high)}`;
  return r.catalogueVersion && r.catalogueVersion !== report.catalogueVersion
    ? `${saving} (prices ${r.catalogueVersion})`
    : saving;
}

/** The week's cost per million invocations in words: "$0.42 per million", or why it has none. */
export function perMillionText(
  report: Pick<WeeklyReport, 'invocations' | 'costPerMillionInvocationsUsd'>,
): string {
  if (report.costPerMillionInvocationsUsd !== null) {
    return `${usd(report.costPerMillionInvocationsUsd)} per million`;
  }
  return report.invocations > 0 ? 'cost per million not priced' : 'no invocations';
}
