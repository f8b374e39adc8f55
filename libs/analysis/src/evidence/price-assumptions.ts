import type { PriceAssumption } from '@fleetscope/pricing';
import { lambdaMeters } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import type { FunctionProfile } from '../inputs';
import type { Recommendation, RecommendationKind } from '../recommendation';

/** Kinds whose figures price Lambda provisioned concurrency besides on-demand duration. */
const PRICES_PROVISIONED: ReadonlySet<RecommendationKind> = new Set([
  'provisioned-concurrency',
  'keep-alive',
]);

/**
 * The Lambda prices a recommendation of `kind` is quoted with that were not published for the
 * function's region (a us-east-1 default used elsewhere). Other platforms' defaults apply
 * everywhere.
 */
export function lambdaPriceAssumptions(
  profile: FunctionProfile,
  kind: RecommendationKind,
  ctx: AnalysisContext,
): PriceAssumption[] {
  if (profile.platform !== 'aws_lambda') return [];
  const arch = profile.architecture;
  const meters = [lambdaMeters.duration(arch), lambdaMeters.requests];
  if (PRICES_PROVISIONED.has(kind))
    meters.push(lambdaMeters.pcAllocated(arch), lambdaMeters.pcDuration(arch));
  // The current bill and a memory change price the provisioned concurrency configured: its
  // allocation and the invocations it serves (observedLambdaUsage, modelledLambdaUsage).
  else if (
    (kind === 'memory' || kind === 'containers') &&
    (profile.provisionedConcurrency ?? 0) > 0
  )
    meters.push(lambdaMeters.pcAllocated(arch), lambdaMeters.pcDuration(arch));
  return ctx.pricing.regionalAssumptions(meters, ctx.at, profile.region);
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
