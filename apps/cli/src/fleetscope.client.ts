/**
 * How every CLI command reaches a running Fleetscope: the API (dashboard port) and the ingest
 * (collector port) base URLs, and the bearer tokens when the server is guarded.
 */
export interface FleetscopeEndpoints {
  /** Dashboard and REST API, e.g. http://127.0.0.1:8080. */
  apiUrl: string;
  /** OTLP/HTTP and platform ingest, e.g. http://127.0.0.1:4318. */
  ingestUrl: string;
  apiToken?: string;
  ingestToken?: string;
}

export const DEFAULT_API_URL = 'http://127.0.0.1:8080';
export const DEFAULT_INGEST_URL = 'http://127.0.0.1:4318';

/**
 * `--url` (or FLEETSCOPE_URL) names the API; `--ingest-url` (or FLEETSCOPE_INGEST_URL) the
 * collector. Each must be an http(s) URL: fetch refuses `127.0.0.1:8080` as ERR_INVALID_URL, which
 * read as a server that is not running rather than a URL written without its scheme.
 */
export function endpointsFrom(
  options: { url?: string; ingestUrl?: string },
  env: NodeJS.ProcessEnv = process.env,
): FleetscopeEndpoints {
  return {
    apiUrl:
      httpUrl(options.url, '--url') ??
      httpUrl(env.FLEETSCOPE_URL || undefined, 'FLEETSCOPE_URL') ??
      DEFAULT_API_URL,
    ingestUrl:
      httpUrl(options.ingestUrl, '--ingest-url') ??
      httpUrl(env.FLEETSCOPE_INGEST_URL || undefined, 'FLEETSCOPE_INGEST_URL') ??
      DEFAULT_INGEST_URL,
    apiToken: env.FLEETSCOPE_API_TOKEN || undefined,
    ingestToken: env.FLEETSCOPE_INGEST_TOKEN || undefined,
  };
}

export class FleetscopeRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FleetscopeRequestError';
  }
}

/** A JSON request to the API; a non-2xx answer or an unreachable server throws with what it said. */
export async function apiRequest<T>(
  endpoints: FleetscopeEndpoints,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  /** 'text' returns the body as it came (HTML, Markdown, CSV). */
  responseType: 'json' | 'text' = 'json',
): Promise<T> {
  const url = `${endpoints.apiUrl}${path}`;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (endpoints.apiToken) headers.authorization = `Bearer ${endpoints.apiToken}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    throw new FleetscopeRequestError(
      `cannot reach Fleetscope at ${endpoints.apiUrl} (${cause}); start it with 'npm start' or pass --url`,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    throw new FleetscopeRequestError(
      `${method} ${path} answered ${response.status}: ${jsonErrorMessage(text) ?? text}`,
      response.status,
    );
  }
  if (responseType === 'text') return text as T;
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // Something answered 2xx that is not the API (a web page, a proxy's login form).
    throw new FleetscopeRequestError(
      `${url} did not answer as the Fleetscope API: ${(error as Error).message}; check --url or FLEETSCOPE_URL`,
    );
  }
}

/**
 * What a JSON error body says: its `message` (Nest's, the collector's, a google.rpc.Status in
 * JSON), else its `error`; null when the body is not JSON or says neither.
 */
export function jsonErrorMessage(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { message, error } = parsed as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.length > 0) return message.join('; ');
  if (typeof error === 'string' && error) return error;
  return null;
}

/** The URL without trailing slashes, undefined when not given; one that is not http(s) throws. */
function httpUrl(url: string | undefined, from: string): string | undefined {
  if (url === undefined) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL at all: said below
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    const hint = url && !url.includes('://') ? `: write http://${url}` : '';
    throw new FleetscopeRequestError(
      `${from} is ${JSON.stringify(url)}, which is not an http(s) URL${hint}`,
    );
  }
  return url.replace(/\/+$/, '');
}
