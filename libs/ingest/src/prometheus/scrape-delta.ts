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

/**
 * The increase of every selected counter and histogram from `prev` to `cur`. Series that vanished
 * are ignored (a pod went away); series that appeared count from zero. Zero deltas are left out.
 */
export function diffSnapshots(prev: ScrapeSnapshot | undefined, cur: ScrapeSnapshot): SnapshotDiff {
  const counters: CounterDelta[] = [];
  const histograms: HistogramDelta[] = [];
  let resets = 0;
  for (const [key, point] of cur.counters) {
    const before: CounterPoint | undefined = prev?.counters.get(key);
    const { delta, reset } = counterIncrease(before?.value, point.value);
    if (reset) resets++;
    if (delta > 0 && Number.isFinite(delta))
      counters.push({ name: point.name, labels: point.labels, delta, reset });
  }
  for (const [key, point] of cur.histograms) {
    const delta = histogramIncrease(prev?.histograms.get(key), point);
    if (delta.reset) resets++;
    if (delta.count > 0 && Number.isFinite(delta.count)) histograms.push(delta);
  }
  return { counters, histograms, resets };
}
