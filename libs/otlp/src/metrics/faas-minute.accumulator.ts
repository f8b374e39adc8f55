import type { FunctionMinuteRow, Platform } from '@fleetscope/model';
import { billedRequestMemoryMb, emptyFunctionMinute } from '@fleetscope/model';
import { nanosStringToMs } from '../common/otlp-values';
import type { ResolvedFunction } from '../faas/faas-identity.resolver';

/**
 * What each FaaS metric contributes to the per-minute row. semconv faas-metrics.md: durations are
 * histograms in seconds, faas.invocations counts *successful* invocations only, errors and timeouts
 * are separate counters, faas.mem_usage is a histogram in bytes. Knative's queue-proxy reports
 * kn.serving.invocation.duration (histogram, s) with http.response.status_code (knative docs,
 * serving-metrics.md); it is the only per-request metric Knative exports, so it also counts them.
 */
export type MinuteRole =
  'invocations' | 'errors' | 'timeouts' | 'coldstarts' | 'duration' | 'init' | 'memory' | 'knative';
export const MINUTE_ROLES: Record<string, MinuteRole> = {
  'faas.invocations': 'invocations',
  'faas.errors': 'errors',
  'faas.timeouts': 'timeouts',
  'faas.coldstarts': 'coldstarts',
  'faas.invoke_duration': 'duration',
  'faas.init_duration': 'init',
  'faas.mem_usage': 'memory',
  'kn.serving.invocation.duration': 'knative',
};

/** The roles of duration histograms: they fill the minute's duration (or init) buckets. */
export type DurationRole = Extract<MinuteRole, 'duration' | 'init' | 'knative'>;
export function isDurationRole(role: MinuteRole | undefined): role is DurationRole {
  return role === 'duration' || role === 'init' || role === 'knative';
}

/** Multiplier from a duration unit to milliseconds; semconv durations default to seconds. */
export function msPerUnit(unit: string): number {
  switch (unit) {
    case 'ms':
      return 1;
    case 'us':
      return 0.001;
    case 'ns':
      return 0.000001;
    case 'min':
      return 60000;
    default:
      return 1000;
  }
}

/**
 * The functions that have reported a faas.coldstarts point since the process started (bounded:
 * past `max` the oldest is forgotten). An SDK exporting with delta temporality leaves out a
 * counter that did not move in the interval, so a warm minute of such a function carries no
 * faas.coldstarts point: without this memory its invocations would be of unknown start and its
 * rate taken over the cold minutes alone, overstated.
 */
export class ColdStartReporters {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 100_000) {}

  add(functionId: string): void {
    if (this.ids.has(functionId)) return;
    if (this.ids.size >= this.max) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    this.ids.add(functionId);
  }

  has(functionId: string): boolean {
    return this.ids.has(functionId);
  }
}

/**
 * The per-minute FaaS rows (function_minutes) the metrics of one request add up to. A minute's
 * invocations are of unknown start (`unknownStarts`, docs/decisions.md) unless a faas.coldstarts
 * point, even of 0, was reported for it or the function has reported one before (ColdStartReporters):
 * without one nothing says whether they started cold, and counting them as warm read a 0 %
 * cold-start rate. An OpenFaaS function's are not: its cold starts are the gateway's, added to
 * whichever source counts its minute.
 */
export class MinuteAccumulator {
  constructor(private readonly reporters = new ColdStartReporters()) {}

  private readonly rows = new Map<string, { row: FunctionMinuteRow; platform: Platform }>();
  /** The keys of the minutes a faas.coldstarts point was reported for. */
  private readonly startsKnown = new Set<string>();

  row(fn: ResolvedFunction, memorySizeMb: number, timeUnixNano: string): FunctionMinuteRow {
    const minuteMs = minuteOf(timeUnixNano);
    const key = minuteKey(fn, minuteMs);
    let minute = this.rows.get(key);
    if (minute === undefined) {
      // Stored at the size the minute is billed at, as a span's (billedRequestMemoryMb): the
      // aggregate sums billed ms × this memory (0, unknown, stays 0).
      const row = emptyFunctionMinute(
        'otel_metrics',
        fn.functionId,
        fn.version,
        minuteMs,
        billedRequestMemoryMb(fn.platform, memorySizeMb) ?? 0,
      );
      minute = { row, platform: fn.platform };
      this.rows.set(key, minute);
    }
    return minute.row;
  }

  /** A faas.coldstarts point was reported for the function's minute: its starts are known. */
  coldStartsReported(fn: ResolvedFunction, timeUnixNano: string): void {
    this.startsKnown.add(minuteKey(fn, minuteOf(timeUnixNano)));
    this.reporters.add(fn.functionId);
  }

  all(): FunctionMinuteRow[] {
    const rows: FunctionMinuteRow[] = [];
    for (const [key, { row, platform }] of this.rows) {
      const known =
        platform === 'openfaas' || this.startsKnown.has(key) || this.reporters.has(row.functionId);
      row.unknownStarts = known ? 0 : row.invocations;
      rows.push(row);
    }
    return rows;
  }
}

function minuteOf(timeUnixNano: string): number {
  return Math.floor(nanosStringToMs(timeUnixNano) / 60000) * 60000;
}

function minuteKey(fn: ResolvedFunction, minuteMs: number): string {
  return `${fn.functionId}\u0000${fn.version}\u0000${minuteMs}`;
}

/** Divisor from faas.mem_usage to MB: the Lambda telemetryapi receiver sends MB × 1,000,000. */
export function memoryDivisor(value: number, scopeName: string): number {
  if (scopeName.includes('telemetryapi') || value % 1_000_000 === 0) return 1_000_000;
  return 1048576;
}
