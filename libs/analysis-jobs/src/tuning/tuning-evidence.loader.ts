import type { TuningEvidence } from '@fleetscope/analysis';
import type { TuningJobsRepository } from '@fleetscope/storage';
import { tuningEvidence, type SizeResult } from '@fleetscope/tuning';

/** Each function's latest succeeded tuning job, as the memory analyzer's evidence. */
export async function loadTuningEvidence(
  jobs: TuningJobsRepository,
): Promise<Map<string, TuningEvidence>> {
  const evidence = new Map<string, TuningEvidence>();
  for (const job of await jobs.latestSucceededByFunction()) {
    const results = (job.summary?.results ?? []) as SizeResult[];
    const e = tuningEvidence(job.id, job.finishedAtMs, results);
    if (e.points.some((p) => p.feasible)) evidence.set(job.functionId, e);
  }
  return evidence;
}
