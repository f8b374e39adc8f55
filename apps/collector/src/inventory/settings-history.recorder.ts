import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { InvocationRecord } from '@fleetscope/model';
import {
  FunctionSettingsRepository,
  settingsSeenIn,
  type ConfigSource,
  type SettingsSnapshot,
} from '@fleetscope/storage';

/**
 * What stored invocations report is written at most once in this long (from one write's start to
 * the next): a burst of deliveries naming functions not seen before (a fleet's first minutes, a
 * deployment) otherwise had an insert of its own every few milliseconds, each a part of the table
 * the engine writes, ~20 a second beside the ingest log's drains (BENCHMARKS.md, "Small deliveries: keys as hashes").
 */
const OBSERVED_WRITE_PACE_MS = 1_000;

/**
 * Feeds the settings history (migrations/0023) from every witness: the invocations each ingest
 * route stored, the platform inventory and the settings typed by hand. Writes go one after another
 * off the request path, and what arrives while one is being written goes into the next together
 * (one insert per source, not one per delivery); what invocations report waits for the next write
 * at most OBSERVED_WRITE_PACE_MS. The repository stores only changes, so a steady fleet writes
 * nothing.
 */
@Injectable()
export class SettingsHistoryRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('SettingsHistory');
  private chain: Promise<void> = Promise.resolve();
  /** Observations not yet taken by a write, per source; the next link of the chain takes them all. */
  private pending = new Map<ConfigSource, SettingsSnapshot[]>();
  private writeQueued = false;
  /** The paced write of observations (observed()) due, if any. */
  private timer: NodeJS.Timeout | undefined;
  /** Who waits for the write the timer is armed for (settled()). */
  private nextWrite: { promise: Promise<void>; resolve: () => void } | undefined;
  private lastWriteStarted = Number.NEGATIVE_INFINITY;

  constructor(private readonly settings: FunctionSettingsRepository) {}

  /**
   * What invocations report of their function's settings, to pass to observed() once they are
   * stored: taken before, so that the rows need not stay alive until then.
   */
  seenIn(invocations: readonly InvocationRecord[]): SettingsSnapshot[] {
    return settingsSeenIn(invocations);
  }

  /** Settings stored invocations reported (seenIn()): written at the pace (OBSERVED_WRITE_PACE_MS). */
  observed(seen: readonly SettingsSnapshot[]): void {
    if (seen.length === 0) return;
    this.add('records', seen);
    if (this.writeQueued || this.timer) return;
    const wait = this.lastWriteStarted + OBSERVED_WRITE_PACE_MS - performance.now();
    if (wait <= 0) this.queueWrite();
    else this.timer = setTimeout(() => this.queueWrite(), wait);
  }

  /** Settings the platform APIs or a person gave; resolves once stored (never rejects). */
  record(source: ConfigSource, snapshots: readonly SettingsSnapshot[]): Promise<void> {
    this.add(source, snapshots);
    this.queueWrite();
    return this.chain;
  }

  private add(source: ConfigSource, snapshots: readonly SettingsSnapshot[]): void {
    const waiting = this.pending.get(source);
    if (waiting) waiting.push(...snapshots);
    else this.pending.set(source, [...snapshots]);
  }

  /** The next link of the chain takes everything pending (a paced write due too). */
  private queueWrite(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.writeQueued) {
      this.writeQueued = true;
      this.chain = this.chain.then(() => this.writePending());
    }
    const waiting = this.nextWrite;
    this.nextWrite = undefined;
    if (waiting) void this.chain.then(waiting.resolve);
  }

  private async writePending(): Promise<void> {
    this.writeQueued = false;
    this.lastWriteStarted = performance.now();
    const taken = this.pending;
    this.pending = new Map();
    for (const [source, snapshots] of taken) {
      try {
        await this.settings.record(source, snapshots);
      } catch (error) {
        // The invocations and the inventory are stored; an observation missed is seen again.
        this.logger.warn(`settings history not stored: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Resolves once every observation handed in so far is written (or given up), without hastening
   * the paced write: the ingest log keeps the batches they came from until then
   * (LoggedFactsKeeper).
   */
  settled(): Promise<void> {
    if (!this.timer) return this.chain;
    if (!this.nextWrite) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.nextWrite = { promise, resolve };
    }
    return this.nextWrite.promise;
  }

  /** Resolves once every observation handed in so far is written (or given up). */
  flush(): Promise<void> {
    if (this.timer) this.queueWrite();
    return this.chain;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
