export interface RetryOptions {
  attempts: number;
  /** Delay before the second attempt; each further one doubles it. */
  baseDelayMs: number;
  onAttempt?: (attempt: number, error: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Asked before each retry: true stops there (the process is shutting down). */
  stopped?: () => boolean;
}

export interface RetryOutcome {
  ok: boolean;
  attempts: number;
  error: string | null;
  /** Stopped (RetryOptions.stopped) before the attempts were spent: neither delivered nor failed. */
  interrupted?: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` until it succeeds or `attempts` are spent, with exponential backoff in between, or
 * until `stopped` says so before a retry.
 */
export async function withRetries(
  send: () => Promise<void>,
  options: RetryOptions,
): Promise<RetryOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (options.stopped?.()) {
      return { ok: false, attempts: attempt - 1, error: errorText(lastError), interrupted: true };
    }
    try {
      await send();
      options.onAttempt?.(attempt, null);
      return { ok: true, attempts: attempt, error: null };
    } catch (error) {
      lastError = error;
      options.onAttempt?.(attempt, error);
      if (attempt < options.attempts) await sleep(options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
  return {
    ok: false,
    attempts: options.attempts,
    error: errorText(lastError),
  };
}

function errorText(error: unknown): string | null {
  if (error === undefined) return null;
  return error instanceof Error ? error.message : JSON.stringify(error);
}
