import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  IngestRequestsRepository,
  IngestWriter,
  BatchTooLargeError,
  QueueFullError,
  StorageError,
  StorageQueryError,
  type IngestBatch,
} from '@fleetscope/storage';
import { IngestMetrics } from '../telemetry/ingest-metrics';

/** Why a request could not be stored, mapped by each protocol to its own retryable answer. */
export class RetryableIngestError extends Error {
  constructor(
    readonly reason: 'queue_full' | 'storage_unavailable',
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

  constructor(
    private readonly writer: IngestWriter,
    private readonly requests: IngestRequestsRepository,
    private readonly metrics: IngestMetrics,
  ) {}

  /** A stable key for a request body: retries of the same request hash the same. */
  static keyOf(kind: string, body: Buffer | string): string {
    return `${kind}:${createHash('sha256').update(body).digest('base64url').slice(0, 32)}`;
  }

  /**
   * Whether a request with this key was already stored (or is being stored). Routes whose parsing
   * changes shared state (per-sandbox Lambda streams) ask before parsing a redelivery.
   */
  isKnown(key: string): boolean {
    return this.inFlight.has(key) || this.requests.seen(key);
  }

  async store(signal: string, batch: IngestBatch, key?: string): Promise<StoreOutcome> {
    if (key) {
      const running = this.inFlight.get(key);
      if (running) {
        await running;
        this.metrics.duplicate(signal);
        return { duplicate: true };
      }
      if (this.requests.seen(key)) {
        this.metrics.duplicate(signal);
        return { duplicate: true };
      }
    }
    const write = this.guard(async () => {
      await this.writer.write(key ? { ...batch, requestKeys: [{ key, source: signal }] } : batch);
      if (key) this.requests.remember(key);
    });
    if (key) this.inFlight.set(key, write);
    try {
      await write;
    } finally {
      if (key) this.inFlight.delete(key);
    }
    return { duplicate: false };
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.writer.isQueueFull()) {
      throw new RetryableIngestError('queue_full', 1, 'the write queue is full; retry later');
    }
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueueFullError) {
        throw new RetryableIngestError(
          'queue_full',
          error.retryAfterSeconds,
          'the write queue is full; retry later',
        );
      }
      if (error instanceof BatchTooLargeError) throw new RejectedIngestError(error.message, 413);
      if (error instanceof StorageQueryError && !error.retryable) {
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
