import type { Logger } from '@nestjs/common';
import { CronTime } from 'cron';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Spans back from now searched for the latest tick, shortest first: few steps for any cadence. */
const SPANS_MS = [MINUTE_MS, 60 * MINUTE_MS, DAY_MS, 7 * DAY_MS, 31 * DAY_MS, 366 * DAY_MS];

/**
 * The latest tick of `cronTime` in `timeZone` after `sinceMs` and at or before `nowMs`, or
 * undefined when none fell between: what a process stopped over its ticks missed, as one tick
 * however many there were.
 */
export function lastMissedTick(
  cronTime: string,
  timeZone: string,
  sinceMs: number,
  nowMs: number,
): number | undefined {
  const time = new CronTime(cronTime, timeZone);
  const after = (ms: number) => time.getNextDateFrom(new Date(ms), timeZone).toMillis();
  // cron has no "previous date": step forward from the shortest span back that holds a tick.
  for (const spanMs of [...SPANS_MS, Infinity]) {
    let latest = after(Math.max(sinceMs, nowMs - spanMs));
    if (latest > nowMs) continue;
    for (let next = after(latest); next <= nowMs; next = after(next)) latest = next;
    return latest;
  }
  return undefined;
}

/** A schedule as a catch-up reads it: its cron expression in its time zone. */
export interface Schedule {
  cron: string;
  timeZone: string;
}

/** What a catch-up may be given beside its schedule. */
export interface CatchUpOptions {
  /** Settles when what the missed run reads is stored (another catch-up's `done`). */
  after?: Promise<void>;
}

/**
 * A scheduler's start-up catch-up: when a tick of its schedule fell after the last run began
 * (`lastRunMs`, undefined when none ever did), `run` is called once for the latest such tick,
 * however many fell. `lastRunMs` must count a run from the moment it begins, not once it is
 * stored: a run that brings the process down would otherwise be run again at every start. Closing
 * waits for its reads and drops a run not yet started, so a start that failed (a port taken)
 * exits without running one.
 */
export class StartupCatchUp {
  /**
   * Settles once the catch-up has run, found nothing missed, or was closed before it started;
   * another catch-up can wait on it before its scheduler has started this one.
   */
  readonly done: Promise<void>;
  private settle: () => void = () => undefined;
  private started = false;
  private closing = false;

  constructor(private readonly logger: Logger) {
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  start(
    schedule: Schedule,
    lastRunMs: () => Promise<number | undefined>,
    run: (missedMs: number) => Promise<void>,
    { after = Promise.resolve() }: CatchUpOptions = {},
  ): void {
    this.started = true;
    void this.catchUp(schedule, lastRunMs, run, Date.now(), after).finally(this.settle);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.started) this.settle();
    await this.done;
  }

  private async catchUp(
    { cron, timeZone }: Schedule,
    lastRunMs: () => Promise<number | undefined>,
    run: (missedMs: number) => Promise<void>,
    nowMs: number,
    after: Promise<void>,
  ): Promise<void> {
    try {
      const last = await lastRunMs();
      if (last === undefined) return;
      const missed = lastMissedTick(cron, timeZone, last, nowMs);
      if (missed === undefined) return;
      await after;
      if (this.closing) return;
      this.logger.log(
        `tick of ${new Date(missed).toISOString()} missed while stopped: running now`,
      );
      await run(missed);
    } catch (error) {
      this.logger.error(
        `start-up catch-up failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
