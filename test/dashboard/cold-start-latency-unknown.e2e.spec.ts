import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertInvocations, type InvocationRowSpec } from '../analysis/support/invocation-rows';

/**
 * GET /api/coldstarts over cold starts with no Init Duration (known only from a span's
 * faas.coldstart, as the demo's checkout-api): the latency and cost they added are unknown, not 0,
 * and the totals say how many cold starts they cover.
 */
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
/** 3 on-demand cold starts, none with an Init Duration. */
const untimed = `${ACCOUNT}~spans-only`;
/** 2 on-demand cold starts, one of 200 ms and one without an Init Duration. */
const partly = `${ACCOUNT}~partly-timed`;

function rows(nowMs: number): InvocationRowSpec[] {
  const at = (i: number) => nowMs - 30 * 60_000 + i * 1000;
  const out: InvocationRowSpec[] = [];
  for (let i = 0; i < 10; i++) {
    out.push({
      functionId: untimed,
      startTimeMs: at(i),
      durationMs: 40,
      memorySizeMb: 1024,
      source: 'otlp',
      coldStart: i < 3,
      initType: i < 3 ? 'on-demand' : '',
    });
    out.push({
      functionId: partly,
      startTimeMs: at(i),
      durationMs: 40,
      memorySizeMb: 512,
      coldStart: i < 2,
      initType: i < 2 ? 'on-demand' : '',
      initDurationMs: i === 0 ? 200 : 0,
    });
  }
  return out;
}

describe('GET /api/coldstarts when cold starts have no Init Duration', () => {
  let fleetscope: RunningFleetscope;

  const report = async (groupBy: string) => {
    const response = await fetch(`${fleetscope.apiUrl}/api/coldstarts?groupBy=${groupBy}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ColdStartReport;
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await insertInvocations(fleetscope.clickhouse.client, rows(Date.now()));
    for (const [id, memoryMb] of [
      [untimed, 1024],
      [partly, 512],
    ] as const) {
      const response = await fetch(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}/config`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            runtime: 'nodejs22.x',
            architecture: 'x86_64',
            packageType: 'Zip',
            memoryMb,
          }),
        },
      );
      expect(response.status).toBe(200);
    }
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: a function none of whose cold starts has an Init Duration reported latency added 0 ms and cost $0; both are null', async () => {
    const body = await report('function');
    const g = body.groups.find((x) => x.key === untimed)!;
    expect(g).toMatchObject({
      coldStarts: 3,
      coldStartsWithInit: 0,
      latencyAddedMs: null,
      costUsd: null,
    });
    expect(g.onDemand).toMatchObject({
      coldStarts: 3,
      coldStartsWithInit: 0,
      latencyAddedMs: null,
      costUsd: null,
    });
    expect(g.onDemand.initDurationMs.mean).toBeNull();
  });

  it('prices and sums only the cold starts with an Init Duration, and says how many those are', async () => {
    const body = await report('function');
    const g = body.groups.find((x) => x.key === partly)!;
    expect(g).toMatchObject({ coldStarts: 2, coldStartsWithInit: 1, latencyAddedMs: 200 });
    expect(g.onDemand).toMatchObject({ coldStarts: 2, coldStartsWithInit: 1 });
    expect(g.costUsd).toBeGreaterThan(0);

    // The totals cover 1 of the 5 cold starts, and say so.
    expect(body.totals).toMatchObject({
      coldStarts: 5,
      coldStartsWithInit: 1,
      latencyAddedMs: 200,
      costUsd: g.costUsd,
    });
  });

  it('keeps the unknown latency null when grouped by init type', async () => {
    const byType = await report('initType');
    const onDemand = byType.groups.find((x) => x.key === 'on-demand')!;
    expect(onDemand).toMatchObject({ coldStarts: 5, coldStartsWithInit: 1, latencyAddedMs: 200 });
    // No restores: nothing added, and that 0 is known.
    const snapStart = byType.groups.find((x) => x.key === 'snap-start')!;
    expect(snapStart).toMatchObject({ coldStarts: 0, latencyAddedMs: 0 });
  });
});
