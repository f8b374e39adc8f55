import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import type { FunctionMinuteRow } from '@fleetscope/model';
import { OPENFAAS_METRICS, OpenFaasScrapeDiffer } from './gateway-scrape.differ';

// No real scrape of an OpenFaaS gateway is public: the two scrapes are synthetic, built from the
// documented metric names and labels (see __fixtures__/SOURCES.md).
const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const scrape1 = fixture('gateway-metrics-scrape-1.prom');
const scrape2 = fixture('gateway-metrics-scrape-2.prom');
const t0 = Date.UTC(2024, 4, 6, 10, 0, 10);
const t1 = t0 + 30_000;
const nodeinfo = functionId({
  platform: 'openfaas',
  account: 'openfaas-fn',
  region: 'edge-1',
  name: 'nodeinfo',
});
const figlet = functionId({
  platform: 'openfaas',
  account: 'dev',
  region: 'edge-1',
  name: 'figlet',
});

function total(
  rows: FunctionMinuteRow[],
  id: string,
  field: 'invocations' | 'errors' | 'timeouts' | 'durationSumMs',
) {
  return rows.filter((r) => r.functionId === id).reduce((s, r) => s + r[field], 0);
}

function bucketTotal(rows: FunctionMinuteRow[], id: string) {
  return rows
    .filter((r) => r.functionId === id)
    .reduce((s, r) => s + Object.values(r.durationBuckets).reduce((a, b) => a + b, 0), 0);
}

describe(OpenFaasScrapeDiffer.name, () => {
  it('reads the metrics the OpenFaaS docs list for the Community Edition gateway', () => {
    const docs = fixture('openfaas-docs-architecture-metrics.md');
    for (const name of Object.values(OPENFAAS_METRICS)) expect(docs).toContain('`' + name + '`');
  });

  it('keeps the first scrape of a gateway as a baseline and reports its replica gauges', () => {
    const differ = new OpenFaasScrapeDiffer();
    const result = differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    expect(result).toMatchObject({ ok: true, kind: 'baseline', rows: [] });
    if (!result.ok) return;
    const replicas = result.gauges.find((g) => g.functionId === nodeinfo);
    expect(replicas).toMatchObject({
      metricName: 'gateway_service_count',
      value: 2,
      unit: '{replica}',
    });
    expect(replicas?.timeUnixNano).toBe(`${t0}000000`);
    expect(replicas?.resourceAttributes['k8s.namespace.name']).toBe('openfaas-fn');
  });

  it('turns the increase between two scrapes into per-minute rows per function', () => {
    const differ = new OpenFaasScrapeDiffer();
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    const result = differ.ingest({ gateway: 'edge-1', timeMs: t1, text: scrape2 });
    expect(result.ok && result.kind).toBe('interval');
    if (!result.ok) return;
    expect(result.parseErrorCount).toBe(0);
    // Both scrapes fall in 10:00, so one row per function.
    expect(result.rows.map((r) => r.minuteMs)).toEqual([
      Date.UTC(2024, 4, 6, 10, 0),
      Date.UTC(2024, 4, 6, 10, 0),
    ]);
    expect(result.rows.every((r) => r.source === 'openfaas' && r.version === '')).toBe(true);

    // nodeinfo: +10 with code 200, +2 with code 500.
    expect(total(result.rows, nodeinfo, 'invocations')).toBe(12);
    expect(total(result.rows, nodeinfo, 'errors')).toBe(2);
    expect(total(result.rows, nodeinfo, 'timeouts')).toBe(0);
    expect(total(result.rows, nodeinfo, 'durationSumMs')).toBeCloseTo(1280, 6);
    expect(bucketTotal(result.rows, nodeinfo)).toBe(12);

    // figlet (namespace dev): +2 with 200, a first 504 (new series counts from zero).
    expect(total(result.rows, figlet, 'invocations')).toBe(3);
    expect(total(result.rows, figlet, 'errors')).toBe(0);
    expect(total(result.rows, figlet, 'timeouts')).toBe(1);
    expect(total(result.rows, figlet, 'durationSumMs')).toBeCloseTo(12_600, 6);
    const figletRow = result.rows.find((r) => r.functionId === figlet)!;
    // The 12 s call is above the last bucket (10 s): placed near the mean the sum implies.
    const slowest = Math.max(...Object.keys(figletRow.durationBuckets).map(Number));
    expect(2 ** ((slowest + 1) / 8)).toBeGreaterThan(10_000);
  });

  it('counts a 504 as a timeout and not an error, and a 4xx as neither, as OTLP metrics do', () => {
    const counts = (ok: number, notFound: number, failed: number, timedOut: number) =>
      [
        '# TYPE gateway_function_invocation_total counter',
        ...(
          [
            [200, ok],
            [404, notFound],
            [500, failed],
            [504, timedOut],
          ] as const
        ).map(
          ([code, n]) =>
            `gateway_function_invocation_total{code="${code}",function_name="figlet.dev"} ${n}`,
        ),
      ].join('\n') + '\n';
    const differ = new OpenFaasScrapeDiffer();
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: counts(1, 1, 1, 1) });
    const result = differ.ingest({ gateway: 'edge-1', timeMs: t1, text: counts(5, 3, 2, 4) });
    if (!result.ok) throw new Error(result.message);
    expect(total(result.rows, figlet, 'invocations')).toBe(10);
    expect(total(result.rows, figlet, 'errors')).toBe(1);
    expect(total(result.rows, figlet, 'timeouts')).toBe(3);
  });

  it('counts from zero after a gateway restart instead of producing negative deltas', () => {
    const differ = new OpenFaasScrapeDiffer();
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    const restarted = [
      '# TYPE gateway_function_invocation_total counter',
      'gateway_function_invocation_total{code="200",function_name="nodeinfo.openfaas-fn"} 4',
    ].join('\n');
    const result = differ.ingest({ gateway: 'edge-1', timeMs: t1, text: restarted });
    expect(result).toMatchObject({ ok: true, counterResets: 1 });
    if (!result.ok) return;
    expect(total(result.rows, nodeinfo, 'invocations')).toBe(4);
  });

  it('counts a function missing from the first scrape after a restart from zero when it comes back', () => {
    const differ = new OpenFaasScrapeDiffer();
    const scrape = (counts: Record<string, number>) =>
      [
        '# TYPE gateway_function_invocation_total counter',
        ...Object.entries(counts).map(
          ([fn, n]) =>
            `gateway_function_invocation_total{code="200",function_name="${fn}.openfaas-fn"} ${n}`,
        ),
      ].join('\n');
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape({ f: 97_000, g: 40 }) });
    differ.ingest({ gateway: 'edge-1', timeMs: t0 + 30_000, text: scrape({ f: 100_000, g: 40 }) });
    // Restarted: g not called since, so the gateway does not export it.
    const restart = differ.ingest({
      gateway: 'edge-1',
      timeMs: t0 + 60_000,
      text: scrape({ f: 3_000 }),
    });
    const back = differ.ingest({
      gateway: 'edge-1',
      timeMs: t0 + 90_000,
      text: scrape({ f: 6_000, g: 100 }),
    });
    if (!restart.ok || !back.ok) throw new Error('refused');
    const sum = (rows: typeof back.rows) => rows.reduce((s, r) => s + r.invocations, 0);
    // 3,000 of f after the restart, then 3,000 of f and g's 100 (not 100 − 40).
    expect([sum(restart.rows), sum(back.rows)]).toEqual([3_000, 3_100]);
  });

  it('keeps the previous scrape of each gateway apart', () => {
    const differ = new OpenFaasScrapeDiffer();
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    const other = differ.ingest({ gateway: 'edge-2', timeMs: t1, text: scrape2 });
    expect(other).toMatchObject({ ok: true, kind: 'baseline' });
  });

  it('spreads an interval over the minutes it covers', () => {
    const differ = new OpenFaasScrapeDiffer();
    const start = Date.UTC(2024, 4, 6, 10, 0, 30);
    differ.ingest({ gateway: 'edge-1', timeMs: start, text: scrape1 });
    const result = differ.ingest({ gateway: 'edge-1', timeMs: start + 60_000, text: scrape2 });
    if (!result.ok) throw new Error(result.message);
    const rows = result.rows.filter((r) => r.functionId === nodeinfo);
    expect(rows.map((r) => [r.minuteMs, r.invocations])).toEqual([
      [Date.UTC(2024, 4, 6, 10, 0), 6],
      [Date.UTC(2024, 4, 6, 10, 1), 6],
    ]);
  });

  it('refuses a scrape that is not after the previous one, without losing state', () => {
    const differ = new OpenFaasScrapeDiffer();
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    expect(differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape2 })).toMatchObject({
      ok: false,
      reason: 'out_of_order',
    });
    expect(differ.ingest({ gateway: 'edge-1', timeMs: t1, text: scrape2 })).toMatchObject({
      ok: true,
      kind: 'interval',
    });
  });

  it('starts a new baseline after a silence longer than maxIntervalMs', () => {
    const differ = new OpenFaasScrapeDiffer({ maxIntervalMs: 60_000 });
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    expect(differ.ingest({ gateway: 'edge-1', timeMs: t0 + 120_000, text: scrape2 })).toMatchObject(
      {
        ok: true,
        kind: 'baseline',
        rows: [],
      },
    );
  });

  it('refuses a body without any valid sample and reports its bad lines', () => {
    const result = new OpenFaasScrapeDiffer().ingest({
      gateway: 'edge-1',
      timeMs: t0,
      text: '<html>502 Bad Gateway</html>',
    });
    expect(result).toMatchObject({ ok: false, reason: 'no_samples', parseErrorCount: 1 });
  });

  it('keeps the good lines of a scrape with a bad line in it', () => {
    const differ = new OpenFaasScrapeDiffer();
    differ.ingest({ gateway: 'edge-1', timeMs: t0, text: scrape1 });
    const result = differ.ingest({
      gateway: 'edge-1',
      timeMs: t1,
      text: scrape2 + 'gateway_function_invocation_total{code="200" 1\n',
    });
    expect(result).toMatchObject({ ok: true, parseErrorCount: 1 });
    if (result.ok) expect(total(result.rows, nodeinfo, 'invocations')).toBe(12);
  });

  it('puts functions without a namespace in the configured default namespace', () => {
    const differ = new OpenFaasScrapeDiffer({ defaultNamespace: 'fns' });
    differ.ingest({
      gateway: 'g',
      timeMs: t0,
      text: 'gateway_function_invocation_total{code="200",function_name="echo"} 1',
    });
    const result = differ.ingest({
      gateway: 'g',
      timeMs: t1,
      text: 'gateway_function_invocation_total{code="200",function_name="echo"} 3',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows[0].functionId).toBe(
      functionId({ platform: 'openfaas', account: 'fns', region: 'g', name: 'echo' }),
    );
  });
});
