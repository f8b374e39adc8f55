import type { CostResult } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { monthlyFactor } from '../analyzer';
import type { FunctionProfile, FunctionWindowStats } from '../inputs';

/**
 * A month of a Knative or OpenFaaS function's requests at a pod memory size: the pod time the
 * requests hold (requests × mean duration), at the Kubernetes node price of the pod's CPU request
 * (none when unknown) and memory request — how a tuning job prices each size, so the two agree.
 */
export function monthlyPodBusyCost(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  memoryMb: number,
  meanMs: number,
  ctx: AnalysisContext,
): CostResult {
  const requests = stats.invocations * monthlyFactor(stats.windowStartMs, stats.windowEndMs);
  // The size running today is priced at what it requests today (a request may sit below the
  // limit); another size at the limit and request a change would set alike.
  const current = profile.memoryMb ?? profile.podMemoryMb;
  const requestedMb = memoryMb === current ? (profile.podMemoryMb ?? memoryMb) : memoryMb;
  return ctx.pricing.containerDeployment(
    {
      offer: 'kubernetes',
      vcpuPerTask: profile.podCpu ?? 0,
      memoryGbPerTask: requestedMb / 1024,
      tasks: 1,
      hours: (requests * Math.max(0, meanMs)) / 3_600_000,
    },
    ctx.at,
    profile.region,
  );
}
