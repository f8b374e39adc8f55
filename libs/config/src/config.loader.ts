import { ENV, type Config, type ConfigKey } from './config.schema';
import { ConfigError } from './config.error';
import { targetListProblems } from './platform-targets';

export { ConfigError } from './config.error';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Every IPv4 or IPv6 address (0.0.0.0, ::, 0:0:0:0:0:0:0:0), or none at all. */
const WILDCARD = /^(0\.0\.0\.0|\[?(0*:){2,7}0*\]?)?$/;

/** A listen address that means "every interface": one to bind, not one anyone can open. */
export function isWildcard(host: string): boolean {
  return WILDCARD.test(host.trim());
}

/**
 * Reads and validates the whole configuration once. Every problem is reported together, each
 * naming its variable and what is allowed, so a bad deployment fails at boot and says why.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const values: Partial<Record<ConfigKey, unknown>> = {};
  for (const [key, spec] of Object.entries(ENV) as [ConfigKey, (typeof ENV)[ConfigKey]][]) {
    const raw = env[spec.name] ?? ('default' in spec ? spec.default : undefined);
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) {
      values[key] = parsed.data;
    } else {
      const shown = 'secret' in spec && spec.secret ? '(hidden)' : JSON.stringify(raw);
      const reason = parsed.error.issues.map((i) => i.message).join('; ');
      problems.push(`${spec.name}: ${reason} (got ${shown})`);
    }
  }
  const config = values as Config;
  problems.push(...platformTargetProblems(config));
  if (problems.length === 0 && !isLoopback(config.host)) {
    const missing = [
      config.ingestToken ? undefined : ENV.ingestToken.name,
      config.apiToken ? undefined : ENV.apiToken.name,
    ].filter((v): v is string => v !== undefined);
    if (missing.length > 0) {
      problems.push(
        `${ENV.host.name}: ${config.host} listens beyond loopback, so ingest and API must be guarded: set ${missing.join(' and ')}`,
      );
    }
  }
  if (problems.length === 0) problems.push(...combinationProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The OpenFaaS gateways and Knative metrics URLs, read as the scrapers, the log pushes and the
 * tuning drivers read them (parseTargetList): a bad entry stops every process at start naming its
 * variable, as any other bad value does, not the collector alone with a stack trace once its
 * modules were built.
 */
function platformTargetProblems(config: Partial<Config>): string[] {
  const problems: string[] = [];
  if (config.openfaasGateways !== undefined) {
    const gateways = targetListProblems(
      ENV.openfaasGateways.name,
      config.openfaasGateways,
      (url) => url.host,
    );
    problems.push(...gateways.problems);
    const names = new Set<string>();
    for (const { label } of gateways.targets) {
      if (names.has(label)) {
        problems.push(
          `${ENV.openfaasGateways.name}: two gateways are named "${label}"; give them names with name=URL`,
        );
      }
      names.add(label);
    }
  }
  if (config.knativeMetricsUrls !== undefined) {
    const cluster = config.knativeCluster ?? String(ENV.knativeCluster.default);
    problems.push(
      ...targetListProblems(ENV.knativeMetricsUrls.name, config.knativeMetricsUrls, () => cluster)
        .problems,
    );
  }
  return problems;
}

/** Values that are each valid but cannot go together, each named with the fix. */
function combinationProblems(config: Config): string[] {
  const problems: string[] = [];
  const ports = [
    [ENV.httpPort.name, config.httpPort],
    [ENV.otlpHttpPort.name, config.otlpHttpPort],
    [ENV.otlpGrpcPort.name, config.otlpGrpcPort],
  ] as const;
  for (let i = 0; i < ports.length; i++) {
    for (let j = i + 1; j < ports.length; j++) {
      // Port 0 asks the system for a free port, a different one for each server.
      if (ports[i][1] !== 0 && ports[i][1] === ports[j][1]) {
        problems.push(
          `${ports[j][0]}: ${ports[j][1]} is also ${ports[i][0]}; every server needs its own port, so set a different one`,
        );
      }
    }
  }
  if (config.clickhouseCluster !== undefined && config.clickhouseUrl === undefined) {
    problems.push(
      `${ENV.clickhouseCluster.name}: cluster mode needs a ClickHouse server: set ${ENV.clickhouseUrl.name}, or unset ${ENV.clickhouseCluster.name} to use embedded ClickHouse`,
    );
  }
  if (config.clickhouseUrl !== undefined) problems.push(...clickhouseUrlProblems(config));
  if (config.reportSmtpUrl && config.reportEmailTo.length === 0) {
    problems.push(
      `${ENV.reportEmailTo.name}: required when ${ENV.reportSmtpUrl.name} is set (who receives the weekly report?)`,
    );
  }
  return problems;
}

/**
 * A ClickHouse URL is the server alone. The client takes a path as the database
 * (http://ch:8123/otherdb): the tables went to otherdb while Fleetscope logged, created and
 * pointed its Distributed tables at CLICKHOUSE_DATABASE. Credentials in the URL are the client's
 * to use (they win over CLICKHOUSE_USER and CLICKHOUSE_PASSWORD) and are never shown.
 */
function clickhouseUrlProblems(config: Config): string[] {
  const name = ENV.clickhouseUrl.name;
  let url: URL;
  try {
    url = new URL(config.clickhouseUrl ?? '');
  } catch {
    return [`${name}: must be an http:// or https:// URL such as http://clickhouse:8123`];
  }
  // A path naming the database Fleetscope uses is what the client takes it for: the same one.
  const path = url.pathname;
  if (path === '' || path === '/' || path === `/${config.clickhouseDatabase}`) return [];
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return [
    `${name}: ${shown.href} has the path ${url.pathname}, which the ClickHouse client would take as the database while Fleetscope uses ${ENV.clickhouseDatabase.name} (${config.clickhouseDatabase}): set ${name} to the server alone (${url.origin}) and the database in ${ENV.clickhouseDatabase.name}`,
  ];
}

/** The names of every variable Fleetscope reads, for checks of deployment files. */
export function knownEnvNames(): string[] {
  return Object.values(ENV).map((spec) => spec.name);
}
