import { formatSignificant, savesMoney } from '@fleetscope/model';
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
  HourOfWeekConcurrency,
} from '../inputs';
import { MB_PER_VCPU } from '../memory/duration-curve.fit';
import { DEFAULT_MEMORY_OPTIONS } from '../memory/memory.analyzer';
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
  /** The task size priced when it holds a request; else the cheapest offered size that does. */
  task: ContainerTaskShape;
  /** Task sizes the platform offers (Fargate's by default). */
  taskSizes: readonly ContainerTaskShape[];
  /** On-demand Fargate unless Spot is configured (Spot can be interrupted). */
  offer: 'fargate' | 'fargate-spot';
  /** An Application Load Balancer in front of the tasks. */
  loadBalancer: boolean;
  evidence: EvidenceOptions;
}

/** Fargate's Linux task sizes: vCPU with the memory (GB) each allows. */
export const FARGATE_TASK_SIZES: readonly ContainerTaskShape[] = [
  ...[0.5, 1, 2].map((memoryGb) => ({ vcpu: 0.25, memoryGb })),
  ...range(1, 4, 1).map((memoryGb) => ({ vcpu: 0.5, memoryGb })),
  ...range(2, 8, 1).map((memoryGb) => ({ vcpu: 1, memoryGb })),
  ...range(4, 16, 1).map((memoryGb) => ({ vcpu: 2, memoryGb })),
  ...range(8, 30, 1).map((memoryGb) => ({ vcpu: 4, memoryGb })),
  ...range(16, 60, 4).map((memoryGb) => ({ vcpu: 8, memoryGb })),
  ...range(32, 120, 8).map((memoryGb) => ({ vcpu: 16, memoryGb })),
];

function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
}

export const DEFAULT_CONTAINERS_OPTIONS: ContainersOptions = {
  minTasks: 2,
  targetUtilisation: 0.6,
  task: { vcpu: 1, memoryGb: 2 },
  taskSizes: FARGATE_TASK_SIZES,
  offer: 'fargate',
  loadBalancer: true,
  evidence: DEFAULT_EVIDENCE_OPTIONS,
};

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** One ALB LCU: 25 new connections a second; each request is counted as a new connection. */
const REQUESTS_PER_LCU = 25;
const LAMBDA_MAX_MB = 10_240;
/** Busiest minutes this many times their busiest hour's rate are stated as bursts. */
const BURST_FACTOR = 2;

/**
 * How much a request asks of a container, from what Lambda measured: its duration at the Lambda
 * CPU share (1,769 MB = 1 vCPU, up to 6 vCPUs at 10,240 MB) is taken as all CPU time, the
 * cautious reading for the container side, and it holds its peak memory while it runs.
 *
 * Memory is held by whole requests: a task holds as many requests at once as their peak memory
 * fits in the planned share (target utilisation) of its memory, and it is never assumed to serve
 * more at once than that. A task that cannot hold one request serves nothing (`fits` false).
 */
export interface CapacityModel {
  /** vCPU-seconds per request. */
  cpuSecondsPerRequest: number;
  /** MB each in-flight request holds. */
  memoryMbPerRequest: number;
  /** Whether the planned share of the task's memory holds at least one request. */
  fits: boolean;
  /** Requests in flight in a task on average at the rate below (0 when it does not fit). */
  requestsInFlightPerTask: number;
  /** Whole requests a task holds at once at that rate, its memory's share (0 when it does not fit). */
  concurrentRequestsPerTask: number;
  /** Requests a second one task serves at the target utilisation (0 when it does not fit). */
  requestsPerSecondPerTask: number;
  statement: string;
}

export function capacityModel(
  meanDurationMs: number,
  lambdaMemoryMb: number,
  memoryUsedMb: number,
  options: Pick<ContainersOptions, 'task' | 'targetUtilisation'>,
): CapacityModel {
  const { vcpu, memoryGb } = options.task;
  const cpuSecondsPerRequest =
    (meanDurationMs / 1000) * (Math.min(lambdaMemoryMb, LAMBDA_MAX_MB) / MB_PER_VCPU);
  // On a full vCPU the request takes its CPU time; it holds its memory that long.
  const secondsInTask = cpuSecondsPerRequest / Math.min(1, vcpu);
  const u = options.targetUtilisation;
  const plannedMb = memoryGb * 1024 * u;
  const requestsHeld =
    memoryUsedMb > 0 ? Math.floor(plannedMb / memoryUsedMb + 1e-9) : Number.POSITIVE_INFINITY;
  const fits = requestsHeld >= 1;
  // Requests in flight (Little's law): the CPU at the target utilisation (one request uses at most
  // one vCPU), and no more than the memory holds.
  const inFlight = fits ? Math.min(u * Math.max(1, vcpu), requestsHeld) : 0;
  const requestsPerSecondPerTask =
    secondsInTask > 0 ? inFlight / secondsInTask : fits ? Number.POSITIVE_INFINITY : 0;
  const concurrentRequestsPerTask = fits ? Math.max(1, Math.ceil(inFlight - 1e-9)) : 0;
  const shape = `${vcpu} vCPU / ${memoryGb} GB tasks at ${Math.round(u * 100)} % target utilisation`;
  // The figure the rate is made of: 4 vCPU at 60 % keep 2.4 requests of 60 vCPU-s in flight, so
  // serve 0.040 a second (the whole requests their memory holds, 3, read as if served).
  const inFlightWords = Number(inFlight.toPrecision(2));
  const held = fits
    ? `${shape} keep ${inFlightWords} request${inFlightWords === 1 ? '' : 's'} in flight and serve ${formatRequestRate(requestsPerSecondPerTask)} each`
    : `${shape} plan for ${Math.round(plannedMb)} MB, less than one request holds`;
  return {
    cpuSecondsPerRequest,
    memoryMbPerRequest: memoryUsedMb,
    fits,
    requestsInFlightPerTask: inFlight,
    concurrentRequestsPerTask,
    requestsPerSecondPerTask,
    statement: `${Math.round(meanDurationMs)} ms at ${lambdaMemoryMb} MB taken as CPU-bound (${formatSignificant(cpuSecondsPerRequest, 3)} vCPU-s a request), ${Math.round(memoryUsedMb)} MB held per request; ${held}`,
  };
}

/**
 * The task sizes the comparison may price, each with its capacity model: the configured one
 * alone when it holds a request (capacityModel's `fits`), else every offered size that does (the
 * analyzer takes the cheapest at the function's load). Empty when none does.
 */
export function taskSizesFor(
  meanDurationMs: number,
  lambdaMemoryMb: number,
  memoryUsedMb: number,
  options: Pick<ContainersOptions, 'task' | 'taskSizes' | 'targetUtilisation'>,
): { task: ContainerTaskShape; model: CapacityModel }[] {
  const sized = (task: ContainerTaskShape) => ({
    task,
    model: capacityModel(meanDurationMs, lambdaMemoryMb, memoryUsedMb, {
      task,
      targetUtilisation: options.targetUtilisation,
    }),
  });
  const configured = sized(options.task);
  if (configured.model.fits) return [configured];
  return [...options.taskSizes]
    .sort((a, b) => a.memoryGb - b.memoryGb || a.vcpu - b.vcpu)
    .map(sized)
    .filter((s) => s.model.fits);
}

/**
 * A request rate readable at its size: two significant figures (whole numbers from 100 a
 * second), per hour below 0.01 a second and per day below one an hour. Never "Infinity".
 */
export function formatRequestRate(requestsPerSecond: number): string {
  const r = requestsPerSecond;
  if (!Number.isFinite(r)) return 'any number of requests/s';
  if (r <= 0) return '0 requests/s';
  if (r >= 100) return `${Math.round(r)} requests/s`;
  if (r >= 0.01) return `${formatSignificant(r, 2)} requests/s`;
  if (r * 3600 >= 1) return `${formatSignificant(r * 3600, 2)} requests/hour`;
  return `${formatSignificant(r * 86_400, 2)} requests/day`;
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

/** Where the cost lines cross: containers are cheaper in `bands` and from `stayCheaperAboveRps` on. */
export interface CostCrossings {
  /** The lowest rate containers are cheaper at (Infinity when never). */
  firstRps: number;
  /** The rate above which containers stay cheaper: the last crossing (Infinity when never). */
  stayCheaperAboveRps: number;
  /** Bands below that where containers are cheaper too (each task added above them loses). */
  bandsBelow: { fromRps: number; toRps: number }[];
}

/**
 * Lambda's cost line (proportional to the rate) against the containers' step line (a task added
 * every `requestsPerSecondPerTask`). Between two steps the lines may cross twice: containers win
 * just below a step and lose just above it, until the tasks' slope (a task's price over what it
 * serves) is below Lambda's and no step reaches Lambda's line again. The first crossing alone
 * says containers win at rates where they lose (9.8 requests/s for 1 GB / 200 ms behind a load
 * balancer, where 12 and 16 requests/s are cheaper on Lambda).
 */
export function costCrossings(
  lambdaUsdPerRequest: number,
  model: CapacityModel,
  prices: ContainerPrices,
  minTasks: number,
): CostCrossings {
  const never = { firstRps: Infinity, stayCheaperAboveRps: Infinity, bandsBelow: [] };
  const k = lambdaUsdPerRequest * SECONDS_PER_MONTH - prices.lbPerRequestPerSecondMonthUsd;
  const c = model.requestsPerSecondPerTask;
  if (!(k > 0) || !(c > 0)) return never;
  if (!Number.isFinite(c)) {
    // One step: minTasks serve any load.
    const r = (minTasks * prices.taskMonthUsd + prices.lbFixedMonthUsd) / k;
    return { firstRps: r, stayCheaperAboveRps: r, bandsBelow: [] };
  }
  // A step of n tasks wins somewhere only while n·(T − k·c) + F + k·c > 0 fails for the steps
  // after it; with k·c ≤ T no step ever wins.
  const slope = k * c - prices.taskMonthUsd;
  if (!(slope > 0)) return never;
  const lastStep = Math.ceil((prices.lbFixedMonthUsd + k * c) / slope) + 1;
  if (lastStep > 1_000_000) return never;
  const bands: { fromRps: number; toRps: number }[] = [];
  let stayCheaperAboveRps = 0;
  for (let tasks = minTasks; tasks <= Math.max(minTasks, lastStep); tasks++) {
    const from = tasks === minTasks ? 0 : (tasks - 1) * c;
    const to = tasks * c;
    const r = (tasks * prices.taskMonthUsd + prices.lbFixedMonthUsd) / k;
    if (r > from) stayCheaperAboveRps = Math.max(stayCheaperAboveRps, Math.min(r, to));
    if (r < to) {
      const band = { fromRps: Math.max(r, from), toRps: to };
      const last = bands[bands.length - 1];
      if (last && last.toRps >= band.fromRps - 1e-9) last.toRps = band.toRps;
      else bands.push(band);
    }
  }
  return {
    firstRps: bands[0]?.fromRps ?? stayCheaperAboveRps,
    stayCheaperAboveRps,
    bandsBelow: bands.filter((b) => b.toRps < stayCheaperAboveRps - 1e-9),
  };
}

/** The rate above which containers stay cheaper (costCrossings); Infinity when never. */
export function breakEvenRequestsPerSecond(
  lambdaUsdPerRequest: number,
  model: CapacityModel,
  prices: ContainerPrices,
  minTasks: number,
): number {
  return costCrossings(lambdaUsdPerRequest, model, prices, minTasks).stayCheaperAboveRps;
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
    // After a memory change the comparison is at the recommended size; today's bill is stated.
    const today = input.beforeMemoryChange;
    const memoryChanged =
      today !== undefined &&
      today.profile.memoryMb !== null &&
      today.profile.memoryMb !== profile.memoryMb;
    const todayUsd =
      memoryChanged && today.profile.memoryMb !== null
        ? (today.monthlyUsd ??
          monthlyLambdaCost(
            observedLambdaUsage(today.profile, today.stats, today.profile.memoryMb, onProvisioned),
            today.stats,
            today.profile,
            ctx,
          ).usd)
        : lambda.usd;
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
    // Without a Max Memory Used, a request is taken to need all the memory it is configured with.
    // A request killed for running out of memory needed more than its limit, by an amount not
    // measured (Max Memory Used stops at the limit): it is taken to need at least the memory
    // fix's floor, the largest size that ran out plus the memory analysis's headroom.
    const ranOut = outOfMemoryAtMb(stats, today?.profile.memoryMb ?? profile.memoryMb);
    const observedUsedMb = stats.maxMemoryUsedMb ?? profile.memoryMb;
    const memoryUsedMb =
      ranOut === null
        ? observedUsedMb
        : Math.max(observedUsedMb, ranOut * DEFAULT_MEMORY_OPTIONS.headroom);
    const memorySource =
      ranOut === null
        ? stats.maxMemoryUsedMb === null
          ? 'the configured memory: no Max Memory Used was reported'
          : 'Max Memory Used'
        : `${stats.ooms} invocation${stats.ooms === 1 ? '' : 's'} ran out of memory at ${ranOut} MB: taken as ${ranOut} MB plus the memory fix's ${Math.round((DEFAULT_MEMORY_OPTIONS.headroom - 1) * 100)} % headroom, at least, until the fix shows what a request holds`;
    const sizes = taskSizesFor(meanMs, profile.memoryMb, memoryUsedMb, this.options);
    if (sizes.length === 0) {
      const largest = [this.options.task, ...this.options.taskSizes].reduce((a, b) =>
        b.memoryGb > a.memoryGb ? b : a,
      );
      return whyNot(
        'not-applicable',
        `A request holds up to ${Math.round(memoryUsedMb)} MB (${memorySource}); no offered task size holds one within ${Math.round(this.options.targetUtilisation * 100)} % of its memory (the largest, ${largest.vcpu} vCPU / ${largest.memoryGb} GB, plans for ${Math.round(largest.memoryGb * 1024 * this.options.targetUtilisation)} MB).`,
      );
    }
    const minTasks = this.options.minTasks;
    const { peakRps, busiestHourRps, burstRps } = peakRequestsPerSecond(
      input.concurrency,
      stats,
      meanMs,
      observedRps,
    );
    // Minutes far busier than their hour: tasks that follow the hourly load would queue them.
    const bursts =
      burstRps >= BURST_FACTOR * busiestHourRps
        ? `the busiest minutes reach ${formatRequestRate(burstRps)}, ${formatSignificant(burstRps / busiestHourRps, 2)}× the busiest hour's ${formatRequestRate(busiestHourRps)}: tasks that follow the load hour by hour would queue those bursts`
        : null;
    // Of the sizes that hold a request, the cheapest at this load (the configured one if it does).
    let chosen:
      | (ReturnType<typeof taskSizesFor>[number] & {
          prices: ContainerPrices;
          scaled: number;
          atPeak: number;
          atRates: { usd: number; atRps: number };
          saving: SavingRange;
        })
      | undefined;
    for (const { task, model } of sizes) {
      const prices = this.prices(profile, task, ctx);
      if (!prices)
        return whyNot('not-applicable', 'No container or load-balancer price for this region.');
      if ('unsourced' in prices)
        // The task price is the comparison: a us-east-1 figure elsewhere would decide it by guess.
        return whyNot(
          'insufficient-evidence',
          `${prices.unsourced.map((a) => a.message).join(' ')} The container comparison needs the region's own Fargate price.`,
        );
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
      const atPeak =
        containerMonthlyUsd(peakRps, model, prices, minTasks) -
        prices.lbPerRequestPerSecondMonthUsd * (peakRps - observedRps);
      // A saving that a lower or higher rate a month may bring turns into a loss (tasks are
      // added in steps) is no saving to commit tasks to: the low end goes down to that loss.
      const atRates = lowestSavingAtRates(
        lambda.usd,
        variableUsd,
        observedRps,
        peakRps,
        model,
        prices,
        minTasks,
      );
      const saving: SavingRange = {
        lowUsd: atRates.usd < 0 ? Math.min(lambda.usd - atPeak, atRates.usd) : lambda.usd - atPeak,
        highUsd: lambda.usd - scaled,
      };
      // The size saving most across that range (large tasks add cost in large steps).
      if (!chosen || midpoint(saving) > midpoint(chosen.saving))
        chosen = { task, model, prices, scaled, atPeak, atRates, saving };
    }
    if (!chosen) return whyNot('not-applicable', 'No task size to price.');
    const { task, model, prices, scaled, atPeak, atRates } = chosen;
    const flips = chosen.saving.lowUsd < lambda.usd - atPeak;
    // An option is taken instead of Lambda as the plan leaves it: its other changes (provisioned
    // concurrency) are subtracted at the plan's own figures, each end against the other's.
    const planned = input.plannedChanges ?? [];
    const plannedUsd = planned.reduce(
      (sum, c) => ({
        lowUsd: sum.lowUsd + c.savingUsd.lowUsd,
        highUsd: sum.highUsd + c.savingUsd.highUsd,
      }),
      { lowUsd: 0, highUsd: 0 },
    );
    const saving: SavingRange = {
      lowUsd: chosen.saving.lowUsd - plannedUsd.highUsd,
      highUsd: chosen.saving.highUsd - plannedUsd.lowUsd,
    };
    const changes = planned.map((c) => `"${c.title}"`).join(' and ');
    const afterPlan =
      planned.length > 0
        ? `after this plan's ${changes} (saving ${usdRange(plannedUsd)} $/month) it would cost ${usdRange({ lowUsd: lambda.usd - plannedUsd.highUsd, highUsd: lambda.usd - plannedUsd.lowUsd })} $/month on Lambda`
        : '';
    const crossings = costCrossings(lambdaUsdPerRequest, model, prices, minTasks);
    const breakEven = crossings.stayCheaperAboveRps;
    const tasksOnlyCrossings = costCrossings(
      lambdaUsdPerRequest,
      model,
      { ...prices, lbFixedMonthUsd: 0, lbPerRequestPerSecondMonthUsd: 0 },
      minTasks,
    );
    const tasksOnly = tasksOnlyCrossings.stayCheaperAboveRps;
    const flipWords = flips
      ? `at ${formatRequestRate(atRates.atRps)} (${formatSignificant(atRates.atRps / observedRps, 2)}× today's rate; the saving is checked from ${RATE_RANGE[0]}× to ${RATE_RANGE[1]}× it) containers would cost ${(-atRates.usd).toFixed(2)} $/month more than Lambda${planned.length > 0 ? ' without them' : ''}`
      : '';
    if (planned.length > 0 && !savesMoney(midpoint(saving)))
      return whyNot(
        'already-right',
        `At ${formatRequestRate(observedRps)} containers (${usdRange({ lowUsd: scaled, highUsd: atPeak })} $/month) do not pay against Lambda as this plan leaves it: ${afterPlan} (${lambda.usd.toFixed(2)} $/month without).`,
      );
    if (!savesMoney(midpoint(saving)))
      return whyNot(
        'already-right',
        bursts
          ? `At ${formatRequestRate(observedRps)} on average Lambda is cheaper once its bursts are served: ${bursts}, and tasks sized for them (${tasksFor(peakRps, model, minTasks)}) would cost ${atPeak.toFixed(2)} $/month against Lambda's ${lambda.usd.toFixed(2)}.`
          : `${
              flips && saving.highUsd > 0
                ? `At ${formatRequestRate(observedRps)} containers would save up to ${saving.highUsd.toFixed(2)} $/month, but ${flipWords}`
                : `At ${formatRequestRate(observedRps)} Lambda is cheaper`
            }; ${
              Number.isFinite(breakEven)
                ? `containers stay cheaper only above ${formatRequestRate(breakEven)}${bandsInWords(crossings)}`
                : 'containers never break even: the cost lines do not cross at any request rate'
            }.`,
      );
    const atRatesWords = flips ? ` The saving is not steady: ${flipWords}.` : '';
    const comparedUsd = lambda.usd - midpoint(plannedUsd);
    const immaterial = materialityShortfall(saving, comparedUsd, this.options.evidence);
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
        severity: saving.lowUsd / comparedUsd >= 0.5 ? 'warning' : 'info',
        title: `Run on ${prices.offer}: ${minTasks}–${tasks} tasks of ${task.vcpu} vCPU / ${task.memoryGb} GB${this.options.loadBalancer ? ' behind a load balancer' : ''}`,
        reason: `At ${formatRequestRate(observedRps)} (peak ${formatRequestRate(peakRps)}) ${
          memoryChanged
            ? `at the recommended ${profile.memoryMb} MB the function would cost ${lambda.usd.toFixed(2)} $/month on Lambda (${todayUsd.toFixed(2)} $/month today at ${today?.profile.memoryMb} MB); the saving is against Lambda after that memory change`
            : `the function costs ${lambda.usd.toFixed(2)} $/month on Lambda`
        }${planned.length > 0 ? `; ${afterPlan}, and the saving is against that (the crossings are Lambda's without them)` : ''}; ${this.crossing(crossings, tasksOnlyCrossings)}.${atRatesWords}${bursts ? ` Bursts: ${bursts}; the low end of the saving sizes ${tasks} tasks for them all month.` : ''}${this.options.offer === 'fargate-spot' && prices.offer !== 'fargate-spot' ? ' Priced on on-demand Fargate, not Spot as configured: Fargate Spot runs only X86_64 Linux tasks and the function is arm64.' : ''} Capacity model: ${model.statement}${ranOut === null ? '' : ` (${memorySource})`}.${prices.assumed.map((a) => ` ${a.message}`).join('')}`,
        current: {
          platform: 'aws_lambda',
          memoryMb: memoryChanged ? today?.profile.memoryMb : profile.memoryMb,
          monthlyUsd: todayUsd,
          // The Lambda bill the saving is measured against, when it is not today's.
          ...(memoryChanged
            ? { comparedAtMemoryMb: profile.memoryMb, comparedMonthlyUsd: lambda.usd }
            : {}),
        },
        recommended: {
          offer: prices.offer,
          minTasks,
          maxTasks: tasks,
          vcpuPerTask: task.vcpu,
          memoryGbPerTask: task.memoryGb,
          loadBalancer: this.options.loadBalancer,
          monthlyUsd: { scaled, atPeak },
        },
        monthlyImpactUsd: midpoint(saving),
        ...confidenceOf(support),
        evidence: {
          observedRequestsPerSecond: observedRps,
          peakRequestsPerSecond: peakRps,
          busiestHourRequestsPerSecond: busiestHourRps,
          ...(burstRps > 0 ? { busiestMinutesRequestsPerSecond: burstRps } : {}),
          lambdaUsdPerRequest,
          savingBaseline: `${
            memoryChanged
              ? `Lambda at the recommended ${profile.memoryMb} MB, after the memory change`
              : 'Lambda today'
          }${planned.length > 0 ? `, after ${changes}` : ''}`,
          ...(planned.length > 0 ? { plannedChangesSavingUsd: plannedUsd } : {}),
          breakEvenRequestsPerSecond: breakEven,
          breakEvenWithoutLoadBalancerRequestsPerSecond: tasksOnly,
          ...(crossings.bandsBelow.length > 0
            ? { cheaperBandsBelowBreakEven: crossings.bandsBelow }
            : {}),
          lowestSavingAtRates: {
            usd: atRates.usd,
            requestsPerSecond: atRates.atRps,
            range: [...RATE_RANGE],
          },
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
        action: containersAction(
          profile,
          prices.offer,
          { min: minTasks, max: tasks, vcpu: task.vcpu, memoryGb: task.memoryGb },
          {
            loadBalancer: this.options.loadBalancer,
            targetCpuPercent: Math.round(this.options.targetUtilisation * 100),
          },
        ),
        planRole: 'option',
      },
    ];
  }

  /** Where the cost lines cross, in words (they may never). */
  private crossing(crossings: CostCrossings, tasksOnlyCrossings: CostCrossings): string {
    const breakEven = crossings.stayCheaperAboveRps;
    const tasksOnly = tasksOnlyCrossings.stayCheaperAboveRps;
    const at = (r: number) => formatRequestRate(r);
    if (!this.options.loadBalancer)
      return Number.isFinite(breakEven)
        ? `containers stay cheaper above ${at(breakEven)}${bandsInWords(crossings)}`
        : 'the cost lines never cross';
    if (Number.isFinite(breakEven))
      return `containers stay cheaper above ${at(breakEven)} (${Number.isFinite(tasksOnly) ? `above ${at(tasksOnly)}` : 'never'} without the load balancer)${bandsInWords(crossings)}`;
    return Number.isFinite(tasksOnly)
      ? `the cost lines never cross with the load balancer (containers would stay cheaper above ${at(tasksOnly)} without it)`
      : 'the cost lines never cross';
  }

  private prices(
    profile: FunctionProfile,
    taskShape: ContainerTaskShape,
    ctx: AnalysisContext,
  ): ContainerPrices | { unsourced: PriceAssumption[] } | null {
    // Fargate Spot runs X86_64 Linux tasks only: an arm64 function stays on on-demand arm64.
    const offer: ContainerOffer =
      this.options.offer === 'fargate-spot' && profile.architecture !== 'arm64'
        ? 'fargate-spot'
        : profile.architecture === 'arm64'
          ? 'fargate-arm64'
          : 'fargate-x86_64';
    const task = ctx.pricing.containerDeployment(
      {
        offer,
        vcpuPerTask: taskShape.vcpu,
        memoryGbPerTask: taskShape.memoryGb,
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

/**
 * The highest per-minute concurrency an hour of week held, as far as its levels show it: the
 * highest level some minute exceeded plus the excess over it, spread over at most the minutes
 * that can exceed it. With levels L₀ = 0 < L₁ < … and E(L) = Σ max(c − L, 0) (its concurrency
 * minutes less its covered minutes at L), the minutes above L_k number at most
 * (E(L_{k−1}) − E(L_k)) / (L_k − L_{k−1}), so the peak is at least L_k + E(L_k) / that. Exact for
 * bursts of one height (300 in flight for 2 minutes each hour reads 300); never below the
 * hour's mean.
 */
export function hourPeakConcurrency(
  hour: HourOfWeekConcurrency,
  levels: readonly number[],
): number {
  const total = hour.concurrencyMinutes;
  let peak = hour.minutesObserved > 0 ? total / hour.minutesObserved : 0;
  const tolerance = 1e-9 * Math.max(1, total);
  let previousLevel = 0;
  let previousExcess = total;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    const covered = hour.coveredMinutesByLevel[i];
    if (!(level > previousLevel) || covered === undefined) break;
    const excess = Math.max(0, total - covered);
    if (excess <= tolerance) break;
    const minutesAbove = Math.min(
      hour.minutesObserved,
      (previousExcess - excess) / (level - previousLevel),
    );
    peak = Math.max(peak, minutesAbove > 0 ? level + excess / minutesAbove : level);
    previousLevel = level;
    previousExcess = excess;
  }
  return peak;
}

/** The busiest minutes' requests a second, from the hours' highest per-minute concurrency. */
function burstRequestsPerSecond(
  concurrency: ConcurrencyProfile | null | undefined,
  stats: FunctionWindowStats,
  meanMs: number,
): number {
  if (!concurrency || !(meanMs > 0)) return 0;
  let peak = 0;
  for (const h of concurrency.hours)
    peak = Math.max(peak, hourPeakConcurrency(h, concurrency.levels));
  return (busyShareOfPeak(stats, concurrency) * peak) / (meanMs / 1000);
}

interface PeakRates {
  /** What the tasks are sized for at the low end: the highest of every rate below. */
  peakRps: number;
  /** The busiest hour's mean rate: what tasks following the load hour by hour serve. */
  busiestHourRps: number;
  /** The busiest minutes' rate (hourPeakConcurrency), 0 without a concurrency profile. */
  burstRps: number;
}

function peakRequestsPerSecond(
  concurrency: ConcurrencyProfile | null | undefined,
  stats: FunctionWindowStats,
  meanMs: number,
  observedRps: number,
): PeakRates {
  const fromP95 =
    concurrency && meanMs > 0
      ? (busyShareOfPeak(stats, concurrency) * concurrency.p95Concurrency) / (meanMs / 1000)
      : 0;
  const busiestHourRps = Math.max(
    observedRps,
    ...hourlyRates(concurrency, stats, meanMs, observedRps),
  );
  const burstRps = burstRequestsPerSecond(concurrency, stats, meanMs);
  return { peakRps: Math.max(busiestHourRps, fromP95, burstRps), busiestHourRps, burstRps };
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

/** How far the rates may move in a month for the low end of the saving to hold. */
const RATE_RANGE = [0.5, 2] as const;

/**
 * The lowest saving with tasks sized for the peak (the low end) if every rate were from
 * RATE_RANGE[0] to RATE_RANGE[1] times the observed: Lambda's variable bill scales with the rate,
 * the tasks step. Between steps the saving grows with the rate, so its least is at the range's
 * ends or just above a step.
 */
function lowestSavingAtRates(
  lambdaUsd: number,
  variableUsd: number,
  observedRps: number,
  peakRps: number,
  model: CapacityModel,
  prices: ContainerPrices,
  minTasks: number,
): { usd: number; atRps: number } {
  const savingAt = (m: number, tasks: number) =>
    lambdaUsd +
    (m - 1) * variableUsd -
    (tasks * prices.taskMonthUsd +
      prices.lbFixedMonthUsd +
      prices.lbPerRequestPerSecondMonthUsd * observedRps * m);
  const [lo, hi] = RATE_RANGE;
  let worst = { usd: Number.POSITIVE_INFINITY, atRps: observedRps };
  const consider = (m: number, tasks: number) => {
    const usd = savingAt(m, tasks);
    if (usd < worst.usd) worst = { usd, atRps: observedRps * m };
  };
  for (const m of [lo, 1, hi]) consider(m, tasksFor(peakRps * m, model, minTasks));
  const c = model.requestsPerSecondPerTask;
  if (c > 0 && Number.isFinite(c) && peakRps > 0) {
    const first = Math.floor((lo * peakRps) / c);
    const last = Math.ceil((hi * peakRps) / c);
    if (last - first <= 100_000)
      for (let n = Math.max(first, minTasks); n <= last; n++) {
        const m = (n * c) / peakRps;
        if (m >= lo && m < hi) consider(m, n + 1);
      }
  }
  return worst;
}

/** A dollar range in words: one figure when its ends agree to the cent. */
function usdRange(range: SavingRange): string {
  const [low, high] = [range.lowUsd.toFixed(2), range.highUsd.toFixed(2)];
  return low === high ? low : `${low}–${high}`;
}

/** Bands below the stay-cheaper rate where containers win too, in words ('' when none). */
function bandsInWords(crossings: CostCrossings): string {
  const bands = crossings.bandsBelow;
  if (bands.length === 0) return '';
  const unit = ' requests/s';
  const rate = (r: number) => {
    const words = formatRequestRate(r);
    return words.endsWith(unit) ? words.slice(0, -unit.length) : words;
  };
  // Bands too narrow to print (0.027–0.027) are left to the evidence.
  const wide = bands.filter((b) => rate(b.fromRps) !== rate(b.toRps));
  if (wide.length === 0) return '';
  const shown = wide.slice(0, 3).map((b) => `${rate(b.fromRps)}–${rate(b.toRps)}`);
  const list =
    shown.length === 1
      ? shown[0]
      : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `; below that only in bands just under a task step (${list}${formatRequestRate(wide[0].fromRps).endsWith(unit) ? unit : ''}${wide.length > 3 ? ' and more' : ''})`;
}

/**
 * The largest size invocations ran out of memory at (the configured one where the counts are not
 * split by size); null without out-of-memory kills.
 */
function outOfMemoryAtMb(stats: FunctionWindowStats, configuredMb: number | null): number | null {
  if (!(stats.ooms > 0)) return null;
  let at = 0;
  for (const m of stats.byMemory)
    if ((m.ooms ?? 0) > 0 && m.memoryMb > 0) at = Math.max(at, m.memoryMb);
  if (at === 0) at = configuredMb ?? 0;
  return at > 0 ? at : null;
}
