import type { ConcurrencyProfile, FunctionWindowStats, Platform } from '@fleetscope/model';

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
  /**
   * True when no record named the architecture (a function known only from REPORT lines): it is
   * priced as x86_64, Lambda's default, and every figure says so (evidence/price-assumptions.ts).
   */
  architectureAssumed?: boolean;
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
  /** Lambda SnapStart's `ApplyOn` from the inventory ('PublishedVersions'); null when off or unknown. */
  snapStart?: string | null;
}

// The window statistics the storage layer builds live in libs/model (storage may not depend on
// analysis); they are part of every analyzer's input.
export type {
  ConcurrencyProfile,
  DailyStats,
  FunctionWindowStats,
  HistogramBuckets,
  HourOfWeekConcurrency,
  MemorySizeDay,
  MemorySizeStats,
} from '@fleetscope/model';

/** What one analysis run gets per function. */
export interface FunctionAnalysisInput {
  profile: FunctionProfile;
  stats: FunctionWindowStats;
  concurrency?: ConcurrencyProfile | null;
  /** The latest finished tuning job for this function: measured sizes replace any modelled curve. */
  tuning?: TuningEvidence;
  /** When in the window the function ran, minute by minute: the keep-alive analysis. */
  activity?: MinuteActivity | null;
  /**
   * The provisioned-concurrency / min-scale level this run's plan recommends (set by
   * runAnalyzers after that analysis); absent when it recommends no change (the configured level
   * stands). Keep-alive advice and warm capacity exclude each other in one plan.
   */
  plannedWarmLevel?: number;
  /**
   * The function as it is today, when the input was moved to the size the memory analysis
   * recommends (atRecommendedMemory): what follows is priced at that size, and says so.
   */
  beforeMemoryChange?: Pick<FunctionAnalysisInput, 'profile' | 'stats'> & {
    /** Today's monthly bill as the memory recommendation states it (its `current.monthlyUsd`). */
    monthlyUsd?: number;
  };
  /**
   * The changes this run's plan for the function already holds that add to its total (inPlanTotal),
   * other than the memory change the input is moved to (set by runAnalyzers): an exclusive option
   * is measured against Lambda after them, as the plan would leave it.
   */
  plannedChanges?: readonly PlannedChange[];
}

/** A change of the function's plan, with the saving the plan adds for it. */
export interface PlannedChange {
  kind: string;
  title: string;
  savingUsd: { lowUsd: number; highUsd: number };
}

/**
 * A function's minutes, reduced to what keep-alive policies need: its idle periods (whole minutes
 * between two consecutive minutes with invocations, 0 for neighbours), how many minutes had invocations,
 * and per UTC hour of day the minutes with invocations and the minutes observed.
 */
export interface MinuteActivity {
  idlePeriods: number[];
  activeMinutes: number;
  activeByHour: number[];
  minutesByHour: number[];
  /**
   * Minutes of the window after the last one with invocations: idle memory-time after the last
   * invocation is counted only up to the window's end. Absent: counted to the keep-alive's end.
   */
  minutesAfterLastActive?: number;
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
