import type { AnalysisContext, Analyzer } from '../analyzer';
import { modelledLambdaUsage, monthlyLambdaCost } from '../costs/lambda-window-cost';
import type { FunctionAnalysisInput, FunctionWindowStats } from '../inputs';
import type { Recommendation, Severity } from '../recommendation';
import { confidenceOf, sampleSupport } from '../recommendation';
import type { DurationModel, DurationPoint } from './duration-curve.fit';
import { fitDurationCurve } from './duration-curve.fit';

export interface MemoryOptions {
  /** Memory kept above the peak used (gham-khaled/Lambda-Cost-Analysis uses peak × 1.2). */
  headroom: number;
  /** Share of the duration assumed CPU-bound when only one size was seen. */
  cpuBoundFractionPrior: number;
  /** Weight of cost against duration in the balanced pick (Power Tuning's balancedWeight). */
  balancedWeight: number;
  /** Sizes considered; Lambda accepts 128–10,240 MB. */
  ladderMb: readonly number[];
}

export const DEFAULT_MEMORY_OPTIONS: MemoryOptions = {
  headroom: 1.2,
  cpuBoundFractionPrior: 0.5,
  balancedWeight: 0.5,
  ladderMb: [
    128, 192, 256, 320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1769, 2048, 2560, 3008,
    3538, 4096, 5120, 6144, 7168, 8192, 9216, 10240,
  ],
};

const LAMBDA_MIN_MB = 128;
const LAMBDA_MAX_MB = 10_240;
const NEAR_LIMIT_SHARE = 0.95; // Datadog "High memory usage": any invocation > 95 % of memory

export interface MemoryOption {
  memoryMb: number;
  meanDurationMs: number;
  monthlyUsd: number;
}

export type MemoryFinding =
  'out-of-memory' | 'near-memory-limit' | 'over-provisioned' | 'cpu-bound';

function durationPoints(stats: FunctionWindowStats): DurationPoint[] {
  return stats.byMemory
    .filter((m) => m.invocations > 0)
    .map((m) => ({
      memoryMb: m.memoryMb,
      meanDurationMs: m.durationSumMs / m.invocations,
      invocations: m.invocations,
    }));
}

/** The smallest size that is safe to run, from the observed peak. */
export function memoryFloorMb(
  currentMb: number,
  stats: FunctionWindowStats,
  headroom: number,
): number {
  const peak = stats.maxMemoryUsedMb ?? stats.memoryUsedP95Mb;
  if (stats.ooms > 0)
    return Math.min(LAMBDA_MAX_MB, Math.max(currentMb * 1.5, (peak ?? 0) * headroom));
  // Without memory telemetry going smaller risks OOM: only sizes at or above the current one.
  if (peak === null) return currentMb;
  return Math.min(LAMBDA_MAX_MB, Math.max(LAMBDA_MIN_MB, peak * headroom));
}

function pickCost(options: MemoryOption[]): MemoryOption {
  return options.reduce((best, o) =>
    o.monthlyUsd < best.monthlyUsd * 0.995 ||
    (o.monthlyUsd <= best.monthlyUsd * 1.005 && o.meanDurationMs < best.meanDurationMs)
      ? o
      : best,
  );
}

function pickSpeed(options: MemoryOption[]): MemoryOption {
  const fastest = Math.min(...options.map((o) => o.meanDurationMs));
  return pickCost(options.filter((o) => o.meanDurationMs <= fastest * 1.01));
}

/** Power Tuning's balanced strategy: minimise w·cost/maxCost + (1−w)·duration/maxDuration. */
function pickBalanced(options: MemoryOption[], weight: number): MemoryOption {
  const maxCost = Math.max(...options.map((o) => o.monthlyUsd));
  const maxDuration = Math.max(...options.map((o) => o.meanDurationMs));
  const score = (o: MemoryOption) =>
    weight * (o.monthlyUsd / maxCost) + (1 - weight) * (o.meanDurationMs / maxDuration);
  return options.reduce((best, o) => (score(o) < score(best) ? o : best));
}

function findingOf(
  stats: FunctionWindowStats,
  currentMb: number,
  recommendedMb: number,
): MemoryFinding | null {
  if (stats.ooms > 0) return 'out-of-memory';
  if (stats.maxMemoryUsedMb !== null && stats.maxMemoryUsedMb >= NEAR_LIMIT_SHARE * currentMb)
    return 'near-memory-limit';
  if (recommendedMb < currentMb) return 'over-provisioned';
  if (recommendedMb > currentMb) return 'cpu-bound';
  return null;
}

function reasonOf(
  finding: MemoryFinding,
  stats: FunctionWindowStats,
  currentMb: number,
  current: MemoryOption,
  pick: MemoryOption,
): string {
  const used = stats.maxMemoryUsedMb;
  switch (finding) {
    case 'out-of-memory':
      return `${stats.ooms} invocations ran out of memory at ${currentMb} MB.`;
    case 'near-memory-limit':
      return `Peak memory used (${used} MB) reached ${Math.round(((used ?? 0) / currentMb) * 100)} % of the ${currentMb} MB configured.`;
    case 'over-provisioned':
      return `Peak memory used is ${used ?? '?'} MB of ${currentMb} MB, and ${pick.memoryMb} MB is modelled to cost ${Math.round((1 - pick.monthlyUsd / current.monthlyUsd) * 100)} % less at ${Math.round(pick.meanDurationMs)} ms instead of ${Math.round(current.meanDurationMs)} ms.`;
    case 'cpu-bound':
      return `Durations fall with more memory: ${pick.memoryMb} MB is modelled at ${Math.round(pick.meanDurationMs)} ms instead of ${Math.round(current.meanDurationMs)} ms.`;
  }
}

function severityOf(finding: MemoryFinding, savingShare: number): Severity {
  switch (finding) {
    case 'out-of-memory':
      return 'critical';
    case 'near-memory-limit':
      return 'warning';
    case 'over-provisioned':
    case 'cpu-bound':
      return savingShare >= 0.2 ? 'warning' : 'info';
  }
}

function modelSupport(model: DurationModel, sizes: number): number {
  switch (model.kind) {
    case 'exponential-fit':
      return 0.6 + 0.3 * Math.max(0, model.rSquared ?? 0);
    case 'cpu-share-fit':
      return sizes > 2 ? 0.5 + 0.2 * Math.max(0, model.rSquared ?? 0) : 0.55;
    case 'cpu-share-prior':
      return 0.3;
  }
}

/**
 * Memory right-sizing from passive telemetry (Lambda): floor from the peak memory used, a
 * duration model across sizes, and cost/speed/balanced picks priced from the catalogue.
 */
export class MemoryAnalyzer implements Analyzer {
  readonly kind = 'memory' as const;

  constructor(private readonly options: MemoryOptions = DEFAULT_MEMORY_OPTIONS) {}

  analyze({ profile, stats }: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const currentMb = profile.memoryMb;
    if (profile.platform !== 'aws_lambda' || currentMb === null || stats.invocations <= 0)
      return [];
    const points = durationPoints(stats);
    const model = fitDurationCurve(points, this.options.cpuBoundFractionPrior);
    if (!model) return [];

    // Calibrate so that the model reproduces the mean observed at the current size.
    const atCurrent = points.find((p) => p.memoryMb === currentMb);
    const calibration = atCurrent ? atCurrent.meanDurationMs / model.predictMs(currentMb) : 1;
    const optionAt = (memoryMb: number): MemoryOption => {
      const meanDurationMs = model.predictMs(memoryMb) * calibration;
      const usage = modelledLambdaUsage(profile, stats, memoryMb, meanDurationMs, ctx.at);
      return {
        memoryMb,
        meanDurationMs,
        monthlyUsd: monthlyLambdaCost(usage, stats, profile, ctx).usd,
      };
    };

    const floorMb = memoryFloorMb(currentMb, stats, this.options.headroom);
    const ceilingMb = Math.max(currentMb, 3008, floorMb);
    const sizes = this.options.ladderMb.filter((m) => m >= floorMb && m <= ceilingMb);
    if (sizes.length === 0) sizes.push(Math.min(LAMBDA_MAX_MB, Math.ceil(floorMb)));
    const candidates = sizes.map(optionAt);
    const current = optionAt(currentMb);
    const picks = {
      cost: pickCost(candidates),
      speed: pickSpeed(candidates),
      balanced: pickBalanced(candidates, this.options.balancedWeight),
    };
    const pick = picks.balanced;

    const finding = findingOf(stats, currentMb, pick.memoryMb);
    if (finding === null || pick.memoryMb === currentMb) return [];
    const monthlyImpactUsd = current.monthlyUsd - pick.monthlyUsd;
    const savingShare = current.monthlyUsd > 0 ? monthlyImpactUsd / current.monthlyUsd : 0;
    const direct = finding === 'out-of-memory' || finding === 'near-memory-limit';
    const support = direct
      ? 0.9
      : modelSupport(model, points.length) * (0.4 + 0.6 * sampleSupport(stats.invocations, 100));

    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: severityOf(finding, savingShare),
        title: `${pick.memoryMb > currentMb ? 'Raise' : 'Lower'} memory from ${currentMb} MB to ${pick.memoryMb} MB`,
        reason: reasonOf(finding, stats, currentMb, current, pick),
        current: {
          memoryMb: currentMb,
          meanDurationMs: current.meanDurationMs,
          monthlyUsd: current.monthlyUsd,
        },
        recommended: {
          memoryMb: pick.memoryMb,
          strategy: 'balanced',
          meanDurationMs: pick.meanDurationMs,
          monthlyUsd: pick.monthlyUsd,
        },
        monthlyImpactUsd,
        ...confidenceOf(support),
        evidence: {
          finding,
          maxMemoryUsedMb: stats.maxMemoryUsedMb,
          memoryUsedP95Mb: stats.memoryUsedP95Mb,
          ooms: stats.ooms,
          floorMb,
          sizesSeen: points.map((p) => p.memoryMb),
          model: { kind: model.kind, params: model.params, rSquared: model.rSquared },
          options: picks,
          invocations: stats.invocations,
        },
        catalogueVersion: ctx.catalogue.version,
      },
    ];
  }
}
