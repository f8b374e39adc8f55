import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { ColdStartExtrasRow, ColdStartRow, FunctionConfig } from '@fleetscope/storage';
import { NO_INVOCATIONS_REASON, groupColdStarts } from './cold-start.grouping';

const A = 'aws_lambda~1~us-east-1~a';
const K = 'knative~shop~cluster~b';
const AT = new Date('2026-01-15T00:00:00Z');
const pricing = new PricingService(defaultCatalogue);

function row(overrides: Partial<ColdStartRow>): ColdStartRow {
  return {
    key: '',
    functionId: A,
    memorySizeMb: 1024,
    version: '1',
    stretch: 0,
    invocations: 100,
    coldStarts: 0,
    unknownStarts: 0,
    provisionedInits: 0,
    restores: 0,
    initDurationSumMs: 0,
    initBuckets: { indexes: [], counts: [] },
    restoreDurationSumMs: 0,
    billedRestoreSumMs: 0,
    ...overrides,
  };
}

const configs = new Map<string, FunctionConfig>([
  [A, { runtime: 'nodejs22.x', architecture: 'x86_64', packageType: 'Zip' } as FunctionConfig],
]);

describe(groupColdStarts.name, () => {
  const rows = [
    row({
      key: '9',
      coldStarts: 6,
      restores: 2,
      initDurationSumMs: 1000,
      initBuckets: { indexes: [61], counts: [4] },
      restoreDurationSumMs: 300,
      provisionedInits: 3,
    }),
    row({
      key: '10',
      memorySizeMb: 2048,
      version: '2',
      invocations: 50,
      coldStarts: 5,
      initDurationSumMs: 1000,
      initBuckets: { indexes: [61], counts: [5] },
    }),
    row({ key: '9', functionId: K, memorySizeMb: 0, invocations: 20, coldStarts: 4 }),
  ];
  const extras: ColdStartExtrasRow[] = [
    {
      key: '9',
      functionId: A,
      version: '1',
      memorySizeMb: 1024,
      stretch: 0,
      proactiveInits: 2,
      timedProactiveInits: 2,
      proactiveInitSumMs: 500,
      restores: 2,
      restoreSumMs: 300,
      restoreBuckets: { 57: 2 },
    },
  ];

  it('keeps on-demand, SnapStart, provisioned-concurrency and proactive inits apart', () => {
    const report = groupColdStarts(rows, extras, configs, 'function', AT, pricing);
    const a = report.groups.find((g) => g.key === A)!;
    expect(a).toMatchObject({
      invocations: 150,
      coldStarts: 11,
      latencyAddedMs: 2300,
      onDemand: { coldStarts: 9, latencyAddedMs: 2000 },
      snapStart: { restores: 2, latencyAddedMs: 300 },
      provisionedConcurrency: { inits: 3 },
      proactive: { inits: 2, meanInitMs: 250 },
    });
    expect(a.coldStartRate).toBeCloseTo(11 / 150, 12);
    expect(a.snapStart.restoreDurationMs.mean).toBe(150);
    expect(a.snapStart.restoreDurationMs.p50).not.toBeNull();
    expect(a.onDemand.costUsd).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ invocations: 170, coldStarts: 15, functions: 2 });
  });

  it('gives a known $0 to an init-type group without cold starts whose rows were priced, as other groupings do', () => {
    const report = groupColdStarts(
      [row({ key: '9', invocations: 11, coldStarts: 0, provisionedInits: 2 })],
      [],
      configs,
      'initType',
      AT,
      pricing,
    );
    const pc = report.groups.find((g) => g.key === 'provisioned-concurrency')!;
    expect(pc).toMatchObject({ coldStarts: 0, costUsd: 0 });
  });

  it('prices INIT per row with its own memory size, and leaves other platforms unpriced', () => {
    const report = groupColdStarts(rows, [], configs, 'function', AT, pricing);
    const a = report.groups.find((g) => g.key === A)!;
    const x86 = defaultCatalogue.find('aws.lambda.duration.x86_64', AT, 'us-east-1')!;
    const firstTier = x86.tiers?.[0]?.usdPerUnit ?? x86.usdPerUnit;
    expect(a.onDemand.costUsd).toBeCloseTo((1 * 1 + 1 * 2) * firstTier, 12);
    expect(report.groups.find((g) => g.key === K)!.costUsd).toBeNull();
    expect(report.priceIds.length).toBeGreaterThan(0);
  });

  it('leaves the latency and INIT cost of cold starts without an Init Duration unknown, unless INIT is not billed', () => {
    const untimed = [row({ coldStarts: 3 })];
    const group = (at: Date) =>
      groupColdStarts(untimed, [], configs, 'function', at, pricing).groups[0];
    expect(group(AT)).toMatchObject({
      coldStarts: 3,
      coldStartsWithInit: 0,
      latencyAddedMs: null,
      costUsd: null,
      onDemand: { coldStartsWithInit: 0, latencyAddedMs: null, costUsd: null },
    });
    // Managed ZIP runtimes' INIT was not billed before 2025-08-01: 0 whatever it lasted.
    expect(group(new Date('2025-07-01T00:00:00Z'))).toMatchObject({
      latencyAddedMs: null,
      costUsd: 0,
    });
  });

  it('defect (an unknown cost plus a known 0 read $0): a row without cold starts leaves an untimed cold start unpriced, and the timed ones are priced alone', () => {
    const hour = (rows: ColdStartRow[]) =>
      groupColdStarts(rows, [], configs, 'function', AT, pricing).groups[0];
    const untimed = row({ coldStarts: 2 });
    const quiet = row({ version: '2', coldStarts: 0 });
    for (const rows of [
      [untimed, quiet],
      [quiet, untimed],
    ])
      expect(hour(rows)).toMatchObject({
        costUsd: null,
        onDemand: { coldStarts: 2, coldStartsWithInit: 0, costUsd: null },
      });
    const timed = row({
      version: '3',
      coldStarts: 1,
      initDurationSumMs: 1000,
      initBuckets: { indexes: [61], counts: [1] },
    });
    const alone = hour([timed]).onDemand.costUsd!;
    expect(alone).toBeGreaterThan(0);
    expect(hour([untimed, quiet, timed]).onDemand).toMatchObject({
      coldStarts: 3,
      coldStartsWithInit: 1,
      costUsd: alone,
    });
    // Known to have had no cold start: nothing, known; not known whether they did: unknown.
    expect(hour([quiet])).toMatchObject({ costUsd: 0, latencyAddedMs: 0 });
    expect(hour([row({ unknownStarts: 100 })])).toMatchObject({
      costUsd: null,
      latencyAddedMs: null,
    });
  });

  it('defect (the proactive mean divided by inits without a duration): one proactive init of 800 ms and three untimed ones mean 800 ms, not 200', () => {
    const B = 'aws_lambda~1~us-east-1~b';
    const proactive = (functionId: string, inits: number, timed: number, sumMs: number) => ({
      key: '',
      functionId,
      version: '1',
      memorySizeMb: 1024,
      stretch: 0,
      proactiveInits: inits,
      timedProactiveInits: timed,
      proactiveInitSumMs: sumMs,
      restores: 0,
      restoreSumMs: 0,
      restoreBuckets: {},
    });
    const both = new Map([...configs, [B, configs.get(A)!]]);
    const report = groupColdStarts(
      [row({}), row({ functionId: B })],
      [proactive(A, 1, 1, 800), proactive(B, 3, 0, 0)],
      both,
      'runtime',
      AT,
      pricing,
    );
    expect(report.groups[0].proactive).toEqual({ inits: 4, meanInitMs: 800 });
  });

  it('prices each call with the inventory it is given, and each row at its own memory size', () => {
    const only = [row({ coldStarts: 2, initDurationSumMs: 1000, memorySizeMb: 0 })];
    const onDemandUsd = (inventory: ReadonlyMap<string, FunctionConfig>, memorySizeMb = 0) =>
      groupColdStarts([{ ...only[0], memorySizeMb }], [], inventory, 'function', AT, pricing)
        .groups[0].onDemand.costUsd;
    const x86 = new Map([[A, { ...configs.get(A)!, memoryMb: 1024 }]]);
    const arm = new Map([[A, { ...configs.get(A)!, memoryMb: 1024, architecture: 'arm64' }]]);
    const [x86Usd, armUsd] = [onDemandUsd(x86), onDemandUsd(arm)];
    expect(armUsd).toBeLessThan(x86Usd!);
    // The same inventory again, then a row that ran at twice the inventory's size.
    expect(onDemandUsd(x86)).toBe(x86Usd);
    expect(onDemandUsd(x86, 2048)).toBeCloseTo(2 * x86Usd!, 12);
    expect(onDemandUsd(x86)).toBe(x86Usd);
    expect(onDemandUsd(arm)).toBe(armUsd);
    // Without a memory size anywhere, nothing is priced.
    expect(onDemandUsd(new Map([[A, configs.get(A)!]]))).toBeNull();
  });

  it('splits every row by initType and sorts hours numerically', () => {
    const byInit = groupColdStarts(rows, extras, configs, 'initType', AT, pricing);
    expect(byInit.groups.map((g) => [g.key, g.coldStarts])).toEqual([
      ['on-demand', 13],
      ['snap-start', 2],
      ['provisioned-concurrency', 0],
      ['proactive', 0],
    ]);
    expect(byInit.groups[2].provisionedConcurrency.inits).toBe(3);
    expect(byInit.groups[3].proactive.inits).toBe(2);

    const byHour = groupColdStarts(rows, extras, configs, 'hour', AT, pricing);
    expect(byHour.groups.map((g) => g.key)).toEqual(['9', '10']);
  });

  it('orders groups with as many cold starts as each other by localeCompare of their keys', () => {
    // Keys whose code-unit order differs from the locale's: case, accents, punctuation, digits.
    const ids = ['b', 'B', 'a', 'é', 'e', 'a-2', 'a~1', 'a_1', 'A10', 'a9', 'Z'].map(
      (name) => `aws_lambda~1~us-east-1~${name}`,
    );
    const tied = ids.map((functionId) => row({ functionId, coldStarts: 3 }));
    const report = groupColdStarts(
      [row({ functionId: ids[0], coldStarts: 4 }), ...tied.slice(1)],
      [],
      configs,
      'function',
      AT,
      pricing,
    );
    const rest = ids.slice(1).sort((a, b) => a.localeCompare(b));
    expect(report.groups.map((g) => g.key)).toEqual([ids[0], ...rest]);
  });

  it('groups by inventory runtime and the memory size of the records', () => {
    const byRuntime = groupColdStarts(rows, [], configs, 'runtime', AT, pricing);
    expect(byRuntime.groups.map((g) => [g.key, g.coldStarts])).toEqual([
      ['nodejs22.x', 11],
      ['unknown', 4],
    ]);
    const byMemory = groupColdStarts(rows, [], configs, 'memory', AT, pricing);
    expect(byMemory.groups.map((g) => g.key).sort()).toEqual(['1024', '2048', 'unknown']);
  });

  it('counts in each init type only the rows that had such inits, their functions and invocations', () => {
    const S = 'aws_lambda~1~us-east-1~snap';
    const byInit = groupColdStarts(
      [row({ coldStarts: 4 }), row({ functionId: S, invocations: 50, coldStarts: 5, restores: 5 })],
      [],
      configs,
      'initType',
      AT,
      pricing,
    );
    const groups = Object.fromEntries(byInit.groups.map((g) => [g.key, g]));
    expect(groups['on-demand']).toMatchObject({ functions: 1, invocations: 100, coldStarts: 4 });
    expect(groups['on-demand'].coldStartRate).toBeCloseTo(0.04, 12);
    expect(groups['snap-start']).toMatchObject({ functions: 1, invocations: 50, coldStarts: 5 });
    expect(groups['snap-start'].snapStart.rate).toBeCloseTo(0.1, 12);
    for (const none of ['provisioned-concurrency', 'proactive']) {
      expect(groups[none]).toMatchObject({
        functions: 0,
        invocations: 0,
        coldStartRate: null,
        coldStartRateReason: NO_INVOCATIONS_REASON,
      });
    }
    expect(byInit.totals).toMatchObject({ functions: 2, invocations: 150, coldStarts: 9 });
  });

  it('groups and prices each row at the settings in force over its stretch', () => {
    const inForce = new Map([
      [
        A,
        [
          { architecture: 'x86_64', memoryMb: null, runtime: 'nodejs20.x' },
          { architecture: 'arm64', memoryMb: null, runtime: 'nodejs22.x' },
        ],
      ],
    ]);
    const cold = { coldStarts: 1, initDurationSumMs: 1000 };
    const rows = [row({ ...cold }), row({ ...cold, stretch: 1 })];
    const by = (groupBy: 'architecture' | 'runtime') =>
      groupColdStarts(rows, [], configs, groupBy, AT, pricing, inForce).groups.map((g) => [
        g.key,
        g.coldStarts,
        g.costUsd,
      ]);
    const price = (id: string) => {
      const p = defaultCatalogue.find(id, AT, 'us-east-1')!;
      return p.tiers?.[0]?.usdPerUnit ?? p.usdPerUnit;
    };
    // 1 s of INIT at 1 GB on each architecture.
    const x86 = price('aws.lambda.duration.x86_64');
    const arm = price('aws.lambda.duration.arm64');
    expect(by('architecture')).toEqual([
      ['arm64', 1, expect.closeTo(arm, 15)],
      ['x86_64', 1, expect.closeTo(x86, 15)],
    ]);
    expect(by('runtime').map(([key]) => key)).toEqual(['nodejs20.x', 'nodejs22.x']);
  });

  it('gives no rate over no invocations', () => {
    const empty = groupColdStarts([], [], configs, 'function', AT, pricing);
    expect(empty.groups).toEqual([]);
    expect(empty.totals).toMatchObject({
      coldStartRate: null,
      coldStartRateReason: NO_INVOCATIONS_REASON,
      onDemand: { rate: null },
      snapStart: { rate: null },
    });
  });
});
