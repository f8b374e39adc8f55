import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertInvocations, type InvocationRowSpec } from './support/invocation-rows';

/**
 * GET /api/coldstarts when some cold starts have no duration: a SnapStart restore whose
 * platform.report carried no restoreDurationMs, an on-demand cold start known only from a span's
 * faas.coldstart. They are counted, but a mean duration is taken over the starts that measured one.
 */
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
const java = `${ACCOUNT}~java-untimed`;
const node = `${ACCOUNT}~node-untimed`;

function rows(nowMs: number): InvocationRowSpec[] {
  const at = (i: number) => nowMs - 30 * 60_000 + i * 1000;
  const out: InvocationRowSpec[] = [];
  // java-untimed: 10 invocations; one restore of 400 ms and one without a Restore Duration.
  for (let i = 0; i < 10; i++) {
    out.push({
      functionId: java,
      startTimeMs: at(i),
      durationMs: 30,
      memorySizeMb: 1024,
      coldStart: i < 2,
      initType: i < 2 ? 'snap-start' : '',
      restoreDurationMs: i === 0 ? 400 : 0,
    });
  }
  // node-untimed: 10 invocations; one on-demand cold start of 300 ms and one without an Init
  // Duration (a span's faas.coldstart; counted from the same source as the rest of the minute).
  for (let i = 0; i < 10; i++) {
    out.push({
      functionId: node,
      startTimeMs: at(i),
      durationMs: 50,
      memorySizeMb: 512,
      coldStart: i < 2,
      initType: i < 2 ? 'on-demand' : '',
      initDurationMs: i === 0 ? 300 : 0,
    });
  }
  return out;
}

describe('GET /api/coldstarts with untimed cold starts', () => {
  let fleetscope: RunningFleetscope;

  const groups = async (query: string) => {
    const response = await fetch(`${fleetscope.apiUrl}/api/coldstarts?${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ColdStartReport;
    return new Map(body.groups.map((g) => [g.key, g]));
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await insertInvocations(fleetscope.clickhouse.client, rows(Date.now()));
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('takes the mean Restore Duration over the restores that reported one', async () => {
    const j = (await groups('groupBy=function')).get(java)!;
    expect(j.snapStart).toMatchObject({ restores: 2, latencyAddedMs: 400 });
    expect(j.snapStart.restoreDurationMs.mean).toBeCloseTo(400, 6);
    // The log-scale sketch is exact to its bucket (≈ 9 %); the untimed restore is not in it.
    expect(j.snapStart.restoreDurationMs.p50).toBeGreaterThan(365);
    expect(j.snapStart.restoreDurationMs.p50).toBeLessThan(440);
  });

  it('takes the mean Init Duration over the on-demand cold starts that reported one', async () => {
    const n = (await groups('groupBy=function')).get(node)!;
    expect(n.onDemand).toMatchObject({ coldStarts: 2, latencyAddedMs: 300 });
    expect(n.onDemand.initDurationMs.mean).toBeCloseTo(300, 6);
    expect(n.onDemand.initDurationMs.p50).toBeGreaterThan(270);
    expect(n.onDemand.initDurationMs.p50).toBeLessThan(330);
  });

  it('keeps the timed means when grouped by init type', async () => {
    const byType = await groups('groupBy=initType');
    expect(byType.get('snap-start')!.snapStart.restoreDurationMs.mean).toBeCloseTo(400, 6);
    expect(byType.get('on-demand')!.onDemand.initDurationMs.mean).toBeCloseTo(300, 6);
  });
});
