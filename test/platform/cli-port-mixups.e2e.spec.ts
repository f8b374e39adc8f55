import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildProgram, importCommand, replayCommand } from '@fleetscope/cli';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const SAMPLE = join(__dirname, '..', 'fixtures', 'azure-functions', '2019-10fn', 'invocations.csv');

jest.setTimeout(120_000);

/** A port nothing listens on now, for Fleetscope to take: the answers name the numbers. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** `fleetscope <args>` in this process; what it throws is what bin/fleetscope prints. */
async function run(args: string[], env: Record<string, string> = {}): Promise<void> {
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  const quiet = (stream: NodeJS.WriteStream) =>
    jest.spyOn(stream, 'write').mockImplementation(() => true);
  const out = quiet(process.stdout);
  const err = quiet(process.stderr);
  try {
    await buildProgram([importCommand, replayCommand]).parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const importTo = (ingestUrl?: string) => [
  'import',
  'azure-functions',
  '--invocations',
  SAMPLE,
  '--day',
  '2026-12-01',
  ...(ingestUrl === undefined ? [] : ['--ingest-url', ingestUrl]),
];

describe("the CLI when Fleetscope's two ports are mixed up or a URL has no scheme", () => {
  let fleetscope: RunningFleetscope;
  let apiPort: number;
  let collectorPort: number;

  beforeAll(async () => {
    apiPort = await freePort();
    collectorPort = await freePort();
    fleetscope = await startFleetscope({
      FLEETSCOPE_HTTP_PORT: String(apiPort),
      FLEETSCOPE_OTLP_HTTP_PORT: String(collectorPort),
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const toCollector = () =>
    `this is the dashboard and API port (FLEETSCOPE_HTTP_PORT); send telemetry to the collector on port ${collectorPort} (FLEETSCOPE_OTLP_HTTP_PORT)`;
  const toDashboard = () =>
    `this is the collector port (FLEETSCOPE_OTLP_HTTP_PORT); reach the dashboard and API on port ${apiPort} (FLEETSCOPE_HTTP_PORT)`;

  it('import --ingest-url naming the dashboard port prints what the dashboard answered', async () => {
    await expect(run(importTo(fleetscope.apiUrl))).rejects.toThrow(
      `POST /v1/traces answered 404: /v1/traces is the collector's: ${toCollector()}`,
    );
  });

  it('replay --url naming the collector port prints that the collector is there and where the API is', async () => {
    await expect(run(['replay', '--url', fleetscope.ingestUrl])).rejects.toThrow(
      `answered 404: /api/keepalive/replay is the dashboard and API's: ${toDashboard()}`,
    );
  });

  it.each([
    ['GET', '/'],
    ['GET', '/api/health'],
    ['POST', '/api/tune'],
  ])('the collector answers %s %s with where the dashboard and API are', async (method, path) => {
    const response = await fetch(`${fleetscope.ingestUrl}${path}`, {
      method,
      ...(method === 'POST'
        ? { headers: { 'content-type': 'application/json' }, body: '{"function":"x"}' }
        : {}),
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe(
      `${path} is the dashboard and API's: ${toDashboard()}`,
    );
  });

  it("keeps the collector's own answer for its other unknown paths", async () => {
    const response = await fetch(`${fleetscope.ingestUrl}/apix`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe(
      'no route GET /apix: see the README for the ingest routes',
    );
  });

  it.each([
    ['FLEETSCOPE_URL', () => run(['replay'], { FLEETSCOPE_URL: `127.0.0.1:${apiPort}` })],
    ['--url', () => run(['replay', '--url', `127.0.0.1:${apiPort}`])],
    ['--ingest-url', () => run(importTo(`127.0.0.1:${collectorPort}`))],
    [
      'FLEETSCOPE_INGEST_URL',
      () => run(importTo(), { FLEETSCOPE_INGEST_URL: `127.0.0.1:${collectorPort}` }),
    ],
  ])(
    '%s without a scheme is said to be no http(s) URL, not an unreachable server',
    async (name, go) => {
      const port = name.includes('INGEST') || name === '--ingest-url' ? collectorPort : apiPort;
      await expect(go()).rejects.toThrow(
        `${name} is "127.0.0.1:${port}", which is not an http(s) URL: write http://127.0.0.1:${port}`,
      );
    },
  );

  it('refuses a URL whose scheme is not http(s), such as host:port read as a scheme', async () => {
    await expect(run(['replay', '--url', `localhost:${apiPort}`])).rejects.toThrow(
      `--url is "localhost:${apiPort}", which is not an http(s) URL: write http://localhost:${apiPort}`,
    );
    await expect(run(['replay', '--url', 'ftp://127.0.0.1/'])).rejects.toThrow(
      '--url is "ftp://127.0.0.1/", which is not an http(s) URL',
    );
  });
});

describe('a collector guarded by an ingest token', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_INGEST_TOKEN: 'secret' });
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('says an API request came to the wrong port rather than that its token is missing', async () => {
    const response = await fetch(`${fleetscope.ingestUrl}/api/tune`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    // Port 0 has the system choose: there is no configured number to name.
    expect(((await response.json()) as { message: string }).message).toBe(
      "/api/tune is the dashboard and API's: this is the collector port (FLEETSCOPE_OTLP_HTTP_PORT); reach the dashboard and API on its own port (FLEETSCOPE_HTTP_PORT)",
    );
  });
});
