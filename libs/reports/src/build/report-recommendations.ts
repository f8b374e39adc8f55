import { inPlanTotal } from '@fleetscope/analysis';
import type { ReportRecommendationInput } from './report-inputs';
import type { ReportRecommendation } from './weekly-report';

/** Where a recommendation sits in its function's plan (libs/analysis PlanRole). */
type PlanRole = 'fix' | 'change' | 'option';

/**
 * The stored plan role, or the one its kind implies for runs stored before roles existed: a
 * timeout-risk fix is done whatever it costs, a move to containers is an option beside the Lambda
 * changes, everything else is a change.
 */
function roleOf(r: ReportRecommendationInput): PlanRole {
  if (r.planRole === 'fix' || r.planRole === 'change' || r.planRole === 'option') return r.planRole;
  if (r.kind === 'timeout-risk') return 'fix';
  if (r.kind === 'containers') return 'option';
  return 'change';
}

function rangeOf(r: ReportRecommendationInput): { low: number; high: number; basis: string } {
  const range = r.savingUsd;
  if (range && Number.isFinite(range.lowUsd) && Number.isFinite(range.highUsd)) {
    return {
      low: Math.min(range.lowUsd, range.highUsd),
      high: Math.max(range.lowUsd, range.highUsd),
      basis: "the analysis's saving range",
    };
  }
  return {
    low: r.monthlyImpactUsd,
    high: r.monthlyImpactUsd,
    basis: 'point estimate: the analysis stored no range',
  };
}

/**
 * The open recommendations with their monthly saving ranges, and the saving of those that can be
 * done together: the changes (libs/analysis PlanRole 'change') that save money. An option (moving
 * to containers) excludes the Lambda changes and is listed beside them, never added; a fix is done
 * whatever it costs and is not a saving.
 */
export function reportRecommendations(
  inputs: readonly ReportRecommendationInput[],
  nameOf: (functionId: string) => string,
): { recommendations: ReportRecommendation[]; total: { low: number; high: number; note: string } } {
  let low = 0;
  let high = 0;
  // The plans' rule (libs/analysis inPlanTotal): the same total the API's plans and the run
  // summary give.
  const roled = inputs.map((r) => ({ ...r, planRole: roleOf(r) }));
  const byFunction = new Map<string, typeof roled>();
  for (const r of roled) byFunction.set(r.functionId, [...(byFunction.get(r.functionId) ?? []), r]);
  const recommendations: ReportRecommendation[] = roled.map((r) => {
    const range = rangeOf(r);
    const planRole = r.planRole;
    const inTotal = inPlanTotal(r, byFunction.get(r.functionId) ?? []);
    if (inTotal) {
      low += range.low;
      high += range.high;
    }
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
      planRole,
      inTotal,
      catalogueVersion: r.catalogueVersion,
    };
  });
  recommendations.sort((a, b) => b.monthlyImpactUsd - a.monthlyImpactUsd);
  return {
    recommendations,
    total: {
      low,
      high,
      note: 'Only changes that can be made together are added (memory, provisioned concurrency); a move to containers is an option that replaces them and is never added; reliability fixes cost money and are not savings; a provisioned-concurrency or keep-alive saving priced at a memory still to be measured is a follow-up, re-evaluated after the memory change and not added.',
    },
  };
}
