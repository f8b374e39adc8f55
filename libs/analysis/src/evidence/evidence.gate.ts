import type { FunctionWindowStats } from '../inputs';
import type { EvidenceBasis, SavingRange } from '../recommendation';
import { midpoint } from '../recommendation';

/**
 * How much data a saving recommendation needs, and how large its saving must be. Reliability
 * findings (OOMs, timeouts) are not gated: every one is reported.
 */
export interface EvidenceOptions {
  /** Compute Optimizer asks for ≥ 50 invocations… */
  minInvocations: number;
  /** …over a 14-day lookback (docs.aws.amazon.com/compute-optimizer/latest/ug/requirements.html). */
  minWindowDays: number;
  /** Savings below this (midpoint, $/month) are not worth a change. */
  minSavingUsdPerMonth: number;
  /** …nor below this share of what the function costs now. */
  minSavingShare: number;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = {
  minInvocations: 50,
  minWindowDays: 14,
  minSavingUsdPerMonth: 1,
  minSavingShare: 0.05,
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** How long after the window opens a function may first be seen and still count from its start. */
const FIRST_SEEN_SLACK_MS = 3 * HOUR_MS;

/**
 * Days from the first hour with invocations (or the window start) to the window end; where the
 * inputs do not say that hour, from the first UTC day with invocations.
 */
export function observedDays(stats: FunctionWindowStats): number {
  const first = stats.firstSeenMs ?? stats.daily.find((d) => d.invocations > 0)?.dayStartMs;
  const from = Math.max(stats.windowStartMs, first ?? stats.windowStartMs);
  return Math.max(0, stats.windowEndMs - from) / DAY_MS;
}

/** Why the data is too thin for a saving recommendation, or null when it is enough. */
export function evidenceShortfall(
  stats: FunctionWindowStats,
  options: EvidenceOptions,
): string | null {
  const ended = trafficEnded(stats);
  if (ended) return ended;
  if (stats.invocations < options.minInvocations)
    return `${stats.invocations} invocations in the window; at least ${options.minInvocations} are needed.`;
  return coverageShortfall(stats, options);
}

/**
 * Why the window's data covers too few days (the second half of evidenceShortfall), or null. Alone,
 * it gates advice to lower capacity that is paid for whether invoked or not: few invocations are
 * then the evidence, not a lack of it, but a few days of them are not. Traffic that ended does not
 * gate it either: that capacity bills on with nothing calling it (the caller advises removing it).
 */
export function coverageShortfall(
  stats: FunctionWindowStats,
  options: EvidenceOptions,
): string | null {
  const days = observedDays(stats);
  // From the first hour with invocations, a function that runs every few hours or in bursts is
  // first seen up to one idle gap after the window opens: FIRST_SEEN_SLACK_MS, or two of its mean
  // gaps between invocations when longer (a job every two hours looked at 22:50 covers the
  // window). Counted from the first UTC day instead, a function first seen at 23:55 passed as
  // there all day: 13 days of data for 14. Where only days are known, the window's partial first
  // day is the slack.
  const slackMs =
    stats.firstSeenMs !== undefined
      ? Math.max(FIRST_SEEN_SLACK_MS, (2 * days * DAY_MS) / Math.max(1, stats.invocations))
      : Math.max(HOUR_MS, partialFirstDayOf(stats.windowStartMs));
  if (days * DAY_MS < options.minWindowDays * DAY_MS - slackMs)
    // From the first invocation, not days with data: a function seen on two days of the last six
    // was told 'Data covers 5.9 days'.
    return `First seen ${days.toFixed(1)} days before the window's end; at least ${options.minWindowDays} days of data are needed.`;
  return null;
}

/**
 * Epoch ms of the last minute (an hour inside the window) with invocations: the latest of the
 * memory sizes' last minutes, or the start of the last UTC day with invocations when later (a
 * size's entry may lack what ran without a size, e.g. spans); where the sizes do not say their
 * last minute, the end of that day (at most the window's end). Undefined with neither.
 */
function lastSeen(stats: FunctionWindowStats): { ms: number; what: string } | undefined {
  const days = stats.daily.filter((d) => d.invocations > 0).map((d) => d.dayStartMs);
  const lastDay = days.length > 0 ? Math.max(...days) : undefined;
  const sizes = stats.byMemory.filter((m) => m.invocations > 0);
  if (sizes.length > 0 && sizes.every((m) => m.lastSeenMs !== undefined))
    return {
      ms: Math.max(lastDay ?? 0, ...sizes.map((m) => m.lastSeenMs ?? 0)),
      what: 'the start of the last minute or hour with any',
    };
  return lastDay === undefined
    ? undefined
    : {
        ms: Math.min(stats.windowEndMs, lastDay + DAY_MS),
        what: 'the end of the last UTC day with any',
      };
}

/** A function idle this long before the window's end (at least) is taken as stopped. */
const STOPPED_AFTER_MS = 2 * DAY_MS;

/** When and how a window's traffic ended: its last invocation and the idle time after it. */
export interface EndedTraffic {
  /** Epoch ms of the last minute (or hour, or day end) with invocations. */
  lastMs: number;
  /** How lastMs was read: "the start of the last minute or hour with any", … */
  what: string;
  idleMs: number;
  /** "No invocations since 2026-12-04 07:00 UTC (…), 3.0 days before the window's end (…)". */
  text: string;
}

/**
 * The window's traffic when it ended before the window did, or null: no invocations for more than
 * 2 days before the window's end, and more than twice its longest pause between UTC days with
 * invocations earlier in the window. Twice, not a fixed margin past the pause: a Mon–Fri function
 * pauses 3 days every weekend, and a 2-day holiday next to one (Christmas Thursday and Friday,
 * Thanksgiving, Good Friday and Easter Monday) leaves it 4.5 days idle by Monday 05:00, which is no
 * stop; a daily one idle for 3 days is. A weekly job is not stopped inside a 14-day window. And
 * only after traffic watched for at least as long as the idle time (first to last UTC day with
 * invocations): a shorter run says nothing of how long the function pauses. A month-end batch and
 * the tuning job run on it the next day are 2 days of traffic then 10.6 idle, no stop; with one
 * day there is no pause to go by at all.
 */
export function endedTraffic(stats: FunctionWindowStats): EndedTraffic | null {
  const seen = lastSeen(stats);
  if (seen === undefined) return null;
  const last = seen.ms;
  const activeDays = stats.daily
    .filter((d) => d.invocations > 0)
    .map((d) => d.dayStartMs)
    .sort((a, b) => a - b);
  if (activeDays.length === 0) return null;
  let longestPauseMs = 0;
  for (let i = 1; i < activeDays.length; i++)
    longestPauseMs = Math.max(longestPauseMs, activeDays[i] - activeDays[i - 1]);
  const idleMs = stats.windowEndMs - last;
  const watchedMs = activeDays[activeDays.length - 1] + DAY_MS - activeDays[0];
  if (!(idleMs > Math.max(STOPPED_AFTER_MS, 2 * longestPauseMs)) || watchedMs < idleMs) return null;
  return {
    lastMs: last,
    what: seen.what,
    idleMs,
    text: `No invocations since ${utcMinute(last)} (${seen.what}), ${(idleMs / DAY_MS).toFixed(1)} days before the window's end (${utcMinute(stats.windowEndMs)})`,
  };
}

/**
 * Why the window's traffic cannot be priced as the function's future, or null (endedTraffic). A
 * deleted or renamed function keeps its history; what its invocations cost averaged over a window
 * it stopped in is what they cost, not what they will cost (nothing now), so no saving on them is
 * advised, by any analysis. Capacity kept warm for it (provisioned concurrency, min-scale) bills
 * on whether invoked or not: the warm-capacity analysis advises removing it instead.
 */
export function trafficEnded(stats: FunctionWindowStats): string | null {
  const ended = endedTraffic(stats);
  return ended
    ? `${ended.text}: a function stopped, deleted or renamed is not priced as if still running, so no saving on its invocations is advised.`
    : null;
}

function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What is left of the UTC day a window starts in (0 when it starts at midnight). */
function partialFirstDayOf(windowStartMs: number): number {
  const intoFirstDayMs = ((windowStartMs % DAY_MS) + DAY_MS) % DAY_MS;
  return intoFirstDayMs === 0 ? 0 : DAY_MS - intoFirstDayMs;
}

/** Why a saving is too small to act on, or null when it is material. */
export function materialityShortfall(
  saving: SavingRange,
  currentMonthlyUsd: number,
  options: EvidenceOptions,
): string | null {
  const mid = midpoint(saving);
  if (!(mid >= options.minSavingUsdPerMonth))
    return `Saving about ${mid.toFixed(2)} $/month, below the ${options.minSavingUsdPerMonth} $/month worth a change.`;
  const share = currentMonthlyUsd > 0 ? mid / currentMonthlyUsd : 1;
  if (!(share >= options.minSavingShare))
    return `Saving about ${(share * 100).toFixed(1)} % of the function's ${currentMonthlyUsd.toFixed(2)} $/month, below the ${options.minSavingShare * 100} % worth a change.`;
  return null;
}

/** The basis of a recommendation from a window's statistics. */
export function basisOf(
  stats: FunctionWindowStats,
  measured: string,
  invocations: number = stats.invocations,
): EvidenceBasis {
  // The last invocation, when the window's traffic ended well before it: a fix still stands on
  // what ran, and says until when it ran.
  const last = lastSeen(stats);
  const ended =
    last !== undefined && stats.windowEndMs - last.ms > FIRST_SEEN_SLACK_MS
      ? `; last invocation ${utcMinute(last.ms)} (${last.what})`
      : '';
  return {
    measured: measured + ended,
    windowFrom: new Date(stats.windowStartMs).toISOString(),
    windowTo: new Date(stats.windowEndMs).toISOString(),
    windowDays: Math.round(((stats.windowEndMs - stats.windowStartMs) / DAY_MS) * 10) / 10,
    invocations,
  };
}
