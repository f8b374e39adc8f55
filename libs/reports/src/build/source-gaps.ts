import { DAY_MS, isoDate, type IsoWeek } from '../week/iso-week';
import type { DailyUsage } from './report-inputs';
import type { SourceGap } from './weekly-report';

/** The days before a function fell silent that tell whether it runs on most days. */
const TRAILING_DAYS = 7;
/**
 * Of those, the days it must have had records on: an every-other-day job (3 or 4 of 7) is silent
 * on its off days by design, a weekday one (5 of 7) is judged by its weekdays.
 */
const REGULAR_DAYS = 5;
/**
 * Silence alone cannot tell a source that stopped from a function that stopped (retired, replaced)
 * when nothing else came from the source: past the first days the function would have run, the
 * function stopping is the likelier reading, and the week after it is not called missing data.
 */
const OUTAGE_DAYS = 4;

/** An ended day a source sent nothing on, and the functions it fed that may be missing then. */
export interface SourceGapDay {
  source: string;
  dayStartMs: number;
  functionIds: string[];
}

/**
 * The whole days sources stopped sending on, over [fromMs, endedMs) (the two weeks compared, up
 * to the last day that has ended; earlier days in `days` only tell each function's pattern). A
 * function's day is a gap when the function would have run then and its sources sent nothing at
 * all: it had records on the same weekday the week before and on at least REGULAR_DAYS of the
 * TRAILING_DAYS before it fell silent, and the day is within OUTAGE_DAYS of the first day of the
 * silence it would have run on. Judged per function and per source, not over the fleet: another
 * source's records on the day do not cover it. No gap: a function whose sources still deliver
 * others that day, or send again while it stays silent on a day it would have run (the function
 * stopped, not the source); a function that runs on some days only (weekdays, every other day);
 * one another source still delivers.
 */
export function sourceGapDays(
  days: readonly DailyUsage[],
  fromMs: number,
  endedMs: number,
): SourceGapDay[] {
  const sent = new Map<string, Set<number>>();
  const sourcesOf = new Map<string, Map<number, readonly string[]>>();
  for (const d of days) {
    if (d.invocations <= 0 || d.dayStartMs >= endedMs) continue;
    for (const source of d.sources) {
      const on = sent.get(source) ?? new Set<number>();
      on.add(d.dayStartMs);
      sent.set(source, on);
    }
    const byDay = sourcesOf.get(d.functionId) ?? new Map<number, readonly string[]>();
    byDay.set(d.dayStartMs, [...(byDay.get(d.dayStartMs) ?? []), ...d.sources]);
    sourcesOf.set(d.functionId, byDay);
  }
  const byDayAndSource = new Map<string, SourceGapDay>();
  for (const [functionId, byDay] of sourcesOf) {
    const ran = (t: number) => byDay.has(t);
    const wouldRun = (t: number) => ran(t - 7 * DAY_MS);
    for (let t = fromMs; t < endedMs; t += DAY_MS) {
      if (ran(t) || !wouldRun(t)) continue;
      // It ran a week before t, so its silence began within the six days before t.
      let silentFrom = t;
      while (!ran(silentFrom - DAY_MS)) silentFrom -= DAY_MS;
      let firstMissed = silentFrom;
      while (!wouldRun(firstMissed)) firstMissed += DAY_MS;
      if (t - firstMissed >= OUTAGE_DAYS * DAY_MS) continue;
      const before = Array.from({ length: TRAILING_DAYS }, (_, i) => silentFrom - (i + 1) * DAY_MS);
      if (before.filter(ran).length < REGULAR_DAYS) continue;
      const sources = [...new Set(before.flatMap((b) => byDay.get(b) ?? []))];
      const sentOn = (r: number) => sources.some((source) => sent.get(source)?.has(r));
      if (sentOn(t)) continue;
      let functionStopped = false;
      for (let r = t + DAY_MS; r < endedMs && !ran(r) && !functionStopped; r += DAY_MS) {
        functionStopped = wouldRun(r) && sentOn(r);
      }
      if (functionStopped) continue;
      for (const source of sources) {
        const key = `${source}\n${t}`;
        const gap = byDayAndSource.get(key) ?? { source, dayStartMs: t, functionIds: [] };
        gap.functionIds.push(functionId);
        byDayAndSource.set(key, gap);
      }
    }
  }
  return [...byDayAndSource.values()]
    .map((g) => ({ ...g, functionIds: g.functionIds.sort() }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.dayStartMs - b.dayStartMs);
}

/** The gaps of `week`, one per source. */
export function weekSourceGaps(gaps: readonly SourceGapDay[], week: IsoWeek): SourceGap[] {
  const bySource = new Map<string, { dates: string[]; functionIds: Set<string> }>();
  for (const g of gaps) {
    if (g.dayStartMs < week.fromMs || g.dayStartMs >= week.toMs) continue;
    const s = bySource.get(g.source) ?? { dates: [], functionIds: new Set<string>() };
    s.dates.push(isoDate(g.dayStartMs));
    g.functionIds.forEach((id) => s.functionIds.add(id));
    bySource.set(g.source, s);
  }
  return [...bySource].map(([source, s]) => ({
    source,
    dates: s.dates,
    functionIds: [...s.functionIds].sort(),
  }));
}

/** Per function, the stopped sources that fed it and the days it has no records on. */
export function missingDataOf(
  gaps: readonly SourceGapDay[],
): Map<string, { source: string; dates: string[] }[]> {
  const byFunction = new Map<string, { source: string; dates: string[] }[]>();
  for (const g of gaps) {
    for (const id of g.functionIds) {
      const notes = byFunction.get(id) ?? [];
      let note = notes.find((n) => n.source === g.source);
      if (!note) notes.push((note = { source: g.source, dates: [] }));
      note.dates.push(isoDate(g.dayStartMs));
      byFunction.set(id, notes);
    }
  }
  return byFunction;
}

/** YYYY-MM-DD dates in order as runs: `2026-11-27 to 2026-11-29, 2026-12-01`. */
export function dateRuns(dates: readonly string[]): string {
  const runs: { from: string; to: string }[] = [];
  for (const date of dates) {
    const last = runs.at(-1);
    if (last && Date.parse(date) - Date.parse(last.to) === DAY_MS) last.to = date;
    else runs.push({ from: date, to: date });
  }
  return runs.map((r) => (r.from === r.to ? r.from : `${r.from} to ${r.to}`)).join(', ');
}
