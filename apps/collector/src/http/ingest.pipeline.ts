import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, ENV, type Config } from '@fleetscope/config';
import { RequestStartTimes } from '@fleetscope/ingest';
import { promiseOf, type InvocationRecord } from '@fleetscope/model';
import { RPC_CODE } from '@fleetscope/otlp';
import {
  IngestRequestsRepository,
  IngestWriter,
  BatchTooLargeError,
  QueueFullError,
  StorageError,
  BATCH_PARTS,
  describeRejectedRows,
  mergeRejectedRows,
  isRefusedRows,
  ingestTimeWindow,
  screenBatch,
  type BatchPart,
  type IngestBatch,
  type IngestTimeWindow,
  type RejectedRows,
  type SettingsSnapshot,
} from '@fleetscope/storage';
import { SettingsHistoryRecorder } from '../inventory/settings-history.recorder';
import { InventoryRecorder, type SpanRuntime } from '../lambda/inventory.recorder';
import { IngestMetrics } from '../telemetry/ingest-metrics';

/** Why a request could not be stored, mapped by each protocol to its own retryable answer. */
export type RetryReason = 'queue_full' | 'storage_unavailable';

/**
 * The one 429/503 decision of every ingest route: a full queue asks the sender to slow down (429,
 * google.rpc RESOURCE_EXHAUSTED), storage that is down to come back later (503, UNAVAILABLE); both
 * go with Retry-After (OTLP/HTTP "Retryable response codes"). OTLP/gRPC answers UNAVAILABLE for
 * both ("OTLP/gRPC Throttling" signals back-pressure so), with a RetryInfo of the same delay.
 */
export function retryStatus(reason: RetryReason): { http: 429 | 503; rpcCode: number } {
  return reason === 'queue_full'
    ? { http: 429, rpcCode: RPC_CODE.RESOURCE_EXHAUSTED }
    : { http: 503, rpcCode: RPC_CODE.UNAVAILABLE };
}

export class RetryableIngestError extends Error {
  constructor(
    readonly reason: RetryReason,
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

/** ClickHouse refused the rows themselves: retrying the same request can never succeed (400). */
export class RejectedIngestError extends Error {
  constructor(
    message: string,
    /** 400: the rows themselves are wrong; 413: the request is too big to store at once. */
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

export interface StoreOutcome {
  duplicate: boolean;
  /** Rows refused before the writer (times outside the window, numbers the columns cannot hold). */
  rejected: RejectedRows;
  /** What the sender is told about them; '' when nothing was refused. */
  rejectedMessage: string;
}

/** Every row of the request was refused by the screen: nothing to store, the sender gets 400. */
export class NothingStorableError extends RejectedIngestError {
  constructor(readonly rejected: RejectedRows) {
    super(`no item could be stored: ${describeRejectedRows(rejected)}`);
  }
}

/**
 * The one path from a decoded request to storage, shared by every protocol: it recognises a
 * retried request by its key and acknowledges it without a second copy, waits until the rows are
 * stored (so an acknowledgement means the data is safe), and turns storage trouble into a
 * retryable error with a Retry-After.
 */
@Injectable()
export class IngestPipeline {
  private readonly inFlight = new Map<string, Promise<void>>();
  /** The start of every Lambda invocation stored, from whichever route, by its request. */
  private readonly requestTimes = new RequestStartTimes();

  constructor(
    private readonly writer: IngestWriter,
    private readonly requests: IngestRequestsRepository,
    private readonly metrics: IngestMetrics,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly settings: SettingsHistoryRecorder,
    private readonly inventory: InventoryRecorder,
  ) {}

  /** The times accepted now: FLEETSCOPE_INGEST_MAX_FUTURE_HOURS ahead, the raw retention behind. */
  window(nowMs = Date.now()): IngestTimeWindow {
    return ingestTimeWindow(nowMs, {
      maxFutureHours: this.config.ingestMaxFutureHours,
      retentionDays: this.config.rawRetentionDays,
      futureSetting: ENV.ingestMaxFutureHours.name,
      retentionSetting: ENV.rawRetentionDays.name,
    });
  }

  /**
   * Drops the rows the tables cannot hold (see storable-rows.validator.ts) and counts them under
   * `signal` by reason. Every ingest route's rows pass here before the writer.
   */
  screen(
    signal: string,
    batch: IngestBatch,
    itemParts?: readonly BatchPart[],
  ): ReturnType<typeof screenBatch> {
    const screened = screenBatch(batch, this.window(), itemParts);
    for (const [reason, count] of Object.entries(screened.rejected.byReason)) {
      this.metrics.rejected(signal, reason, count);
    }
    return screened;
  }

  /**
   * Times rows that only their arrival timed (IngestResult.arrivalTimed) as the invocation of the
   * same request stored before, if one was, so that its sources count it in one minute.
   */
  retimeByRequest(rows: readonly InvocationRecord[]): void {
    this.requestTimes.retime(rows);
  }

  /**
   * A stable key for a request body: retries of the same request hash the same. Several parts hash
   * as their concatenation, without making it.
   */
  static keyOf(kind: string, ...parts: (Buffer | string)[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return `${kind}:${hash.digest('base64url').slice(0, 32)}`;
  }

  /**
   * Whether a request with this key was already stored (or is being stored). Routes whose parsing
   * changes shared state (per-sandbox Lambda streams) ask before parsing a redelivery.
   */
  isKnown(key: string): boolean {
    return this.inFlight.has(key) || this.requests.seen(key);
  }

  /**
   * Screens and stores a request's rows. Refused rows are reported in the outcome (the rest is
   * stored); when none is left, NothingStorableError (400).
   *
   * Not async, nor is anything that holds the decoded rows: an async function keeps its arguments
   * and locals alive until it returns, and the rows, encoded by the time writer.write() returns,
   * would otherwise live until the request is acknowledged (tens of milliseconds under load, long
   * enough to be promoted to the old generation and marked there by every major GC).
   */
  store(
    signal: string,
    batch: IngestBatch,
    key?: string,
    /** The parts that are the request's items; the others are made from them (default: all). */
    itemParts?: readonly BatchPart[],
  ): Promise<StoreOutcome> {
    return promiseOf(() => this.storeNow(signal, batch, key, itemParts));
  }

  private storeNow(
    signal: string,
    batch: IngestBatch,
    key?: string,
    itemParts?: readonly BatchPart[],
  ): Promise<StoreOutcome> {
    if (key) {
      const running = this.inFlight.get(key);
      if (running || this.requests.seen(key)) {
        return this.duplicateOf(signal, this.refusedIn(batch, itemParts), running);
      }
    }
    const parts = this.writer.split(batch);
    if (parts) return this.storeParts(signal, parts, key, itemParts);
    const screened = this.screen(signal, batch, itemParts);
    if (screened.nothingLeft) throw new NothingStorableError(screened.rejected);
    const rows = screened.batch;
    this.requestTimes.note(rows.invocations ?? []);
    // Stored: what the invocations say of their settings (memory, architecture) joins the history.
    const seen = this.settings.seenIn(rows.invocations ?? []);
    const runtimes = InventoryRecorder.spanRuntimesIn(rows.invocations ?? []);
    // The closure is called and dropped at once: a closure still alive would keep `rows` (closures
    // of one scope share its variables), so what runs once stored is a method (stored()).
    const written = this.guard(() =>
      this.writer.write(key ? { ...rows, requestKeys: [{ key, source: signal }] } : rows),
    );
    const write = this.stored(written, key, seen, runtimes);
    if (key) this.inFlight.set(key, write);
    return this.outcome(write, screened.rejected, key);
  }

  /**
   * A request bigger than the write queue's bound, stored in the parts writer.split() cut it into,
   * one after another, and acknowledged once all are: refused as too large (413), its sender could
   * never store it, and Firehose drops a batch answered 413 for good. Every part but the last is
   * stored under a key of its own naming the rows it holds, the last under the request's key: a
   * retry after a part was refused (429, 503) stores only the parts not stored before, and a part
   * cut otherwise than the first time gets another key, stored again rather than skipped. Cut
   * before the screen, so that a row refused on one try and not the other does not move the rows
   * under the keys.
   */
  private storeParts(
    signal: string,
    parts: IngestBatch[],
    key: string | undefined,
    itemParts: readonly BatchPart[] | undefined,
  ): Promise<StoreOutcome> {
    const screened = parts.map((part) => this.screen(signal, part, itemParts));
    const rejected = mergeRejectedRows(screened.map((s) => s.rejected));
    if (screened.every((s) => s.nothingLeft)) throw new NothingStorableError(rejected);
    const rows = screened.map((s) => s.batch);
    const invocations = rows.flatMap((part) => part.invocations ?? []);
    this.requestTimes.note(invocations);
    const seen = this.settings.seenIn(invocations);
    const runtimes = InventoryRecorder.spanRuntimesIn(invocations);
    const keys = key ? partKeys(key, parts) : [];
    const write = this.stored(this.writeParts(signal, rows, keys), key, seen, runtimes);
    if (key) this.inFlight.set(key, write);
    return this.outcome(write, rejected, key);
  }

  /** Writes each part once the previous one is acknowledged, skipping those stored before. */
  private async writeParts(signal: string, parts: IngestBatch[], keys: string[]): Promise<void> {
    for (let i = 0; i < parts.length; i++) {
      const key = keys[i] as string | undefined;
      const last = i === parts.length - 1;
      // The last part's key is the request's: stored() remembers it once every part is.
      if (key !== undefined && !last && this.requests.seen(key)) continue;
      const part =
        key === undefined ? parts[i] : { ...parts[i], requestKeys: [{ key, source: signal }] };
      await this.answerable(this.writePart(part, i > 0));
      if (key !== undefined && !last) this.requests.remember(key);
      // Stored: its rows may go.
      parts[i] = {};
    }
  }

  /**
   * Not admit(): the queue may be full of this request's own parts. write() waits for the drain
   * under way to make room, but that drain may hold none of them (a drain's batches leave the
   * queue's count when it starts): a part after the first that finds the queue full waits until
   * the parts before it are stored, then is refused (429) only if it still does not fit.
   */
  private async writePart(part: IngestBatch, waitForRoom: boolean): Promise<void> {
    try {
      await this.writer.write(part);
    } catch (error) {
      if (!waitForRoom || !(error instanceof QueueFullError)) throw error;
      await this.writer.readBarrier();
      await this.writer.write(part);
    }
  }

  private async stored(
    written: Promise<void>,
    key: string | undefined,
    seen: readonly SettingsSnapshot[],
    runtimes: readonly SpanRuntime[],
  ): Promise<void> {
    await written;
    if (key) this.requests.remember(key);
    this.settings.observed(seen);
    this.inventory.observed(seen);
    this.inventory.spansObserved(runtimes);
  }

  /**
   * What the screen refuses of a retried request: the answer to a retry carries the same
   * partial_success as the first, or a sender that lost the first answer is told that everything
   * was stored. Re-screened rather than remembered: the screen depends only on the rows and the
   * time window, and a key is recognised after a restart (loaded from ingest_requests) where an
   * outcome kept in memory would be gone. The window only moves by the time between the two
   * sends; a row that has aged past the retention since was stored but is due to be deleted.
   * Not counted again in the rejected metrics (the first send counted them).
   */
  private refusedIn(
    batch: IngestBatch,
    itemParts?: readonly BatchPart[],
  ): Pick<StoreOutcome, 'rejected' | 'rejectedMessage'> {
    const { rejected } = screenBatch(batch, this.window(), itemParts);
    return { rejected, rejectedMessage: describeRejectedRows(rejected) };
  }

  private async duplicateOf(
    signal: string,
    refused: Pick<StoreOutcome, 'rejected' | 'rejectedMessage'>,
    running?: Promise<void>,
  ): Promise<StoreOutcome> {
    if (running) await running;
    this.metrics.duplicate(signal);
    return { duplicate: true, ...refused };
  }

  private async outcome(
    write: Promise<void>,
    rejected: StoreOutcome['rejected'],
    key: string | undefined,
  ): Promise<StoreOutcome> {
    try {
      await write;
    } finally {
      if (key) this.inFlight.delete(key);
    }
    return { duplicate: false, rejected, rejectedMessage: describeRejectedRows(rejected) };
  }

  /**
   * Throws RetryableIngestError (429) while the write queue is full. Routes ask before decoding a
   * body, so under overload a sender told to come back costs no decoding and no memory.
   */
  admit(): void {
    if (this.writer.isQueueFull()) {
      throw new RetryableIngestError('queue_full', 1, 'the write queue is full; retry later');
    }
  }

  /**
   * Starts `work` at once (admitted: not refused as over the bound) and maps what it throws to the
   * answer's error. Not async, so that `work`'s closure (the rows) is not kept until it settles.
   */
  private guard<T>(work: () => Promise<T>): Promise<T> {
    return this.answerable(
      promiseOf(() => {
        this.admit();
        return work();
      }),
    );
  }

  private async answerable<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof QueueFullError) {
        throw new RetryableIngestError(
          'queue_full',
          error.retryAfterSeconds,
          'the write queue is full; retry later',
        );
      }
      if (error instanceof BatchTooLargeError) throw new RejectedIngestError(error.message, 413);
      if (isRefusedRows(error)) {
        throw new RejectedIngestError(`the rows could not be stored: ${error.message}`);
      }
      if (error instanceof StorageError) {
        throw new RetryableIngestError(
          'storage_unavailable',
          5,
          `storage unavailable: ${error.message}`,
        );
      }
      throw error;
    }
  }
}

/**
 * The keys of a request's parts: the request's key for the last, and for each other the request's
 * key with the rows the part holds, as ranges of each table's rows in the request (the parts are
 * in the order of the rows), e.g. `firehose:ID#logs=0-2911`.
 */
function partKeys(key: string, parts: readonly IngestBatch[]): string[] {
  const offsets: Record<BatchPart, number> = {
    spans: 0,
    invocations: 0,
    logs: 0,
    metricPoints: 0,
    functionMinutes: 0,
  };
  return parts.map((part, i) => {
    const ranges: string[] = [];
    for (const table of BATCH_PARTS) {
      const count = part[table]?.length ?? 0;
      if (count === 0) continue;
      ranges.push(`${table}=${offsets[table]}-${offsets[table] + count - 1}`);
      offsets[table] += count;
    }
    return i === parts.length - 1 ? key : `${key}#${ranges.join(',')}`;
  });
}
