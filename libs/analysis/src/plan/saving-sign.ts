import { savesMoney } from '@fleetscope/model';
import type { EvidenceOptions } from '../evidence/evidence.gate';
import { materialityShortfall } from '../evidence/evidence.gate';
import type { SavingRange, WhyNotCode } from '../recommendation';
import { midpoint } from '../recommendation';

// The sign of a saving is savesMoney (libs/model), which the weekly report shares; this file
// words a saving or a cost by it.

/**
 * An amount without its sign (the words say which way): `-0.634` → `$0.63`; one that rounds to
 * zero is "less than $0.01", never "-0.00"; exactly nothing is `$0`.
 */
export function usdAmount(usd: number): string {
  const abs = Math.abs(usd);
  if (abs === 0) return '$0';
  return abs < 0.005 ? 'less than $0.01' : `$${abs.toFixed(2)}`;
}

/**
 * The size of a range without its sign, smaller end first: `{-0.65, -0.63}` → `$0.63–0.65`; one
 * figure when both ends round alike; "up to" when the smaller end rounds to zero.
 */
export function usdRangeAmount(range: SavingRange): string {
  const [small, large] = [Math.abs(range.lowUsd), Math.abs(range.highUsd)].sort((a, b) => a - b);
  if (large < 0.005) return 'less than $0.01';
  if (small < 0.005) return `up to $${large.toFixed(2)}`;
  const [a, b] = [small.toFixed(2), large.toFixed(2)];
  return a === b ? `$${a}` : `$${a}–${b}`;
}

/**
 * What a change that does not save money costs: "$0.63–0.65 more a month"; a range that reaches
 * into a saving says both ends.
 */
export function extraCostText(saving: SavingRange): string {
  const low = Math.min(saving.lowUsd, saving.highUsd);
  const high = Math.max(saving.lowUsd, saving.highUsd);
  if (high >= 0.005)
    return `about ${usdAmount(midpoint(saving))} more a month (from ${usdAmount(low)} more to ${usdAmount(high)} less)`;
  return `${usdRangeAmount(saving)} more a month`;
}

/**
 * A saving range in words, for a change that saves money on its midpoint: "$0.10–0.50 a month",
 * or, when its low end costs more, "between $0.12 more and $0.50 less a month" (never "-0.12").
 */
export function savingRangeText(saving: SavingRange): string {
  const low = Math.min(saving.lowUsd, saving.highUsd);
  const high = Math.max(saving.lowUsd, saving.highUsd);
  if (low > -0.005) return `${usdRangeAmount(saving)} a month`;
  return `between ${usdAmount(low)} more and ${usdAmount(high)} less a month`;
}

/** A monthly saving range for a reader: which way it goes and how much, the sign in the words. */
export interface SavingWords {
  /** true: it saves money (on its midpoint); false: it costs more; null: exactly nothing either way. */
  saving: boolean | null;
  /** savingRangeText() of a saving, extraCostText() of a cost, "$0 a month" of nothing. */
  text: string;
}

/**
 * A saving range in words, the one rule the API gives every reader (the dashboard shows these
 * words as they are): "$0.10–0.50 a month", "between $8.50 more and $12.25 less a month" (saves);
 * "$0.63–0.65 more a month", "about $2.00 more a month (from $5.00 more to $1.00 less)" (costs).
 */
export function savingWords(saving: SavingRange): SavingWords {
  if (saving.lowUsd === 0 && saving.highUsd === 0) return { saving: null, text: '$0 a month' };
  return savesMoney(midpoint(saving))
    ? { saving: true, text: savingRangeText(saving) }
    : { saving: false, text: extraCostText(saving) };
}

/**
 * Why a change is not worth making on its dollars, or null when it saves enough. One that would
 * cost more is `already-right` ("would cost $X more a month": what runs now is cheaper), never
 * "below the $1 worth a change"; one that saves too little is `below-materiality`, its amount
 * never shown as "-0.00" or "0.00".
 */
export function savingShortfall(
  saving: SavingRange,
  currentMonthlyUsd: number,
  options: EvidenceOptions,
): { code: Extract<WhyNotCode, 'already-right' | 'below-materiality'>; detail: string } | null {
  const mid = midpoint(saving);
  if (!savesMoney(mid))
    return mid === 0
      ? { code: 'already-right', detail: 'Would neither save nor cost anything a month.' }
      : { code: 'already-right', detail: `Would cost ${extraCostText(saving)}.` };
  if (mid < 0.005 && mid < options.minSavingUsdPerMonth)
    return {
      code: 'below-materiality',
      detail: `Saving less than $0.01 a month, below the ${options.minSavingUsdPerMonth} $/month worth a change.`,
    };
  const immaterial = materialityShortfall(saving, currentMonthlyUsd, options);
  return immaterial ? { code: 'below-materiality', detail: immaterial } : null;
}
