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
 * The embedded engine runs one query at a time, so a dashboard read that arrives behind a query
 * of an analysis run waits until it ends, and one behind several waits for them all (a fleet page
 * took 0.4–3.0 s during a 16 s run over 10,000 functions, BENCHMARKS.md). The gate starts
 * background queries one at a time, and each only once no other query is running or has ended
 * in the last QUIET_MS; every other query starts at once. A read then waits for at most the one
 * background query already running. A server runs queries side by side and has no gate.
 */
export class QueryGate {
  private running = 0;
  private lastEndMs = 0;
  private backgroundRunning = false;
  private waiting: (() => void)[] = [];

  constructor(private readonly quietMs = QUIET_MS) {}

  async run<T>(query: () => Promise<T>): Promise<T> {
    if (!inBackground()) {
      this.running++;
      try {
        return await query();
      } finally {
        this.running--;
        this.lastEndMs = Date.now();
        this.wake();
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
    for (;;) {
      if (this.running > 0 || this.backgroundRunning) {
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        continue;
      }
      const quietFor = Date.now() - this.lastEndMs;
      if (quietFor < this.quietMs) {
        await sleep(this.quietMs - quietFor);
        continue;
      }
      this.backgroundRunning = true;
      return;
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
