import type { LambdaDurationTier, PricingService } from '@fleetscope/pricing';
import type { PublishedVersion, TuningArchitecture, TuningPlatform } from '../tuning.types';

/**
 * Every price a tuning job quotes goes through here, through the process's one pricing service
 * (over the configured catalogue).
 */
export interface TuningPricer {
  /**
   * Dollars for one invocation that was billed `billedDurationMs` at this size (a SnapStart
   * call's Billed Restore Duration included); `restored`: it restored a SnapStart snapshot, which
   * Python and .NET runtimes pay a fee for.
   */
  invocationUsd(
    architecture: TuningArchitecture,
    memoryMb: number,
    billedDurationMs: number,
    restored?: boolean,
  ): number;
  /**
   * Dollars for keeping one SnapStart snapshot of a published version at this size cached for
   * `seconds` (the caller applies the 3-hour minimum); 0 where the platform or the runtime pays
   * no cache (Java, OpenFaaS, Knative).
   */
  snapStartCacheUsd(architecture: TuningArchitecture, memoryMb: number, seconds: number): number;
  /** Lambda: the function's configuration says SnapStart on published versions. */
  snapStart: boolean;
  catalogueVersion: string;
  priceIds: string[];
  /** Lambda: the monthly duration tier each architecture was priced at. */
  durationTiers: DurationTierUsed[];
}

/**
 * Lambda's duration tiers are totalled per month over an account (or an Organization's
 * consolidated bill), region and architecture: where that total stood when the job started.
 */
export interface LambdaTierPosition {
  grouping: 'account' | 'organization';
  /** The account the function lives in. */
  account: string;
  /** On-demand GB-seconds used this month before the job, by architecture. */
  monthToDateGbSeconds: (architecture: TuningArchitecture) => number;
  /** ISO-8601 instant the month-to-date usage was read up to. */
  asOf: string;
}

/** The tier a job's Lambda prices came from, as the job result states it. */
export interface DurationTierUsed extends LambdaDurationTier {
  architecture: TuningArchitecture;
  grouping: 'account' | 'organization';
  account: string;
  region: string;
  monthToDateGbSeconds: number;
  asOf: string;
}

export interface TuningPricerOptions {
  platform: TuningPlatform;
  region: string;
  at: Date;
  pricing: PricingService;
  /** Pod vCPU request of an OpenFaaS/Knative function (memory is what the job varies). */
  podVcpu?: number;
  /** Lambda: the account's month-to-date usage; without it, the first tier (nothing used yet). */
  lambdaTier?: LambdaTierPosition;
  /** Lambda: the configured ephemeral storage (MB); above 512 MB it is billed for the duration. */
  ephemeralStorageMb?: number;
  /** Lambda: the runtime (`python3.12`, `java21`), which decides whether a restore pays a fee. */
  runtime?: string;
  /** Lambda: SnapStart is on for published versions (GetFunction's SnapStart.ApplyOn). */
  snapStart?: boolean;
}

export function tuningPricer(options: TuningPricerOptions): TuningPricer {
  const { platform, region, at, pricing } = options;
  const priceIds = new Set<string>();
  const track = (ids: string[]) => ids.forEach((id) => priceIds.add(id));
  switch (platform) {
    case 'aws-lambda': {
      const tiers = new Map<TuningArchitecture, DurationTierUsed | null>();
      const monthToDate = (architecture: TuningArchitecture) =>
        options.lambdaTier?.monthToDateGbSeconds(architecture) ?? 0;
      const tierOf = (architecture: TuningArchitecture) => {
        if (!tiers.has(architecture)) {
          const used = monthToDate(architecture);
          const tier = pricing.lambdaDurationTier(architecture, at, region, used);
          tiers.set(
            architecture,
            tier && {
              architecture,
              grouping: options.lambdaTier?.grouping ?? 'account',
              account: options.lambdaTier?.account ?? '',
              region,
              monthToDateGbSeconds: used,
              asOf: options.lambdaTier?.asOf ?? at.toISOString(),
              ...tier,
            },
          );
        }
        return tiers.get(architecture);
      };
      return {
        catalogueVersion: pricing.catalogueVersion,
        get priceIds() {
          return [...priceIds];
        },
        get durationTiers() {
          return [...tiers.values()].filter((t): t is DurationTierUsed => t !== null);
        },
        // Requests, the duration tier the account is in this month, ephemeral storage above
        // 512 MB, and the REPORT line's Billed Duration, which already holds INIT when AWS bills it
        // (and here the Billed Restore Duration, billed as duration); a restore's fee by runtime.
        invocationUsd: (architecture, memoryMb, billedDurationMs, restored = false) => {
          tierOf(architecture);
          const cost = pricing.lambdaInvocation(
            {
              architecture,
              memoryMb,
              durationMs: billedDurationMs,
              monthToDateGbSeconds: monthToDate(architecture),
              ephemeralStorageMb: options.ephemeralStorageMb,
              ...(restored ? { initType: 'snap-start' as const, runtime: options.runtime } : {}),
            },
            at,
            region,
          );
          track(cost.priceIds);
          return cost.usd;
        },
        snapStart: options.snapStart === true,
        // The cache meter alone: no request, no duration. The pricing service charges it for
        // Python and .NET only, by the runtime.
        snapStartCacheUsd: (architecture, memoryMb, seconds) => {
          const cost = pricing.lambdaUsage(
            {
              architecture,
              memoryMb,
              requests: 0,
              billedDurationMs: 0,
              snapStart: {
                runtime: options.runtime ?? '',
                restores: 0,
                billedRestoreMs: 0,
                cachedSeconds: seconds,
              },
            },
            at,
            region,
          );
          track(cost.priceIds);
          return cost.usd;
        },
      };
    }
    case 'openfaas':
    case 'knative':
      return {
        catalogueVersion: pricing.catalogueVersion,
        get priceIds() {
          return [...priceIds];
        },
        durationTiers: [],
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
        snapStart: false,
        snapStartCacheUsd: () => 0,
      };
  }
}

/** A SnapStart snapshot's cache is billed for at least 3 hours per version (Lambda pricing). */
export const SNAPSTART_CACHE_MINIMUM_SECONDS = 3 * 3600;

/**
 * What caching the SnapStart snapshots of the versions a job published cost, at the pricing
 * service's cache price (Python and .NET; Java pays none). Assumption: with SnapStart on, Lambda
 * snapshots every version when it is published, at that version's memory, and caches it until
 * the version is deleted; each version is billed for the time from its publication to the
 * restore that deleted it (up to `nowMs` while it may still exist), and for at least 3 hours.
 */
export function snapStartCacheUsd(
  versions: readonly PublishedVersion[],
  pricer: TuningPricer,
  nowMs: number,
): number {
  let usd = 0;
  for (const v of versions) {
    const seconds = Math.max(0, ((v.removedAtMs ?? nowMs) - v.publishedAtMs) / 1000);
    usd += pricer.snapStartCacheUsd(
      v.architecture,
      v.memoryMb,
      Math.max(SNAPSTART_CACHE_MINIMUM_SECONDS, seconds),
    );
  }
  return usd;
}
