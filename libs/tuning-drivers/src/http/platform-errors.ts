import { PlatformUnavailableError, type PlatformUnavailability } from '@fleetscope/tuning';

/** An HTTP answer outside 2xx, naming the call and what the server said. */
export class HttpStatusError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The answer's Retry-After, in seconds, when it had one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/**
 * Seconds from a Retry-After value: delay-seconds or an HTTP-date (RFC 9110 10.2.3); undefined
 * when it is neither or already past.
 */
export function parseRetryAfter(value: unknown, nowMs = Date.now()): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at) || at <= nowMs) return undefined;
  return Math.ceil((at - nowMs) / 1000);
}

/**
 * How long the platform asked to wait: Lambda's TooManyRequestsException carries its Retry-After
 * header as retryAfterSeconds; other AWS errors keep the raw answer's headers; HttpStatusError and
 * KubernetesApiError keep the gateway's and the Kubernetes API's.
 */
function retryAfterOf(error: unknown): number | undefined {
  const e = error as {
    retryAfterSeconds?: unknown;
    $response?: { headers?: Record<string, unknown> };
  } | null;
  return (
    parseRetryAfter(e?.retryAfterSeconds) ?? parseRetryAfter(e?.$response?.headers?.['retry-after'])
  );
}

/** Error names the AWS SDK gives throttling (Lambda: TooManyRequestsException, 429). */
const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling']);
/** Socket and DNS failures: the platform was never reached. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function statusOf(error: unknown): number | undefined {
  const e = error as { $metadata?: { httpStatusCode?: unknown }; status?: unknown } | null;
  const status = e?.$metadata?.httpStatusCode ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}

function codeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether a failed platform call says nothing about the function because the platform throttled
 * it (429), failed (5xx), or was not reached (a socket error, a timeout); undefined for an answer
 * about the function itself (not found, access denied, a bad name).
 */
export function unavailability(error: unknown): PlatformUnavailability | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  const status = statusOf(error);
  if ((typeof name === 'string' && THROTTLING.has(name)) || status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'failed';
  if (status !== undefined) return undefined;
  if (name === 'TimeoutError' || name === 'AbortError') return 'unreachable';
  const code = codeOf(error);
  return code && NETWORK.has(code) ? 'unreachable' : undefined;
}

const REASONS: Record<PlatformUnavailability, string> = {
  throttled: 'the platform throttled the request, try again later',
  failed: 'the platform failed to answer',
  unreachable: 'the platform could not be reached',
};

/** `error` as a PlatformUnavailableError when it is one (see unavailability), else as it is. */
export function asPlatformError(error: unknown): unknown {
  const reason = unavailability(error);
  if (!reason) return error;
  // Duck-typed: fetch's TypeError may come from another realm than this module's Error.
  const text = (error as { message?: unknown } | null)?.message;
  const message = typeof text === 'string' ? text : String(error);
  const code = codeOf(error);
  return new PlatformUnavailableError(
    `${REASONS[reason]}: ${message}${code && !message.includes(code) ? ` (${code})` : ''}`,
    reason,
    { cause: error, retryAfterSeconds: retryAfterOf(error) },
  );
}
