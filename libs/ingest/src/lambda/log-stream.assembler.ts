import type {
  FunctionIdentity,
  InitType,
  InvocationRecord,
  InvocationSource,
  InvocationStatus,
  KeyHash,
  LogRow,
} from '@fleetscope/model';
import {
  classifyInit,
  functionId,
  hashKey,
  MAX_MEMORY_MB,
  MAX_STORED_DURATION_MS,
} from '@fleetscope/model';
import type { FunctionConfigHint, IngestResult } from '../common/ingest-result';
import { reject } from '../common/ingest-result';
import type { PlatformEvent } from './platform-event';
import { classifyLambdaLine } from './platform-line.parser';
import type { ReportLine } from './report-line.parser';
import { runtimeFromRuntimeVersion } from './runtime-version';
import { xrayToTraceId } from './xray-trace-id';

/** Which sandbox a stream of platform records comes from. */
export interface LambdaStreamContext {
  identity: FunctionIdentity;
  /** Version known up front (from the log stream name `[$LATEST]`/`[12]`), '' when unknown. */
  version: string;
  /** The sandbox: the log stream name, or the Telemetry API instance id. */
  instance: string;
  source: Extract<InvocationSource, 'lambda_log' | 'lambda_telemetry'>;
  /** LogRow.source: lambda_log, cloudwatch, firehose, lambda_telemetry. */
  logSource: string;
  /** Extra resource attributes for log rows (e.g. the log group). */
  resourceAttributes?: Record<string, string>;
}

export interface LambdaStreamOptions {
  /** Keep START/END/REPORT/INIT_* lines as log rows too (default false: they become records). */
  includePlatformLogs?: boolean;
  /**
   * An init that ended more than this long before its first invocation started was not on the
   * request's path: proactive initialisation (or provisioned concurrency seen through text logs,
   * which do not say `initializationType`). Default 1000 ms; on-demand inits are followed by
   * their invocation within milliseconds.
   */
  proactiveInitGapMs?: number;
}

const DEFAULT_PROACTIVE_GAP_MS = 1000;
/** Bounds the per-stream maps if START or timeout lines never meet their REPORT. */
const MAX_TRACKED_REQUESTS = 256;
/**
 * REPORTs remembered once emitted, for a timeout or exit line printed after its REPORT: it follows
 * within a line or two, and every stream of the pool keeps this many.
 */
const RECENT_REPORTS = 8;

const OUTCOME_RANK: Record<InvocationStatus, number> = {
  unknown: 0,
  success: 1,
  error: 2,
  timeout: 3,
  oom: 4,
};

interface Outcome {
  status: InvocationStatus;
  errorType: string;
}

interface StartSeen {
  timeMs: number;
  version: string;
  traceId: string;
}

interface InitSeen {
  timeMs: number;
  initType: InitType;
}

const SEVERITY: Record<string, number> = {
  TRACE: 1,
  DEBUG: 5,
  INFO: 9,
  WARN: 13,
  WARNING: 13,
  ERROR: 17,
  FATAL: 21,
  CRITICAL: 21,
};

function nanos(ms: number): string {
  return ms > 0 ? `${Math.round(ms)}000000` : '0';
}

/**
 * A request id as a key of `reported`: 31 bits of its hashKey(), a small integer V8 keeps unboxed.
 * Two ids of the RECENT_REPORTS a stream remembers share one with probability ~4e-9: a timeout
 * line would then be taken for one printed after its REPORT.
 */
function idHash(id: string): number {
  return hashKey([id], scratchHash).low >>> 1;
}
const scratchHash: KeyHash = { high: 0, low: 0 };

function refill<K, V>(map: Map<K, V>, entries: [K, V][]): void {
  map.clear();
  for (const [k, v] of entries) map.set(k, v);
}

function statusFromPlatform(status: string): InvocationStatus {
  switch (status) {
    case '':
    case 'success':
      return 'success';
    case 'timeout':
      return 'timeout';
    case 'error':
    case 'failure':
      return 'error';
    default:
      return 'unknown';
  }
}

/**
 * Turns the records of one Lambda log stream (one sandbox) into InvocationRecords: one REPORT
 * (or platform.report) is one invocation. Keep one assembler per stream alive across batches
 * (LambdaLogStreamAssemblerPool) so that state spanning deliveries — the INIT before a first
 * invocation, the sandbox reset after a timeout — is not lost.
 *
 * Rules (docs/decisions.md "Identity", "Cold starts", "Lambda platform records"):
 * - startTimeMs = REPORT time − Duration, rounded to the ms (Telemetry: platform.start time).
 * - Cold start: `Init Duration` present (on-demand) or `Restore Duration` (SnapStart, initType
 *   snap-start). `initializationType: provisioned-concurrency` (JSON/Telemetry only) is not a
 *   cold start. An init that finished more than proactiveInitGapMs before the invocation began
 *   was proactive (initType 'proactive', not a cold start): detectable only when the INIT_START
 *   / platform.initStart record of the same sandbox was seen.
 * - Timeout (`Task timed out…`, Status: timeout) → 'timeout'; OOM (`signal: killed`,
 *   Runtime.OutOfMemory, Max Memory Used ≥ Memory Size) → 'oom'; other runtime exits → 'error'.
 *   Each resets the sandbox: the next invocation of the stream is a cold start even without an
 *   Init Duration (initType 'on-demand', initDurationMs null: the re-init ran inside it).
 * - A REPORT is held until the next REPORT/INIT or drain(), because the timeout and OOM lines of
 *   old runtimes come after it.
 */
export class LambdaLogStreamAssembler {
  private readonly ctx: LambdaStreamContext;
  private readonly functionId: string;
  private readonly includePlatformLogs: boolean;
  private readonly proactiveGapMs: number;

  private version: string;
  private runtime = '';
  private runtimeVersion = '';
  private resourceAttributes: Readonly<Record<string, string>>;

  private pending: InvocationRecord | null = null;
  private currentRequestId = '';
  private readonly starts = new Map<string, StartSeen>();
  private readonly outcomes = new Map<string, Outcome>();
  /**
   * Requests whose REPORT was already emitted (perhaps in an earlier delivery), by idHash(): a
   * request id is a slice of its REPORT line, and kept as a key it would keep that line alive
   * into the old generation, for every invocation (BENCHMARKS.md, "Small deliveries: keys as hashes").
   */
  private readonly reported = new Map<number, true>();
  private initSeen: InitSeen | null = null;
  private initReport: { durationMs: number | null; phase: string } | null = null;
  /** An init report since the last REPORT said the init failed or timed out. */
  private initFailed = false;
  private restore: { timeMs: number; durationMs: number | null } | null = null;
  private resetPending = false;
  /** Start of the latest invocation made (0: none yet), for init records that come after it. */
  private lastStartMs = 0;

  private memorySizeMb: number | undefined;
  private timeoutMs: number | undefined;
  private lastHintKey = '';

  private invocations: InvocationRecord[] = [];
  /** Those of `invocations` timed by their arrival (IngestResult.arrivalTimed). */
  private arrivalTimed: InvocationRecord[] = [];
  private logs: LogRow[] = [];
  private hints: FunctionConfigHint[] = [];
  /** Reports refused since the last drain (drainInto() counts them in the result). */
  private refused: string[] = [];
  /** Last time a record arrived, for the pool's idle eviction. */
  lastSeenMs = 0;
  private pushed = 0;

  constructor(ctx: LambdaStreamContext, options: LambdaStreamOptions = {}) {
    this.ctx = ctx;
    this.functionId = functionId(ctx.identity);
    this.version = ctx.version;
    this.includePlatformLogs = options.includePlatformLogs ?? false;
    this.proactiveGapMs = options.proactiveInitGapMs ?? DEFAULT_PROACTIVE_GAP_MS;
    this.resourceAttributes = this.buildResourceAttributes();
  }

  get context(): LambdaStreamContext {
    return this.ctx;
  }

  /** One log message (text or JSON format) with its event timestamp (epoch ms). */
  pushMessage(message: string, timestampMs: number): void {
    const { event, lineTimeMs } = classifyLambdaLine(message);
    this.pushEvent(event, timestampMs, message, lineTimeMs);
  }

  /** One raw line (no event timestamp): its printed timestamp, else `fallbackMs`, its arrival. */
  pushRawLine(line: string, fallbackMs: number): void {
    const { event, lineTimeMs } = classifyLambdaLine(line);
    this.pushEvent(event, lineTimeMs ?? fallbackMs, line, lineTimeMs, lineTimeMs === null);
  }

  /**
   * One platform event. `body` is the original text for log rows (null: nothing to keep);
   * `lineTimeMs` the time printed in the line, if any; `byArrival` when `timeMs` is only when the
   * line arrived.
   */
  pushEvent(
    event: PlatformEvent,
    timeMs: number,
    body: string | null,
    lineTimeMs: number | null = null,
    byArrival = false,
  ): void {
    this.lastSeenMs = timeMs;
    this.pushed++;
    switch (event.kind) {
      case 'report':
        // A report without any duration is a mangled line, not an invocation: recording it would
        // make the intact copy of the same request (a retry, another source) look like a duplicate.
        if (event.report.durationMs === null && event.report.billedDurationMs === null) {
          this.log(body, timeMs, null, event.report.requestId, 'WARN');
          // Refused, not dropped in silence: the sender is told and the metrics count it.
          this.refused.push(
            `report of request ${event.report.requestId || '(no id)'} has no numeric duration or billed duration: not stored as an invocation`,
          );
          return;
        }
        {
          const implausible = implausibleField(event.report);
          if (implausible) {
            this.log(body, timeMs, null, event.report.requestId, 'WARN');
            this.refused.push(
              `report of request ${event.report.requestId || '(no id)'}: ${implausible}: not stored as an invocation`,
            );
            return;
          }
        }
        this.onReport(event.report, timeMs, byArrival);
        this.platformLog(body, timeMs, 'INFO');
        return;
      case 'start':
        this.flushPending();
        this.remember(this.starts, event.requestId, {
          timeMs,
          version: event.version,
          traceId: event.traceId,
        });
        if (event.version) this.setVersion(event.version);
        this.currentRequestId = event.requestId;
        this.platformLog(body, timeMs, 'INFO');
        return;
      case 'end':
        if (this.currentRequestId === event.requestId) this.currentRequestId = '';
        this.platformLog(body, timeMs, 'INFO');
        return;
      case 'initStart':
        // What it names of the sandbox holds for what comes next, however late it came.
        if (event.functionVersion) this.setVersion(event.functionVersion);
        if (event.runtimeVersion) this.setRuntime(event.runtimeVersion, timeMs);
        this.platformLog(body, timeMs, 'INFO');
        if (this.isPast(timeMs)) return;
        this.flushPending();
        this.initSeen = { timeMs, initType: event.initType };
        this.initReport = null;
        return;
      case 'initRuntimeDone':
        this.platformLog(
          body,
          timeMs,
          event.status && event.status !== 'success' ? 'ERROR' : 'INFO',
        );
        if (this.isPast(timeMs)) return;
        if (this.initSeen && event.initType) this.initSeen.initType = event.initType;
        if (event.status && event.status !== 'success') this.initFailed = true;
        return;
      case 'initReport':
        this.platformLog(
          body,
          timeMs,
          event.status && event.status !== 'success' ? 'ERROR' : 'INFO',
        );
        if (this.isPast(timeMs)) return;
        this.initReport = { durationMs: event.durationMs, phase: event.phase };
        if (this.initSeen && event.initType) this.initSeen.initType = event.initType;
        if (event.status && event.status !== 'success') this.initFailed = true;
        return;
      case 'restoreStart':
        if (event.runtimeVersion) this.setRuntime(event.runtimeVersion, timeMs);
        this.platformLog(body, timeMs, 'INFO');
        if (this.isPast(timeMs)) return;
        this.flushPending();
        this.restore = { timeMs, durationMs: null };
        return;
      case 'restoreReport':
        this.platformLog(
          body,
          timeMs,
          event.status && event.status !== 'success' ? 'ERROR' : 'INFO',
        );
        if (this.isPast(timeMs)) return;
        this.restore = { timeMs: this.restore?.timeMs ?? timeMs, durationMs: event.durationMs };
        return;
      case 'runtimeDone': {
        const status = statusFromPlatform(event.status);
        if (status !== 'success') {
          const oom = event.errorType.includes('OutOfMemory');
          this.applyOutcome(event.requestId, {
            status: oom ? 'oom' : status,
            errorType: event.errorType,
          });
        }
        this.platformLog(body, timeMs, status === 'success' ? 'INFO' : 'ERROR');
        return;
      }
      case 'timeout':
        if (Number.isFinite(event.seconds)) this.noteTimeout(event.seconds * 1000, timeMs);
        this.applyOutcome(event.requestId, { status: 'timeout', errorType: 'Sandbox.Timedout' });
        this.errorLog(body, timeMs, lineTimeMs, event.requestId);
        return;
      case 'runtimeExit':
        this.applyOutcome(event.requestId, {
          status: event.oom ? 'oom' : 'error',
          errorType: event.errorType,
        });
        this.errorLog(body, timeMs, lineTimeMs, event.requestId);
        return;
      case 'xray':
        if (this.pending && !this.pending.traceId)
          this.pending.traceId = xrayToTraceId(event.traceId);
        this.platformLog(body, timeMs, 'INFO');
        return;
      case 'housekeeping':
        if (event.severity === 'warn') this.log(body, timeMs, null, '', 'WARN');
        else this.platformLog(body, timeMs, 'INFO');
        return;
      case 'app': {
        const requestId = event.requestId || this.currentRequestId;
        // Without a request (an init error, a line after the REPORT) it is no invocation's error:
        // applyOutcome would give it to the REPORT held.
        if (event.invokeError && requestId)
          this.applyOutcome(requestId, { status: 'error', errorType: '' });
        this.log(event.message, timeMs, event.timeMs ?? lineTimeMs, requestId, event.level);
        return;
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  }

  /** Counts the events pushed: a pool's undo leaves a stream alone that moved on since. */
  get revision(): number {
    return this.pushed;
  }

  /**
   * Keeps the per-sandbox state as it is now and returns what puts it back: a delivery that was
   * not stored will come again, and its second parse must find what its first one used up (the
   * reset after a timeout, an INIT). Take it between deliveries, when nothing is held.
   */
  saveState(): () => void {
    const saved = {
      version: this.version,
      runtime: this.runtime,
      runtimeVersion: this.runtimeVersion,
      resourceAttributes: this.resourceAttributes,
      currentRequestId: this.currentRequestId,
      starts: [...this.starts],
      outcomes: [...this.outcomes],
      reported: [...this.reported],
      initSeen: this.initSeen ? { ...this.initSeen } : null,
      initReport: this.initReport ? { ...this.initReport } : null,
      initFailed: this.initFailed,
      restore: this.restore ? { ...this.restore } : null,
      resetPending: this.resetPending,
      lastStartMs: this.lastStartMs,
      memorySizeMb: this.memorySizeMb,
      timeoutMs: this.timeoutMs,
      lastHintKey: this.lastHintKey,
      lastSeenMs: this.lastSeenMs,
    };
    return () => {
      this.version = saved.version;
      this.runtime = saved.runtime;
      this.runtimeVersion = saved.runtimeVersion;
      this.resourceAttributes = saved.resourceAttributes;
      this.currentRequestId = saved.currentRequestId;
      refill(this.starts, saved.starts);
      refill(this.outcomes, saved.outcomes);
      refill(this.reported, saved.reported);
      this.initSeen = saved.initSeen ? { ...saved.initSeen } : null;
      this.initReport = saved.initReport ? { ...saved.initReport } : null;
      this.initFailed = saved.initFailed;
      this.restore = saved.restore ? { ...saved.restore } : null;
      this.resetPending = saved.resetPending;
      this.lastStartMs = saved.lastStartMs;
      this.memorySizeMb = saved.memorySizeMb;
      this.timeoutMs = saved.timeoutMs;
      this.lastHintKey = saved.lastHintKey;
      this.lastSeenMs = saved.lastSeenMs;
      this.pushed++;
    };
  }

  /** Emits the held REPORT and moves everything produced so far into `into`. */
  drainInto(into: IngestResult): void {
    this.flushPending();
    for (const r of this.invocations) into.invocations.push(r);
    for (const r of this.arrivalTimed) (into.arrivalTimed ??= []).push(r);
    for (const l of this.logs) into.logs.push(l);
    for (const h of this.hints) into.configHints.push(h);
    for (const message of this.refused) reject(into, 'invalid_event', message);
    this.invocations = [];
    this.arrivalTimed = [];
    this.logs = [];
    this.hints = [];
    this.refused = [];
  }

  private onReport(r: ReportLine, timeMs: number, byArrival: boolean): void {
    this.flushPending();
    const start = this.starts.get(r.requestId);
    if (start) this.starts.delete(r.requestId);
    this.remember(this.reported, idHash(r.requestId), true, RECENT_REPORTS);
    if (this.currentRequestId === r.requestId) this.currentRequestId = '';

    const duration = r.durationMs;
    let startTimeMs: number;
    if (this.ctx.source === 'lambda_telemetry' && start) startTimeMs = start.timeMs;
    else if (duration !== null) startTimeMs = Math.round(timeMs - duration);
    else startTimeMs = Math.round(start?.timeMs ?? timeMs);

    // Outcome: the REPORT's own Status/Error Type, then what earlier lines said.
    let status = statusFromPlatform(r.status);
    let errorType = r.errorType;
    if (errorType.includes('OutOfMemory')) status = 'oom';
    if (
      r.memorySizeMb !== null &&
      r.maxMemoryUsedMb !== null &&
      r.maxMemoryUsedMb >= r.memorySizeMb
    ) {
      status = 'oom';
      if (!errorType) errorType = 'Runtime.OutOfMemory';
    }
    const early = this.outcomes.get(r.requestId);
    if (early) {
      this.outcomes.delete(r.requestId);
      if (OUTCOME_RANK[early.status] > OUTCOME_RANK[status]) {
        status = early.status;
        if (early.errorType) errorType = early.errorType;
      }
    }

    // Cold start: the one rule of every platform (classifyInit in libs/model).
    let restoreDurationMs = r.restoreDurationMs;
    if (restoreDurationMs === null && this.restore) restoreDurationMs = this.restore.durationMs;
    const { coldStart, initType, initDurationMs } = classifyInit({
      platform: 'aws_lambda',
      restoreDurationMs,
      restoreStarted: this.restore !== null && this.restore.durationMs === null,
      initStart: this.initSeen,
      initDurationMs: r.initDurationMs,
      initReport: this.initReport,
      initFailed: this.initFailed,
      invocationStartMs: start?.timeMs ?? startTimeMs,
      proactiveGapMs: this.proactiveGapMs,
      sandboxReset: this.resetPending,
    });
    this.initSeen = null;
    this.initReport = null;
    this.initFailed = false;
    this.restore = null;
    this.resetPending = false;
    this.lastStartMs = Math.max(this.lastStartMs, startTimeMs);

    const version = start?.version || this.version;
    const traceId = r.traceId ? xrayToTraceId(r.traceId) : (start?.traceId ?? '');
    const { identity } = this.ctx;
    this.pending = {
      source: this.ctx.source,
      functionId: this.functionId,
      platform: identity.platform,
      account: identity.account,
      region: identity.region,
      name: identity.name,
      version,
      requestId: r.requestId,
      startTimeMs,
      durationMs: duration,
      billedDurationMs: r.billedDurationMs,
      initDurationMs,
      restoreDurationMs,
      billedRestoreDurationMs: r.billedRestoreDurationMs,
      memorySizeMb: r.memorySizeMb,
      maxMemoryUsedMb: r.maxMemoryUsedMb,
      coldStart,
      initType,
      status,
      errorType,
      trigger: '',
      instance: this.ctx.instance,
      traceId,
      runtime: this.runtime,
      architecture: '',
    };
    if (byArrival) this.arrivalTimed.push(this.pending);
    if (
      status === 'timeout' ||
      status === 'oom' ||
      (status === 'error' && errorType.startsWith('Runtime.'))
    ) {
      this.resetPending = true;
    }
    if (status === 'timeout' && duration !== null) this.noteTimeout(duration, timeMs);
    if (r.memorySizeMb !== null && r.memorySizeMb !== this.memorySizeMb) {
      this.memorySizeMb = r.memorySizeMb;
      this.emitHint(timeMs);
    }
  }

  /** Applies a timeout/OOM/error to the held REPORT, or keeps it for the REPORT to come. */
  private applyOutcome(requestId: string, outcome: Outcome): void {
    const p = this.pending;
    if (p && (requestId === '' || requestId === p.requestId)) {
      if (OUTCOME_RANK[outcome.status] > OUTCOME_RANK[p.status]) {
        p.status = outcome.status;
        if (outcome.errorType) p.errorType = outcome.errorType;
      }
      if (outcome.status !== 'error' || outcome.errorType.startsWith('Runtime.'))
        this.resetPending = true;
      return;
    }
    const id = requestId || this.currentRequestId;
    if (id && this.reported.has(idHash(id))) {
      // Its REPORT went out earlier (old runtimes print `Task timed out` after it, and a delivery
      // can end between the two): too late to mark it, but the sandbox was still reset.
      if (outcome.status !== 'error' || outcome.errorType.startsWith('Runtime.'))
        this.resetPending = true;
    } else if (id) {
      const prev = this.outcomes.get(id);
      if (!prev || OUTCOME_RANK[outcome.status] > OUTCOME_RANK[prev.status]) {
        this.remember(this.outcomes, id, outcome);
      }
    } else if (outcome.status !== 'error') {
      // Nothing to attach it to (its REPORT went out in an earlier delivery): the sandbox was
      // still reset.
      this.resetPending = true;
    }
  }

  /**
   * An init or restore record older than an invocation already made: its batch came after the
   * invocations' (batches of a sandbox can arrive out of order, SandboxInitGate). It preceded
   * those, not the next: taken for the next, it would make a warm invocation a proactive init or
   * a restore.
   */
  private isPast(timeMs: number): boolean {
    return timeMs < this.lastStartMs;
  }

  private noteTimeout(elapsedMs: number, timeMs: number): void {
    // Timeouts are configured in whole seconds; the elapsed time overshoots by a few ms.
    const timeoutMs = Math.round(elapsedMs / 1000) * 1000;
    if (timeoutMs > 0 && timeoutMs !== this.timeoutMs) {
      this.timeoutMs = timeoutMs;
      this.emitHint(timeMs);
    }
  }

  private setRuntime(runtimeVersion: string, timeMs: number): void {
    if (runtimeVersion === this.runtimeVersion) return;
    this.runtimeVersion = runtimeVersion;
    this.runtime = runtimeFromRuntimeVersion(runtimeVersion);
    this.emitHint(timeMs);
  }

  private setVersion(version: string): void {
    if (version === this.version) return;
    this.version = version;
    this.resourceAttributes = this.buildResourceAttributes();
  }

  private emitHint(timeMs: number): void {
    const key = `${this.version}|${this.memorySizeMb}|${this.timeoutMs}|${this.runtimeVersion}`;
    if (key === this.lastHintKey) return;
    this.lastHintKey = key;
    const hint: FunctionConfigHint = {
      functionId: this.functionId,
      version: this.version,
      observedAtMs: Math.round(timeMs),
    };
    if (this.memorySizeMb !== undefined) hint.memorySizeMb = this.memorySizeMb;
    if (this.timeoutMs !== undefined) hint.timeoutMs = this.timeoutMs;
    if (this.runtime) {
      hint.runtime = this.runtime;
      hint.runtimeVersion = this.runtimeVersion;
    }
    this.hints.push(hint);
  }

  private flushPending(): void {
    if (this.pending) {
      this.invocations.push(this.pending);
      this.pending = null;
    }
  }

  private remember<K, V>(map: Map<K, V>, key: K, value: V, max = MAX_TRACKED_REQUESTS): void {
    if (map.size >= max) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, value);
  }

  private platformLog(body: string | null, timeMs: number, level: string): void {
    if (this.includePlatformLogs || level === 'ERROR') this.log(body, timeMs, null, '', level);
  }

  private errorLog(
    body: string | null,
    timeMs: number,
    lineTimeMs: number | null,
    requestId: string,
  ): void {
    this.log(
      body,
      timeMs,
      lineTimeMs,
      requestId || this.pending?.requestId || this.currentRequestId,
      'ERROR',
    );
  }

  private log(
    body: string | null,
    observedMs: number,
    lineTimeMs: number | null,
    requestId: string,
    level: string,
  ): void {
    if (body === null) return;
    let end = body.length;
    while (end > 0 && (body.charCodeAt(end - 1) === 10 || body.charCodeAt(end - 1) === 13)) end--;
    this.logs.push({
      timeUnixNano: nanos(lineTimeMs ?? observedMs),
      observedTimeUnixNano: nanos(observedMs),
      traceId: '',
      spanId: '',
      severityText: level,
      severityNumber: SEVERITY[level] ?? 0,
      serviceName: this.ctx.identity.name,
      functionId: this.functionId,
      requestId,
      source: this.ctx.logSource,
      body: end === body.length ? body : body.slice(0, end),
      resourceAttributes: this.resourceAttributes,
      logAttributes: {},
    });
  }

  private buildResourceAttributes(): Readonly<Record<string, string>> {
    const { identity } = this.ctx;
    const attrs: Record<string, string> = {
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'faas.name': identity.name,
    };
    if (identity.account) attrs['cloud.account.id'] = identity.account;
    if (identity.region) attrs['cloud.region'] = identity.region;
    if (this.version) attrs['faas.version'] = this.version;
    if (this.ctx.instance) attrs['faas.instance'] = this.ctx.instance;
    if (this.ctx.resourceAttributes) Object.assign(attrs, this.ctx.resourceAttributes);
    // Shared by every row of the stream: rows are serialised, never mutated.
    return Object.freeze(attrs);
  }
}

/**
 * No function runs a day (Lambda stops at 15 minutes): a longer duration is a broken record, and
 * the start time worked back from it would be refused for a reason the sender cannot act on.
 */
const MAX_PLAUSIBLE_MS = 86_400_000;

/** A report's numbers as the REPORT line labels them, each with the most it may hold. */
const REPORT_NUMBERS: readonly [keyof ReportLine, string, string, number][] = [
  ['durationMs', 'Duration', 'ms', MAX_STORED_DURATION_MS],
  ['billedDurationMs', 'Billed Duration', 'ms', MAX_PLAUSIBLE_MS],
  ['initDurationMs', 'Init Duration', 'ms', MAX_STORED_DURATION_MS],
  ['restoreDurationMs', 'Restore Duration', 'ms', MAX_STORED_DURATION_MS],
  ['billedRestoreDurationMs', 'Billed Restore Duration', 'ms', MAX_PLAUSIBLE_MS],
  ['memorySizeMb', 'Memory Size', 'MB', MAX_MEMORY_MB],
  ['maxMemoryUsedMb', 'Max Memory Used', 'MB', MAX_MEMORY_MB],
];

/**
 * The first number of a report no invocation can have, said with its label: not a number (NaN,
 * as parseReportLine reads `1e308`), negative, or above its bound (a day for billed durations;
 * MAX_STORED_DURATION_MS for durations, INIT and restores; MAX_MEMORY_MB). Such a
 * report is a broken record: stored, its memory size would be wrapped or clamped into one it did
 * not say, and its inventory hint with it. Null when every number it has is plausible.
 */
function implausibleField(report: ReportLine): string | null {
  for (const [field, label, unit, max] of REPORT_NUMBERS) {
    const value = report[field] as number | null;
    if (value === null) continue;
    if (Number.isNaN(value)) return `${label} is not a number`;
    if (value < 0) return `${label} ${value} ${unit} is negative`;
    if (value > max) {
      if (max === MAX_PLAUSIBLE_MS) return `${label} ${value} ms is more than a day`;
      return `${label} ${value} ${unit} is more than ${max.toLocaleString('en-US')} ${unit}, the most Fleetscope stores`;
    }
  }
  return null;
}
