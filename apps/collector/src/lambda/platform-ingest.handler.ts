import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import {
  LambdaLogStreamAssemblerPool,
  SandboxInitGate,
  type IngestRejectReason,
  type IngestResult,
} from '@fleetscope/ingest';
import { firstOfEachInvocation } from '@fleetscope/storage';
import { BodyError, decodeBody } from '../http/request-body';
import {
  IngestPipeline,
  NothingStorableError,
  RejectedIngestError,
  RetryableIngestError,
  retryStatus,
  type StoreOutcome,
} from '../http/ingest.pipeline';
import { IngestMetrics } from '../telemetry/ingest-metrics';
import { InventoryRecorder } from './inventory.recorder';

export interface StoreAnswer {
  status: 200 | 400 | 413 | 429 | 503;
  message: string;
  duplicate: boolean;
  /** Items refused here and by the storage screen, with the first messages. */
  rejected: number;
  errors: string[];
  /** Rows stored. */
  invocations: number;
  logs: number;
  retryAfterSeconds?: number;
}

/** A refused request's status and body, in its protocol's shape. */
export interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** What answering a result needs of it once its rows are handed to the pipeline: no rows. */
type Decoded = Pick<IngestResult, 'rejected' | 'errors' | 'configHints' | 'failure'> & {
  invocations: number;
  logs: number;
};

/**
 * A request whose every item was refused and that leaves nothing to store (no row, no function
 * setting) is refused as a whole, naming why (README: a request with nothing left gets 400):
 * answered 200, its sender would take it as stored and drop it (Firehose without its S3 backup).
 * A request of nothing but empty or control messages refused nothing, and stays 200.
 */
function nothingLeft(result: IngestResult): IngestResult['failure'] {
  const stored = result.invocations.length + result.logs.length + result.configHints.length;
  if (stored > 0 || result.rejected === 0) return undefined;
  return {
    reason: (Object.keys(result.rejectedByReason) as IngestRejectReason[])[0] ?? 'invalid_shape',
    message: `no item could be stored: ${result.errors.join('; ')}`,
  };
}

function decoded(result: IngestResult): Decoded {
  return {
    rejected: result.rejected,
    errors: result.errors,
    configHints: result.configHints,
    failure: result.failure,
    invocations: result.invocations.length,
    logs: result.logs.length,
  };
}

/** The shared tail of every platform ingest route: bounded body, store, count, answer. */
@Injectable()
export class PlatformIngestHandler {
  /** Per-sandbox state (an INIT before its first REPORT, a reset after a timeout) across deliveries. */
  readonly pool = new LambdaLogStreamAssemblerPool();
  /** Holds a Telemetry API delivery that came before its sandbox's platform.initStart. */
  readonly initGate: SandboxInitGate;

  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly pipeline: IngestPipeline,
    readonly metrics: IngestMetrics,
    private readonly inventory: InventoryRecorder,
  ) {
    this.initGate = new SandboxInitGate(this.pool, { maxWaitMs: config.telemetryInitWaitMs });
  }

  /**
   * The request body, decompressed within FLEETSCOPE_MAX_BODY_BYTES, or an answered error
   * (`{message}` with the error's status, or what `errorAnswer` makes of them for protocols with
   * their own shape and statuses).
   */
  async body(
    signal: string,
    request: FastifyRequest,
    reply: FastifyReply,
    errorAnswer: (status: number, message: string) => ErrorAnswer = (status, message) => ({
      status,
      body: { message },
    }),
  ): Promise<Buffer | undefined> {
    try {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return decodeBody(raw, request.headers['content-encoding'], this.config.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyError) {
        this.metrics.rejected(signal, error.reason);
        const answer = errorAnswer(error.status, error.message);
        await this.answer(signal, reply, answer.status, answer.body);
        return undefined;
      }
      throw error;
    }
  }

  /** Whether a request with this key was stored before (or is being stored): a redelivery. */
  isKnown(key: string): boolean {
    return this.pipeline.isKnown(key);
  }

  /**
   * Stores what a parser produced: 400 when the body as a whole was unusable or every item of it
   * was refused (nothingLeft()), 200 otherwise (rejected items are counted, the good ones kept),
   * 429/503 + Retry-After when the sender should come back later. The route shapes the answer.
   *
   * Not async: what waits for the rows to be stored holds only their counts (decoded()), so that
   * the decoded rows die once encoded (see IngestPipeline.store()).
   */
  store(
    signal: string,
    result: IngestResult,
    key: string,
    /**
     * Called when this body's rows were not stored by this request: refused (its sender sends it
     * again) or stored before (a duplicate). The routes pass the pool's undo, so per-sandbox state
     * moves on once per stored delivery.
     */
    notStored?: () => void,
  ): Promise<StoreAnswer> {
    // Stored once, and so answered once: an invocation the request holds twice (its REPORT
    // repeated in one delivery).
    result.invocations = firstOfEachInvocation(result.invocations);
    result.failure ??= nothingLeft(result);
    // A redelivery's rejections were counted when it was first sent.
    if (!this.isKnown(key)) {
      for (const [reason, count] of Object.entries(result.rejectedByReason)) {
        this.metrics.rejected(signal, reason, count);
      }
    }
    // Before the rows are stored: a REPORT line that arrived without its time is counted in the
    // minute its request's span or timed REPORT was, not minutes later as a second invocation.
    if (result.arrivalTimed && !result.failure) this.pipeline.retimeByRequest(result.arrivalTimed);
    const outcome = result.failure
      ? undefined
      : this.pipeline.store(
          signal,
          // The hints go in the batch's ingest-log line: acknowledged with the rows, replayed
          // with them after a kill (LoggedFactsKeeper).
          { invocations: result.invocations, logs: result.logs, hints: result.configHints },
          key,
        );
    return this.settle(signal, decoded(result), outcome, notStored);
  }

  private async settle(
    signal: string,
    result: Decoded,
    outcome: Promise<StoreOutcome> | undefined,
    notStored: (() => void) | undefined,
  ): Promise<StoreAnswer> {
    const answer = await this.answerOf(signal, result, outcome);
    if (answer.status !== 200 || answer.duplicate) notStored?.();
    return answer;
  }

  /** The answer to a result whose rows `outcome` stores (none when the result is a failure). */
  private async answerOf(
    signal: string,
    result: Decoded,
    outcome: Promise<StoreOutcome> | undefined,
  ): Promise<StoreAnswer> {
    const refused = { rejected: result.rejected, errors: result.errors, invocations: 0, logs: 0 };
    if (result.failure || !outcome) {
      return {
        status: 400,
        message: result.failure?.message ?? '',
        duplicate: false,
        ...refused,
      };
    }
    try {
      const stored = await outcome;
      const invocations = result.invocations - stored.rejected.byPart.invocations;
      const logs = result.logs - stored.rejected.byPart.logs;
      if (!stored.duplicate) {
        this.metrics.accepted(`${signal}_invocations`, invocations);
        this.metrics.accepted(`${signal}_logs`, logs);
        this.inventory.record(result.configHints);
      }
      return {
        status: 200,
        message: '',
        duplicate: stored.duplicate,
        rejected: result.rejected + stored.rejected.total,
        errors: [...result.errors, ...stored.rejected.errors].slice(0, 20),
        invocations,
        logs,
      };
    } catch (error) {
      if (error instanceof NothingStorableError) {
        return {
          status: 400,
          message: error.message,
          duplicate: false,
          ...refused,
          rejected: result.rejected + error.rejected.total,
          errors: [...result.errors, ...error.rejected.errors].slice(0, 20),
        };
      }
      if (error instanceof RejectedIngestError) {
        this.metrics.rejected(signal, 'storage_refused');
        return { status: error.status, message: error.message, duplicate: false, ...refused };
      }
      if (error instanceof RetryableIngestError) {
        this.metrics.throttled(signal, error.reason);
        return {
          status: retryStatus(error.reason).http,
          message: error.message,
          retryAfterSeconds: error.retryAfterSeconds,
          duplicate: false,
          ...refused,
        };
      }
      throw error;
    }
  }

  /** The usual JSON answer of the platform routes. Not async, as store(). */
  finish(
    signal: string,
    reply: FastifyReply,
    result: IngestResult,
    key: string,
    notStored?: () => void,
  ): Promise<void> {
    return this.reply(signal, reply, this.store(signal, result, key, notStored));
  }

  private async reply(
    signal: string,
    reply: FastifyReply,
    stored: Promise<StoreAnswer>,
  ): Promise<void> {
    const answer = await stored;
    if (answer.retryAfterSeconds)
      void reply.header('Retry-After', String(answer.retryAfterSeconds));
    await this.answer(
      signal,
      reply,
      answer.status,
      answer.status === 200
        ? {
            invocations: answer.invocations,
            logs: answer.logs,
            rejected: answer.rejected,
            errors: answer.errors,
            duplicate: answer.duplicate,
          }
        : { message: answer.message, rejected: answer.rejected, errors: answer.errors },
    );
  }

  async answer(
    signal: string,
    reply: FastifyReply,
    status: number,
    body: Record<string, unknown>,
  ): Promise<void> {
    this.metrics.request(signal, status);
    await reply.status(status).type('application/json').send(body);
  }
}
