import type { Platform } from '@fleetscope/model';
import { signedUsd } from '../render/report-text';
import type { ChangeParts } from './weekly-report';

/**
 * What one function's cost is made of in one week: Lambda's, Azure Functions', Cloud Run's and
 * Cloud Functions' requests and billed time.
 */
export interface CostFactors {
  invocations: number;
  /** Mean billed ms per invocation (INIT and time on provisioned concurrency included). */
  durationMs: number;
  memoryMb: number;
  /**
   * The share of the week's compute GB-seconds run on each architecture (summing to 1; empty
   * without compute): a function moved from x86_64 to arm64 on Thursday is part one, part the other.
   */
  architecture: Record<string, number>;
  /** The week's effective prices: $/request and $/GB-second per architecture (after tiers). */
  prices: { usdPerRequest: number; usdPerGbSecond: Record<string, number> };
}

const FACTORS = ['invocations', 'duration', 'memorySize', 'architecture', 'price'] as const;
type Factor = (typeof FACTORS)[number];

/**
 * cost = n·p_request + n·d·m·Σₐ shareₐ·p_GBs[a]: requests plus compute at the week's effective
 * prices, the GB-seconds split between architectures by the share each ran.
 */
export function modelledCost(f: CostFactors): number {
  let gbSecondPrice = 0;
  for (const [arch, share] of Object.entries(f.architecture)) {
    gbSecondPrice += share * (f.prices.usdPerGbSecond[arch] ?? 0);
  }
  return (
    f.invocations * f.prices.usdPerRequest +
    f.invocations * (f.durationMs / 1000) * (f.memoryMb / 1024) * gbSecondPrice
  );
}

function mix(previous: CostFactors, current: CostFactors, fromCurrent: Set<Factor>): CostFactors {
  const pick = <T>(factor: Factor, p: T, c: T): T => (fromCurrent.has(factor) ? c : p);
  return {
    invocations: pick('invocations', previous.invocations, current.invocations),
    durationMs: pick('duration', previous.durationMs, current.durationMs),
    memoryMb: pick('memorySize', previous.memoryMb, current.memoryMb),
    architecture: pick('architecture', previous.architecture, current.architecture),
    prices: pick('price', previous.prices, current.prices),
  };
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/**
 * Splits the change of a function's cost into invocations, duration, memory size, architecture and
 * price with the Shapley value: each factor's part is its marginal effect averaged over every
 * order in which the five factors could switch from last week's value to this week's (5! = 120
 * orders, evaluated on the 2⁵ = 32 mixes). Unlike a sequential decomposition the result does not
 * depend on an arbitrary order, and the parts add up to the modelled change by construction. What
 * the model leaves out (Lambda's provisioned concurrency allocated, ephemeral storage and
 * SnapStart; Knative and OpenFaaS pods) is the `other` part, so the parts add up to the whole
 * change.
 *
 * A week without invocations has no duration, memory, architecture or effective prices: it takes
 * the other week's, so those factors cannot claim a change that invocations alone made (a new
 * function with provisioned concurrency showed a "price" part: its effective $/GB-s, run partly at
 * the provisioned rate, against the list price of a week with no usage).
 */
export function decomposeChange(
  previous: CostFactors,
  current: CostFactors,
  previousOtherUsd: number,
  currentOtherUsd: number,
): ChangeParts {
  const prev = { ...previous };
  const curr = { ...current };
  if (!(prev.invocations > 0)) {
    prev.durationMs = curr.durationMs;
    prev.memoryMb = curr.memoryMb;
    prev.architecture = curr.architecture;
    prev.prices = curr.prices;
  }
  if (!(curr.invocations > 0)) {
    curr.durationMs = prev.durationMs;
    curr.memoryMb = prev.memoryMb;
    curr.architecture = prev.architecture;
    curr.prices = prev.prices;
  }
  const n = FACTORS.length;
  const value = new Map<number, number>();
  for (let mask = 0; mask < 1 << n; mask++) {
    const set = new Set(FACTORS.filter((_, i) => mask & (1 << i)));
    value.set(mask, modelledCost(mix(prev, curr, set)));
  }
  const parts = {} as Record<Factor, number>;
  FACTORS.forEach((factor, i) => {
    let part = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      if (mask & (1 << i)) continue;
      const size = popcount(mask);
      const weight = (factorial(size) * factorial(n - size - 1)) / factorial(n);
      part += weight * (value.get(mask | (1 << i))! - value.get(mask)!);
    }
    parts[factor] = part;
  });
  return {
    invocations: parts.invocations,
    duration: parts.duration,
    memorySize: parts.memorySize,
    architecture: parts.architecture,
    price: parts.price,
    other: currentOtherUsd - previousOtherUsd,
  };
}

/** `x86_64`, or `x86_64 40% / arm64 60%` for a week run on both. */
export function describeArchitecture(shares: Record<string, number>): string {
  const used = Object.entries(shares)
    .filter(([, share]) => share > 0)
    .sort((a, b) => a[0].localeCompare(b[0]));
  if (used.length <= 1) return used[0]?.[0] ?? '';
  return used.map(([arch, share]) => `${arch} ${Math.round(share * 100)}%`).join(' / ');
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

const PART_WORDS: Record<Exclude<keyof ChangeParts, 'other'>, string> = {
  invocations: 'invocations',
  duration: 'duration',
  memorySize: 'memory size',
  architecture: 'architecture',
  price: 'prices',
};

/**
 * What the `other` part holds on each platform: its charges outside requests and billed time,
 * named only where the platform has them. Azure Functions, Cloud Run and Cloud Functions are
 * billed by requests and time alone.
 */
const OTHER_WORDS: Record<Platform, string> = {
  aws_lambda: 'provisioned concurrency, ephemeral storage or SnapStart',
  knative: 'pods',
  openfaas: 'pods',
  azure_functions: 'charges outside requests and execution time',
  gcp_cloud_run: 'charges outside requests and instance time',
  gcp_cloud_functions: 'charges outside requests and instance time',
  other: 'charges outside requests and compute',
};

/** "mostly invocations (+$12.30 of +$14.10)". */
export function explainChange(parts: ChangeParts, changeUsd: number, platform: Platform): string {
  const words = { ...PART_WORDS, other: OTHER_WORDS[platform] };
  const entries = (Object.keys(words) as (keyof ChangeParts)[])
    .map((k) => [k, parts[k]] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const [key, usd] = entries[0];
  if (!(Math.abs(usd) > 0)) return 'no change';
  // The report's money format: a sub-cent change is not "+$0.00".
  return `mostly ${words[key]} (${signedUsd(usd)} of ${signedUsd(changeUsd)})`;
}
