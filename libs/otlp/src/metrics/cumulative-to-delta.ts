import { RecentMap } from '@fleetscope/ingest';

/** A histogram's running totals, explicit-bucket layout. */
export interface HistogramTotals {
  count: number;
  sum: number;
  bucketCounts: number[];
}

/** When a cumulative point was taken, and since when its series has been counting. */
export interface PointTimes {
  startTimeUnixNano: string;
  timeUnixNano: string;
}

interface SeriesState extends PointTimes {
  value: number;
  histogram?: HistogramTotals;
}

function compareNanos(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Only the times: callers pass whole points, whose attributes the state must not keep. */
function timesOf({ startTimeUnixNano, timeUnixNano }: PointTimes): PointTimes {
  return { startTimeUnixNano, timeUnixNano };
}

/**
 * Whether a point adds nothing to its series' last one: it belongs to an older run (an earlier start
 * time), or to the same run (or, for an SDK that sends start time 0, to a run it cannot tell apart)
 * and was taken no later. Only then is a lower value no reset.
 */
function isLate(point: PointTimes, last: PointTimes): boolean {
  const runs =
    point.startTimeUnixNano === '0' || last.startTimeUnixNano === '0'
      ? 0
      : compareNanos(point.startTimeUnixNano, last.startTimeUnixNano);
  if (runs !== 0) return runs < 0;
  return compareNanos(point.timeUnixNano, last.timeUnixNano) <= 0;
}

/**
 * Turns cumulative OTLP points into deltas by remembering the last value of each series (metric +
 * function + attributes). Bounded: past `maxSeries` the least recently seen series is forgotten.
 *
 * Rules follow the collector's cumulativetodelta processor: a reset (a newer start time, or a value
 * that went down at a newer time) starts over from the new value; the first point of a series yields
 * its whole value only when the series started after this converter was created (otherwise the part
 * already counted before is unknown, and the point only sets the baseline). A point no newer than
 * the last one of its run (a retry, or an export overtaken by the next) is already counted: it adds
 * nothing and leaves the state, or its lower value would pass for a reset and be counted again.
 */
export class CumulativeToDelta {
  private readonly series: RecentMap<string, SeriesState>;

  constructor(
    maxSeries = 100_000,
    /** Series that started at or after this time are new: their first value is a delta. */
    private readonly createdAtUnixNano = `${Date.now()}000000`,
  ) {
    this.series = new RecentMap(maxSeries);
  }

  get size(): number {
    return this.series.size;
  }

  /** Delta of a cumulative sum, or null when the point only sets the baseline or is late. */
  sum(seriesKey: string, times: PointTimes, value: number): number | null {
    const prev = this.touch(seriesKey);
    if (prev !== undefined && isLate(times, prev)) return null;
    this.store(seriesKey, { ...timesOf(times), value }, prev);
    if (prev === undefined) return this.isNewSeries(times.startTimeUnixNano) ? value : null;
    if (prev.startTimeUnixNano !== times.startTimeUnixNano || value < prev.value) return value;
    return value - prev.value;
  }

  /** Delta of a cumulative histogram (same bucket layout), or null for a baseline or a late point. */
  histogram(seriesKey: string, times: PointTimes, totals: HistogramTotals): HistogramTotals | null {
    const prev = this.touch(seriesKey);
    if (prev?.histogram !== undefined && isLate(times, prev)) return null;
    this.store(seriesKey, { ...timesOf(times), value: totals.count, histogram: totals }, prev);
    if (prev?.histogram === undefined) {
      return this.isNewSeries(times.startTimeUnixNano) ? totals : null;
    }
    const p = prev.histogram;
    const reset =
      prev.startTimeUnixNano !== times.startTimeUnixNano ||
      totals.count < p.count ||
      totals.bucketCounts.length !== p.bucketCounts.length;
    if (reset) return totals;
    return {
      count: totals.count - p.count,
      sum: totals.sum - p.sum,
      bucketCounts: totals.bucketCounts.map((c, i) => Math.max(0, c - p.bucketCounts[i])),
    };
  }

  private isNewSeries(startTimeUnixNano: string): boolean {
    return (
      startTimeUnixNano !== '0' && compareNanos(startTimeUnixNano, this.createdAtUnixNano) >= 0
    );
  }

  /** Seen, even for a late point that stores nothing. */
  private touch(key: string): SeriesState | undefined {
    return this.series.touch(key);
  }

  /**
   * Runs `work` (a normalise call) and returns a function that undoes the series it advanced, for
   * when its rows could not be stored: the sender's retry must see the same deltas again, not
   * zeros. A series another request advanced since is left alone.
   */
  capture<T>(work: () => T): { result: T; undo: () => void } {
    const changes = new Map<string, { before: SeriesState | undefined; after: SeriesState }>();
    this.changes = changes;
    try {
      const result = work();
      return {
        result,
        undo: () => {
          for (const [key, { before, after }] of changes) {
            if (this.series.get(key) !== after) continue;
            if (before === undefined) this.series.delete(key);
            else this.series.restore(key, before);
          }
        },
      };
    } finally {
      this.changes = undefined;
    }
  }

  private changes: Map<string, { before: SeriesState | undefined; after: SeriesState }> | undefined;

  private store(key: string, state: SeriesState, before?: SeriesState): void {
    if (this.changes) {
      const change = this.changes.get(key);
      if (change) change.after = state;
      else this.changes.set(key, { before, after: state });
    }
    this.series.set(key, state);
  }
}
