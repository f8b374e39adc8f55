import { groupColdStarts, reportFunction } from '@fleetscope/analysis-jobs';
import {
  POD_RESOURCES_UNKNOWN,
  PriceCatalogue,
  PricingService,
  defaultCatalogue,
} from '@fleetscope/pricing';
import type { DailyUsage, SettingsSegment } from '@fleetscope/reports';
import type { ColdStartRow, DayBilled, FunctionConfig, FunctionTotals } from '@fleetscope/storage';
import {
  beforeTheRange,
  firstDayReadWhole,
  lambdaDaysCost,
  partDayNote,
  podsCost,
  summarise,
} from './fleet.service';

const ID = 'aws_lambda~123456789012~us-east-1~snap';
const AT = new Date('2026-01-15T00:00:00Z');
const pricing = new PricingService(defaultCatalogue);
const RANGE = { fromMs: AT.getTime() - 3_600_000, toMs: AT.getTime() };

function totals(restores: number, billedRestoreSumMs: number): FunctionTotals {
  return {
    functionId: ID,
    version: '3',
    invocations: 10,
    errors: 0,
    timeouts: 0,
    coldStarts: restores,
    unknownStarts: 0,
    provisionedInits: 0,
    restores,
    durationSumMs: 1000,
    durationMaxMs: 200,
    durationBuckets: { indexes: [], counts: [] },
    initBuckets: { indexes: [], counts: [] },
    initDurationSumMs: 0,
    billedRestoreSumMs,
    maxMemoryUsedMb: 0,
    billedMbMs: 1000 * 1024,
    billedMsKnownMemory: 1000,
    billedMsUnknownMemory: 0,
    unbilledInitMs: 0,
    lastMemorySizeMb: 1024,
  };
}

function coldStartRow(restores: number, billedRestoreSumMs: number): ColdStartRow {
  return {
    key: ID,
    functionId: ID,
    memorySizeMb: 1024,
    version: '3',
    stretch: 0,
    invocations: 10,
    coldStarts: 0,
    unknownStarts: 0,
    provisionedInits: 0,
    restores,
    initDurationSumMs: 0,
    initBuckets: { indexes: [], counts: [] },
    restoreDurationSumMs: 2 * billedRestoreSumMs,
    billedRestoreSumMs,
  };
}

const configOf = (runtime: string) =>
  ({ functionId: ID, runtime, architecture: 'x86_64', memoryMb: 1024 }) as FunctionConfig;

describe(summarise.name, () => {
  // AWS bills the Billed Restore Duration as duration for every runtime; the per-GB restore fee
  // (and the snapshot cache) only for Python and .NET; Java has no extra charge (docs/decisions.md).
  it.each([
    ['java21', 2, 240],
    ['python3.12', 2, 240],
    ['dotnet8', 3, 0],
  ])(
    'prices the SnapStart restores of a %s function as the cold-start report does',
    (runtime, restores, billedRestoreMs) => {
      const config = configOf(runtime);
      const withRestores = summarise(totals(restores, billedRestoreMs), config, RANGE, pricing);
      const without = summarise(totals(0, 0), config, RANGE, pricing);
      const report = groupColdStarts(
        [coldStartRow(restores, billedRestoreMs)],
        [],
        new Map([[ID, config]]),
        'function',
        new Date(RANGE.toMs),
        pricing,
      );
      const fleetRestoreUsd = withRestores.costUsd! - without.costUsd!;
      expect(report.totals.snapStart.costUsd).toBeCloseTo(fleetRestoreUsd, 5);
    },
  );
});

describe(podsCost.name, () => {
  const pod = { vcpu: 1, memoryMb: 1024 };
  // podDaysOf's days: 12 h and 1 h of one pod.
  const days = [
    { dayStartMs: AT.getTime() - 86_400_000, podSeconds: 43_200 },
    { dayStartMs: AT.getTime(), podSeconds: 3_600 },
  ];
  const nodePriced = new PricingService(
    defaultCatalogue.withKubernetesNodePrice({ vcpuHourUsd: 0.04, gibHourUsd: 0.005 }),
  );

  it("adds up each day's pod-seconds at the node price", () => {
    // 12 h + 1 h of one pod at $0.045 an hour.
    expect(podsCost(pod, days, 'prod', nodePriced)).toEqual({
      costUsd: expect.closeTo(13 * 0.045, 12),
      costUsdReason: null,
      pricing: {
        catalogueVersion: nodePriced.catalogueVersion,
        priceIds: ['k8s.node.vcpu@k8s-0.04-0.005', 'k8s.node.memory@k8s-0.04-0.005'],
      },
    });
  });

  it("leaves the cost unknown, and says why, without the pods' requests", () => {
    expect(podsCost(null, days, 'prod', nodePriced)).toEqual({
      costUsd: null,
      costUsdReason: POD_RESOURCES_UNKNOWN,
      pricing: null,
    });
  });

  it('leaves the cost unknown, and says why, without a node price', () => {
    const withoutNode = new PriceCatalogue(
      'no-k8s',
      defaultCatalogue.entries.filter((e) => !e.meter.startsWith('k8s.')),
    );
    const cost = podsCost(pod, days, 'prod', new PricingService(withoutNode));
    expect(cost.costUsd).toBeNull();
    expect(cost.pricing).toBeNull();
    expect(cost.costUsdReason).toMatch(
      /^Kubernetes node price unknown: no price for k8s\.node\.vcpu in prod/,
    );
  });
});

describe(`${summarise.name}: why a cost is missing`, () => {
  const unsized = { ...totals(0, 0), billedMbMs: 0, billedMsKnownMemory: 0, lastMemorySizeMb: 0 };

  it('names the missing memory size of a Lambda function', () => {
    const summary = summarise(unsized, undefined, RANGE, pricing);
    expect(summary.costUsd).toBeNull();
    expect(summary.costUsdReason).toBe('memory size unknown: not priced');
  });

  it('names a platform without prices', () => {
    const other = { ...unsized, functionId: 'not-a-function-id' };
    expect(summarise(other, undefined, RANGE, pricing).costUsdReason).toBe(
      'platform other has no prices',
    );
  });

  it('has no reason when the cost is known', () => {
    const summary = summarise(totals(0, 0), configOf('python3.12'), RANGE, pricing);
    expect(summary.costUsd).toBeGreaterThan(0);
    expect(summary.costUsdReason).toBeNull();
  });
});

describe(`${summarise.name}: Azure Functions time without a memory size`, () => {
  // 1,000 executions of 250 ms whose spans named no memory, the inventory's size set by hand.
  const azure = {
    ...totals(0, 0),
    functionId: 'azure_functions~sub~westeurope~resize',
    invocations: 1000,
    durationSumMs: 250_000,
    billedMbMs: 0,
    billedMsKnownMemory: 0,
    billedMsUnknownMemory: 250_000,
    lastMemorySizeMb: 0,
  };
  const at = (memoryMb: number) => summarise(azure, { ...configOf(''), memoryMb }, RANGE, pricing);

  it('defect: 2,048 MB configured billed 500 GB-s above the 1,536 MB Consumption bills at most; it bills 375', () => {
    expect(at(2048).billedGbSeconds).toBeCloseTo(375, 6);
    // 375 GB-s at $0.000016 and 1,000 executions at $0.20 per million.
    expect(at(2048).costUsd).toBeCloseTo(375 * 0.000016 + 1000 * 0.2e-6, 9);
  });

  it('bills 200 MB at the 256 MB step a span of 200 MB is stored at', () => {
    expect(at(200).billedGbSeconds).toBeCloseTo(62.5, 6);
  });
});

describe(`${summarise.name}: prices not sourced for the region`, () => {
  it("defect: a Lambda function in a region without a sourced price was priced at another region's figure with no note; the note says which", () => {
    const jakarta = { ...totals(0, 0), functionId: 'aws_lambda~123456789012~ap-southeast-3~snap' };
    const summary = summarise(jakarta, configOf('python3.12'), RANGE, pricing);
    expect(summary.costUsd).toBeGreaterThan(0);
    expect(summary.costUsdNote).toMatch(/No sourced aws\.lambda\.\S+ price for ap-southeast-3/);
    // A region with its own prices says nothing.
    expect(summarise(totals(0, 0), configOf('python3.12'), RANGE, pricing).costUsdNote).toBeNull();
  });

  it("defect: a function priced by the report's days (SnapStart restores) dropped the note, and left the INIT billed on top of metric time out of its GB-seconds", () => {
    const id = 'aws_lambda~123456789012~ap-southeast-3~snap';
    const config = { ...configOf('python3.12'), functionId: id };
    // FaaS metrics only: 100,000 invocations of 200 ms at 1 GB, 100 cold starts of 500 ms.
    const day: DailyUsage = {
      functionId: id,
      dayStartMs: AT.getTime(),
      sources: ['otel_metrics'],
      invocations: 100_000,
      coldStarts: 100,
      memoryMb: 1024,
      billedDurationMs: 20_000_000,
      initDurationMs: 50_000,
      unbilledInitMs: 50_000,
      provisioned: null,
      snapStart: { restores: 5, billedRestoreMs: 0, cachedSeconds: 86_400 },
      podSeconds: 0,
      minScalePods: null,
    };
    const t = {
      ...totals(5, 0),
      functionId: id,
      invocations: 100_000,
      billedMbMs: 20_000_000 * 1024,
      billedMsKnownMemory: 20_000_000,
      unbilledInitMs: 50_000,
    };
    const summary = summarise(t, config, RANGE, pricing, {
      lambdaDays: { fn: reportFunction(id, config), days: [day], note: null },
    });
    expect(summary.costUsdNote).toMatch(/No sourced aws\.lambda\.\S+ price for ap-southeast-3/);
    // 20,000 GB-s of durations and 50 of INIT, as the stretches' path counts them.
    expect(summary.billedGbSeconds).toBeCloseTo(20_050, 6);
  });
});

describe(`${summarise.name}: settings in force`, () => {
  // us-east-1 first tier: $0.0000166667 a GB-second on x86_64, $0.0000133334 on arm64.
  const price = (architecture: string) => {
    const p = defaultCatalogue.find(`aws.lambda.duration.${architecture}`, AT, 'us-east-1')!;
    return p.tiers?.[0]?.usdPerUnit ?? p.usdPerUnit;
  };
  // 1 s at 1 GB in each stretch, 10 requests in each.
  const stretch = (architecture: string | null) => ({
    billed: { ...totals(0, 0), invocations: 10 },
    inForce: { architecture, memoryMb: null },
  });
  const arm = { ...configOf('nodejs22.x'), architecture: 'arm64' };

  it("prices each stretch at the architecture in force, not at the inventory's", () => {
    const summary = summarise(totals(0, 0), arm, RANGE, pricing, {
      stretches: [stretch('x86_64'), stretch('arm64')],
    });
    expect(summary.billedGbSeconds).toBeCloseTo(2, 12);
    expect(summary.costUsd).toBeCloseTo(price('x86_64') + price('arm64') + 20 * 0.2e-6, 15);
  });

  it("prices a stretch the history knows nothing of at the inventory's architecture", () => {
    const summary = summarise(totals(0, 0), arm, RANGE, pricing, { stretches: [stretch(null)] });
    expect(summary.costUsd).toBeCloseTo(price('arm64') + 10 * 0.2e-6, 15);
  });

  it('gives no cold-start rate without invocations', () => {
    const idle = { ...totals(0, 0), invocations: 0 };
    expect(summarise(idle, arm, RANGE, pricing)).toMatchObject({
      coldStartRate: null,
      coldStartRateReason: expect.any(String),
    });
  });
});

describe(partDayNote.name, () => {
  const DAY_MS = 86_400_000;
  const DAY = AT.getTime();
  const day = (u: Partial<DailyUsage>): DailyUsage => ({
    functionId: ID,
    dayStartMs: DAY,
    sources: ['lambda_telemetry'],
    invocations: 5,
    coldStarts: 0,
    memoryMb: 1024,
    billedDurationMs: 500,
    unbilledInitMs: 0,
    initDurationMs: 0,
    provisioned: null,
    snapStart: null,
    podSeconds: 0,
    ...u,
  });
  const restored = day({ snapStart: { restores: 1, billedRestoreMs: 100, cachedSeconds: 3_600 } });
  const halfDay = { fromMs: DAY, toMs: DAY + DAY_MS / 2 };
  const provisioned = day({
    provisioned: { concurrency: 1, enabledSeconds: 43_200, billedDurationMs: 0 },
  });
  const observedAt = (ms: number): SettingsSegment[] => [
    { fromMs: DAY, toMs: ms, architecture: null, memoryMb: null, provisionedConcurrency: null },
    {
      fromMs: ms,
      toMs: DAY + DAY_MS,
      architecture: null,
      memoryMb: null,
      provisionedConcurrency: 1,
    },
  ];

  it('says nothing over whole UTC days', () => {
    const whole = { fromMs: DAY, toMs: DAY + DAY_MS };
    expect(partDayNote([restored, provisioned], whole, 'python3.12', undefined)).toBeNull();
  });

  it('says the snapshot cache counts for the part of a day in the range, where it is charged', () => {
    expect(partDayNote([restored], halfDay, 'python3.12', undefined)).toMatch(
      /SnapStart snapshot cache .* part of that day in the range/,
    );
    expect(partDayNote([restored], halfDay, 'java21', undefined)).toBeNull();
  });

  it('says so of provisioned concurrency only before the history observed a level', () => {
    expect(partDayNote([provisioned], halfDay, 'nodejs22.x', undefined)).toMatch(
      /provisioned concurrency the settings history had not observed yet/,
    );
    expect(partDayNote([provisioned], halfDay, 'nodejs22.x', observedAt(DAY))).toBeNull();
    expect(
      partDayNote([provisioned], halfDay, 'nodejs22.x', observedAt(DAY + 3_600_000)),
    ).not.toBeNull();
  });

  it('says that now cuts the day, not the range, when whole days run past now', () => {
    // A review: whole days from midnight to midnight next week read "The range starts or ends
    // within a UTC day".
    const week = { fromMs: DAY, toMs: DAY + 7 * DAY_MS };
    const happened = { fromMs: DAY, toMs: DAY + 12 * 3_600_000 };
    expect(partDayNote([provisioned], happened, 'nodejs22.x', undefined, week)).toMatch(
      /^The range runs past now, and today's UTC day has not ended: provisioned concurrency/,
    );
    expect(partDayNote([provisioned], halfDay, 'nodejs22.x', undefined, halfDay)).toMatch(
      /^The range starts or ends within a UTC day: /,
    );
  });
});

describe(lambdaDaysCost.name, () => {
  it("leaves a function the report cannot fully price unpriced, with the report's reason", () => {
    const unsized: DailyUsage = {
      functionId: ID,
      dayStartMs: AT.getTime(),
      sources: ['otel_span'],
      invocations: 10,
      coldStarts: 0,
      memoryMb: 0,
      billedDurationMs: 1000,
      unbilledInitMs: 0,
      initDurationMs: 0,
      provisioned: { concurrency: 1, enabledSeconds: 3_600, billedDurationMs: 1000 },
      snapStart: null,
      podSeconds: 0,
    };
    expect(lambdaDaysCost(reportFunction(ID, undefined), [unsized], pricing)).toEqual({
      costUsd: null,
      costUsdReason: 'memory size unknown: compute not priced',
      pricing: null,
      assumed: [],
      initGbSeconds: 0,
    });
  });
});

describe(beforeTheRange.name, () => {
  const DAY = 86_400_000;
  const start = Date.UTC(2026, 11, 6);
  const day = (functionId: string, dayStartMs: number, billedDurationMs: number): DayBilled => ({
    functionId,
    dayStartMs,
    billedDurationMs,
    billedMbMs: billedDurationMs * 1024,
    unknownMemoryBilledMs: 0,
    initDurationMs: billedDurationMs / 10,
    unbilledInitMs: 0,
    billedRestoreMs: 0,
  });

  const HOUR = 3_600_000;
  /** A 24-hour range from 13:00 on `start`, read the next day at 15:00. */
  const range = { fromMs: start + 13 * HOUR, toMs: start + DAY + 13 * HOUR };
  const now = start + DAY + 15 * HOUR;

  it("takes the range's part of its first day off that day read whole", () => {
    expect(firstDayReadWhole(range, now)).toBe(true);
    const read = [day('a', start - DAY, 100), day('a', start, 0.3), day('b', start, 50)];
    const rangeDays = [day('a', start, 0.1), day('a', start + DAY, 70)];
    const before = beforeTheRange(read, rangeDays, range, now);
    expect(before.map((d) => [d.functionId, d.dayStartMs])).toEqual([
      ['a', start - DAY],
      ['a', start],
      ['b', start],
    ]);
    // 0.3 − 0.1 as each sum is left: within rounding of 0.2, not 0.19999999999999998 apart.
    expect(before[1].billedDurationMs).toBeCloseTo(0.2, 12);
    expect(before[1].billedMbMs).toBeCloseTo(0.2 * 1024, 9);
    expect(before[2]).toBe(read[2]);
  });

  it('drops a day the range holds all of, rounding aside', () => {
    const whole = day('a', start, 0.1 + 0.2);
    const part = day('a', start, 0.3);
    expect(beforeTheRange([whole], [part], range, now)).toEqual([]);
  });

  it('keeps every day read when the first day was not read whole', () => {
    const read = [day('a', start - DAY, 100), day('a', start, 30)];
    const rangeDays = [day('a', start, 10)];
    // The range starts at a day; it ends inside its first day (the 1-hour preset); its first day
    // ended less than an hour ago (its last flushes and late deliveries may still land).
    const unread = [
      { ...range, fromMs: start },
      { fromMs: start + 13 * HOUR, toMs: start + 20 * HOUR },
      range,
    ];
    const nows = [now, now, start + DAY + 10 * 60_000];
    for (const [i, r] of unread.entries()) {
      expect(firstDayReadWhole(r, nows[i])).toBe(false);
      expect(beforeTheRange(read, rangeDays, r, nows[i])).toEqual(read);
    }
  });
});
