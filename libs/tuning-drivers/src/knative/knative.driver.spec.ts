import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KnativeTuningDriver } from './knative.driver';

describe('KnativeTuningDriver service names', () => {
  let server: Server;
  let apiUrl: string;
  const requests: string[] = [];
  beforeAll(async () => {
    // A Kubernetes API that answers every path with a Service.
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          metadata: { name: 'thumbs', namespace: 'media' },
          spec: {
            template: { spec: { containers: [{ resources: { limits: { memory: '256Mi' } } }] } },
          },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (requests.length = 0));

  const snapshot = (fn: string) =>
    new KnativeTuningDriver({ apiUrl }, 'prod').snapshot({ jobId: 'j', function: fn });

  it.each([
    ['../thumbs', /namespace "\.\." is not a DNS-1123 label/],
    ['media/..', /service "\.\." is not a DNS-1123 label/],
  ])('refuses %s, whose path would leave its namespace, before asking the API', async (fn, why) => {
    const read = await snapshot(fn).then(
      () => 'read',
      (error: Error) => error.message,
    );
    expect(requests).toEqual([]);
    expect(read).toMatch(why);
  });

  it.each([
    ['media/%2e%2e', /service "%2e%2e" is not a DNS-1123 label/],
    ['media/a/b', /service "a\/b" is not a DNS-1123 label/],
    ['Media/thumbs', /namespace "Media" is not a DNS-1123 label/],
  ])('refuses %s, a name no Service has, naming the rule', async (fn, why) => {
    await expect(snapshot(fn)).rejects.toThrow(why);
    expect(requests).toEqual([]);
  });

  it('reads an ordinary name at namespaces/{namespace}/services/{name}, as before', async () => {
    await expect(snapshot('media/thumbs')).resolves.toMatchObject({
      functionId: 'knative~media~prod~thumbs',
      memoryMb: 256,
    });
    await snapshot('thumbs');
    expect(requests).toEqual([
      'GET /apis/serving.knative.dev/v1/namespaces/media/services/thumbs',
      'GET /apis/serving.knative.dev/v1/namespaces/default/services/thumbs',
    ]);
  });
});
