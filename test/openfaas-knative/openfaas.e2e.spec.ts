import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import { encodeTraceRequestProtobuf } from '@fleetscope/otlp';
import { InventorySyncService, PlatformScrapeService } from '@fleetscope/collector';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from '../collector/support/collector-metrics';
import { startFakeServer, type FakeServer } from './fake-server';

// The gateway's /metrics bodies are synthetic: no real scrape of an OpenFaaS gateway is public, so
// they are built from the documented metric names and labels (gateway_function_invocation_total,
// gateway_functions_seconds, gateway_service_count; see libs/ingest/src/openfaas/__fixtures__/SOURCES.md). Between the two
// scrapes nodeinfo gets 10 calls with 200 and 2 with 500; figlet (namespace dev) 2 with 200 and a
// first 504.
const FIXTURES = join(__dirname, '..', '..', 'libs', 'ingest', 'src', 'openfaas', '__fixtures__');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const scrapes = [
  fixture('gateway-metrics-scrape-1.prom'),
  fixture('gateway-metrics-scrape-2.prom'),
];

// Shaped like faas-provider's types.FunctionStatus (openfaas/faas-provider types/model.go).
const systemFunctions = [
  {
    name: 'nodeinfo',
    namespace: 'openfaas-fn',
    image: 'ghcr.io/openfaas/nodeinfo:latest',
    envVars: { exec_timeout: '1m30s' },
    labels: { 'com.openfaas.scale.min': '1', 'com.openfaas.scale.max': '10' },
    limits: { memory: '256Mi', cpu: '500m' },
    requests: { memory: '128Mi', cpu: '100m' },
    replicas: 2,
    availableReplicas: 2,
  },
  { name: 'figlet', namespace: 'dev', image: 'ghcr.io/openfaas/figlet:latest' },
];

const id = (name: string, namespace = 'openfaas-fn') =>
  functionId({ platform: 'openfaas', account: namespace, region: 'edge-1', name });

/** Go's log prefix (UTC in containers): `2024/05/06 10:00:01`. */
function goTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

interface Fn {
  id: string;
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  memoryMb: number | null;
  timeoutMs: number | null;
  durationMs: { p50: number | null; p95: number | null; p99: number | null };
  initDurationMs: { p50: number | null };
}

describe('OpenFaaS ingest', () => {
  let fleetscope: RunningFleetscope;
  let gateway: FakeServer;
  let current = 0;

  async function functions(): Promise<Fn[]> {
    await fleetscope.flush();
    const body = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) => r.json())) as {
      functions: Fn[];
    };
    return body.functions;
  }

  const post = (path: string, body: string) =>
    fetch(`${fleetscope.ingestUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });

  beforeAll(async () => {
    gateway = await startFakeServer((request) => {
      if (request.path === '/metrics')
        return { type: 'text/plain; version=0.0.4', body: scrapes[current] };
      if (request.path === '/system/functions') {
        // The gateway guards /system/* with basic auth.
        const expected = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
        if (request.headers.authorization !== expected)
          return { status: 401, body: 'unauthorized' };
        return { body: JSON.stringify(systemFunctions) };
      }
      return { status: 404, body: 'not found' };
    });
    fleetscope = await startFleetscope({
      FLEETSCOPE_OPENFAAS_GATEWAYS: `edge-1=http://admin:s3cret@127.0.0.1:${gateway.port}`,
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
    await gateway.close();
  });

  it('turns two scrapes of the gateway into invocations, errors, timeouts and duration percentiles', async () => {
    const scraper = fleetscope.app.get(PlatformScrapeService);
    const first = await scraper.scrapeOnce();
    expect(first.targets).toEqual([
      expect.objectContaining({ platform: 'openfaas', label: 'edge-1', ok: true }),
    ]);
    // Credentials never reach reports or logs.
    expect(first.targets[0].url).not.toContain('s3cret');
    current = 1;
    const second = await scraper.scrapeOnce();
    expect(second.targets[0]).toMatchObject({ ok: true, kind: 'interval' });
    expect(second.functionMinutes).toBeGreaterThan(0);
    expect(second.metricPoints).toBeGreaterThan(0);

    const list = await functions();
    const nodeinfo = list.find((f) => f.id === id('nodeinfo'));
    expect(nodeinfo).toMatchObject({ invocations: 12, errors: 2, timeouts: 0 });
    // 4 calls ≤ 25 ms, 5 in (25, 50] ms, 2 in (50, 100] ms, 1 in (500, 1000] ms.
    expect(nodeinfo!.durationMs.p50).toBeGreaterThan(20);
    expect(nodeinfo!.durationMs.p50).toBeLessThan(55);
    expect(nodeinfo!.durationMs.p99).toBeGreaterThan(450);
    expect(nodeinfo!.durationMs.p99).toBeLessThan(1100);
    expect(list.find((f) => f.id === id('figlet', 'dev'))).toMatchObject({
      invocations: 3,
      errors: 0,
      timeouts: 1,
    });
  });

  it('files memory, timeout and scale bounds from /system/functions under the same ids', async () => {
    const report = await fleetscope.app.get(InventorySyncService).syncOnce();
    expect(report.targets).toEqual([
      expect.objectContaining({ platform: 'openfaas', target: 'edge-1', functions: 2 }),
    ]);
    const nodeinfo = (await functions()).find((f) => f.id === id('nodeinfo'));
    expect(nodeinfo).toMatchObject({ memoryMb: 256, timeoutMs: 90_000 });
    const one = (await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id('nodeinfo'))}`,
    ).then((r) => r.json())) as { config: Record<string, unknown> };
    expect(one.config).toMatchObject({ minScale: 1, maxScale: 10, podCpu: 0.1, podMemoryMb: 128 });
    // figlet has no scale labels: OpenFaaS keeps its default one replica, which its idle cost
    // counts (it was filed with no min-scale and priced as if it scaled to zero).
    const figlet = (await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id('figlet', 'dev'))}`,
    ).then((r) => r.json())) as { config: Record<string, unknown> };
    expect(figlet.config).toMatchObject({ minScale: 1 });
  });

  it('counts scale-from-zero waits posted as gateway logs as cold starts, once per delivery', async () => {
    const now = Date.now();
    const logs = [
      `${goTime(now - 3000)} [Scale 1/20] function=nodeinfo 0 => 1 requested`,
      `${goTime(now - 1000)} [Ready] function=nodeinfo waited for - 2.0000s`,
      `${goTime(now - 1000)} [Ready] function=nodeinfo waited for - 1.9000s`,
      `${goTime(now - 900)} Forwarded: GET /function/nodeinfo (12.00ms)`,
      `${goTime(now - 800)} [Ready] function=nodeinfo waited for - soon`,
    ].join('\n');
    const response = await post('/ingest/openfaas/gateway-logs?gateway=edge-1', logs);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      coldStarts: 2,
      scaleRequests: 1,
      rejected: 1,
      duplicate: false,
    });
    // The log shipper retries the same batch: acknowledged, not counted again.
    const retry = await post('/ingest/openfaas/gateway-logs?gateway=edge-1', logs);
    expect(await retry.json()).toMatchObject({ duplicate: true });

    const nodeinfo = (await functions()).find((f) => f.id === id('nodeinfo'));
    expect(nodeinfo).toMatchObject({ coldStarts: 2, invocations: 12 });
    expect(nodeinfo!.initDurationMs.p50).toBeGreaterThan(1500);
    expect(nodeinfo!.initDurationMs.p50).toBeLessThan(2500);
  });

  it('refuses gateway logs for a namespace that is not one, and each line naming a function OpenFaaS cannot have', async () => {
    const rejected = (reason: string) =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'openfaas_gateway-logs',
        reason,
      });
    const now = Date.now();
    const ready = (fn: string) => `${goTime(now - 1000)} [Ready] function=${fn} waited for - 2.5s`;

    const badNamespace = await rejected('invalid_namespace');
    const namespaced = await post(
      '/ingest/openfaas/gateway-logs?gateway=edge-1&namespace=../../x%00y',
      ready('fn'),
    );
    expect(namespaced.status).toBe(400);
    expect(((await namespaced.json()) as { message: string }).message).toBe(
      'namespace "../../x\u0000y" is not a Kubernetes namespace',
    );
    expect((await rejected('invalid_namespace')) - badNamespace).toBe(1);

    const badLines = await rejected('unreadable_line');
    const response = await post(
      '/ingest/openfaas/gateway-logs?gateway=edge-1',
      [
        ready('../../ETC\u202e.%00bad'),
        ready('gatekept'),
        ready('gatekept.dev'), // the gateway names a function of another namespace name.namespace
        `${goTime(now - 900)} [Scale 1/20] function=Up.percase 0 => 1 requested`,
      ].join('\n'),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      coldStarts: number;
      scaleRequests: number;
      rejected: number;
      errors: { line: number; reason: string }[];
    };
    expect(body).toMatchObject({ coldStarts: 2, scaleRequests: 0, rejected: 2 });
    expect(body.errors).toEqual([
      {
        line: 1,
        reason: expect.stringMatching(/^function name "\.\.\/\.\.\/ETC.*" is not a DNS-1123 label/),
      },
      { line: 4, reason: expect.stringMatching(/^function name "Up" is not a DNS-1123 label/) },
    ]);
    expect((await rejected('unreadable_line')) - badLines).toBe(2);
    const ids = (await functions()).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([id('gatekept'), id('gatekept', 'dev')]));
    expect(ids.filter((i) => /ETC|x%00y|Up/.test(i))).toEqual([]);
  });

  it('stores of-watchdog request lines as invocations of the named function', async () => {
    const now = Date.now();
    const lines = [
      `${goTime(now - 2000)} POST / - 200 OK - ContentLength: 12B (0.0200s)`,
      `${goTime(now - 1000)} POST / - 500 Internal Server Error - ContentLength: 3B (0.0100s)`,
      `${goTime(now - 1000)} GET /_/health - 200 OK - ContentLength: 2B (0.0001s)`,
    ].join('\n');
    const response = await post(
      '/ingest/openfaas/watchdog-logs?function=wordcount&instance=wordcount-7d9f-abc',
      lines,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ invocations: 2, rejected: 0 });
    expect((await functions()).find((f) => f.id === id('wordcount'))).toMatchObject({
      invocations: 2,
      errors: 1,
    });
  });

  it('refuses a log line dated at a time that does not exist and a wait no init duration can be, counted and named', async () => {
    const rejected = (signal: string) =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal,
        reason: 'unreadable_line',
      });
    const now = Date.now();
    const watchdogBefore = await rejected('openfaas_watchdog-logs');
    const watchdog = await post(
      '/ingest/openfaas/watchdog-logs?function=undated',
      [
        '9999/99/99 99:99:99 POST / - 200 OK - ContentLength: 12B (0.0200s)',
        `${goTime(now - 1000)} POST / - 200 OK - ContentLength: 12B (0.0200s)`,
      ].join('\n'),
    );
    expect(watchdog.status).toBe(200);
    expect(await watchdog.json()).toMatchObject({
      invocations: 1,
      rejected: 1,
      errors: [{ line: 1, reason: 'unreadable time "9999/99/99 99:99:99"' }],
    });
    expect((await rejected('openfaas_watchdog-logs')) - watchdogBefore).toBe(1);

    const gatewayBefore = await rejected('openfaas_gateway-logs');
    const gateway = await post(
      '/ingest/openfaas/gateway-logs?gateway=edge-1',
      [
        `${goTime(now - 1000)} [Ready] function=undated waited for - 1e308s`,
        `9999/99/99 99:99:99 [Ready] function=undated waited for - 1.0000s`,
        `${goTime(now - 1000)} [Ready] function=undated waited for - 1.0000s`,
      ].join('\n'),
    );
    expect(gateway.status).toBe(200);
    expect(await gateway.json()).toMatchObject({
      coldStarts: 1,
      rejected: 2,
      errors: [
        { line: 1, reason: expect.stringMatching(/^wait "1e308s" is longer than/) },
        { line: 2, reason: 'unreadable time "9999/99/99 99:99:99"' },
      ],
    });
    expect((await rejected('openfaas_gateway-logs')) - gatewayBefore).toBe(2);
    expect((await functions()).find((f) => f.id === id('undated'))).toMatchObject({
      invocations: 1,
      coldStarts: 1,
    });
  });

  it("takes the cold starts of a function counted from of-watchdog lines from the gateway's logs: the watchdog cannot tell, but its invocations are not of unknown start", async () => {
    const now = Date.now();
    const lines = [
      `${goTime(now - 2000)} POST / - 200 OK - ContentLength: 12B (0.0200s)`,
      `${goTime(now - 1000)} POST / - 200 OK - ContentLength: 12B (0.0200s)`,
    ].join('\n');
    const watchdog = await post(
      '/ingest/openfaas/watchdog-logs?function=thumbnail&instance=thumbnail-5c4b-abc',
      lines,
    );
    expect(watchdog.status).toBe(200);
    const gatewayLogs = await post(
      '/ingest/openfaas/gateway-logs?gateway=edge-1',
      `${goTime(now - 2000)} [Ready] function=thumbnail waited for - 1.5000s`,
    );
    expect(gatewayLogs.status).toBe(200);
    const rows = (await functions()) as (Fn & {
      coldStartRate: number | null;
      coldStartUnknown: number;
    })[];
    expect(rows.find((f) => f.id === id('thumbnail'))).toMatchObject({
      invocations: 2,
      coldStarts: 1,
      coldStartRate: 0.5,
      coldStartUnknown: 0,
    });
  });

  it('files OTLP spans of an OpenFaaS function under the gateway its scrapes give as the region', async () => {
    const before = (await functions()).find((f) => f.id === id('nodeinfo'));
    expect(before).toBeDefined();
    const start = Date.now() - 60_000;
    const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
    // One exporter in the function's namespace; one that names none (cloud.platform openfaas
    // only), which is the default namespace as for the scrapes: it was filed as openfaas~~edge-1~nodeinfo.
    const resources = [
      [
        str('service.name', 'nodeinfo'),
        str('faas.name', 'nodeinfo'),
        str('k8s.namespace.name', 'openfaas-fn'),
      ],
      [str('cloud.platform', 'openfaas'), str('faas.name', 'nodeinfo')],
    ];
    const body = encodeTraceRequestProtobuf({
      resourceSpans: resources.map((attributes) => ({
        resource: { attributes },
        scopeSpans: [
          {
            spans: [
              {
                traceId: randomBytes(16).toString('hex'),
                spanId: randomBytes(8).toString('hex'),
                name: 'nodeinfo',
                kind: 2,
                startTimeUnixNano: `${start}000000`,
                endTimeUnixNano: `${start + 40}000000`,
                attributes: [str('faas.trigger', 'http')],
              },
            ],
          },
        ],
      })),
    });
    const response = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body,
    });
    expect(response.status).toBe(200);
    const nodeinfos = (await functions()).filter((f) => f.id.endsWith('~nodeinfo'));
    expect(nodeinfos.map((f) => f.id)).toEqual([id('nodeinfo')]);
  });

  it('answers 400 with a message for bodies and parameters it cannot use', async () => {
    const empty = await post('/ingest/openfaas/gateway-logs', '');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toMatch(/empty/);
    const unnamed = await post(
      '/ingest/openfaas/watchdog-logs',
      'POST / - 200 OK - ContentLength: 2B (0.1s)',
    );
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { message: string }).message).toMatch(/\?function=/);
    const metrics = await fetch(`${fleetscope.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain(
      'fleetscope_ingest_rejected_items_total{signal="openfaas_watchdog-logs",reason="missing_function"} 1',
    );
  });

  it('counts a gateway that stops answering instead of failing the scrape round', async () => {
    await gateway.close();
    const report = await fleetscope.app.get(PlatformScrapeService).scrapeOnce();
    expect(report.targets[0]).toMatchObject({ ok: false, error: { reason: 'unreachable' } });
    const metrics = await fetch(`${fleetscope.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /fleetscope_ingest_rejected_items_total\{signal="openfaas_scrape",reason="unreachable"\} [1-9]/,
    );
  });
});
