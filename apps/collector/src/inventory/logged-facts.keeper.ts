import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FunctionConfigHint } from '@fleetscope/ingest';
import type { InvocationRecord } from '@fleetscope/model';
import { IngestWriter, settingsSeenIn, type LoggedFacts } from '@fleetscope/storage';
import { InventoryRecorder } from '../lambda/inventory.recorder';
import { SettingsHistoryRecorder } from './settings-history.recorder';

/**
 * Keeps what the collector learns from an acknowledged request, and holds for a second before
 * storing (the inventory's hints, the settings its invocations report), as safe as its rows: the
 * ingest log deletes a batch only once the recorders have stored those facts, and a replay after
 * a kill hands them back here (IngestWriter.keepFacts(); docs/ingest-log.md, "Facts"). Without it,
 * a kill -9 within that second left the functions of the replayed rows with no runtime, timeout
 * or memory size until their next cold start.
 */
@Injectable()
export class LoggedFactsKeeper implements OnModuleInit {
  constructor(
    private readonly writer: IngestWriter,
    private readonly settings: SettingsHistoryRecorder,
    private readonly inventory: InventoryRecorder,
  ) {}

  onModuleInit(): void {
    this.writer.keepFacts({
      replayed: (facts) => this.replayed(facts),
      settled: async () => {
        await Promise.all([this.settings.settled(), this.inventory.settled()]);
      },
    });
  }

  /** A replay's facts, oldest first, recorded as when their requests were acknowledged. */
  private replayed(facts: readonly LoggedFacts[]): void {
    for (const batch of facts) {
      // As IngestPipeline.stored() does with a request's invocations (settingsSeenIn() reads
      // the columns a LoggedInvocation holds)...
      const seen = settingsSeenIn(batch.invocations as InvocationRecord[]);
      this.settings.observed(seen);
      this.inventory.observed(seen);
      this.inventory.spansObserved(InventoryRecorder.spanRuntimesIn(batch.invocations));
      // ...and PlatformIngestHandler with its hints.
      const hints = batch.hints.filter(isHint);
      if (hints.length > 0) this.inventory.record(hints);
    }
  }
}

/** A logged hint as the handler wrote it (a line from another version may differ). */
function isHint(value: unknown): value is FunctionConfigHint {
  const hint = value as Partial<FunctionConfigHint> | null;
  return (
    typeof hint === 'object' &&
    hint !== null &&
    typeof hint.functionId === 'string' &&
    typeof hint.observedAtMs === 'number'
  );
}
