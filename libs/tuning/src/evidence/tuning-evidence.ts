import type { MeasuredMemoryPoint, TuningEvidence } from '@fleetscope/analysis';
import type { SizeResult } from '../tuning.types';

/**
 * A finished job as the memory analyzer's evidence: the sizes it actually ran (sizes the adaptive
 * search only predicted are left out), infeasible ones flagged so they are never recommended.
 */
export function tuningEvidence(
  jobId: string,
  finishedAtMs: number,
  results: SizeResult[],
): TuningEvidence {
  const points: MeasuredMemoryPoint[] = results
    .filter((r) => r.measured && r.invocations > 0)
    .map((r) => ({
      memoryMb: r.memoryMb,
      architecture: r.architecture,
      invocations: r.invocations,
      feasible: r.feasible && r.meanMs !== null,
      // An infeasible size has no duration; 0 with feasible false is never read as one.
      meanMs: r.meanMs ?? 0,
      p90Ms: r.p90Ms ?? 0,
      costUsdPerInvocation: r.costUsdPerInvocation ?? 0,
    }));
  return { jobId, finishedAt: new Date(finishedAtMs).toISOString(), points };
}
