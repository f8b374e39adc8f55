import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/** A port nothing listens on now, for the collector to take. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('telemetry sent to the dashboard and API port', () => {
  let fleetscope: RunningFleetscope;
  let collectorPort: number;

  beforeAll(async () => {
    collectorPort = await freePort();
    fleetscope = await startFleetscope({ FLEETSCOPE_OTLP_HTTP_PORT: String(collectorPort) });
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const hint = () =>
    `this is the dashboard and API port (FLEETSCOPE_HTTP_PORT); send telemetry to the collector on port ${collectorPort} (FLEETSCOPE_OTLP_HTTP_PORT)`;

  it.each([
    ['/v1/traces', 'application/x-protobuf', Buffer.from([0x0a, 0x00])],
    ['/v1/logs', 'application/json', '{"resourceLogs":[]}'],
    ['/v1/metrics', 'application/json', '{"resourceMetrics":[]}'],
    ['/ingest/lambda/cloudwatch?region=eu-west-1', 'application/json', '{"awslogs":{"data":""}}'],
    ['/ingest/lambda/firehose', 'application/json', '{}'],
    ['/ingest/knative/metrics?target=qp', 'text/plain', 'revision_request_count 1\n'],
  ])('POST %s (%s) is told where the collector is', async (path, type, body) => {
    const response = await fetch(`${fleetscope.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(response.status).toBe(404);
    const answer = (await response.json()) as { message: string };
    expect(answer.message).toBe(`${path.split('?')[0]} is the collector's: ${hint()}`);
  });

  it('says so for a gzipped body sent for a host name other than localhost too', async () => {
    // fetch sends its own Host: node:http sends the one given, as a sender addressing this
    // machine by another name (which the API alone refuses without a token) would.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${fleetscope.apiUrl}/v1/traces`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            host: 'collector.internal:8080',
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.end(gzipSync('{"resourceSpans":[]}'));
    });
    expect(answer.status).toBe(404);
    expect((JSON.parse(answer.body) as { message: string }).message).toContain(hint());
  });

  it('leaves the collector and the API as they were', async () => {
    const collector = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"resourceSpans":[]}',
    });
    expect(collector.status).toBe(200);
    expect(fleetscope.ingestUrl).toBe(`http://127.0.0.1:${collectorPort}`);
    const health = await fetch(`${fleetscope.apiUrl}/api/health`);
    expect(health.status).toBe(200);
    // Any other unknown path keeps Nest's answer.
    const other = await fetch(`${fleetscope.apiUrl}/v1/other`, { method: 'POST' });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { message: string }).message).toBe('Cannot POST /v1/other');
  });
});
