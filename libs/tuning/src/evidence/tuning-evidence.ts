import type { MeasuredMemoryPoint, TuningEvidence } from '@fleetscope/analysis';
import type { SizeResult } from '../tuning.types';

/**
 * A finished job as the memory analyzer's evidence: the sizes it actually ran (sizes the adaptive
 * search only predicted, or of unknown feasibility, are left out), infeasible ones flagged so they
 * are never recommended. Only a size that ran and has measured figures counts as feasible.
 */
export function tuningEvidence(
  jobId: string,
  finishedAtMs: number,
  results: SizeResult[],
): TuningEvidence {
  const points: MeasuredMemoryPoint[] = results
    .filter((r) => r.measured === true && r.invocations > 0 && r.feasible !== null)
    .map((r) => ({
      memoryMb: r.memoryMb,
      architecture: r.architecture,
      invocations: r.invocations,
      feasible: r.feasible === true && r.meanMs !== null && r.costUsdPerInvocation !== null,
      // An infeasible size has no duration; 0 with feasible false is never read as one.
      meanMs: r.meanMs ?? 0,
      p90Ms: r.p90Ms ?? 0,
      costUsdPerInvocation: r.costUsdPerInvocation ?? 0,
    }));
  return { jobId, finishedAt: new Date(finishedAtMs).toISOString(), points };
}
