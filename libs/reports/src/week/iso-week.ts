import { EARLIEST_STORED_MS, LATEST_STORABLE_MS } from '@fleetscope/model';

/** An ISO 8601 week: Monday 00:00 UTC (inclusive) to the next Monday 00:00 UTC (exclusive). */
export interface IsoWeek {
  /** `2026-W48` */
  label: string;
  year: number;
  week: number;
  fromMs: number;
  toMs: number;
}

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const LABEL = /^(\d{4})-W(\d{2})$/;

/** Monday 00:00 UTC of ISO week 1 of `year`: the week that holds 4 January. */
function weekOneMondayMs(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const isoDay = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - isoDay * DAY_MS;
}

function weeksInYear(year: number): number {
  return Math.round((weekOneMondayMs(year + 1) - weekOneMondayMs(year)) / WEEK_MS);
}

function label(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** `2026-W48` → the week; a message naming the problem for anything else. */
export function parseIsoWeek(text: unknown): IsoWeek | { error: string } {
  if (typeof text !== 'string') return { error: 'week: expected a string like 2026-W48' };
  const match = LABEL.exec(text.trim());
  if (!match) return { error: `week: expected YYYY-Www (e.g. 2026-W48), got "${text}"` };
  const year = Number(match[1]);
  const week = Number(match[2]);
  const last = weeksInYear(year);
  if (week < 1 || week > last) {
    return { error: `week: ${year} has weeks 01 to ${last}, got ${match[2]}` };
  }
  const fromMs = weekOneMondayMs(year) + (week - 1) * WEEK_MS;
  // Storage reads and writes no time outside these: such a week would fail there, not here.
  if (fromMs < EARLIEST_STORED_MS) {
    return {
      error: `week: ${text.trim()} starts before ${isoDate(EARLIEST_STORED_MS)}, the earliest time Fleetscope stores`,
    };
  }
  if (fromMs + WEEK_MS > LATEST_STORABLE_MS) {
    return {
      error: `week: ${text.trim()} ends after ${isoDate(LATEST_STORABLE_MS)}, the latest time Fleetscope stores`,
    };
  }
  return { label: label(year, week), year, week, fromMs, toMs: fromMs + WEEK_MS };
}

export function isWeekError(value: IsoWeek | { error: string }): value is { error: string } {
  return 'error' in value;
}

/** The ISO week that contains the instant. */
export function isoWeekOf(ms: number): IsoWeek {
  const isoDay = (new Date(ms).getUTCDay() + 6) % 7;
  const monday = Math.floor(ms / DAY_MS) * DAY_MS - isoDay * DAY_MS;
  // The ISO year is the calendar year of the week's Thursday.
  const year = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const week = Math.round((monday - weekOneMondayMs(year)) / WEEK_MS) + 1;
  return { label: label(year, week), year, week, fromMs: monday, toMs: monday + WEEK_MS };
}

/** The week before. */
export function previousIsoWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(week.fromMs - WEEK_MS);
}

/** 00:00 UTC of the first day of the month that holds the instant. */
export function monthStartMs(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** 00:00 UTC of the first day of the next month. */
export function nextMonthStartMs(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2026-12-06 12:00 UTC`: a moment to the minute, for text. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
