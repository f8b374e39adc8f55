import {
  CostAccumulator,
  billableEphemeralStorageGb,
  billedInitMs,
  containerDeploymentCost,
  gbSeconds,
  lambdaMeters,
  lambdaUnitPrices,
  type CostResult,
  type LambdaArchitecture,
  type PriceCatalogue,
} from '@fleetscope/pricing';
import type { DailyUsage, ReportFunction } from '../build/report-inputs';
import type { ChargeLine, ComputeLine, CostBreakdown } from '../build/weekly-report';

// Every price the report uses is looked up in this file, always in the catalogue the caller
// passes (the configured one), so moving to an injected pricing service is one edit here.

/** One function-day priced. */
export interface PricedDay {
  breakdown: CostBreakdown;
  computeLines: ComputeLine[];
  /** Priced meters, without their period (the builder sets it). */
  lines: Omit<ChargeLine, 'periodStart' | 'periodEnd'>[];
  pcAllocatedUsd: number;
  pcDurationUsd: number;
  /** On-demand GB-seconds (duration, billed INIT, restores): what moves the account along the tiers. */
  onDemandGbSeconds: number;
  /** GB-seconds of compute + INIT + provisioned duration, and their cost (the decomposition's price). */
  computeGbSeconds: number;
  computeUsd: number;
  /** Billed INIT ms (by the billing rules of the runtime kind and the day). */
  billedInitMs: number;
  priceIds: string[];
  unpriced: string[];
}

export function emptyBreakdown(): CostBreakdown {
  return {
    requests: 0,
    compute: 0,
    provisionedConcurrency: 0,
    init: 0,
    ephemeralStorage: 0,
    snapStart: 0,
    pods: 0,
  };
}

function emptyPricedDay(): PricedDay {
  return {
    breakdown: emptyBreakdown(),
    computeLines: [],
    lines: [],
    pcAllocatedUsd: 0,
    pcDurationUsd: 0,
    onDemandGbSeconds: 0,
    computeGbSeconds: 0,
    computeUsd: 0,
    billedInitMs: 0,
    priceIds: [],
    unpriced: [],
  };
}

function collect(day: PricedDay, category: keyof CostBreakdown, ...results: CostResult[]): void {
  for (const r of results) {
    day.priceIds.push(...r.priceIds);
    day.unpriced.push(...r.unpriced.map((u) => u.message));
    for (const line of r.breakdown) {
      day.lines.push({
        category,
        meter: line.meter,
        priceId: line.priceId,
        unit: line.unit,
        usdPerUnit: line.quantity > 0 ? line.usd / line.quantity : 0,
        quantity: line.quantity,
        usd: line.usd,
      });
    }
  }
}

function computeLines(
  result: CostResult,
  architecture: LambdaArchitecture,
  kind: ComputeLine['kind'],
): ComputeLine[] {
  return result.breakdown.map((line) => ({
    architecture,
    kind,
    usdPerGbSecond: line.quantity > 0 ? line.usd / line.quantity : 0,
    gbSeconds: line.quantity,
    usd: line.usd,
    priceId: line.priceId,
  }));
}

/**
 * One Lambda function-day at the prices effective that day. `tierOffsetGbSeconds` is the
 * on-demand GB-seconds the account already used this month in this region and architecture, so
 * the day's GB-seconds land in the right monthly tier.
 */
export function priceLambdaDay(
  fn: ReportFunction,
  day: DailyUsage,
  catalogue: PriceCatalogue,
  tierOffsetGbSeconds: number,
): PricedDay {
  const priced = emptyPricedDay();
  const at = new Date(day.dayStartMs);
  const acc = () => new CostAccumulator(catalogue, at, fn.region);
  const arch = fn.architecture;
  const memoryMb = day.memoryMb;
  if (!(memoryMb > 0) && day.invocations > 0) {
    priced.unpriced.push('memory size unknown: compute not priced');
  }
  const memoryGb = memoryMb / 1024;
  const initMs = billedInitMs({ [fn.runtimeKind]: day.initDurationMs }, at);
  const pc = day.provisioned;
  const pcMs = pc?.billedDurationMs ?? 0;
  // REPORT's Billed Duration already holds billed INIT; count it once, under init.
  const onDemandMs = Math.max(
    0,
    day.billedDurationMs - pcMs - (day.billedIncludesInit ? initMs : 0),
  );
  const restoreMs = fn.snapStartCharged ? (day.snapStart?.billedRestoreMs ?? 0) : 0;
  const durationGbs = gbSeconds(memoryMb, onDemandMs);
  const initGbs = gbSeconds(memoryMb, initMs);
  const restoreGbs = gbSeconds(memoryMb, restoreMs);

  const requests = acc();
  requests.add(lambdaMeters.requests, day.invocations);
  const compute = acc();
  compute.add(lambdaMeters.duration(arch), durationGbs, tierOffsetGbSeconds);
  const init = acc();
  init.add(lambdaMeters.duration(arch), initGbs, tierOffsetGbSeconds + durationGbs);
  const pcDuration = acc();
  const pcAllocated = acc();
  if (pc) {
    pcDuration.add(lambdaMeters.pcDuration(arch), gbSeconds(memoryMb, pcMs));
    pcAllocated.add(lambdaMeters.pcAllocated(arch), pc.concurrency * memoryGb * pc.enabledSeconds);
  }
  const snapStart = acc();
  if (fn.snapStartCharged && day.snapStart) {
    snapStart.add(
      lambdaMeters.duration(arch),
      restoreGbs,
      tierOffsetGbSeconds + durationGbs + initGbs,
    );
    snapStart.add(lambdaMeters.snapStartRestore, day.snapStart.restores * memoryGb);
    snapStart.add(lambdaMeters.snapStartCache, memoryGb * day.snapStart.cachedSeconds);
  }
  const storage = acc();
  storage.add(
    lambdaMeters.ephemeralStorage,
    billableEphemeralStorageGb(fn.ephemeralStorageMb ?? undefined) *
      ((onDemandMs + initMs + pcMs + restoreMs) / 1000),
  );

  const results = {
    requests: requests.result(),
    compute: compute.result(),
    init: init.result(),
    pcDuration: pcDuration.result(),
    pcAllocated: pcAllocated.result(),
    snapStart: snapStart.result(),
    storage: storage.result(),
  };
  collect(priced, 'requests', results.requests);
  collect(priced, 'compute', results.compute, results.pcDuration);
  collect(priced, 'init', results.init);
  collect(priced, 'provisionedConcurrency', results.pcAllocated);
  collect(priced, 'snapStart', results.snapStart);
  collect(priced, 'ephemeralStorage', results.storage);
  priced.breakdown.requests = results.requests.usd;
  priced.breakdown.compute = results.compute.usd + results.pcDuration.usd;
  priced.breakdown.init = results.init.usd;
  priced.breakdown.provisionedConcurrency = results.pcAllocated.usd;
  priced.breakdown.snapStart = results.snapStart.usd;
  priced.breakdown.ephemeralStorage = results.storage.usd;
  priced.pcAllocatedUsd = results.pcAllocated.usd;
  priced.pcDurationUsd = results.pcDuration.usd;
  priced.computeLines = [
    ...computeLines(results.compute, arch, 'on-demand'),
    ...computeLines(results.pcDuration, arch, 'provisioned'),
  ];
  priced.onDemandGbSeconds = durationGbs + initGbs + restoreGbs;
  priced.computeGbSeconds = durationGbs + initGbs + gbSeconds(memoryMb, pcMs);
  priced.computeUsd = results.compute.usd + results.init.usd + results.pcDuration.usd;
  priced.billedInitMs = initMs;
  return priced;
}

/** A Knative or OpenFaaS function-day: its pod-seconds at the configured Kubernetes node price. */
export function pricePodDay(
  fn: ReportFunction,
  day: DailyUsage,
  catalogue: PriceCatalogue,
): PricedDay {
  const priced = emptyPricedDay();
  if (!fn.pod) {
    if (day.podSeconds > 0 || day.invocations > 0) {
      priced.unpriced.push('pod CPU and memory requests unknown: pods not priced');
    }
    return priced;
  }
  const result = containerDeploymentCost(
    {
      offer: 'kubernetes',
      vcpuPerTask: fn.pod.vcpu,
      memoryGbPerTask: fn.pod.memoryMb / 1024,
      tasks: 1,
      hours: day.podSeconds / 3600,
    },
    new Date(day.dayStartMs),
    fn.region,
    catalogue,
  );
  collect(priced, 'pods', result);
  priced.breakdown.pods = result.usd;
  return priced;
}

/** Marginal on-demand $/GB-second and $/request at a tier position (for what a week did not use). */
export function lambdaMarginalPrices(
  architecture: LambdaArchitecture,
  atMs: number,
  region: string,
  catalogue: PriceCatalogue,
  tierOffsetGbSeconds: number,
): { usdPerGbSecond: number; usdPerRequest: number } {
  const prices = lambdaUnitPrices(
    architecture,
    new Date(atMs),
    region,
    catalogue,
    tierOffsetGbSeconds,
  );
  return { usdPerGbSecond: prices.onDemandUsdPerGbSecond, usdPerRequest: prices.requestUsd };
}
