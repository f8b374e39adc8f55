/**
 * What the storage layer aggregates about a function over an analysis window, and every analyzer
 * reads: sums, maxima and `sumMap`s of log-scale histogram buckets, so analyses cost
 * O(functions × hours), never O(invocations). Unknown values are null, never 0.
 */

/** Log-scale histogram (histogram/log-histogram.ts): bucket index → count. */
export type HistogramBuckets = Record<number, number>;

/** Durations at one memory size (a function re-configured during the window has several). */
export interface MemorySizeStats {
  memoryMb: number;
  invocations: number;
  durationSumMs: number;
  durationBuckets: HistogramBuckets;
  /**
   * Invocations killed for running out of memory at this size: those at a smaller size than the
   * configured one were fixed by raising it. Absent where the source does not split them by size.
   */
  ooms?: number;
  /** Epoch ms of the first and last minute with invocations at this size (deploys in between). */
  firstSeenMs?: number;
  lastSeenMs?: number;
  /**
   * The same size UTC day by day (days with invocations only): repeated windows whose means show
   * how far the window's mean can be trusted (day-to-day drift, not just invocation noise).
   */
  daily?: MemorySizeDay[];
}

export interface MemorySizeDay {
  /** Epoch ms of the UTC day start. */
  dayStartMs: number;
  invocations: number;
  durationSumMs: number;
}

export interface DailyStats {
  /** Epoch ms of the UTC day start. */
  dayStartMs: number;
  invocations: number;
  timeouts: number;
  durationMaxMs: number;
  /** p99 of that day's durations (histogramQuantile of the day's buckets); null if none. */
  p99Ms: number | null;
}

/** Totals over the analysis window (e.g. 7 days). */
export interface FunctionWindowStats {
  functionId: string;
  windowStartMs: number;
  windowEndMs: number;
  invocations: number;
  errors: number;
  timeouts: number;
  ooms: number;
  /** User-visible cold starts (on-demand inits, SnapStart restores, resets after a kill). */
  coldStarts: number;
  /**
   * SnapStart restores among coldStarts (function_minutes.restores: cold starts of init_type
   * 'snap-start'). Absent where the inputs were not built from storage.
   */
  restores?: number;
  /**
   * Invocations no source said started cold or warm (function_minutes.unknown_starts: a span
   * without `faas.coldstart`, a minute of FaaS metrics without `faas.coldstarts`); not warm
   * starts. Absent where the inputs were not built from storage.
   */
  unknownStarts?: number;
  durationSumMs: number;
  durationMaxMs: number;
  /**
   * Sum of REPORT Billed Duration; it already includes any billed INIT. 0 when no source reports
   * billed durations (then costs are estimated from durations and the INIT billing rules).
   */
  billedDurationSumMs: number;
  /** Sum of Init Duration over on-demand cold starts. */
  initDurationSumMs: number;
  durationBuckets: HistogramBuckets;
  initBuckets: HistogramBuckets;
  maxMemoryUsedMb: number | null;
  memoryUsedP95Mb: number | null;
  byMemory: MemorySizeStats[];
  daily: DailyStats[];
  /**
   * Start of the first hour (a minute at the window's edges) with invocations. Absent where the
   * inputs were not built from storage: then the first UTC day with invocations stands for it.
   */
  firstSeenMs?: number;
}

/** One hour of the week (0 = Monday 00:00 UTC … 167 = Sunday 23:00), summed over the weeks seen. */
export interface HourOfWeekConcurrency {
  hourOfWeek: number;
  /** Minutes of this hour of week with data, over all weeks covered. */
  minutesObserved: number;
  /** Σ over minutes of the minute's concurrency (its peak where raw invocations are kept). */
  concurrencyMinutes: number;
  /** For each entry of `ConcurrencyProfile.levels` L: Σ over minutes of min(c_minute, L). */
  coveredMinutesByLevel: number[];
  coldStarts: number;
  /** Σ Init Duration of on-demand cold starts in this hour of week. */
  onDemandInitMs: number;
  /** The cold starts that reported an Init Duration (the init histogram's count): those summed. */
  timedColdStarts: number;
  /**
   * The same sums over the window's last 7 days alone (included above), when the window holds
   * two weeks or more: schedules are fitted on the weeks before and judged on this one.
   */
  heldOut?: Omit<HourOfWeekConcurrency, 'hourOfWeek' | 'heldOut'>;
}

export interface ConcurrencyProfile {
  functionId: string;
  /** Candidate levels, ascending, e.g. [1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 75, 100]. */
  levels: number[];
  /** Up to 168 entries; missing hours had no data. */
  hours: HourOfWeekConcurrency[];
  /** p95 of per-minute peak concurrency over the window. */
  p95Concurrency: number;
  /** Weeks the window covers (7 days = 1; fractions allowed). */
  weeksCovered: number;
}
