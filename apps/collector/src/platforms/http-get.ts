import { redacted } from '@fleetscope/config';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpGetOptions {
  /** The whole request, headers and body, must be done within this; a slow trickle included. */
  timeoutMs: number;
  /** The body is refused beyond this many bytes (a misconfigured target must not exhaust memory). */
  maxBytes: number;
  headers?: Record<string, string>;
  /** PEM CA bundle for https targets signed by a private CA (the Kubernetes API). */
  ca?: string | Buffer;
  /** Stops the request at once (shutdown, or a caller's own deadline): rejects as 'aborted'. */
  signal?: AbortSignal;
}

export interface HttpGetResponse {
  status: number;
  body: string;
}

/** Why a GET failed; the reason is what the failure is counted by. */
export class HttpGetError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'timeout' | 'too_large' | 'http_status' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A bounded GET with node:http(s): a whole-request deadline (a socket idle timeout alone never trips
 * on a body trickling a byte every few seconds), a body cap, and basic-auth taken from
 * the URL's userinfo (fetch refuses URLs with credentials, and gateways are often configured so).
 * Non-2xx answers are errors. It does not follow redirects: a scrape target that moves is
 * misconfigured and should say so.
 */
export function httpGet(target: string | URL, options: HttpGetOptions): Promise<HttpGetResponse> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.reject(new HttpGetError('unreachable', `"${String(target)}" is not a URL`));
  }
  const headers: Record<string, string> = { 'accept-encoding': 'identity', ...options.headers };
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const shown = redacted(url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpGetResponse>((resolve, reject) => {
    const deadline = setTimeout(() => {
      fail(
        new HttpGetError(
          'timeout',
          `${shown} did not answer in full within ${options.timeoutMs} ms`,
        ),
      );
    }, options.timeoutMs);
    let settled = false;
    const onAbort = (): void =>
      fail(new HttpGetError('aborted', `${shown}: request stopped before it was answered`));
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: HttpGetError): void => {
      if (!settle()) return;
      reject(error);
      req.destroy();
    };
    const req = request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        ca: options.ca,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            fail(
              new HttpGetError(
                'too_large',
                `${shown} answered more than ${options.maxBytes} bytes`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (!settle()) return;
          const status = res.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString('utf8');
          if (status < 200 || status > 299) {
            reject(
              new HttpGetError('http_status', `${shown} answered ${status}: ${body.slice(0, 200)}`),
            );
          } else {
            resolve({ status, body });
          }
        });
        res.on('error', (error) => fail(asGetError(error, shown)));
      },
    );
    req.on('error', (error) => fail(asGetError(error, shown)));
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}

function asGetError(error: Error, shown: string): HttpGetError {
  if (error instanceof HttpGetError) return error;
  return new HttpGetError('unreachable', `${shown}: ${error.message}`);
}

export { redacted } from '@fleetscope/config';
