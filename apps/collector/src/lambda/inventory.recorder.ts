import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FunctionConfigHint } from '@fleetscope/ingest';
import { parseFunctionId } from '@fleetscope/model';
import {
  FunctionConfigRepository,
  type FunctionConfigUpdate,
  type SettingsSnapshot,
} from '@fleetscope/storage';

/** How long hints gather before one upsert: inventory facts change rarely and need not be instant. */
const FLUSH_DELAY_MS = 1_000;

/**
 * Turns configuration seen in platform records (REPORT's Memory Size, `Task timed out after N
 * seconds`, INIT_START's runtime) into inventory rows of source 'records'. Only what changed since
 * this process last saw a function is written, gathered for a second into one upsert and kept off
 * the request path: a fleet's first deliveries would otherwise cost one read and one insert each.
 */
@Injectable()
export class InventoryRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Inventory');
  private readonly known = new Map<string, string>();
  private readonly pending = new Map<string, FunctionConfigHint>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly configs: FunctionConfigRepository) {}

  record(hints: FunctionConfigHint[]): void {
    for (const hint of hints) {
      const merged = {
        ...this.pending.get(hint.functionId),
        ...definedOnly(hint),
      } as FunctionConfigHint;
      const fingerprint = fingerprintOf(merged);
      const before = this.known.get(hint.functionId);
      const next = before ? mergeFingerprint(before, fingerprint) : fingerprint;
      if (next === before) continue;
      this.known.set(hint.functionId, next);
      this.pending.set(hint.functionId, merged);
    }
    if (this.pending.size > 0) this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /**
   * The architecture stored invocations reported (a span's host.arch; platform records never name
   * it), from what the settings history takes of them (SettingsHistoryRecorder.seenIn()): without
   * it only the weekly report knew, and the fleet page, the cold starts by architecture and the
   * analyses priced an arm64 function as x86_64.
   */
  observed(seen: readonly SettingsSnapshot[]): void {
    const hints: FunctionConfigHint[] = [];
    for (const s of seen) {
      if (s.architecture) {
        hints.push({
          functionId: s.functionId,
          version: '',
          architecture: s.architecture,
          observedAtMs: s.observedAtMs,
        });
      }
    }
    if (hints.length > 0) this.record(hints);
  }

  /** Writes what is pending; on shutdown and by tests. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const changed = [...this.pending.values()];
    this.pending.clear();
    if (changed.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.write(changed));
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async write(changed: FunctionConfigHint[]): Promise<void> {
    try {
      await this.configs.upsert('records', changed.map(toUpdate));
    } catch (error) {
      // The invocations themselves are stored; a missed inventory hint is seen again next time.
      for (const h of changed) this.known.delete(h.functionId);
      this.logger.warn(`inventory hints not stored: ${(error as Error).message}`);
    }
  }
}

function toUpdate(h: FunctionConfigHint): FunctionConfigUpdate {
  const identity = parseFunctionId(h.functionId);
  return {
    functionId: h.functionId,
    platform: identity?.platform,
    account: identity?.account,
    region: identity?.region,
    name: identity?.name,
    version: h.version || undefined,
    memoryMb: h.memorySizeMb,
    timeoutMs: h.timeoutMs,
    runtime: h.runtime,
    architecture: h.architecture,
  };
}

function fingerprintOf(h: FunctionConfigHint): string {
  return JSON.stringify([h.memorySizeMb, h.timeoutMs, h.runtime, h.architecture, h.version]);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

/** Keeps known fields when a newer hint leaves them unset. */
function mergeFingerprint(before: string, next: string): string {
  const a = JSON.parse(before) as unknown[];
  const b = JSON.parse(next) as unknown[];
  return JSON.stringify(b.map((v, i) => (v === null || v === undefined ? a[i] : v)));
}
