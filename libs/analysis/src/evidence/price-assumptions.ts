import type { PriceAssumption, PricingService } from '@fleetscope/pricing';
import { lambdaMeters } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import type { FunctionProfile } from '../inputs';
import type { Recommendation, RecommendationKind, SavingRange } from '../recommendation';
import { midpoint } from '../recommendation';
import { savingWords } from '../plan/saving-sign';

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
  const assumed = ctx.pricing.regionalAssumptions(meters, ctx.at, profile.region);
  const architecture = architectureAssumption(profile, ctx);
  return architecture ? [...assumed, architecture] : assumed;
}

/** The price id of the architecture assumption (one entry per recommendation). */
export const ARCHITECTURE_ASSUMED_PRICE_ID = 'lambda.architecture-unknown:x86_64';

/** A function of unknown architecture priced as x86_64, and what arm64 prices would give. */
export interface ArchitectureAssumption extends PriceAssumption {
  /** arm64 over x86_64 for the prices a saving moves (duration, provisioned); 1 when unknown. */
  armRatio: number;
}

/**
 * A Lambda function whose architecture no record named is priced as x86_64 (Lambda's default);
 * on arm64 its duration and provisioned-concurrency prices, so its savings, are lower by the
 * catalogue's ratio (us-east-1: 0.0000133334 / 0.0000166667 = 0.8). Null when the architecture is
 * known.
 */
export function architectureAssumption(
  profile: FunctionProfile,
  ctx: AnalysisContext,
): ArchitectureAssumption | null {
  if (profile.platform !== 'aws_lambda' || !profile.architectureAssumed) return null;
  const { armRatio, message } = architectureUnknown(ctx.pricing, ctx.at, profile.region);
  return {
    meter: 'lambda.architecture',
    region: profile.region,
    priceId: ARCHITECTURE_ASSUMED_PRICE_ID,
    message,
    armRatio,
  };
}

/**
 * What a Lambda figure priced as x86_64 for want of an architecture says, wherever it is quoted (a
 * recommendation's saving, the fleet page's cost): arm64 prices are lower by `armRatio` (arm64
 * over x86_64, the lowest of the duration and provisioned-concurrency prices; 1 when unknown).
 * A saving range adds what arm64 prices give of it (statedForRange).
 */
export function architectureUnknown(
  pricing: PricingService,
  at: Date,
  region: string,
): { armRatio: number; message: string } {
  const prices = (arch: 'x86_64' | 'arm64') => pricing.lambdaUnitPrices(arch, at, region, 0);
  const x86 = prices('x86_64');
  const arm = prices('arm64');
  const ratios = [
    arm.onDemandUsdPerGbSecond / x86.onDemandUsdPerGbSecond,
    arm.pcAllocatedUsdPerGbSecond / x86.pcAllocatedUsdPerGbSecond,
    arm.pcDurationUsdPerGbSecond / x86.pcDurationUsdPerGbSecond,
  ].filter((r) => Number.isFinite(r) && r > 0);
  const armRatio = ratios.length > 0 ? Math.min(1, ...ratios) : 1;
  if (armRatio >= 1) {
    return {
      armRatio,
      message:
        'Architecture unknown: priced as x86_64; arm64 prices are not in the catalogue here.',
    };
  }
  const lower = Math.round((1 - armRatio) * 100);
  return {
    armRatio,
    message: `Architecture unknown: priced as x86_64; on arm64 the figures are up to ${lower} % lower (requests cost the same).`,
  };
}

/**
 * The assumption as a saving range joined with its arm64 self (withArmPrices) quotes it: what
 * arm64 prices give, read from the range, for a cost as for a saving. The join takes a saving's
 * low end and a cost's smaller end from arm64 prices; a range from a cost to nothing (or to a
 * saving) keeps x86_64's ends, arm64's lying inside it (a memory raise of up to $0.56 is up to
 * $0.45 on arm64, not its low end).
 */
export function statedForRange(
  assumption: ArchitectureAssumption,
  widened: SavingRange,
): ArchitectureAssumption {
  const r = assumption.armRatio;
  if (!(r < 1)) return assumption;
  const clause =
    widened.lowUsd > 0
      ? "the saving's low end is what arm64 prices would give"
      : widened.highUsd < 0
        ? "the cost's smaller end is what arm64 prices would give"
        : `arm64 prices would give ${savingWords({ lowUsd: widened.lowUsd * r, highUsd: widened.highUsd * r }).text}`;
  return { ...assumption, message: assumption.message.replace(/\.$/, `, and ${clause}.`) };
}

/**
 * A saving range that also holds what arm64 prices would give: the range scaled by `armRatio`
 * joined with itself, so a user on arm64 is never promised more than its low end (a saving's low
 * end drops; a cost's high end moves toward nothing).
 */
export function withArmPrices(saving: SavingRange, armRatio: number): SavingRange {
  return {
    lowUsd: Math.min(saving.lowUsd, saving.lowUsd * armRatio),
    highUsd: Math.max(saving.highUsd, saving.highUsd * armRatio),
  };
}

function isArchitectureAssumption(a: PriceAssumption): a is ArchitectureAssumption {
  return a.priceId === ARCHITECTURE_ASSUMED_PRICE_ID && 'armRatio' in a;
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
  // A finding with no dollar figure (a timeout, an OOM) quotes no price to qualify.
  const { savingUsd: quoted } = recommendation;
  if (quoted.lowUsd === 0 && quoted.highUsd === 0 && recommendation.monthlyImpactUsd === 0)
    return recommendation;
  const existing = Array.isArray(recommendation.evidence?.priceAssumptions)
    ? (recommendation.evidence.priceAssumptions as PriceAssumption[])
    : [];
  const fresh = assumptions.filter((a) => !existing.some((e) => e.priceId === a.priceId));
  if (fresh.length === 0) return recommendation;
  // An analyzer that gates on the widened range states the architecture itself (the memory
  // analysis); for the others the range is widened here, after their gates.
  const architecture = fresh.find(isArchitectureAssumption);
  const savingUsd = architecture
    ? withArmPrices(recommendation.savingUsd, architecture.armRatio)
    : recommendation.savingUsd;
  const stated = fresh.map((a) => (isArchitectureAssumption(a) ? statedForRange(a, savingUsd) : a));
  return {
    ...recommendation,
    reason: `${recommendation.reason} ${stated.map((a) => a.message).join(' ')}`,
    evidence: { ...recommendation.evidence, priceAssumptions: [...existing, ...stated] },
    ...(architecture ? { savingUsd, monthlyImpactUsd: midpoint(savingUsd) } : {}),
  };
}
