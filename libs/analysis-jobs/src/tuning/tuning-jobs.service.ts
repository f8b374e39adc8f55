import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CounterSet } from '@fleetscope/server';
import { TuningJobsRepository, describeError, type StoredTuningJob } from '@fleetscope/storage';
import {
  PlatformUnavailableError,
  parseTuningRequest,
  platformFunctionName,
  type SizeResult,
  type TuningDriver,
  type TuningSummary,
} from '@fleetscope/tuning';
import { abandonedRestoreError, restorePendingOf } from './tuning-job.executor';
import { TUNING_DRIVERS } from './tuning.tokens';
import { TUNING_STALE_MS } from './tuning.runner';

export const TUNING_REJECTED = 'fleetscope_tuning_rejected_requests_total';

/** The body was not a valid tuning request; the message names the fields. */
export class TuningRequestError extends Error {}
/** The function already has a job queued or running. */
export class TuningConflictError extends Error {}
/** The platform could not say which function the request names (not found, no access). */
export class TuningTargetError extends Error {}
/** The platform did not answer about the function for now: throttled, failed or unreachable. */
export class TuningPlatformError extends Error {
  constructor(
    message: string,
    readonly reason: PlatformUnavailableError['reason'],
    /** What the platform asked the caller to wait, when it said (Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * Whether an active job tunes the function a new job resolved to: the one rule behind "one job
 * per function". Jobs store the resolved Fleetscope function id; only a job stored before it was
 * resolved at creation has none, and is compared by the platform name it was given.
 */
export function tunesSameFunction(
  job: Pick<StoredTuningJob, 'platform' | 'function' | 'functionId'>,
  target: { platform: string; function: string; functionId: string },
): boolean {
  if (job.functionId) return job.functionId === target.functionId;
  return job.platform === target.platform && job.function === target.function;
}

/** A job as the API shows it (GET /api/tuning-jobs/:id, issue 8). */
export interface TuningJobView {
  id: string;
  platform: string;
  function: string;
  functionId: string;
  status: StoredTuningJob['status'];
  progress: number;
  invocationsUsed: number;
  results: SizeResult[];
  /** Only a succeeded job has a pick; a cancelled or interrupted one says what it measured in `partial`. */
  pick: TuningSummary['pick'];
  partial: TuningSummary['partial'] | null;
  /**
   * Why a finished job has no pick (too few successful calls per size, or none): null when it
   * has one, or has not finished.
   */
  noPick: string | null;
  architectureComparison: TuningSummary['architectureComparison'];
  /**
   * What the job itself cost: its invocations and, for a SnapStart function, the cache of the
   * snapshots of the versions it published (snapStartCacheUsd, part of usd). unrecordedInvocations,
   * when set, counts further calls it made whose answers were never stored (a run killed or shut
   * down mid-batch): not in usd, which is then a lower bound.
   */
  jobCost: {
    invocations: number;
    usd: number;
    snapStartCacheUsd?: number;
    unrecordedInvocations?: number;
  };
  /** The prices used; for Lambda, the monthly duration tier the account was in (by architecture). */
  prices: {
    catalogueVersion: string;
    priceIds: string[];
    durationTiers: TuningSummary['durationTiers'];
  } | null;
  stopReason: string | null;
  /**
   * Set while the job's restore keeps failing (the job is then queued, `error` reads "restore
   * pending: …"): the function may be left at a size the job measured. The analyzer tries again
   * at nextAttemptAt, until it succeeds or the job is cancelled.
   */
  restorePending: {
    since: string;
    attempts: number;
    nextAttemptAt: string;
    lastError: string;
  } | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  request: Record<string, unknown>;
}

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null);

/**
 * Calls the job started that no stored observation holds, from the count saved before each call:
 * a resumed run that fails before its first call leaves the summary's figure of the last batch.
 * A run still alive (running, its heartbeat not stale: the rule by which a runner takes a job
 * over) has calls in flight, stored when their batch ends: only earlier runs' stops count then
 * (it read 1, then 2, … through every batch of a job running normally).
 */
function unrecordedOf(job: StoredTuningJob, nowMs: number): number {
  const summary = job.summary as Partial<TuningSummary> | null;
  const started = summary?.invocationsStarted;
  if (typeof started !== 'number') return 0;
  if (job.status === 'running' && nowMs - job.updatedAtMs <= TUNING_STALE_MS)
    return summary?.unrecordedBeforeRun ?? 0;
  return Math.max(0, started - job.invocationsUsed);
}

export function tuningJobView(job: StoredTuningJob, nowMs: number = Date.now()): TuningJobView {
  const summary = job.summary as (TuningSummary & { stopReason?: string }) | null;
  const unrecorded = unrecordedOf(job, nowMs);
  const pending = restorePendingOf(job);
  return {
    id: job.id,
    platform: job.platform,
    function: job.function,
    functionId: job.functionId,
    status: job.status,
    progress: job.progress,
    invocationsUsed: job.invocationsUsed,
    results: summary?.results ?? [],
    // A job that failed (cancelled ones included) presents no pick, whatever it stored.
    pick: job.status === 'failed' ? null : (summary?.pick ?? null),
    partial: summary?.partial ?? null,
    noPick: summary?.noPick ?? null,
    architectureComparison: summary?.architectureComparison ?? null,
    jobCost: {
      invocations: job.invocationsUsed,
      usd: summary?.jobCostUsd ?? 0,
      ...(summary?.snapStartCacheUsd ? { snapStartCacheUsd: summary.snapStartCacheUsd } : {}),
      ...(unrecorded > 0 ? { unrecordedInvocations: unrecorded } : {}),
    },
    // A summary holding only a pending restore (the job failed before its first batch) has none.
    prices: summary?.catalogueVersion
      ? {
          catalogueVersion: summary.catalogueVersion,
          priceIds: summary.priceIds,
          // Jobs stored before tiers were read were all priced at the first tier.
          durationTiers: summary.durationTiers ?? [],
        }
      : null,
    stopReason: summary?.stopReason ?? null,
    restorePending: pending
      ? {
          since: new Date(pending.sinceMs).toISOString(),
          attempts: pending.attempts,
          nextAttemptAt: new Date(pending.nextAttemptAtMs).toISOString(),
          lastError: pending.lastError,
        }
      : null,
    error: job.error || null,
    createdAt: new Date(job.createdAtMs).toISOString(),
    startedAt: iso(job.startedAtMs),
    finishedAt: iso(job.finishedAtMs),
    request: job.request,
  };
}

/** What the API does with tuning jobs; the analyzer's runner executes them. */
@Injectable()
export class TuningJobsService {
  /** Requests refused as invalid since start (the API's bad-input count), for GET /metrics. */
  readonly counters = new CounterSet();

  get rejected(): number {
    return this.counters.value(TUNING_REJECTED, {});
  }

  constructor(
    private readonly jobs: TuningJobsRepository,
    @Inject(TUNING_DRIVERS) private readonly drivers: TuningDriver[],
  ) {
    this.counters.define(TUNING_REJECTED, 'Tuning job requests answered 400.');
  }

  async create(body: unknown): Promise<{ id: string }> {
    const parsed = parseTuningRequest(body);
    if (!parsed.ok) {
      this.counters.inc(TUNING_REJECTED, {});
      throw new TuningRequestError(parsed.message);
    }
    const request = parsed.request;
    const fn = platformFunctionName(request.platform, request.function);
    const id = randomUUID();
    const functionId = await this.resolve(id, request.platform, fn);
    const target = { platform: request.platform, function: fn, functionId };
    const active = (await this.jobs.pending()).filter((j) => tunesSameFunction(j, target));
    if (active.length > 0)
      throw new TuningConflictError(
        `${fn} (${functionId}) already has tuning job ${active[0].id} ${active[0].status}; cancel it or wait`,
      );
    const now = Date.now();
    await this.jobs.save({
      id,
      createdAtMs: now,
      updatedAtMs: now,
      startedAtMs: 0,
      finishedAtMs: 0,
      platform: request.platform,
      function: fn,
      functionId,
      status: 'queued',
      request: request,
      snapshot: null,
      progress: 0,
      invocationsUsed: 0,
      summary: null,
      error: '',
      runner: '',
    });
    return { id };
  }

  /**
   * The Fleetscope function id the job will tune, as the platform resolves the name (a Lambda
   * name, ARN or Fleetscope id all name one function). Read-only: the driver's snapshot.
   */
  private async resolve(jobId: string, platform: string, fn: string): Promise<string> {
    const driver = this.drivers.find((d) => d.platform === platform);
    if (!driver) throw new TuningTargetError(`no tuning driver for ${platform}`);
    try {
      return (await driver.snapshot({ jobId, function: fn })).functionId;
    } catch (error) {
      // Throttled, failed or unreachable says nothing of the function: not a 422.
      if (error instanceof PlatformUnavailableError)
        throw new TuningPlatformError(
          `reading ${fn} on ${platform}: ${error.message}`,
          error.reason,
          error.retryAfterSeconds,
        );
      throw new TuningTargetError(`reading ${fn} on ${platform} failed: ${describeError(error)}`);
    }
  }

  async get(id: string): Promise<TuningJobView | undefined> {
    const job = await this.jobs.get(id);
    return job ? tuningJobView(job) : undefined;
  }

  async list(limit = 100): Promise<TuningJobView[]> {
    return (await this.jobs.list(limit)).map((job) => tuningJobView(job));
  }

  /**
   * A queued job is failed at once; a running one is asked to stop, and its runner restores the
   * function before marking it failed. A job queued with its restore pending stops retrying (the
   * function is someone's to put back, as its error then says). Finished jobs are left as they
   * are.
   */
  async cancel(id: string): Promise<TuningJobView | undefined> {
    const job = await this.jobs.get(id);
    if (!job) return undefined;
    if (job.status === 'queued' || job.status === 'running') await this.jobs.requestCancel(id);
    if (job.status === 'queued') {
      const now = Date.now();
      const cancelled: StoredTuningJob = {
        ...job,
        status: 'failed',
        error: restorePendingOf(job)
          ? abandonedRestoreError(job)
          : job.startedAtMs > 0
            ? 'cancelled while queued to resume; the function had been restored'
            : 'cancelled before it started',
        updatedAtMs: now,
        finishedAtMs: now,
      };
      await this.jobs.save(cancelled);
      return tuningJobView(cancelled);
    }
    return tuningJobView(job);
  }
}
