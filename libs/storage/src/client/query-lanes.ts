import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every engine query it makes, however deep, in the background lane: work no one
 * waits on (an analysis run), whose queries QueryGate starts only between everyone else's.
 */
export function inBackgroundLane<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/**
 * Runs `work` outside the background lane, and so whatever it starts (timers included): work
 * that belongs to others, such as a drain of the collector's batches kicked by a read of the run.
 */
export function outsideBackgroundLane<T>(work: () => T): T {
  return background.exit(work);
}

/** Whether the caller runs in the background lane. */
export function inBackground(): boolean {
  return background.getStore() === true;
}

/**
 * A quiet spell after another query ends before a background query may start: the reads of one
 * dashboard page follow one another within a few milliseconds.
 */
const QUIET_MS = 25;

/**
 * After waiting this long, a background query takes the next moment no query runs, quiet spell
 * or not: drains that follow one another within milliseconds (a backlog, the ingest log off)
 * would otherwise hold it back for as long as they last.
 */
const AGING_MS = 250;

/** After waiting this long, a background query starts even while foreground queries run. */
const MAX_WAIT_MS = 2_000;

/**
 * The embedded engine runs one query at a time, so a dashboard read that arrives behind a query
 * of an analysis run waits until it ends, and one behind several waits for them all (a fleet page
 * took 0.4–3.0 s during a 16 s run over 10,000 functions, BENCHMARKS.md). The gate starts
 * background queries one at a time, and each only once no other query is running or has ended
 * in the last QUIET_MS, and no hold() is held (a dashboard request's several reads); every other
 * query starts at once. A read then waits for at most the one background query already running. A background query that has waited AGING_MS drops the quiet
 * spell, and one that has waited MAX_WAIT_MS starts even while other queries run (never beside
 * another background query), so a run always ends. A server runs queries side by side and has no
 * gate.
 */
export class QueryGate {
  private running = 0;
  private lastEndMs = Number.NEGATIVE_INFINITY;
  private backgroundRunning = false;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly agingMs = AGING_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /**
   * Holds background queries back as a running query does, until the returned release is called
   * (once; later calls do nothing): for work of several queries one after another, such as a
   * dashboard request, so that a background query waiting past AGING_MS cannot start in the gaps
   * between them, and the request waits for at most the one already running when it arrived.
   * MAX_WAIT_MS still bounds a background query's wait.
   */
  hold(): () => void {
    this.running++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.running--;
      this.lastEndMs = performance.now();
      this.wake();
    };
  }

  async run<T>(query: () => Promise<T>): Promise<T> {
    if (!inBackground()) {
      const release = this.hold();
      try {
        return await query();
      } finally {
        release();
      }
    }
    await this.backgroundTurn();
    try {
      return await query();
    } finally {
      this.backgroundRunning = false;
      this.wake();
    }
  }

  private async backgroundTurn(): Promise<void> {
    const since = performance.now();
    for (;;) {
      if (this.backgroundRunning) {
        // One at a time: the running background query's end wakes this one, however long it takes.
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        continue;
      }
      const now = performance.now();
      const waited = now - since;
      const idle = this.running === 0;
      const quietFor = now - this.lastEndMs;
      if (
        waited >= this.maxWaitMs ||
        (idle && (quietFor >= this.quietMs || waited >= this.agingMs))
      ) {
        this.backgroundRunning = true;
        return;
      }
      if (idle) {
        await pause(Math.min(this.quietMs - quietFor, this.agingMs - waited));
        continue;
      }
      // Until a query ends, or the longest wait is up (its timer cleared when a query ends first).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.maxWaitMs - waited);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

/**
 * A wait that keeps the process alive, as the query waiting behind it does: a process with nothing
 * else to do (a script running an analysis) would otherwise end mid-run, with status 0.
 */
function pause(ms: number): Promise<void> {
  return sleep(Math.max(1, ms));
}
