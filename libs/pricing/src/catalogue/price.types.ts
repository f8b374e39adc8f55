/** Units a price is quoted in. GB is 10^9 bytes for Lambda and Fargate (the providers' own unit); GiB for Cloud Run and Kubernetes. */
export type PriceUnit =
  | 'request'
  | 'GB-second'
  | 'GB'
  | 'vCPU-hour'
  | 'GB-hour'
  | 'vCPU-second'
  | 'GiB-second'
  | 'GiB-hour'
  | 'hour'
  | 'LCU-hour';

/** A monthly volume tier: `usdPerUnit` applies to the units from the previous tier's end up to `upToUnits`. */
export interface PriceTier {
  /** Cumulative monthly quantity where this tier ends; null = no end. */
  upToUnits: number | null;
  usdPerUnit: number;
}

/**
 * One price. `meter` names what is charged (`aws.lambda.duration.x86_64`); `id` names this exact
 * price (meter, region, effective date) so every figure can say which prices it used.
 */
export interface PriceEntry {
  id: string;
  meter: string;
  /** Region code, or '*' for the default that applies where no regional entry exists. */
  region: string;
  unit: PriceUnit;
  /** Flat price, or the first tier's price when `tiers` is set. */
  usdPerUnit: number;
  /** Monthly tiers, accumulated per account, region and architecture (Lambda duration). */
  tiers?: PriceTier[];
  /** ISO date (UTC), inclusive. */
  effectiveFrom: string;
  /** ISO date (UTC), exclusive; null = still current. */
  effectiveTo: string | null;
  sourceUrl: string;
  note?: string;
  /**
   * On a '*' default that stands for one region's published price (us-east-1): the regions whose
   * own published price it is, each sourced. Elsewhere it is an assumption, and costs say so.
   * Absent: the default applies everywhere.
   */
  confirmedRegions?: readonly string[];
}

/** A price used in a region it was not published for (a '*' default outside its confirmed regions). */
export interface PriceAssumption {
  meter: string;
  region: string;
  priceId: string;
  message: string;
}

/** A computed cost: every figure that leaves the system says which prices it used. */
export interface CostLine {
  priceId: string;
  meter: string;
  quantity: number;
  unit: PriceUnit;
  usd: number;
}

export interface CostResult {
  usd: number;
  breakdown: CostLine[];
  priceIds: string[];
  catalogueVersion: string;
  /** Meters that had no price at that date and region; `usd` leaves them out. */
  unpriced: PriceLookupError[];
  /** Meters priced with a default not published for this region (see PriceEntry.confirmedRegions). */
  assumed: PriceAssumption[];
}

/** Why a price could not be found; returned, never thrown, from the public cost functions. */
export interface PriceLookupError {
  error: 'price-not-found';
  meter: string;
  region: string;
  at: string;
  message: string;
}
