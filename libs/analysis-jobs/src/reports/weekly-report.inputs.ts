import { lambdaRuntimeKind } from '@fleetscope/pricing';
import type { DailyUsage, ReportFunction, ReportRecommendationInput } from '@fleetscope/reports';
import type {
  FunctionConfig,
  StoredDailyConcurrency,
  StoredDailyUsage,
  StoredRecommendation,
} from '@fleetscope/storage';
import { analysisProfile } from '../inputs/analysis-input.assembler';

const DAY_SECONDS = 86_400;

/** What the figures assume where the aggregates and the inventory cannot say. */
export const WEEKLY_REPORT_ASSUMPTIONS: readonly string[] = [
  "Architecture, runtime, ephemeral storage, provisioned concurrency and pod resources are the inventory's current settings.",
  'Provisioned concurrency is allocated all day on each day the function ran; the time run on it is the per-minute concurrency up to that level.',
  'Knative and OpenFaaS pods: min-scale pods all day, and one pod in each minute with requests when min-scale is 0 (a lower bound: scale-down delays and more than one pod per minute are not seen).',
  'Idle min-scale pods: a pod counts as busy while one request is in flight, up to min-scale pods (requests in flight per minute from their durations); a pod serving several requests at once is busy for less, so the idle share is a lower bound.',
  'SnapStart snapshots count as cached all day on days with restores (the cache is charged for Python and .NET only).',
];

/** The report's view of a function, from the same profile the analyses use. */
export function reportFunction(
  functionId: string,
  config: FunctionConfig | undefined,
): ReportFunction {
  const p = analysisProfile(functionId, config);
  const pod =
    p.podCpu && p.podCpu > 0 && p.podMemoryMb && p.podMemoryMb > 0
      ? { vcpu: p.podCpu, memoryMb: p.podMemoryMb }
      : null;
  return {
    functionId,
    name: p.name,
    platform: p.platform,
    account: p.account,
    region: p.region,
    architecture: p.architecture,
    runtimeKind: lambdaRuntimeKind(p.runtime, p.packageType),
    runtime: p.runtime,
    ephemeralStorageMb: p.ephemeralStorageMb ?? null,
    pod,
  };
}

/** The concurrency level each function needs per minute: provisioned concurrency or min-scale. */
export function concurrencyLevels(
  functionIds: Iterable<string>,
  configs: ReadonlyMap<string, FunctionConfig>,
): Map<string, number> {
  const levels = new Map<string, number>();
  for (const id of functionIds) {
    const c = configs.get(id);
    const fn = reportFunction(id, c);
    if (fn.platform === 'aws_lambda' && (c?.provisionedConcurrency ?? 0) > 0) {
      levels.set(id, c!.provisionedConcurrency!);
    } else if (fn.platform === 'knative' || fn.platform === 'openfaas') {
      levels.set(id, c?.minScale ?? 0);
    }
  }
  return levels;
}

/** Joins stored daily sums, per-minute concurrency and the inventory into the report's daily usage. */
export function reportDailyUsage(
  rows: readonly StoredDailyUsage[],
  concurrency: readonly StoredDailyConcurrency[],
  configs: ReadonlyMap<string, FunctionConfig>,
): DailyUsage[] {
  const minutes = new Map(concurrency.map((c) => [`${c.functionId}|${c.dayStartMs}`, c]));
  return rows.map((r) => {
    const config = configs.get(r.functionId);
    const fn = reportFunction(r.functionId, config);
    const configuredMb = config?.memoryMb ?? 0;
    // Spans carry no memory size: their time ran at the configured size.
    const knownMs = r.billedDurationMs - r.unknownMemoryBilledMs;
    const mbMs = r.billedMbMs + configuredMb * r.unknownMemoryBilledMs;
    const pricedMs = configuredMb > 0 ? r.billedDurationMs : knownMs;
    const memoryMb = pricedMs > 0 ? mbMs / pricedMs : configuredMb;
    const m = minutes.get(`${r.functionId}|${r.dayStartMs}`);
    const pc = fn.platform === 'aws_lambda' ? (config?.provisionedConcurrency ?? 0) : 0;
    const minScale = config?.minScale ?? 0;
    const pods = fn.platform === 'knative' || fn.platform === 'openfaas';
    return {
      functionId: r.functionId,
      dayStartMs: r.dayStartMs,
      sources: r.sources,
      invocations: r.invocations,
      coldStarts: r.coldStarts,
      memoryMb,
      billedDurationMs: r.billedDurationMs,
      // Mostly REPORT / platform.report time: their Billed Duration holds billed INIT.
      billedIncludesInit: r.platformBilledMs * 2 >= r.billedDurationMs && r.platformBilledMs > 0,
      initDurationMs: r.initDurationMs,
      provisioned:
        pc > 0
          ? {
              concurrency: pc,
              enabledSeconds: DAY_SECONDS,
              billedDurationMs: Math.min(r.billedDurationMs, m?.busyUnderLevelMs ?? 0),
            }
          : null,
      snapStart:
        r.restores > 0
          ? { restores: r.restores, billedRestoreMs: r.billedRestoreMs, cachedSeconds: DAY_SECONDS }
          : null,
      podSeconds: pods
        ? minScale * DAY_SECONDS + (minScale === 0 ? (m?.activeMinutes ?? 0) * 60 : 0)
        : 0,
      minScalePods:
        pods && minScale > 0
          ? { pods: minScale, busyPodSeconds: (m?.busyUnderLevelMs ?? 0) / 1000 }
          : null,
    };
  });
}

export function reportRecommendationInputs(
  stored: readonly StoredRecommendation[],
): ReportRecommendationInput[] {
  return stored.map((r) => ({
    // Ranges and plan roles as the analysis stores them (libs/analysis Recommendation), once it does.
    ...storedPlan(r),
    kind: r.kind,
    functionId: r.functionId,
    title: r.title,
    reason: r.reason,
    monthlyImpactUsd: r.monthlyImpactUsd,
    confidence: r.confidence,
    confidenceScore: r.confidenceScore,
    evidence: r.evidence,
    catalogueVersion: r.catalogueVersion,
  }));
}

function storedPlan(
  r: StoredRecommendation,
): Pick<ReportRecommendationInput, 'savingUsd' | 'planRole'> {
  const extra = r as StoredRecommendation & { savingUsd?: unknown; planRole?: unknown };
  const saving = (extra.savingUsd ?? r.evidence.savingUsd) as
    { lowUsd?: unknown; highUsd?: unknown } | undefined;
  const role = extra.planRole ?? r.evidence.planRole;
  return {
    savingUsd:
      saving && typeof saving.lowUsd === 'number' && typeof saving.highUsd === 'number'
        ? { lowUsd: saving.lowUsd, highUsd: saving.highUsd }
        : undefined,
    planRole: typeof role === 'string' ? role : undefined,
  };
}
