export type TuningPlatform = 'aws-lambda' | 'openfaas' | 'knative';
export type TuningArchitecture = 'x86_64' | 'arm64';
export type TuningStrategy = 'cost' | 'speed' | 'balanced';
export type TuningMode = 'adaptive' | 'grid';

/** One configuration a job can measure. */
export interface Candidate {
  architecture: TuningArchitecture;
  memoryMb: number;
}

export function candidateKey(c: Candidate): string {
  return `${c.architecture}:${c.memoryMb}`;
}

/**
 * How one invocation ended. `oom` and `timeout` say the size itself is too small; `error` is the
 * function's own failure.
 */
export type InvocationOutcome = 'ok' | 'error' | 'oom' | 'timeout';

/** One measured invocation, as the platform reported it. */
export interface Observation {
  architecture: TuningArchitecture;
  memoryMb: number;
  /** Sequence number within the job (resumed jobs continue the count). */
  seq: number;
  /** Warm-up calls are counted as invocations (and dollars) but not in the statistics. */
  warmup: boolean;
  outcome: InvocationOutcome;
  durationMs: number;
  /** What the platform billed (Lambda's Billed Duration, INIT included when billed). */
  billedDurationMs: number;
  initDurationMs: number;
  /**
   * SnapStart: a call that restored a snapshot (a cold start without INIT). Its Billed Restore
   * Duration is billed on top of Billed Duration. Absent where the platform has none.
   */
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  errorType: string;
}

/**
 * A version the job published (Lambda: one per prepared size, and one per call with
 * onlyColdStarts), from its publication to its deletion by restore; null while it may still exist.
 * With SnapStart on, each one's snapshot is cached, and Python and .NET pay for the cache.
 */
export interface PublishedVersion {
  architecture: TuningArchitecture;
  memoryMb: number;
  publishedAtMs: number;
  removedAtMs: number | null;
}

/** The search's knobs, already validated (see tuning-request.schema.ts for the public form). */
export interface SearchOptions {
  mode: TuningMode;
  strategy: TuningStrategy;
  /** 1 behaves like 'cost', 0 like 'speed' (Power Tuning's max-normalised sum). */
  balancedWeight: number;
  /** The grid's invocations per size; the adaptive search spends at most a third of the grid. */
  invocationsPerSize: number;
  /** Share of sorted durations dropped at each end before the mean (Power Tuning: 0.2). */
  discardTopBottom: number;
  /** Every invocation starts cold: no warm-up, nothing discarded. */
  onlyColdStarts: boolean;
  /**
   * The function's own configuration: the adaptive search always measures it, so a
   * recommendation can state the saving against what runs today.
   */
  baseline?: Candidate;
}

/** Measured (or, for sizes the adaptive search ruled out, predicted) figures of one candidate. */
export interface SizeResult {
  memoryMb: number;
  architecture: TuningArchitecture;
  invocations: number;
  /** Whether this candidate was run at all; unmeasured ones carry model predictions. */
  measured: boolean;
  /**
   * True only when the size ran successfully; false when it failed, or is smaller than a size that
   * ran out of memory or time; null (unknown) when it was never run: a prediction is no proof it runs.
   */
  feasible: boolean | null;
  failure?: string;
  /** Why an unmeasured size has no figures, or what they rest on (e.g. "predicted, not measured"). */
  note?: string;
  /** Calls that did not succeed (function errors, out of memory, timeouts). */
  errors: number;
  /** errors / invocations; null when nothing ran. */
  errorRate: number | null;
  meanMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  /** Mean billed duration after trimming (what the cost rests on). */
  billedMeanMs: number | null;
  costUsdPerInvocation: number | null;
}

/** A figure and the range it is known to (two standard errors of the mean it rests on). */
export interface Range {
  value: number;
  lo: number;
  hi: number;
}

export interface TuningPick {
  memoryMb: number;
  architecture: TuningArchitecture;
  reason: string;
  /** The pick's dollars per invocation and their range. */
  costRangeUsdPerInvocation: Range;
  /**
   * The size the function runs at today (the baseline), when the job measured it successfully:
   * its cost range and what the pick saves per invocation (current − pick; lo from the pick's
   * high end and the current's low one). Null when it was not measured, or failed.
   */
  current: {
    memoryMb: number;
    architecture: TuningArchitecture;
    costRangeUsdPerInvocation: Range;
    savingUsdPerInvocation: Range;
    /** saving.value / current cost.value. */
    savingShare: number;
  } | null;
  /**
   * The pick's range overlaps the current size's under the job's strategy (cost, duration or
   * the balanced score): the measurements do not show it is better, so it is never applied
   * automatically. False when it is the current size, or the current size was not measured.
   */
  inconclusive: boolean;
}

/** The x86 → arm64 switch at the pick's size, when a job measured both. */
export interface ArchitectureComparison {
  memoryMb: number;
  /** arm64 mean duration / x86_64 mean duration (below 1: arm64 is faster). */
  speedRatio: number;
  /** arm64 cost per invocation − x86_64 cost per invocation. */
  costDifferenceUsdPerInvocation: number;
}
