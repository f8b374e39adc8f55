import type { Platform } from './function-identity';

/**
 * Where an invocation record came from. Each source feeds its own rows of the per-minute aggregate,
 * and queries take one source per function and minute (the most exact present), so the same
 * invocation seen as a span, a REPORT line and a platform.report event is counted once.
 */
export const INVOCATION_SOURCES = [
  'lambda_telemetry', // Telemetry API platform.report: exact, structured
  'lambda_log', // REPORT / END lines from CloudWatch Logs, Firehose or raw lines
  'otel_span', // FaaS server/consumer spans
  'knative', // queue-proxy / activator scrapes (per minute)
  'openfaas', // gateway scrapes and gateway logs (per minute)
  'openfaas_watchdog', // of-watchdog request lines (per request)
] as const;
export type InvocationSource = (typeof INVOCATION_SOURCES)[number];

/** Most exact first: where several sources describe one invocation, the first present wins. */
export const SOURCE_PRIORITY: Record<InvocationSource, number> = {
  lambda_telemetry: 6,
  lambda_log: 5,
  openfaas_watchdog: 4,
  openfaas: 3,
  knative: 3,
  otel_span: 2,
};

/**
 * How the sandbox that served the invocation was initialised (Lambda `initializationType`, or the
 * equivalent on other platforms). '' when no init happened for this invocation or it is unknown.
 */
export type InitType = 'on-demand' | 'provisioned-concurrency' | 'snap-start' | 'proactive' | '';

export type InvocationStatus = 'success' | 'error' | 'timeout' | 'oom' | 'unknown';

/**
 * The largest memory size, configured or used, that Fleetscope stores (MB): the tables hold them as
 * UInt16. Lambda's largest is 10,240 MB, so a Lambda REPORT with more is a mangled line and is
 * refused; a Knative or OpenFaaS pod may have more, and its rows are stored with the size unknown.
 * Never wrapped or clamped into a size the record did not say.
 */
export const MAX_MEMORY_MB = 65_535;

/**
 * The longest duration (ms) an invocation's duration, INIT and restore are stored with: whole
 * microseconds in a UInt32 column, about 71.6 minutes. Lambda stops an invocation at 15 minutes,
 * so a Lambda report with more is a mangled line and is refused; a span may run longer, and its
 * invocation is stored with this duration (its span keeps the whole).
 */
export const MAX_STORED_DURATION_MS = 0xffffffff / 1000;

/** One record about one invocation from one source. Unknown numbers are null, never 0. */
export interface InvocationRecord {
  source: InvocationSource;
  functionId: string;
  platform: Platform;
  account: string;
  region: string;
  name: string;
  /** Version, resolved alias, or revision; '' when unknown ('$LATEST' stays as is). */
  version: string;
  /** Lambda request id, faas.invocation_id, or the span id when nothing better exists. */
  requestId: string;
  /** Start of the invocation, epoch milliseconds (integer). */
  startTimeMs: number;
  durationMs: number | null;
  billedDurationMs: number | null;
  /** Init Duration of a cold start (ms). */
  initDurationMs: number | null;
  /** SnapStart Restore Duration and Billed Restore Duration (ms). */
  restoreDurationMs: number | null;
  billedRestoreDurationMs: number | null;
  memorySizeMb: number | null;
  maxMemoryUsedMb: number | null;
  /**
   * A user-visible cold start: on-demand init, SnapStart restore, or a sandbox reset after a timeout
   * or OOM kill (cold, with no Init Duration). Provisioned-concurrency and proactive inits are not.
   * null when the source cannot tell.
   */
  coldStart: boolean | null;
  initType: InitType;
  status: InvocationStatus;
  errorType: string;
  /** faas.trigger: http, pubsub, datasource, timer, other, or ''. */
  trigger: string;
  /** Sandbox / pod: the Lambda log stream name, the pod name. */
  instance: string;
  traceId: string;
  runtime: string;
  architecture: string;
}

/** A span as stored. Times are nanoseconds since the epoch as decimal strings (no precision loss). */
export interface SpanRow {
  timeUnixNano: string;
  durationNano: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  name: string;
  /** OTLP SpanKind name: SPAN_KIND_SERVER → 'server'. */
  kind: string;
  serviceName: string;
  /** '' when the span is not attributable to a function. */
  functionId: string;
  /** 'unset' | 'ok' | 'error' */
  statusCode: string;
  statusMessage: string;
  scopeName: string;
  scopeVersion: string;
  resourceAttributes: Record<string, string>;
  spanAttributes: Record<string, string>;
  events: { timeUnixNano: string; name: string; attributes: Record<string, string> }[];
  links: { traceId: string; spanId: string; attributes: Record<string, string> }[];
}

export interface LogRow {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  traceId: string;
  spanId: string;
  severityText: string;
  severityNumber: number;
  serviceName: string;
  functionId: string;
  /** The invocation the line belongs to (faas.invocation_id, Lambda request id), or ''. */
  requestId: string;
  /** otlp, lambda_log, lambda_telemetry, cloudwatch, firehose, openfaas, knative */
  source: string;
  body: string;
  resourceAttributes: Record<string, string>;
  logAttributes: Record<string, string>;
}

export type MetricType = 'gauge' | 'sum' | 'histogram' | 'exponential_histogram' | 'summary';

/** Every metric point is kept, whatever its type. Histograms carry their buckets. */
export interface MetricPointRow {
  timeUnixNano: string;
  startTimeUnixNano: string;
  metricName: string;
  metricType: MetricType;
  unit: string;
  serviceName: string;
  functionId: string;
  /** 'delta' | 'cumulative' | '' */
  temporality: string;
  isMonotonic: boolean;
  value: number;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  bucketCounts: number[];
  explicitBounds: number[];
  resourceAttributes: Record<string, string>;
  attributes: Record<string, string>;
}

/**
 * A per-minute, per-function contribution for sources without per-invocation records (FaaS and
 * Knative OpenTelemetry metrics, OpenFaaS and Knative Prometheus scrapes). Counts are deltas for
 * that minute. Durations are milliseconds.
 */
/**
 * Sources whose per-minute rows carry only cold starts, never invocations (OpenFaaS gateway logs:
 * the invocations come from the gateway's metrics or the watchdog). Queries add them to whichever
 * source they choose for the minute instead of choosing between them.
 */
export const COLD_START_ONLY_SOURCES = ['openfaas_gateway'] as const;

export interface FunctionMinuteRow {
  source: InvocationSource | 'otel_metrics' | (typeof COLD_START_ONLY_SOURCES)[number];
  functionId: string;
  version: string;
  memorySizeMb: number;
  /** Epoch milliseconds, truncated to the minute. */
  minuteMs: number;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /**
   * Invocations no source said started cold or warm (`unknown_starts`, migration 0029): left out
   * of the cold-start rate (coldStartRate() in libs/analysis/src/cold-starts/cold-start.math.ts).
   */
  unknownStarts: number;
  durationSumMs: number;
  /** Log-scale histogram of durations: bucket index (histogram/log-histogram.ts) → count. */
  durationBuckets: Record<number, number>;
  initDurationSumMs: number;
  initBuckets: Record<number, number>;
  maxMemoryUsedMb: number;
}

/** A function-minute with nothing counted yet. */
export function emptyFunctionMinute(
  source: FunctionMinuteRow['source'],
  functionId: string,
  version: string,
  minuteMs: number,
  memorySizeMb = 0,
): FunctionMinuteRow {
  return {
    source,
    functionId,
    version,
    memorySizeMb,
    minuteMs,
    invocations: 0,
    errors: 0,
    timeouts: 0,
    coldStarts: 0,
    unknownStarts: 0,
    durationSumMs: 0,
    durationBuckets: {},
    initDurationSumMs: 0,
    initBuckets: {},
    maxMemoryUsedMb: 0,
  };
}
