import {
  EARLIEST_STORED_MS,
  LATEST_STORABLE_MS,
  MAX_FUNCTION_ID_LENGTH,
  MAX_STORED_DURATION_MS,
  rejectionSummary,
  type FunctionMinuteRow,
  type InvocationRecord,
  type LogRow,
  type MetricPointRow,
  type SpanRow,
} from '@fleetscope/model';
import type { IngestBatch } from '../writer/ingest-writer';

/*
 * The one check every ingest path's rows pass before the writer (migrations/0001_initial.sql has
 * the column types). A value a column cannot hold fails the whole insert, every other request of
 * the flush with it ("Decimal math overflow" for a DateTime64(9) beyond 2262), or is silently
 * wrapped (a DateTime minute beyond 2106, a UInt32 beyond 2^32). Such rows are refused here, one by
 * one, with a reason the sender is told; the rest of the request is stored.
 */

/** DateTime64(9) holds Int64 nanoseconds: up to 2262-04-11T23:47:16.854775807Z. */
const MAX_NANOS = '9223372036854775807';
/** UInt32 millisecond columns (billed durations). */
const MAX_UINT32 = 4294967295;
/** Doubles below 2^64 are written as integers that fit a UInt64 column. */
const UINT64_LIMIT = 2 ** 64;
const MAX_MESSAGES = 20;

export type RejectedRowReason =
  | 'time_in_future'
  | 'time_before_retention'
  | 'time_out_of_range'
  | 'value_out_of_range'
  | 'function_id_too_long';

/** Times accepted for ingest: [minMs, maxMs] in epoch milliseconds. */
export interface IngestTimeWindow {
  minMs: number;
  maxMs: number;
  /** How the bounds were set, for the messages (e.g. "FLEETSCOPE_RETENTION_DAYS=30"). */
  minReason: string;
  maxReason: string;
}

export interface IngestWindowSettings {
  /** How far ahead of now a time may be. */
  maxFutureHours: number;
  /** Raw retention in days; 0 keeps data forever. */
  retentionDays: number;
  /** Names of the settings, for messages. */
  futureSetting: string;
  retentionSetting: string;
}

/**
 * Why a time before 2000 is refused, whatever the retention: such a time is a unit error far more
 * often than old data (a time in milliseconds sent as nanoseconds reads as 1970-01-21), which the
 * retention message ("would expire at once") hid.
 */
const BEFORE_2000 =
  'before 2000-01-01: a unit error (milliseconds or seconds sent as nanoseconds?)';

/** The window of acceptable times at `nowMs`. */
export function ingestTimeWindow(nowMs: number, s: IngestWindowSettings): IngestTimeWindow {
  const retentionStart = s.retentionDays > 0 ? nowMs - s.retentionDays * 86_400_000 : 0;
  const minMs = Math.max(EARLIEST_STORED_MS, retentionStart);
  const maxMs = Math.min(LATEST_STORABLE_MS, nowMs + s.maxFutureHours * 3_600_000);
  return {
    minMs,
    maxMs,
    minReason:
      retentionStart > EARLIEST_STORED_MS
        ? `older than the retention window (${s.retentionSetting}=${s.retentionDays} days): it would expire at once`
        : BEFORE_2000,
    maxReason:
      maxMs === LATEST_STORABLE_MS
        ? 'beyond 2106-02-07, the last storable time'
        : `more than ${s.maxFutureHours} h ahead of now (${s.futureSetting})`,
  };
}

export type BatchPart = 'spans' | 'invocations' | 'logs' | 'metricPoints' | 'functionMinutes';

export const BATCH_PARTS: readonly BatchPart[] = [
  'spans',
  'invocations',
  'logs',
  'metricPoints',
  'functionMinutes',
];

/**
 * What the screen refused. `byPart` counts every refused row; `total`, `byReason` and `errors`
 * only the rows that are the request's items (a span, not the invocation made from it).
 */
export interface RejectedRows {
  total: number;
  byPart: Record<BatchPart, number>;
  byReason: Partial<Record<RejectedRowReason, number>>;
  errors: string[];
}

export interface ScreenedBatch {
  /** The rows that can be stored (the input batch itself when nothing was refused). */
  batch: IngestBatch;
  rejected: RejectedRows;
  /** Rows were sent and none is left. */
  nothingLeft: boolean;
}

type Problem = { reason: RejectedRowReason; message: string } | undefined;

/** Epoch ms of a decimal nanosecond string; NaN when it is not one. */
function nanosToMs(nanos: string): number {
  if (!/^\d{1,20}$/.test(nanos)) return NaN;
  return nanos.length <= 6 ? 0 : Number(nanos.slice(0, -6));
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'invalid';
}

function checkMs(what: string, ms: number, w: IngestTimeWindow, raw?: string): Problem {
  // Fast path first: every stored row passes here, and formatting its time cost more than the check.
  if (ms <= w.maxMs && ms >= w.minMs) return undefined;
  const shown = raw === undefined ? iso(ms) : `${raw} (${iso(ms)})`;
  if (!Number.isFinite(ms)) {
    return { reason: 'time_out_of_range', message: `${what} ${shown} is not a time` };
  }
  if (ms > w.maxMs) {
    return {
      reason: w.maxMs >= LATEST_STORABLE_MS ? 'time_out_of_range' : 'time_in_future',
      message: `${what} ${shown} is ${w.maxReason}`,
    };
  }
  if (ms < EARLIEST_STORED_MS) {
    return { reason: 'time_out_of_range', message: `${what} ${shown} is ${BEFORE_2000}` };
  }
  return { reason: 'time_before_retention', message: `${what} ${shown} is ${w.minReason}` };
}

function checkNanos(what: string, nanos: string, w: IngestTimeWindow): Problem {
  return checkMs(what, nanosToMs(nanos), w, nanos);
}

/** A secondary time (event, observed, start of a metric interval): '0' or any storable value. */
function checkStorableNanos(what: string, nanos: string): Problem {
  if (nanos === '0' || nanos === '') return undefined;
  const ok = /^\d{1,19}$/.test(nanos) && (nanos.length < 19 || nanos <= MAX_NANOS);
  return ok
    ? undefined
    : { reason: 'time_out_of_range', message: `${what} ${nanos} cannot be stored (after 2262)` };
}

function checkNumber(what: string, v: number | null, max: number): Problem {
  if (v === null) return undefined;
  if (Number.isFinite(v) && v >= 0 && v <= max) return undefined;
  return { reason: 'value_out_of_range', message: `${what} ${v} is outside 0…${max}` };
}

function checkCount(what: string, v: number): Problem {
  if (Number.isFinite(v) && v >= 0 && v < UINT64_LIMIT) return undefined;
  return { reason: 'value_out_of_range', message: `${what} ${v} is not a count (0 to 2^64)` };
}

function checkFinite(what: string, v: number | null): Problem {
  if (v === null || Number.isFinite(v)) return undefined;
  return { reason: 'value_out_of_range', message: `${what} ${v} is not a finite number` };
}

/**
 * Bucket counts go to UInt64 arrays and maps as they are (scalar counts are rounded on the way), and
 * ClickHouse refuses a fraction there, failing the whole insert: each must be a whole count.
 */
function checkBuckets(what: string, buckets: Record<number, number> | number[]): Problem {
  for (const [key, count] of Object.entries(buckets)) {
    const p =
      checkCount(`${what}[${key}]`, count) ??
      (Number.isInteger(count)
        ? undefined
        : {
            reason: 'value_out_of_range' as const,
            message: `${what}[${key}] ${count} is not a whole count`,
          });
    if (p) return p;
  }
  return undefined;
}

/** An id the API could not serve (MAX_FUNCTION_ID_LENGTH) would make data nobody can query. */
function checkFunctionId(functionId: string): Problem {
  if (functionId.length <= MAX_FUNCTION_ID_LENGTH) return undefined;
  return {
    reason: 'function_id_too_long',
    message: `function id ${functionId.slice(0, 60)}… is ${functionId.length} characters, more than ${MAX_FUNCTION_ID_LENGTH}`,
  };
}

function spanProblem(s: SpanRow, w: IngestTimeWindow): Problem {
  const what = `span ${s.traceId}/${s.spanId}`;
  const start = nanosToMs(s.timeUnixNano);
  const p =
    checkMs(`${what}: startTimeUnixNano`, start, w, s.timeUnixNano) ??
    checkFunctionId(s.functionId);
  if (p) return p;
  const duration = Number(s.durationNano);
  if (!Number.isFinite(duration) || duration < 0) {
    return { reason: 'value_out_of_range', message: `${what}: duration ${s.durationNano}` };
  }
  const end = start + duration / 1e6;
  if (end > w.maxMs) return checkMs(`${what}: endTimeUnixNano`, end, w);
  for (const e of s.events) {
    const ep = checkStorableNanos(`${what}: event time`, e.timeUnixNano);
    if (ep) return ep;
  }
  return undefined;
}

function invocationProblem(r: InvocationRecord, w: IngestTimeWindow): Problem {
  const what = `invocation ${r.requestId}`;
  return (
    checkMs(`${what}: start`, r.startTimeMs, w) ??
    checkFunctionId(r.functionId) ??
    checkFinite(`${what}: durationMs`, r.durationMs) ??
    checkNumber(`${what}: billedDurationMs`, r.billedDurationMs, MAX_UINT32) ??
    checkNumber(`${what}: initDurationMs`, r.initDurationMs, MAX_STORED_DURATION_MS) ??
    checkNumber(`${what}: restoreDurationMs`, r.restoreDurationMs, MAX_STORED_DURATION_MS) ??
    checkNumber(`${what}: billedRestoreDurationMs`, r.billedRestoreDurationMs, MAX_UINT32) ??
    checkFinite(`${what}: memorySizeMb`, r.memorySizeMb) ??
    checkFinite(`${what}: maxMemoryUsedMb`, r.maxMemoryUsedMb)
  );
}

function logProblem(l: LogRow, w: IngestTimeWindow): Problem {
  return (
    checkNanos('log record: timeUnixNano', l.timeUnixNano, w) ??
    checkFunctionId(l.functionId) ??
    checkStorableNanos('log record: observedTimeUnixNano', l.observedTimeUnixNano)
  );
}

function pointProblem(m: MetricPointRow, w: IngestTimeWindow): Problem {
  const what = `data point of ${m.metricName}`;
  return (
    checkNanos(`${what}: timeUnixNano`, m.timeUnixNano, w) ??
    checkFunctionId(m.functionId) ??
    checkStorableNanos(`${what}: startTimeUnixNano`, m.startTimeUnixNano) ??
    checkCount(`${what}: count`, m.count) ??
    checkBuckets(`${what}: bucketCounts`, m.bucketCounts)
  );
}

function minuteProblem(m: FunctionMinuteRow, w: IngestTimeWindow): Problem {
  const what = `minute of ${m.functionId}`;
  return (
    checkMs(`${what}: minute`, m.minuteMs, w) ??
    checkFunctionId(m.functionId) ??
    checkCount(`${what}: invocations`, m.invocations) ??
    checkCount(`${what}: errors`, m.errors) ??
    checkCount(`${what}: timeouts`, m.timeouts) ??
    checkCount(`${what}: coldStarts`, m.coldStarts) ??
    checkFinite(`${what}: memorySizeMb`, m.memorySizeMb) ??
    checkFinite(`${what}: maxMemoryUsedMb`, m.maxMemoryUsedMb) ??
    checkBuckets(`${what}: durationBuckets`, m.durationBuckets) ??
    checkBuckets(`${what}: initBuckets`, m.initBuckets)
  );
}

/** Nothing refused yet. */
function noRejectedRows(): RejectedRows {
  return {
    total: 0,
    byPart: { spans: 0, invocations: 0, logs: 0, metricPoints: 0, functionMinutes: 0 },
    byReason: {},
    errors: [],
  };
}

/** The refusals of several screenBatch() calls (the parts of one request), as one. */
export function mergeRejectedRows(all: readonly RejectedRows[]): RejectedRows {
  const merged = noRejectedRows();
  for (const rejected of all) {
    merged.total += rejected.total;
    for (const part of BATCH_PARTS) merged.byPart[part] += rejected.byPart[part];
    for (const [reason, count] of Object.entries(rejected.byReason) as [
      keyof RejectedRows['byReason'],
      number,
    ][]) {
      merged.byReason[reason] = (merged.byReason[reason] ?? 0) + count;
    }
    merged.errors.push(...rejected.errors);
  }
  return merged;
}

/**
 * Splits a batch into the rows the tables can hold and those they cannot, each refused row counted
 * by reason. Never throws. Request keys are kept as they are.
 */
export function screenBatch(
  batch: IngestBatch,
  window: IngestTimeWindow,
  itemParts: readonly BatchPart[] = BATCH_PARTS,
): ScreenedBatch {
  const rejected = noRejectedRows();
  let sent = 0;
  let refused = 0;
  const keep = <T>(
    part: BatchPart,
    rows: T[] | undefined,
    problemOf: (row: T, w: IngestTimeWindow) => Problem,
  ): T[] | undefined => {
    if (rows === undefined) return undefined;
    sent += rows.length;
    let kept: T[] | undefined;
    for (let i = 0; i < rows.length; i++) {
      const problem = problemOf(rows[i], window);
      if (problem === undefined) {
        kept?.push(rows[i]);
        continue;
      }
      // Copy lazily: the common batch has nothing refused and is passed on as it is.
      kept ??= rows.slice(0, i);
      refused++;
      rejected.byPart[part]++;
      if (!itemParts.includes(part)) continue;
      rejected.total++;
      rejected.byReason[problem.reason] = (rejected.byReason[problem.reason] ?? 0) + 1;
      if (rejected.errors.length < MAX_MESSAGES) rejected.errors.push(problem.message);
    }
    return kept ?? rows;
  };
  const screened: IngestBatch = {
    spans: keep('spans', batch.spans, spanProblem),
    invocations: keep('invocations', batch.invocations, invocationProblem),
    logs: keep('logs', batch.logs, logProblem),
    metricPoints: keep('metricPoints', batch.metricPoints, pointProblem),
    functionMinutes: keep('functionMinutes', batch.functionMinutes, minuteProblem),
    requestKeys: batch.requestKeys,
    hints: batch.hints,
  };
  return {
    batch: refused === 0 ? batch : screened,
    rejected,
    nothingLeft: sent > 0 && refused === sent,
  };
}

/** One line for partial_success.error_message or a 400 answer. */
export function describeRejectedRows(rejected: RejectedRows): string {
  return rejectionSummary(rejected.total, rejected.byReason, rejected.errors[0]);
}
