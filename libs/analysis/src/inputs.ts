import type { Platform } from '@fleetscope/model';

/**
 * The inputs every analyzer reads. The storage layer fills them with SQL aggregates (sums, maxima,
 * `sumMap` of log-scale histogram buckets), so analyses cost O(functions × hours), never
 * O(invocations). Unknown values are null, never 0.
 */

/** What is known about a function's configuration (inventory, platform events, manual PUT). */
export interface FunctionProfile {
  functionId: string;
  platform: Platform;
  name: string;
  region: string;
  /** AWS account id or Kubernetes namespace. */
  account: string;
  /** e.g. 'nodejs22.x', 'provided.al2023', 'python3.12'; '' when unknown. */
  runtime: string;
  architecture: 'x86_64' | 'arm64';
  memoryMb: number | null;
  timeoutMs: number | null;
  /** Where timeoutMs came from: inventory (API, by hand) or a `Task timed out after N seconds` line. */
  timeoutSource?: 'inventory' | 'timed-out-log-line';
  provisionedConcurrency: number | null;
  packageType: 'Zip' | 'Image' | null;
  /** Knative / OpenFaaS pod requests: vCPU (0.5 = 500m) and memory. */
  podCpu?: number | null;
  podMemoryMb?: number | null;
  /** Knative `autoscaling.knative.dev/min-scale`, OpenFaaS `com.openfaas.scale.min`. */
  minScale?: number | null;
  /** Configured Lambda ephemeral storage (MB); 512 is free. */
  ephemeralStorageMb?: number | null;
}

/** Log-scale histogram: bucket index (libs/model duration-histogram.ts) → count. */
export type HistogramBuckets = Record<number, number>;

/** Durations at one memory size (a function re-configured during the window has several). */
export interface MemorySizeStats {
  memoryMb: number;
  invocations: number;
  durationSumMs: number;
  durationBuckets: HistogramBuckets;
  /** Epoch ms of the first and last minute with invocations at this size (deploys in between). */
  firstSeenMs?: number;
  lastSeenMs?: number;
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
}

/** One hour of the week (0 = Monday 00:00 UTC … 167 = Sunday 23:00), summed over the weeks seen. */
export interface HourOfWeekConcurrency {
  hourOfWeek: number;
  /** Minutes of this hour of week with data, over all weeks covered. */
  minutesObserved: number;
  /** Σ over minutes of the minute's average concurrency (concurrency-minutes). */
  concurrencyMinutes: number;
  /** For each entry of `ConcurrencyProfile.levels` L: Σ over minutes of min(c_minute, L). */
  coveredMinutesByLevel: number[];
  coldStarts: number;
  /** Σ Init Duration of on-demand cold starts in this hour of week. */
  onDemandInitMs: number;
  /**
   * The same sums over the window's last 7 days alone (included above): schedules are fitted on
   * the weeks before and judged on this one.
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

/** What one analysis run gets per function. */
export interface FunctionAnalysisInput {
  profile: FunctionProfile;
  stats: FunctionWindowStats;
  concurrency?: ConcurrencyProfile | null;
  /** The latest finished tuning job for this function: measured sizes replace any modelled curve. */
  tuning?: TuningEvidence;
}

/** One memory size (and architecture) measured by a tuning job. */
export interface MeasuredMemoryPoint {
  memoryMb: number;
  architecture: 'x86_64' | 'arm64';
  invocations: number;
  meanMs: number;
  p90Ms: number;
  /** False when the size failed (OOM, timeout, errors) during the job. */
  feasible: boolean;
  costUsdPerInvocation: number;
}

/** A finished tuning job's measurements: when present, the memory analyzer's evidence. */
export interface TuningEvidence {
  jobId: string;
  /** ISO-8601 instant the job finished. */
  finishedAt: string;
  points: MeasuredMemoryPoint[];
}
