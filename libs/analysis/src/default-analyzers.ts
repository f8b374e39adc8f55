import type { AnalysisContext, Analyzer } from './analyzer';
import type { ContainersOptions } from './containers/containers.analyzer';
import { ContainersAnalyzer, DEFAULT_CONTAINERS_OPTIONS } from './containers/containers.analyzer';
import type { EvidenceOptions } from './evidence/evidence.gate';
import { lambdaPriceAssumptions, statePriceAssumptions } from './evidence/price-assumptions';
import { DEFAULT_EVIDENCE_OPTIONS } from './evidence/evidence.gate';
import type { FunctionAnalysisInput } from './inputs';
import { DEFAULT_MEMORY_OPTIONS, MemoryAnalyzer } from './memory/memory.analyzer';
import {
  DEFAULT_PROVISIONED_CONCURRENCY_OPTIONS,
  ProvisionedConcurrencyAnalyzer,
} from './provisioned-concurrency/provisioned-concurrency.analyzer';
import type { Recommendation } from './recommendation';
import { compareRecommendations, confidenceOf } from './recommendation';
import { inPlanTotal } from './plan/function-plan';
import {
  DEFAULT_TIMEOUT_RISK_OPTIONS,
  TimeoutRiskAnalyzer,
} from './timeout-risk/timeout-risk.analyzer';
import { DEFAULT_KEEP_ALIVE_OPTIONS, KeepAliveAnalyzer } from './keep-alive/keep-alive.analyzer';

/** What a deployment configures about its recommendations (FLEETSCOPE_RECOMMENDATION_*). */
export interface AnalyzerSettings {
  evidence: EvidenceOptions;
  /** $ a second of cold-start waiting is worth; 0 keeps dollars alone. */
  latencyUsdPerSecond: number;
  containersOffer: ContainersOptions['offer'];
}

export const DEFAULT_ANALYZER_SETTINGS: AnalyzerSettings = {
  evidence: DEFAULT_EVIDENCE_OPTIONS,
  latencyUsdPerSecond: 0,
  containersOffer: 'fargate',
};

/**
 * Every built-in analyzer, memory before provisioned concurrency and containers (they are priced
 * at the memory it recommends), containers last (an option measured against Lambda after the
 * plan's changes); the analyzer app can provide its own list.
 */
export function defaultAnalyzers(
  settings: AnalyzerSettings = DEFAULT_ANALYZER_SETTINGS,
): Analyzer[] {
  const { evidence } = settings;
  return [
    new TimeoutRiskAnalyzer({
      ...DEFAULT_TIMEOUT_RISK_OPTIONS,
      minInvocations: evidence.minInvocations,
    }),
    new MemoryAnalyzer({
      ...DEFAULT_MEMORY_OPTIONS,
      evidence,
      latencyValueUsdPerSecond: settings.latencyUsdPerSecond,
    }),
    new ProvisionedConcurrencyAnalyzer({
      ...DEFAULT_PROVISIONED_CONCURRENCY_OPTIONS,
      evidence,
      latencyValueUsdPerSecond: settings.latencyUsdPerSecond,
    }),
    new KeepAliveAnalyzer({
      ...DEFAULT_KEEP_ALIVE_OPTIONS,
      evidence,
      latencyValueUsdPerSecond: settings.latencyUsdPerSecond,
    }),
    new ContainersAnalyzer({
      ...DEFAULT_CONTAINERS_OPTIONS,
      evidence,
      offer: settings.containersOffer,
    }),
  ];
}

/**
 * The input as it would be after the memory recommendation: the recommended size, and durations
 * scaled to the mean measured there. Unchanged when memory is not to change.
 */
export function atRecommendedMemory(
  input: FunctionAnalysisInput,
  memory: readonly Recommendation[],
): FunctionAnalysisInput {
  const change = memory.find((r) => typeof r.recommended?.memoryMb === 'number');
  const memoryMb = change?.recommended.memoryMb as number | undefined;
  if (!change || memoryMb === undefined || memoryMb === input.profile.memoryMb) return input;
  const before = change.current.meanDurationMs;
  const after = change.recommended.meanDurationMs;
  const ratio =
    typeof before === 'number' && typeof after === 'number' && before > 0 ? after / before : 1;
  const pods = input.profile.platform === 'knative' || input.profile.platform === 'openfaas';
  return {
    ...input,
    beforeMemoryChange: input.beforeMemoryChange ?? {
      profile: input.profile,
      stats: input.stats,
      ...(typeof change.current.monthlyUsd === 'number'
        ? { monthlyUsd: change.current.monthlyUsd }
        : {}),
    },
    // A pod's memory change sets the request with the limit (memoryAction): idle pods after it
    // are priced at the new request.
    profile: { ...input.profile, memoryMb, ...(pods ? { podMemoryMb: memoryMb } : {}) },
    stats: {
      ...input.stats,
      durationSumMs: input.stats.durationSumMs * ratio,
      billedDurationSumMs: input.stats.billedDurationSumMs * ratio,
      maxMemoryUsedMb: input.stats.maxMemoryUsedMb,
    },
  };
}

/**
 * The input with the changes its plan holds so far that add to the plan's total (inPlanTotal, the
 * plans' one rule), stated as the plan states them. The memory change is left out: the input is
 * already at its size (atRecommendedMemory).
 */
export function withPlannedChanges(
  input: FunctionAnalysisInput,
  sameFunction: readonly Recommendation[],
): FunctionAnalysisInput {
  const plannedChanges = sameFunction
    .filter((r) => r.kind !== 'memory' && inPlanTotal(r, sameFunction))
    .map((r) => ({ kind: r.kind, title: r.title, savingUsd: { ...r.savingUsd } }));
  return plannedChanges.length > 0 ? { ...input, plannedChanges } : input;
}

/** The input with the warm-capacity level the provisioned-concurrency analysis recommends. */
export function withPlannedWarmLevel(
  input: FunctionAnalysisInput,
  warm: readonly Recommendation[],
): FunctionAnalysisInput {
  for (const r of warm) {
    const level = r.recommended.provisionedConcurrency ?? r.recommended.minScale;
    if (typeof level === 'number') return { ...input, plannedWarmLevel: level };
  }
  return input;
}

export interface AnalysisFailure {
  functionId: string;
  kind: Analyzer['kind'];
  message: string;
}

/**
 * Every analyzer's confidence held to its saving range (confidenceOf: a saving whose low end is
 * under a quarter of its high end is at most medium), after the range is widened for an assumed
 * price; a fix's confidence is about the finding, not a saving.
 */
function rangedConfidence(r: Recommendation): Recommendation {
  return r.planRole === 'fix' ? r : { ...r, ...confidenceOf(r.confidenceScore, r.savingUsd) };
}

/**
 * Runs analyzers over a fleet. One function's bad data must not stop the rest: a throw inside an
 * analyzer is caught and reported per function and kind.
 */
export function runAnalyzers(
  analyzers: readonly Analyzer[],
  inputs: Iterable<FunctionAnalysisInput>,
  ctx: AnalysisContext,
): { recommendations: Recommendation[]; failures: AnalysisFailure[] } {
  const recommendations: Recommendation[] = [];
  const failures: AnalysisFailure[] = [];
  for (const input of inputs) analyzeFunction(analyzers, input, ctx, recommendations, failures);
  recommendations.sort(compareRecommendations);
  return { recommendations, failures };
}

/** Functions analysed between two yields of runAnalyzersStoppable: ~0.3 s on two busy cores. */
const STOPPABLE_SLICE = 100;

/**
 * runAnalyzers a slice of functions at a time, the event loop free between slices and `signal`
 * checked there (its reason thrown once aborted): the maths over 10,000 functions holds the
 * thread for seconds, and a SIGTERM was not even seen until it ended.
 */
export async function runAnalyzersStoppable(
  analyzers: readonly Analyzer[],
  inputs: readonly FunctionAnalysisInput[],
  ctx: AnalysisContext,
  signal: AbortSignal,
): Promise<{ recommendations: Recommendation[]; failures: AnalysisFailure[] }> {
  const recommendations: Recommendation[] = [];
  const failures: AnalysisFailure[] = [];
  for (let i = 0; i < inputs.length; i++) {
    if (i % STOPPABLE_SLICE === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal.throwIfAborted();
    }
    analyzeFunction(analyzers, inputs[i], ctx, recommendations, failures);
  }
  recommendations.sort(compareRecommendations);
  return { recommendations, failures };
}

/** Every analyzer over one function, its recommendations and failures added to the lists. */
function analyzeFunction(
  analyzers: readonly Analyzer[],
  original: FunctionAnalysisInput,
  ctx: AnalysisContext,
  recommendations: Recommendation[],
  failures: AnalysisFailure[],
): void {
  let input = original;
  const sameFunction: Recommendation[] = [];
  for (const analyzer of analyzers) {
    try {
      const made = analyzer.analyze(input, ctx);
      if (made.length > 0) {
        const assumed = lambdaPriceAssumptions(original.profile, analyzer.kind, ctx);
        const stated = made.map((r) => rangedConfidence(statePriceAssumptions(r, assumed)));
        recommendations.push(...stated);
        sameFunction.push(...stated);
        input = withPlannedChanges(input, sameFunction);
      }
      // One plan per function: what follows the memory analysis is priced at its size.
      if (analyzer.kind === 'memory') input = atRecommendedMemory(input, made);
      if (analyzer.kind === 'provisioned-concurrency') input = withPlannedWarmLevel(input, made);
    } catch (error) {
      failures.push({
        functionId: input.profile.functionId,
        kind: analyzer.kind,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
