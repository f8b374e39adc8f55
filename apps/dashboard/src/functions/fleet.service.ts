import { Injectable } from '@nestjs/common';
import { coldStartFigures } from '@fleetscope/analysis';
import {
  parseFunctionId,
  sortedHistogramPercentiles,
  type ObservedRange,
  type Percentiles,
  type SortedLogBuckets,
} from '@fleetscope/model';
import { PricingService, type LambdaArchitecture } from '@fleetscope/pricing';
import {
  FunctionConfigRepository,
  FunctionsRepository,
  billedGbSecondsOf,
  billedTimeOf,
  type FunctionConfig,
  type FunctionTotals,
  type TimeRange,
} from '@fleetscope/storage';

/** One row of GET /api/functions (shape fixed in docs/architecture.md "Public surface"). */
export interface FunctionSummary {
  id: string;
  platform: string;
  account: string;
  name: string;
  version: string;
  region: string;
  runtime: string;
  architecture: string;
  memoryMb: number | null;
  timeoutMs: number | null;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /** Over the invocations whose start is known; null when none is (coldStartRateReason). */
  coldStartRate: number | null;
  /**
   * Invocations no source said started cold or warm (spans without `faas.coldstart`, FaaS
   * metrics without `faas.coldstarts`).
   */
  coldStartUnknown: number;
  /** Why coldStartRate is null; null when it is not. */
  coldStartRateReason: string | null;
  durationMs: Percentiles & { max: number | null };
  initDurationMs: Percentiles;
  maxMemoryUsedMb: number | null;
  billedGbSeconds: number;
  costUsd: number | null;
  pricing: { catalogueVersion: string; priceIds: string[] } | null;
}

/** The fleet's cold starts over the functions of a range: the rate by coldStartRate()'s rule. */
export type FleetColdStarts = Pick<
  FunctionSummary,
  'invocations' | 'coldStarts' | 'coldStartUnknown' | 'coldStartRate' | 'coldStartRateReason'
>;

export function fleetColdStarts(functions: readonly FunctionSummary[]): FleetColdStarts {
  let invocations = 0;
  let coldStarts = 0;
  let unknown = 0;
  for (const f of functions) {
    invocations += f.invocations;
    coldStarts += f.coldStarts;
    unknown += f.coldStartUnknown;
  }
  return { invocations, coldStarts, ...coldStartFigures(coldStarts, invocations, unknown) };
}

const round = (v: number | null, digits = 2): number | null =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** Percentiles from the log-scale sketch (clamped to what was observed), rounded. */
function percentiles(buckets: SortedLogBuckets, observed: ObservedRange): Percentiles {
  const { p50, p95, p99 } = sortedHistogramPercentiles(buckets, observed);
  return { p50: round(p50), p95: round(p95), p99: round(p99) };
}

/** Builds the fleet view from the aggregate, the inventory and the price catalogue. */
@Injectable()
export class FleetService {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly pricing: PricingService,
  ) {}

  async list(range: TimeRange, functionId?: string): Promise<FunctionSummary[]> {
    // The whole fleet's inventory is one small read, read beside the totals; 10,000 ids bound as
    // a parameter cost more.
    const [totals, configs] = await Promise.all([
      this.functions.totals(range, functionId),
      this.configs.merged(functionId ? [functionId] : undefined),
    ]);
    return totals.map((t) => summarise(t, configs.get(t.functionId), range, this.pricing));
  }
}

export function summarise(
  t: FunctionTotals,
  config: FunctionConfig | undefined,
  range: TimeRange,
  pricing: PricingService,
): FunctionSummary {
  const identity = parseFunctionId(t.functionId);
  const memoryMb = config?.memoryMb ?? (t.lastMemorySizeMb > 0 ? t.lastMemorySizeMb : null);
  const billedMbMs = t.billedMbMs + (memoryMb ?? 0) * t.billedMsUnknownMemory;
  const billedGbSeconds = billedGbSecondsOf(t, memoryMb);
  // Cost and GB-seconds unrounded: a function can bill less than a rounding's last digit (1 ms at
  // 128 MB is 0.000125 GB-s), and the fleet page adds the costs up.
  let costUsd: number | null = null;
  let priced: FunctionSummary['pricing'] = null;
  if (identity?.platform === 'aws_lambda' && memoryMb) {
    const architecture: LambdaArchitecture = config?.architecture === 'arm64' ? 'arm64' : 'x86_64';
    // The GB-seconds at the sizes billed, and every millisecond billed for ephemeral storage.
    const billed = billedTimeOf(t, memoryMb);
    const cost = pricing.lambdaUsage(
      {
        architecture,
        memoryMb: billed.meanMemoryMb,
        requests: t.invocations,
        billedDurationMs: billed.billedDurationMs,
        snapStart:
          t.restores > 0 || t.billedRestoreSumMs > 0
            ? {
                runtime: config?.runtime ?? '',
                restores: t.restores,
                billedRestoreMs: t.billedRestoreSumMs,
                cachedSeconds: 0,
              }
            : undefined,
        ephemeralStorageMb: config?.ephemeralStorageMb ?? undefined,
      },
      new Date(range.toMs),
      identity.region || 'us-east-1',
    );
    costUsd = cost.usd;
    priced = { catalogueVersion: cost.catalogueVersion, priceIds: cost.priceIds };
  } else if (
    memoryMb &&
    (identity?.platform === 'gcp_cloud_run' ||
      identity?.platform === 'gcp_cloud_functions' ||
      identity?.platform === 'azure_functions')
  ) {
    const cost = pricing.serverlessUsage(
      identity.platform,
      { invocations: t.invocations, billedMbMs, memoryMb, vcpu: config?.podCpu },
      new Date(range.toMs),
      identity.region,
    );
    costUsd = cost.usd;
    priced = { catalogueVersion: cost.catalogueVersion, priceIds: cost.priceIds };
  }
  // Every field written out, no spread: V8 then builds each summary with one shape, which
  // summarise() of 10,000 functions and the page's JSON.stringify both run faster on.
  const cold = coldStartFigures(t.coldStarts, t.invocations, t.unknownStarts);
  const duration = percentiles(t.durationBuckets, { max: t.durationMaxMs });
  return {
    id: t.functionId,
    platform: identity?.platform ?? 'other',
    account: identity?.account ?? '',
    name: identity?.name ?? t.functionId,
    version: t.version || config?.version || '',
    region: identity?.region ?? '',
    runtime: config?.runtime ?? '',
    architecture: config?.architecture ?? '',
    memoryMb,
    timeoutMs: config?.timeoutMs ?? null,
    invocations: t.invocations,
    errors: t.errors,
    timeouts: t.timeouts,
    coldStarts: t.coldStarts,
    coldStartRate: cold.coldStartRate,
    coldStartUnknown: cold.coldStartUnknown,
    coldStartRateReason: cold.coldStartRateReason,
    durationMs: {
      p50: duration.p50,
      p95: duration.p95,
      p99: duration.p99,
      max: round(t.durationMaxMs > 0 ? t.durationMaxMs : null),
    },
    initDurationMs: percentiles(t.initBuckets, { sum: t.initDurationSumMs }),
    maxMemoryUsedMb: t.maxMemoryUsedMb > 0 ? t.maxMemoryUsedMb : null,
    billedGbSeconds,
    costUsd,
    pricing: priced,
  };
}
