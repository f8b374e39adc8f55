import type { FunctionConfigUpdate } from '@fleetscope/storage';

export type InventoryPlatform = 'aws_lambda' | 'openfaas' | 'knative';

/** What listing one target (an AWS region, a gateway, a cluster) gave. */
export interface InventoryTargetResult {
  platform: InventoryPlatform;
  /** The region, gateway name or cluster. */
  target: string;
  updates: FunctionConfigUpdate[];
  /** Items the platform returned that could not be used (counted, the rest kept). */
  rejected: number;
  /** Set when the target could not be listed (or only partly: updates then hold what was read). */
  error?: { reason: string; message: string };
}

/**
 * One platform API the inventory is read from. `collect` never rejects: failures are results. It
 * stops its requests when `signal` aborts (the sync's deadline, or shutdown).
 */
export interface InventorySource {
  readonly platform: InventoryPlatform;
  /** False when nothing is configured for this platform. */
  enabled(): boolean;
  collect(signal: AbortSignal): Promise<InventoryTargetResult[]>;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function errorReason(error: unknown): string {
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && name !== 'Error' && /^[A-Za-z0-9_]+$/.test(name)
    ? name
    : 'failed';
}
