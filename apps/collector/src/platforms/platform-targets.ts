import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, ConfigError, ENV, type Config } from '@fleetscope/config';
import { redacted } from './http-get';

/** A configured endpoint: an OpenFaaS gateway or a Knative metrics URL. */
export interface PlatformTarget {
  /** The gateway name or the Knative cluster: the functions' region. */
  label: string;
  url: URL;
  /** The URL without credentials, for logs and as the differ's target key. */
  shown: string;
}

const LABEL = /^[A-Za-z0-9_.:-]+$/;

/**
 * Reads `[name=]URL` entries of a comma-separated variable. A `=` before the scheme separates the
 * name; query strings later in the URL may hold their own `=`.
 */
export function parseTargetList(
  variable: string,
  entries: readonly string[],
  defaultLabel: (url: URL) => string,
): PlatformTarget[] {
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
      problems.push(`${variable}: "${entry}" is not a URL (expected [name=]http(s)://host:port)`);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push(`${variable}: "${raw}" must be an http:// or https:// URL`);
      continue;
    }
    const label = named ? entry.slice(0, eq).trim() : defaultLabel(url);
    if (!LABEL.test(label)) {
      problems.push(`${variable}: name "${label}" may hold only letters, digits and _ . : -`);
      continue;
    }
    targets.push({ label, url, shown: redacted(url) });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return targets;
}

/** `http://gw:8080/prefix` + `metrics` → `http://gw:8080/prefix/metrics` (keeps credentials). */
export function endpointOf(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  url.search = '';
  return url;
}

/**
 * The OpenFaaS gateways and Knative metrics endpoints of the configuration, with the names their
 * functions are filed under. Scrapes, log pushes and the inventory must agree on these names, or
 * one function would appear under two ids.
 */
@Injectable()
export class PlatformTargets {
  readonly gateways: PlatformTarget[];
  readonly knativeEndpoints: PlatformTarget[];
  readonly knativeCluster: string;

  constructor(@Inject(FLEETSCOPE_CONFIG) config: Config) {
    this.knativeCluster = config.knativeCluster;
    this.gateways = parseTargetList(
      ENV.openfaasGateways.name,
      config.openfaasGateways,
      (url) => url.host,
    );
    const names = new Set<string>();
    for (const g of this.gateways) {
      if (names.has(g.label)) {
        throw new ConfigError([
          `${ENV.openfaasGateways.name}: two gateways are named "${g.label}"; give them names with name=URL`,
        ]);
      }
      names.add(g.label);
    }
    this.knativeEndpoints = parseTargetList(
      ENV.knativeMetricsUrls.name,
      config.knativeMetricsUrls,
      () => config.knativeCluster,
    );
  }

  /** The gateway a log push means when it names none: the only configured one, if there is one. */
  defaultGateway(): string | undefined {
    return this.gateways.length === 1 ? this.gateways[0].label : undefined;
  }
}
