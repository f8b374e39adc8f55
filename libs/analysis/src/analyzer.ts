import type { PricingService } from '@fleetscope/pricing';
import type { FunctionAnalysisInput } from './inputs';
import type { Recommendation, RecommendationKind, WhyNot } from './recommendation';

/** Shared by every analyzer in one run. */
export interface AnalysisContext {
  /** Every price an analyzer quotes, over the configured catalogue. */
  pricing: PricingService;
  /** The instant whose prices and billing rules apply (usually the window end). */
  at: Date;
  /**
   * On-demand GB-seconds the account already uses per month in this region and architecture, so
   * marginal prices sit in the right tier; without those of `functionId`, whose own usage is priced
   * on top of them. Omitted: the first tier.
   */
  monthlyGbSecondsBefore?: (
    account: string,
    region: string,
    architecture: 'x86_64' | 'arm64',
    functionId?: string,
  ) => number;
  /** Told why a function gets no recommendation of a kind, for the "why not" view. */
  explain?: (whyNot: WhyNot) => void;
}

/** One analysis. Implementations are pure: no I/O, no clock, no randomness. */
export interface Analyzer<I = FunctionAnalysisInput> {
  readonly kind: RecommendationKind;
  analyze(input: I, ctx: AnalysisContext): Recommendation[];
}

/** AWS and most providers bill a month as 730 hours. */
export const HOURS_PER_MONTH = 730;

export function windowHours(startMs: number, endMs: number): number {
  return Math.max(0, endMs - startMs) / 3_600_000;
}

/** Multiplier that turns a window's total into a monthly one. 0 for an empty window. */
export function monthlyFactor(startMs: number, endMs: number): number {
  const hours = windowHours(startMs, endMs);
  return hours > 0 ? HOURS_PER_MONTH / hours : 0;
}
