import type { InvocationRecord, LogRow } from '@fleetscope/model';

/** Why a whole body or one item of it was refused; the HTTP layer counts rejects by this reason. */
export type IngestRejectReason =
  | 'invalid_json'
  | 'invalid_base64'
  | 'decompression_failed'
  | 'too_large'
  /** More lines (log rows to be) than one request may hold: MAX_LINES. */
  | 'too_many_lines'
  | 'invalid_shape'
  | 'invalid_event'
  /** Records that only the request can attribute to a function, and it does not. */
  | 'missing_identity';

/**
 * Function configuration seen in platform records, for the inventory. Every field but the identity
 * is optional: a REPORT line tells the memory size, `Task timed out after N seconds` the timeout,
 * INIT_START the runtime. Lambda platform records never name the architecture, so it stays unset
 * unless a caller learns it elsewhere.
 */
export interface FunctionConfigHint {
  functionId: string;
  /** Version the observation was made on ('' when unknown). */
  version: string;
  memorySizeMb?: number;
  timeoutMs?: number;
  /** Lambda runtime identifier (`nodejs20.x`), see runtimeFromRuntimeVersion(). */
  runtime?: string;
  /** The raw runtime version (`nodejs:20.v13`) as Lambda printed it. */
  runtimeVersion?: string;
  architecture?: string;
  /** Epoch ms of the record that carried the hint. */
  observedAtMs: number;
}

/** What every ingest entry point returns. It never throws on bad input. */
export interface IngestResult {
  invocations: InvocationRecord[];
  /**
   * Those of `invocations` timed by when they arrived, as no record said when they ran (text REPORT
   * lines without their CloudWatch event's timestamp): RequestStartTimes retimes them.
   */
  arrivalTimed?: InvocationRecord[];
  logs: LogRow[];
  configHints: FunctionConfigHint[];
  /** Items (events, records, log events) refused; the good ones around them are kept. */
  rejected: number;
  /** Human-readable reasons, at most MAX_ERROR_MESSAGES of them (rejected counts them all). */
  errors: string[];
  /** Rejected items counted by reason. */
  rejectedByReason: Partial<Record<IngestRejectReason, number>>;
  /** Set when the body as a whole was unusable: the HTTP layer answers 400 with `message`. */
  failure?: { reason: IngestRejectReason; message: string };
}

export const MAX_ERROR_MESSAGES = 20;

export function emptyIngestResult(): IngestResult {
  return {
    invocations: [],
    logs: [],
    configHints: [],
    rejected: 0,
    errors: [],
    rejectedByReason: {},
  };
}

/** Counts one rejected item and keeps its message while there is room. */
export function reject(result: IngestResult, reason: IngestRejectReason, message: string): void {
  result.rejected += 1;
  result.rejectedByReason[reason] = (result.rejectedByReason[reason] ?? 0) + 1;
  if (result.errors.length < MAX_ERROR_MESSAGES) result.errors.push(message);
}

/** Marks the whole body as unusable. */
export function failWith(
  result: IngestResult,
  reason: IngestRejectReason,
  message: string,
): IngestResult {
  reject(result, reason, message);
  result.failure = { reason, message };
  return result;
}

/** Appends `from` into `into` (in place) and returns `into`. */
export function mergeIngestResults(into: IngestResult, from: IngestResult): IngestResult {
  for (const r of from.invocations) into.invocations.push(r);
  for (const r of from.arrivalTimed ?? []) (into.arrivalTimed ??= []).push(r);
  for (const l of from.logs) into.logs.push(l);
  for (const h of from.configHints) into.configHints.push(h);
  into.rejected += from.rejected;
  for (const e of from.errors) {
    if (into.errors.length >= MAX_ERROR_MESSAGES) break;
    into.errors.push(e);
  }
  for (const [reason, n] of Object.entries(from.rejectedByReason) as [
    IngestRejectReason,
    number,
  ][]) {
    into.rejectedByReason[reason] = (into.rejectedByReason[reason] ?? 0) + n;
  }
  return into;
}
