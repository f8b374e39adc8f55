import { histogramQuantile } from '@fleetscope/model';
import type { OtlpKeyValue, OtlpMetric, OtlpMetricsRequest } from '../common/otlp-request.types';
import { LambdaAccounts } from '../faas/lambda-accounts';
import { CumulativeToDelta } from './cumulative-to-delta';
import { ColdStartReporters } from './faas-minute.accumulator';
import { normaliseMetrics } from './metric.normaliser';

const s = (key: string, v: string): OtlpKeyValue => ({ key, value: { stringValue: v } });
const T0 = '1718000000000000000'; // 2024-06-10T06:13:20Z
const T1 = '1718000030000000000'; // 30 s later, same minute
const MINUTE = 1717999980000; // T0 truncated to the minute

const lambdaResource = [
  s('cloud.platform', 'aws_lambda'),
  s('cloud.region', 'eu-west-1'),
  s('cloud.account.id', '123456789012'),
  s('faas.name', 'checkout'),
  s('faas.version', '3'),
  s('faas.max_memory', '1024'), // the extension's MB string
];
const FN = 'aws_lambda~123456789012~eu-west-1~checkout';

function request(
  metrics: OtlpMetric[],
  resource = lambdaResource,
  scope = 'telemetryapireceiver',
): OtlpMetricsRequest {
  return {
    resourceMetrics: [
      { resource: { attributes: resource }, scopeMetrics: [{ scope: { name: scope }, metrics }] },
    ],
  };
}

const counter = (
  name: string,
  value: number,
  temporality = 1,
  time = T1,
  start = T0,
): OtlpMetric => ({
  name,
  unit: '1',
  sum: {
    aggregationTemporality: temporality,
    isMonotonic: true,
    dataPoints: [{ startTimeUnixNano: start, timeUnixNano: time, asInt: String(value) }],
  },
});

// The semconv bucket layout for faas.invoke_duration (faas-metrics.md), in seconds.
const BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
function durationHistogram(
  name: string,
  counts: number[],
  sum: number,
  temporality = 1,
  attrs: OtlpKeyValue[] = [],
): OtlpMetric {
  return {
    name,
    unit: 's',
    histogram: {
      aggregationTemporality: temporality,
      dataPoints: [
        {
          startTimeUnixNano: T0,
          timeUnixNano: T1,
          count: String(counts.reduce((a, b) => a + b, 0)),
          sum,
          bucketCounts: counts.map(String),
          explicitBounds: BOUNDS,
          attributes: attrs,
        },
      ],
    },
  };
}

describe(normaliseMetrics.name, () => {
  it('turns delta FaaS metrics into one per-minute row for the function', () => {
    const counts = new Array<number>(15).fill(0);
    counts[6] = 8; // (0.1, 0.25] s
    counts[7] = 2; // (0.25, 0.5] s
    const out = normaliseMetrics(
      request([
        counter('faas.invocations', 9),
        counter('faas.errors', 1),
        counter('faas.timeouts', 0),
        counter('faas.coldstarts', 2),
        durationHistogram('faas.invoke_duration', counts, 2.1),
        durationHistogram('faas.init_duration', [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], 0.8),
        {
          name: 'faas.mem_usage',
          unit: 'By',
          histogram: {
            aggregationTemporality: 1,
            dataPoints: [{ timeUnixNano: T1, count: '10', sum: 1.2e9, max: 181000000 }],
          },
        },
      ]),
    );
    expect(out.rejected).toBe(0);
    expect(out.points).toHaveLength(7);
    expect(out.minutes).toHaveLength(1);
    const m = out.minutes[0];
    expect(m).toMatchObject({
      source: 'otel_metrics',
      functionId: FN,
      version: '3',
      memorySizeMb: 1024,
      minuteMs: MINUTE,
      invocations: 10,
      errors: 1,
      timeouts: 0,
      coldStarts: 2,
      maxMemoryUsedMb: 181,
    });
    expect(m.durationSumMs).toBeCloseTo(2100);
    expect(m.initDurationSumMs).toBeCloseTo(800);
    expect(Object.values(m.durationBuckets).reduce((a, b) => a + b, 0)).toBe(10);
    const p50 = histogramQuantile(m.durationBuckets, 0.5)!;
    expect(p50).toBeGreaterThan(100);
    expect(p50).toBeLessThan(250);
  });

  it('defect: an Azure Functions minute from FaaS metrics kept faas.max_memory as sent (1000 MB); it is stored at the 1,024 MB Consumption bills, as spans are, and an unknown size stays 0', () => {
    const azure = (memory?: string) => [
      s('cloud.platform', 'azure.functions'),
      s('cloud.region', 'westeurope'),
      s(
        'cloud.resource_id',
        '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Web/sites/shop/functions/resize',
      ),
      s('faas.name', 'resize'),
      ...(memory ? [s('faas.max_memory', memory)] : []),
    ];
    const minute = (memory?: string) =>
      normaliseMetrics(request([counter('faas.invocations', 4)], azure(memory)), {
        cumulative: new CumulativeToDelta(),
      }).minutes[0];
    expect(minute('1000')).toMatchObject({ invocations: 4, memorySizeMb: 1024 });
    expect(minute('4096')?.memorySizeMb).toBe(1536);
    expect(minute()?.memorySizeMb).toBe(0);
    // Elsewhere the size as sent.
    const lambda = normaliseMetrics(request([counter('faas.invocations', 4)]), {
      cumulative: new CumulativeToDelta(),
    }).minutes[0];
    expect(lambda?.memorySizeMb).toBe(1024);
  });

  it('converts Knative kn.serving.invocation.duration into invocations, 5xx errors and durations', () => {
    const resource = [s('k8s.namespace.name', 'default'), s('service.name', 'hello')];
    const attrs = [s('kn.service.name', 'hello'), s('kn.revision.name', 'hello-00001')];
    const out = normaliseMetrics(
      request(
        [
          durationHistogram(
            'kn.serving.invocation.duration',
            [0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            0.08,
            1,
            [...attrs, { key: 'http.response.status_code', value: { intValue: 200 } }],
          ),
          durationHistogram(
            'kn.serving.invocation.duration',
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
            2,
            1,
            [...attrs, { key: 'http.response.status_code', value: { intValue: 503 } }],
          ),
        ],
        resource,
        'knative.dev/serving',
      ),
    );
    expect(out.minutes).toHaveLength(1);
    expect(out.minutes[0]).toMatchObject({
      functionId: 'knative~default~~hello',
      version: 'hello-00001',
      invocations: 5,
      errors: 1,
      memorySizeMb: 0,
    });
    expect(out.minutes[0].durationSumMs).toBeCloseTo(2080);
  });

  it('counts a Knative 5xx answer as an error when its durations come as an exponential histogram too', () => {
    const resource = [s('k8s.namespace.name', 'default'), s('service.name', 'hello')];
    const point = (status: number, count: number) => ({
      startTimeUnixNano: T0,
      timeUnixNano: T1,
      count: String(count),
      sum: 0.5 * count,
      scale: 0,
      zeroCount: '0',
      positive: { offset: -2, bucketCounts: ['0', String(count)] },
      attributes: [
        s('kn.service.name', 'hello'),
        s('kn.revision.name', 'hello-00001'),
        { key: 'http.response.status_code', value: { intValue: status } },
      ],
    });
    const out = normaliseMetrics(
      request(
        [
          {
            name: 'kn.serving.invocation.duration',
            unit: 's',
            exponentialHistogram: {
              aggregationTemporality: 1,
              dataPoints: [point(200, 3), point(502, 2)],
            },
          },
        ],
        resource,
        'knative.dev/serving',
      ),
    );
    expect(out.minutes).toHaveLength(1);
    expect(out.minutes[0]).toMatchObject({ invocations: 5, errors: 2 });
  });

  it('counts a Knative 504 as a timeout and not an error, and a 4xx as neither, as the scrapes do', () => {
    const resource = [s('k8s.namespace.name', 'default'), s('service.name', 'hello')];
    const attrs = [s('kn.service.name', 'hello'), s('kn.revision.name', 'hello-00001')];
    const answered = (status: number, count: number) =>
      durationHistogram(
        'kn.serving.invocation.duration',
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count, 0, 0, 0, 0],
        count,
        1,
        [...attrs, { key: 'http.response.status_code', value: { intValue: status } }],
      );
    const out = normaliseMetrics(
      request(
        [answered(200, 4), answered(404, 2), answered(500, 1), answered(504, 3)],
        resource,
        'knative.dev/serving',
      ),
    );
    expect(out.minutes).toHaveLength(1);
    expect(out.minutes[0]).toMatchObject({ invocations: 10, errors: 1, timeouts: 3 });
  });

  it('counts a minute’s invocations as of unknown start unless a faas.coldstarts point was reported for it', () => {
    const unknown = (metrics: OtlpMetric[], resource = lambdaResource) =>
      normaliseMetrics(request(metrics, resource), { cumulative: new CumulativeToDelta(100, T1) })
        .minutes[0].unknownStarts;
    // faas.invocations counts successes only: the errors are invocations too.
    expect(unknown([counter('faas.invocations', 9), counter('faas.errors', 1)])).toBe(10);
    expect(unknown([counter('faas.invocations', 9), counter('faas.coldstarts', 0)])).toBe(0);
    expect(unknown([counter('faas.invocations', 9), counter('faas.coldstarts', 2)])).toBe(0);
    // A cumulative series' first point, begun before this process, is a baseline that adds
    // nothing; it was reported all the same.
    const baseline = counter('faas.coldstarts', 3, 2, T1, T0);
    expect(unknown([counter('faas.invocations', 9), baseline])).toBe(0);
    // An OpenFaaS function's cold starts are the gateway's (docs/decisions.md).
    const openFaas = [
      s('k8s.namespace.name', 'openfaas-fn'),
      s('k8s.cluster.name', 'edge'),
      s('faas.name', 'figlet'),
    ];
    expect(unknown([counter('faas.invocations', 9)], openFaas)).toBe(0);
  });

  it('keeps the starts known for a function that reported faas.coldstarts before (delta SDKs leave out a counter that did not move)', () => {
    const reporters = new ColdStartReporters();
    const unknown = (metrics: OtlpMetric[]) =>
      normaliseMetrics(request(metrics), {
        cumulative: new CumulativeToDelta(100, T1),
        coldStartReporters: reporters,
      }).minutes[0].unknownStarts;
    expect(unknown([counter('faas.invocations', 9)])).toBe(9);
    // The cold invocation's export carries the counter; the warm ones' that follow do not.
    expect(unknown([counter('faas.invocations', 1), counter('faas.coldstarts', 1)])).toBe(0);
    expect(unknown([counter('faas.invocations', 9)])).toBe(0);
    // Another process (or none remembered): unknown again until the function reports it.
    expect(
      normaliseMetrics(request([counter('faas.invocations', 9)]), {
        cumulative: new CumulativeToDelta(100, T1),
        coldStartReporters: new ColdStartReporters(),
      }).minutes[0].unknownStarts,
    ).toBe(9);
  });

  it('uses cumulative points only through CumulativeToDelta', () => {
    const converter = new CumulativeToDelta(100, '0');
    expect(normaliseMetrics(request([counter('faas.invocations', 5, 2)])).minutes).toEqual([]);
    const first = normaliseMetrics(request([counter('faas.invocations', 5, 2)]), {
      cumulative: converter,
    });
    expect(first.minutes[0].invocations).toBe(5); // the series started after the converter's epoch
    const second = normaliseMetrics(
      request([counter('faas.invocations', 12, 2, '1718000050000000000')]),
      { cumulative: converter },
    );
    expect(second.minutes[0].invocations).toBe(7);
  });

  it('keeps every point type as a row and rejects unusable points with a reason', () => {
    const out = normaliseMetrics(
      request(
        [
          {
            name: 'g',
            gauge: {
              dataPoints: [
                { timeUnixNano: T1, asDouble: 1.5 },
                { timeUnixNano: '0', asDouble: 2 },
                { timeUnixNano: T1 },
              ],
            },
          },
          {
            name: 'h',
            histogram: {
              aggregationTemporality: 2,
              dataPoints: [
                { timeUnixNano: T1, count: '3', bucketCounts: ['1', '2'], explicitBounds: [] },
              ],
            },
          },
          {
            name: 'q',
            summary: {
              dataPoints: [
                {
                  timeUnixNano: T1,
                  count: '4',
                  sum: 10,
                  quantileValues: [
                    { quantile: 0, value: 1 },
                    { quantile: 1, value: 7 },
                  ],
                },
              ],
            },
          },
          { sum: { dataPoints: [{ timeUnixNano: T1, asInt: '1' }] } },
        ],
        [s('service.name', 'svc')],
      ),
    );
    expect(out.points.map((p) => [p.metricName, p.metricType, p.value, p.min, p.max])).toEqual([
      ['g', 'gauge', 1.5, null, null],
      ['q', 'summary', 0, 1, 7],
    ]);
    expect(out.reasons).toEqual({
      invalid_timestamp: 1,
      missing_value: 1,
      invalid_buckets: 1,
      missing_metric_name: 1,
    });
    expect(out.rejected).toBe(4);
  });

  it('reads faas.mem_usage in bytes when it does not carry the extension quirk', () => {
    const out = normaliseMetrics(
      request(
        [
          {
            name: 'faas.mem_usage',
            unit: 'By',
            gauge: { dataPoints: [{ timeUnixNano: T1, asInt: String(256 * 1048576 + 5) }] },
          },
        ],
        lambdaResource,
        'my.meter',
      ),
    );
    expect(out.minutes[0].maxMemoryUsedMb).toBeCloseTo(256, 3);
  });

  describe("a Lambda resource without cloud.account.id (a Lambda layer's often has none)", () => {
    const withoutAccount = lambdaResource.filter((kv) => kv.key !== 'cloud.account.id');
    const metrics = () => [
      counter('faas.invocations', 3),
      durationHistogram(
        'faas.invoke_duration',
        [0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        0.15,
      ),
    ];

    it("is filed under the one function known with that region and name, not a second one of account ''", () => {
      const lambdaAccounts = new LambdaAccounts();
      lambdaAccounts.learn('123456789012', 'eu-west-1', 'checkout');
      const out = normaliseMetrics(request(metrics(), withoutAccount), { lambdaAccounts });
      expect(out.rejected).toBe(0);
      expect(out.points.map((p) => p.functionId)).toEqual([FN, FN]);
      expect(out.minutes).toMatchObject([{ functionId: FN, invocations: 3 }]);
    });

    it('is refused as missing_identity when no such function is known, or several are', () => {
      const none = normaliseMetrics(request(metrics(), withoutAccount), {
        lambdaAccounts: new LambdaAccounts(),
      });
      expect(none.points).toEqual([]);
      expect(none.minutes).toEqual([]);
      expect(none.reasons).toEqual({ missing_identity: 2 });
      expect(none.errorMessage).toBe(
        'rejected 2 (missing_identity: 2); first: resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0]: Lambda function "checkout" in eu-west-1 has no cloud.account.id and no function of that name in eu-west-1 is known yet: set cloud.account.id on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES=cloud.account.id=123456789012)',
      );
      const lambdaAccounts = new LambdaAccounts();
      lambdaAccounts.learn('123456789012', 'eu-west-1', 'checkout');
      lambdaAccounts.learn('210987654321', 'eu-west-1', 'checkout');
      const two = normaliseMetrics(request(metrics(), withoutAccount), { lambdaAccounts });
      expect(two.points).toEqual([]);
      expect(two.reasons).toEqual({ missing_identity: 2 });
      expect(two.errors[0]).toContain(
        'known in 2 accounts (123456789012, 210987654321): set cloud.account.id',
      );
    });

    it('teaches the lookup the accounts other resources name', () => {
      const lambdaAccounts = new LambdaAccounts();
      normaliseMetrics(request(metrics()), { lambdaAccounts });
      expect(lambdaAccounts.accountOf('eu-west-1', 'checkout')).toEqual({
        account: '123456789012',
      });
    });
  });
});

describe(CumulativeToDelta.name, () => {
  const at = (start: string, time: string) => ({ startTimeUnixNano: start, timeUnixNano: time });

  it('starts over on a reset and forgets the least recently seen series past its bound', () => {
    const c = new CumulativeToDelta(2, '9999999999999999999');
    expect(c.sum('a', at('1', '10'), 10)).toBeNull(); // baseline: started before the converter
    expect(c.sum('a', at('1', '20'), 15)).toBe(5);
    expect(c.sum('a', at('1', '30'), 3)).toBe(3); // value went down: reset
    expect(c.sum('a', at('2', '40'), 4)).toBe(4); // new start time: reset
    c.sum('b', at('1', '10'), 1);
    c.sum('c', at('1', '10'), 1);
    expect(c.size).toBe(2);
    expect(c.sum('a', at('2', '50'), 9)).toBeNull(); // 'a' was evicted, so this is a baseline again
  });

  it('counts a cumulative point that arrives after a newer one as nothing, not as a reset', () => {
    const converter = new CumulativeToDelta(100, '1600000000000000000');
    const added = (time: string, value: number) =>
      normaliseMetrics(request([counter('faas.invocations', value, 2, time, T0)]), {
        cumulative: converter,
      }).minutes.reduce((n, m) => n + m.invocations, 0);
    expect(added('1718000060000000000', 100)).toBe(100); // started after the converter's epoch
    expect(added('1718000180000000000', 150)).toBe(50);
    expect(added('1718000120000000000', 120)).toBe(0); // sent before the 150, arrived after it
    expect(added('1718000240000000000', 160)).toBe(10);
  });

  it('takes only a newer start time, or a drop at a newer time, for a reset', () => {
    const c = new CumulativeToDelta(10, '0');
    expect(c.sum('a', at('5', '10'), 10)).toBe(10);
    expect(c.sum('a', at('5', '10'), 10)).toBeNull(); // the same point again (a retry)
    expect(c.sum('a', at('7', '12'), 4)).toBe(4); // restarted at 7
    expect(c.sum('a', at('5', '11'), 12)).toBeNull(); // late, from the run before the restart
    expect(c.sum('a', at('7', '13'), 6)).toBe(2);
    // An SDK that leaves the start time 0 signals a reset only by a drop at a newer time.
    expect(c.sum('z', at('0', '10'), 10)).toBeNull(); // baseline: its start is unknown
    expect(c.sum('z', at('0', '30'), 15)).toBe(5);
    expect(c.sum('z', at('0', '20'), 12)).toBeNull(); // late, not a reset
    expect(c.sum('z', at('0', '40'), 3)).toBe(3); // restarted
    expect(c.sum('z', at('0', '50'), 8)).toBe(5);
  });

  it('ignores a late histogram point too', () => {
    const c = new CumulativeToDelta(10, '0');
    c.histogram('h', at('1', '10'), { count: 3, sum: 3, bucketCounts: [1, 2] });
    c.histogram('h', at('1', '30'), { count: 6, sum: 7, bucketCounts: [3, 3] });
    expect(c.histogram('h', at('1', '20'), { count: 4, sum: 4, bucketCounts: [2, 2] })).toBeNull();
    expect(c.histogram('h', at('1', '40'), { count: 7, sum: 9, bucketCounts: [3, 4] })).toEqual({
      count: 1,
      sum: 2,
      bucketCounts: [0, 1],
    });
  });

  it('keeps a series a late point touched when a capture is undone', () => {
    const c = new CumulativeToDelta(10, '9999999999999999999');
    c.sum('a', at('1', '10'), 10);
    c.sum('a', at('1', '30'), 15);
    c.capture(() => c.sum('a', at('1', '20'), 12)).undo();
    expect(c.sum('a', at('1', '40'), 20)).toBe(5);
  });

  it('subtracts histogram buckets', () => {
    const c = new CumulativeToDelta(10, '0');
    c.histogram('h', at('1', '10'), { count: 3, sum: 3, bucketCounts: [1, 2] });
    expect(c.histogram('h', at('1', '20'), { count: 5, sum: 6, bucketCounts: [2, 3] })).toEqual({
      count: 2,
      sum: 3,
      bucketCounts: [1, 1],
    });
  });

  it('undoes the series a capture advanced, so a retried export gets the same deltas again', () => {
    const c = new CumulativeToDelta(10, '9999999999999999999');
    c.sum('a', at('1', '10'), 10);
    const first = c.capture(() => [c.sum('a', at('1', '20'), 15), c.sum('b', at('1', '20'), 1)]);
    expect(first.result).toEqual([5, null]);
    first.undo(); // the rows were not stored
    expect(c.capture(() => c.sum('a', at('1', '20'), 15)).result).toBe(5);
    expect(c.sum('b', at('1', '20'), 1)).toBeNull(); // b is a baseline again, as before the capture
  });

  it('leaves a series another export advanced since the capture', () => {
    const c = new CumulativeToDelta(10, '9999999999999999999');
    c.sum('a', at('1', '10'), 10);
    const first = c.capture(() => c.sum('a', at('1', '20'), 15));
    c.sum('a', at('1', '30'), 20);
    first.undo();
    expect(c.sum('a', at('1', '40'), 26)).toBe(6);
  });
});
