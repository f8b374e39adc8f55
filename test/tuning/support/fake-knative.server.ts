import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { curveByName, seededRandom, simulateInvocation } from '@fleetscope/tuning';

/**
 * A stand-in for the Kubernetes API serving Knative Services (serving.knative.dev/v1): GET and
 * merge-PATCH of a Service, listing and deleting Revisions, behind a bearer token. A template
 * change creates a revision, as Knative does; traffic tags get URLs (path-routed here, host-routed
 * in a cluster) that serve the revision's curve, sleeping a twentieth of the simulated duration.
 */
export interface FakeRevision {
  name: string;
  memoryMb: number;
  warm: boolean;
}

interface Svc {
  metadata: { name: string; namespace: string; generation: number };
  spec: { template: Record<string, unknown>; traffic?: Record<string, unknown>[] };
  status: Record<string, unknown>;
  curve: string;
  /** Answers take this fraction of the curve's time (TIME_SCALE by default). */
  timeScale: number;
  revisions: Map<string, FakeRevision>;
  /** Every call its tags answered, in order, and whether its revision's pod was cold for it. */
  served: { revision: string; memoryMb: number; cold: boolean }[];
  lastTemplate: string;
}

export interface FakeKnative {
  url: string;
  /** spec.traffic of every PATCH, in order. */
  trafficPatches: unknown[];
  token: string;
  service(name: string): Svc;
  close(): Promise<void>;
}

export const TIME_SCALE = 20;

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = mergePatch(result[k], v);
  }
  return result;
}

export async function startFakeKnative(
  specs: { name: string; namespace: string; curve: string; memory: string; timeScale?: number }[],
): Promise<FakeKnative> {
  const token = 'test-token';
  const random = seededRandom(9);
  let base = '';
  const trafficPatches: unknown[] = [];
  const services = new Map<string, Svc>();
  const reconcile = (s: Svc) => {
    const template = JSON.stringify(s.spec.template);
    if (template !== s.lastTemplate) {
      s.metadata.generation++;
      const meta = (s.spec.template.metadata ?? {}) as { name?: string };
      const name =
        meta.name ?? `${s.metadata.name}-${String(s.metadata.generation).padStart(5, '0')}`;
      const containers = (
        s.spec.template.spec as { containers: { resources?: { limits?: { memory?: string } } }[] }
      ).containers;
      const memoryMb = Number(String(containers[0].resources?.limits?.memory).replace(/Mi$/, ''));
      s.revisions.set(name, { name, memoryMb, warm: false });
      s.lastTemplate = template;
      s.status.latestCreatedRevisionName = name;
      s.status.latestReadyRevisionName = name;
    }
    const latest = String(s.status.latestReadyRevisionName);
    const traffic = s.spec.traffic ?? [{ latestRevision: true, percent: 100 }];
    s.status.traffic = traffic.map((t) => ({
      ...t,
      revisionName: (t.revisionName as string | undefined) ?? latest,
      ...(t.tag
        ? { url: `${base}/route/${s.metadata.namespace}/${s.metadata.name}/tag/${t.tag as string}` }
        : {}),
    }));
  };
  for (const spec of specs) {
    const s: Svc = {
      metadata: { name: spec.name, namespace: spec.namespace, generation: 0 },
      spec: {
        template: {
          metadata: { annotations: { 'autoscaling.knative.dev/min-scale': '0' } },
          spec: {
            containers: [
              {
                image: `ghcr.io/example/${spec.name}:1`,
                resources: { limits: { memory: spec.memory } },
              },
            ],
          },
        },
      },
      status: {},
      curve: spec.curve,
      timeScale: spec.timeScale ?? TIME_SCALE,
      revisions: new Map(),
      served: [],
      lastTemplate: '',
    };
    services.set(spec.name, s);
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const route = /^\/route\/([^/]+)\/([^/]+)\/tag\/([^/]+)$/.exec(url.pathname);
      if (route && req.method === 'POST') {
        const s = services.get(route[2]);
        const t = (s?.status.traffic as { tag?: string; revisionName: string }[] | undefined)?.find(
          (x) => x.tag === route[3],
        );
        const rev = t && s?.revisions.get(t.revisionName);
        if (!s || !rev) return json(404, { message: 'no such route' });
        const r = simulateInvocation(
          curveByName(s.curve)!,
          rev.memoryMb,
          'x86_64',
          !rev.warm,
          random,
        );
        s.served.push({ revision: rev.name, memoryMb: rev.memoryMb, cold: !rev.warm });
        rev.warm = r.outcome === 'ok' || r.outcome === 'error';
        setTimeout(
          () =>
            r.outcome === 'ok' ? json(200, { ok: true }) : json(502, { message: r.errorType }),
          (r.durationMs + r.initDurationMs) / s.timeScale,
        );
        return;
      }
      if (req.headers.authorization !== `Bearer ${token}`)
        return json(401, { kind: 'Status', message: 'Unauthorized' });
      const svcPath =
        /^\/apis\/serving\.knative\.dev\/v1\/namespaces\/([^/]+)\/services\/([^/]+)$/.exec(
          url.pathname,
        );
      if (svcPath) {
        const s = services.get(svcPath[2]);
        if (!s || s.metadata.namespace !== svcPath[1])
          return json(404, { kind: 'Status', message: 'not found' });
        if (req.method === 'PATCH') {
          if (req.headers['content-type'] !== 'application/merge-patch+json')
            return json(415, { kind: 'Status', message: 'unsupported patch' });
          const patch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            spec?: { traffic?: unknown };
          };
          trafficPatches.push(patch.spec?.traffic);
          s.spec = mergePatch(s.spec, patch.spec) as Svc['spec'];
          reconcile(s);
        }
        return json(200, {
          apiVersion: 'serving.knative.dev/v1',
          kind: 'Service',
          metadata: s.metadata,
          spec: s.spec,
          status: s.status,
        });
      }
      const revisions =
        /^\/apis\/serving\.knative\.dev\/v1\/namespaces\/([^/]+)\/revisions(?:\/([^/]+))?$/.exec(
          url.pathname,
        );
      if (revisions && req.method === 'GET') {
        const service = (url.searchParams.get('labelSelector') ?? '').split('=')[1];
        const s = services.get(service);
        return json(200, {
          items: s ? [...s.revisions.keys()].map((name) => ({ metadata: { name } })) : [],
        });
      }
      if (revisions && revisions[2] && req.method === 'DELETE') {
        for (const s of services.values()) {
          if (!s.revisions.has(revisions[2])) continue;
          if (
            (s.status.traffic as { revisionName: string }[]).some(
              (t) => t.revisionName === revisions[2],
            )
          )
            return json(409, { kind: 'Status', message: 'revision is serving traffic' });
          s.revisions.delete(revisions[2]);
          return json(200, { kind: 'Status', status: 'Success' });
        }
        return json(404, { kind: 'Status', message: 'not found' });
      }
      json(404, { kind: 'Status', message: `${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const s of services.values()) reconcile(s);
  return {
    url: base,
    trafficPatches,
    token,
    service: (name) => services.get(name)!,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
