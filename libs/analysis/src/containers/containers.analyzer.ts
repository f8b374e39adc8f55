import type { ContainerOffer, CostResult } from '@fleetscope/pricing';
import { containersAction } from '../actions/config-action';
import type { AnalysisContext, Analyzer } from '../analyzer';
import { basisOf } from '../evidence/evidence.gate';
import { HOURS_PER_MONTH, windowHours } from '../analyzer';
import { monthlyLambdaCost, observedLambdaUsage } from '../costs/lambda-window-cost';
import { MB_PER_VCPU } from '../memory/duration-curve.fit';
import type { FunctionAnalysisInput, FunctionProfile, FunctionWindowStats } from '../inputs';
import type { Recommendation } from '../recommendation';
import { confidenceOf, sampleSupport } from '../recommendation';

export interface ContainerTaskShape {
  vcpu: number;
  memoryGb: number;
}

export interface ContainersOptions {
  /** Tasks kept for availability even at low load. */
  minTasks: number;
  /** Share of a task's vCPU and memory planned to be used at p95 concurrency. */
  targetUtilisation: number;
  task: ContainerTaskShape;
  offers: readonly ContainerOffer[];
}

export const DEFAULT_CONTAINERS_OPTIONS: ContainersOptions = {
  minTasks: 2,
  targetUtilisation: 0.6,
  task: { vcpu: 1, memoryGb: 2 },
  offers: ['fargate-x86_64', 'fargate-arm64', 'fargate-spot', 'cloud-run', 'kubernetes'],
};

export interface ContainerSizing {
  p95Concurrency: number;
  vcpuNeeded: number;
  memoryGbNeeded: number;
  tasks: number;
  /** Where p95 concurrency came from: the concurrency profile, or mean concurrency (Little's law). */
  concurrencySource: 'concurrency-profile' | 'mean-from-durations';
}

export interface ContainerQuote {
  offer: ContainerOffer;
  monthlyUsd: number;
  priceIds: string[];
  /** Requests per second at which Lambda would cost the same as this deployment. */
  breakEvenRequestsPerSecond: number;
}

/**
 * Tasks for an always-on deployment: each concurrent execution needs the vCPU share its Lambda
 * memory buys (1,769 MB = 1 vCPU) and the memory it was seen to use.
 */
export function sizeContainers(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  p95: { value: number; source: ContainerSizing['concurrencySource'] },
  options: ContainersOptions,
): ContainerSizing {
  const memoryMb = profile.memoryMb ?? 1024;
  const usedMb = stats.maxMemoryUsedMb ?? memoryMb;
  const vcpuNeeded = p95.value * (memoryMb / MB_PER_VCPU);
  const memoryGbNeeded = (p95.value * usedMb) / 1024;
  const u = options.targetUtilisation;
  const tasks = Math.max(
    options.minTasks,
    Math.ceil(vcpuNeeded / (options.task.vcpu * u)),
    Math.ceil(memoryGbNeeded / (options.task.memoryGb * u)),
  );
  return {
    p95Concurrency: p95.value,
    vcpuNeeded,
    memoryGbNeeded,
    tasks,
    concurrencySource: p95.source,
  };
}

function p95ConcurrencyOf({ stats, concurrency }: FunctionAnalysisInput): {
  value: number;
  source: ContainerSizing['concurrencySource'];
} {
  if (concurrency && concurrency.p95Concurrency > 0)
    return { value: concurrency.p95Concurrency, source: 'concurrency-profile' };
  const windowMs = stats.windowEndMs - stats.windowStartMs;
  return {
    value: windowMs > 0 ? stats.durationSumMs / windowMs : 0,
    source: 'mean-from-durations',
  };
}

function quote(
  offer: ContainerOffer,
  sizing: ContainerSizing,
  options: ContainersOptions,
  lambdaUsdPerRequest: number,
  profile: FunctionProfile,
  ctx: AnalysisContext,
): ContainerQuote {
  const cost: CostResult = ctx.pricing.containerDeployment(
    {
      offer,
      vcpuPerTask: options.task.vcpu,
      memoryGbPerTask: options.task.memoryGb,
      tasks: sizing.tasks,
      hours: HOURS_PER_MONTH,
    },
    ctx.at,
    profile.region,
  );
  const monthlyUsd = cost.unpriced.length > 0 ? Number.POSITIVE_INFINITY : cost.usd;
  const breakEvenRequestsPerSecond =
    lambdaUsdPerRequest > 0
      ? monthlyUsd / (lambdaUsdPerRequest * HOURS_PER_MONTH * 3600)
      : Number.POSITIVE_INFINITY;
  return { offer, monthlyUsd, priceIds: cost.priceIds, breakEvenRequestsPerSecond };
}

/**
 * "Containers would be cheaper": the observed Lambda traffic priced per month against an
 * always-on deployment sized from p95 concurrency with a minimum task count and a utilisation
 * target (docs/decisions.md "Containers").
 */
export class ContainersAnalyzer implements Analyzer {
  readonly kind = 'containers' as const;

  constructor(private readonly options: ContainersOptions = DEFAULT_CONTAINERS_OPTIONS) {}

  analyze(input: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const { profile, stats } = input;
    if (profile.platform !== 'aws_lambda' || profile.memoryMb === null || stats.invocations <= 0)
      return [];
    const hours = windowHours(stats.windowStartMs, stats.windowEndMs);
    if (!(hours > 0)) return [];

    const lambda = monthlyLambdaCost(
      observedLambdaUsage(profile, stats, profile.memoryMb),
      stats,
      profile,
      ctx,
    );
    const monthlyRequests = (stats.invocations * HOURS_PER_MONTH) / hours;
    const lambdaUsdPerRequest = lambda.usd / monthlyRequests;
    const sizing = sizeContainers(profile, stats, p95ConcurrencyOf(input), this.options);
    const offers = this.options.offers.filter(
      (o) => !(o === 'fargate-arm64' && profile.architecture !== 'arm64'),
    );
    const quotes = offers.map((offer) =>
      quote(offer, sizing, this.options, lambdaUsdPerRequest, profile, ctx),
    );
    const cheapest = quotes.reduce((a, b) => (b.monthlyUsd < a.monthlyUsd ? b : a));
    if (!(cheapest.monthlyUsd < lambda.usd)) return [];

    const monthlyImpactUsd = lambda.usd - cheapest.monthlyUsd;
    const observedRps = stats.invocations / (hours * 3600);
    const support =
      (sizing.concurrencySource === 'concurrency-profile' ? 0.8 : 0.5) *
      (0.5 + 0.5 * sampleSupport(hours, 72)) *
      (monthlyImpactUsd / lambda.usd > 0.2 ? 1 : 0.7);
    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: monthlyImpactUsd / lambda.usd >= 0.5 ? 'warning' : 'info',
        title: `Run on ${cheapest.offer} with ${sizing.tasks} tasks`,
        reason: `At ${observedRps.toFixed(1)} requests/s the function costs ${lambda.usd.toFixed(2)} $/month on Lambda, above the ${cheapest.breakEvenRequestsPerSecond.toFixed(1)} requests/s where ${sizing.tasks} always-on ${cheapest.offer} tasks (${cheapest.monthlyUsd.toFixed(2)} $/month) break even.`,
        current: { platform: 'aws_lambda', memoryMb: profile.memoryMb, monthlyUsd: lambda.usd },
        recommended: {
          offer: cheapest.offer,
          tasks: sizing.tasks,
          vcpuPerTask: this.options.task.vcpu,
          memoryGbPerTask: this.options.task.memoryGb,
          monthlyUsd: cheapest.monthlyUsd,
        },
        monthlyImpactUsd,
        ...confidenceOf(support),
        evidence: {
          observedRequestsPerSecond: observedRps,
          lambdaUsdPerRequest,
          breakEvenRequestsPerSecond: cheapest.breakEvenRequestsPerSecond,
          sizing,
          targetUtilisation: this.options.targetUtilisation,
          minTasks: this.options.minTasks,
          quotes,
          lambdaPriceIds: lambda.priceIds,
          note: 'Load balancer and data transfer are not included; break-even assumes the tasks can serve that rate.',
        },
        catalogueVersion: ctx.pricing.catalogueVersion,
        savingUsd: { lowUsd: monthlyImpactUsd, highUsd: monthlyImpactUsd },
        basis: basisOf(stats, 'request rate and durations'),
        action: containersAction(profile, cheapest.offer, {
          min: sizing.tasks,
          vcpu: this.options.task.vcpu,
          memoryGb: this.options.task.memoryGb,
        }),
        planRole: 'option',
      },
    ];
  }
}
