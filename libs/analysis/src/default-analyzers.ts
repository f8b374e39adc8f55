import type { AnalysisContext, Analyzer } from './analyzer';
import { ContainersAnalyzer } from './containers/containers.analyzer';
import type { FunctionAnalysisInput } from './inputs';
import { MemoryAnalyzer } from './memory/memory.analyzer';
import { ProvisionedConcurrencyAnalyzer } from './provisioned-concurrency/provisioned-concurrency.analyzer';
import type { Recommendation } from './recommendation';
import { compareRecommendations } from './recommendation';
import { TimeoutRiskAnalyzer } from './timeout-risk/timeout-risk.analyzer';
import { KeepAliveAnalyzer } from './keep-alive/keep-alive.analyzer';

/** Every built-in analyzer with its default options; the analyzer app can provide its own list. */
export function defaultAnalyzers(): Analyzer[] {
  return [
    new TimeoutRiskAnalyzer(),
    new MemoryAnalyzer(),
    new ProvisionedConcurrencyAnalyzer(),
    new ContainersAnalyzer(),
    new KeepAliveAnalyzer(),
  ];
}

export interface AnalysisFailure {
  functionId: string;
  kind: Analyzer['kind'];
  message: string;
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
  for (const input of inputs) {
    for (const analyzer of analyzers) {
      try {
        recommendations.push(...analyzer.analyze(input, ctx));
      } catch (error) {
        failures.push({
          functionId: input.profile.functionId,
          kind: analyzer.kind,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  recommendations.sort(compareRecommendations);
  return { recommendations, failures };
}
