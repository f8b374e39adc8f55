import { Injectable, Logger } from '@nestjs/common';
import type { FunctionConfigHint } from '@fleetscope/ingest';
import { parseFunctionId } from '@fleetscope/model';
import { FunctionConfigRepository } from '@fleetscope/storage';

/**
 * Turns configuration seen in platform records (REPORT's Memory Size, `Task timed out after N
 * seconds`, INIT_START's runtime) into inventory rows of source 'records', writing only what
 * changed since the last time this process saw that function.
 */
@Injectable()
export class InventoryRecorder {
  private readonly logger = new Logger('Inventory');
  private readonly known = new Map<string, string>();

  constructor(private readonly configs: FunctionConfigRepository) {}

  async record(hints: FunctionConfigHint[]): Promise<void> {
    const latest = new Map<string, FunctionConfigHint>();
    for (const hint of hints) {
      const merged = { ...latest.get(hint.functionId), ...definedOnly(hint) } as FunctionConfigHint;
      latest.set(hint.functionId, merged);
    }
    const changed = [...latest.values()].filter((h) => {
      const fingerprint = JSON.stringify([
        h.memorySizeMb,
        h.timeoutMs,
        h.runtime,
        h.architecture,
        h.version,
      ]);
      const key = h.functionId;
      const before = this.known.get(key);
      const merged = before ? mergeFingerprint(before, fingerprint) : fingerprint;
      if (merged === before) return false;
      this.known.set(key, merged);
      return true;
    });
    if (changed.length === 0) return;
    try {
      await this.configs.upsert(
        'records',
        changed.map((h) => {
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
        }),
      );
    } catch (error) {
      // The invocations themselves are stored; a missed inventory hint is seen again next time.
      for (const h of changed) this.known.delete(h.functionId);
      this.logger.warn(`inventory hints not stored: ${(error as Error).message}`);
    }
  }
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
