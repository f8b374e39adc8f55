import type { CostResult, LambdaUsage } from '@fleetscope/pricing';
import { billingGranularityMs, lambdaRuntimeKind } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { monthlyFactor } from '../analyzer';
import type { ConcurrencyProfile, FunctionProfile, FunctionWindowStats } from '../inputs';

function configuredProvisionedConcurrency(profile: FunctionProfile): number {
  return profile.platform === 'aws_lambda' ? Math.max(0, profile.provisionedConcurrency ?? 0) : 0;
}

/**
 * The share of the window's execution time the configured provisioned concurrency served: the
 * per-minute concurrency its level covers over all of it (Lambda routes to provisioned
 * environments first; the provisioned-concurrency analyzer prices covered time alike). 0 without
 * provisioned concurrency; null when its level's coverage was not measured.
 */
export function provisionedShare(
  profile: FunctionProfile,
  concurrency: ConcurrencyProfile | null | undefined,
): number | null {
  const level = configuredProvisionedConcurrency(profile);
  if (level === 0) return 0;
  const i = concurrency?.levels.indexOf(level) ?? -1;
  if (!concurrency || i < 0) return null;
  let covered = 0;
  let total = 0;
  for (const h of concurrency.hours) {
    covered += h.coveredMinutesByLevel[i] ?? 0;
    total += h.concurrencyMinutes;
  }
  return total > 0 ? Math.min(1, covered / total) : 0;
}

/**
 * Configured provisioned concurrency, allocated for the whole window, running `share` of
 * `billedMs` (its invocations pay the provisioned duration price, the rest on demand).
 */
function withProvisioned(
  usage: LambdaUsage,
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  share: number,
): LambdaUsage {
  const level = configuredProvisionedConcurrency(profile);
  if (level === 0) return usage;
  const onProvisionedMs = Math.min(1, Math.max(0, share)) * usage.billedDurationMs;
  return {
    ...usage,
    billedDurationMs: usage.billedDurationMs - onProvisionedMs,
    provisioned: {
      concurrency: level,
      enabledSeconds: Math.max(0, stats.windowEndMs - stats.windowStartMs) / 1000,
      billedDurationMs: onProvisionedMs,
    },
  };
}

/**
 * The window's Lambda usage as the pricing lib wants it. With REPORT billed durations (which
 * already include billed INIT) those are used as they are; otherwise durations plus INIT by the
 * billing rules of the runtime kind. Configured provisioned concurrency is allocated all window
 * and runs `provisionedShare` of the execution time (0 where none is configured).
 */
export function observedLambdaUsage(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  memoryMb: number,
  provisionedShare: number,
): LambdaUsage {
  const base = {
    architecture: profile.architecture,
    memoryMb,
    requests: stats.invocations,
    ephemeralStorageMb: profile.ephemeralStorageMb ?? undefined,
  };
  if (stats.billedDurationSumMs > 0)
    return withProvisioned(
      { ...base, billedDurationMs: stats.billedDurationSumMs },
      profile,
      stats,
      provisionedShare,
    );
  return withProvisioned(
    {
      ...base,
      billedDurationMs: stats.durationSumMs,
      onDemandInitMs: {
        [lambdaRuntimeKind(profile.runtime, profile.packageType)]: stats.initDurationSumMs,
      },
    },
    profile,
    stats,
    provisionedShare,
  );
}

/**
 * Modelled usage at another memory size: every invocation takes `meanDurationMs` (plus half a
 * billing step of rounding); INIT stays as observed. Configured provisioned concurrency is
 * allocated at that size for the whole window (a memory change resizes it) and runs
 * `provisionedShare` of the execution time at either size.
 */
export function modelledLambdaUsage(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  memoryMb: number,
  meanDurationMs: number,
  at: Date,
  provisionedShare: number,
): LambdaUsage {
  return withProvisioned(
    {
      architecture: profile.architecture,
      memoryMb,
      requests: stats.invocations,
      billedDurationMs: stats.invocations * (meanDurationMs + billingGranularityMs(at) / 2),
      onDemandInitMs: {
        [lambdaRuntimeKind(profile.runtime, profile.packageType)]: stats.initDurationSumMs,
      },
      ephemeralStorageMb: profile.ephemeralStorageMb ?? undefined,
    },
    profile,
    stats,
    provisionedShare,
  );
}

export function tierOffset(profile: FunctionProfile, ctx: AnalysisContext): number {
  return (
    ctx.monthlyGbSecondsBefore?.(
      profile.account,
      profile.region,
      profile.architecture,
      profile.functionId,
    ) ?? 0
  );
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
