import { DEFAULT_CATALOGUE_VERSION, DEFAULT_PRICES } from './default-prices';
import type { PriceAssumption, PriceEntry, PriceLookupError } from './price.types';

function dayMs(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** When an entry is in force: from the start of its effectiveFrom UTC day to that of effectiveTo. */
interface Effective {
  fromMs: number;
  toMs: number | null;
}

function effectiveOf(entry: PriceEntry): Effective {
  return {
    fromMs: dayMs(entry.effectiveFrom),
    toMs: entry.effectiveTo === null ? null : dayMs(entry.effectiveTo),
  };
}

function isEffective({ fromMs, toMs }: Effective, atMs: number): boolean {
  if (atMs < fromMs) return false;
  return toMs === null || atMs < toMs;
}

export interface KubernetesNodePrice {
  vcpuHourUsd: number;
  gibHourUsd: number;
}

/**
 * A versioned, immutable price list. Lookups take the instant and the region: a regional entry
 * beats the '*' default, and among equals the one added last (an override) wins.
 */
export class PriceCatalogue {
  // Each meter's entries with their dates parsed once: the fleet page prices 10,000 functions.
  private readonly byMeter = new Map<string, (readonly [PriceEntry, Effective])[]>();

  constructor(
    readonly version: string,
    readonly entries: readonly PriceEntry[],
  ) {
    for (const entry of entries) {
      const list = this.byMeter.get(entry.meter) ?? [];
      list.push([entry, effectiveOf(entry)]);
      this.byMeter.set(entry.meter, list);
    }
  }

  find(meter: string, at: Date, region: string): PriceEntry | undefined {
    const atMs = at.getTime();
    let best: PriceEntry | undefined;
    for (const [entry, effective] of this.byMeter.get(meter) ?? []) {
      if (!isEffective(effective, atMs)) continue;
      if (entry.region !== region && entry.region !== '*') continue;
      if (best && best.region !== '*' && entry.region === '*') continue;
      best = entry;
    }
    return best;
  }

  /**
   * Why `entry` is only an assumption in `region`: a '*' default whose confirmed regions do not
   * include it. Null when the price is the region's own.
   */
  assumptionOf(entry: PriceEntry, region: string): PriceAssumption | null {
    if (entry.region !== '*' || !entry.confirmedRegions) return null;
    if (entry.confirmedRegions.includes(region)) return null;
    return {
      meter: entry.meter,
      region,
      priceId: entry.id,
      message: `No sourced ${entry.meter} price for ${region || 'an unknown region'}: priced at the ${entry.confirmedRegions[0]} figure (${plainNumber(entry.usdPerUnit)} $/${entry.unit}).`,
    };
  }

  /** The price or a typed reason it is missing; never throws. */
  lookup(meter: string, at: Date, region: string): PriceEntry | PriceLookupError {
    const found = Number.isFinite(at.getTime()) ? this.find(meter, at, region) : undefined;
    if (found) return found;
    const atText = Number.isFinite(at.getTime()) ? at.toISOString() : String(at);
    return {
      error: 'price-not-found',
      meter,
      region,
      at: atText,
      message: `no price for ${meter} in ${region || '*'} at ${atText}`,
    };
  }

  /** A new catalogue with `entries` layered on top; its version says so. */
  withOverrides(label: string, entries: readonly PriceEntry[]): PriceCatalogue {
    return new PriceCatalogue(`${this.version}+${label}`, [...this.entries, ...entries]);
  }

  /**
   * Fargate Spot as a discount off on-demand Fargate x86 (AWS says "up to 70 %"; the real
   * discount floats): the figure the user states, effective from the date they observed it.
   */
  withFargateSpotDiscount(discount: { percent: number; asOf: string }): PriceCatalogue {
    const at = new Date(`${discount.asOf}T00:00:00Z`);
    const factor = 1 - discount.percent / 100;
    const label = `spot-${discount.percent}-${discount.asOf}`;
    const entries: PriceEntry[] = [];
    for (const [spot, onDemand] of [
      ['aws.fargate-spot.vcpu.x86_64', 'aws.fargate.vcpu.x86_64'],
      ['aws.fargate-spot.memory.x86_64', 'aws.fargate.memory.x86_64'],
    ] as const) {
      // Every region with its own on-demand price gets its own Spot price.
      const regions = new Set(
        this.entries.filter((e) => e.meter === onDemand).map((e) => e.region),
      );
      for (const region of regions) {
        const base = this.find(onDemand, at, region);
        if (!base) continue;
        // Already priced at this discount from this date (the built-in figure): nothing to add.
        const current = this.find(spot, at, region);
        if (
          current &&
          current.effectiveFrom <= discount.asOf &&
          Math.abs(current.usdPerUnit - base.usdPerUnit * factor) < 1e-9
        )
          continue;
        entries.push({
          id: `${spot}@${region}@${label}`,
          meter: spot,
          region,
          unit: base.unit,
          usdPerUnit: base.usdPerUnit * factor,
          effectiveFrom: discount.asOf,
          effectiveTo: null,
          sourceUrl: 'config:FLEETSCOPE_FARGATE_SPOT_DISCOUNT_PERCENT',
          note: `${discount.percent} % below on-demand (${base.id}), as observed on ${discount.asOf}.`,
          // Off the default on-demand price, it is confirmed where that price is.
          ...(base.confirmedRegions ? { confirmedRegions: base.confirmedRegions } : {}),
        });
      }
    }
    return entries.length > 0 ? this.withOverrides(label, entries) : this;
  }

  /** The user's Kubernetes node price (Knative, OpenFaaS and the container comparison). */
  withKubernetesNodePrice(
    price: KubernetesNodePrice,
    sourceUrl = 'config:kubernetes-node-price',
  ): PriceCatalogue {
    const common = { region: '*', effectiveFrom: '2000-01-01', effectiveTo: null, sourceUrl };
    const label = `k8s-${price.vcpuHourUsd}-${price.gibHourUsd}`;
    return this.withOverrides(label, [
      {
        ...common,
        id: `k8s.node.vcpu@${label}`,
        meter: 'k8s.node.vcpu',
        unit: 'vCPU-hour',
        usdPerUnit: price.vcpuHourUsd,
      },
      {
        ...common,
        id: `k8s.node.memory@${label}`,
        meter: 'k8s.node.memory',
        unit: 'GiB-hour',
        usdPerUnit: price.gibHourUsd,
      },
    ]);
  }
}

export function isPriceLookupError(
  value: PriceEntry | PriceLookupError,
): value is PriceLookupError {
  return 'error' in value;
}

export const defaultCatalogue = new PriceCatalogue(DEFAULT_CATALOGUE_VERSION, DEFAULT_PRICES);

/** A price as written in a sentence: 0.0000002, not 2e-7 (JavaScript's text for small numbers). */
function plainNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumSignificantDigits: 12, useGrouping: false });
}
