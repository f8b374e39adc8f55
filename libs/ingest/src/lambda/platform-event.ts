import type { InitType } from '@fleetscope/model';
import type { ReportLine } from './report-line.parser';

/**
 * One Lambda platform or application record, whatever carried it: a plain-text log line, a
 * JSON-format log line (`{"time","type","record"}`) or a Telemetry API event. The stream
 * assembler consumes these, so the three inputs share one set of cold-start and outcome rules.
 */
export type PlatformEvent =
  | { kind: 'start'; requestId: string; version: string; traceId: string }
  | { kind: 'end'; requestId: string }
  | { kind: 'report'; report: ReportLine }
  | {
      kind: 'initStart';
      /** `on-demand` | `provisioned-concurrency` | `snap-start`; '' when the record does not say. */
      initType: InitType;
      runtimeVersion: string;
      runtimeVersionArn: string;
      functionName: string;
      functionVersion: string;
      instanceId: string;
    }
  | {
      kind: 'initReport';
      initType: InitType;
      durationMs: number | null;
      /** `init`, or `invoke` for a suppressed init re-run during an invocation. */
      phase: string;
      status: string;
      errorType: string;
    }
  | { kind: 'initRuntimeDone'; initType: InitType; status: string; errorType: string }
  | { kind: 'restoreStart'; runtimeVersion: string; runtimeVersionArn: string }
  | { kind: 'restoreReport'; durationMs: number | null; status: string; errorType: string }
  | {
      kind: 'runtimeDone';
      requestId: string;
      status: string;
      errorType: string;
      durationMs: number | null;
    }
  /** `Task timed out after N seconds`; requestId '' when the line does not carry one. */
  | { kind: 'timeout'; requestId: string; seconds: number }
  /** `Runtime exited with error: …`, `Process exited before completing request`, platform.fault. */
  | { kind: 'runtimeExit'; requestId: string; oom: boolean; errorType: string }
  /** Python prints `XRAY TraceId: …` on the line after REPORT. */
  | { kind: 'xray'; traceId: string }
  /** EXTENSION / TELEMETRY lines, platform.extension, subscriptions, logsDropped, platform.end. */
  | { kind: 'housekeeping'; what: string; severity: 'info' | 'warn' }
  | {
      kind: 'app';
      requestId: string;
      /** Upper-case level as the runtime printed it (INFO, ERROR, …), '' when unknown. */
      level: string;
      message: string;
      /** Timestamp the line itself carries, epoch ms, or null. */
      timeMs: number | null;
      /**
       * The runtime's report of the invocation's unhandled error: Node's `Invoke Error` at ERROR
       * level, Python's `[ERROR] <Type>: …` with its Traceback, the error document of Go, Ruby and
       * others (platform-line.parser.ts). A function's own error logs are not.
       */
      invokeError: boolean;
    };

export type PlatformEventKind = PlatformEvent['kind'];

const INIT_TYPES: ReadonlySet<string> = new Set([
  'on-demand',
  'provisioned-concurrency',
  'snap-start',
]);

/** A Lambda `initializationType` as the model's InitType; '' for absent or unknown values. */
export function toInitType(value: unknown): InitType {
  return typeof value === 'string' && INIT_TYPES.has(value) ? (value as InitType) : '';
}
