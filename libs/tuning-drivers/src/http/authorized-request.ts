import { HttpStatusError, parseRetryAfter } from './platform-errors';

/** How long a request may take when the caller sets no shorter limit. */
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * fetch with the URL's userinfo sent as basic auth (fetch refuses URLs with credentials, and
 * gateways are often configured with them), and an optional bearer token. It gives up after
 * 2 minutes, or sooner when `init.signal` aborts.
 */
export async function authorizedRequest(
  target: URL,
  init: RequestInit & { bearer?: string } = {},
): Promise<Response> {
  const url = new URL(target.href);
  const headers = new Headers(init.headers);
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.set('authorization', `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
    url.username = '';
    url.password = '';
  }
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
  return fetch(url, {
    method: init.method,
    body: init.body,
    headers,
    signal: init.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
      : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** An error naming the call and what the server said, with its status. */
export async function responseError(what: string, response: Response): Promise<HttpStatusError> {
  const text = (await response.text().catch(() => '')).slice(0, 300);
  return new HttpStatusError(
    `${what} answered ${response.status}${text ? `: ${text}` : ''}`,
    response.status,
    parseRetryAfter(response.headers.get('retry-after') ?? undefined),
  );
}
