import type { PriceAssumption } from '@fleetscope/pricing';
import { lambdaMeters } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import type { FunctionProfile } from '../inputs';
import type { Recommendation } from '../recommendation';

/**
 * The Lambda prices a function's recommendations are quoted with that were not published for its
 * region (a us-east-1 default used elsewhere). Other platforms' defaults apply everywhere.
 */
export function lambdaPriceAssumptions(
  profile: FunctionProfile,
  ctx: AnalysisContext,
): PriceAssumption[] {
  if (profile.platform !== 'aws_lambda') return [];
  return ctx.pricing.regionalAssumptions(
    [lambdaMeters.duration(profile.architecture)],
    ctx.at,
    profile.region,
  );
}

/**
 * Every dollar figure quoted with an assumed price says so: in `evidence.priceAssumptions` and in
 * the reason a reader sees, never silently (docs/decisions.md "Regional prices").
 */
export function statePriceAssumptions(
  recommendation: Recommendation,
  assumptions: readonly PriceAssumption[],
): Recommendation {
  if (assumptions.length === 0) return recommendation;
  const existing = Array.isArray(recommendation.evidence?.priceAssumptions)
    ? (recommendation.evidence.priceAssumptions as PriceAssumption[])
    : [];
  const fresh = assumptions.filter((a) => !existing.some((e) => e.priceId === a.priceId));
  if (fresh.length === 0) return recommendation;
  return {
    ...recommendation,
    reason: `${recommendation.reason} ${fresh.map((a) => a.message).join(' ')}`,
    evidence: { ...recommendation.evidence, priceAssumptions: [...existing, ...fresh] },
  };
}
