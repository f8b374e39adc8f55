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
