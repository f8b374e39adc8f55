import type { PrometheusLabels } from './exposition.types';
import type { CounterPoint, HistogramPoint, ScrapeSnapshot } from './scrape-snapshot';

export interface CounterDelta {
  name: string;
  labels: PrometheusLabels;
  delta: number;
  /** True when the counter went down (the process restarted) and the current value was taken. */
  reset: boolean;
}

/** What a histogram series gained between two scrapes, with per-bucket (not cumulative) counts. */
export interface HistogramDelta {
  name: string;
  labels: PrometheusLabels;
  upperBounds: number[];
  /** Observations in (upperBounds[i-1], upperBounds[i]]. */
  counts: number[];
  /** Observations above the last finite bound. */
  overflow: number;
  sum: number;
  count: number;
  reset: boolean;
}

/**
 * A counter's increase between two scrapes. Prometheus counters only go up, so a lower value means
 * the exporter restarted and counted again from zero: the increase is the current value (the same
 * rule as PromQL `increase()`). A series first seen now started from zero too.
 */
export function counterIncrease(
  previous: number | undefined,
  current: number,
): { delta: number; reset: boolean } {
  if (previous === undefined) return { delta: current, reset: false };
  if (current < previous) return { delta: current, reset: true };
  return { delta: current - previous, reset: false };
}

function histogramWentBack(prev: HistogramPoint, cur: HistogramPoint): boolean {
  if (cur.count < prev.count) return true;
  let j = 0;
  for (let i = 0; i < prev.upperBounds.length; i++) {
    const bound = prev.upperBounds[i];
    while (j < cur.upperBounds.length && cur.upperBounds[j] < bound) j++;
    if (j >= cur.upperBounds.length || cur.upperBounds[j] !== bound) return true; // layout changed
    if (cur.cumulative[j] < prev.cumulative[i]) return true;
  }
  return false;
}

/** Per-bucket increase of a histogram series; a reset or a new layout takes the current values. */
export function histogramIncrease(
  prev: HistogramPoint | undefined,
  cur: HistogramPoint,
): HistogramDelta {
  const reset = prev !== undefined && histogramWentBack(prev, cur);
  const base = prev === undefined || reset ? undefined : prev;
  const cumulative = cur.cumulative.slice();
  if (base !== undefined) {
    let j = 0;
    for (let i = 0; i < cur.upperBounds.length; i++) {
      while (j < base.upperBounds.length && base.upperBounds[j] < cur.upperBounds[i]) j++;
      if (j < base.upperBounds.length && base.upperBounds[j] === cur.upperBounds[i]) {
        cumulative[i] -= base.cumulative[j];
      }
    }
  }
  const count = base === undefined ? cur.count : cur.count - base.count;
  const sum = base === undefined ? cur.sum : cur.sum - base.sum;
  const counts = new Array<number>(cumulative.length);
  let below = 0;
  for (let i = 0; i < cumulative.length; i++) {
    counts[i] = Math.max(0, cumulative[i] - below);
    below = Math.max(below, cumulative[i]);
  }
  const overflow = Math.max(0, count - below);
  return {
    name: cur.name,
    labels: cur.labels,
    upperBounds: cur.upperBounds,
    counts,
    overflow,
    sum,
    count,
    reset,
  };
}

export interface SnapshotDiff {
  counters: CounterDelta[];
  histograms: HistogramDelta[];
  resets: number;
}

/** Series of a target missing from its latest scrape, with the last value each was seen at. */
export interface VanishedSeries {
  counters: Map<string, { point: CounterPoint; seenMs: number }>;
  histograms: Map<string, { point: HistogramPoint; seenMs: number }>;
}

/**
 * The increase of every selected counter and histogram from `prev` to `cur`. A series missing
 * from `prev` is diffed against its last value in `vanished` (Prometheus /federate leaves out
 * the series of a pod it failed to scrape once, and the cumulative value comes back with it);
 * only a series seen in neither counts from zero (a new pod is a new series: its `pod_name`),
 * as does one last seen before `vanishedSinceMs`. Series that vanished are ignored (a pod went
 * away). Zero deltas are left out.
 */
export function diffSnapshots(
  prev: ScrapeSnapshot | undefined,
  cur: ScrapeSnapshot,
  vanished?: VanishedSeries,
  vanishedSinceMs = -Infinity,
): SnapshotDiff {
  const lastSeen = <P>(entry: { point: P; seenMs: number } | undefined): P | undefined =>
    entry !== undefined && entry.seenMs >= vanishedSinceMs ? entry.point : undefined;
  const counters: CounterDelta[] = [];
  const histograms: HistogramDelta[] = [];
  let resets = 0;
  for (const [key, point] of cur.counters) {
    const before: CounterPoint | undefined =
      prev?.counters.get(key) ?? lastSeen(vanished?.counters.get(key));
    const { delta, reset } = counterIncrease(before?.value, point.value);
    if (reset) resets++;
    if (delta > 0 && Number.isFinite(delta))
      counters.push({ name: point.name, labels: point.labels, delta, reset });
  }
  for (const [key, point] of cur.histograms) {
    const before = prev?.histograms.get(key) ?? lastSeen(vanished?.histograms.get(key));
    const delta = histogramIncrease(before, point);
    if (delta.reset) resets++;
    if (delta.count > 0 && Number.isFinite(delta.count)) histograms.push(delta);
  }
  return { counters, histograms, resets };
}

/**
 * The series missing from `cur` worth remembering: those of `prev` it lacks (last seen at
 * `prevMs`) and the earlier missing ones still absent, each for at most `maxAgeMs` after it was
 * last seen, and at most `max` of them (the longest missing are dropped first).
 */
export function vanishedSince(
  prev: ScrapeSnapshot,
  prevMs: number,
  earlier: VanishedSeries | undefined,
  cur: ScrapeSnapshot,
  timeMs: number,
  maxAgeMs: number,
  max: number,
): VanishedSeries {
  const keep = <P>(
    before: Map<string, { point: P; seenMs: number }> | undefined,
    last: Map<string, P>,
    now: Map<string, P>,
  ): Map<string, { point: P; seenMs: number }> => {
    const out = new Map<string, { point: P; seenMs: number }>();
    if (before !== undefined) {
      for (const [key, entry] of before) {
        if (!now.has(key) && !last.has(key) && timeMs - entry.seenMs <= maxAgeMs)
          out.set(key, entry);
      }
    }
    for (const [key, point] of last) if (!now.has(key)) out.set(key, { point, seenMs: prevMs });
    for (const key of out.keys()) {
      if (out.size <= max) break;
      out.delete(key);
    }
    return out;
  };
  return {
    counters: keep(earlier?.counters, prev.counters, cur.counters),
    histograms: keep(earlier?.histograms, prev.histograms, cur.histograms),
  };
}
