/** Label name → value. Created without a prototype so a label named `__proto__` stays a label. */
export type PrometheusLabels = Record<string, string>;

export type PrometheusMetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface PrometheusSample {
  /** The sample's own name: `x_bucket`, `x_sum`, `x_count`, `x_total` keep their suffix. */
  name: string;
  labels: PrometheusLabels;
  /** NaN, +Inf and -Inf are kept as the IEEE values. */
  value: number;
  /** Milliseconds since the epoch when the line carried a timestamp, else null. */
  timestampMs: number | null;
  /** 1-based line number in the input, for what is said about the sample later. */
  line: number;
}

/** A metric family: the samples that belong to one `# TYPE` (or one untyped name). */
export interface PrometheusFamily {
  name: string;
  type: PrometheusMetricType;
  help: string;
  samples: PrometheusSample[];
}

export interface PrometheusParseError {
  /** 1-based line number in the input. */
  line: number;
  reason: string;
  /** The offending line, cut to 200 characters. */
  text: string;
}

export interface PrometheusParseResult {
  families: Map<string, PrometheusFamily>;
  sampleCount: number;
  /** Every bad line is counted here, even when `errors` was cut at `maxErrors`. */
  errorCount: number;
  errors: PrometheusParseError[];
}
