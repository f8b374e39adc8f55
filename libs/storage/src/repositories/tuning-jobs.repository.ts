import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { queryRows } from '../client/query-rows';
import { withoutReadBarrier } from '../client/read-barrier';
import { toStorageError } from '../client/storage.errors';
import { CLICKHOUSE } from '../storage.tokens';

export type TuningJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One tuning job as stored; JSON documents stay opaque here (libs/tuning gives them shape). */
export interface StoredTuningJob {
  id: string;
  createdAtMs: number;
  updatedAtMs: number;
  startedAtMs: number;
  finishedAtMs: number;
  platform: string;
  function: string;
  functionId: string;
  status: TuningJobStatus;
  request: Record<string, unknown>;
  snapshot: Record<string, unknown> | null;
  progress: number;
  invocationsUsed: number;
  summary: Record<string, unknown> | null;
  error: string;
  runner: string;
}

/** One invocation of a job, as stored. */
export interface StoredTuningObservation {
  seq: number;
  architecture: string;
  memoryMb: number;
  warmup: boolean;
  outcome: string;
  durationMs: number;
  billedDurationMs: number;
  initDurationMs: number;
  /**
   * SnapStart: Restore Duration and Billed Restore Duration of a call that restored a snapshot
   * (0 otherwise, and for rows stored before migrations/0032_tuning_restores.sql).
   */
  restoreDurationMs: number;
  billedRestoreDurationMs: number;
  errorType: string;
}

const JOB_COLUMNS = `id, toUnixTimestamp64Milli(created_at) AS createdAtMs,
  toUnixTimestamp64Milli(updated_at) AS updatedAtMs,
  toUnixTimestamp64Milli(started_at) AS startedAtMs,
  toUnixTimestamp64Milli(finished_at) AS finishedAtMs,
  platform, function, function_id AS functionId, status, request, snapshot, progress,
  invocations_used AS invocationsUsed, summary, error, runner`;

/** Latest revision of every job (ReplacingMergeTree may not have merged yet). */
const LATEST = `SELECT * FROM tuning_jobs ORDER BY id, revision DESC LIMIT 1 BY id`;

let lastRevision = 0;
/** Microseconds since the epoch, strictly increasing within this process. */
function nextRevision(): number {
  lastRevision = Math.max(lastRevision + 1, Date.now() * 1000);
  return lastRevision;
}

/** Tuning jobs, their invocations and cancel requests (migrations/0010_tuning_jobs.sql). */
@Injectable()
export class TuningJobsRepository {
  /**
   * Without the read barrier: the ingest writer never writes the tuning tables, so nothing acknowledged
   * into its log can be missing from them, and a read that waited would start a drain early.
   */
  private readonly client: ClickHouseClient;

  constructor(@Inject(CLICKHOUSE) handle: ClickHouseHandle) {
    this.client = withoutReadBarrier(handle.client);
  }

  /** Writes the job's current state as its newest revision. */
  async save(job: StoredTuningJob): Promise<void> {
    try {
      await this.client.insert({
        table: 'tuning_jobs',
        format: 'JSONEachRow',
        values: [
          {
            id: job.id,
            revision: nextRevision(),
            created_at: job.createdAtMs,
            updated_at: job.updatedAtMs,
            started_at: job.startedAtMs,
            finished_at: job.finishedAtMs,
            platform: job.platform,
            function: job.function,
            function_id: job.functionId,
            status: job.status,
            request: JSON.stringify(job.request),
            snapshot: job.snapshot ? JSON.stringify(job.snapshot) : '',
            progress: job.progress,
            invocations_used: job.invocationsUsed,
            summary: job.summary ? JSON.stringify(job.summary) : '',
            error: job.error,
            runner: job.runner,
          },
        ],
      });
    } catch (error) {
      throw toStorageError(error, 'storing a tuning job');
    }
  }

  async get(id: string): Promise<StoredTuningJob | undefined> {
    const rows = await this.jobs(`WHERE id = {id:String}`, { id });
    return rows[0];
  }

  /** Newest first; `status` filters. */
  async list(limit: number, status?: TuningJobStatus): Promise<StoredTuningJob[]> {
    return this.jobs(
      `WHERE {status:String} = '' OR status = {status:String}
       ORDER BY created_at DESC LIMIT {limit:UInt32}`,
      { status: status ?? '', limit },
    );
  }

  /** Queued and running jobs, oldest first: what a runner may take. */
  async pending(): Promise<StoredTuningJob[]> {
    return this.jobs(`WHERE status IN ('queued', 'running') ORDER BY created_at`, {});
  }

  /** Jobs of a function that are queued or running (one at a time per function). */
  async active(fn: string): Promise<StoredTuningJob[]> {
    return this.jobs(`WHERE function = {fn:String} AND status IN ('queued', 'running')`, { fn });
  }

  /**
   * The latest succeeded job per Fleetscope function id, for the memory recommendation. Dry runs
   * (one cold call per size) measure nothing worth advice and must not hide the job before them.
   */
  async latestSucceededByFunction(functionIds?: string[]): Promise<StoredTuningJob[]> {
    return this.jobs(
      `WHERE status = 'succeeded' AND function_id != '' AND NOT JSONExtractBool(request, 'dryRun')
         AND (length({ids:Array(String)}) = 0 OR has({ids:Array(String)}, function_id))
       ORDER BY function_id, finished_at DESC LIMIT 1 BY function_id`,
      { ids: functionIds ?? [] },
    );
  }

  async appendObservations(jobId: string, observations: StoredTuningObservation[]): Promise<void> {
    if (observations.length === 0) return;
    try {
      await this.client.insert({
        table: 'tuning_observations',
        format: 'JSONEachRow',
        values: observations.map((o) => ({
          job_id: jobId,
          seq: o.seq,
          architecture: o.architecture,
          memory_mb: o.memoryMb,
          warmup: o.warmup ? 1 : 0,
          outcome: o.outcome,
          duration_ms: o.durationMs,
          billed_duration_ms: o.billedDurationMs,
          init_duration_ms: o.initDurationMs,
          restore_duration_ms: o.restoreDurationMs,
          billed_restore_duration_ms: o.billedRestoreDurationMs,
          error_type: o.errorType,
        })),
      });
    } catch (error) {
      throw toStorageError(error, 'storing tuning invocations');
    }
  }

  async observations(jobId: string): Promise<StoredTuningObservation[]> {
    const rows = await queryRows<Omit<StoredTuningObservation, 'warmup'> & { warmup: number }>(
      this.client,
      `SELECT seq, architecture, memory_mb AS memoryMb, warmup, outcome, duration_ms AS durationMs,
              billed_duration_ms AS billedDurationMs, init_duration_ms AS initDurationMs,
              restore_duration_ms AS restoreDurationMs,
              billed_restore_duration_ms AS billedRestoreDurationMs, error_type AS errorType
       FROM tuning_observations WHERE job_id = {jobId:String}
       ORDER BY seq LIMIT 1 BY seq`,
      { jobId },
      'reading tuning invocations',
    );
    return rows.map((r) => ({ ...r, warmup: Boolean(r.warmup) }));
  }

  async requestCancel(jobId: string): Promise<void> {
    try {
      await this.client.insert({
        table: 'tuning_cancels',
        format: 'JSONEachRow',
        values: [{ job_id: jobId, requested_at: Date.now() }],
      });
    } catch (error) {
      throw toStorageError(error, 'storing a tuning cancel request');
    }
  }

  async cancelRequested(jobId: string): Promise<boolean> {
    const rows = await queryRows<{ n: number }>(
      this.client,
      `SELECT count() AS n FROM tuning_cancels WHERE job_id = {jobId:String}`,
      { jobId },
      'reading tuning cancel requests',
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  private async jobs(where: string, params: Record<string, unknown>): Promise<StoredTuningJob[]> {
    const rows = await queryRows<Record<string, unknown>>(
      this.client,
      `SELECT ${JOB_COLUMNS} FROM (${LATEST}) ${where}`,
      params,
      'reading tuning jobs',
    );
    const doc = (v: unknown) =>
      typeof v === 'string' && v !== '' ? (JSON.parse(v) as Record<string, unknown>) : null;
    return rows.map((r) => ({
      ...(r as unknown as StoredTuningJob),
      request: doc(r.request) ?? {},
      snapshot: doc(r.snapshot),
      summary: doc(r.summary),
    }));
  }
}
