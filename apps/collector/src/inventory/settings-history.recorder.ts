import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { InvocationRecord } from '@fleetscope/model';
import {
  FunctionSettingsRepository,
  settingsSeenIn,
  type ConfigSource,
  type SettingsSnapshot,
} from '@fleetscope/storage';

/**
 * Feeds the settings history (migrations/0023) from every witness: the invocations each ingest
 * route stored, the platform inventory and the settings typed by hand. Writes go one after another
 * off the request path, and what arrives while one is being written goes into the next together
 * (one insert per source, not one per delivery); the repository stores only changes, so a steady
 * fleet writes nothing.
 */
@Injectable()
export class SettingsHistoryRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('SettingsHistory');
  private chain: Promise<void> = Promise.resolve();
  /** Observations not yet taken by a write, per source; the next link of the chain takes them all. */
  private pending = new Map<ConfigSource, SettingsSnapshot[]>();
  private writeQueued = false;

  constructor(private readonly settings: FunctionSettingsRepository) {}

  /**
   * What invocations report of their function's settings, to pass to observed() once they are
   * stored: taken before, so that the rows need not stay alive until then.
   */
  seenIn(invocations: readonly InvocationRecord[]): SettingsSnapshot[] {
    return settingsSeenIn(invocations);
  }

  /** Settings stored invocations reported (seenIn()). */
  observed(seen: readonly SettingsSnapshot[]): void {
    if (seen.length > 0) void this.record('records', seen);
  }

  /** Settings the platform APIs or a person gave; resolves once stored (never rejects). */
  record(source: ConfigSource, snapshots: readonly SettingsSnapshot[]): Promise<void> {
    const waiting = this.pending.get(source);
    if (waiting) waiting.push(...snapshots);
    else this.pending.set(source, [...snapshots]);
    if (!this.writeQueued) {
      this.writeQueued = true;
      this.chain = this.chain.then(() => this.writePending());
    }
    return this.chain;
  }

  private async writePending(): Promise<void> {
    this.writeQueued = false;
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

  /** Resolves once every observation handed in so far is written (or given up). */
  flush(): Promise<void> {
    return this.chain;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
