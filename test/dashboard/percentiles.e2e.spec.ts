import { randomUUID } from 'node:crypto';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { listFunctions, post, reportLine } from '../platform/platform-ingest.helpers';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:one-sample';

describe('duration percentiles of GET /api/functions and the time series', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  }, 60_000);
  afterAll(() => fleetscope.stop());

  it('defect: the time series left its percentiles unclamped (p99 above the largest duration); both now report a single sample exactly', async () => {
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(ARN)}&instance=one`,
      reportLine(randomUUID(), { durationMs: 123.45, billedMs: 124, memoryMb: 256, maxUsedMb: 60 }),
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    const toMs = Date.now() + 60_000;
    const fromMs = toMs - 3_600_000;
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter(
      (f) => f.name === 'one-sample',
    );
    expect(fn.durationMs).toMatchObject({ p50: 123.45, p95: 123.45, p99: 123.45, max: 123.45 });

    const series = (await fetch(
      `${fleetscope.apiUrl}/api/functions/${fn.id}/timeseries?from=${fromMs}&to=${toMs}&step=60`,
    ).then((r) => r.json())) as {
      points: { invocations: number; durationMs: Record<string, number | null> }[];
    };
    const [point] = series.points.filter((p) => p.invocations > 0);
    for (const q of ['p50', 'p95', 'p99', 'max'])
      expect(point.durationMs[q]).toBeCloseTo(123.45, 6);
  });

  it('defect: a single init read 145.76 / 151.56 / 152.09 ms for an Init Duration of 150 ms; it reports itself on the fleet page and the cold starts', async () => {
    const arn = ARN.replace('one-sample', 'one-init');
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(arn)}&instance=cold`,
      reportLine(randomUUID(), {
        durationMs: 20,
        billedMs: 170,
        memoryMb: 256,
        maxUsedMb: 60,
        initMs: 150,
      }),
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    const toMs = Date.now() + 60_000;
    const fromMs = toMs - 3_600_000;
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter(
      (f) => f.name === 'one-init',
    );
    expect(fn.initDurationMs).toEqual({ p50: 150, p95: 150, p99: 150 });
    const { groups } = (await fetch(
      `${fleetscope.apiUrl}/api/coldstarts?from=${fromMs}&to=${toMs}&groupBy=function`,
    ).then((r) => r.json())) as {
      groups: { key: string; onDemand: { initDurationMs: Record<string, number | null> } }[];
    };
    const group = groups.find((g) => g.key === fn.id)!;
    expect(group.onDemand.initDurationMs).toEqual({ mean: 150, p50: 150, p95: 150, p99: 150 });
  });
});
