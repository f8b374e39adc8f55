import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import {
  InventorySyncService,
  PlatformDiffers,
  PlatformScrapeService,
} from '@fleetscope/collector';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from '../collector/support/collector-metrics';
import { startFakeServer, type FakeServer } from './fake-server';

// Synthetic scrapes built from the documented legacy (OpenCensus-era) Knative Serving names and
// labels (see libs/ingest/src/knative/__fixtures__/SOURCES.md): between them `hello` is at zero pods and one request goes
// through the activator (a cold start); `shop` stays at two pods and serves 30 calls and a 504.
const FIXTURES = join(__dirname, '..', '..', 'libs', 'ingest', 'src', 'knative', '__fixtures__');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const scrapes = [fixture('legacy-metrics-scrape-1.prom'), fixture('legacy-metrics-scrape-2.prom')];

/** A serving.knative.dev/v1 Service as the Kubernetes API lists it. */
function service(name: string, revision: string, memory: string, minScale: string) {
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        metadata: { annotations: { 'autoscaling.knative.dev/min-scale': minScale } },
        spec: {
          timeoutSeconds: 120,
          containers: [
            { image: `ghcr.io/example/${name}`, resources: { requests: { memory, cpu: '250m' } } },
          ],
        },
      },
    },
    status: { latestReadyRevisionName: revision },
  };
}

const id = (name: string, cluster = 'prod-eu') =>
  functionId({ platform: 'knative', account: 'default', region: cluster, name });

interface Fn {
  id: string;
  version: string;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  memoryMb: number | null;
  timeoutMs: number | null;
  initDurationMs: { p50: number | null };
}

describe('Knative ingest', () => {
  let fleetscope: RunningFleetscope;
  let cluster: FakeServer;
  let current = 0;
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-k8s-'));

  async function functions(): Promise<Fn[]> {
    await fleetscope.flush();
    const body = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) => r.json())) as {
      functions: Fn[];
    };
    return body.functions;
  }

  const push = (query: string, body: string) =>
    fetch(`${fleetscope.ingestUrl}/ingest/knative/metrics?${query}`, { method: 'POST', body });

  beforeAll(async () => {
    writeFileSync(join(dir, 'token'), 'k8s-token\n');
    cluster = await startFakeServer((request) => {
      if (request.path === '/metrics')
        return { type: 'text/plain; version=0.0.4', body: scrapes[current] };
      if (request.path === '/apis/serving.knative.dev/v1/services') {
        if (request.headers.authorization !== 'Bearer k8s-token')
          return { status: 401, body: '{}' };
        // Two pages, as the API server chunks a list with limit/continue.
        const page = request.query.get('continue')
          ? {
              kind: 'ServiceList',
              metadata: {},
              items: [service('shop', 'shop-00003', '512Mi', '2')],
            }
          : {
              kind: 'ServiceList',
              metadata: { continue: 'page-2' },
              items: [service('hello', 'hello-00001', '256Mi', '0')],
            };
        return { body: JSON.stringify(page) };
      }
      return { status: 404, body: '{}' };
    });
    fleetscope = await startFleetscope({
      FLEETSCOPE_KNATIVE_METRICS_URLS: `${cluster.url}/metrics`,
      FLEETSCOPE_KNATIVE_CLUSTER: 'prod-eu',
      FLEETSCOPE_KUBERNETES_API_URL: cluster.url,
      FLEETSCOPE_KUBERNETES_TOKEN_FILE: join(dir, 'token'),
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
    await cluster.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts a request served by the activator while the revision had zero pods as a cold start', async () => {
    const scraper = fleetscope.app.get(PlatformScrapeService);
    expect((await scraper.scrapeOnce()).targets).toEqual([
      expect.objectContaining({ platform: 'knative', label: 'prod-eu', ok: true }),
    ]);
    current = 1;
    expect((await scraper.scrapeOnce()).targets[0]).toMatchObject({ ok: true, kind: 'interval' });

    const list = await functions();
    const hello = list.find((f) => f.id === id('hello'));
    expect(hello).toMatchObject({ version: 'hello-00001', invocations: 1, coldStarts: 1 });
    // The activator latency of the cold request (2.3 s) is its init duration.
    expect(hello!.initDurationMs.p50).toBeGreaterThan(2000);
    expect(hello!.initDurationMs.p50).toBeLessThan(5000);
    // Activator traffic of a revision with pods is neither a cold start nor an extra invocation.
    expect(list.find((f) => f.id === id('shop'))).toMatchObject({
      invocations: 31,
      errors: 0,
      timeouts: 1,
      coldStarts: 0,
    });
  });

  it('reads Knative Services from the Kubernetes API into the inventory, page by page', async () => {
    const report = await fleetscope.app.get(InventorySyncService).syncOnce();
    expect(report.targets).toEqual([
      expect.objectContaining({ platform: 'knative', target: 'prod-eu', functions: 2 }),
    ]);
    // The sync at start-up read the same two pages before this one.
    const lists = cluster.requests.filter((r) => r.path.startsWith('/apis/')).slice(-2);
    expect(lists.map((r) => [r.query.get('limit'), r.query.get('continue')])).toEqual([
      ['250', null],
      ['250', 'page-2'],
    ]);
    const shop = (await functions()).find((f) => f.id === id('shop'));
    expect(shop).toMatchObject({ memoryMb: 512, timeoutMs: 120_000 });
    const one = (await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id('shop'))}`,
    ).then((r) => r.json())) as { config: Record<string, unknown> };
    // 250m of its container and the queue-proxy sidecar's default 25m.
    expect(one.config).toMatchObject({ minScale: 2, podCpu: 0.275, podMemoryMb: 512 });
  });

  it('diffs Prometheus text pushed by a sidecar like a scrape of its target', async () => {
    const first = await push('cluster=edge-eu&target=sidecar-1', scrapes[0]);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ kind: 'baseline', functionMinutes: 0 });
    const second = await push('cluster=edge-eu&target=sidecar-1', scrapes[1]);
    expect(await second.json()).toMatchObject({ kind: 'interval' });
    const hello = (await functions()).find((f) => f.id === id('hello', 'edge-eu'));
    expect(hello).toMatchObject({ invocations: 1, coldStarts: 1 });
  });

  it('counts one cold start per pod of a scale from zero and a series a federated scrape missed once', async () => {
    const revision = (name: string) =>
      `configuration_name="${name}",namespace_name="default",revision_name="${name}-00001",service_name="${name}"`;
    const activatorLabels = `${revision('burst')},container_name="activator",pod_name="activator-abc",response_code="200",response_code_class="2xx"`;
    // One request waited 2.3 s for the new pod; the activator, still in the path with the default
    // target-burst-capacity, then served `fast` more in 25 ms.
    const activator = (slow: number, fast: number) =>
      [
        `activator_request_count{${activatorLabels}} ${slow + fast}`,
        ...[20, 40, 1000, 2000, 5000].map(
          (le) =>
            `activator_request_latencies_bucket{${activatorLabels},le="${le}"} ${(le >= 40 ? fast : 0) + (le >= 5000 ? slow : 0)}`,
        ),
        `activator_request_latencies_bucket{${activatorLabels},le="+Inf"} ${slow + fast}`,
        `activator_request_latencies_sum{${activatorLabels}} ${slow * 2300 + fast * 25}`,
        `activator_request_latencies_count{${activatorLabels}} ${slow + fast}`,
      ].join('\n') + '\n';
    const pods = (name: string, n: number) => `autoscaler_actual_pods{${revision(name)}} ${n}\n`;
    const queueProxy = (name: string, pod: string, n: number | undefined) =>
      n === undefined
        ? ''
        : `revision_request_count{${revision(name)},container_name="queue-proxy",pod_name="${pod}",response_code="200",response_code_class="2xx"} ${n}\n`;
    const scrape = (
      [slow, fast]: [number, number],
      burstPods: number,
      burstServed: number,
      [p1, p2]: [number, number | undefined],
    ) =>
      activator(slow, fast) +
      pods('burst', burstPods) +
      queueProxy('burst', 'burst-a', burstServed) +
      pods('pair', 2) +
      queueProxy('pair', 'pair-1', p1) +
      queueProxy('pair', 'pair-2', p2);
    const pushes = [
      scrape([0, 0], 0, 0, [1000, 900]),
      scrape([1, 29], 1, 30, [1030, 930]),
      scrape([1, 59], 1, 60, [1060, undefined]), // Prometheus failed to scrape pair-2 once
      scrape([1, 89], 1, 90, [1090, 990]),
    ];
    for (const text of pushes) {
      const response = await push('cluster=burst-eu&target=federate', text);
      expect(response.status).toBe(200);
    }
    const list = await functions();
    const burst = list.find((f) => f.id === id('burst', 'burst-eu'));
    expect(burst).toMatchObject({ invocations: 90, coldStarts: 1 });
    // The slowest activator request, not the mean of all 90 of them.
    expect(burst!.initDurationMs.p50).toBeGreaterThan(2000);
    expect(list.find((f) => f.id === id('pair', 'burst-eu'))).toMatchObject({
      invocations: 180,
    });
  });

  it('puts the OTLP metrics of a Knative queue-proxy under the function its scrapes and inventory name', async () => {
    // kn.serving.invocation.duration with the workload attributes knative/docs serving-metrics.md
    // lists (libs/ingest/src/knative/__fixtures__/SOURCES.md): none of them names the cluster.
    const nowNanos = `${Date.now()}000000`;
    const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
    const body = {
      resourceMetrics: [
        {
          resource: {
            attributes: [
              str('container.name', 'queue-proxy'),
              str('k8s.namespace.name', 'default'),
              str('k8s.pod.name', 'shop-00003-deployment-5d4f7b9c8-x2x7z'),
              str('service.name', 'shop'),
              str('service.instance.id', 'shop-00003-deployment-5d4f7b9c8-x2x7z'),
              str('kn.service.name', 'shop'),
              str('kn.configuration.name', 'shop'),
              str('kn.revision.name', 'shop-00003'),
            ],
          },
          scopeMetrics: [
            {
              scope: { name: 'knative.dev/serving/pkg/queue' },
              metrics: [
                {
                  name: 'kn.serving.invocation.duration',
                  unit: 's',
                  histogram: {
                    aggregationTemporality: 1,
                    dataPoints: [
                      {
                        attributes: [
                          { key: 'http.response.status_code', value: { intValue: 200 } },
                        ],
                        startTimeUnixNano: nowNanos,
                        timeUnixNano: nowNanos,
                        count: 3,
                        sum: 0.3,
                        bucketCounts: [0, 3, 0],
                        explicitBounds: [0.05, 0.5],
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const response = await fetch(`${fleetscope.ingestUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    // The configured cluster (FLEETSCOPE_KNATIVE_CLUSTER), and edge-eu of the push above: no third.
    const shops = (await functions()).filter((f) => f.id.endsWith('~shop'));
    expect(shops.map((f) => f.id).sort()).toEqual([id('shop', 'edge-eu'), id('shop')].sort());
  });

  it('answers 400 for a push without a single sample', async () => {
    const response = await push('cluster=edge-eu', '# HELP nothing here\n');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/no valid sample/);
  });

  it('rejects a request count, latency or pod reading that is NaN, infinite or negative, counted and named', async () => {
    const rejected = () =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'knative_metrics',
        reason: 'bad_line',
      });
    const labels = 'namespace_name="ns",configuration_name="odd",revision_name="odd-00001"';
    const before = await rejected();
    const response = await push(
      'cluster=c&target=t',
      [
        `revision_request_count{${labels},response_code="200"} NaN`,
        `revision_request_count{${labels},response_code="500"} -1e300`,
        `revision_request_latencies_sum{${labels}} +Inf`,
        `revision_request_latencies_count{${labels}} 3`,
        `autoscaler_actual_pods{${labels}} -Inf`,
        `autoscaler_desired_pods{${labels}} 1`,
      ].join('\n'),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      rejected: number;
      metricPoints: number;
      errors: { line: number; reason: string }[];
    };
    expect(body.rejected).toBe(4);
    expect(body.errors.map((e) => [e.line, e.reason.split(':')[0]])).toEqual([
      [1, 'revision_request_count is NaN'],
      [2, 'revision_request_count is -1e+300'],
      [3, 'revision_request_latencies_sum is +Inf'],
      [5, 'autoscaler_actual_pods is -Inf'],
    ]);
    expect(body.metricPoints).toBe(1); // autoscaler_desired_pods
    expect((await rejected()) - before).toBe(4);
  });

  it('answers 400 naming the parameter for a target that is not a name', async () => {
    const response = await push(`cluster=edge-eu&target=${'x'.repeat(300)}`, scrapes[0]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^target "x+"/);
    const slash = await push('cluster=edge-eu&target=a%2Fb', scrapes[0]);
    expect(slash.status).toBe(400);
  });

  it('keeps pod readings of at most 10,000 revisions when pushes keep naming new ones', async () => {
    const differs = fleetscope.app.get(PlatformDiffers);
    for (let round = 0; round < 3; round++) {
      const body = Array.from(
        { length: 4_000 },
        (_, i) =>
          `autoscaler_actual_pods{namespace_name="ns",service_name="s${round}_${i}",revision_name="r${round}_${i}"} 1`,
      ).join('\n');
      expect((await push(`cluster=flood&target=t${round}`, body)).status).toBe(200);
    }
    expect(differs.knative.size.revisions).toBe(10_000);
  });
});
