import type { ClickHouseClient } from '@clickhouse/client';
import type { ClickHouseHandle } from './clickhouse-client.factory';

/** What reads wait for: the IngestWriter's readBarrier(), once the writer exists. */
export interface BarrierSource {
  readBarrier(): Promise<void>;
}

/**
 * Read-your-writes with the ingest log: a batch is acknowledged once logged and stored a drain
 * later, so every statement this process's repositories, jobs and routes send waits first until
 * what was acknowledged before it is stored (immediate when nothing is pending). The writer keeps
 * the client without the barrier: its own statements are what the barrier waits for.
 */
export class ReadBarrier {
  private source: BarrierSource | undefined;

  attach(source: BarrierSource): void {
    this.source = source;
  }

  wait(): Promise<void> {
    return this.source ? this.source.readBarrier() : Promise.resolve();
  }
}

const WAITING = new Set<string | symbol>(['query', 'command', 'exec']);
const unwrapped = new WeakMap<ClickHouseClient, ClickHouseClient>();

/** The handle with a client whose query, command and exec wait for `barrier` first. */
export function behindReadBarrier(
  handle: ClickHouseHandle,
  barrier: ReadBarrier,
): ClickHouseHandle {
  const raw = handle.client;
  const client = new Proxy(raw, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!WAITING.has(property)) return method.bind(target);
      return async (...args: unknown[]) => {
        await barrier.wait();
        return method.apply(target, args);
      };
    },
  });
  unwrapped.set(client, raw);
  return { ...handle, client, close: () => handle.close() };
}

/** The client without the read barrier (the writer's own). */
export function withoutReadBarrier(client: ClickHouseClient): ClickHouseClient {
  return unwrapped.get(client) ?? client;
}
