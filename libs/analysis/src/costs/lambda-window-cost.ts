import type { CostResult, LambdaUsage } from '@fleetscope/pricing';
import { billingGranularityMs, lambdaRuntimeKind } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { monthlyFactor } from '../analyzer';
import type { FunctionProfile, FunctionWindowStats } from '../inputs';

/**
 * The window's Lambda usage as the pricing lib wants it. With REPORT billed durations (which
 * already include billed INIT) those are used as they are; otherwise durations plus INIT by the
 * billing rules of the runtime kind.
 */
export function observedLambdaUsage(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  memoryMb: number,
): LambdaUsage {
  const base = {
    architecture: profile.architecture,
    memoryMb,
    requests: stats.invocations,
    ephemeralStorageMb: profile.ephemeralStorageMb ?? undefined,
  };
  if (stats.billedDurationSumMs > 0)
    return { ...base, billedDurationMs: stats.billedDurationSumMs };
  return {
    ...base,
    billedDurationMs: stats.durationSumMs,
    onDemandInitMs: {
      [lambdaRuntimeKind(profile.runtime, profile.packageType)]: stats.initDurationSumMs,
    },
  };
}

/**
 * Modelled usage at another memory size: every invocation takes `meanDurationMs` (plus half a
 * billing step of rounding); INIT stays as observed. Configured provisioned concurrency is
 * allocated at that size for the whole window: a memory change resizes it (its invocations are
 * priced on demand at either size).
 */
export function modelledLambdaUsage(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  memoryMb: number,
  meanDurationMs: number,
  at: Date,
): LambdaUsage {
  return {
    architecture: profile.architecture,
    memoryMb,
    requests: stats.invocations,
    billedDurationMs: stats.invocations * (meanDurationMs + billingGranularityMs(at) / 2),
    onDemandInitMs: {
      [lambdaRuntimeKind(profile.runtime, profile.packageType)]: stats.initDurationSumMs,
    },
    ephemeralStorageMb: profile.ephemeralStorageMb ?? undefined,
    ...(profile.platform === 'aws_lambda' && (profile.provisionedConcurrency ?? 0) > 0
      ? {
          provisioned: {
            concurrency: profile.provisionedConcurrency ?? 0,
            enabledSeconds: Math.max(0, stats.windowEndMs - stats.windowStartMs) / 1000,
            billedDurationMs: 0,
          },
        }
      : {}),
  };
}

export function tierOffset(profile: FunctionProfile, ctx: AnalysisContext): number {
  return ctx.monthlyGbSecondsBefore?.(profile.account, profile.region, profile.architecture) ?? 0;
}

/** A window's usage scaled to a month (730 h) and priced. */
export function monthlyLambdaCost(
  usage: LambdaUsage,
  stats: FunctionWindowStats,
  profile: FunctionProfile,
  ctx: AnalysisContext,
): CostResult {
  const factor = monthlyFactor(stats.windowStartMs, stats.windowEndMs);
  const scaled: LambdaUsage = {
    ...usage,
    requests: usage.requests * factor,
    billedDurationMs: usage.billedDurationMs * factor,
    onDemandInitMs: Object.fromEntries(
      Object.entries(usage.onDemandInitMs ?? {}).map(([k, v]) => [k, v * factor]),
    ),
    ...(usage.provisioned
      ? {
          provisioned: {
            concurrency: usage.provisioned.concurrency,
            enabledSeconds: usage.provisioned.enabledSeconds * factor,
            billedDurationMs: usage.provisioned.billedDurationMs * factor,
          },
        }
      : {}),
    monthToDateGbSeconds: tierOffset(profile, ctx),
  };
  return ctx.pricing.lambdaUsage(scaled, ctx.at, profile.region);
}
