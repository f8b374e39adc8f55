import { WindowSets, type FlushWindow } from './flush-journal';
import type { IngestBatch } from './ingest-writer';
import { KeyHashSet } from './key-hash-set';
import { LineBuffer } from './line-buffer';
import { hashKey, type InvocationRecord, type KeyHash } from '@fleetscope/model';
import {
  FUNCTION_MINUTES,
  INVOCATIONS,
  LOGS,
  METRIC_POINTS,
  SPANS,
  putRows,
  type TableEncoder,
} from './row-columns';

/** The tables a batch's rows go to, in the order their inserts are issued. */
export const ROW_TABLES = [INVOCATIONS, SPANS, LOGS, METRIC_POINTS, FUNCTION_MINUTES] as const;

export type RowTable = (typeof ROW_TABLES)[number]['table'];

const PART: Record<RowTable, keyof IngestBatch> = {
  invocations: 'invocations',
  spans: 'spans',
  logs: 'logs',
  metric_points: 'metricPoints',
  function_minutes: 'functionMinutes',
};

/**
 * One table's rows of a batch as the body of a JSONCompactEachRow insert: each row's JSON and a
 * newline (putRows), in bytes outside the V8 heap.
 */
export interface EncodedRows {
  bytes: Buffer;
  /** Offset just past each row's newline. */
  ends: Uint32Array;
}

/**
 * A batch as the writer holds it until stored: every row encoded once, when it is accepted. The
 * same bytes make the ingest log's line (putLogLine()) and the insert's body, so a drain neither
 * parses nor serialises what it stores, and the decoded rows are garbage as soon as the request
 * is answered instead of living in the old generation until their drain.
 */
export interface EncodedBatch {
  tables: Partial<Record<RowTable, EncodedRows>>;
  /**
   * Each invocation's key as its hash (invocationHash()), in row order, two numbers a row (the
   * high and low halves): retried ones are dropped by key.
   */
  invocationHashes: number[];
  /** What its invocations feed, and what its minute rows feed (undefined when none). */
  invocationWindow?: FlushWindow;
  minuteWindow?: FlushWindow;
  requestKeys: { key: string; source: string }[];
  rows: number;
  /**
   * Its name in the ingest log, unique across restarts (a start's random prefix and the batch's
   * sequence number): the attempts that store it name it (putAttemptLine()). None without the log
   * and in lines of an earlier version.
   */
  id?: string;
}

/** Rows of a batch's largest table (a request key is a row of ingest_requests). */
export function tallestTable(batch: EncodedBatch): number {
  let tallest = batch.requestKeys.length;
  for (const rows of Object.values(batch.tables)) {
    if (rows) tallest = Math.max(tallest, rows.ends.length);
  }
  return tallest;
}

/** The key by which a retried invocation is recognised (function, source and request id), hashed. */
export function invocationHash(
  functionId: string,
  source: string,
  requestId: string,
  into?: KeyHash,
): KeyHash {
  return hashKey([functionId, source, requestId], into);
}

/**
 * `rows` without the repeats of an invocation among them (invocationHash()'s key), the first of
 * each kept; `rows` itself when none repeats. The writer stores each key once: a route that
 * answers with what it stored takes these (a CloudWatch delivery holding one REPORT twice was
 * answered 4 invocations for 3 stored).
 */
export function firstOfEachInvocation<T extends InvocationRecord>(rows: T[]): T[] {
  if (rows.length < 2) return rows;
  // The writer's own set of the keys' 64-bit hashes (its drains' `fresh`).
  const seen = new KeyHashSet(rows.length);
  let kept: T[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const { functionId, source, requestId } = rows[i];
    if (seen.add(invocationHash(functionId, source, requestId, scratchHash))) {
      kept?.push(rows[i]);
      continue;
    }
    // Copied only when a row repeats: the common request has none and is passed on as it is.
    kept ??= rows.slice(0, i);
  }
  return kept ?? rows;
}

/** Appends an invocation's hash to a batch's invocationHashes. */
function pushHash(hashes: number[], functionId: string, source: string, requestId: string): void {
  const hash = invocationHash(functionId, source, requestId, scratchHash);
  hashes.push(hash.high, hash.low);
}
const scratchHash: KeyHash = { high: 0, low: 0 };

const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;

/** Encodes a decoded batch (the rows a route accepted). Throws on a value JSON cannot hold. */
export function encodeBatch(batch: IngestBatch, scratch: LineBuffer): EncodedBatch {
  const hashes: number[] = [];
  const invocationWindow = new WindowSets();
  for (const inv of batch.invocations ?? []) {
    pushHash(hashes, inv.functionId, inv.source, inv.requestId);
    // The hour of the stored (rounded) start time, as the aggregate's views see it.
    invocationWindow.addRow(inv.functionId, Math.round(inv.startTimeMs), inv.source);
  }
  const minuteWindow = new WindowSets();
  for (const m of batch.functionMinutes ?? []) minuteWindow.addRow(m.functionId, m.minuteMs);
  const encoded: EncodedBatch = {
    tables: {},
    invocationHashes: hashes,
    invocationWindow: invocationWindow.window(),
    minuteWindow: minuteWindow.window(),
    requestKeys: batch.requestKeys ?? [],
    rows: batch.requestKeys?.length ?? 0,
  };
  for (const encoder of ROW_TABLES) {
    const rows = batch[PART[encoder.table]] as unknown[] | undefined;
    if (!rows || rows.length === 0) continue;
    encoded.tables[encoder.table] = encodeRows(encoder as TableEncoder<unknown>, rows, scratch);
    encoded.rows += rows.length;
  }
  return encoded;
}

function encodeRows<T>(encoder: TableEncoder<T>, rows: T[], scratch: LineBuffer): EncodedRows {
  scratch.clear();
  const ends = new Uint32Array(rows.length);
  putRows(encoder, rows, scratch, ends);
  // Copied out at its exact size; the scratch is reused.
  return { bytes: copyOut(scratch.bytes()), ends };
}

/**
 * Encoded rows are copied into shared 1 MiB slabs (Node's own pool is 8 KiB: a new one every
 * batch or two). A slab is freed once no batch in it is queued any more.
 */
const SLAB_BYTES = 1024 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function copyOut(bytes: Buffer): Buffer {
  if (bytes.length > SLAB_BYTES / 8) return Buffer.from(bytes);
  if (slabUsed + bytes.length > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + bytes.length);
  bytes.copy(out);
  slabUsed += bytes.length;
  return out;
}

/** The ingest log's document for a batch (version 2): its rows as the encoded arrays. */
const LOG_VERSION = 2;

/**
 * Writes the batch's ingest-log line (without its newline) into `out`:
 * `{"v":2,"id":"…","requestKeys":[…],"hints":[…],"rows":{"invocations":[[…],[…]],…}}`, each row
 * the very bytes of its insert body (newlines turned into the array's commas). `hints` (the
 * request's IngestBatch.hints) only when it has some: most deliveries have none.
 */
export function putLogLine(out: LineBuffer, batch: EncodedBatch, hints?: readonly unknown[]): void {
  const id = batch.id === undefined ? '' : `"id":${JSON.stringify(batch.id)},`;
  out.put(`{"v":${LOG_VERSION},${id}"requestKeys":${JSON.stringify(batch.requestKeys)},`);
  if (hints && hints.length > 0) out.put(`"hints":${JSON.stringify(hints)},`);
  out.put('"rows":{');
  let first = true;
  for (const encoder of ROW_TABLES) {
    const rows = batch.tables[encoder.table];
    if (!rows) continue;
    out.put(`${first ? '' : ','}"${encoder.table}":[`);
    first = false;
    const at = out.putBytes(rows.bytes);
    // JSON text never holds a raw newline: each one is a row's end.
    for (let i = 0; i < rows.ends.length - 1; i++) out.setByte(at + rows.ends[i] - 1, COMMA);
    out.setByte(at + rows.bytes.length - 1, CLOSE_BRACKET);
  }
  out.put('}}');
}

/**
 * The batch an ingest-log document holds: a version 2 line (putLogLine), or a decoded batch as
 * the writer logged it before (a log left by an earlier version), encoded now.
 */
export function fromLogDocument(document: unknown, scratch: LineBuffer): EncodedBatch {
  const doc = document as { v?: number; id?: string; requestKeys?: EncodedBatch['requestKeys'] };
  if (doc.v !== LOG_VERSION) return encodeBatch(document as IngestBatch, scratch);
  const rows = (document as { rows: Partial<Record<RowTable, unknown[][]>> }).rows;
  // Columns by position (row-columns.ts): function_id, source, start_time (ms), request_id.
  const hashes: number[] = [];
  const invocationWindow = new WindowSets();
  for (const [functionId, source, startMs, requestId] of (rows.invocations ?? []) as [
    string,
    string,
    number,
    string,
  ][]) {
    pushHash(hashes, functionId, source, requestId);
    invocationWindow.addRow(functionId, startMs, source);
  }
  // function_id, minute (seconds).
  const minuteWindow = new WindowSets();
  for (const [functionId, minute] of (rows.function_minutes ?? []) as [string, number][]) {
    minuteWindow.addRow(functionId, minute * 1000);
  }
  const encoded: EncodedBatch = {
    tables: {},
    invocationHashes: hashes,
    invocationWindow: invocationWindow.window(),
    minuteWindow: minuteWindow.window(),
    requestKeys: doc.requestKeys ?? [],
    rows: doc.requestKeys?.length ?? 0,
    id: doc.id,
  };
  for (const encoder of ROW_TABLES) {
    const values = rows[encoder.table];
    if (!values || values.length === 0) continue;
    // JSON.stringify of what JSON.parse read from JSON.stringify's output: the same text.
    encoded.tables[encoder.table] = encodeRows(
      { ...encoder, encode: (row) => completeRow(row, encoder.columns.length) },
      values,
      scratch,
    );
    encoded.rows += values.length;
  }
  return encoded;
}

/** The columns of an invocation the collector learns its facts from (settingsSeenIn(), spanRuntimesIn()). */
export type LoggedInvocation = Pick<
  InvocationRecord,
  'functionId' | 'source' | 'startTimeMs' | 'memorySizeMb' | 'runtime' | 'architecture'
>;

/**
 * What the collector learned from a logged batch once it was acknowledged, and keeps in memory
 * for a second before storing it (the inventory's hints, the settings history): handed back by a
 * replay (IngestWriter.keepFacts()), so that it outlives a kill as the rows do.
 */
export interface LoggedFacts {
  /**
   * Its invocations' distinct settings (function, source, memory, runtime, architecture), each
   * at the earliest and at the latest start time the batch shows it: what those facts are taken
   * from, without a replay holding every row.
   */
  invocations: LoggedInvocation[];
  /** The request's hints (IngestBatch.hints) as they were logged; none in older lines. */
  hints: unknown[];
}

/**
 * The facts of an ingest-log document that holds a batch (a version 2 line or an earlier
 * version's decoded batch); undefined when it tells nothing (no invocation, no hint).
 */
export function loggedFacts(document: unknown): LoggedFacts | undefined {
  const doc = document as { v?: number; hints?: unknown; rows?: { invocations?: unknown } };
  const hints = Array.isArray(doc.hints) ? (doc.hints as unknown[]) : [];
  const seen = new Map<string, { earliest: LoggedInvocation; latest: LoggedInvocation }>();
  const note = (inv: LoggedInvocation): void => {
    const key = `${inv.functionId}|${inv.source}|${inv.memorySizeMb}|${inv.runtime}|${inv.architecture}`;
    const known = seen.get(key);
    if (!known) seen.set(key, { earliest: inv, latest: inv });
    else if (inv.startTimeMs < known.earliest.startTimeMs) known.earliest = inv;
    else if (inv.startTimeMs > known.latest.startTimeMs) known.latest = inv;
  };
  if (doc.v === LOG_VERSION) {
    // Columns by position (row-columns.ts): 0 function_id, 1 source, 2 start_time (ms),
    // 11 memory_size_mb (0: unknown), 20 runtime, 21 architecture.
    const rows = Array.isArray(doc.rows?.invocations) ? (doc.rows.invocations as unknown[][]) : [];
    for (const row of rows) {
      note({
        functionId: String(row[0]),
        source: row[1] as InvocationRecord['source'],
        startTimeMs: Number(row[2]),
        memorySizeMb: Number(row[11]) > 0 ? Number(row[11]) : null,
        runtime: typeof row[20] === 'string' ? row[20] : '',
        architecture: typeof row[21] === 'string' ? row[21] : '',
      });
    }
  } else {
    // An earlier version's line: the decoded batch itself.
    const invocations = (document as IngestBatch).invocations;
    for (const inv of Array.isArray(invocations) ? invocations : []) {
      note({
        functionId: inv.functionId,
        source: inv.source,
        startTimeMs: inv.startTimeMs,
        memorySizeMb: inv.memorySizeMb,
        runtime: inv.runtime ?? '',
        architecture: inv.architecture ?? '',
      });
    }
  }
  if (seen.size === 0 && hints.length === 0) return undefined;
  const invocations: LoggedInvocation[] = [];
  for (const { earliest, latest } of seen.values()) {
    invocations.push(earliest);
    if (latest !== earliest) invocations.push(latest);
  }
  return { invocations, hints };
}

/**
 * A logged row with a value for each column: a line an earlier version logged lacks the columns
 * appended since (function_minutes' unknown_starts, migration 0029), counts that it did not keep,
 * stored as 0 as every unknown number is (row-columns.ts).
 */
function completeRow(row: unknown[], columns: number): unknown[] {
  if (row.length >= columns) return row;
  const complete = row.slice();
  while (complete.length < columns) complete.push(0);
  return complete;
}

/**
 * An attempt to store some logged batches, logged before its inserts: the tables an earlier
 * attempt already stored them in (skipped), and the deduplication token its inserts into the
 * DEDUPLICATED_TABLES carry. A replay stores the batches of an attempt the process died in with
 * the same token and the same tables skipped, so ClickHouse drops the inserts that attempt had
 * committed (`insert_deduplication_token`, migration 0026) and stores only what it had not.
 */
export interface StoreAttempt {
  token: string;
  /** The batches' ids (EncodedBatch.id), in the order their rows were inserted. */
  batches: string[];
  stored: string[];
}

/** The ingest-log document of an attempt (IngestLog.appendRecord()). */
export function attemptDocument(attempt: StoreAttempt): unknown {
  return {
    v: LOG_VERSION,
    attempt: attempt.token,
    batches: attempt.batches,
    stored: attempt.stored,
  };
}

/** The attempt an ingest-log document records, or undefined when it holds a batch. */
export function attemptOf(document: unknown): StoreAttempt | undefined {
  const doc = document as { v?: number; attempt?: unknown; batches?: unknown; stored?: unknown };
  if (doc.v !== LOG_VERSION || typeof doc.attempt !== 'string') return undefined;
  return {
    token: doc.attempt,
    batches: Array.isArray(doc.batches) ? doc.batches.filter((b) => typeof b === 'string') : [],
    stored: Array.isArray(doc.stored) ? doc.stored.filter((t) => typeof t === 'string') : [],
  };
}
