import type { ReportRecommendationInput } from './report-inputs';
import type { ReportRecommendation } from './weekly-report';

/** Kinds that change the same function's Lambda configuration and can be applied together. */
const LAMBDA_TUNING_KINDS = new Set(['memory', 'provisioned-concurrency']);
/** Moving the function to containers replaces any tuning of it on Lambda. */
const REPLACING_KINDS = new Set(['containers']);

function rangeOf(r: ReportRecommendationInput): { low: number; high: number; basis: string } {
  for (const key of ['savingRangeUsd', 'monthlyImpactRangeUsd']) {
    const range = r.evidence[key] as { low?: unknown; high?: unknown } | undefined;
    if (range && typeof range.low === 'number' && typeof range.high === 'number') {
      return {
        low: Math.min(range.low, range.high),
        high: Math.max(range.low, range.high),
        basis: `the analysis's ${key}`,
      };
    }
  }
  return {
    low: r.monthlyImpactUsd,
    high: r.monthlyImpactUsd,
    basis: 'point estimate: the analysis gave no range',
  };
}

/**
 * The open recommendations with their monthly saving ranges, and the saving of those that can be
 * done together: per function, memory and provisioned-concurrency changes combine; a move to
 * containers replaces them, so only the better of the two options counts. Only savings count
 * (a timeout-risk fix costs money and is listed, never totalled).
 */
export function reportRecommendations(
  inputs: readonly ReportRecommendationInput[],
  nameOf: (functionId: string) => string,
): { recommendations: ReportRecommendation[]; total: { low: number; high: number; note: string } } {
  const recommendations: ReportRecommendation[] = inputs.map((r) => {
    const range = rangeOf(r);
    return {
      kind: r.kind,
      functionId: r.functionId,
      name: nameOf(r.functionId),
      title: r.title,
      reason: r.reason,
      monthlyImpactUsd: r.monthlyImpactUsd,
      savingRangeUsd: { low: range.low, high: range.high },
      rangeBasis: range.basis,
      confidence: r.confidence,
      confidenceScore: r.confidenceScore,
      inTotal: false,
      catalogueVersion: r.catalogueVersion,
    };
  });
  const byFunction = new Map<string, ReportRecommendation[]>();
  for (const r of recommendations) {
    if (!(r.monthlyImpactUsd > 0)) continue;
    const list = byFunction.get(r.functionId) ?? [];
    list.push(r);
    byFunction.set(r.functionId, list);
  }
  let low = 0;
  let high = 0;
  for (const list of byFunction.values()) {
    const tuning = list.filter((r) => LAMBDA_TUNING_KINDS.has(r.kind));
    const replacing = list.filter((r) => REPLACING_KINDS.has(r.kind));
    const sum = (rs: ReportRecommendation[]) => rs.reduce((s, r) => s + r.monthlyImpactUsd, 0);
    const bestReplacing = replacing.sort((a, b) => b.monthlyImpactUsd - a.monthlyImpactUsd)[0];
    const chosen =
      bestReplacing && bestReplacing.monthlyImpactUsd > sum(tuning) ? [bestReplacing] : tuning;
    for (const r of chosen) {
      r.inTotal = true;
      low += r.savingRangeUsd.low;
      high += r.savingRangeUsd.high;
    }
  }
  recommendations.sort((a, b) => b.monthlyImpactUsd - a.monthlyImpactUsd);
  return {
    recommendations,
    total: {
      low,
      high,
      note: 'Per function, memory and provisioned-concurrency changes are added; a move to containers replaces them and only the larger option counts. Timeout-risk fixes cost money and are not totalled.',
    },
  };
}
