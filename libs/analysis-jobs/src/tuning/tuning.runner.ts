import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TuningJobsRepository, describeError, type StoredTuningJob } from '@fleetscope/storage';
import { TUNING_HEARTBEAT_MS, TuningJobExecutor, restorePendingOf } from './tuning-job.executor';

/** How often the runner looks for queued jobs (one small query). */
const POLL_MS = 1_000;
/** A running job whose heartbeat is this old lost its runner (a crash): resume it. */
export const TUNING_STALE_MS = 6 * TUNING_HEARTBEAT_MS;

/**
 * Whether the runner that holds a job is certainly gone without waiting for its heartbeat to go
 * stale: it ran on this host (or container) under a process id that no longer exists, or under
 * this very process id before a restart.
 */
export function runnerIsGone(runner: string, self: string): boolean {
  const [host, pidText] = runner.split(':');
  const [ownHost, ownPid] = self.split(':');
  if (host !== ownHost || !/^\d+$/.test(pidText ?? '')) return false;
  if (pidText === ownPid) return runner !== self;
  try {
    process.kill(Number(pidText), 0);
    return false;
  } catch (error) {
    // EPERM: the process exists under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes queued jobs from ClickHouse one at a time (so it works whether the API runs in this
 * process or another), and jobs whose runner died, and hands them to the executor. Only the
 * analyzer provides it.
 */
@Injectable()
export class TuningRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** host:pid:uuid, so a restarted process knows its predecessor's jobs at once. */
  readonly id = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly logger = new Logger('Tuning');
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private stopping = false;
  /** Aborts the running job's call under way on shutdown. */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly jobs: TuningJobsRepository,
    private readonly executor: TuningJobExecutor,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    // The running job abandons the call under way (a container stop kills the process after its
    // grace period, Docker's default 10 s, and a call may take longer), restores the function
    // and is re-queued.
    this.shutdown.abort();
    await this.current;
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .catch((error) => this.logger.warn(`tuning runner: ${describeError(error)}`))
        .finally(() => {
          this.current = undefined;
          this.schedule(POLL_MS);
        });
    }, ms);
  }

  /** Runs every job that is ready, one after another. */
  private async tick(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const job = await this.next();
      if (!job) return;
      const claimed = await this.claim(job);
      if (!claimed) continue;
      this.logger.log(`tuning job ${job.id} (${job.platform} ${job.function}) started`);
      const done = await this.executor.execute(claimed, () => this.stopping, this.shutdown.signal);
      this.logger.log(`tuning job ${job.id} ${done.status}${done.error ? `: ${done.error}` : ''}`);
    }
  }

  private async next(): Promise<StoredTuningJob | undefined> {
    const pending = await this.jobs.pending();
    const orphan = pending.find(
      (j) =>
        j.status === 'running' &&
        j.runner !== this.id &&
        (Date.now() - j.updatedAtMs > TUNING_STALE_MS || runnerIsGone(j.runner, this.id)),
    );
    if (orphan) {
      this.logger.warn(`tuning job ${orphan.id} lost its runner: resuming it`);
      return orphan;
    }
    // A job whose restore failed waits before its next attempt (RestorePending).
    const now = Date.now();
    return pending.find(
      (j) => j.status === 'queued' && (restorePendingOf(j)?.nextAttemptAtMs ?? 0) <= now,
    );
  }

  /** Marks the job as this runner's, then reads it back: another runner may have won. */
  private async claim(job: StoredTuningJob): Promise<StoredTuningJob | undefined> {
    const now = Date.now();
    await this.jobs.save({
      ...job,
      status: 'running',
      runner: this.id,
      startedAtMs: job.startedAtMs || now,
      updatedAtMs: now,
    });
    const after = await this.jobs.get(job.id);
    return after?.runner === this.id && after.status === 'running' ? after : undefined;
  }
}
