import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import type { FunctionMinuteRow } from '@fleetscope/model';
import { KNATIVE_METRICS, KnativeScrapeDiffer } from './revision-scrape.differ';

// No real scrape of Knative's queue-proxy, activator or autoscaler is public: the scrapes are
// synthetic, built from the documented legacy names, labels and latency buckets (see
// __fixtures__/SOURCES.md). In them `hello` scales from zero; `shop` stays at two pods.
const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const scrape1 = fixture('legacy-metrics-scrape-1.prom');
const scrape2 = fixture('legacy-metrics-scrape-2.prom');
const t0 = Date.UTC(2024, 4, 6, 10, 0, 10);
const t1 = t0 + 30_000;
const hello = functionId({
  platform: 'knative',
  account: 'default',
  region: 'prod-eu',
  name: 'hello',
});
const shop = functionId({
  platform: 'knative',
  account: 'default',
  region: 'prod-eu',
  name: 'shop',
});

const rowOf = (rows: FunctionMinuteRow[], id: string) => rows.find((r) => r.functionId === id);

describe(KnativeScrapeDiffer.name, () => {
  it('reads the queue-proxy metrics the Knative docs list under their legacy names', () => {
    const docs = fixture('knative-docs-service-metrics-legacy-prometheus-names.md');
    for (const name of [
      KNATIVE_METRICS.requestCount,
      KNATIVE_METRICS.requestLatencies,
      KNATIVE_METRICS.appRequestCount,
    ]) {
      expect(docs).toContain('```' + name + '```');
    }
  });

  it('counts a request served through the activator while the revision had zero pods as a cold start', () => {
    const differ = new KnativeScrapeDiffer();
    expect(differ.ingest({ cluster: 'prod-eu', timeMs: t0, text: scrape1 })).toMatchObject({
      ok: true,
      kind: 'baseline',
    });
    const result = differ.ingest({ cluster: 'prod-eu', timeMs: t1, text: scrape2 });
    if (!result.ok) throw new Error(result.message);
    expect(result.parseErrorCount).toBe(0);
    const row = rowOf(result.rows, hello);
    expect(row).toMatchObject({
      source: 'knative',
      version: 'hello-00001',
      minuteMs: Date.UTC(2024, 4, 6, 10, 0),
      invocations: 1,
      errors: 0,
      coldStarts: 1,
      durationSumMs: 45,
      initDurationSumMs: 2300,
    });
    expect(Object.values(row!.initBuckets)).toEqual([1]);
    const initBucket = Number(Object.keys(row!.initBuckets)[0]);
    expect(2 ** ((initBucket + 1) / 8)).toBeGreaterThan(2000); // inside the (2000, 5000] ms bucket
    expect(2 ** (initBucket / 8)).toBeLessThan(5000);
  });

  it('does not count activator traffic of a revision that had pods as cold starts', () => {
    const differ = new KnativeScrapeDiffer();
    differ.ingest({ cluster: 'prod-eu', timeMs: t0, text: scrape1 });
    const result = differ.ingest({ cluster: 'prod-eu', timeMs: t1, text: scrape2 });
    if (!result.ok) throw new Error(result.message);
    // shop: +30 with 200, a first 504; the 10 activator requests are not extra invocations.
    expect(rowOf(result.rows, shop)).toMatchObject({
      version: 'shop-00003',
      invocations: 31,
      errors: 0,
      timeouts: 1,
      coldStarts: 0,
      initDurationSumMs: 0,
      durationSumMs: 30 * 30 + 30_000,
    });
  });

  it('counts a 504 as a timeout and not an error, and a 4xx as neither, as OTLP metrics do', () => {
    const counts = (ok: number, notFound: number, failed: number, timedOut: number) =>
      [
        '# TYPE revision_request_count counter',
        ...(
          [
            [200, ok],
            [404, notFound],
            [500, failed],
            [504, timedOut],
          ] as const
        ).map(
          ([code, n]) =>
            `revision_request_count{namespace_name="default",service_name="shop",revision_name="shop-00003",response_code="${code}",response_code_class="${String(code)[0]}xx"} ${n}`,
        ),
      ].join('\n') + '\n';
    const differ = new KnativeScrapeDiffer();
    differ.ingest({ cluster: 'prod-eu', timeMs: t0, text: counts(1, 1, 1, 1) });
    const result = differ.ingest({ cluster: 'prod-eu', timeMs: t1, text: counts(5, 3, 2, 4) });
    if (!result.ok) throw new Error(result.message);
    expect(rowOf(result.rows, shop)).toMatchObject({ invocations: 10, errors: 1, timeouts: 3 });
  });

  it('reports autoscaler gauges as metric points of the revision', () => {
    const result = new KnativeScrapeDiffer().ingest({
      cluster: 'prod-eu',
      timeMs: t1,
      text: scrape2,
    });
    if (!result.ok) throw new Error(result.message);
    const pods = result.gauges.filter((g) => g.metricName === 'autoscaler_actual_pods');
    expect(pods.map((g) => [g.functionId, g.resourceAttributes['faas.version'], g.value])).toEqual([
      [hello, 'hello-00001', 1],
      [shop, 'shop-00003', 2],
    ]);
    expect(result.gauges.some((g) => g.metricName === 'autoscaler_panic_mode')).toBe(true);
  });

  it('uses autoscaler readings from another target of the same cluster', () => {
    const differ = new KnativeScrapeDiffer();
    const autoscaler = (pods: number) =>
      `autoscaler_actual_pods{namespace_name="default",configuration_name="hello",revision_name="hello-00001",service_name="hello"} ${pods}`;
    const activator = (n: number) =>
      `activator_request_count{namespace_name="default",configuration_name="hello",revision_name="hello-00001",service_name="hello",response_code="200",response_code_class="2xx"} ${n}\n` +
      `revision_request_count{namespace_name="default",configuration_name="hello",revision_name="hello-00001",service_name="hello",response_code="200",response_code_class="2xx"} ${n}`;
    differ.ingest({ cluster: 'c', target: 'autoscaler', timeMs: t0 - 5_000, text: autoscaler(0) });
    differ.ingest({ cluster: 'c', target: 'federate', timeMs: t0, text: activator(0) });
    // The autoscaler saw the new pod before the next activator scrape; the interval still began at zero pods.
    differ.ingest({ cluster: 'c', target: 'autoscaler', timeMs: t1 - 5_000, text: autoscaler(1) });
    const result = differ.ingest({
      cluster: 'c',
      target: 'federate',
      timeMs: t1,
      text: activator(2),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows[0]).toMatchObject({ invocations: 2, coldStarts: 2 });
    // Warm now: more activator traffic is not cold.
    const later = differ.ingest({
      cluster: 'c',
      target: 'federate',
      timeMs: t1 + 30_000,
      text: activator(3),
    });
    if (!later.ok) throw new Error(later.message);
    expect(later.rows[0]).toMatchObject({ invocations: 1, coldStarts: 0 });
  });

  it('counts from zero after a queue-proxy restart and refuses out-of-order scrapes', () => {
    const differ = new KnativeScrapeDiffer();
    differ.ingest({ cluster: 'prod-eu', timeMs: t0, text: scrape2 });
    const restarted = differ.ingest({ cluster: 'prod-eu', timeMs: t1, text: scrape1 });
    expect(restarted).toMatchObject({ ok: true, kind: 'interval' });
    if (restarted.ok) expect(restarted.counterResets).toBeGreaterThan(0);
    expect(differ.ingest({ cluster: 'prod-eu', timeMs: t0, text: scrape2 })).toMatchObject({
      ok: false,
      reason: 'out_of_order',
    });
  });

  it('counts the first scrape of a new target from zero when told to', () => {
    const text =
      'revision_request_count{namespace_name="ns",configuration_name="cfg",revision_name="cfg-00002",response_code="200"} 3';
    const result = new KnativeScrapeDiffer().ingest({
      cluster: 'c',
      target: 'pod-a',
      timeMs: t1,
      text,
      fromZero: true,
    });
    if (!result.ok) throw new Error(result.message);
    // A Configuration without a Service: its name stands in for the function name.
    expect(result.rows[0]).toMatchObject({
      functionId: functionId({ platform: 'knative', account: 'ns', region: 'c', name: 'cfg' }),
      version: 'cfg-00002',
    });
    // The exporter's start is unknown: the increase is spread over the minute before the scrape.
    expect(result.startMs).toBe(t1 - 60_000);
    expect(result.rows.reduce((s, r) => s + r.invocations, 0)).toBe(3);
  });

  it('keeps pod readings of at most maxRevisions revisions, however many a push names', () => {
    const differ = new KnativeScrapeDiffer({ maxRevisions: 500 });
    const push = (round: number) =>
      Array.from(
        { length: 400 },
        (_, i) =>
          `autoscaler_actual_pods{namespace_name="ns",service_name="s${round}_${i}",revision_name="r${round}_${i}"} 1`,
      ).join('\n');
    for (let round = 0; round < 10; round++) {
      differ.ingest({
        cluster: 'c',
        target: 'sidecar',
        timeMs: t0 + round * 1000,
        text: push(round),
      });
    }
    expect(differ.size).toEqual({ targets: 1, revisions: 500 });
  });

  it('forgets revisions with no pod reading for two max intervals', () => {
    const differ = new KnativeScrapeDiffer({ maxIntervalMs: 60_000 });
    const pods = (name: string) =>
      `autoscaler_actual_pods{namespace_name="ns",service_name="${name}",revision_name="${name}-1"} 0`;
    differ.ingest({ cluster: 'c', target: 'a', timeMs: t0, text: pods('old') });
    differ.ingest({ cluster: 'c', target: 'a', timeMs: t0 + 60_000, text: pods('kept') });
    expect(differ.size.revisions).toBe(2);
    differ.ingest({ cluster: 'c', target: 'a', timeMs: t0 + 120_001, text: pods('kept') });
    expect(differ.size.revisions).toBe(1);
  });
});
