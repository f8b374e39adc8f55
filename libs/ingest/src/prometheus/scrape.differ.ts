import type { FunctionMinuteRow, MetricPointRow } from '@fleetscope/model';
import type { IntervalTotals } from './interval-rows';
import { emptyIntervalTotals, spreadOverMinutes } from './interval-rows';
import type { PrometheusLabels, PrometheusParseError } from './exposition.types';
import type { ScrapeIngestResult, ScrapeStateStore } from './scrape-state.store';
import { exporterTarget, parseScrape } from './scrape-state.store';
import type { ScrapeSelection, ScrapeSnapshot } from './scrape-snapshot';
import { takeSnapshot } from './scrape-snapshot';
import type { SnapshotDiff } from './scrape-delta';

/** One platform's part of a scrape differ (OpenFaaS gateways, Knative clusters). */
export interface ScrapeReading {
  selection: ScrapeSelection;
  /** The scrape's gauges as metric points tied to their function. */
  gauges(snapshot: ScrapeSnapshot): MetricPointRow[];
  /**
   * Adds the interval's counter and histogram increases to the totals of their functions; called
   * once for each exporter of the scrape that has an interval (`snapshot` is the whole scrape).
   */
  interval(
    step: { startMs: number; diff: SnapshotDiff },
    snapshot: ScrapeSnapshot,
    totals: IntervalTotalsByKey,
  ): void;
  /** Called once the scrape is diffed, baseline or interval. */
  done?(): void;
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
 *
 * Counters are cumulative, so an exporter's first scrape is its baseline (counted from zero only
 * with `fromZero`: its counters began at zero), and a series new in a later scrape of an exporter
 * began at zero since the one before (a new pod of a federation, a first 503). Scrapes of one
 * target come from one exporter, unless `exporterOf` names each series' exporter: then each
 * keeps its own previous scrape (exporterTarget), so a pod pushing for the first time through an
 * address others push from is not diffed against another pod's scrape. Such an exporter's first
 * scrape is its baseline during the target's warm-up (ScrapeStateStore.warmingUp: it may have
 * been counting long before we watched), and counts from zero after it when the exporter is
 * `ephemeral` (a pod: first seen after the warm-up, it has just started, from zero pods or in a
 * scale-up, and its first requests are in that scrape).
 */
export function diffScrape(
  store: ScrapeStateStore,
  scrape: {
    target: string;
    describe: string;
    timeMs: number;
    text: string;
    fromZero?: boolean;
    exporterOf?: (labels: PrometheusLabels) => Exporter;
  },
  source: FunctionMinuteRow['source'],
  reading: ScrapeReading,
): ScrapeIngestResult {
  const input = parseScrape(scrape.text, scrape.timeMs);
  if (!input.ok) return input;
  const { parsed } = input;
  const refused: PrometheusParseError[] = [];
  const snapshot = takeSnapshot(parsed, reading.selection, refused);
  // Refused samples are answered and counted with the bad lines.
  const errors = {
    parseErrorCount: input.errors.parseErrorCount + refused.length,
    parseErrors: [...input.errors.parseErrors, ...refused.slice(0, 100)].sort(
      (a, b) => a.line - b.line,
    ),
  };
  const parts = byExporter(scrape.target, snapshot, scrape.exporterOf);
  // Checked before any is kept, so a refused scrape leaves every exporter as it was.
  for (const target of parts.keys()) {
    const previousMs = store.latestMs(target);
    if (previousMs !== undefined && scrape.timeMs <= previousMs) {
      return {
        ok: false,
        reason: 'out_of_order',
        message: `scrape at ${scrape.timeMs} is not after the previous one (${previousMs}) of ${scrape.describe}`,
        ...errors,
      };
    }
  }
  const gauges = reading.gauges(snapshot);
  const warmingUp =
    scrape.exporterOf !== undefined && store.warmingUp(scrape.target, scrape.timeMs);
  const rows: FunctionMinuteRow[] = [];
  let startMs: number | undefined;
  let counterResets = 0;
  for (const [target, { snapshot: part, ephemeral }] of parts) {
    const fromZero = scrape.fromZero === true || (ephemeral && !warmingUp);
    const step = store.advance(target, part, scrape.timeMs, fromZero);
    if (step.kind !== 'interval') continue;
    const totals = new IntervalTotalsByKey(source);
    reading.interval(step, snapshot, totals);
    for (const t of totals.values())
      rows.push(...spreadOverMinutes(t, step.startMs, scrape.timeMs));
    startMs = Math.min(startMs ?? step.startMs, step.startMs);
    counterResets += step.diff.resets;
  }
  reading.done?.();
  return {
    ok: true,
    kind: startMs === undefined ? 'baseline' : 'interval',
    startMs: startMs ?? scrape.timeMs,
    endMs: scrape.timeMs,
    rows,
    gauges,
    counterResets,
    ...errors,
  };
}

/** Who sent a series of a scrape whose exporters keep their own states. */
export interface Exporter {
  id: string;
  /** It lives as long as its pod, so its counters began at zero when it was first seen. */
  ephemeral: boolean;
}

interface ExporterPart {
  snapshot: ScrapeSnapshot;
  ephemeral: boolean;
}

/** The scrape's counters and histograms by the key each exporter's previous scrape is kept under. */
function byExporter(
  target: string,
  snapshot: ScrapeSnapshot,
  exporterOf: ((labels: PrometheusLabels) => Exporter) | undefined,
): Map<string, ExporterPart> {
  const parts = new Map<string, ExporterPart>();
  if (exporterOf === undefined) return parts.set(target, { snapshot, ephemeral: false });
  const partOf = (labels: PrometheusLabels): ScrapeSnapshot => {
    const exporter = exporterOf(labels);
    const key = exporterTarget(target, exporter.id);
    let part = parts.get(key);
    if (part === undefined) {
      part = {
        snapshot: { counters: new Map(), histograms: new Map(), gauges: [] },
        ephemeral: exporter.ephemeral,
      };
      parts.set(key, part);
    }
    return part.snapshot;
  };
  for (const [key, c] of snapshot.counters) partOf(c.labels).counters.set(key, c);
  for (const [key, h] of snapshot.histograms) partOf(h.labels).histograms.set(key, h);
  // Gauges only: nothing to diff, but the target's scrape is still kept in order.
  if (parts.size === 0) parts.set(target, { snapshot, ephemeral: false });
  return parts;
}
