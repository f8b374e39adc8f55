import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pointAwsSdkAt } from '../support/aws-sdk-env';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';

/**
 * POST /api/tuning-jobs answers 503 when the platform throttled reading the function: the answer
 * says when to try again (Retry-After), the platform's own hint when it gave one.
 */
describe('POST /api/tuning-jobs when the platform throttles (Retry-After)', () => {
  let lambda: FakeLambda;
  let gateway: Server;
  let fleetscope: RunningFleetscope;
  let restoreEnv: () => void;

  beforeAll(async () => {
    lambda = await startFakeLambda([
      {
        name: 'throttled',
        curve: 'mixed',
        getFunctionError: { status: 429, type: 'TooManyRequestsException' },
      },
    ]);
    restoreEnv = pointAwsSdkAt(lambda.url, 'us-east-1');
    // An OpenFaaS gateway that throttles every call and says to come back in 17 seconds.
    gateway = createServer((_req, res) => {
      res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '17' });
      res.end('rate limited');
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    fleetscope = await startFleetscope({
      FLEETSCOPE_OPENFAAS_GATEWAYS: `gw=http://127.0.0.1:${port}`,
      FLEETSCOPE_LOG_LEVEL: 'error',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await lambda?.close();
    await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
    restoreEnv?.();
  });

  const post = (body: unknown) =>
    fetch(`${fleetscope.apiUrl}/api/tuning-jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('says when to retry: 5 seconds when Lambda gave no hint', async () => {
    const res = await post({ platform: 'aws-lambda', function: 'throttled' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/the platform throttled the request, try again later/);
  });

  it("passes on the gateway's own Retry-After", async () => {
    const res = await post({ platform: 'openfaas', function: 'resize.openfaas-fn' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('17');
  });
});
