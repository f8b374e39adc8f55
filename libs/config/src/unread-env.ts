import { distance as editDistance } from 'fastest-levenshtein';
import { ENV, OTHER_ENV } from './config.schema';

/** Fleetscope's prefixes: a variable named so is meant for Fleetscope. */
const PREFIXES = /^(FLEETSCOPE|CLICKHOUSE)_/;

/**
 * Names other ClickHouse tools and images read, and what Fleetscope reads instead. The server
 * address is one URL here: CLICKHOUSE_HOST alone left CLICKHOUSE_URL unset, so Fleetscope ran
 * embedded ClickHouse and said nothing.
 */
const OTHER_TOOLS: Record<string, string> = {
  CLICKHOUSE_HOST: ENV.clickhouseUrl.name,
  CLICKHOUSE_HOSTNAME: ENV.clickhouseUrl.name,
  CLICKHOUSE_PORT: ENV.clickhouseUrl.name,
  CLICKHOUSE_HTTP_PORT: ENV.clickhouseUrl.name,
  CLICKHOUSE_SERVER: ENV.clickhouseUrl.name,
  CLICKHOUSE_DB: ENV.clickhouseDatabase.name,
  CLICKHOUSE_USERNAME: ENV.clickhouseUser.name,
};

/** Every variable some part of Fleetscope reads: the server's configuration, the CLI, examples/. */
export function readEnvNames(): string[] {
  return [...Object.values(ENV).map((spec) => spec.name), ...Object.keys(OTHER_ENV)];
}

/**
 * One warning for each FLEETSCOPE_* or CLICKHOUSE_* variable of `env` that nothing in Fleetscope
 * reads (a misspelt name keeps its setting's default silently: FLEETSCOPE_RETENTION_DAY=7 kept
 * 30 days), naming the variable meant where one is near. Warnings, not errors: Compose passes
 * the whole .env to every service, and other tools may share it.
 */
export function unreadEnvWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
  const known = readEnvNames();
  const read = new Set(known);
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (!PREFIXES.test(name) || read.has(name) || isKubernetesServiceVariable(name, env[name]))
      continue;
    const instead = OTHER_TOOLS[name];
    if (instead === ENV.clickhouseUrl.name) {
      warnings.push(
        env[instead]
          ? `${name} is not read by Fleetscope, which reaches ClickHouse at ${instead} alone`
          : `${name} is not read by Fleetscope: it reads the server's address from ${instead} (e.g. http://clickhouse:8123); with ${instead} unset it runs embedded ClickHouse`,
      );
      continue;
    }
    const meant = instead ?? nearest(name, known);
    warnings.push(
      `${name} is not read by Fleetscope and is ignored${meant ? `: did you mean ${meant}?` : ''} (README, "Configuration")`,
    );
  }
  return warnings;
}

/**
 * A variable Kubernetes gives every pod for each Service of its namespace (a Service named
 * clickhouse or fleetscope: CLICKHOUSE_SERVICE_HOST, CLICKHOUSE_PORT=tcp://…,
 * CLICKHOUSE_PORT_8123_TCP_ADDR, …; kubernetes.io "Service", Environment variables). Not a
 * setting anyone wrote: no warning, but CLICKHOUSE_PORT=8123 (a port, not tcp://…) still gets one.
 */
function isKubernetesServiceVariable(name: string, value: string | undefined): boolean {
  if (/_SERVICE_(HOST|PORT(_[A-Z0-9_]+)?)$/.test(name)) return true;
  if (/_PORT_\d+_(TCP|UDP|SCTP)(_ADDR|_PORT|_PROTO)?$/.test(name)) return true;
  return /_PORT$/.test(name) && /^(tcp|udp|sctp):\/\//.test(value ?? '');
}

/**
 * Writes unreadEnvWarnings to stderr at a process's start, each prefixed with the process's name
 * (as its start errors are), unless FLEETSCOPE_LOG_LEVEL=error.
 */
export function warnUnreadEnv(
  processName: string,
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  if (env[ENV.logLevel.name]?.trim() === 'error') return;
  for (const warning of unreadEnvWarnings(env)) write(`${processName}: warning: ${warning}\n`);
}

/**
 * The known name nearest `name`: the least edit distance, when small for the name's length, else
 * the nearest known name holding it or held by it, or holding its part after the prefix
 * (FLEETSCOPE_CLICKHOUSE_CLUSTER for CLICKHOUSE_CLUSTER, FLEETSCOPE_RETENTION_DAYS for
 * FLEETSCOPE_RETENTION).
 */
function nearest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  const stem = name.replace(PREFIXES, '');
  if (best && best.distance <= Math.max(1, Math.floor(stem.length / 3))) return best.name;
  const holding = known.filter(
    (k) => k.includes(name) || name.includes(k) || (stem.length >= 6 && k.includes(stem)),
  );
  return holding.sort((x, y) => editDistance(name, x) - editDistance(name, y))[0];
}
