import { ENV, type Config } from '@fleetscope/config';

/** The collector's paths: OTLP/HTTP and the platform ingest routes (apps/collector). */
const TELEMETRY_PATH = /^\/(?:v1\/(?:traces|logs|metrics)|ingest(?:\/|$))/;
/** The dashboard's own paths the collector has no use for: its REST API and its home page. */
const DASHBOARD_PATH = /^\/(?:api(?:\/|$)|$)/;

/**
 * Why a request for one of the collector's paths came to the dashboard and API instead, or null.
 * Telemetry sent to FLEETSCOPE_HTTP_PORT (the dashboard's :8080 for the collector's :4318) was
 * otherwise answered with the API's content-type refusal (415 for OTLP protobuf) or Nest's bare
 * "Cannot POST /v1/traces", neither of which says the port is wrong.
 */
export function wrongPortRefusal(
  url: string | undefined,
  config: Pick<Config, 'otlpHttpPort'>,
): string | null {
  const path = pathOf(url);
  if (!TELEMETRY_PATH.test(path)) return null;
  return misdirected(path, {
    owner: 'the collector',
    here: `the dashboard and API port (${ENV.httpPort.name})`,
    go: 'send telemetry to the collector',
    port: config.otlpHttpPort,
    portName: ENV.otlpHttpPort.name,
  });
}

/**
 * The other way round: why a request for the dashboard or its API came to the collector, or
 * null. `fleetscope replay --url` naming the collector's port was otherwise told only that the
 * collector has no such route.
 */
export function collectorWrongPortRefusal(
  url: string | undefined,
  config: Pick<Config, 'httpPort'>,
): string | null {
  const path = pathOf(url);
  if (!DASHBOARD_PATH.test(path)) return null;
  return misdirected(path, {
    owner: 'the dashboard and API',
    here: `the collector port (${ENV.otlpHttpPort.name})`,
    go: 'reach the dashboard and API',
    port: config.httpPort,
    portName: ENV.httpPort.name,
  });
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

function misdirected(
  path: string,
  to: { owner: string; here: string; go: string; port: number; portName: string },
): string {
  // Port 0 (tests) has the system choose: there is no number to name.
  const port = to.port ? `port ${to.port}` : 'its own port';
  return `${path.slice(0, 100)} is ${to.owner}'s: this is ${to.here}; ${to.go} on ${port} (${to.portName})`;
}
