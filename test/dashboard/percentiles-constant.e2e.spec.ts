import { randomUUID } from 'node:crypto';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { listFunctions, post, reportLine } from '../platform/platform-ingest.helpers';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:constant';

/** `lines` posted as one log batch of `name`'s sandbox. */
async function send(fleetscope: RunningFleetscope, name: string, lines: string[]): Promise<void> {
  const answer = await post(
    `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(ARN.replace('constant', name))}&instance=${name}`,
    lines.join('\n'),
    { 'content-type': 'text/plain' },
  );
  expect(answer.status).toBe(200);
}

interface InitFigures {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

describe('percentiles of a constant duration (GET /api/functions, /api/coldstarts)', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  }, 60_000);
  afterAll(() => fleetscope.stop());

  it('defect: 12 invocations of exactly 300 ms read p50 291.53 ms, below every one of them; every percentile is 300 ms', async () => {
    await send(
      fleetscope,
      'constant-duration',
      Array.from({ length: 12 }, () =>
        reportLine(randomUUID(), { durationMs: 300, billedMs: 300, memoryMb: 256, maxUsedMb: 60 }),
      ),
    );
    const toMs = Date.now() + 60_000;
    const [fn] = (await listFunctions(fleetscope, toMs - 3_600_000, toMs)).filter(
      (f) => f.name === 'constant-duration',
    );
    expect(fn.durationMs).toEqual({ p50: 300, p95: 300, p99: 300, max: 300 });
  });

  it('defect: 3 inits of exactly 250 ms read p50 245, p95 255, p99 256 ms beside a mean of 250; every percentile is 250 ms, on the fleet page and the cold starts', async () => {
    await send(
      fleetscope,
      'constant-init',
      Array.from({ length: 3 }, () =>
        reportLine(randomUUID(), {
          durationMs: 20,
          billedMs: 270,
          memoryMb: 256,
          maxUsedMb: 60,
          initMs: 250,
        }),
      ),
    );
    const toMs = Date.now() + 60_000;
    const fromMs = toMs - 3_600_000;
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter(
      (f) => f.name === 'constant-init',
    );
    expect(fn.initDurationMs).toEqual({ p50: 250, p95: 250, p99: 250 });
    const report = (await fetch(
      `${fleetscope.apiUrl}/api/coldstarts?from=${fromMs}&to=${toMs}&groupBy=function`,
    ).then((r) => r.json())) as {
      groups: { key: string; onDemand: { initDurationMs: InitFigures } }[];
      totals: { onDemand: { initDurationMs: InitFigures } };
    };
    const constant = { mean: 250, p50: 250, p95: 250, p99: 250 };
    expect(report.groups.find((g) => g.key === fn.id)!.onDemand.initDurationMs).toEqual(constant);
    // The totals are this function's alone when it is the only one with an init in the range.
    const others = report.groups.filter(
      (g) => g.key !== fn.id && g.onDemand.initDurationMs.mean !== null,
    );
    if (others.length === 0) expect(report.totals.onDemand.initDurationMs).toEqual(constant);
  });
});
