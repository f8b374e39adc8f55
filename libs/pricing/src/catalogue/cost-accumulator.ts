import type { PriceCatalogue } from './price-catalogue';
import { isPriceLookupError } from './price-catalogue';
import type {
  CostLine,
  CostResult,
  PriceAssumption,
  PriceEntry,
  PriceLookupError,
} from './price.types';

/** The part of `quantity` (starting after `alreadyUsed`) that falls in each tier. */
export function splitAcrossTiers(
  entry: PriceEntry,
  quantity: number,
  alreadyUsed: number,
): { quantity: number; usdPerUnit: number }[] {
  if (!entry.tiers || entry.tiers.length === 0) return [{ quantity, usdPerUnit: entry.usdPerUnit }];
  const parts: { quantity: number; usdPerUnit: number }[] = [];
  const from = Math.max(0, alreadyUsed);
  const to = from + quantity;
  let tierStart = 0;
  for (const tier of entry.tiers) {
    const tierEnd = tier.upToUnits ?? Number.POSITIVE_INFINITY;
    const start = Math.max(from, tierStart);
    const end = Math.min(to, tierEnd);
    // All of it in one tier: the quantity as given, not (used + quantity) − used, which loses
    // the low digits once the month holds billions of GB-seconds.
    const whole = start === from && end === to;
    // Then no other tier holds any of it: one part, without a growing array (10,000 per page).
    if (whole && quantity > 0) return [{ quantity, usdPerUnit: tier.usdPerUnit }];
    const inTier = whole ? quantity : end - start;
    if (inTier > 0) parts.push({ quantity: inTier, usdPerUnit: tier.usdPerUnit });
    tierStart = tierEnd;
  }
  return parts;
}

/**
 * Collects priced lines for one cost computation. A meter with no price is recorded in
 * `unpriced` instead of throwing, so one missing price does not hide the rest of the bill.
 */
export class CostAccumulator {
  private readonly lines: CostLine[] = [];
  private readonly missing: PriceLookupError[] = [];
  /** Made when the first assumption comes: most costs have none (10,000 per page). */
  private assumed: Map<string, PriceAssumption> | undefined;

  constructor(
    private readonly catalogue: PriceCatalogue,
    private readonly at: Date,
    private readonly region: string,
  ) {}

  /** Adds `quantity` of `meter`; `alreadyUsedThisMonth` places it in the monthly tiers. */
  add(meter: string, quantity: number, alreadyUsedThisMonth = 0): void {
    if (!(quantity > 0)) return;
    const price = this.catalogue.lookup(meter, this.at, this.region);
    if (isPriceLookupError(price)) {
      this.missing.push(price);
      return;
    }
    const assumption = this.catalogue.assumptionOf(price, this.region);
    if (assumption) (this.assumed ??= new Map()).set(assumption.priceId, assumption);
    for (const part of splitAcrossTiers(price, quantity, alreadyUsedThisMonth)) {
      this.lines.push({
        priceId: price.id,
        meter,
        quantity: part.quantity,
        unit: price.unit,
        usd: part.quantity * part.usdPerUnit,
      });
    }
  }

  result(): CostResult {
    // Loops rather than reduce/map/Set: a page prices 10,000 functions, each with a few lines.
    let usd = 0;
    const priceIds: string[] = [];
    for (const line of this.lines) {
      usd += line.usd;
      if (!priceIds.includes(line.priceId)) priceIds.push(line.priceId);
    }
    return {
      usd,
      breakdown: this.lines,
      priceIds,
      catalogueVersion: this.catalogue.version,
      unpriced: this.missing,
      assumed: this.assumed ? [...this.assumed.values()] : [],
    };
  }
}

/** Rounds to whole cents for display; computations keep full precision. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 100) / 100;
}
