/**
 * FLEETSCOPE_PRICING_TIER_GROUPING: Lambda's duration tiers are totalled per account, or across an
 * Organization's consolidated bill.
 */
export type LambdaTierGrouping = 'account' | 'organization';

/** Where a Lambda function-day's usage counts towards the duration tiers. */
export interface LambdaTierPlace {
  account: string;
  region: string;
  architecture: string;
  dayStartMs: number;
}

/** What a priced function-day adds to its tiers: its on-demand duration's GB-seconds. */
export interface TierUsage {
  onDemandGbSeconds: number;
}

/**
 * The month-to-date on-demand GB-seconds that place each Lambda function-day in the duration
 * tiers: Lambda totals them per account (an Organization's consolidated bill: across its
 * accounts), region and architecture, from 00:00 UTC on the 1st of each month. Usage is added in
 * lambdaTierOrder, so a day that crosses a tier boundary bills the functions priced after the
 * crossing at the next tier (docs/decisions.md "Lambda duration tiers"). The weekly report and the
 * fleet page both price through one, so they place the same day in the same tier.
 */
export class LambdaTierLedger {
  private readonly used = new Map<string, number>();
  private lastPlace: LambdaTierPlace | undefined;
  private lastKey = '';

  constructor(private readonly grouping: LambdaTierGrouping = 'account') {}

  /** Prices a function-day where its group stands in the month, then counts its GB-seconds. */
  price<T extends TierUsage>(
    place: LambdaTierPlace,
    price: (monthToDateGbSeconds: number) => T,
  ): T {
    const priced = price(this.used.get(this.keyOf(place)) ?? 0);
    this.add(place, priced.onDemandGbSeconds);
    return priced;
  }

  /**
   * Counts on-demand GB-seconds known without pricing them (the fleet page's days): returns the
   * month-to-date GB-seconds of the place's group before them, as price() passes its callback.
   */
  add(place: LambdaTierPlace, onDemandGbSeconds: number): number {
    const key = this.keyOf(place);
    const used = this.used.get(key) ?? 0;
    this.used.set(key, used + onDemandGbSeconds);
    return used;
  }

  private keyOf(place: LambdaTierPlace): string {
    // Places come in runs of one group and day (lambdaTierOrder): its key, made once a run.
    const last = this.lastPlace;
    if (
      last &&
      last.dayStartMs === place.dayStartMs &&
      last.account === place.account &&
      last.region === place.region &&
      last.architecture === place.architecture
    ) {
      return this.lastKey;
    }
    this.lastPlace = { ...place };
    this.lastKey = this.makeKey(place);
    return this.lastKey;
  }

  private makeKey(place: LambdaTierPlace): string {
    const day = new Date(place.dayStartMs);
    const month = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
    const group = this.grouping === 'organization' ? '*' : place.account;
    return `${group}|${place.region}|${place.architecture}|${month}`;
  }
}

/**
 * The order function-days are added to a LambdaTierLedger in: by day, and within a day by
 * function id, compared by UTF-16 code units (the account's total is the same in any order; which
 * function pays the next tier's price on the day the account crosses a boundary is not). Not
 * localeCompare: its order depends on the locale and the ICU data of the machine, and it was half
 * the cost of sorting the 76,000 function-days of the fleet page's wide bench fleet.
 */
export function lambdaTierOrder(
  a: { dayStartMs: number; functionId: string },
  b: { dayStartMs: number; functionId: string },
): number {
  if (a.dayStartMs !== b.dayStartMs) return a.dayStartMs - b.dayStartMs;
  return lambdaTierIdOrder(a.functionId, b.functionId);
}

/** lambdaTierOrder within a day: function ids by UTF-16 code units. */
export function lambdaTierIdOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
