import { ENV, type Config } from '@fleetscope/config';

/** The collector's paths: OTLP/HTTP and the platform ingest routes (apps/collector). */
const TELEMETRY_PATH = /^\/(?:v1\/(?:traces|logs|metrics)|ingest(?:\/|$))/;

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
  const path = (url ?? '').split('?')[0];
  if (!TELEMETRY_PATH.test(path)) return null;
  // Port 0 (tests) has the system choose: there is no number to name.
  const port = config.otlpHttpPort ? `port ${config.otlpHttpPort}` : 'its own port';
  return `${path.slice(0, 100)} is the collector's: this is the dashboard and API port (${ENV.httpPort.name}); send telemetry to the collector on ${port} (${ENV.otlpHttpPort.name})`;
}
