import type {
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
  MemorySizeDay,
  MemorySizeStats,
  TuningEvidence,
} from '@fleetscope/analysis';
import {
  PLATFORMS,
  SNAP_START_LABEL,
  mergeBuckets,
  parseFunctionId,
  type Platform,
} from '@fleetscope/model';
import type { FunctionConfig, StoredAnalysisInputs } from '@fleetscope/storage';

/** The memory size most invocations ran at (0 = unknown is never chosen); null if none known. */
export function dominantMemoryMb(
  stats: Pick<FunctionWindowStats, 'byMemory'> | undefined,
): number | null {
  let best: MemorySizeStats | undefined;
  for (const m of stats?.byMemory ?? []) {
    if (m.memoryMb > 0 && (!best || m.invocations > best.invocations)) best = m;
  }
  return best?.memoryMb ?? null;
}

function platformOf(value: string | undefined): Platform | undefined {
  return (PLATFORMS as readonly string[]).includes(value ?? '') ? (value as Platform) : undefined;
}

/**
 * What the analyses know of a function: its identity from the id, its configuration from the
 * merged inventory (manual over API over records), and the memory size seen in the records when
 * the inventory has none.
 */
export function analysisProfile(
  functionId: string,
  config: FunctionConfig | undefined,
  stats?: Pick<FunctionWindowStats, 'byMemory'>,
): FunctionProfile {
  const identity = parseFunctionId(functionId);
  const packageType = config?.packageType;
  return {
    functionId,
    platform: platformOf(config?.platform) ?? identity?.platform ?? 'other',
    name: config?.name || identity?.name || functionId,
    region: config?.region || identity?.region || '',
    account: config?.account || identity?.account || '',
    runtime: config?.runtime ?? '',
    // Lambda's default architecture when no record names one; the analyses state the assumption.
    architecture: config?.architecture === 'arm64' ? 'arm64' : 'x86_64',
    ...(config?.architecture === 'arm64' || config?.architecture === 'x86_64'
      ? {}
      : { architectureAssumed: true }),
    memoryMb: config?.memoryMb ?? dominantMemoryMb(stats),
    timeoutMs: config?.timeoutMs ?? null,
    ...(config?.timeoutMs
      ? {
          timeoutSource:
            config.timeoutSource === 'records'
              ? ('timed-out-log-line' as const)
              : ('inventory' as const),
        }
      : {}),
    provisionedConcurrency: config?.provisionedConcurrency ?? null,
    packageType: packageType === 'Zip' || packageType === 'Image' ? packageType : null,
    podCpu: config?.podCpu ?? null,
    podMemoryMb: config?.podMemoryMb ?? null,
    minScale: config?.minScale ?? null,
    ephemeralStorageMb: config?.ephemeralStorageMb ?? null,
    snapStart: config?.labels?.[SNAP_START_LABEL] ?? null,
  };
}

/**
 * Durations recorded without a memory size (memoryMb 0, e.g. spans) ran at the configured size:
 * they join that size's entry; without a configured size they are left out of the per-size fit.
 */
export function foldUnknownMemory(
  byMemory: readonly MemorySizeStats[],
  memoryMb: number | null,
): MemorySizeStats[] {
  const known = byMemory.filter((m) => m.memoryMb > 0).map((m) => ({ ...m }));
  const unknown = byMemory.filter((m) => m.memoryMb <= 0);
  if (memoryMb === null || unknown.length === 0) return known;
  let target = known.find((m) => m.memoryMb === memoryMb);
  if (!target) {
    target = { memoryMb, invocations: 0, durationSumMs: 0, durationBuckets: {} };
    known.push(target);
  }
  for (const u of unknown) {
    target.invocations += u.invocations;
    target.durationSumMs += u.durationSumMs;
    target.durationBuckets = mergeBuckets({ ...target.durationBuckets }, u.durationBuckets);
    // OOMs of an unknown size count at the configured one: they are not known to be fixed.
    if (u.ooms !== undefined) target.ooms = (target.ooms ?? 0) + u.ooms;
    if (u.daily) target.daily = foldDays(target.daily ?? [], u.daily);
  }
  return known.sort((a, b) => a.memoryMb - b.memoryMb);
}

/** Day-by-day sums of two parts of one size, each day once (its windows stay whole). */
function foldDays(into: readonly MemorySizeDay[], from: readonly MemorySizeDay[]): MemorySizeDay[] {
  const byDay = new Map(into.map((d) => [d.dayStartMs, { ...d }]));
  for (const d of from) {
    const day = byDay.get(d.dayStartMs);
    if (day) {
      day.invocations += d.invocations;
      day.durationSumMs += d.durationSumMs;
    } else byDay.set(d.dayStartMs, { ...d });
  }
  return [...byDay.values()].sort((a, b) => a.dayStartMs - b.dayStartMs);
}

/**
 * Joins the stored aggregates with the inventory, and each function's latest finished tuning job,
 * into what runAnalyzers() takes.
 */
export function assembleAnalysisInputs(
  stored: ReadonlyMap<string, StoredAnalysisInputs>,
  configs: ReadonlyMap<string, FunctionConfig>,
  tuning: ReadonlyMap<string, TuningEvidence> = new Map(),
): FunctionAnalysisInput[] {
  const inputs: FunctionAnalysisInput[] = [];
  for (const [functionId, { stats, concurrency }] of stored) {
    const profile = analysisProfile(functionId, configs.get(functionId), stats);
    inputs.push({
      profile,
      stats: { ...stats, byMemory: foldUnknownMemory(stats.byMemory, profile.memoryMb) },
      concurrency,
      ...(tuning.has(functionId) ? { tuning: tuning.get(functionId) } : {}),
    });
  }
  return inputs;
}
