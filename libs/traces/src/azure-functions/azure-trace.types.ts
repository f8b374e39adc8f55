/** Minutes in one file of the 2019 trace: one file per 24-hour day. */
export const MINUTES_PER_DAY = 1440;

/**
 * A function of the Azure Functions 2019 trace. Ids are HMAC-SHA256 hashes (one salt per column),
 * consistent across the invocation, duration and memory files of a day.
 */
export interface AzureFunctionKey {
  owner: string;
  app: string;
  func: string;
}

/** One row of `invocations_per_function_md.anon.dNN.csv` (or the vHive sampler's variant). */
export interface AzureInvocationCounts extends AzureFunctionKey {
  /** Trigger group (http, timer, event, queue, storage, orchestration, others); '' when absent. */
  trigger: string;
  /** Invocations in each minute of the day, minute 1 at index 0. */
  counts: Uint32Array;
  /** Line of the file the row came from (1 = the header). */
  line: number;
}

/** A weighted percentile of a quantity: `p` in [0, 1], `value` at it. Non-decreasing in both. */
export interface PercentilePoint {
  p: number;
  value: number;
}

/** One row of `function_durations_percentiles.anon.dNN.csv`: milliseconds, cold start excluded. */
export interface AzureDurationPercentiles extends AzureFunctionKey {
  averageMs: number;
  count: number;
  points: PercentilePoint[];
}

/**
 * One row of `app_memory_percentiles.anon.dNN.csv`: the app's average allocated memory (MB). The
 * vHive sampler's copy adds HashFunction; memory is still measured per app.
 */
export interface AzureMemoryPercentiles {
  owner: string;
  app: string;
  points: PercentilePoint[];
}

/** One row of the 2021 per-invocation trace: times in seconds from the start of the trace. */
export interface AzureInvocation2021 {
  app: string;
  func: string;
  startSeconds: number;
  durationSeconds: number;
  line: number;
}

/** A malformed trace file: names the file and the line, so the user can look at it. */
export class AzureTraceFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'AzureTraceFormatError';
  }
}
