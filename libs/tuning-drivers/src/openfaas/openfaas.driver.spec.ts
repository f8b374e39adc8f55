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

describe('OpenFaasTuningDriver function names', () => {
  let server: Server;
  let url: URL;
  const requests: string[] = [];
  beforeAll(async () => {
    // A gateway that knows every function and answers every call, so a request that leaves
    // /function/ would succeed unnoticed: only the paths it was asked for tell.
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-duration-seconds', '0.1');
        res.end(JSON.stringify({ name: 'fn', image: 'img', limits: { memory: '256Mi' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://u:secret@127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (requests.length = 0));

  const driver = () => new OpenFaasTuningDriver([{ label: 'gw', url, shown: url.href }]);
  const invoke = (fn: string) =>
    driver().invoke({ jobId: 'j', function: fn }, { architecture: 'x86_64', memoryMb: 128 }, {});

  it.each([
    ['gw/../system/x.ns', /name "\.\.\/system\/x" is not a DNS-1123 label/],
    ['gw/%2e%2e/system/x.ns', /name "%2e%2e\/system\/x" is not a DNS-1123 label/],
    ['gw/..', /name "\." is not a DNS-1123 label/],
  ])(
    'refuses %s, whose call would leave /function/, before asking the gateway',
    async (fn, why) => {
      const invoked = await invoke(fn).then(
        () => 'invoked',
        (error: Error) => error.message,
      );
      expect(requests.filter((r) => !r.startsWith('POST /function/'))).toEqual([]);
      expect(invoked).toMatch(why);
      await expect(driver().snapshot({ jobId: 'j', function: fn })).rejects.toThrow(why);
      expect(requests).toEqual([]);
    },
  );

  it.each([
    ['gw/Resize.openfaas-fn', /name "Resize" is not a DNS-1123 label/],
    ['gw/resize.', /namespace "" is not a DNS-1123 label/],
    [`gw/${'f'.repeat(64)}`, /name "f{64}" is not a DNS-1123 label.*at most 63/],
  ])('refuses %s, a name no OpenFaaS function has, naming the rule', async (fn, why) => {
    await expect(invoke(fn)).rejects.toThrow(why);
    expect(requests).toEqual([]);
  });

  it('invokes an ordinary name at /function/{name}.{namespace}, as before', async () => {
    await expect(invoke('gw/resize.openfaas-fn')).resolves.toMatchObject({ outcome: 'ok' });
    await expect(invoke('resize')).resolves.toMatchObject({ outcome: 'ok', durationMs: 100 });
    await expect(invoke('thumb-2.media')).resolves.toMatchObject({ outcome: 'ok' });
    expect(requests).toEqual([
      'POST /function/resize.openfaas-fn',
      'POST /function/resize.openfaas-fn',
      'POST /function/thumb-2.media',
    ]);
  });
});
