/** A histogram's running totals, explicit-bucket layout. */
export interface HistogramTotals {
  count: number;
  sum: number;
  bucketCounts: number[];
}

interface SeriesState {
  startTimeUnixNano: string;
  value: number;
  histogram?: HistogramTotals;
}

function compareNanos(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turns cumulative OTLP points into deltas by remembering the last value of each series (metric +
 * function + attributes). Bounded: past `maxSeries` the least recently seen series is forgotten.
 *
 * Rules follow the collector's cumulativetodelta processor: a reset (a new start time, or a value
 * that went down) starts over from the new value; the first point of a series yields its whole value
 * only when the series started after this converter was created (otherwise the part already counted
 * before is unknown, and the point only sets the baseline).
 */
export class CumulativeToDelta {
  private readonly series = new Map<string, SeriesState>();

  constructor(
    private readonly maxSeries = 100_000,
    /** Series that started at or after this time are new: their first value is a delta. */
    private readonly createdAtUnixNano = `${Date.now()}000000`,
  ) {}

  get size(): number {
    return this.series.size;
  }

  /** Delta of a cumulative sum, or null when the point only sets the baseline. */
  sum(seriesKey: string, startTimeUnixNano: string, value: number): number | null {
    const prev = this.touch(seriesKey);
    this.store(seriesKey, { startTimeUnixNano, value }, prev);
    if (prev === undefined) return this.isNewSeries(startTimeUnixNano) ? value : null;
    if (prev.startTimeUnixNano !== startTimeUnixNano || value < prev.value) return value;
    return value - prev.value;
  }

  /** Delta of a cumulative histogram (same bucket layout), or null for a baseline. */
  histogram(
    seriesKey: string,
    startTimeUnixNano: string,
    totals: HistogramTotals,
  ): HistogramTotals | null {
    const prev = this.touch(seriesKey);
    this.store(seriesKey, { startTimeUnixNano, value: totals.count, histogram: totals }, prev);
    if (prev?.histogram === undefined) return this.isNewSeries(startTimeUnixNano) ? totals : null;
    const p = prev.histogram;
    const reset =
      prev.startTimeUnixNano !== startTimeUnixNano ||
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

  private touch(key: string): SeriesState | undefined {
    const prev = this.series.get(key);
    if (prev !== undefined) this.series.delete(key); // re-inserted last: Map order is the LRU order
    return prev;
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
            else this.series.set(key, before);
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
    if (this.series.size > this.maxSeries) {
      const oldest = this.series.keys().next();
      if (!oldest.done) this.series.delete(oldest.value);
    }
  }
}
