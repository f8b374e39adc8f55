import { ConfigError } from './config.error';

/** A configured endpoint: an OpenFaaS gateway or a Knative metrics URL. */
export interface PlatformTarget {
  /** The gateway name or the Knative cluster: the functions' region. */
  label: string;
  url: URL;
  /** The URL without credentials, for logs and as the differ's target key. */
  shown: string;
}

const LABEL = /^[A-Za-z0-9_.:-]+$/;

/** The URL without its credentials, for logs and messages. */
export function redacted(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/**
 * Reads `[name=]URL` entries of a comma-separated variable. A `=` before the scheme separates the
 * name; query strings later in the URL may hold their own `=`.
 */
export function parseTargetList(
  variable: string,
  entries: readonly string[],
  defaultLabel: (url: URL) => string,
): PlatformTarget[] {
  const { targets, problems } = targetListProblems(variable, entries, defaultLabel);
  if (problems.length > 0) throw new ConfigError(problems);
  return targets;
}

/** parseTargetList's entries and the problems of those it could not read (loadConfig's check). */
export function targetListProblems(
  variable: string,
  entries: readonly string[],
  defaultLabel: (url: URL) => string,
): { targets: PlatformTarget[]; problems: string[] } {
  const problems: string[] = [];
  const targets: PlatformTarget[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const scheme = entry.indexOf('://');
    const named = eq > 0 && (scheme < 0 || eq < scheme);
    const raw = named ? entry.slice(eq + 1).trim() : entry;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      problems.push(
        `${variable}: "${withoutUserinfo(entry)}" is not a URL (expected [name=]http(s)://host:port)`,
      );
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push(`${variable}: "${withoutUserinfo(raw)}" must be an http:// or https:// URL`);
      continue;
    }
    const label = named ? entry.slice(0, eq).trim() : defaultLabel(url);
    if (!LABEL.test(label)) {
      problems.push(`${variable}: name "${label}" may hold only letters, digits and _ . : -`);
      continue;
    }
    targets.push({ label, url, shown: redacted(url) });
  }
  return { targets, problems };
}

/** `http://gw:8080/prefix` + `metrics` → `http://gw:8080/prefix/metrics` (keeps credentials). */
export function endpointOf(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  url.search = '';
  return url;
}

/**
 * An entry as quoted in a problem: without what comes before an `@` of its authority, where a
 * gateway's Basic-auth credentials are (the README allows them), so that a typo does not print a
 * password to the logs.
 */
function withoutUserinfo(entry: string): string {
  return entry.replace(/^([^=]*=)?((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/@]*@/i, '$1$2…@');
}
