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
    // One pod came up from zero: one cold start, however many requests the activator counted.
    expect(result.rows[0]).toMatchObject({ invocations: 2, coldStarts: 1 });
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

  it('counts a revision without autoscaler readings as of unknown start, not as warm', () => {
    // Only the queue-proxy is scraped: nothing says whether a request started a pod. Its
    // invocations were stored with 0 cold starts and 0 unknown, and the pages said "0 % cold"
    // of a revision that scales to zero.
    const differ = new KnativeScrapeDiffer();
    const requests = (n: number) =>
      `revision_request_count{namespace_name="default",configuration_name="hello",revision_name="hello-00001",service_name="hello",response_code="200",response_code_class="2xx"} ${n}`;
    differ.ingest({ cluster: 'c', target: 'qp', timeMs: t0, text: requests(100) });
    const result = differ.ingest({ cluster: 'c', target: 'qp', timeMs: t1, text: requests(120) });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows[0]).toMatchObject({ invocations: 20, coldStarts: 0, unknownStarts: 20 });
    // With the autoscaler's readings the starts are known: no scale from zero, so all warm.
    differ.ingest({
      cluster: 'c',
      target: 'autoscaler',
      timeMs: t1 + 10_000,
      text: `autoscaler_actual_pods{namespace_name="default",configuration_name="hello",revision_name="hello-00001",service_name="hello"} 2`,
    });
    const known = differ.ingest({
      cluster: 'c',
      target: 'qp',
      timeMs: t1 + 30_000,
      text: requests(150),
    });
    if (!known.ok) throw new Error(known.message);
    // The interval spans two minutes: its 30 requests are apportioned between them.
    const sum = (field: 'invocations' | 'coldStarts' | 'unknownStarts') =>
      known.rows.reduce((n, r) => n + r[field], 0);
    expect([sum('invocations'), sum('coldStarts'), sum('unknownStarts')]).toEqual([30, 0, 0]);
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

  it('refuses a count, latency or pod reading that is NaN, infinite or negative, naming it, and keeps the rest', () => {
    const labels =
      'namespace_name="ns",configuration_name="cfg",revision_name="cfg-00001",response_code="200"';
    const scrape = (values: {
      count: string;
      bucket: string;
      sum: string;
      latencyCount: string;
      pods: string;
    }): string =>
      [
        `revision_request_count{${labels}} ${values.count}`,
        `revision_request_latencies_bucket{${labels},le="100"} ${values.bucket}`,
        `revision_request_latencies_bucket{${labels},le="+Inf"} ${values.latencyCount}`,
        `revision_request_latencies_sum{${labels}} ${values.sum}`,
        `revision_request_latencies_count{${labels}} ${values.latencyCount}`,
        `autoscaler_actual_pods{${labels}} ${values.pods}`,
        'autoscaler_desired_pods{namespace_name="ns",configuration_name="cfg",revision_name="cfg-00001"} 1',
      ].join('\n');
    const good = { count: '10', bucket: '10', sum: '200', latencyCount: '10', pods: '1' };
    for (const [field, value, shown] of [
      ['count', 'NaN', 'revision_request_count is NaN'],
      ['count', '+Inf', 'revision_request_count is +Inf'],
      ['count', '-1e300', 'revision_request_count is -1e+300'],
      ['bucket', '-Inf', 'revision_request_latencies_bucket is -Inf'],
      ['sum', '-5', 'revision_request_latencies_sum is -5'],
      ['latencyCount', 'NaN', 'revision_request_latencies_bucket is NaN'],
      ['pods', '-1', 'autoscaler_actual_pods is -1'],
    ] as const) {
      const differ = new KnativeScrapeDiffer();
      const first = differ.ingest({ cluster: 'c', timeMs: t0, text: scrape(good) });
      expect(first).toMatchObject({ ok: true, parseErrorCount: 0 });
      const result = differ.ingest({
        cluster: 'c',
        timeMs: t1,
        text: scrape({ ...good, [field]: value }),
      });
      if (!result.ok) throw new Error(result.message);
      expect(result.parseErrorCount).toBeGreaterThan(0);
      expect(result.parseErrors[0].reason).toContain(shown);
      expect(result.parseErrors[0].line).toBeGreaterThan(0);
      // Nothing counts backwards or becomes NaN; the other gauge is kept.
      for (const row of result.rows) {
        expect(row.invocations).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(row.durationSumMs)).toBe(true);
      }
      expect(result.gauges.map((g) => g.metricName)).toContain('autoscaler_desired_pods');
      if (field === 'pods')
        expect(result.gauges.map((g) => g.metricName)).not.toContain('autoscaler_actual_pods');
    }
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

  describe('scale from zero', () => {
    const labels =
      'configuration_name="hello",namespace_name="default",revision_name="hello-00001",service_name="hello"';
    const activatorLabels = `${labels},container_name="activator",pod_name="activator-abc",response_code="200",response_code_class="2xx"`;
    const activator = (n: number) => `activator_request_count{${activatorLabels}} ${n}\n`;
    const actualPods = (n: number) => `autoscaler_actual_pods{${labels}} ${n}\n`;
    const queueProxy = (pod: string, n: number) =>
      `revision_request_count{${labels},container_name="queue-proxy",pod_name="${pod}",response_code="200",response_code_class="2xx"} ${n}\n`;
    // knative/serving's activator latency buckets (ms), as in the fixtures.
    const BOUNDS = [5, 10, 20, 40, 60, 80, 100, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700];
    const BOUNDS_TAIL = [800, 900, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
    /** Activator latencies: `fast` requests of 25 ms, `slow` of 2,300 ms (waited for a pod). */
    const latencies = (fast: number, slow: number) => {
      let text = '';
      for (const le of [...BOUNDS, ...BOUNDS_TAIL]) {
        const below = (le >= 40 ? fast : 0) + (le >= 5000 ? slow : 0);
        text += `activator_request_latencies_bucket{${activatorLabels},le="${le}"} ${below}\n`;
      }
      text += `activator_request_latencies_bucket{${activatorLabels},le="+Inf"} ${fast + slow}\n`;
      text += `activator_request_latencies_sum{${activatorLabels}} ${fast * 25 + slow * 2300}\n`;
      text += `activator_request_latencies_count{${activatorLabels}} ${fast + slow}\n`;
      return text;
    };
    const sum = (rows: FunctionMinuteRow[], key: 'coldStarts' | 'invocations') =>
      rows.reduce((s, r) => s + r[key], 0);

    function run(differ: KnativeScrapeDiffer, texts: string[], from = t0): FunctionMinuteRow[][] {
      return texts.map((text, i) => {
        const result = differ.ingest({
          cluster: 'prod-eu',
          target: 'federate',
          timeMs: from + i * 30_000,
          text,
        });
        if (!result.ok) throw new Error(result.message);
        return result.rows;
      });
    }

    it('counts one cold start per pod brought up from zero, not every request the activator counted', () => {
      // target-burst-capacity (default 200) keeps the activator in the path once the pod is up.
      const rows = run(new KnativeScrapeDiffer(), [
        activator(10) + actualPods(0),
        activator(70) + actualPods(1) + queueProxy('hello-00001-deployment-aaa', 60),
        activator(130) + actualPods(1) + queueProxy('hello-00001-deployment-aaa', 120),
      ]);
      expect(rows.map((r) => sum(r, 'coldStarts'))).toEqual([0, 1, 0]);
      expect(rows.map((r) => sum(r, 'invocations'))).toEqual([0, 60, 60]);
    });

    it('counts as many cold starts as pods came up from zero', () => {
      const rows = run(new KnativeScrapeDiffer(), [
        activator(0) + actualPods(0),
        activator(40) +
          actualPods(3) +
          queueProxy('a', 14) +
          queueProxy('b', 13) +
          queueProxy('c', 13),
      ]);
      expect(sum(rows[1], 'coldStarts')).toBe(3);
    });

    it('takes the init duration from the slowest activator requests, not the whole histogram', () => {
      const rows = run(new KnativeScrapeDiffer(), [
        latencies(0, 0) + activator(0) + actualPods(0),
        // One request waited 2.3 s for the new pod; 29 more came after it was ready (25 ms each).
        latencies(29, 1) + activator(30) + actualPods(1) + queueProxy('a', 30),
      ]);
      const [row] = rows[1];
      expect(row.coldStarts).toBe(1);
      expect(Object.values(row.initBuckets)).toEqual([1]);
      const initBucket = Number(Object.keys(row.initBuckets)[0]);
      expect(2 ** ((initBucket + 1) / 8)).toBeGreaterThan(2000); // inside the (2000, 5000] bucket
      expect(2 ** (initBucket / 8)).toBeLessThan(5000);
      // The histogram's sum less an estimate of the 29 fast requests (in (20, 40] ms).
      expect(row.initDurationSumMs).toBeGreaterThan(2000);
      expect(row.initDurationSumMs).toBeLessThan(2400);
    });

    it('counts a scale from zero whose pod the autoscaler reading has not shown yet once', () => {
      // The activator counts a request when it is answered; the federated autoscaler reading can
      // still say 0 then, and say 1 only at the next scrape.
      const rows = run(new KnativeScrapeDiffer(), [
        activator(0) + actualPods(0),
        activator(1) + actualPods(0) + queueProxy('a', 1),
        activator(31) + actualPods(1) + queueProxy('a', 31),
        activator(61) + actualPods(1) + queueProxy('a', 61),
      ]);
      expect(rows.map((r) => sum(r, 'coldStarts'))).toEqual([0, 1, 0, 0]);
    });

    it('counts one cold start for requests that waited in vain while the revision stayed at zero', () => {
      const failed = (n: number) =>
        `activator_request_count{${labels},pod_name="activator-abc",response_code="503",response_code_class="5xx"} ${n}\n`;
      const rows = run(new KnativeScrapeDiffer(), [
        failed(0) + actualPods(0),
        failed(5) + actualPods(0),
        failed(9) + actualPods(0),
      ]);
      expect(rows.map((r) => sum(r, 'coldStarts'))).toEqual([0, 1, 0]);
    });

    it('counts a second scale from zero after the revision went back to zero', () => {
      const rows = run(new KnativeScrapeDiffer(), [
        activator(0) + actualPods(0),
        activator(5) + actualPods(1) + queueProxy('a', 5),
        activator(5) + actualPods(0),
        activator(9) + actualPods(1) + queueProxy('b', 4),
      ]);
      expect(rows.map((r) => sum(r, 'coldStarts'))).toEqual([0, 1, 0, 1]);
    });

    it('counts the cold start again when the interval that counted it is undone', () => {
      const differ = new KnativeScrapeDiffer();
      run(differ, [activator(0) + actualPods(0), activator(5) + actualPods(1)]);
      differ.undo({ cluster: 'prod-eu', target: 'federate', timeMs: t0 + 30_000 });
      const [again] = run(differ, [activator(9) + actualPods(1)], t0 + 60_000);
      expect(sum(again, 'coldStarts')).toBe(1);
    });

    it('adds a queue-proxy series missing from one federated scrape once, when it returns', () => {
      const rows = run(new KnativeScrapeDiffer(), [
        actualPods(2) + queueProxy('p1', 1000) + queueProxy('p2', 900),
        actualPods(2) + queueProxy('p1', 1030) + queueProxy('p2', 930),
        actualPods(2) + queueProxy('p1', 1060),
        actualPods(2) + queueProxy('p1', 1090) + queueProxy('p2', 990),
      ]);
      expect(rows.map((r) => sum(r, 'invocations'))).toEqual([0, 60, 30, 90]);
    });
  });
});

describe('cold starts of a push without target from two activator pods, taken back', () => {
  const L =
    'configuration_name="hello",namespace_name="default",revision_name="hello-00001",service_name="hello"';
  const activator = (pod: string, n: number) => {
    const l = `${L},container_name="activator",pod_name="${pod}",response_code="200",response_code_class="2xx"`;
    return (
      `activator_request_count{${l}} ${n}\n` +
      `activator_request_latencies_bucket{${l},le="5000"} ${n}\n` +
      `activator_request_latencies_bucket{${l},le="+Inf"} ${n}\n` +
      `activator_request_latencies_sum{${l}} ${n * 3000}\n` +
      `activator_request_latencies_count{${l}} ${n}\n`
    );
  };
  const push = (pods: number, requests: number) =>
    `# TYPE autoscaler_actual_pods gauge\nautoscaler_actual_pods{${L}} ${pods}\n` +
    '# TYPE activator_request_count counter\n# TYPE activator_request_latencies histogram\n' +
    activator('activator-1', requests) +
    activator('activator-2', requests);

  it.each([
    ['named target', undefined],
    ['each pod its own baseline', '10.0.0.9'],
  ])('counts both cold starts again in the retry of an undone push (%s)', (_, sender) => {
    const differ = new KnativeScrapeDiffer();
    const coldStarts = (timeMs: number, text: string) => {
      const result = differ.ingest({ cluster: 'c', target: 'push', sender, timeMs, text });
      if (!result.ok) throw new Error(result.message);
      return result.rows.reduce((sum, row) => sum + row.coldStarts, 0);
    };
    expect(coldStarts(t0, push(0, 0))).toBe(0);
    // Scaled 0 → 2, one request through each activator pod: each pod is a cold start.
    expect(coldStarts(t0 + 60_000, push(2, 1))).toBe(2);
    // Not stored: the retry, with the same counts, claims both pods again (the last pod only: 1).
    differ.undo({ cluster: 'c', target: 'push', timeMs: t0 + 60_000 });
    expect(coldStarts(t0 + 120_000, push(2, 1))).toBe(2);
  });
});
