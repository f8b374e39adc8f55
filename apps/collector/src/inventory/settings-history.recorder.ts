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
 * off the request path; the repository stores only changes, so a steady fleet writes nothing.
 */
@Injectable()
export class SettingsHistoryRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('SettingsHistory');
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly settings: FunctionSettingsRepository) {}

  /** What stored invocations report of their function's settings. */
  observeInvocations(invocations: readonly InvocationRecord[]): void {
    const seen = settingsSeenIn(invocations);
    if (seen.length > 0) void this.record('records', seen);
  }

  /** Settings the platform APIs or a person gave; resolves once stored (never rejects). */
  record(source: ConfigSource, snapshots: readonly SettingsSnapshot[]): Promise<void> {
    this.chain = this.chain.then(async () => {
      try {
        await this.settings.record(source, snapshots);
      } catch (error) {
        // The invocations and the inventory are stored; an observation missed is seen again.
        this.logger.warn(`settings history not stored: ${(error as Error).message}`);
      }
    });
    return this.chain;
  }

  /** Resolves once every observation handed in so far is written (or given up). */
  flush(): Promise<void> {
    return this.chain;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
