import { histogramCount, histogramPercentiles } from '@fleetscope/model';
import type { CostResult, PricingService } from '@fleetscope/pricing';
import { lambdaRuntimeKind } from '@fleetscope/pricing';
import type { FunctionProfile, FunctionWindowStats } from '../inputs';

/**
 * Cold starts per invocation whose start is known, cold or warm. An invocation no source said
 * either of (a span without `faas.coldstart`, with no platform record beside it: Cloud Run, Cloud
 * Functions; a minute of FaaS metrics without `faas.coldstarts`) is neither, so it is not counted
 * as warm. 0 without invocations; null when no
 * invocation's start is known (coldStartRateReason says why).
 */
export function coldStartRate(
  coldStarts: number,
  invocations: number,
  unknownStarts: number,
): number | null {
  const known = invocations - unknownStarts;
  if (known > 0) return coldStarts / known;
  return unknownStarts > 0 ? null : 0;
}

/** Why coldStartRate() is null for these counts; null when it is not. */
export function coldStartRateReason(invocations: number, unknownStarts: number): string | null {
  return coldStartRate(0, invocations, unknownStarts) === null
    ? 'No source said whether these invocations started cold: their spans carry no faas.coldstart ' +
        'attribute, their FaaS metrics no faas.coldstarts counter, and no platform record (Lambda INIT or REPORT lines, Knative or OpenFaaS ' +
        'scale-from-zero evidence) describes them.'
    : null;
}

/**
 * The cold-start figures every answer that counts invocations gives (GET /api/functions, its
 * `fleet`, each group of GET /api/coldstarts): the rate, the unknown starts it leaves out, and why
 * it is null when it is.
 */
export function coldStartFigures(
  coldStarts: number,
  invocations: number,
  unknownStarts: number,
): { coldStartRate: number | null; coldStartUnknown: number; coldStartRateReason: string | null } {
  return {
    coldStartRate: coldStartRate(coldStarts, invocations, unknownStarts),
    coldStartUnknown: unknownStarts,
    coldStartRateReason: coldStartRateReason(invocations, unknownStarts),
  };
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
  /** Invocations no source said started cold or warm: not in the rate. */
  unknownStarts: number;
  /** null when no invocation's start is known (coldStartRate). */
  rate: number | null;
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
  const init = histogramPercentiles(stats.initBuckets, { sum: stats.initDurationSumMs });
  const cost =
    profile.platform === 'aws_lambda' && profile.memoryMb !== null
      ? coldStartCost(profile, stats.initDurationSumMs, at, pricing)
      : null;
  return {
    coldStarts: stats.coldStarts,
    invocations: stats.invocations,
    unknownStarts: stats.unknownStarts ?? 0,
    rate: coldStartRate(stats.coldStarts, stats.invocations, stats.unknownStarts ?? 0),
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
