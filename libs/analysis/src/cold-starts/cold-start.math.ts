import { histogramCount, histogramPercentiles } from '@fleetscope/model';
import type { CostResult, PricingService } from '@fleetscope/pricing';
import { lambdaRuntimeKind } from '@fleetscope/pricing';
import type { FunctionProfile, FunctionWindowStats } from '../inputs';

/** Cold starts per invocation; 0 without invocations. */
export function coldStartRate(coldStarts: number, invocations: number): number {
  return invocations > 0 ? coldStarts / invocations : 0;
}

/**
 * Mean Init Duration of the cold starts that reported one; null when none did. `timedColdStarts`
 * counts those (the init histogram's count), not every cold start: one known only from a span's
 * `faas.coldstart` has no Init Duration and would pull the mean down.
 */
export function meanInitMs(initDurationSumMs: number, timedColdStarts: number): number | null {
  return timedColdStarts > 0 && initDurationSumMs > 0 ? initDurationSumMs / timedColdStarts : null;
}

/** User-visible latency the cold starts added: cold starts × mean init. */
export function latencyAddedMs(coldStarts: number, meanInit: number | null): number {
  return meanInit === null ? 0 : coldStarts * meanInit;
}

/**
 * What the INIT phases cost: billed INIT GB-seconds under the rules at `at` (managed ZIP runtimes
 * only from 2025-08-01). Requests are not counted: a cold start is not an extra request.
 */
export function coldStartCost(
  profile: Pick<
    FunctionProfile,
    'architecture' | 'memoryMb' | 'runtime' | 'packageType' | 'region'
  >,
  initDurationSumMs: number,
  at: Date,
  pricing: PricingService,
): CostResult {
  return pricing.lambdaUsage(
    {
      architecture: profile.architecture,
      memoryMb: profile.memoryMb ?? 0,
      requests: 0,
      billedDurationMs: 0,
      onDemandInitMs: {
        [lambdaRuntimeKind(profile.runtime, profile.packageType)]: initDurationSumMs,
      },
    },
    at,
    profile.region,
  );
}

export interface ColdStartSummary {
  coldStarts: number;
  invocations: number;
  rate: number;
  meanInitMs: number | null;
  p50InitMs: number | null;
  p95InitMs: number | null;
  p99InitMs: number | null;
  latencyAddedMs: number;
  /** Lambda only; null on other platforms (their cold starts are not billed separately). */
  costUsd: number | null;
  priceIds: string[];
  catalogueVersion: string | null;
}

/** The cold-start figures the API and the weekly report show for one function. */
export function summarizeColdStarts(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  at: Date,
  pricing: PricingService,
): ColdStartSummary {
  const timed = histogramCount(stats.initBuckets);
  const mean = meanInitMs(stats.initDurationSumMs, timed);
  const init = histogramPercentiles(stats.initBuckets);
  const cost =
    profile.platform === 'aws_lambda' && profile.memoryMb !== null
      ? coldStartCost(profile, stats.initDurationSumMs, at, pricing)
      : null;
  return {
    coldStarts: stats.coldStarts,
    invocations: stats.invocations,
    rate: coldStartRate(stats.coldStarts, stats.invocations),
    meanInitMs: mean,
    p50InitMs: init.p50,
    p95InitMs: init.p95,
    p99InitMs: init.p99,
    // What was measured (Σ Init Duration), as GET /api/coldstarts reports it.
    latencyAddedMs: latencyAddedMs(timed, mean),
    costUsd: cost?.usd ?? null,
    priceIds: cost?.priceIds ?? [],
    catalogueVersion: cost?.catalogueVersion ?? null,
  };
}
