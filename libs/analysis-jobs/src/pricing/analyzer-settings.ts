import type { AnalyzerSettings } from '@fleetscope/analysis';
import type { Config } from '@fleetscope/config';

/** The analyzers' evidence gates, latency value and container offer from the configuration. */
export function analyzerSettings(config: Config): AnalyzerSettings {
  return {
    evidence: {
      minInvocations: config.recommendationMinInvocations,
      minWindowDays: config.recommendationMinDays,
      minSavingUsdPerMonth: config.recommendationMinSavingUsd,
      minSavingShare: config.recommendationMinSavingPercent / 100,
    },
    latencyUsdPerSecond: config.recommendationLatencyUsdPerSecond,
    containersOffer: config.containersOffer,
  };
}
