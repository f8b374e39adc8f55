export interface RetryOptions {
  attempts: number;
  /** Delay before the second attempt; each further one doubles it. */
  baseDelayMs: number;
  onAttempt?: (attempt: number, error: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface RetryOutcome {
  ok: boolean;
  attempts: number;
  error: string | null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `send` until it succeeds or `attempts` are spent, with exponential backoff in between. */
export async function withRetries(
  send: () => Promise<void>,
  options: RetryOptions,
): Promise<RetryOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
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
    error: lastError instanceof Error ? lastError.message : String(lastError),
  };
}
