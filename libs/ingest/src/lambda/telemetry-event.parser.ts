import type { PlatformEvent } from './platform-event';
import { toInitType } from './platform-event';
import type { ReportLine } from './report-line.parser';
import { traceIdFromAmznTraceHeader } from './xray-trace-id';

/**
 * One Telemetry API event object `{time, type, record}` (schema versions 2022-12-13 and
 * 2025-01-29; awsdocs telemetry-schema-reference.md, docs/decisions.md "Lambda platform records") → a
 * PlatformEvent. The same objects appear as JSON-format system log lines in CloudWatch, and the
 * legacy Logs API adds platform.end, platform.fault and platform.logsSubscription.
 */
export interface TelemetryEventParse {
  event: PlatformEvent;
  /** `time` as epoch ms. */
  timeMs: number;
  type: string;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function traceOf(record: Record<string, unknown>): string {
  const tracing = obj(record.tracing);
  return tracing ? traceIdFromAmznTraceHeader(str(tracing.value)) : '';
}

/**
 * Returns the event, or a message saying why the object is not a valid event. Unknown event
 * types become housekeeping: a newer schema must not make a batch fail.
 */
export function parseTelemetryEventObject(
  value: Record<string, unknown>,
): TelemetryEventParse | string {
  const type = value.type;
  if (typeof type !== 'string' || type === '') return 'event has no string "type"';
  const timeMs = typeof value.time === 'string' ? Date.parse(value.time) : NaN;
  if (Number.isNaN(timeMs)) return `${type} event has no valid ISO-8601 "time"`;
  const raw = value.record;

  if (type === 'function' || type === 'extension') {
    // A string in the text format, an object in the JSON format (schema ≥ 2022-12-13).
    if (typeof raw === 'string') {
      return {
        type,
        timeMs,
        event: { kind: 'app', requestId: '', level: '', message: raw, timeMs, invokeError: false },
      };
    }
    const record = obj(raw);
    if (!record) return `${type} event "record" is neither a string nor an object`;
    const level = str(record.level).toUpperCase();
    const message = typeof record.message === 'string' ? record.message : JSON.stringify(record);
    return {
      type,
      timeMs,
      event: {
        kind: 'app',
        requestId: str(record.requestId),
        level,
        message,
        timeMs,
        invokeError: level === 'ERROR' && message.startsWith('Invoke Error'),
      },
    };
  }

  if (type === 'platform.fault') {
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw ?? '');
    const oom = text.includes('signal: killed') || text.includes('Runtime.OutOfMemory');
    const idAt = text.indexOf('RequestId: ');
    const requestId = idAt >= 0 ? text.slice(idAt + 11).split(/[\s]/, 1)[0] : '';
    return {
      type,
      timeMs,
      event: {
        kind: 'runtimeExit',
        requestId,
        oom,
        errorType: oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError',
      },
    };
  }

  const record = obj(raw);
  if (!record) return `${type} event "record" is not an object`;

  switch (type) {
    case 'platform.initStart':
      return {
        type,
        timeMs,
        event: {
          kind: 'initStart',
          initType: toInitType(record.initializationType),
          runtimeVersion: str(record.runtimeVersion),
          runtimeVersionArn: str(record.runtimeVersionArn) || str(record.runtimeArn),
          functionName: str(record.functionName),
          functionVersion: str(record.functionVersion),
          instanceId: str(record.instanceId),
        },
      };
    case 'platform.initRuntimeDone':
      return {
        type,
        timeMs,
        event: {
          kind: 'initRuntimeDone',
          initType: toInitType(record.initializationType),
          status: str(record.status),
          errorType: str(record.errorType),
        },
      };
    case 'platform.initReport':
      return {
        type,
        timeMs,
        event: {
          kind: 'initReport',
          initType: toInitType(record.initializationType),
          durationMs: num(obj(record.metrics)?.durationMs),
          phase: str(record.phase),
          status: str(record.status),
          errorType: str(record.errorType),
        },
      };
    case 'platform.start': {
      const requestId = str(record.requestId);
      if (!requestId) return 'platform.start event has no "requestId"';
      return {
        type,
        timeMs,
        event: { kind: 'start', requestId, version: str(record.version), traceId: traceOf(record) },
      };
    }
    case 'platform.runtimeDone': {
      const requestId = str(record.requestId);
      if (!requestId) return 'platform.runtimeDone event has no "requestId"';
      return {
        type,
        timeMs,
        event: {
          kind: 'runtimeDone',
          requestId,
          status: str(record.status),
          errorType: str(record.errorType),
          durationMs: num(obj(record.metrics)?.durationMs),
        },
      };
    }
    case 'platform.report': {
      const requestId = str(record.requestId);
      if (!requestId) return 'platform.report event has no "requestId"';
      const metrics = obj(record.metrics);
      if (!metrics) return `platform.report ${requestId} has no "metrics" object`;
      const report: ReportLine = {
        requestId,
        durationMs: num(metrics.durationMs),
        // Managed-instances reports carry only durationMs: the rest stays null.
        billedDurationMs: num(metrics.billedDurationMs),
        memorySizeMb: num(metrics.memorySizeMB),
        maxMemoryUsedMb: num(metrics.maxMemoryUsedMB),
        initDurationMs: num(metrics.initDurationMs),
        restoreDurationMs: num(metrics.restoreDurationMs),
        billedRestoreDurationMs: num(metrics.billedRestoreDurationMs),
        status: str(record.status),
        errorType: str(record.errorType),
        traceId: traceOf(record),
      };
      return { type, timeMs, event: { kind: 'report', report } };
    }
    case 'platform.restoreStart':
      return {
        type,
        timeMs,
        event: {
          kind: 'restoreStart',
          runtimeVersion: str(record.runtimeVersion),
          runtimeVersionArn: str(record.runtimeVersionArn),
        },
      };
    case 'platform.restoreRuntimeDone':
      return { type, timeMs, event: { kind: 'housekeeping', what: type, severity: 'info' } };
    case 'platform.restoreReport':
      return {
        type,
        timeMs,
        event: {
          kind: 'restoreReport',
          durationMs: num(obj(record.metrics)?.durationMs),
          status: str(record.status),
          errorType: str(record.errorType),
        },
      };
    case 'platform.end': {
      // Logs API only.
      return { type, timeMs, event: { kind: 'end', requestId: str(record.requestId) } };
    }
    case 'platform.logsDropped':
      return { type, timeMs, event: { kind: 'housekeeping', what: type, severity: 'warn' } };
    default:
      // platform.extension, platform.telemetrySubscription, platform.logsSubscription and types
      // added after this was written.
      return { type, timeMs, event: { kind: 'housekeeping', what: type, severity: 'info' } };
  }
}
