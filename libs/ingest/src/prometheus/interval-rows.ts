import type { FunctionMinuteRow } from '@fleetscope/model';
import { apportion, emptyFunctionMinute } from '@fleetscope/model';

const MINUTE_MS = 60_000;

/** What one function (and version) did over one scrape interval, before it is cut into minutes. */
export type IntervalTotals = Omit<FunctionMinuteRow, 'minuteMs'>;

export function emptyIntervalTotals(
  source: FunctionMinuteRow['source'],
  functionId: string,
  version: string,
): IntervalTotals {
  const totals: IntervalTotals & { minuteMs?: number } = emptyFunctionMinute(
    source,
    functionId,
    version,
    0,
  );
  delete totals.minuteMs;
  return totals;
}

/** The minutes an interval (startMs, endMs] touches, each with the share of the interval in it. */
export function minuteShares(
  startMs: number,
  endMs: number,
): { minuteMs: number; weight: number }[] {
  const lastMinute = Math.floor((endMs - 1) / MINUTE_MS) * MINUTE_MS;
  if (!(endMs > startMs))
    return [{ minuteMs: Math.floor(endMs / MINUTE_MS) * MINUTE_MS, weight: 1 }];
  const shares: { minuteMs: number; weight: number }[] = [];
  for (
    let minute = Math.floor(startMs / MINUTE_MS) * MINUTE_MS;
    minute <= lastMinute;
    minute += MINUTE_MS
  ) {
    const overlap = Math.min(endMs, minute + MINUTE_MS) - Math.max(startMs, minute);
    if (overlap > 0) shares.push({ minuteMs: minute, weight: overlap / MINUTE_MS });
  }
  return shares;
}

function spreadBuckets(
  buckets: Record<number, number>,
  weights: number[],
): Record<number, number>[] {
  const out: Record<number, number>[] = weights.map(() => ({}));
  for (const key in buckets) {
    const parts = apportion(buckets[key], weights);
    for (let m = 0; m < parts.length; m++) if (parts[m] > 0) out[m][Number(key)] = parts[m];
  }
  return out;
}

const countOf = (buckets: Record<number, number>): number =>
  Object.values(buckets).reduce((s, n) => s + n, 0);

/**
 * Each minute's share of a histogram's sum: its share of the histogram's observations, so that a
 * minute's mean is the interval's (one 2.3 s cold start cut 60/40 by the time put 1.4 s beside
 * its count and 0.9 s in a minute with none); the time's share when nothing was observed.
 */
function sumShares(spread: Record<number, number>[], weights: number[]): number[] {
  const counts = spread.map(countOf);
  const total = counts.reduce((s, n) => s + n, 0);
  const by = total > 0 ? counts : weights;
  const sum = total > 0 ? total : weights.reduce((s, w) => s + w, 0);
  return by.map((n) => n / sum);
}

/**
 * Cuts an interval's totals into per-minute rows, in proportion to the time the interval spent in
 * each minute (a counter increase says how much, not when, so an even spread is the honest guess).
 * Counts stay whole numbers. Rows with nothing in them are dropped.
 */
export function spreadOverMinutes(
  totals: IntervalTotals,
  startMs: number,
  endMs: number,
): FunctionMinuteRow[] {
  const shares = minuteShares(startMs, endMs);
  const weights = shares.map((s) => s.weight);
  const invocations = apportion(totals.invocations, weights);
  const errors = apportion(totals.errors, weights);
  const timeouts = apportion(totals.timeouts, weights);
  const coldStarts = apportion(totals.coldStarts, weights);
  const unknownStarts = apportion(totals.unknownStarts, weights);
  const durationBuckets = spreadBuckets(totals.durationBuckets, weights);
  const initBuckets = spreadBuckets(totals.initBuckets, weights);
  const durationShares = sumShares(durationBuckets, weights);
  const initShares = sumShares(initBuckets, weights);
  const rows: FunctionMinuteRow[] = [];
  for (let m = 0; m < shares.length; m++) {
    const row: FunctionMinuteRow = {
      ...totals,
      minuteMs: shares[m].minuteMs,
      invocations: invocations[m],
      errors: errors[m],
      timeouts: timeouts[m],
      coldStarts: coldStarts[m],
      unknownStarts: unknownStarts[m],
      durationSumMs: totals.durationSumMs * durationShares[m],
      durationBuckets: durationBuckets[m],
      initDurationSumMs: totals.initDurationSumMs * initShares[m],
      initBuckets: initBuckets[m],
    };
    const empty =
      row.invocations === 0 &&
      row.unknownStarts === 0 &&
      row.errors === 0 &&
      row.coldStarts === 0 &&
      Object.keys(row.durationBuckets).length === 0 &&
      Object.keys(row.initBuckets).length === 0;
    if (!empty) rows.push(row);
  }
  return rows;
}
