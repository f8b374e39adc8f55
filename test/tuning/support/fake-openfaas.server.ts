import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { curveByName, seededRandom, simulateInvocation } from '@fleetscope/tuning';

/**
 * A stand-in for an OpenFaaS gateway's REST API (GET /system/function/{name}, PUT
 * /system/functions, POST /function/{name}.{namespace}) behind basic auth. Functions follow the
 * known curves at their memory limit; the gateway's X-Duration-Seconds header carries the time.
 */
export interface FakeOpenFaasFunction {
  name: string;
  namespace: string;
  curve: string;
  limits: { memory: string; cpu?: string };
  requests?: { memory?: string; cpu?: string };
  deployments: number;
  warm: boolean;
  /** Every invocation: the memory limit it ran under and whether its pod had just started. */
  served: { memoryMb: number; cold: boolean }[];
  /** The body of every call, as the function received it (JSON-decoded). */
  payloads: unknown[];
}

export interface FakeOpenFaas {
  url: string;
  /** The gateway URL with its credentials, as FLEETSCOPE_OPENFAAS_GATEWAYS takes it. */
  authUrl: string;
  fn(name: string): FakeOpenFaasFunction;
  close(): Promise<void>;
}

const USER = 'admin';
const PASSWORD = 's3cret';

export async function startFakeOpenFaas(
  specs: { name: string; namespace?: string; curve: string; memory: string }[],
): Promise<FakeOpenFaas> {
  const random = seededRandom(5);
  const functions = new Map<string, FakeOpenFaasFunction>(
    specs.map((s) => [
      s.name,
      {
        name: s.name,
        namespace: s.namespace ?? 'openfaas-fn',
        curve: s.curve,
        limits: { memory: s.memory },
        requests: { memory: s.memory },
        deployments: 0,
        warm: false,
        served: [],
        payloads: [],
      },
    ]),
  );
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.pathname.startsWith('/system/') && req.headers.authorization !== expected)
        return json(401, { message: 'unauthorized' });
      const status = /^\/system\/function\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && status) {
        const f = functions.get(decodeURIComponent(status[1]));
        if (!f || f.namespace !== (url.searchParams.get('namespace') ?? 'openfaas-fn'))
          return json(404, { message: 'not found' });
        return json(200, {
          name: f.name,
          image: `ghcr.io/example/${f.name}:1`,
          namespace: f.namespace,
          labels: { team: 'a' },
          limits: f.limits,
          requests: f.requests,
          replicas: 1,
          availableReplicas: 1,
        });
      }
      if (req.method === 'PUT' && url.pathname === '/system/functions') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          service: string;
          image: string;
          limits?: FakeOpenFaasFunction['limits'];
          requests?: FakeOpenFaasFunction['requests'];
        };
        const f = functions.get(body.service);
        if (!f || !body.image) return json(400, { message: 'bad deployment' });
        f.limits = body.limits ?? f.limits;
        f.requests = body.requests;
        f.deployments++;
        f.warm = false;
        res.writeHead(202).end();
        return;
      }
      const invoke = /^\/function\/([^/.]+)\.([^/]+)$/.exec(url.pathname);
      if (req.method === 'POST' && invoke) {
        const f = functions.get(invoke[1]);
        if (!f) return json(404, { message: 'no such function' });
        const memoryMb = Number(f.limits.memory.replace(/Mi$/, ''));
        f.payloads.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        f.served.push({ memoryMb, cold: !f.warm });
        const r = simulateInvocation(curveByName(f.curve)!, memoryMb, 'x86_64', !f.warm, random);
        f.warm = r.outcome === 'ok' || r.outcome === 'error';
        const seconds = ((r.durationMs + r.initDurationMs) / 1000).toFixed(6);
        if (r.outcome === 'oom')
          return json(
            502,
            { message: 'upstream died: OOMKilled' },
            { 'x-duration-seconds': seconds },
          );
        if (r.outcome === 'error')
          return json(500, { message: 'error' }, { 'x-duration-seconds': seconds });
        return json(200, { ok: true }, { 'x-duration-seconds': seconds });
      }
      json(404, { message: `${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    authUrl: `http://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    fn: (name) => functions.get(name)!,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
