import type { PricingService } from '@fleetscope/pricing';
import type { TuningArchitecture, TuningPlatform } from '../tuning.types';

/**
 * Every price a tuning job quotes goes through here, through the process's one pricing service
 * (over the configured catalogue).
 */
export interface TuningPricer {
  /** Dollars for one invocation that was billed `billedDurationMs` at this size. */
  invocationUsd(
    architecture: TuningArchitecture,
    memoryMb: number,
    billedDurationMs: number,
  ): number;
  catalogueVersion: string;
  priceIds: string[];
}

export interface TuningPricerOptions {
  platform: TuningPlatform;
  region: string;
  at: Date;
  pricing: PricingService;
  /** Pod vCPU request of an OpenFaaS/Knative function (memory is what the job varies). */
  podVcpu?: number;
}

export function tuningPricer(options: TuningPricerOptions): TuningPricer {
  const { platform, region, at, pricing } = options;
  const priceIds = new Set<string>();
  const track = (ids: string[]) => ids.forEach((id) => priceIds.add(id));
  switch (platform) {
    case 'aws-lambda':
      return {
        catalogueVersion: pricing.catalogueVersion,
        get priceIds() {
          return [...priceIds];
        },
        // Requests, the first duration tier of the architecture, and the REPORT line's Billed
        // Duration, which already holds INIT when AWS bills it.
        invocationUsd: (architecture, memoryMb, billedDurationMs) => {
          const cost = pricing.lambdaInvocation(
            { architecture, memoryMb, durationMs: billedDurationMs },
            at,
            region,
          );
          track(cost.priceIds);
          return cost.usd;
        },
      };
    case 'openfaas':
    case 'knative':
      return {
        catalogueVersion: pricing.catalogueVersion,
        get priceIds() {
          return [...priceIds];
        },
        // A pod of this memory (and the function's CPU request) on a priced Kubernetes node, for
        // as long as the request ran.
        invocationUsd: (_architecture, memoryMb, billedDurationMs) => {
          const hour = pricing.kubernetesPodHour(
            { vcpu: options.podVcpu ?? 0, memoryMb },
            at,
            region,
          );
          track(hour.priceIds);
          return (hour.usd * billedDurationMs) / 3_600_000;
        },
      };
  }
}
