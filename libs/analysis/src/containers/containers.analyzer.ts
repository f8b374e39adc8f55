import type { ContainerOffer, PriceAssumption } from '@fleetscope/pricing';
import { containersAction } from '../actions/config-action';
import type { AnalysisContext, Analyzer } from '../analyzer';
import { HOURS_PER_MONTH, windowHours } from '../analyzer';
import {
  monthlyLambdaCost,
  observedLambdaUsage,
  provisionedShare,
} from '../costs/lambda-window-cost';
import type { EvidenceOptions } from '../evidence/evidence.gate';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  basisOf,
  evidenceShortfall,
  materialityShortfall,
} from '../evidence/evidence.gate';
import type {
  ConcurrencyProfile,
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
} from '../inputs';
import { MB_PER_VCPU } from '../memory/duration-curve.fit';
import { busyShareOfPeak } from '../provisioned-concurrency/provisioned-concurrency.analyzer';
import type { Recommendation, SavingRange, WhyNotCode } from '../recommendation';
import { confidenceOf, midpoint, sampleSupport } from '../recommendation';
import { consistency, relativeHalfRange } from '../stats/window-spread';

export interface ContainerTaskShape {
  vcpu: number;
  memoryGb: number;
}

export interface ContainersOptions {
  /** Tasks kept for availability even at low load (two Availability Zones). */
  minTasks: number;
  /** Share of a task's vCPU and memory planned to be used. */
  targetUtilisation: number;
  task: ContainerTaskShape;
  /** On-demand Fargate unless Spot is configured (Spot can be interrupted). */
  offer: 'fargate' | 'fargate-spot';
  /** An Application Load Balancer in front of the tasks. */
  loadBalancer: boolean;
  evidence: EvidenceOptions;
}

export const DEFAULT_CONTAINERS_OPTIONS: ContainersOptions = {
  minTasks: 2,
  targetUtilisation: 0.6,
  task: { vcpu: 1, memoryGb: 2 },
  offer: 'fargate',
  loadBalancer: true,
  evidence: DEFAULT_EVIDENCE_OPTIONS,
};

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** One ALB LCU: 25 new connections a second; each request is counted as a new connection. */
const REQUESTS_PER_LCU = 25;
const LAMBDA_MAX_MB = 10_240;

/**
 * How much a request asks of a container, from what Lambda measured: its duration at the Lambda
 * CPU share (1,769 MB = 1 vCPU, up to 6 vCPUs at 10,240 MB) is taken as all CPU time, the
 * cautious reading for the container side, and it holds its peak memory while it runs.
 */
export interface CapacityModel {
  /** vCPU-seconds per request. */
  cpuSecondsPerRequest: number;
  /** MB each in-flight request holds. */
  memoryMbPerRequest: number;
  /** Requests a second one task serves at the target utilisation. */
  requestsPerSecondPerTask: number;
  statement: string;
}

export function capacityModel(
  meanDurationMs: number,
  lambdaMemoryMb: number,
  memoryUsedMb: number,
  options: Pick<ContainersOptions, 'task' | 'targetUtilisation'>,
): CapacityModel {
  const cpuSecondsPerRequest =
    (meanDurationMs / 1000) * (Math.min(lambdaMemoryMb, LAMBDA_MAX_MB) / MB_PER_VCPU);
  // On a full vCPU the request takes its CPU time; it holds its memory that long.
  const secondsInTask = cpuSecondsPerRequest / Math.min(1, options.task.vcpu);
  const u = options.targetUtilisation;
  const byCpu =
    cpuSecondsPerRequest > 0 ? (options.task.vcpu * u) / cpuSecondsPerRequest : Infinity;
  const byMemory =
    secondsInTask > 0 && memoryUsedMb > 0
      ? (options.task.memoryGb * 1024 * u) / (memoryUsedMb * secondsInTask)
      : Infinity;
  const requestsPerSecondPerTask = Math.min(byCpu, byMemory);
  return {
    cpuSecondsPerRequest,
    memoryMbPerRequest: memoryUsedMb,
    requestsPerSecondPerTask,
    statement: `${Math.round(meanDurationMs)} ms at ${lambdaMemoryMb} MB taken as CPU-bound (${cpuSecondsPerRequest.toFixed(3)} vCPU-s a request), ${Math.round(memoryUsedMb)} MB held per request; ${options.task.vcpu} vCPU / ${options.task.memoryGb} GB tasks at ${Math.round(u * 100)} % target utilisation serve ${requestsPerSecondPerTask.toFixed(1)} requests/s each`,
  };
}

/** Monthly prices of one task and of the load balancer, from the catalogue. */
export interface ContainerPrices {
  offer: ContainerOffer;
  taskMonthUsd: number;
  lbFixedMonthUsd: number;
  /** $ a month per request/s through the load balancer. */
  lbPerRequestPerSecondMonthUsd: number;
  priceIds: string[];
  /** Load-balancer prices used in a region they were not published for. */
  assumed: PriceAssumption[];
}

export function tasksFor(
  requestsPerSecond: number,
  model: CapacityModel,
  minTasks: number,
): number {
  return Math.max(minTasks, Math.ceil(requestsPerSecond / model.requestsPerSecondPerTask - 1e-9));
}

/** Containers' monthly cost at a constant load, tasks scaled to it. */
export function containerMonthlyUsd(
  requestsPerSecond: number,
  model: CapacityModel,
  prices: ContainerPrices,
  minTasks: number,
): number {
  return (
    tasksFor(requestsPerSecond, model, minTasks) * prices.taskMonthUsd +
    prices.lbFixedMonthUsd +
    prices.lbPerRequestPerSecondMonthUsd * requestsPerSecond
  );
}

/**
 * The request rate where Lambda's cost line (proportional to the rate) first reaches the
 * containers' step line (tasks added as the load grows). Infinity when it never does.
 */
export function breakEvenRequestsPerSecond(
  lambdaUsdPerRequest: number,
  model: CapacityModel,
  prices: ContainerPrices,
  minTasks: number,
): number {
  const k = lambdaUsdPerRequest * SECONDS_PER_MONTH - prices.lbPerRequestPerSecondMonthUsd;
  if (!(k > 0) || !(model.requestsPerSecondPerTask > 0)) return Number.POSITIVE_INFINITY;
  for (let tasks = minTasks; tasks <= 100_000; tasks++) {
    const from = tasks === minTasks ? 0 : (tasks - 1) * model.requestsPerSecondPerTask;
    const to = tasks * model.requestsPerSecondPerTask;
    const r = (tasks * prices.taskMonthUsd + prices.lbFixedMonthUsd) / k;
    if (r <= to) return Math.max(r, from);
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * "Containers would be cheaper": the function's Lambda bill against always-on container tasks
 * that scale with the load hour by hour, behind a load balancer, on on-demand Fargate unless
 * Spot is configured. Reports where the two cost lines cross and the capacity model behind it.
 */
export class ContainersAnalyzer implements Analyzer {
  readonly kind = 'containers' as const;

  constructor(private readonly options: ContainersOptions = DEFAULT_CONTAINERS_OPTIONS) {}

  analyze(input: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const { profile, stats } = input;
    const whyNot = (code: WhyNotCode, detail: string): Recommendation[] => {
      ctx.explain?.({ functionId: profile.functionId, kind: this.kind, code, detail });
      return [];
    };
    if (profile.platform !== 'aws_lambda' || profile.memoryMb === null)
      return whyNot(
        'not-applicable',
        'The container comparison is made for Lambda functions with a known memory size.',
      );
    const hours = windowHours(stats.windowStartMs, stats.windowEndMs);
    if (stats.invocations <= 0 || !(hours > 0))
      return whyNot('insufficient-evidence', 'No invocations.');
    const shortfall = evidenceShortfall(stats, this.options.evidence);
    if (shortfall) return whyNot('insufficient-evidence', shortfall);

    const onProvisioned = provisionedShare(profile, input.concurrency);
    if (onProvisioned === null)
      return whyNot(
        'insufficient-evidence',
        `Provisioned concurrency ${profile.provisionedConcurrency} is configured, but how much of the load it serves was not measured.`,
      );
    const usage = observedLambdaUsage(profile, stats, profile.memoryMb, onProvisioned);
    const lambda = monthlyLambdaCost(usage, stats, profile, ctx);
    const observedRps = stats.invocations / (hours * 3600);
    // The cost line grows with requests: the provisioned allocation is a fixed part of the bill.
    const variableUsd = usage.provisioned
      ? monthlyLambdaCost(
          { ...usage, provisioned: { ...usage.provisioned, concurrency: 0 } },
          stats,
          profile,
          ctx,
        ).usd
      : lambda.usd;
    const lambdaUsdPerRequest = variableUsd / (observedRps * SECONDS_PER_MONTH);
    const meanMs = stats.durationSumMs / stats.invocations;
    const model = capacityModel(
      meanMs,
      profile.memoryMb,
      stats.maxMemoryUsedMb ?? profile.memoryMb,
      this.options,
    );
    const prices = this.prices(profile, ctx);
    if (!prices)
      return whyNot('not-applicable', 'No container or load-balancer price for this region.');
    if ('unsourced' in prices)
      // The task price is the comparison: a us-east-1 figure elsewhere would decide it by guess.
      return whyNot(
        'insufficient-evidence',
        `${prices.unsourced.map((a) => a.message).join(' ')} The container comparison needs the region's own Fargate price.`,
      );
    const minTasks = this.options.minTasks;

    // High: tasks follow the load hour by hour; low: tasks sized for the peak all month.
    const scaled = scaledMonthlyUsd(
      input.concurrency,
      stats,
      meanMs,
      observedRps,
      model,
      prices,
      minTasks,
    );
    const peakRps = peakRequestsPerSecond(input.concurrency, stats, meanMs, observedRps);
    const atPeak =
      containerMonthlyUsd(peakRps, model, prices, minTasks) -
      prices.lbPerRequestPerSecondMonthUsd * (peakRps - observedRps);
    const saving: SavingRange = { lowUsd: lambda.usd - atPeak, highUsd: lambda.usd - scaled };
    const breakEven = breakEvenRequestsPerSecond(lambdaUsdPerRequest, model, prices, minTasks);
    const tasksOnly = breakEvenRequestsPerSecond(
      lambdaUsdPerRequest,
      model,
      { ...prices, lbFixedMonthUsd: 0, lbPerRequestPerSecondMonthUsd: 0 },
      minTasks,
    );
    if (!(midpoint(saving) > 0))
      return whyNot(
        'already-right',
        `At ${observedRps.toFixed(2)} requests/s Lambda is cheaper; containers break even at ${breakEven.toFixed(1)} requests/s.`,
      );
    const immaterial = materialityShortfall(saving, lambda.usd, this.options.evidence);
    if (immaterial) return whyNot('below-materiality', immaterial);

    const tasks = tasksFor(peakRps, model, minTasks);
    // Always-on tasks bet on the load holding: a last week unlike the weeks before lowers it.
    const loads = weeklyLoads(input.concurrency);
    const weeksAgree = consistency(relativeHalfRange(loads));
    const support =
      (input.concurrency ? 0.8 : 0.5) *
      (0.5 + 0.5 * sampleSupport(hours, 24 * 14)) *
      (saving.lowUsd > 0 ? 1 : 0.7) *
      weeksAgree;
    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: saving.lowUsd / lambda.usd >= 0.5 ? 'warning' : 'info',
        title: `Run on ${prices.offer}: ${minTasks}–${tasks} tasks behind a load balancer`,
        reason: `At ${observedRps.toFixed(1)} requests/s (peak ${peakRps.toFixed(1)}) the function costs ${lambda.usd.toFixed(2)} $/month on Lambda; the cost lines cross at ${breakEven.toFixed(1)} requests/s (${tasksOnly.toFixed(1)} without the load balancer). Capacity model: ${model.statement}.${prices.assumed.map((a) => ` ${a.message}`).join('')}`,
        current: { platform: 'aws_lambda', memoryMb: profile.memoryMb, monthlyUsd: lambda.usd },
        recommended: {
          offer: prices.offer,
          minTasks,
          maxTasks: tasks,
          vcpuPerTask: this.options.task.vcpu,
          memoryGbPerTask: this.options.task.memoryGb,
          loadBalancer: this.options.loadBalancer,
          monthlyUsd: { scaled, atPeak },
        },
        monthlyImpactUsd: midpoint(saving),
        ...confidenceOf(support),
        evidence: {
          observedRequestsPerSecond: observedRps,
          peakRequestsPerSecond: peakRps,
          lambdaUsdPerRequest,
          breakEvenRequestsPerSecond: breakEven,
          breakEvenWithoutLoadBalancerRequestsPerSecond: tasksOnly,
          capacityModel: model,
          targetUtilisation: this.options.targetUtilisation,
          taskMonthUsd: prices.taskMonthUsd,
          loadBalancerMonthUsd: prices.lbFixedMonthUsd,
          ...(loads.length > 0 ? { weeklyMeanConcurrency: loads, weeksAgreement: weeksAgree } : {}),
          priceIds: [...lambda.priceIds, ...prices.priceIds],
          ...(prices.assumed.length > 0 ? { priceAssumptions: prices.assumed } : {}),
        },
        catalogueVersion: ctx.pricing.catalogueVersion,
        savingUsd: saving,
        basis: basisOf(stats, 'request rate, mean duration and peak memory used'),
        action: containersAction(profile, prices.offer, {
          min: minTasks,
          vcpu: this.options.task.vcpu,
          memoryGb: this.options.task.memoryGb,
        }),
        planRole: 'option',
      },
    ];
  }

  private prices(
    profile: FunctionProfile,
    ctx: AnalysisContext,
  ): ContainerPrices | { unsourced: PriceAssumption[] } | null {
    const offer: ContainerOffer =
      this.options.offer === 'fargate-spot'
        ? 'fargate-spot'
        : profile.architecture === 'arm64'
          ? 'fargate-arm64'
          : 'fargate-x86_64';
    const task = ctx.pricing.containerDeployment(
      {
        offer,
        vcpuPerTask: this.options.task.vcpu,
        memoryGbPerTask: this.options.task.memoryGb,
        tasks: 1,
        hours: HOURS_PER_MONTH,
      },
      ctx.at,
      profile.region,
    );
    if (task.unpriced.length > 0) return null;
    if (task.assumed.length > 0) return { unsourced: task.assumed };
    let lbFixed = 0;
    const assumed: PriceAssumption[] = [];
    let lbPerRps = 0;
    const priceIds = [...task.priceIds];
    if (this.options.loadBalancer) {
      const fixed = ctx.pricing.loadBalancer(
        { hours: HOURS_PER_MONTH, lcuHours: 0 },
        ctx.at,
        profile.region,
      );
      const perRps = ctx.pricing.loadBalancer(
        { hours: 0, lcuHours: HOURS_PER_MONTH / REQUESTS_PER_LCU },
        ctx.at,
        profile.region,
      );
      if (fixed.unpriced.length > 0 || perRps.unpriced.length > 0) return null;
      lbFixed = fixed.usd;
      lbPerRps = perRps.usd;
      for (const a of [...fixed.assumed, ...perRps.assumed])
        if (!assumed.some((b) => b.priceId === a.priceId)) assumed.push(a);
      priceIds.push(...fixed.priceIds, ...perRps.priceIds);
    }
    return {
      offer,
      taskMonthUsd: task.usd,
      lbFixedMonthUsd: lbFixed,
      lbPerRequestPerSecondMonthUsd: lbPerRps,
      priceIds,
      assumed,
    };
  }
}

/**
 * Mean concurrency over the weeks before the last and over the last (held-out) week; empty when
 * the window holds one week.
 */
function weeklyLoads(concurrency: ConcurrencyProfile | null | undefined): number[] {
  let fitConcurrency = 0;
  let fitMinutes = 0;
  let lastConcurrency = 0;
  let lastMinutes = 0;
  for (const h of concurrency?.hours ?? []) {
    if (!h.heldOut) continue;
    lastConcurrency += h.heldOut.concurrencyMinutes;
    lastMinutes += h.heldOut.minutesObserved;
    fitConcurrency += h.concurrencyMinutes - h.heldOut.concurrencyMinutes;
    fitMinutes += h.minutesObserved - h.heldOut.minutesObserved;
  }
  if (!(fitMinutes > 0 && lastMinutes > 0)) return [];
  return [fitConcurrency / fitMinutes, lastConcurrency / lastMinutes];
}

/**
 * Requests a second in each hour of week, or the mean: Little's law on the concurrency that
 * executes. The profile holds per-minute peaks, so it is scaled by the busy share of them
 * (busyShareOfPeak): 60 requests of 1 s that start together peak at 60 yet ask 1 a second.
 */
function hourlyRates(
  concurrency: ConcurrencyProfile | null | undefined,
  stats: FunctionWindowStats,
  meanMs: number,
  observedRps: number,
): number[] {
  if (!concurrency || concurrency.hours.length === 0 || !(meanMs > 0))
    return new Array<number>(168).fill(observedRps);
  const busy = busyShareOfPeak(stats, concurrency);
  const rates = new Array<number>(168).fill(0);
  for (const h of concurrency.hours) {
    if (h.minutesObserved > 0 && h.hourOfWeek >= 0 && h.hourOfWeek < 168)
      rates[h.hourOfWeek] = (busy * h.concurrencyMinutes) / h.minutesObserved / (meanMs / 1000);
  }
  return rates;
}

function peakRequestsPerSecond(
  concurrency: ConcurrencyProfile | null | undefined,
  stats: FunctionWindowStats,
  meanMs: number,
  observedRps: number,
): number {
  const fromP95 =
    concurrency && meanMs > 0
      ? (busyShareOfPeak(stats, concurrency) * concurrency.p95Concurrency) / (meanMs / 1000)
      : 0;
  return Math.max(observedRps, fromP95, ...hourlyRates(concurrency, stats, meanMs, observedRps));
}

/** Tasks following the load hour by hour (as target tracking would), priced for a month. */
function scaledMonthlyUsd(
  concurrency: ConcurrencyProfile | null | undefined,
  stats: FunctionWindowStats,
  meanMs: number,
  observedRps: number,
  model: CapacityModel,
  prices: ContainerPrices,
  minTasks: number,
): number {
  const rates = hourlyRates(concurrency, stats, meanMs, observedRps);
  const taskHours = rates.reduce((s, r) => s + tasksFor(r, model, minTasks), 0);
  return (
    (taskHours / 168) * prices.taskMonthUsd +
    prices.lbFixedMonthUsd +
    prices.lbPerRequestPerSecondMonthUsd * observedRps
  );
}
