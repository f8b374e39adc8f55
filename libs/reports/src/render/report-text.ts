import { formatSignificant } from '@fleetscope/model';
import type {
  ChangeParts,
  CostBreakdown,
  ReportRecommendation,
  WeeklyReport,
} from '../build/weekly-report';

/** What a report of the demo fleet says of itself, after "Demo data:", in every format (issue 12). */
export const DEMO_NOTICE =
  'the demo fleet of `npm run demo` (public Azure Functions traces and Lambda records derived from them), not the costs of real functions.';

/** ' (demo data)' after a title of a demo report, else nothing. */
export function demoSuffix(report: Pick<WeeklyReport, 'demo'>): string {
  return report.demo ? ' (demo data)' : '';
}

/** The name of a report's files without extension: fleetscope-2026-W48, fleetscope-demo-2026-W48. */
export function reportFileStem(report: Pick<WeeklyReport, 'demo' | 'week'>): string {
  return `fleetscope-${report.demo ? 'demo-' : ''}${report.week}`;
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
