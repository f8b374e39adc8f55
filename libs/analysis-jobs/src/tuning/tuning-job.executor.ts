import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { PricingService } from '@fleetscope/pricing';
import {
  TuningJobsRepository,
  describeError,
  type StoredTuningJob,
  type StoredTuningObservation,
} from '@fleetscope/storage';
import {
  FunctionGoneError,
  LeftoversError,
  NothingChangedError,
  RestoreError,
  candidatesOf,
  nextStep,
  runTuningSession,
  searchOptionsOf,
  summarise,
  tuningPricer,
  tuningProgress,
  tuningRequestSchema,
  type FunctionSnapshot,
  type LambdaTierPosition,
  type Observation,
  type PublishedVersion,
  type TuningDriver,
  type TuningRequest,
  type TuningStop,
  type TuningTarget,
} from '@fleetscope/tuning';
import { LambdaTierReader } from './lambda-tier.reader';
import { TUNING_DRIVERS } from './tuning.tokens';

/** How often a running job looks for a cancel request between its own writes. */
const CANCEL_CHECK_MS = 2_000;
/** How often a running job proves it is alive when no batch was stored meanwhile. */
export const TUNING_HEARTBEAT_MS = 10_000;

/** Longest wait between two attempts at a pending restore. */
const RESTORE_PENDING_MAX_WAIT_MS = 60 * 60_000;

/**
 * A job whose restore still failed after the driver's own retries: the function may be left at a
 * candidate's size, so the job stays queued (summary.restorePending) and the runner tries the
 * restore again, as a resume does, once `nextAttemptAtMs` has passed.
 */
export interface RestorePending {
  sinceMs: number;
  /** Attempts that failed, the job's first restore included. */
  attempts: number;
  nextAttemptAtMs: number;
  lastError: string;
  /** The job had been cancelled already: its cancel request is no request to stop retrying. */
  afterCancel: boolean;
}

/** The job's pending restore; none once the job finished (restored, or cancelled, since). */
export function restorePendingOf(
  job: Pick<StoredTuningJob, 'status' | 'summary'>,
): RestorePending | null {
  if (job.status !== 'queued' && job.status !== 'running') return null;
  const pending = job.summary?.restorePending as RestorePending | undefined;
  return pending && typeof pending.nextAttemptAtMs === 'number' ? pending : null;
}

/** What a job cancelled while its restore was pending says: nobody puts the function back now. */
export function abandonedRestoreError(job: Pick<StoredTuningJob, 'snapshot'>): string {
  const s = job.snapshot as Partial<FunctionSnapshot> | null;
  return (
    'cancelled while its restore was pending: the function was not put back and may still be ' +
    `at a size the job measured; put back its own ${s?.memoryMb ?? '?'} MB ` +
    `${s?.architecture ?? ''} (and, on Lambda, its description; the job's snapshot holds them) ` +
    'by hand'
  );
}

/** A call as stored: a call that restored no SnapStart snapshot stores 0 for the restore. */
function toStored(o: Observation): StoredTuningObservation {
  return {
    seq: o.seq,
    architecture: o.architecture,
    memoryMb: o.memoryMb,
    warmup: o.warmup,
    outcome: o.outcome,
    durationMs: o.durationMs,
    billedDurationMs: o.billedDurationMs,
    initDurationMs: o.initDurationMs,
    restoreDurationMs: o.restoreDurationMs ?? 0,
    billedRestoreDurationMs: o.billedRestoreDurationMs ?? 0,
    errorType: o.errorType,
  };
}

function toObservation(o: StoredTuningObservation): Observation {
  return {
    ...o,
    architecture: o.architecture === 'arm64' ? 'arm64' : 'x86_64',
    outcome:
      o.outcome === 'error' || o.outcome === 'oom' || o.outcome === 'timeout' ? o.outcome : 'ok',
  };
}

/**
 * Runs one tuning job to its end: takes the function's snapshot before touching it (or, on a
 * resume, removes what the interrupted run left), runs the search, stores every batch, and
 * records success, failure or cancellation. The function is restored in every case; a shutdown
 * leaves the job queued so the next start resumes it.
 */
@Injectable()
export class TuningJobExecutor implements OnModuleDestroy {
  private readonly logger = new Logger('Tuning');

  constructor(
    private readonly jobs: TuningJobsRepository,
    @Inject(TUNING_DRIVERS) private readonly drivers: TuningDriver[],
    private readonly pricing: PricingService,
    private readonly tiers: LambdaTierReader,
    @Optional()
    @Inject(FLEETSCOPE_CONFIG)
    private readonly config?: Pick<Config, 'tuningRestoreRetrySeconds'>,
  ) {}

  /**
   * The wait before the next attempt at a restore that failed `attempts` times: an attempt is
   * the driver's own retries for tuningRestoreRetrySeconds, then as long again, doubling, at
   * most an hour (a control plane down that long, or a permission missing, is someone's to mend).
   */
  private restorePendingWaitMs(attempts: number): number {
    const firstMs = Math.max(1_000, (this.config?.tuningRestoreRetrySeconds ?? 600) * 1000);
    return Math.min(RESTORE_PENDING_MAX_WAIT_MS, firstMs * 2 ** Math.min(attempts - 1, 20));
  }

  onModuleDestroy(): void {
    for (const d of this.drivers) (d as { close?: () => void }).close?.();
  }

  /**
   * `shuttingDown` is asked between invocations; `shutdown`, when given, aborts the call under way
   * as well, so the function is restored at once rather than after that call (a container stop
   * kills the process after its grace period). A cancel request aborts it the same way.
   */
  async execute(
    initial: StoredTuningJob,
    shuttingDown: () => boolean,
    shutdown?: AbortSignal,
  ): Promise<StoredTuningJob> {
    const job: StoredTuningJob = { ...initial };
    const save = async (changes: Partial<StoredTuningJob>) => {
      Object.assign(job, changes, { updatedAtMs: Date.now() });
      await this.jobs.save(job);
    };
    const fail = (error: string, changes: Partial<StoredTuningJob> = {}) =>
      save({ ...changes, status: 'failed', error, finishedAtMs: Date.now(), runner: '' });

    const parsed = tuningRequestSchema.safeParse(job.request);
    const driver = this.drivers.find((d) => d.platform === job.platform);
    if (!parsed.success || !driver) {
      await fail(
        parsed.success ? `no tuning driver for ${job.platform}` : 'stored request is invalid',
      );
      return job;
    }
    const request = parsed.data;
    const target = { jobId: job.id, function: job.function };
    let cancelled = await this.jobs.cancelRequested(job.id);
    const snapshot = job.snapshot as FunctionSnapshot | null;
    // The versions an earlier run published (their SnapStart cache is part of the job's cost).
    const versions: PublishedVersion[] = Array.isArray(job.summary?.publishedVersions)
      ? (job.summary.publishedVersions as PublishedVersion[]).map((v) => ({ ...v }))
      : [];
    const pending = restorePendingOf(job);
    // Aborted by a cancel request or the shutdown: the call under way is abandoned.
    const cancel = new AbortController();
    const stop = shutdown ? AbortSignal.any([cancel.signal, shutdown]) : cancel.signal;
    if (cancelled) cancel.abort();
    // From the start: a resumed job's restore may retry for minutes (tuningRestoreRetrySeconds),
    // and a job silent for TUNING_STALE_MS is taken by another runner as abandoned.
    const heartbeat = setInterval(() => {
      void (async () => {
        try {
          if (await this.jobs.cancelRequested(job.id)) {
            cancelled = true;
            cancel.abort();
          }
          if (Date.now() - job.updatedAtMs >= TUNING_HEARTBEAT_MS) await save({});
        } catch (error) {
          this.logger.warn(`tuning job ${job.id} heartbeat: ${describeError(error)}`);
        }
      })();
    }, CANCEL_CHECK_MS);
    try {
      return await this.run(job, {
        save,
        fail,
        driver,
        request,
        target,
        snapshot,
        versions,
        pending,
        isCancelled: () => cancelled,
        cancelled: () => {
          cancelled = true;
          cancel.abort();
        },
        shuttingDown,
        stop,
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * The job after its heartbeat started: the snapshot (or a resumed job's restore), the session,
   * the pick's apply. A restore that fails leaves the job queued with its restore pending.
   */
  private async run(
    job: StoredTuningJob,
    ctx: {
      save: (changes: Partial<StoredTuningJob>) => Promise<void>;
      fail: (error: string, changes?: Partial<StoredTuningJob>) => Promise<void>;
      driver: TuningDriver;
      request: TuningRequest;
      target: TuningTarget;
      snapshot: FunctionSnapshot | null;
      versions: PublishedVersion[];
      pending: RestorePending | null;
      isCancelled: () => boolean;
      cancelled: () => void;
      shuttingDown: () => boolean;
      stop: AbortSignal;
    },
  ): Promise<StoredTuningJob> {
    const { save, fail, driver, request, target, versions, shuttingDown, stop } = ctx;
    let { snapshot, pending } = ctx;
    /** The restore failed (again): queued, to be tried again after a wait that doubles. */
    const restoreFailed = async (error: unknown, summary: Record<string, unknown> | null) => {
      // Deleted since the job began: nothing is left to put back, and no retry will find it.
      const reason = error instanceof RestoreError ? error.reason : error;
      if (reason instanceof FunctionGoneError) {
        await fail(`the function no longer exists: ${reason.message}`, summary ? { summary } : {});
        return job;
      }
      // Cancelled during this attempt: the cancel stops the retries (the API may have recorded
      // it already, and must not see the job queued again).
      if (
        pending &&
        !pending.afterCancel &&
        (ctx.isCancelled() || (await this.jobs.cancelRequested(job.id).catch(() => false)))
      ) {
        await fail(abandonedRestoreError(job), summary ? { summary } : {});
        return job;
      }
      // Only versions and aliases left: production runs its own configuration (or one set since).
      const configurationBack = reason instanceof LeftoversError;
      const now = Date.now();
      const attempts = (pending?.attempts ?? 0) + 1;
      const next: RestorePending = {
        sinceMs: pending?.sinceMs ?? now,
        attempts,
        nextAttemptAtMs: now + this.restorePendingWaitMs(attempts),
        lastError: describeError(error),
        afterCancel: pending?.afterCancel ?? ctx.isCancelled(),
      };
      await save({
        status: 'queued',
        runner: '',
        error:
          `restore pending: ${next.lastError} (${attempts} attempt${attempts > 1 ? 's' : ''} ` +
          `since ${new Date(next.sinceMs).toISOString()}; next at ` +
          `${new Date(next.nextAttemptAtMs).toISOString()}). ` +
          (configurationBack
            ? 'The function is back at its own configuration (or one set since the job set it ' +
              'back, left as it is); only versions and aliases the job published are left'
            : `The function may be left at a size the job measured rather than its own ` +
              `${snapshot?.memoryMb ?? '?'} MB ${snapshot?.architecture ?? ''}`) +
          '; cancel the job to stop the retries',
        summary: { ...(summary ?? {}), restorePending: next },
      });
      this.logger.warn(`tuning job ${job.id}: ${job.error}`);
      return job;
    };
    try {
      if (!snapshot) {
        snapshot = await driver.snapshot(target);
        await save({ snapshot: { ...snapshot }, functionId: snapshot.functionId });
      }
    } catch (error) {
      await fail(`reading the function failed: ${describeError(error)}`);
      return job;
    }
    /** Set when a resumed restore found the function changed by someone since the job began. */
    let changedByOthers: string | undefined;
    if (ctx.snapshot) {
      // Cancelled while its restore was pending (a cancel that stopped the job before its
      // restore failed asks for the restore, not to give it up).
      if (pending && ctx.isCancelled() && !pending.afterCancel) {
        await fail(abandonedRestoreError(job));
        return job;
      }
      try {
        // Resumed: whatever the interrupted run left (versions, aliases, a size) goes first, but
        // never over a configuration someone set since.
        changedByOthers =
          (await driver.restore(target, snapshot, { resumed: true }))?.changedByOthers ?? undefined;
      } catch (error) {
        return restoreFailed(new RestoreError(error), job.summary);
      }
      const removedAtMs = Date.now();
      for (const v of versions) v.removedAtMs ??= removedAtMs;
      if (pending) {
        const summary = { ...job.summary };
        delete summary.restorePending;
        await save({ error: '', summary: Object.keys(summary).length > 0 ? summary : null });
        this.logger.log(`tuning job ${job.id}: the function was restored`);
        pending = null;
      }
    }

    const candidates = candidatesOf(request, snapshot);
    const options = {
      ...searchOptionsOf(request),
      baseline: { architecture: snapshot.architecture, memoryMb: snapshot.memoryMb },
    };
    const atMs = job.startedAtMs || Date.now();
    let lambdaTier: LambdaTierPosition | undefined;
    try {
      // The month to date before the job started, so a resumed job prices as it began.
      lambdaTier =
        request.platform === 'aws-lambda'
          ? await this.tiers.position(snapshot.functionId, snapshot.region, atMs)
          : undefined;
    } catch (error) {
      // Nothing was changed yet (a resumed job's leftovers were removed above).
      await fail(`reading the account's month-to-date usage failed: ${describeError(error)}`);
      return job;
    }
    const pricer = tuningPricer({
      platform: request.platform,
      region: snapshot.region,
      at: new Date(atMs),
      pricing: this.pricing,
      podVcpu: typeof snapshot.details.podVcpu === 'number' ? snapshot.details.podVcpu : undefined,
      lambdaTier,
      ephemeralStorageMb:
        typeof snapshot.details.ephemeralStorageMb === 'number'
          ? snapshot.details.ephemeralStorageMb
          : undefined,
      runtime: typeof snapshot.details.runtime === 'string' ? snapshot.details.runtime : undefined,
      snapStart: snapshot.details.snapStart === true,
    });
    const observations = (await this.jobs.observations(job.id)).map(toObservation);
    // The session's list (the stored calls, then this run's) for the final summary.
    let sessionObservations = observations;
    // Every call of every run, stored before it is made: a killed run's calls that never reached
    // storage were still made (and billed), and a resumed job must not drop them silently.
    const earlierStarted = job.summary?.invocationsStarted;
    let started = Math.max(
      typeof earlierStarted === 'number' ? earlierStarted : 0,
      observations.length,
    );
    const unrecordedBeforeRun = Math.max(0, started - observations.length);
    const startedFigures = (stored: number) => ({
      invocationsStarted: started,
      unrecordedInvocations: Math.max(0, started - stored),
      unrecordedBeforeRun,
    });
    const summaryOf = (all: Observation[], stopReason?: string, stopped?: TuningStop) => ({
      ...summarise(
        candidates,
        all,
        options,
        pricer,
        stopped,
        driver.publishesVersions ? { versions, nowMs: Date.now() } : undefined,
      ),
      ...startedFigures(all.length),
      ...(stopReason ? { stopReason } : {}),
    });
    if (changedByOthers) {
      // Measuring on would set $LATEST back to the snapshot after each size, and applying the
      // pick would replace what the team set: the job ends on what it measured.
      const note = `${changedByOthers}; the job measures no more and applies nothing`;
      const done = nextStep(candidates, observations, options, pricer).kind === 'done';
      const summary = summaryOf(observations, note, done ? undefined : 'interrupted');
      if (done && summary.pick)
        summary.pick = { ...summary.pick, reason: `${summary.pick.reason}; ${note}` };
      await save({
        status: done ? 'succeeded' : 'failed',
        error: done ? '' : `stopped: ${note}`,
        progress: done ? 1 : job.progress,
        invocationsUsed: observations.length,
        summary,
        finishedAtMs: Date.now(),
        runner: '',
      });
      this.logger.warn(`tuning job ${job.id}: ${note}`);
      return job;
    }
    // What the job shows between batches; a call only adds to its count of calls started (and
    // the versions published for it), the rest is recomputed when the batch is stored.
    let lastSummary = job.summary;
    try {
      const end = await runTuningSession({
        driver,
        target,
        snapshot,
        candidates,
        options,
        pricer,
        payload: request.payload,
        weightedPayloads: request.weightedPayloads,
        parallelInvocation: request.parallelInvocation,
        sleepBetweenRunsMs: request.sleepBetweenRunsMs,
        observations,
        versions,
        beforeCall: async () => {
          started++;
          await save({
            summary: {
              ...(lastSummary ??= summaryOf(sessionObservations)),
              invocationsStarted: started,
              unrecordedBeforeRun,
              ...(driver.publishesVersions
                ? { publishedVersions: versions.map((v) => ({ ...v })) }
                : {}),
            },
          });
        },
        onBatch: async (batch, all) => {
          sessionObservations = all;
          await this.jobs.appendObservations(job.id, batch.map(toStored));
          if (await this.jobs.cancelRequested(job.id)) ctx.cancelled();
          lastSummary = summaryOf(all);
          await save({
            invocationsUsed: all.length,
            progress: tuningProgress(options, candidates.length, all.length, false),
            summary: lastSummary,
          });
        },
        shouldStop: () => ctx.isCancelled() || shuttingDown(),
        signal: stop,
      });
      const all = sessionObservations;
      if (end.kind === 'stopped') {
        if (ctx.isCancelled()) {
          await save({
            status: 'failed',
            error: 'cancelled; the function was restored',
            summary: summaryOf(all, 'cancelled', 'cancelled'),
            finishedAtMs: Date.now(),
            runner: '',
          });
        } else {
          // Shutting down: the function is restored; the next start resumes the job.
          await save({
            status: 'queued',
            runner: '',
            summary: summaryOf(all, 'interrupted', 'interrupted'),
          });
        }
        return job;
      }
      const summary = summaryOf(all, end.reason);
      if (request.dryRun) summary.pick = null;
      // An inconclusive pick may be no better than the current size: its reason says so, and a
      // person decides.
      if (summary.pick && !summary.pick.inconclusive && request.applyPick !== false) {
        const where =
          request.applyPick === 'function'
            ? ({ kind: 'function' } as const)
            : ({ kind: 'alias', name: request.applyPick.slice('alias:'.length) } as const);
        try {
          await driver.apply(target, summary.pick, snapshot, where);
        } catch (error) {
          // The session's restore has run already: an apply that stopped half-way may have left
          // the function at the pick, so it is put back again before the job fails.
          try {
            await driver.restore(target, snapshot);
          } catch (restoreError) {
            throw new RestoreError(restoreError);
          }
          throw new Error(
            `applying the pick to ${request.applyPick} failed: ${describeError(error)}`,
          );
        }
      }
      await save({
        status: 'succeeded',
        progress: 1,
        invocationsUsed: all.length,
        summary,
        finishedAtMs: Date.now(),
        runner: '',
      });
      return job;
    } catch (error) {
      const all = (await this.jobs.observations(job.id).catch(() => [])).map(toObservation);
      // A batch a call failed in is not stored: the calls before that one count as unrecorded.
      const summary = lastSummary ? { ...lastSummary, ...startedFigures(all.length) } : null;
      if (error instanceof RestoreError) return restoreFailed(error, summary);
      await fail(
        error instanceof NothingChangedError
          ? // Its message says the function was not changed: there was nothing to restore.
            `${describeError(error)} (after ${all.length} invocations)`
          : `${describeError(error)} (after ${all.length} invocations; function restored)`,
        summary ? { summary } : {},
      );
      return job;
    }
  }
}
