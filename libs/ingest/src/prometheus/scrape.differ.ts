import type { FunctionMinuteRow, MetricPointRow } from '@fleetscope/model';
import type { IntervalTotals } from './interval-rows';
import { emptyIntervalTotals, spreadOverMinutes } from './interval-rows';
import type { ScrapeIngestResult, ScrapeStateStore } from './scrape-state.store';
import { parseScrape } from './scrape-state.store';
import type { ScrapeSelection, ScrapeSnapshot } from './scrape-snapshot';
import { takeSnapshot } from './scrape-snapshot';
import type { SnapshotDiff } from './scrape-delta';

/** One platform's part of a scrape differ (OpenFaaS gateways, Knative clusters). */
export interface ScrapeReading {
  selection: ScrapeSelection;
  /** The scrape's gauges as metric points tied to their function. */
  gauges(snapshot: ScrapeSnapshot): MetricPointRow[];
  /** Called on a baseline scrape (no interval yet). */
  baseline?(): void;
  /** Adds the interval's counter and histogram increases to the totals of their functions. */
  interval(
    step: { startMs: number; diff: SnapshotDiff },
    snapshot: ScrapeSnapshot,
    totals: IntervalTotalsByKey,
  ): void;
}

/** The totals of each function (or revision) of one interval, made on first use. */
export class IntervalTotalsByKey {
  private readonly totals = new Map<string, IntervalTotals>();

  constructor(private readonly source: FunctionMinuteRow['source']) {}

  get(key: string, functionId: string, version: string): IntervalTotals {
    let t = this.totals.get(key);
    if (t === undefined) {
      t = emptyIntervalTotals(this.source, functionId, version);
      this.totals.set(key, t);
    }
    return t;
  }

  values(): IterableIterator<IntervalTotals> {
    return this.totals.values();
  }
}

/**
 * The skeleton every scrape differ shares: parse and check the scrape, keep its snapshot as the
 * target's latest, refuse one older than the previous, read the gauges, and on an interval spread
 * the increases the platform reads over the minutes of (previous scrape, this one].
 */
export function diffScrape(
  store: ScrapeStateStore,
  scrape: { target: string; describe: string; timeMs: number; text: string; fromZero?: boolean },
  source: FunctionMinuteRow['source'],
  reading: ScrapeReading,
): ScrapeIngestResult {
  const input = parseScrape(scrape.text, scrape.timeMs);
  if (!input.ok) return input;
  const { parsed, errors } = input;
  const snapshot = takeSnapshot(parsed, reading.selection);
  const step = store.advance(scrape.target, snapshot, scrape.timeMs, scrape.fromZero === true);
  if (step.kind === 'out_of_order') {
    return {
      ok: false,
      reason: 'out_of_order',
      message: `scrape at ${scrape.timeMs} is not after the previous one (${step.previousMs}) of ${scrape.describe}`,
      ...errors,
    };
  }
  const base = {
    ok: true as const,
    endMs: scrape.timeMs,
    gauges: reading.gauges(snapshot),
    ...errors,
  };
  if (step.kind === 'baseline') {
    reading.baseline?.();
    return { ...base, kind: 'baseline', startMs: scrape.timeMs, rows: [], counterResets: 0 };
  }
  const totals = new IntervalTotalsByKey(source);
  reading.interval(step, snapshot, totals);
  const rows = [];
  for (const t of totals.values()) rows.push(...spreadOverMinutes(t, step.startMs, scrape.timeMs));
  return {
    ...base,
    kind: 'interval',
    startMs: step.startMs,
    rows,
    counterResets: step.diff.resets,
  };
}
