import type { MinuteFleet } from '../../analysis/support/minute-fleet.generator';

export const WEEK_FLEET_ACCOUNT = 'aws_lambda~123456789012~us-east-1';

/**
 * 10,000 functions × 7 days (bench:analyze, bench:api): mostly idle functions, office-hours APIs,
 * a minority busy all the time, and 100 reported by two sources. `scale` shrinks every class.
 */
export function weekFleet(startMs: number, scale = 1): MinuteFleet {
  const n = (count: number): number => Math.max(1, Math.round(count * scale));
  return {
    startMs,
    minutes: 7 * 24 * 60,
    classes: [
      {
        id: `${WEEK_FLEET_ACCOUNT}~sporadic`,
        count: n(7000),
        activity: { kind: 'random-minutes', perFunction: 100 },
        concurrency: 0.003,
        meanMs: 200,
        memoryMb: 512,
        maxMemoryUsedMb: 90,
        coldStartsPerMinute: 0.9,
        initMs: 450,
        timeoutMs: 6000,
      },
      {
        id: `${WEEK_FLEET_ACCOUNT}~office`,
        count: n(2000),
        activity: { kind: 'business-hours', fromHour: 8, toHour: 18 },
        concurrency: 0.5,
        concurrencySpread: 4,
        meanMs: 120,
        memoryMb: 1024,
        maxMemoryUsedMb: 200,
        coldStartsPerMinute: 0.05,
        timeoutMs: 3000,
        architecture: 'arm64',
      },
      {
        id: `${WEEK_FLEET_ACCOUNT}~steady`,
        count: n(900),
        activity: { kind: 'every-minute' },
        concurrency: 2,
        concurrencySpread: 20,
        meanMs: 80,
        memoryMb: 1769,
        maxMemoryUsedMb: 300,
        coldStartsPerMinute: 0.02,
        timeoutMs: 10_000,
        runtime: 'python3.12',
      },
      // Reported twice, by the Telemetry API and by OTel spans: one source per minute is read.
      ...(['lambda_telemetry', 'otel_span'] as const).map((source) => ({
        id: `${WEEK_FLEET_ACCOUNT}~traced`,
        count: n(100),
        activity: { kind: 'every-minute' as const },
        concurrency: 5,
        meanMs: 150,
        memoryMb: 2048,
        maxMemoryUsedMb: 700,
        coldStartsPerMinute: 0.01,
        timeoutMs: 200,
        source,
      })),
    ],
  };
}
