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

/** `--url` (or FLEETSCOPE_URL) names the API; `--ingest-url` (or FLEETSCOPE_INGEST_URL) the collector. */
export function endpointsFrom(
  options: { url?: string; ingestUrl?: string },
  env: NodeJS.ProcessEnv = process.env,
): FleetscopeEndpoints {
  return {
    apiUrl: trimSlash(options.url ?? env.FLEETSCOPE_URL ?? DEFAULT_API_URL),
    ingestUrl: trimSlash(options.ingestUrl ?? env.FLEETSCOPE_INGEST_URL ?? DEFAULT_INGEST_URL),
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
    let message = text;
    try {
      const parsed = JSON.parse(text) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
      else if (Array.isArray(parsed.message)) message = parsed.message.join('; ');
    } catch {
      // not JSON: keep the text as it came
    }
    throw new FleetscopeRequestError(
      `${method} ${path} answered ${response.status}: ${message}`,
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

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
