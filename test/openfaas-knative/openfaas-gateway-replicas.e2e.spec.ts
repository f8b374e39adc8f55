import { functionId } from '@fleetscope/model';
import { PlatformScrapeService } from '@fleetscope/collector';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeServer, type FakeServer } from './fake-server';

/**
 * A gateway URL that is the Service in front of two gateway replicas: each replica counts its own
 * gateway_function_invocation_total (openfaas/faas gateway/metrics), and each scrape reaches
 * either. Replica A had served 1000 calls of resize, replica B 900; each then serves 10 between
 * two of its scrapes, so over the six scrapes resize was called about 40 times.
 */
const body = (count: number) =>
  [
    '# TYPE gateway_function_invocation_total counter',
    `gateway_function_invocation_total{code="200",function_name="resize.openfaas-fn"} ${count}`,
    '',
  ].join('\n');

const id = functionId({
  platform: 'openfaas',
  account: 'openfaas-fn',
  region: 'gw',
  name: 'resize',
});

describe('OpenFaaS gateway with several replicas behind one URL', () => {
  let fleetscope: RunningFleetscope;
  let gateway: FakeServer;
  let answers: number[] = [];

  beforeAll(async () => {
    gateway = await startFakeServer((request) =>
      request.path === '/metrics'
        ? { type: 'text/plain; version=0.0.4', body: body(answers.shift() ?? 0) }
        : { status: 404, body: 'not found' },
    );
    fleetscope = await startFleetscope({
      FLEETSCOPE_OPENFAAS_GATEWAYS: `gw=http://127.0.0.1:${gateway.port}`,
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
    await gateway.close();
  });

  it("adds no replica's history when the scrapes alternate between replicas", async () => {
    answers = [1000, 900, 1010, 910, 1020, 920];
    const scraper = fleetscope.app.get(PlatformScrapeService);
    for (let i = 0; i < 6; i++) {
      const report = await scraper.scrapeOnce();
      expect(report.targets[0]).toMatchObject({ ok: true });
    }
    await fleetscope.flush();
    const list = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) => r.json())) as {
      functions: { id: string; invocations: number }[];
    };
    // Before: 2,950 (900 + 110 + 910 + 110 + 920), each switch read as a restart.
    const invocations = list.functions.find((f) => f.id === id)?.invocations ?? 0;
    expect(invocations).toBeLessThanOrEqual(40);
    // Said and counted, so the user points the target at one gateway process.
    const metrics = await fetch(`${fleetscope.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /fleetscope_ingest_rejected_items_total\{signal="openfaas_scrape",reason="gateway_replicas"\} [1-9]/,
    );
  });
});
