import type { ColdStartGroupReport, ColdStartReport } from '@fleetscope/analysis-jobs';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { insertInvocations, type InvocationRowSpec } from './support/invocation-rows';

/**
 * GET /api/coldstarts over invocation rows with a known truth: on-demand cold starts, SnapStart
 * restores (Java, not billed; Python, billed), provisioned-concurrency and proactive inits.
 */
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
const node = `${ACCOUNT}~node-api`;
const java = `${ACCOUNT}~java-orders`;
const python = `${ACCOUNT}~python-report`;
/** us-east-1 x86_64 first-tier GB-second price (docs/decisions.md "Billing rules"). */
const X86_GB_SECOND_USD = 0.0000166667;

function rows(nowMs: number): InvocationRowSpec[] {
  const at = (i: number) => nowMs - 30 * 60_000 + i * 1000;
  const out: InvocationRowSpec[] = [];
  // node-api: 100 invocations at 512 MB; 10 on-demand cold starts of 200 ms; 2 provisioned-
  // concurrency inits and 3 proactive inits (neither is a cold start).
  for (let i = 0; i < 100; i++) {
    const kind = i < 10 ? 'cold' : i < 12 ? 'pc' : i < 15 ? 'proactive' : 'warm';
    out.push({
      functionId: node,
      startTimeMs: at(i),
      durationMs: 50,
      memorySizeMb: 512,
      version: '3',
      coldStart: kind === 'cold',
      initType:
        kind === 'cold'
          ? 'on-demand'
          : kind === 'pc'
            ? 'provisioned-concurrency'
            : kind === 'proactive'
              ? 'proactive'
              : '',
      initDurationMs: kind === 'cold' ? 200 : kind === 'pc' ? 300 : kind === 'proactive' ? 250 : 0,
    });
  }
  // java-orders: 50 invocations at 1,024 MB arm64; 5 SnapStart restores of 150 ms (Java restores
  // are not billed, so no Billed Restore Duration).
  for (let i = 0; i < 50; i++) {
    out.push({
      functionId: java,
      startTimeMs: at(i),
      durationMs: 30,
      memorySizeMb: 1024,
      version: '7',
      coldStart: i < 5,
      initType: i < 5 ? 'snap-start' : '',
      restoreDurationMs: i < 5 ? 150 : 0,
    });
  }
  // python-report: 40 invocations at 2,048 MB; 4 on-demand cold starts of 500 ms and 4 SnapStart
  // restores of 120 ms with a Billed Restore Duration.
  for (let i = 0; i < 40; i++) {
    const cold = i < 4;
    const restore = i >= 4 && i < 8;
    out.push({
      functionId: python,
      startTimeMs: at(i),
      durationMs: 400,
      memorySizeMb: 2048,
      version: '1',
      coldStart: cold || restore,
      initType: cold ? 'on-demand' : restore ? 'snap-start' : '',
      initDurationMs: cold ? 500 : 0,
      restoreDurationMs: restore ? 120 : 0,
      billedRestoreMs: restore ? 120 : 0,
    });
  }
  return out;
}

describe('GET /api/coldstarts', () => {
  let fleetscope: RunningFleetscope;

  const get = async (query: string) => {
    const response = await fetch(`${fleetscope.apiUrl}/api/coldstarts?${query}`);
    return {
      status: response.status,
      body: (await response.json()) as ColdStartReport & { message?: string },
    };
  };
  /** Groups by key; a missing key fails the test at the lookup. */
  const byKey = (groups: ColdStartGroupReport[]) => {
    const map = new Map(groups.map((g) => [g.key, g]));
    return { keys: () => map.keys(), get: (key: string) => map.get(key)! };
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await insertInvocations(fleetscope.clickhouse.client, rows(Date.now()));
    const configs: [string, Record<string, unknown>][] = [
      [node, { runtime: 'nodejs22.x', architecture: 'x86_64', packageType: 'Zip', memoryMb: 512 }],
      [java, { runtime: 'java21', architecture: 'arm64', packageType: 'Zip', memoryMb: 1024 }],
      [
        python,
        { runtime: 'python3.12', architecture: 'x86_64', packageType: 'Zip', memoryMb: 2048 },
      ],
    ];
    for (const [id, body] of configs) {
      const response = await fetch(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}/config`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
      expect(response.status).toBe(200);
    }
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('counts cold starts per function with rates, init percentiles, latency and INIT cost', async () => {
    const { status, body } = await get('groupBy=function');
    expect(status).toBe(200);
    expect(body.groupBy).toBe('function');
    const groups = byKey(body.groups);

    const n = groups.get(node);
    expect(n).toMatchObject({
      invocations: 100,
      coldStarts: 10,
      coldStartRate: 0.1,
      latencyAddedMs: 2000,
    });
    expect(n.onDemand).toMatchObject({ coldStarts: 10, rate: 0.1, latencyAddedMs: 2000 });
    expect(n.onDemand.initDurationMs.mean).toBeCloseTo(200, 6);
    // The log-scale sketch is exact to its bucket (≈ 9 %).
    expect(n.onDemand.initDurationMs.p50).toBeGreaterThan(180);
    expect(n.onDemand.initDurationMs.p99).toBeLessThan(220);
    // Managed ZIP runtimes pay for INIT from 2025-08-01: 10 × 0.2 s × 0.5 GB.
    expect(n.onDemand.costUsd).toBeCloseTo(10 * 0.2 * 0.5 * X86_GB_SECOND_USD, 10);
    // Provisioned-concurrency and proactive inits are counted apart, never as cold starts.
    expect(n.provisionedConcurrency).toEqual({ inits: 2 });
    expect(n.proactive).toEqual({ inits: 3, meanInitMs: 250 });

    const j = groups.get(java);
    expect(j).toMatchObject({
      invocations: 50,
      coldStarts: 5,
      coldStartRate: 0.1,
      latencyAddedMs: 750,
    });
    expect(j.onDemand.coldStarts).toBe(0);
    expect(j.snapStart).toMatchObject({ restores: 5, rate: 0.1, latencyAddedMs: 750, costUsd: 0 });
    expect(j.snapStart.restoreDurationMs.mean).toBeCloseTo(150, 6);
    expect(j.snapStart.restoreDurationMs.p50).toBeGreaterThan(135);
    expect(j.snapStart.restoreDurationMs.p50).toBeLessThan(165);

    const p = groups.get(python);
    expect(p).toMatchObject({ invocations: 40, coldStarts: 8 });
    expect(p.onDemand.coldStarts).toBe(4);
    expect(p.snapStart.restores).toBe(4);
    expect(p.snapStart.costUsd).toBeGreaterThan(0);
    expect(body.catalogueVersion).toEqual(expect.stringContaining('fleetscope-prices'));
    expect(body.totals).toMatchObject({ invocations: 190, coldStarts: 23 });
  });

  it('keeps on-demand, SnapStart, provisioned-concurrency and proactive inits apart by initType', async () => {
    const { body } = await get('groupBy=initType');
    const groups = byKey(body.groups);
    expect([...groups.keys()]).toEqual([
      'on-demand',
      'snap-start',
      'provisioned-concurrency',
      'proactive',
    ]);
    expect(groups.get('on-demand').onDemand.coldStarts).toBe(14);
    expect(groups.get('on-demand').snapStart.restores).toBe(0);
    expect(groups.get('snap-start').snapStart.restores).toBe(9);
    expect(groups.get('snap-start').onDemand.coldStarts).toBe(0);
    expect(groups.get('provisioned-concurrency').provisionedConcurrency.inits).toBe(2);
    expect(groups.get('provisioned-concurrency').coldStarts).toBe(0);
    expect(groups.get('proactive').proactive.inits).toBe(3);
    expect(groups.get('proactive').coldStarts).toBe(0);
  });

  it('groups by runtime, memory, architecture and version from the inventory and the records', async () => {
    const runtime = byKey((await get('groupBy=runtime')).body.groups);
    expect([...runtime.keys()].sort()).toEqual(['java21', 'nodejs22.x', 'python3.12']);
    expect(runtime.get('python3.12').coldStarts).toBe(8);

    const memory = byKey((await get('groupBy=memory')).body.groups);
    expect(memory.get('512').coldStarts).toBe(10);
    expect(memory.get('1024').coldStarts).toBe(5);
    expect(memory.get('2048').coldStarts).toBe(8);

    const architecture = byKey((await get('groupBy=architecture')).body.groups);
    expect(architecture.get('x86_64')).toMatchObject({ functions: 2, coldStarts: 18 });
    expect(architecture.get('arm64')).toMatchObject({ functions: 1, coldStarts: 5 });

    const version = byKey((await get('groupBy=version')).body.groups);
    expect(version.get(`${java}:7`).labels).toEqual({ functionId: java, version: '7' });
  });

  it('groups by UTC hour of day, adding up to the same totals', async () => {
    const { body } = await get('groupBy=hour');
    const total = body.groups.reduce((s, g) => s + g.coldStarts, 0);
    expect(total).toBe(23);
    for (const g of body.groups) expect(Number(g.key)).toBeGreaterThanOrEqual(0);
  });

  it('answers 400 for an unknown groupBy and a bad range', async () => {
    const bad = await get('groupBy=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('initType');
    expect((await get('from=yesterday')).status).toBe(400);
  });
});
