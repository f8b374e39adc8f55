import type { IncomingHttpHeaders } from 'node:http';
import { isLoopback, type Config } from '@fleetscope/config';

/** A host name or address that names this machine: localhost, *.localhost, 127.x, ::1. */
function namesThisMachine(hostname: string): boolean {
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return isLoopback(name) || name.endsWith('.localhost');
}

/** The host name of a Host header value or an origin, without its port; null if unreadable. */
function hostnameOf(value: string, scheme: boolean): string | null {
  try {
    return new URL(scheme ? value : `http://${value}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Why a request to an API that answers anyone on this machine (loopback, no FLEETSCOPE_API_TOKEN)
 * is refused, or null. Without a token, a web page the user visits could otherwise drive the API:
 * a cross-site POST needs no preflight when it has no body (POST /api/analyses/run), and a name
 * rebound to 127.0.0.1 (DNS rebinding) makes every request same-origin, JSON bodies and answers
 * included. The browser says which site sent it (Origin) and which name it resolved (Host): both
 * must name this machine. With a token, neither can be forged by a page that does not hold it.
 */
export function localOnlyRefusal(
  headers: IncomingHttpHeaders,
  config: Pick<Config, 'host' | 'apiToken'>,
): string | null {
  if (config.apiToken || !isLoopback(config.host)) return null;
  const host = headers.host ?? '';
  const hostname = hostnameOf(host, false);
  if (hostname === null || !namesThisMachine(hostname))
    return `Host ${JSON.stringify(host)} is not this machine: without FLEETSCOPE_API_TOKEN the API answers only requests for localhost (behind a proxy, set the token or forward Host: localhost)`;
  return originRefusal(headers.origin, 'FLEETSCOPE_API_TOKEN');
}

/**
 * Why a request a browser sent from another site's page is refused, or null: its Origin names no
 * host of this machine. Browsers send Origin with every POST, same-origin ones too, so a page of a
 * name rebound to 127.0.0.1 is caught as well; senders that are not browsers send none. For a
 * server that answers anyone on this machine without `token`.
 */
export function originRefusal(origin: string | undefined, token: string): string | null {
  if (origin === undefined) return null;
  const from = hostnameOf(origin, true);
  return from === null || !namesThisMachine(from)
    ? `Origin ${JSON.stringify(origin)} is another site: without ${token} this server refuses requests other sites' pages send`
    : null;
}
