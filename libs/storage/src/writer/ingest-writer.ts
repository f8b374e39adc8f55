import { randomBytes, randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { Logger } from '@nestjs/common';
import {
  promiseOf,
  type FunctionMinuteRow,
  type InvocationRecord,
  type KeyHash,
  type LogRow,
  type MetricPointRow,
  type SpanRow,
} from '@fleetscope/model';
import {
  StorageError,
  StorageQueryError,
  StorageUnavailableError,
  describeError,
  isRefusedRows,
  toStorageError,
} from '../client/storage.errors';
import { execInserter, type RawInsert } from '../client/clickhouse-client.factory';
import { inBackground, outsideBackgroundLane } from '../client/query-lanes';
import { WindowSets, type FlushJournal, type FlushWindow } from './flush-journal';
import type { ClosedSegments, IngestLog } from './ingest-log';
import {
  attemptDocument,
  attemptOf,
  encodeBatch,
  fromLogDocument,
  invocationHash,
  loggedFacts,
  putLogLine,
  tallestTable,
  type EncodedBatch,
  type EncodedRows,
  type LoggedFacts,
} from './encoded-batch';
import { LineBuffer } from './line-buffer';
import { KeyHashSet } from './key-hash-set';
import { RecentKeys } from './recent-keys';
import {
  FUNCTION_MINUTES,
  INVOCATIONS,
  LOGS,
  INGEST_REQUESTS,
  METRIC_POINTS,
  SPANS,
  putRows,
  type TableEncoder,
} from './row-columns';

export { invocationHash, type LoggedFacts, type LoggedInvocation } from './encoded-batch';

/**
 * Longest wait after a flush for the senders it acknowledged to send their next request into the
 * next flush (see kick()); a full batch, or every one of them back, ends it sooner.
 */
const REGATHER_MS = 20;

/** Wait before retrying a drain of the ingest log that ClickHouse failed (doubling up to 8 s). */
const RETRY_MS = 250;
const RETRY_MAX_MS = 8_000;

/** What one accepted request wants stored. Rows of one batch are acknowledged together. */
export interface IngestBatch {
  invocations?: InvocationRecord[];
  spans?: SpanRow[];
  logs?: LogRow[];
  metricPoints?: MetricPointRow[];
  functionMinutes?: FunctionMinuteRow[];
  /**
   * Keys of the requests these rows came from (a body hash, a Firehose request id). They are
   * stored after the rows, in the same flush, so a key is remembered only once its data is safe.
   */
  requestKeys?: { key: string; source: string }[];
  /**
   * What the request said of its functions besides its rows (the collector's inventory hints:
   * a runtime from INIT_START, a timeout), opaque here. With the ingest log they are written in
   * the batch's line and handed back by a replay (keepFacts()), so that they outlive a kill as the
   * rows do. A batch split into parts (split()) carries them in its last part.
   */
  hints?: readonly unknown[];
}

/**
 * Who stores what the collector learns from the batches it acknowledged (the inventory's hints,
 * the settings history), which it keeps in memory for a second first: see keepFacts().
 */
export interface FactsKeeper {
  /** Takes the facts of the batches a replay read, oldest first (stored ones included). */
  replayed(facts: LoggedFacts[]): void;
  /** Resolves once every fact handed to it so far, replayed or learned since, is stored or given up. */
  settled(): Promise<void>;
}

export interface WriterOptions {
  maxQueueBytes: number;
  flushIntervalMs: number;
  flushRows: number;
  /** How many recent invocation keys are remembered to drop retried deliveries. */
  recentInvocationKeys?: number;
  /** Records each flush's aggregate window until its inserts are done (see FlushJournal). */
  journal?: FlushJournal;
  /**
   * Makes the source choice of the function-hours a flush wrote (rebuildChosenHours), after its
   * inserts and before it is acknowledged or its journal entry cleared.
   */
  chooseSources?: (window: Pick<FlushWindow, 'functionIds' | 'hours'>) => Promise<void>;
  /**
   * Ingest log only: the drains' pace (FLEETSCOPE_DRAIN_INTERVAL_MS; drainWaitMs(), drainDue()).
   * Default 0: a drain after FLEETSCOPE_FLUSH_INTERVAL_MS, the next back to back.
   */
  drainIntervalMs?: number;
  /**
   * The ingest log (FLEETSCOPE_INGEST_LOG): a batch is acknowledged once it is appended there,
   * and flushes drain the log into ClickHouse behind the acknowledgements (see IngestLog).
   * Without it a batch is acknowledged once ClickHouse has committed it.
   */
  log?: IngestLog;
  /**
   * Embedded mode: inserts are handed to the engine as JSONCompactEachRow bytes (the handle's
   * rawInsert). Without it (server mode), the same bytes go as the HTTP body (execInserter()).
   */
  rawInsert?: RawInsert;
  /**
   * Ingest log only: a keeper of the batches' facts (keepFacts()) is attached once the process
   * has started (the collector). Until it is, the segments a replay read stay on disk whenever
   * they hold facts, so that a kill before the keeper has stored them replays them again.
   */
  factsKeeperExpected?: boolean;
}

/**
 * JSON strings may hold a lone UTF-16 surrogate ("\ud800" is valid OTLP/JSON); by default
 * ClickHouse refuses the whole insert for it. Kept as sent instead.
 */
const INSERT_SETTINGS = { input_format_json_throw_on_bad_escape_sequence: 0 } as const;

/**
 * Embedded engine, per table: the `logs` table's skip indexes (bloom filters on trace_id and
 * request_id, tokenbf_v1 on lower(body)) are built when its parts merge, not by every insert:
 * they cost about a fifth of that insert's CPU (BENCHMARKS.md, raw inserts). A search reads the
 * parts not merged yet in full, with the same answer (test/storage/raw-insert.int.spec.ts). A
 * server of its own chooses: the setting is not sent to it (older servers do not know it).
 */
const EMBEDDED_INSERT_SETTINGS: Partial<Record<string, Record<string, number>>> = {
  logs: { ...INSERT_SETTINGS, materialize_skip_indexes_on_insert: 0 },
};

/** The settings of an insert into `table`: through the embedded engine's raw insert, or not. */
export function insertSettings(table: string, embedded: boolean): Record<string, number> {
  return embedded ? (EMBEDDED_INSERT_SETTINGS[table] ?? INSERT_SETTINGS) : INSERT_SETTINGS;
}

/**
 * The tables whose inserts carry their attempt's deduplication token (StoreAttempt): the rows of
 * a retried or replayed batch that nothing else recognises. Invocations are recognised by their
 * key (RecentKeys), what their views feed with them, and request keys are read as a set.
 */
const DEDUPLICATED_TABLES: ReadonlySet<string> = new Set([
  SPANS.table,
  LOGS.table,
  METRIC_POINTS.table,
  FUNCTION_MINUTES.table,
]);

/** The queue is full: the sender should retry later (HTTP 429 / gRPC RESOURCE_EXHAUSTED). */
export class QueueFullError extends StorageError {
  constructor(readonly retryAfterSeconds: number) {
    super('write queue is full');
  }
}

/** A single batch bigger than the queue bound: the request must be split by its sender. */
export class BatchTooLargeError extends StorageError {
  constructor(rows: number, bytes: number, limit: number) {
    super(
      `${rows} rows (~${Math.round(bytes / 1048576)} MiB in memory) exceed the write queue (${Math.round(limit / 1048576)} MiB, FLEETSCOPE_QUEUE_MAX_BYTES): send smaller batches`,
    );
  }
}

export interface WriterStats {
  queueBytes: number;
  queueRows: number;
  insertedRows: Record<string, number>;
  insertBatches: number;
  insertFailures: number;
  duplicateInvocations: number;
  /** Latency of the last inserts (ms), newest last, at most 256. */
  insertLatenciesMs: number[];
  batchSizes: number[];
  /** Flushes done, and the requests (deliveries) each of the last 256 held. */
  flushes: number;
  requestsPerFlush: number[];
  /** Wall time of the last 256 flushes (ms), every table's insert included. */
  flushMs: number[];
  /** Batches read back from the ingest log at start-up, and those of them already committed. */
  replayedBatches: number;
  replaySkippedBatches: number;
  /** Logged batches ClickHouse refused for good when inserted alone (dropped, each logged). */
  refusedLoggedBatches: number;
  /** Store attempts whose record could not be appended to the ingest log (newAttempt()). */
  unrecordedAttempts: number;
}

interface Pending {
  /** Its rows, encoded when accepted (encodeBatch()). */
  batch: EncodedBatch;
  bytes: number;
  rows: number;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Order of arrival (ingest log only): reads wait for every batch up to theirs. */
  seq?: number;
  /** The ingest log segment holding it: kept until no batch of it or before it is queued. */
  segment?: number;
  /** Its append to the ingest log failed: not acknowledged, not stored. */
  dropped?: boolean;
  /**
   * The attempt that tried to store it and failed, or (replayed) the one the previous process
   * died in: the next tries again as that attempt, with the same batches, its token and the tables
   * it stored skipped. Batches of one attempt share the object.
   */
  attempt?: Attempt;
}

/**
 * An attempt to store some batches: the token its inserts into the DEDUPLICATED_TABLES carry, and
 * the tables it has stored their rows in (inserts are atomic per table, not across tables). A
 * retry keeps the token, so that ClickHouse drops an insert the attempt had committed without
 * knowing it (a timeout, a kill), and must hold the same batches or a subset of them (all of
 * them had a table's rows committed, or none): a token standing for other rows would drop them.
 */
interface Attempt {
  token: string;
  stored: Set<string>;
  /** Its record is in the ingest log (a replay stores its batches as this attempt). */
  recorded: boolean;
}

type TableName =
  'invocations' | 'spans' | 'logs' | 'metric_points' | 'function_minutes' | 'ingest_requests';

/**
 * A bounded write queue in front of ClickHouse. Batches are queued by size in bytes (estimated from
 * their encoded rows), flushed by row count or time, and each `write()` resolves only after every
 * row of its batch is stored, so an acknowledged request is never lost and a failed one is
 * reported to its sender, who retries. Invocations already stored (same function, source and
 * request id) are dropped, so a retried delivery does not count an invocation twice.
 */
export class IngestWriter {
  private queue: Pending[] = [];
  private queueBytes = 0;
  private queueRows = 0;
  /** The queued batches' tallestTable(), summed (wholeFlushQueued()). */
  private queueTallest = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly recent: RecentKeys;
  /** A drain's invocation hashes (store()), emptied at each; kept for its room. */
  private readonly freshKeys = new KeyHashSet();
  /** Where an insert's body goes: the embedded engine's raw insert, or a server's HTTP body. */
  private readonly insertBody: RawInsert;
  readonly stats: WriterStats = {
    queueBytes: 0,
    queueRows: 0,
    insertedRows: {},
    insertBatches: 0,
    insertFailures: 0,
    duplicateInvocations: 0,
    insertLatenciesMs: [],
    batchSizes: [],
    flushes: 0,
    requestsPerFlush: [],
    flushMs: [],
    replayedBatches: 0,
    replaySkippedBatches: 0,
    refusedLoggedBatches: 0,
    unrecordedAttempts: 0,
  };
  private readonly logger = new Logger('IngestWriter');
  /** Ingest log only: the last batch queued, and the last whose drain ended (stored or failed). */
  private lastSeq = 0;
  private drainedSeq = 0;
  /** close() has finished: nothing drains any more. */
  private stopped = false;
  private closing: Promise<void> | undefined;
  /** Prefix of this process's batch ids in the ingest log (EncodedBatch.id). */
  private readonly bootId = randomBytes(6).toString('hex');
  /** Reads waiting for the batches acknowledged before them (readBarrier()). */
  private barriers: { seq: number; resolve: () => void }[] = [];
  /** Consecutive failed drains, and the last failure (flush() reports it). */
  private failedDrains = 0;
  private lastDrainError: unknown;
  /** Batches waiting for a drain to make room in the queue (append()), and their bytes. */
  private roomWaiters: (() => void)[] = [];
  private waitingBytes = 0;
  /** Raw inserts' bodies, one reused buffer per table. */
  private readonly bodies = new Map<string, LineBuffer>();
  /** Where accepted batches are encoded, row by row, before being copied out at their size. */
  private readonly scratch = new LineBuffer();
  /** Requests the last flush acknowledged: the senders expected back for the next one. */
  private cohort = 0;
  /** While regathering after a flush: start the next one once this many requests are queued. */
  private regatherTarget: number | undefined;
  /** Ingest log only: when the last drain started (performance.now()), for the drains' pace. */
  private lastDrainStart = Number.NEGATIVE_INFINITY;
  /** The keeper of the batches' facts (keepFacts()), once attached. */
  private keeper: FactsKeeper | undefined;
  /** The facts a replay read, until a keeper takes them. */
  private replayedFacts: LoggedFacts[] = [];
  /** Resolves with the keeper once attached (segments with replayed facts wait for it). */
  private readonly keeperAttached: Promise<FactsKeeper>;
  private attachKeeper: (keeper: FactsKeeper) => void = noop;
  /** Segment deletions waiting for the keeper (removeSegments()), one after another. */
  private removals: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: ClickHouseClient,
    private readonly options: WriterOptions,
  ) {
    this.recent = new RecentKeys(options.recentInvocationKeys ?? 500_000);
    this.insertBody = options.rawInsert ?? execInserter(client);
    this.keeperAttached = new Promise((resolve) => (this.attachKeeper = resolve));
  }

  /**
   * Attaches the keeper of what the collector learns from the batches it acknowledged: the
   * inventory's hints (IngestBatch.hints) and what their invocations report of their settings,
   * which it keeps in memory for a second before storing them. With the ingest log, a segment is
   * deleted only once the keeper has stored the facts of every batch acknowledged before its
   * drain ended (FactsKeeper.settled()): until then a kill replays it, and the replay hands its
   * batches' facts to the keeper of the next process (FactsKeeper.replayed()), those of batches
   * already stored included. The facts a replay read before the keeper was attached are handed
   * over now. Once, at start-up.
   */
  keepFacts(keeper: FactsKeeper): void {
    this.keeper = keeper;
    const facts = this.replayedFacts.splice(0);
    if (facts.length > 0) keeper.replayed(facts);
    this.attachKeeper(keeper);
  }

  /** Remembers invocations stored before a restart, so their retries are recognised. */
  async seedRecentInvocations(sinceMinutes = 60): Promise<number> {
    try {
      const result = await this.client.query({
        query: `SELECT function_id, source, request_id FROM invocations
                WHERE ingested_at >= now() - toIntervalMinute({m:UInt32})
                ORDER BY ingested_at DESC LIMIT {n:UInt32}`,
        query_params: { m: sinceMinutes, n: this.recent.capacity },
        format: 'JSONCompactEachRow',
      });
      const rows = await result.json<[string, string, string]>();
      const hash: KeyHash = { high: 0, low: 0 };
      for (const [functionId, source, requestId] of rows.reverse()) {
        this.recent.add(invocationHash(functionId, source, requestId, hash));
      }
      return rows.length;
    } catch (error) {
      throw toStorageError(error, 'reading recent invocations');
    }
  }

  /** Queues a batch; resolves when stored. Throws QueueFullError at once when over the bound. */
  write(batch: IngestBatch): Promise<void> {
    if (this.closed) return Promise.reject(new StorageError('writer is closed'));
    const rows = countRows(batch);
    if (rows === 0) return Promise.resolve();
    const bytes = estimateBytes(batch);
    // A batch larger than the whole queue could never be stored within the bound: refused for
    // good, not throttled, so its sender does not retry it forever. The ingest routes store a
    // request this large in parts (split()): only one row this large reaches here from them.
    if (bytes > this.options.maxQueueBytes) {
      return Promise.reject(new BatchTooLargeError(rows, bytes, this.options.maxQueueBytes));
    }
    if (this.options.log) return this.append(this.options.log, batch, rows, bytes);
    if (this.queueBytes + bytes > this.options.maxQueueBytes && this.queue.length > 0) {
      return Promise.reject(this.queueFull());
    }
    return new Promise<void>((resolve, reject) => {
      // A batch that cannot be encoded rejects here, before it is queued.
      this.queued({ batch: this.encode(batch), bytes, rows, resolve, reject });
      this.updateQueueStats();
      if (
        this.wholeFlushQueued() ||
        (this.regatherTarget !== undefined && this.queue.length >= this.regatherTarget)
      ) {
        this.kick();
      } else {
        this.timer ??= setTimeout(() => this.kick(), this.options.flushIntervalMs);
      }
    });
  }

  /**
   * A batch bigger than the queue's bound (write() refuses it whole) cut into parts that write()
   * takes one after another, in the order of its rows (each table's rows in order, the tables one
   * after another); undefined when write() takes it whole. A part is at most an eighth of the
   * bound, as write() estimates it: one that does not fit waits for a drain to make room as long
   * as the batches waiting stay within a quarter of the bound (append()), so a part waits beside
   * another request's batch rather than being refused. Request keys are left to the caller, who
   * writes a part once the previous one is acknowledged.
   */
  split(batch: IngestBatch): IngestBatch[] | undefined {
    const max = this.options.maxQueueBytes;
    if (estimateBytes(batch) <= max) return undefined;
    return cutBatch(batch, Math.max(1, Math.floor(max / 8)));
  }

  /**
   * Stores everything queued; used on shutdown and by tests. With the ingest log, throws when a
   * drain fails (what it held stays in the log).
   */
  async flush(): Promise<void> {
    if (this.stopped && this.queue.length > 0) {
      throw new StorageUnavailableError(
        `the writer is closed with ${this.queue.length} batches not stored (they stay in the ingest log)`,
      );
    }
    const failuresBefore = this.stats.insertFailures;
    while (!this.stopped && (this.queue.length > 0 || this.flushing)) {
      this.kick();
      await this.flushing;
      if (this.options.log && this.failedDrains > 0 && this.stats.insertFailures > failuresBefore) {
        throw toStorageError(this.lastDrainError, 'draining the ingest log');
      }
    }
  }

  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      // Acknowledged rows stay in the ingest log; the next start stores them.
      this.logger.warn(`ingest log not drained at shutdown: ${describeError(error)}`);
    }
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    // Nothing drains from here on (a read's kick must not rotate the log being closed): reads
    // waiting go ahead with what ClickHouse holds, and batches waiting for room are refused.
    this.stopped = true;
    for (const b of this.barriers.splice(0)) b.resolve();
    for (const made of this.roomWaiters.splice(0)) made();
    await this.flushing?.catch(() => undefined);
    // The stored segments whose facts the keeper is storing (it stores what it holds at shutdown).
    if (this.keeper) await this.removals;
    await this.options.log?.close();
  }

  /**
   * Resolves once every batch acknowledged before the call is stored in ClickHouse (or its drain
   * failed: the read then sees what ClickHouse holds). Immediate when nothing is pending, and
   * always without the ingest log, where a batch is acknowledged only once stored. Reads of this
   * process go through it (see read-barrier.ts), so a request that saw its data acknowledged
   * reads it back.
   */
  readBarrier(): Promise<void> {
    const seq = this.lastSeq;
    const idle = this.queue.length === 0 && !this.flushing;
    if (!this.options.log || idle || this.stopped || this.drainedSeq >= seq)
      return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.barriers.push({ seq, resolve });
      // A read waiting is reason enough to drain now rather than at the interval.
      this.kick();
    });
  }

  /**
   * Queues again the batches an earlier process had acknowledged in the ingest log but not stored,
   * and stores them: called once at start-up, before anything is acknowledged or read. Batches
   * whose request key ClickHouse already holds (their flush finished, the log's deletion did not)
   * are skipped; invocations already stored are dropped by key as for any retry.
   */
  async replayLog(): Promise<number> {
    const log = this.options.log;
    if (!log) return 0;
    // Each batch's last attempt (a failed attempt's batches are retried in a later one, which
    // skips what the first stored): its batches share one set, so they are stored together again.
    const lastAttempt = new Map<string, Attempt>();
    const batches: EncodedBatch[] = [];
    for (const document of log.leftOver()) {
      const attempt = attemptOf(document);
      if (!attempt) {
        if (this.options.factsKeeperExpected) {
          const facts = loggedFacts(document);
          if (facts) this.replayedFacts.push(facts);
        }
        batches.push(fromLogDocument(document, this.scratch));
        continue;
      }
      const last = { token: attempt.token, stored: new Set(attempt.stored), recorded: true };
      for (const id of attempt.batches) lastAttempt.set(id, last);
    }
    if (batches.length === 0) {
      if (lastAttempt.size > 0) await this.removeLeftOver(log);
      return 0;
    }
    const committed = await this.storedRequestKeys(
      batches.flatMap((b) => b.requestKeys.map((k) => k.key)),
    );
    for (const batch of batches) {
      const keys = batch.requestKeys;
      if (keys.length > 0 && keys.every((k) => committed.has(k.key))) {
        this.stats.replaySkippedBatches++;
        continue;
      }
      this.stats.replayedBatches++;
      const rows = batch.rows;
      const bytes = encodedBytes(batch);
      const attempt = batch.id === undefined ? undefined : lastAttempt.get(batch.id);
      // In one of the segments left, which one is not kept: 0 keeps them all until every
      // replayed batch is stored.
      const segment = 0;
      this.queued({
        batch,
        bytes,
        rows,
        resolve: noop,
        reject: noop,
        seq: ++this.lastSeq,
        segment,
        attempt,
      });
    }
    this.updateQueueStats();
    // Everything was committed: only the segments are left to delete.
    if (this.queue.length === 0) await this.removeLeftOver(log);
    await this.flush();
    return this.stats.replayedBatches;
  }

  private async removeLeftOver(log: IngestLog): Promise<void> {
    const closed = log.rotate();
    await closed.written;
    this.removeSegments(log, closed.ids);
  }

  /**
   * Deletes stored segments once the facts of the batches acknowledged so far are stored too
   * (keepFacts()); at once without a keeper, unless a replay read facts that wait for one. Not
   * awaited by the drains: a segment only stays a little longer.
   */
  private removeSegments(log: IngestLog, ids: number[]): void {
    if (ids.length === 0) return;
    const kept = this.keeper
      ? this.keeper.settled()
      : this.replayedFacts.length > 0
        ? this.keeperAttached.then((keeper) => keeper.settled())
        : undefined;
    const remove = (): void => {
      try {
        log.remove(ids);
      } catch (error) {
        // Replayed at the next start, where what it holds is skipped by its request keys.
        this.logger.warn(`deleting stored ingest log segments: ${describeError(error)}`);
      }
    };
    if (!kept) {
      remove();
      return;
    }
    this.removals = this.removals.then(() =>
      kept.then(remove, (error: unknown) =>
        this.logger.warn(
          `ingest log segments kept, their facts not stored: ${describeError(error)}`,
        ),
      ),
    );
  }

  private async storedRequestKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    try {
      const result = await this.client.query({
        query: `SELECT DISTINCT key FROM ingest_requests WHERE key IN {k:Array(String)}`,
        query_params: { k: keys },
        format: 'JSONCompactEachRow',
      });
      return new Set((await result.json<[string]>()).map(([key]) => key));
    } catch (error) {
      throw toStorageError(error, 'reading ingest_requests for the ingest log replay');
    }
  }

  /** Puts a batch at the end of the queue and counts it against the bound. */
  private queued(pending: Pending): void {
    this.queue.push(pending);
    this.counted(pending);
  }

  /** Adds a batch's counts to the queue's. */
  private counted(pending: Pending): void {
    this.queueBytes += pending.bytes;
    this.queueRows += pending.rows;
    this.queueTallest += tallestTable(pending.batch);
  }

  /** Takes a batch's counts off the queue's (a drain took it, or its append failed). */
  private dequeued(pending: Pending): void {
    this.queueBytes -= pending.bytes;
    this.queueRows -= pending.rows;
    this.queueTallest -= tallestTable(pending.batch);
  }

  /**
   * Whether FLEETSCOPE_FLUSH_ROWS rows of some table are queued (at most: the sum of each batch's
   * tallest table counts each as if all its tables were that tall).
   */
  private wholeFlushQueued(): boolean {
    return this.queueTallest >= this.options.flushRows;
  }

  /**
   * Ingest log: whether a drain should start now rather than at the drains' pace: a whole drain
   * waits, or, when drains are paced, half the queue's bound does, so that the pace never fills
   * the queue: a full queue answers 429 before decoding, and a CloudWatch burst filled it within
   * the first second (its 64 senders told to come back a second later).
   */
  private drainDue(): boolean {
    return (
      this.wholeFlushQueued() ||
      ((this.options.drainIntervalMs ?? 0) > 0 && this.queueBytes >= this.options.maxQueueBytes / 2)
    );
  }

  private queueFull(): QueueFullError {
    return new QueueFullError(Math.max(1, Math.ceil(this.options.flushIntervalMs / 1000)));
  }

  /**
   * Ingest log: a batch that does not fit waits for the drain under way to make room (at most one
   * drain, and while the batches waiting stay under a quarter of the bound), so that a sender
   * whose batch fits a moment later is answered then rather than told to come back after a
   * second; otherwise, and if it still does not fit, 429. A batch that fits is queued at once.
   */
  private append(log: IngestLog, batch: IngestBatch, rows: number, bytes: number): Promise<void> {
    if (this.stopped) return Promise.reject(closedWriter());
    const max = this.options.maxQueueBytes;
    const fits = () => this.queueBytes === 0 || this.queueBytes + bytes <= max;
    if (fits()) return this.enqueue(log, batch, rows, bytes);
    // A full queue is reason enough to drain now rather than at the interval.
    this.kick();
    if (this.waitingBytes + bytes > max / 4) return Promise.reject(this.queueFull());
    this.waitingBytes += bytes;
    return new Promise<void>((resolve) => this.roomWaiters.push(resolve)).then(() => {
      this.waitingBytes -= bytes;
      if (this.stopped) throw closedWriter();
      if (!fits()) throw this.queueFull();
      return this.enqueue(log, batch, rows, bytes);
    });
  }

  /**
   * Queues the batch, appends it to the log and acknowledges once written there. Not async: an
   * async function keeps its arguments alive until it returns, and the decoded rows must die once
   * encoded rather than wait for the append in the old generation (acknowledged()).
   */
  private enqueue(log: IngestLog, batch: IngestBatch, rows: number, bytes: number): Promise<void> {
    return promiseOf(() => this.enqueueNow(log, batch, rows, bytes));
  }

  private enqueueNow(log: IngestLog, batch: IngestBatch, rows: number, bytes: number) {
    const encoded = this.encode(batch);
    const seq = ++this.lastSeq;
    encoded.id = `${this.bootId}.${seq}`;
    const pending: Pending = {
      batch: encoded,
      bytes,
      rows,
      resolve: noop,
      reject: noop,
      seq,
      segment: log.currentId,
    };
    this.queued(pending);
    this.updateQueueStats();
    // The log's line holds the very bytes the insert will send (see encoded-batch.ts). Appended
    // before a drain may start: the line is then in the segment `pending.segment` names, whose
    // rotation waits for its write (a drain never stores a batch whose append may still fail).
    const hints = batch.hints;
    const appended = log.appendLine((out) => putLogLine(out, encoded, hints));
    if (this.drainDue()) this.kick();
    else if (!this.flushing) this.timer ??= setTimeout(() => this.kick(), this.drainWaitMs());
    return this.acknowledged(appended, pending);
  }

  /** Resolves once the batch's line is in the log; on a failed append, takes it off the queue. */
  private async acknowledged(appended: Promise<void>, pending: Pending): Promise<void> {
    try {
      await appended;
    } catch (error) {
      // Not acknowledged: its sender retries. Whatever drain took it leaves it out.
      pending.dropped = true;
      const at = this.queue.indexOf(pending);
      if (at >= 0) {
        this.queue.splice(at, 1);
        this.dequeued(pending);
        this.updateQueueStats();
      }
      throw new StorageUnavailableError(`writing the ingest log: ${describeError(error)}`, error);
    }
  }

  /**
   * Whether a request should be refused before its body is decoded: the queue is at its bound or,
   * with the ingest log, as many batches already wait for room as may (see append()).
   */
  isQueueFull(): boolean {
    const max = this.options.maxQueueBytes;
    return (
      this.queueBytes >= max || (this.options.log !== undefined && this.waitingBytes >= max / 4)
    );
  }

  /**
   * Group commit: one flush at a time, holding every request queued when it starts. A flush costs
   * the engine a fixed time per table insert whatever its size (embedded chDB runs them one after
   * another), so throughput comes from many requests per flush. Requests that queued during a
   * flush go in the next one, after a regather: the senders this flush acknowledged usually send
   * their next request within milliseconds, and waiting for them (at most REGATHER_MS) puts them
   * in the same insert instead of a flush of their own. A full batch goes at once.
   */
  private kick(): void {
    // A drain is the senders' work, not that of the read that asked for it (readBarrier()): out
    // of an analysis run's background lane, with every timer it arms (QueryGate).
    if (inBackground()) return outsideBackgroundLane(() => this.kick());
    if (this.stopped) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.regatherTarget = undefined;
    if (this.flushing || this.queue.length === 0) return;
    const log = this.options.log;
    if (log) {
      this.flushing = this.drainOnce(log).finally(() => {
        this.flushing = undefined;
        this.afterDrain();
      });
      return;
    }
    this.cohort = this.queue.length;
    this.flushing = this.flushOnce().finally(() => {
      this.flushing = undefined;
      if (this.closed || this.wholeFlushQueued()) {
        if (this.queue.length > 0) this.kick();
        return;
      }
      this.regatherTarget = this.queue.length + this.cohort;
      this.timer = setTimeout(
        () => this.kick(),
        Math.min(REGATHER_MS, this.options.flushIntervalMs),
      );
    });
  }

  /**
   * How long a batch queued now waits for its drain: FLEETSCOPE_FLUSH_INTERVAL_MS for company, and
   * FLEETSCOPE_DRAIN_INTERVAL_MS after the last drain started, or, when that is past (the first
   * batch after a quiet spell, a burst's first), after this batch: a drain at once would carry
   * this batch and the few behind it, at a whole drain's cost.
   */
  private drainWaitMs(): number {
    const interval = this.options.drainIntervalMs ?? 0;
    const sinceLast = performance.now() - this.lastDrainStart;
    const paced = sinceLast < interval ? interval - sinceLast : interval;
    return Math.max(this.options.flushIntervalMs, paced);
  }

  /**
   * After a drain: the next starts with what arrived during this one and until the drain's pace
   * (drainWaitMs()) allows it, so that under load each drain carries many requests: a drain costs
   * the engine a fixed time whatever it holds (a part of each table, view and projection, their
   * files; BENCHMARKS.md, "Small deliveries: the drains' fixed cost"). At once when a drain is
   * due (drainDue()), a read or a batch waits for it, or the writer closes; after a failure,
   * after a doubling wait.
   */
  private afterDrain(): void {
    if (this.queue.length === 0) return;
    if (this.failedDrains > 0) {
      const wait = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** (this.failedDrains - 1));
      this.timer ??= setTimeout(() => this.kick(), this.closed ? 0 : wait);
      return;
    }
    // A reason to drain now (drainDue(), a read or a batch waiting for room, shutdown); otherwise
    // at the drains' pace.
    if (this.drainDue() || this.barriers.length > 0 || this.waitingBytes > 0 || this.closed) {
      this.kick();
      return;
    }
    this.timer ??= setTimeout(() => this.kick(), this.drainWaitMs());
  }

  /**
   * One drain of the ingest log: closes its current segment, stores every batch queued (they are
   * all in the closed segments), and deletes those segments once stored. A failure puts the
   * batches back at the head of the queue and keeps the segments, for the next drain. A batch
   * ClickHouse refuses for good (rows it cannot parse, which the screen missed) is dropped and
   * logged, so it cannot block the log.
   */
  private async drainOnce(log: IngestLog): Promise<void> {
    let segments: ClosedSegments;
    try {
      segments = log.rotate();
    } catch (error) {
      // No new segment (the directory gone, no space): everything stays queued and logged, and
      // reads waiting for it go ahead with what ClickHouse holds.
      this.drainFailed(error, this.queue.length);
      this.drainedSeq = this.lastSeq;
      this.settleWaiters();
      return;
    }
    // Synchronous from the rotation: the batches taken were all appended before it. At most
    // FLEETSCOPE_FLUSH_ROWS rows a table (and at least one batch): the inserts' bodies, made whole
    // in memory, stay bounded however much the queue holds; the rest goes in the next drain.
    let count = 0;
    for (let rows = 0; count < this.queue.length; count++) {
      rows += tallestTable(this.queue[count].batch);
      if (count > 0 && rows > this.options.flushRows) break;
    }
    // The batches of a failed or replayed attempt go together, whatever the cap: their token
    // must stand for the same rows (Attempt).
    const attempts = new Set<Attempt | undefined>(this.queue.slice(0, count).map((p) => p.attempt));
    attempts.delete(undefined);
    const taken: Pending[] = [];
    const rest: Pending[] = [];
    this.queue.forEach((p, i) => (i < count || attempts.has(p.attempt) ? taken : rest).push(p));
    // Reads wait for the batches up to the last of the first `count`: one taken beyond it does
    // not drain those between.
    const upTo = count > 0 ? (this.queue[count - 1].seq ?? this.drainedSeq) : this.drainedSeq;
    this.queue = rest;
    // Off the queue's counts while the drain holds them (at most FLEETSCOPE_FLUSH_ROWS rows a
    // table): the bound is on what waits for a drain, so that what arrives during one is not
    // refused or held (append()) for room the drain is about to free. Those kept for the next
    // drain are counted again below.
    for (const p of taken) this.dequeued(p);
    this.updateQueueStats();
    const started = performance.now();
    this.lastDrainStart = started;
    this.stats.flushes++;
    pushBounded(this.stats.requestsPerFlush, taken.length);
    let kept = new Set<Pending>();
    try {
      // Every append taken has settled: a batch whose append failed (its sender was told so) is
      // left out.
      await segments.written;
      const live = taken.filter((p) => !p.dropped);
      const failures = await this.storeEach(live);
      let retryable: StorageError | undefined;
      for (const [p, failure] of failures) {
        if (!isRefusedRows(failure)) {
          // Kept for the next drain; the batches stored beside it are not written again.
          kept.add(p);
          retryable = failure;
          continue;
        }
        // With the log, its sender already had its 200: dropped, so it cannot block the log.
        this.stats.refusedLoggedBatches++;
        this.logger.error(
          `a logged batch of ${p.rows} rows was refused by ClickHouse and dropped: ${failure.message}`,
        );
      }
      if (retryable) this.drainFailed(retryable, kept.size);
      else this.failedDrains = 0;
    } catch (error) {
      // Not expected (the segments' writes settle, storeEach reports failures per batch): keep
      // everything for the next drain.
      kept = new Set(taken.filter((p) => !p.dropped));
      this.drainFailed(error, kept.size);
    } finally {
      this.queue = [...kept, ...this.queue];
      pushBounded(this.stats.flushMs, performance.now() - started);
      for (const p of kept) this.counted(p);
      this.updateQueueStats();
      this.drainedSeq = Math.max(this.drainedSeq, upTo);
      this.settleWaiters();
    }
    // The segments holding no batch still queued: those before the first one left (the queue is
    // in the order of the segments), once the facts of their batches are stored too.
    const left = this.queue.find((p) => !p.dropped)?.segment;
    this.removeSegments(
      log,
      left === undefined ? segments.ids : segments.ids.filter((id) => id < left),
    );
  }

  private drainFailed(error: unknown, batches: number): void {
    this.stats.insertFailures++;
    this.failedDrains++;
    this.lastDrainError = error;
    this.logger.warn(
      `storing the ingest log failed (${batches} batches kept, retried): ${describeError(error)}`,
    );
  }

  /** After a drain: batches waiting for room try again; reads it covered go ahead. */
  private settleWaiters(): void {
    for (const made of this.roomWaiters.splice(0)) made();
    const waiting = this.barriers;
    this.barriers = [];
    for (const b of waiting) {
      // An empty queue has nothing left for anyone (a batch whose append failed is in none).
      if (b.seq <= this.drainedSeq || this.queue.length === 0) b.resolve();
      else this.barriers.push(b);
    }
  }

  private async flushOnce(): Promise<void> {
    const taken = this.queue;
    this.queue = [];
    const started = performance.now();
    this.stats.flushes++;
    pushBounded(this.stats.requestsPerFlush, taken.length);
    try {
      // Acknowledged only once stored; a sender told of a failure retries.
      const failures = await this.storeEach(taken);
      if (failures.size > 0) this.stats.insertFailures++;
      for (const p of taken) {
        const failure = failures.get(p);
        if (failure) p.reject(failure);
        else p.resolve();
      }
    } finally {
      pushBounded(this.stats.flushMs, performance.now() - started);
      for (const p of taken) this.dequeued(p);
      this.updateQueueStats();
    }
  }

  /**
   * Stores the batches with one insert per table. When ClickHouse refuses them for good (rows it
   * cannot parse: the same insert would be refused again), stores each batch on its own, so one
   * sender's bad rows cannot fail the others that shared the flush; the tables whose insert already
   * succeeded hold every batch's rows and are not written again. Returns the batches not stored,
   * each with its failure: refused for good (isRefusedRows()), or one that may pass on a retry, which
   * then skips the tables already holding the batch's rows (storedTables).
   */
  private async storeEach(pending: Pending[]): Promise<Map<Pending, StorageError>> {
    const failures = new Map<Pending, StorageError>();
    // The batches of an attempt that failed go together again, as that attempt.
    const groups = new Map<Attempt | undefined, Pending[]>();
    for (const p of pending) {
      const batches = groups.get(p.attempt);
      if (batches) batches.push(p);
      else groups.set(p.attempt, [p]);
    }
    for (const [attempt, batches] of groups) {
      // Batches no record names yet: an attempt whose record failed may go on (below).
      const fresh = attempt ?? (await this.newAttempt(batches, [], false));
      await this.storeTogether(batches, fresh, failures);
    }
    return failures;
  }

  private async storeTogether(
    pending: Pending[],
    attempt: Attempt,
    failures: Map<Pending, StorageError>,
  ): Promise<void> {
    try {
      await this.store(pending, attempt);
      for (const p of pending) p.attempt = undefined;
      return;
    } catch (error) {
      const failure = toStorageError(error, 'insert');
      if (!isRefusedRows(failure) || pending.length === 1) {
        return notStored(pending, failure, attempt, failures);
      }
    }
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i];
      // A record names p already when the group's does: a replay would take p for that attempt
      // unless the new one is recorded, so p and the rest stay that attempt until it can be.
      let own: Attempt;
      try {
        own = await this.newAttempt([p], attempt.stored, attempt.recorded);
      } catch (unrecorded) {
        return notStored(pending.slice(i), toStorageError(unrecorded, 'insert'), attempt, failures);
      }
      try {
        await this.store([p], own);
        p.attempt = undefined;
      } catch (error) {
        const failure = toStorageError(error, 'insert');
        notStored([p], failure, own, failures);
        // ClickHouse is away, not refusing rows: the others wait for the next attempt too.
        if (!isRefusedRows(failure))
          return notStored(pending.slice(i + 1), failure, attempt, failures);
      }
    }
  }

  /**
   * A new attempt at storing `pending` (a new token), the tables in `stored` skipped; with the
   * ingest log, recorded there first (StoreAttempt) for a replay, in the log's reserve when the
   * disk is full. A record that cannot be written even so (the reserve spent) is counted and
   * warned of. When `mustRecord` (a record already names these batches), that failure is
   * thrown: a replay would store them as the recorded attempt, whose token another insert may have
   * used for other rows since. Otherwise the drain goes on unrecorded rather than hold every
   * acknowledged batch, and their segments, until the disk has room; a kill before those batches
   * are committed may then store their rows twice.
   */
  private async newAttempt(
    pending: Pending[],
    stored: Iterable<string>,
    mustRecord: boolean,
  ): Promise<Attempt> {
    const attempt: Attempt = { token: randomUUID(), stored: new Set(stored), recorded: false };
    const log = this.options.log;
    if (!log) return attempt;
    const ids = pending.flatMap((p) => (p.batch.id === undefined ? [] : [p.batch.id]));
    try {
      await log.appendRecord(
        attemptDocument({ token: attempt.token, batches: ids, stored: [...attempt.stored] }),
      );
      attempt.recorded = true;
    } catch (error) {
      this.stats.unrecordedAttempts++;
      const message = `recording a store attempt in the ingest log: ${describeError(error)}`;
      this.logger.warn(message);
      if (mustRecord) throw new StorageUnavailableError(message, error);
    }
    return attempt;
  }

  /**
   * Inserts the rows of some queued batches as `attempt`, table by table, skipping the tables it
   * has stored and adding each table to them once its insert succeeds.
   */
  private async store(pending: Pending[], attempt: Attempt): Promise<void> {
    const { token, stored } = attempt;
    // The hashes of the invocations this attempt stores (in `fresh`, and listed for this.recent).
    const fresh = this.freshKeys;
    fresh.clear();
    const freshHashes: number[] = [];
    const hash: KeyHash = { high: 0, low: 0 };
    const chunks = new Map<string, Chunk[]>();
    const add = (table: string, chunk: Chunk): void => {
      const list = chunks.get(table);
      if (list) list.push(chunk);
      else chunks.set(table, [chunk]);
    };
    const requestKeys: { key: string; source: string }[] = [];
    // What the inserted invocations feed (the whole window of each batch with an invocation not
    // stored yet: a superset only widens what a repair after an unclean stop rebuilds), what
    // minute rows feed, and what every invocation feeds, retried ones included (the source choice).
    const freshWindow = new WindowSets();
    const minuteWindow = new WindowSets();
    const allWindow = new WindowSets();
    for (const { batch } of pending) {
      const invocations = batch.tables.invocations;
      if (invocations) {
        // Runs of rows not stored yet; a retried invocation splits its batch's bytes.
        const hashes = batch.invocationHashes;
        const count = hashes.length / 2;
        let run = -1;
        let any = false;
        for (let i = 0; i < count; i++) {
          hash.high = hashes[2 * i];
          hash.low = hashes[2 * i + 1];
          if (this.recent.has(hash) || !fresh.add(hash)) {
            this.stats.duplicateInvocations++;
            if (run >= 0) add(INVOCATIONS.table, { rows: invocations, start: run, end: i });
            run = -1;
            continue;
          }
          freshHashes.push(hash.high, hash.low);
          any = true;
          if (run < 0) run = i;
        }
        if (run >= 0) {
          add(INVOCATIONS.table, { rows: invocations, start: run, end: count });
        }
        if (any) freshWindow.add(batch.invocationWindow);
        allWindow.add(batch.invocationWindow);
      }
      for (const encoder of [SPANS, LOGS, METRIC_POINTS, FUNCTION_MINUTES]) {
        const rows = batch.tables[encoder.table];
        if (rows) add(encoder.table, { rows, start: 0, end: rows.ends.length });
      }
      minuteWindow.add(batch.minuteWindow);
      allWindow.add(batch.minuteWindow);
      pushAll(requestKeys, batch.requestKeys);
    }
    const once = async (encoder: TableEncoder<never>): Promise<void> => {
      if (stored.has(encoder.table)) return;
      await this.insert(encoder, chunks.get(encoder.table) ?? [], token);
      stored.add(encoder.table);
    };
    const journal = this.options.journal;
    // What this attempt writes into the aggregate: the tables already stored feed nothing more.
    const written = new WindowSets();
    if (!stored.has(INVOCATIONS.table)) written.add(freshWindow);
    if (!stored.has(FUNCTION_MINUTES.table)) written.add(minuteWindow);
    const window = journal ? written.window() : undefined;
    const marker = window ? journal!.begin(window) : undefined;
    // allSettled: every insert has finished, so `stored` is complete, before a failure is raised.
    const results = await Promise.allSettled([
      // Remembered as soon as they are stored: if another table fails, the retry of these
      // requests must not store the invocations a second time (ClickHouse inserts are atomic per
      // table, not across tables).
      once(INVOCATIONS).then(() => {
        for (let i = 0; i < freshHashes.length; i += 2) {
          hash.high = freshHashes[i];
          hash.low = freshHashes[i + 1];
          this.recent.add(hash);
        }
      }),
      once(SPANS),
      once(LOGS),
      once(METRIC_POINTS),
      once(FUNCTION_MINUTES),
    ]);
    // A failed flush keeps its marker: what it left half-written is rebuilt at the next start.
    throwFirstFailure(results);
    const choice = async (): Promise<void> => {
      if (this.options.chooseSources) {
        // Retried deliveries too: a flush whose choice failed is retried as duplicates.
        const chosen = allWindow.window();
        if (chosen) await this.options.chooseSources(chosen);
      }
      if (marker) journal!.end(marker);
    };
    const keys = async (): Promise<void> => {
      if (stored.has(INGEST_REQUESTS.table)) return;
      await this.insertRows(INGEST_REQUESTS, requestKeys);
      stored.add(INGEST_REQUESTS.table);
    };
    // Every row is stored. With a marker recorded, the request keys (a replay skips what they
    // name) go in beside the source choice rather than after it, one wait fewer in each drain: the
    // marker stays until the choice is made, and a kill before then rebuilds its window, the
    // choice included, at the next start. Without one, the keys wait for the choice as before.
    if (marker) throwFirstFailure(await Promise.allSettled([choice(), keys()]));
    else {
      await choice();
      await keys();
    }
  }

  /**
   * Inserts rows already encoded: the batches' bytes, copied into one body; into the
   * DEDUPLICATED_TABLES with the attempt's token.
   */
  private insert(encoder: TableEncoder<never>, chunks: Chunk[], token: string): Promise<void> {
    let count = 0;
    for (const c of chunks) count += c.end - c.start;
    const deduplication = DEDUPLICATED_TABLES.has(encoder.table) ? token : undefined;
    return this.send(
      encoder,
      count,
      (body) => {
        const from = ({ rows, start }: Chunk): number => (start === 0 ? 0 : rows.ends[start - 1]);
        let bytes = 0;
        for (const c of chunks) bytes += c.rows.ends[c.end - 1] - from(c);
        // Sized once: grown by doubling, a drain's body allocated twice its size outside the V8
        // heap (BENCHMARKS.md, "Small deliveries: keys as hashes").
        body.ensureRoom(bytes);
        for (const c of chunks) body.putBytes(c.rows.bytes, from(c), c.rows.ends[c.end - 1]);
      },
      deduplication,
    );
  }

  /** Inserts rows not encoded yet (the request keys). */
  private insertRows<T>(encoder: TableEncoder<T>, rows: T[]): Promise<void> {
    return this.send(encoder, rows.length, (body) => putRows(encoder, rows, body));
  }

  /** One insert of `count` rows, whose JSONCompactEachRow body `put` writes. */
  private async send(
    encoder: Pick<TableEncoder<unknown>, 'table' | 'columns'>,
    count: number,
    put: (body: LineBuffer) => void,
    deduplicationToken?: string,
  ): Promise<void> {
    if (count === 0) return;
    const started = performance.now();
    // One buffer per table: a table's inserts run one at a time, and the engine (or the HTTP
    // request) reads the bytes until its insert settles.
    const body = this.body(encoder.table);
    try {
      put(body);
      const settings = insertSettings(encoder.table, this.options.rawInsert !== undefined);
      await this.insertBody({
        table: encoder.table,
        columns: encoder.columns,
        body: body.bytes(),
        // Stated on every insert: a token must not reach one that carries none (where a client
        // keeps settings for its session, as chDB's connection of @clickhouse/client does), or
        // the views of `invocations` would feed function_minutes with it and be dropped as
        // repeats there.
        settings: { ...settings, insert_deduplication_token: deduplicationToken ?? '' },
      });
    } finally {
      body.clear();
    }
    this.inserted(encoder.table, count, performance.now() - started);
  }

  private body(table: string): LineBuffer {
    const body = this.bodies.get(table) ?? new LineBuffer();
    this.bodies.set(table, body);
    return body;
  }

  private inserted(table: string, rows: number, elapsedMs: number): void {
    const name = table as TableName;
    this.stats.insertedRows[name] = (this.stats.insertedRows[name] ?? 0) + rows;
    this.stats.insertBatches++;
    pushBounded(this.stats.insertLatenciesMs, elapsedMs);
    pushBounded(this.stats.batchSizes, rows);
  }

  /** Encodes an accepted batch; a value JSON cannot hold refuses it for good. */
  private encode(batch: IngestBatch): EncodedBatch {
    try {
      return encodeBatch(batch, this.scratch);
    } catch (error) {
      throw new StorageQueryError(`encoding rows: ${describeError(error)}`, error, false);
    }
  }

  private updateQueueStats(): void {
    this.stats.queueBytes = this.queueBytes;
    this.stats.queueRows = this.queueRows;
  }
}

/** Some rows of a batch's encoded table: rows `start` to `end` (exclusive). */
interface Chunk {
  rows: EncodedRows;
  start: number;
  end: number;
}

/**
 * Throws the failure of the statements run together that should decide the retry: one for which
 * ClickHouse could not be reached before one it refused. The batches are then retried together
 * as the same attempt, which may have committed the first without answering, rather than one by
 * one as new attempts that would store it again.
 */
function throwFirstFailure(results: PromiseSettledResult<unknown>[]): void {
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  const failed =
    rejected.find((r) => !isRefusedRows(toStorageError(r.reason, 'insert'))) ?? rejected[0];
  if (failed) throw failed.reason;
}

/** Bytes a replayed batch holds (its encoded rows). */
function encodedBytes(batch: EncodedBatch): number {
  let bytes = 0;
  for (const rows of Object.values(batch.tables)) bytes += rows ? rows.bytes.length : 0;
  return bytes;
}

function noop(): void {}

function closedWriter(): StorageUnavailableError {
  return new StorageUnavailableError('the writer is closed');
}

/** Records batches an attempt did not store: their next try is that attempt again. */
function notStored(
  batches: Pending[],
  failure: StorageError,
  attempt: Attempt,
  failures: Map<Pending, StorageError>,
): void {
  for (const p of batches) {
    failures.set(p, failure);
    p.attempt = attempt;
  }
}

function countRows(batch: IngestBatch): number {
  return (
    (batch.invocations?.length ?? 0) +
    (batch.spans?.length ?? 0) +
    (batch.logs?.length ?? 0) +
    (batch.metricPoints?.length ?? 0) +
    (batch.functionMinutes?.length ?? 0) +
    (batch.requestKeys?.length ?? 0)
  );
}

// Rough sizes of the in-memory rows; exactness is not needed, only a bound that tracks reality.
const INVOCATION_BYTES = 500;
const MINUTE_BYTES = 400;

function spanBytes(s: SpanRow): number {
  return 400 + s.name.length + attrBytes(s.resourceAttributes) + attrBytes(s.spanAttributes);
}

function logBytes(l: LogRow): number {
  return 300 + l.body.length * 2 + attrBytes(l.resourceAttributes) + attrBytes(l.logAttributes);
}

function pointBytes(m: MetricPointRow): number {
  return (
    300 + m.bucketCounts.length * 16 + attrBytes(m.attributes) + attrBytes(m.resourceAttributes)
  );
}

function estimateBytes(batch: IngestBatch): number {
  let bytes = 0;
  for (const s of batch.spans ?? []) bytes += spanBytes(s);
  for (const l of batch.logs ?? []) bytes += logBytes(l);
  bytes += (batch.invocations?.length ?? 0) * INVOCATION_BYTES;
  for (const m of batch.metricPoints ?? []) bytes += pointBytes(m);
  bytes += (batch.functionMinutes?.length ?? 0) * MINUTE_BYTES;
  return bytes;
}

/**
 * Cuts a batch's rows into parts of at most `limit` estimated bytes (a row larger than that is a
 * part of its own), in a fixed order: each table's rows in order, the tables one after another.
 * Request keys are not carried over.
 */
function cutBatch(batch: IngestBatch, limit: number): IngestBatch[] {
  const parts: IngestBatch[] = [];
  let part: IngestBatch = {};
  let bytes = 0;
  const cut = <T>(
    rows: T[] | undefined,
    size: (row: T) => number,
    put: (part: IngestBatch, rows: T[]) => void,
  ): void => {
    if (!rows) return;
    let from = 0;
    for (let i = 0; i < rows.length; i++) {
      const b = size(rows[i]);
      if (bytes > 0 && bytes + b > limit) {
        if (i > from) put(part, rows.slice(from, i));
        parts.push(part);
        part = {};
        bytes = 0;
        from = i;
      }
      bytes += b;
    }
    if (rows.length > from) put(part, rows.slice(from));
  };
  cut(
    batch.invocations,
    () => INVOCATION_BYTES,
    (p, rows) => (p.invocations = rows),
  );
  cut(batch.spans, spanBytes, (p, rows) => (p.spans = rows));
  cut(batch.logs, logBytes, (p, rows) => (p.logs = rows));
  cut(batch.metricPoints, pointBytes, (p, rows) => (p.metricPoints = rows));
  cut(
    batch.functionMinutes,
    () => MINUTE_BYTES,
    (p, rows) => (p.functionMinutes = rows),
  );
  if (bytes > 0) parts.push(part);
  if (batch.hints && parts.length > 0) parts[parts.length - 1].hints = batch.hints;
  return parts;
}

function attrBytes(attributes: Record<string, string>): number {
  let bytes = 0;
  for (const key in attributes) bytes += 48 + (key.length + attributes[key].length) * 2;
  return bytes;
}

function pushAll<T>(target: T[], source: T[]): void {
  for (const item of source) target.push(item);
}

function pushBounded(values: number[], value: number): void {
  values.push(value);
  if (values.length > 256) values.shift();
}
