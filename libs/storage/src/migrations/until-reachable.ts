import { setTimeout as sleep } from 'node:timers/promises';
import { StorageUnavailableError } from '../client/storage.errors';

export interface UntilReachableOptions {
  /** Tries in all, the first included (Infinity: until it opens). */
  attempts: number;
  /** The pause between two tries. */
  pauseMs: number;
  /** Told of each refusal that will be tried again. */
  onRetry?: (error: StorageUnavailableError, attempt: number) => void;
}

/**
 * `open()` again while ClickHouse cannot be reached, up to `attempts` tries; any other error, and
 * the last refusal, are thrown. For a one-shot started beside a fresh ClickHouse server (the
 * compose file's `migrate`): its image's first start creates the database on 127.0.0.1 and can
 * pass its in-container health check before it listens on the network.
 */
export async function untilReachable<T>(
  open: () => Promise<T>,
  { attempts, pauseMs, onRetry }: UntilReachableOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError) || attempt >= attempts) throw error;
      onRetry?.(error, attempt);
      await sleep(pauseMs);
    }
  }
}
