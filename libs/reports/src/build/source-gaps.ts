import { DAY_MS, isoDate, type IsoWeek } from '../week/iso-week';
import type { DailyUsage } from './report-inputs';
import type { SourceGap } from './weekly-report';

/** The days before a day that tell whether its source sends daily. */
const TRAILING_DAYS = 7;

/** An ended day a source sent nothing on, and the functions it fed that have no records then. */
export interface SourceGapDay {
  source: string;
  dayStartMs: number;
  functionIds: string[];
}

/**
 * The whole days sources stopped sending on, over [fromMs, endedMs) (the two weeks compared, up
 * to the last day that has ended). A source stops on a day it sends no records on after sending on
 * most of the (up to 7) days before it in the range, at least two; it stays stopped until it sends
 * again. Each such day is a gap when some function it fed has no records at all that day. Judged
 * per source, not over the fleet: another source's records on the day do not cover it. No gap: a
 * function that stops being invoked while its source still delivers others; a source that sends
 * only now and then, or started lately; a function another source still delivers.
 */
export function sourceGapDays(
  days: readonly DailyUsage[],
  fromMs: number,
  endedMs: number,
): SourceGapDay[] {
  const sent = new Map<string, Set<number>>();
  const fed = new Map<string, Set<string>>();
  const recorded = new Map<number, Set<string>>();
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    const set = map.get(key) ?? new Set<V>();
    set.add(value);
    map.set(key, set);
  };
  for (const d of days) {
    if (d.invocations <= 0 || d.dayStartMs < fromMs || d.dayStartMs >= endedMs) continue;
    add(recorded, d.dayStartMs, d.functionId);
    for (const source of d.sources) {
      add(sent, source, d.dayStartMs);
      add(fed, source, d.functionId);
    }
  }
  const gaps: SourceGapDay[] = [];
  for (const [source, on] of [...sent].sort(([a], [b]) => a.localeCompare(b))) {
    const functionIds = [...fed.get(source)!].sort();
    let stopped = false;
    for (let t = fromMs; t < endedMs; t += DAY_MS) {
      if (on.has(t)) {
        stopped = false;
        continue;
      }
      if (!stopped) {
        const before = Math.min(TRAILING_DAYS, (t - fromMs) / DAY_MS);
        let sentBefore = 0;
        for (let i = 1; i <= before; i++) if (on.has(t - i * DAY_MS)) sentBefore++;
        stopped = sentBefore >= 2 && sentBefore * 2 > before;
      }
      if (!stopped) continue;
      const without = functionIds.filter((id) => !recorded.get(t)?.has(id));
      if (without.length > 0) gaps.push({ source, dayStartMs: t, functionIds: without });
    }
  }
  return gaps;
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
