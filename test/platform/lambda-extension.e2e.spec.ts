import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { listFunctions, rows } from './platform-ingest.helpers';

const EXTENSION = join(
  __dirname,
  '..',
  '..',
  'examples',
  'lambda-extension',
  'fleetscope-extension',
  'index.mjs',
);
const TOKEN = 'ingest-token-for-the-extension-test';
const ACCOUNT = '123456789012';
const FUNCTION = 'extension-demo';

interface Subscription {
  schemaVersion: string;
  types: string[];
  buffering: { maxItems: number; maxBytes: number; timeoutMs: number };
  destination: { protocol: string; URI: string };
}

/**
 * A stand-in for the Lambda Extensions and Telemetry APIs (AWS docs runtimes-extensions-api.md,
 * telemetry-api.md) that plays one sandbox: init, one invocation, shutdown. The telemetry of
 * the invocation (platform.runtimeDone and platform.report) arrives after SHUTDOWN, as it can in
 * Lambda, so the extension has to drain before it leaves.
 */
class FakeLambda {
  readonly requestId = randomUUID();
  registerHeaders: IncomingHttpHeaders = {};
  subscription: Subscription | undefined;
  nextCalls = 0;
  deliveries: number[] = [];
  private server: Server | undefined;
  private readonly t0 = Date.now() - 5_000;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        void this.handle(
          request.method ?? '',
          request.url ?? '',
          request.headers,
          Buffer.concat(chunks).toString(),
          response,
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private at(offsetMs: number): string {
    return new Date(this.t0 + offsetMs).toISOString();
  }

  private async handle(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    body: string,
    response: ServerResponse,
  ): Promise<void> {
    const json = (status: number, value: unknown, extra: Record<string, string> = {}): void => {
      response
        .writeHead(status, { 'content-type': 'application/json', ...extra })
        .end(JSON.stringify(value));
    };
    if (method === 'POST' && url === '/2020-01-01/extension/register') {
      this.registerHeaders = headers;
      return json(
        200,
        {
          functionName: FUNCTION,
          functionVersion: '$LATEST',
          handler: 'index.handler',
          accountId: ACCOUNT,
        },
        { 'lambda-extension-identifier': 'ext-0001' },
      );
    }
    if (headers['lambda-extension-identifier'] !== 'ext-0001')
      return json(403, { errorType: 'Extension.Forbidden' });
    if (method === 'PUT' && url === '/2022-07-01/telemetry') {
      this.subscription = JSON.parse(body) as Subscription;
      return json(200, 'OK');
    }
    if (method === 'GET' && url === '/2020-01-01/extension/event/next') {
      this.nextCalls++;
      if (this.nextCalls === 1) {
        // Init telemetry, then the invocation starts.
        await this.deliver([
          {
            time: this.at(0),
            type: 'platform.initStart',
            record: {
              initializationType: 'on-demand',
              phase: 'init',
              runtimeVersion: 'nodejs:20.v13',
            },
          },
          {
            time: this.at(240),
            type: 'platform.initRuntimeDone',
            record: { initializationType: 'on-demand', phase: 'init', status: 'success' },
          },
          {
            time: this.at(241),
            type: 'platform.initReport',
            record: {
              initializationType: 'on-demand',
              phase: 'init',
              status: 'success',
              metrics: { durationMs: 241.3 },
            },
          },
          {
            time: this.at(250),
            type: 'platform.start',
            record: { requestId: this.requestId, version: '$LATEST' },
          },
          { time: this.at(260), type: 'function', record: 'hello from the handler' },
        ]);
        return json(200, {
          eventType: 'INVOKE',
          deadlineMs: Date.now() + 3000,
          requestId: this.requestId,
          invokedFunctionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${FUNCTION}`,
          tracing: {
            type: 'X-Amzn-Trace-Id',
            value: 'Root=1-5f35ae12-0c0fec141ab77a00bc047aa2;Sampled=1',
          },
        });
      }
      json(200, {
        eventType: 'SHUTDOWN',
        shutdownReason: 'spindown',
        deadlineMs: Date.now() + 2000,
      });
      // The invocation's report comes after the extension was told to shut down.
      setTimeout(() => {
        void this.deliver([
          {
            time: this.at(330),
            type: 'platform.runtimeDone',
            record: {
              requestId: this.requestId,
              status: 'success',
              metrics: { durationMs: 79.9, producedBytes: 42 },
            },
          },
          {
            time: this.at(331),
            type: 'platform.report',
            record: {
              requestId: this.requestId,
              status: 'success',
              metrics: {
                durationMs: 80.25,
                billedDurationMs: 81,
                memorySizeMB: 256,
                maxMemoryUsedMB: 77,
                initDurationMs: 241.3,
              },
            },
          },
        ]);
      }, 50);
      return;
    }
    json(404, { errorType: 'NotFound' });
  }

  /** POSTs a batch to the subscribed destination, as the Telemetry API does. */
  private async deliver(batch: unknown[]): Promise<void> {
    if (!this.subscription) throw new Error('telemetry delivered before a subscription');
    const response = await fetch(this.subscription.destination.URI, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    this.deliveries.push(response.status);
  }
}

function runExtension(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EXTENSION], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('examples/lambda-extension', () => {
  let fleetscope: RunningFleetscope;
  let lambda: FakeLambda;
  let result: { code: number | null; stderr: string };

  function extensionEnv(runtimeApi: string, token: string): Record<string, string> {
    return {
      AWS_LAMBDA_RUNTIME_API: runtimeApi,
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: FUNCTION,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      FLEETSCOPE_EXTENSION_NAME: 'fleetscope-extension',
      FLEETSCOPE_INGEST_URL: fleetscope.ingestUrl,
      FLEETSCOPE_INGEST_TOKEN: token,
      // Outside Lambda there is no sandbox.localdomain: listen on loopback, any free port.
      FLEETSCOPE_LISTENER_HOST: '127.0.0.1',
      FLEETSCOPE_LISTENER_PORT: '0',
      FLEETSCOPE_DESTINATION_HOST: '127.0.0.1',
    };
  }

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_INGEST_TOKEN: TOKEN });
    lambda = new FakeLambda();
    result = await runExtension(extensionEnv(await lambda.start(), TOKEN));
  });

  afterAll(async () => {
    await lambda.stop();
    await fleetscope.stop();
  });

  it('registers by its file name for INVOKE and SHUTDOWN, asking for the account id', () => {
    expect(lambda.registerHeaders['lambda-extension-name']).toBe('fleetscope-extension');
    expect(lambda.registerHeaders['lambda-extension-accept-feature']).toBe('accountId');
  });

  it('subscribes a local HTTP listener to platform and function telemetry', () => {
    expect(lambda.subscription).toEqual({
      schemaVersion: '2022-12-13',
      types: ['platform', 'function'],
      buffering: { maxItems: 1000, maxBytes: 262_144, timeoutMs: 100 },
      destination: { protocol: 'HTTP', URI: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) },
    });
    expect(lambda.deliveries).toEqual([200, 200]);
  });

  it('leaves cleanly on SHUTDOWN after forwarding the late batch', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lambda.nextCalls).toBe(2);
  });

  it('delivers the platform.report to Fleetscope as a cold-start invocation of the function', async () => {
    const id = functionId({
      platform: 'aws_lambda',
      account: ACCOUNT,
      region: 'eu-west-1',
      name: FUNCTION,
    });
    await fleetscope.flush();
    const stored = await rows(
      fleetscope,
      `SELECT function_id, source, duration_us, billed_duration_ms, init_duration_us, cold_start, init_type, memory_size_mb
       FROM invocations WHERE request_id = {r:String}`,
      { r: lambda.requestId },
    );
    expect(stored).toEqual([
      {
        function_id: id,
        source: 'lambda_telemetry',
        duration_us: 80250,
        billed_duration_ms: 81,
        init_duration_us: 241300,
        cold_start: 1,
        init_type: 'on-demand',
        memory_size_mb: 256,
      },
    ]);
    const [fn] = (
      await listFunctions(fleetscope, Date.now() - 3600_000, Date.now() + 60_000)
    ).filter((f) => f.id === id);
    expect(fn).toMatchObject({ invocations: 1, coldStarts: 1, memoryMb: 256 });
    const [logs] = await rows<{ n: number }>(
      fleetscope,
      `SELECT count() AS n FROM logs WHERE function_id = {id:String} AND body = 'hello from the handler'`,
      { id },
    );
    expect(logs.n).toBe(1);
  });

  it('says so and still shuts down when Fleetscope refuses its token', async () => {
    const refused = new FakeLambda();
    try {
      const run = await runExtension(extensionEnv(await refused.start(), 'not-the-token'));
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('Fleetscope refused a batch: 401');
      await fleetscope.flush();
      const [found] = await rows<{ n: number }>(
        fleetscope,
        `SELECT count() AS n FROM invocations WHERE request_id = {r:String}`,
        {
          r: refused.requestId,
        },
      );
      expect(found.n).toBe(0);
    } finally {
      await refused.stop();
    }
  });
});
