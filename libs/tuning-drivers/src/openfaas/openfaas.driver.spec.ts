import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionSnapshot } from '@fleetscope/tuning';
import { OpenFaasTuningDriver } from './openfaas.driver';

describe('OpenFaasTuningDriver.invoke with a signal', () => {
  let server: Server;
  let held: IncomingMessage | undefined;
  let closed: Promise<void>;
  let url: URL;
  beforeAll(async () => {
    // A gateway whose function runs for ever: it never answers.
    server = createServer((req) => {
      held = req;
      closed = new Promise((resolve) => req.socket.on('close', () => resolve()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('drops the request when the signal aborts (a cancel or a shutdown), not after the call', async () => {
    const driver = new OpenFaasTuningDriver([{ label: 'gw', url, shown: url.href }]);
    const abort = new AbortController();
    const snapshot = {} as FunctionSnapshot;
    const call = driver.invoke(
      { jobId: 'j', function: 'fn' },
      { architecture: 'x86_64', memoryMb: 128 },
      {},
      false,
      snapshot,
      abort.signal,
    );
    for (let i = 0; i < 100 && !held; i++) await new Promise((r) => setTimeout(r, 10));
    expect(held?.url).toBe('/function/fn.openfaas-fn');
    abort.abort();
    await expect(call).rejects.toThrow(/abort/i);
    await closed;
  });
});
