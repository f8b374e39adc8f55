import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseRetryAfter } from './platform-errors';

export interface KubernetesAccess {
  apiUrl: string;
  /** Re-read on every call: projected service-account tokens rotate. */
  tokenFile?: string;
  caFile?: string;
}

export class KubernetesApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The answer's Retry-After, in seconds (the API server sends one with 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'KubernetesApiError';
  }
}

/**
 * JSON calls to the Kubernetes API with the service-account token and CA bundle. node:https
 * rather than fetch because fetch takes no per-request CA.
 */
export async function kubernetesRequest<T>(
  access: KubernetesAccess,
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const url = new URL(path, access.apiUrl.endsWith('/') ? access.apiUrl : `${access.apiUrl}/`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (access.tokenFile)
    headers.authorization = `Bearer ${(await readFile(access.tokenFile, 'utf8')).trim()}`;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  if (payload) {
    headers['content-type'] = contentType;
    headers['content-length'] = String(payload.length);
  }
  const ca = access.caFile ? await readFile(access.caFile) : undefined;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<T>((resolve, reject) => {
    const req = send(url, { method, headers, ca, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          let message = text.slice(0, 300);
          try {
            message = (JSON.parse(text) as { message?: string }).message ?? message;
          } catch {
            // not a Status object: keep the text
          }
          reject(
            new KubernetesApiError(
              `${method} ${url.pathname} answered ${status}: ${message}`,
              status,
              parseRetryAfter(res.headers['retry-after']),
            ),
          );
          return;
        }
        try {
          resolve((text ? JSON.parse(text) : undefined) as T);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}
