/**
 * One point of an OTLP/JSON delta counter (an OpenTelemetry FaaS metric such as
 * `faas.invocations`) over the 30 s from `startMs`.
 */
export function deltaCounter(
  name: string,
  value: number,
  startMs: number,
): Record<string, unknown> {
  const startNs = BigInt(startMs) * 1_000_000n;
  return {
    name,
    unit: '1',
    sum: {
      aggregationTemporality: 1,
      isMonotonic: true,
      dataPoints: [
        {
          startTimeUnixNano: startNs.toString(),
          timeUnixNano: (startNs + 30_000_000_000n).toString(),
          asInt: String(value),
        },
      ],
    },
  };
}

/**
 * One point of an OTLP/JSON delta histogram in seconds (faas.invoke_duration, faas.init_duration)
 * over the 30 s from `startMs`: `count` observations summing to `sumSeconds`, in the buckets
 * `bounds` cut (every observation in the bucket `inBucket`).
 */
export function deltaHistogram(
  name: string,
  count: number,
  sumSeconds: number,
  startMs: number,
  bounds: number[] = [],
  inBucket = 0,
): Record<string, unknown> {
  const startNs = BigInt(startMs) * 1_000_000n;
  const bucketCounts = Array.from({ length: bounds.length + 1 }, (_, i) =>
    String(i === inBucket ? count : 0),
  );
  return {
    name,
    unit: 's',
    histogram: {
      aggregationTemporality: 1,
      dataPoints: [
        {
          startTimeUnixNano: startNs.toString(),
          timeUnixNano: (startNs + 30_000_000_000n).toString(),
          count: String(count),
          sum: sumSeconds,
          bucketCounts,
          explicitBounds: bounds,
        },
      ],
    },
  };
}

/**
 * One Lambda function's OTLP/JSON resourceMetrics as the Telemetry API receiver sends them: its
 * account, region, name, version ('3' unless given) and memory (1,024 MB), and `metrics`.
 */
export function lambdaResourceMetrics(
  fn: { account: string; region: string; name: string; version?: string },
  metrics: Record<string, unknown>[],
): Record<string, unknown> {
  const s = (key: string, v: string) => ({ key, value: { stringValue: v } });
  return {
    resource: {
      attributes: [
        s('cloud.platform', 'aws_lambda'),
        s('cloud.region', fn.region),
        s('cloud.account.id', fn.account),
        s('faas.name', fn.name),
        s('faas.version', fn.version ?? '3'),
        s('faas.max_memory', '1024'),
      ],
    },
    scopeMetrics: [{ scope: { name: 'telemetryapireceiver' }, metrics }],
  };
}
