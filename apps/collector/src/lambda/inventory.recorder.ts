import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FunctionConfigHint } from '@fleetscope/ingest';
import { parseFunctionId, type InvocationRecord } from '@fleetscope/model';
import {
  FunctionConfigRepository,
  type FunctionConfigUpdate,
  type SettingsSnapshot,
} from '@fleetscope/storage';

/** How long hints gather before one upsert: inventory facts change rarely and need not be instant. */
const FLUSH_DELAY_MS = 1_000;

/** A runtime a span named (`process.runtime.name` and version), not stored yet. */
export interface SpanRuntime {
  functionId: string;
  runtime: string;
  observedAtMs: number;
}

/** What one inventory source has been told: its hints gathered for the next upsert. */
class SourceHints {
  readonly known = new Map<string, string>();
  readonly pending = new Map<string, FunctionConfigHint>();

  /** Whether the hints changed anything this process had not seen. */
  add(hints: readonly FunctionConfigHint[]): boolean {
    let changed = false;
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
      changed = true;
    }
    return changed;
  }
}

/**
 * Turns configuration seen in platform records (REPORT's Memory Size, `Task timed out after N
 * seconds`, INIT_START's runtime) into inventory rows of source 'records', and the runtime spans
 * name into rows of source 'spans' (read only where no other source names one). Only what changed
 * since this process last saw a function is written, gathered for a second into one upsert and
 * kept off the request path: a fleet's first deliveries would otherwise cost one read and one
 * insert each.
 */
@Injectable()
export class InventoryRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Inventory');
  private readonly sources = new Map<'records' | 'spans', SourceHints>([
    ['records', new SourceHints()],
    ['spans', new SourceHints()],
  ]);
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Who waits for the flush the timer is armed for (settled()). */
  private nextFlush: { promise: Promise<void>; resolve: () => void } | undefined;
  /** Told each function a hint names (the OTLP export learns Lambda accounts from them). */
  private readonly functionListeners: ((functionId: string) => void)[] = [];

  constructor(private readonly configs: FunctionConfigRepository) {}

  record(hints: FunctionConfigHint[]): void {
    this.add('records', hints);
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

  /**
   * The runtimes spans named (`cpython 3.12.1`), one per function of a request's invocations:
   * taken before the rows are stored (they are dropped once encoded), recorded once they are
   * (spansObserved()). Without them a function known only from OpenTelemetry had runtime ''.
   */
  static spanRuntimesIn(
    invocations: readonly Pick<
      InvocationRecord,
      'source' | 'runtime' | 'functionId' | 'startTimeMs'
    >[],
  ): SpanRuntime[] {
    let byFunction: Map<string, SpanRuntime> | undefined;
    for (const inv of invocations) {
      if (inv.source !== 'otel_span' || !inv.runtime) continue;
      byFunction ??= new Map<string, SpanRuntime>();
      const known = byFunction.get(inv.functionId);
      if (!known || inv.startTimeMs >= known.observedAtMs) {
        byFunction.set(inv.functionId, {
          functionId: inv.functionId,
          runtime: inv.runtime,
          observedAtMs: inv.startTimeMs,
        });
      }
    }
    return byFunction ? [...byFunction.values()] : [];
  }

  /** Stored spans' runtimes (spanRuntimesIn()), as inventory rows of source 'spans'. */
  spansObserved(runtimes: readonly SpanRuntime[]): void {
    if (runtimes.length === 0) return;
    this.add(
      'spans',
      runtimes.map((r) => ({
        functionId: r.functionId,
        version: '',
        runtime: r.runtime,
        observedAtMs: r.observedAtMs,
      })),
    );
  }

  /** Calls `listener` with the function id of every hint handed in from now on. */
  onFunction(listener: (functionId: string) => void): void {
    this.functionListeners.push(listener);
  }

  /**
   * Resolves once every hint handed in so far is written (or given up), without hastening the
   * write: the ingest log keeps the batches they came from until then (LoggedFactsKeeper).
   */
  settled(): Promise<void> {
    if (!this.timer) return this.flushing;
    if (!this.nextFlush) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.nextFlush = { promise, resolve };
    }
    return this.nextFlush.promise;
  }

  /** Writes what is pending; on shutdown and by tests. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.nextFlush;
    this.nextFlush = undefined;
    const writes: (() => Promise<void>)[] = [];
    for (const [source, hints] of this.sources) {
      const changed = [...hints.pending.values()];
      hints.pending.clear();
      if (changed.length > 0) writes.push(() => this.write(source, hints, changed));
    }
    if (writes.length > 0) {
      // After the writes of the flush before, as before: one source's rows at a time.
      this.flushing = this.flushing.then(async () => {
        for (const write of writes) await write();
      });
    }
    if (waiting) void this.flushing.then(waiting.resolve);
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private add(source: 'records' | 'spans', hints: readonly FunctionConfigHint[]): void {
    for (const listener of this.functionListeners) for (const h of hints) listener(h.functionId);
    if (this.sources.get(source)!.add(hints)) {
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
    }
  }

  private async write(
    source: 'records' | 'spans',
    hints: SourceHints,
    changed: FunctionConfigHint[],
  ): Promise<void> {
    try {
      await this.configs.upsert(source, changed.map(toUpdate));
    } catch (error) {
      // The invocations themselves are stored; a missed inventory hint is seen again next time.
      for (const h of changed) hints.known.delete(h.functionId);
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
