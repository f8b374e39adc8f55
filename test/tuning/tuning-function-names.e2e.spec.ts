import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * POST /api/tuning-jobs refuses an OpenFaaS or Knative function whose name Kubernetes would not
 * allow: such a name (`gw/../system/secrets.x`) took the driver's calls, with the gateway's admin
 * credentials, out of /function/ to any gateway path.
 */
describe('POST /api/tuning-jobs with a function name Kubernetes does not allow', () => {
  let platform: Server;
  let fleetscope: RunningFleetscope;
  const requests: string[] = [];

  beforeAll(async () => {
    // Stands for both the OpenFaaS gateway and the Kubernetes API: it knows every function.
    platform = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          name: 'x',
          image: 'img',
          limits: { memory: '256Mi' },
          availableReplicas: 1,
          metadata: { name: 'x', namespace: 'x' },
          spec: {
            template: { spec: { containers: [{ resources: { limits: { memory: '256Mi' } } }] } },
          },
        }),
      );
    });
    await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
    fleetscope = await startFleetscope({
      FLEETSCOPE_OPENFAAS_GATEWAYS: `gw=http://admin:secret@${url.slice('http://'.length)}`,
      FLEETSCOPE_KUBERNETES_API_URL: url,
      FLEETSCOPE_KNATIVE_CLUSTER: 'prod',
      FLEETSCOPE_LOG_LEVEL: 'error',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await new Promise<void>((resolve) => (platform ? platform.close(() => resolve()) : resolve()));
  });

  const post = async (body: unknown) => {
    const res = await fetch(`${fleetscope.apiUrl}/api/tuning-jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      message: String(((await res.json()) as { message?: unknown }).message),
    };
  };

  it.each([
    [
      'openfaas',
      'gw/../system/secrets.x',
      /^function: "gw\/\.\.\/system\/secrets\.x": OpenFaaS function name "\.\.\/system\/secrets" is not a DNS-1123 label/,
    ],
    [
      'openfaas',
      'openfaas~x~gw~../system/secrets',
      /"gw\/\.\.\/system\/secrets": OpenFaaS function name "\." is not a DNS-1123 label/,
    ],
    ['openfaas', 'gw/..', /OpenFaaS function name "\." is not a DNS-1123 label/],
    [
      'knative',
      '../thumbs',
      /^function: "\.\.\/thumbs": Knative namespace "\.\." is not a DNS-1123 label/,
    ],
    ['knative', 'media/..', /Knative service "\.\." is not a DNS-1123 label/],
  ])(
    'answers 400 for the %s function %s, naming the rule, and asks the platform nothing',
    async (p, fn, why) => {
      requests.length = 0;
      const res = await post({ platform: p, function: fn, memorySizes: [128, 256] });
      // The collector's scrapes and inventory reads share the stand-in: they are not the job's.
      const collector =
        /^GET \/(metrics|system\/functions|apis\/serving\.knative\.dev\/v1\/services\?)/;
      expect(requests.filter((r) => !collector.test(r))).toEqual([]);
      expect(res.status).toBe(400);
      expect(res.message).toMatch(why);
      expect(res.message).toMatch(/lowercase letters, digits and '-'.*at most 63 characters/);
    },
  );
});
