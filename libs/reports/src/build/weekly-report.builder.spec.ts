import fc from 'fast-check';
import { decomposeChange, modelledCost, type CostFactors } from './change-decomposition';
import {
  api,
  batch,
  catalogue,
  custom,
  day,
  inputs,
  ksvc,
  pricing,
  usage,
} from '../testing/known-week.inputs';
import { buildWeeklyReport } from './weekly-report.builder';

describe(buildWeeklyReport.name, () => {
  const report = buildWeeklyReport(inputs, pricing);
  const fn = (name: string) => report.functions.find((f) => f.name === name)!;

  it('prices a week of known invocations to the cent (tiers, arm64, PC, INIT before and after 2025-08-01, Knative pods)', () => {
    // api, x86_64 1 GB, first tier $0.0000166667/GB-s, requests $0.20/M:
    //   07-31: 1M requests $0.20 + 100,000 GB-s $1.66667; its 2 s of INIT are not billed (before 08-01)
    //   08-01: 1M requests $0.20 + 100,000 GB-s $1.66667 + INIT 2 GB-s $0.0000333334
    expect(fn('api').breakdown.requests).toBeCloseTo(0.4, 10);
    expect(fn('api').breakdown.compute).toBeCloseTo(3.33334, 10);
    expect(fn('api').breakdown.init).toBeCloseTo(0.0000333334, 12);
    expect(fn('api').costUsd).toBeCloseTo(3.7333733334, 9);
    // batch, arm64 10 GB: the month began with 7.4e9 GB-s, so on 07-30 its 0.2e9 GB-s are
    //   0.1e9 × $0.0000133334 = $1,333.34 (first tier) + 0.1e9 × $0.0000120001 = $1,200.01;
    //   on 08-02 the tiers start again: 0.2e9 × $0.0000133334 = $2,666.68. Requests 2M: $0.40.
    expect(fn('batch').breakdown.compute).toBeCloseTo(2533.35 + 2666.68, 6);
    expect(fn('batch').computeLines.map((l) => [l.usdPerGbSecond, l.gbSeconds])).toEqual([
      [expect.closeTo(0.0000133334, 12), expect.closeTo(0.3e9, 0)],
      [expect.closeTo(0.0000120001, 12), expect.closeTo(0.1e9, 0)],
    ]);
    expect(fn('batch').costUsd).toBeCloseTo(5200.43, 6);
    // Fleet-wide compute by architecture and tier: arm64 at both batch tiers, x86_64 on demand
    // (api 200,000 + custom 497.5 GB-s; billed INIT is its own part) and on provisioned
    // concurrency (warm).
    expect(
      report.computeByTier.map((l) => [l.architecture, l.kind, l.usdPerGbSecond, l.gbSeconds]),
    ).toEqual([
      ['arm64', 'on-demand', expect.closeTo(0.0000133334, 12), expect.closeTo(0.3e9, 0)],
      ['arm64', 'on-demand', expect.closeTo(0.0000120001, 12), expect.closeTo(0.1e9, 0)],
      ['x86_64', 'on-demand', expect.closeTo(0.0000166667, 12), expect.closeTo(200_497.5, 6)],
      ['x86_64', 'provisioned', expect.closeTo(0.0000097222, 12), expect.closeTo(72_000, 6)],
    ]);
    // warm, x86_64 2 GB, provisioned concurrency 2 all of 08-03:
    //   allocated 2 × 2 GB × 86,400 s = 345,600 GB-s × $0.0000041667 = $1.44001152
    //   run on PC 36,000 s × 2 GB = 72,000 GB-s × $0.0000097222 = $0.6999984; requests $0.02
    expect(fn('warm').breakdown.provisionedConcurrency).toBeCloseTo(1.44001152, 10);
    expect(fn('warm').breakdown.compute).toBeCloseTo(0.6999984, 10);
    expect(fn('warm').costUsd).toBeCloseTo(2.16000992, 10);
    // custom, a custom runtime (INIT always billed), 512 MB, 1 GB of ephemeral storage:
    //   995,000 ms of duration = 497.5 GB-s × $0.0000166667 = $0.00829168325
    //   INIT 5,000 ms = 2.5 GB-s → $0.00004166675; requests 10,000 → $0.002
    //   storage: 0.5 GB billable × 1,000 s = 500 GB-s × $0.0000000309 = $0.00001545
    expect(fn('custom').breakdown.init).toBeCloseTo(0.00004166675, 13);
    expect(fn('custom').breakdown.ephemeralStorage).toBeCloseTo(0.00001545, 13);
    expect(fn('custom').costUsd).toBeCloseTo(0.0103488, 10);
    // ksvc, one 0.5 vCPU / 512 MiB pod for 24 h at $0.0336/vCPU-h and $0.0045/GiB-h:
    //   24 × (0.5 × 0.0336 + 0.5 × 0.0045) = $0.4572; the previous week 12 h = $0.2286
    expect(fn('ksvc').breakdown.pods).toBeCloseTo(0.4572, 10);
    expect(fn('ksvc').previousCostUsd).toBeCloseTo(0.2286, 10);

    // 3.7333733334 + 5200.43 + 2.16000992 + 0.0103488 + 0.4572 = 5206.7909320534
    expect(report.totalCostUsd.toFixed(2)).toBe('5206.79');
    expect(report.totalCostUsd).toBeCloseTo(5206.7909320534, 8);
    // api 0.933335 ($0.10 + 50,000 GB-s) + ksvc 0.2286
    expect(report.previousTotalCostUsd).toBeCloseTo(1.161935, 10);
    expect(report.catalogueVersion).toBe(catalogue.version);
    expect(report.currency).toBe('USD');
    expect(report.from).toBe('2025-07-28T00:00:00.000Z');
    expect(report.to).toBe('2025-08-04T00:00:00.000Z');
  });

  it('reports cold starts, idle provisioned concurrency, the month to date and a forecast', () => {
    // 20 cold starts of api (4 s of INIT, $0.0000333334 billed) and 20 of custom (5 s, $0.00004166675)
    expect(report.coldStarts.count).toBe(40);
    expect(report.coldStarts.waitingSeconds).toBeCloseTo(9, 10);
    expect(report.coldStarts.costUsd).toBeCloseTo(0.00007500015, 13);
    // warm used 72,000 of 345,600 allocated GB-s: 20.83 % utilised, the rest of $1.44001152 idle
    const idle = report.idleProvisionedConcurrency[0];
    expect(idle.utilisation).toBeCloseTo(72_000 / 345_600, 12);
    expect(idle.idleUsd).toBeCloseTo(1.44001152 * (1 - 72_000 / 345_600), 10);
    // August so far (08-01 to 08-03): api 1.8667033334 + batch 2666.88 + warm 2.16000992
    expect(report.monthToDate.month).toBe('2025-08');
    expect(report.monthToDate.costUsd).toBeCloseTo(2670.9067132534, 8);
    // 28 days remain after 08-03: + 28 × (5206.7909320534 / 7)
    expect(report.monthToDate.forecastMonthEndUsd).toBeCloseTo(
      2670.9067132534 + 4 * 5206.7909320534,
      7,
    );
    // cost per million: 5206.79… over 4,112,000 invocations
    expect(report.costPerMillionInvocationsUsd).toBeCloseTo((5206.7909320534 / 4_112_000) * 1e6, 6);
  });

  it('explains each mover with parts that add up to its change', () => {
    expect(report.movers.map((m) => m.name)).toEqual(['batch', 'api', 'warm', 'ksvc', 'custom']);
    for (const m of report.movers) {
      const sum = Object.values(m.parts).reduce((s: number, v: number) => s + v, 0);
      expect(sum).toBeCloseTo(m.changeUsd, 9);
    }
    // api: 500k → 2M invocations at ~100 ms; the mean billed duration rose by 0.001 ms (INIT),
    // which over the mean 1.25M invocations at 1 GB costs 0.001 / 1000 × 1.25e6 × $0.0000166667.
    const api = report.movers.find((m) => m.name === 'api')!;
    expect(api.changeUsd).toBeCloseTo(3.7333733334 - 0.933335, 9);
    expect(api.parts.duration).toBeCloseTo(0.0000208334, 10);
    expect(api.parts.invocations).toBeCloseTo(2.8000383334 - 0.0000208334, 9);
    expect(api.parts.memorySize).toBeCloseTo(0, 12);
    expect(api.parts.price).toBeCloseTo(0, 9);
    expect(api.explanation).toMatch(/^mostly invocations/);
    // ksvc's pods are outside the request × GB-second model: its change is all "other".
    const k = report.movers.find((m) => m.name === 'ksvc')!;
    expect(k.parts.other).toBeCloseTo(0.4572 - 0.2286, 10);
  });

  it('reports idle Knative min-scale pods: kept all day, idle in proportion to the time without requests', () => {
    const withMinScale = buildWeeklyReport(
      {
        ...inputs,
        days: inputs.days.map((d) =>
          d.functionId === ksvc.functionId && d.dayStartMs === day('2025-07-28')
            ? { ...d, minScalePods: { pods: 1, busyPodSeconds: 21_600 } }
            : d,
        ),
      },
      pricing,
    );
    // One pod of 0.5 vCPU and 0.5 GiB all day: 24 h × (0.5 × $0.0336 + 0.5 × $0.0045) = $0.4572,
    // with requests in flight for 6 of its 24 hours.
    expect(withMinScale.idleMinScalePods).toEqual([
      {
        functionId: ksvc.functionId,
        name: 'ksvc',
        pods: 1,
        allocatedPodSeconds: 86_400,
        busyPodSeconds: 21_600,
        utilisation: 0.25,
        allocatedUsd: expect.closeTo(0.4572, 12),
        idleUsd: expect.closeTo(0.4572 * 0.75, 12),
      },
    ]);
    // Scaled to zero (the known week): no min-scale pods, nothing idle to report.
    expect(report.idleMinScalePods).toEqual([]);
  });

  it('charges SnapStart restore duration for every runtime, the restore fee and cache for Python only', () => {
    const snap = (name: string, runtime: string) => ({
      ...api,
      functionId: `aws_lambda~111111111111~us-east-1~${name}`,
      name,
      runtime,
    });
    const python = snap('py', 'python3.12');
    const java = snap('jv', 'java21');
    const restoreDay = (fn: typeof python) =>
      usage(fn, '2025-07-29', {
        invocations: 1_000,
        memoryMb: 1024,
        billedDurationMs: 100_000,
        snapStart: { restores: 10, billedRestoreMs: 5_000, cachedSeconds: 86_400 },
      });
    const r = buildWeeklyReport(
      {
        week: '2025-W31',
        generatedAtMs: 0,
        functions: [python, java],
        days: [restoreDay(python), restoreDay(java)],
        recommendations: [],
      },
      pricing,
    );
    const part = (name: string) => r.functions.find((f) => f.name === name)!.breakdown.snapStart;
    // Restore duration 5 s × 1 GB = 5 GB-s × $0.0000166667 = $0.0000833335 (both runtimes);
    // Python also pays 10 restores × 1 GB × $0.0001397998 and 86,400 GB-s of cache × $0.0000015046.
    expect(part('jv')).toBeCloseTo(0.0000833335, 12);
    expect(part('py')).toBeCloseTo(0.0000833335 + 0.001397998 + 0.12999744, 12);
  });

  it('says plainly that a week has no data', () => {
    const empty = buildWeeklyReport({ ...inputs, week: '2025-W40' }, pricing);
    expect(empty.coverage.status).toBe('none');
    expect(empty.coverage.daysWithData).toBe(0);
    expect(empty.coverage.message).toMatch(/^No data for 2025-W40 \(2025-09-29 to 2025-10-05\)/);
    expect(empty.totalCostUsd).toBe(0);
    expect(empty.functions).toEqual([]);
  });

  it('names the days and sources of a partial week', () => {
    expect(report.coverage.status).toBe('complete');
    const partial = buildWeeklyReport(
      { ...inputs, days: inputs.days.filter((d) => d.dayStartMs !== day('2025-08-03')) },
      pricing,
    );
    expect(partial.coverage.status).toBe('partial');
    expect(partial.coverage.missingDays).toEqual(['2025-08-03']);
    expect(partial.coverage.message).toContain('6 of 7 days');
    expect(partial.coverage.days[0].sources).toEqual(['knative_queue_proxy']);
  });

  it('says plainly when the week it is compared with has partial or no data', () => {
    // The known week's inputs hold two days of the week before.
    expect(report.coverage.previousWeek.status).toBe('partial');
    expect(report.coverage.message).toMatch(
      /Partial data for the week before, 2025-W30 \(2025-07-21 to 2025-07-27\): 2 of 7 days have invocation records \(from [a-z_, ]+\); nothing was recorded on 2025-07-23, 2025-07-24, 2025-07-25, 2025-07-26, 2025-07-27\./,
    );
    const withoutPrevious = buildWeeklyReport(
      {
        ...inputs,
        days: inputs.days.filter(
          (d) => d.dayStartMs < day('2025-07-21') || d.dayStartMs >= day('2025-07-28'),
        ),
      },
      pricing,
    );
    expect(withoutPrevious.coverage.previousWeek.status).toBe('none');
    expect(withoutPrevious.coverage.message).toContain(
      'No data for the week before, 2025-W30 (2025-07-21 to 2025-07-27): its figures are zero because nothing was recorded, not because nothing ran.',
    );
  });

  it('totals only the recommendations that can be done together', () => {
    const rec = (kind: string, functionId: string, usd: number) => ({
      kind,
      functionId,
      title: kind,
      reason: '',
      monthlyImpactUsd: usd,
      confidence: 'high',
      confidenceScore: 0.9,
      evidence: {},
      catalogueVersion: catalogue.version,
    });
    const withRecs = buildWeeklyReport(
      {
        ...inputs,
        recommendations: [
          rec('memory', api.functionId, 10),
          rec('provisioned-concurrency', api.functionId, 5),
          rec('containers', api.functionId, 12), // an option: replaces the two above, never added
          { ...rec('memory', batch.functionId, 40), savingUsd: { lowUsd: 30, highUsd: 50 } },
          rec('timeout-risk', custom.functionId, -3), // a fix: costs money
        ],
      },
      pricing,
    );
    // 10 + 5 + 30..50
    expect(withRecs.recommendationsSavingUsd.low).toBeCloseTo(45, 10);
    expect(withRecs.recommendationsSavingUsd.high).toBeCloseTo(65, 10);
    const totalled = withRecs.recommendations.filter((r) => r.inTotal).map((r) => r.kind);
    expect(totalled.sort()).toEqual(['memory', 'memory', 'provisioned-concurrency']);
    expect(withRecs.recommendations.find((r) => r.kind === 'containers')).toMatchObject({
      planRole: 'option',
      inTotal: false,
    });
    expect(withRecs.recommendations.find((r) => r.kind === 'timeout-risk')).toMatchObject({
      planRole: 'fix',
      inTotal: false,
    });
    const batchMemory = withRecs.recommendations.find((r) => r.functionId === batch.functionId)!;
    expect(batchMemory.savingRangeUsd).toEqual({ low: 30, high: 50 });
  });
});

describe(decomposeChange.name, () => {
  const factors = fc.record({
    invocations: fc.integer({ min: 0, max: 10_000_000 }),
    durationMs: fc.double({ min: 1, max: 900_000, noNaN: true }),
    memoryMb: fc.integer({ min: 128, max: 10_240 }),
    architecture: fc.constantFrom('x86_64', 'arm64'),
    prices: fc.record({
      usdPerRequest: fc.double({ min: 0, max: 1e-6, noNaN: true }),
      usdPerGbSecond: fc.record({
        x86_64: fc.double({ min: 1e-6, max: 2e-5, noNaN: true }),
        arm64: fc.double({ min: 1e-6, max: 2e-5, noNaN: true }),
      }),
    }),
  }) as fc.Arbitrary<CostFactors>;

  it('splits any change into parts that add up to it', () => {
    fc.assert(
      fc.property(factors, factors, fc.double({ min: 0, max: 100, noNaN: true }), (a, b, other) => {
        const parts = decomposeChange(a, b, 0, other);
        const change = modelledCost(b) + other - modelledCost(a);
        const sum = Object.values(parts).reduce((s: number, v: number) => s + v, 0);
        expect(Math.abs(sum - change)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(change)));
      }),
    );
  });

  it('gives a change of one factor entirely to that factor', () => {
    const base: CostFactors = {
      invocations: 1_000_000,
      durationMs: 100,
      memoryMb: 1024,
      architecture: 'x86_64',
      prices: {
        usdPerRequest: 2e-7,
        usdPerGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
      },
    };
    const parts = decomposeChange(base, { ...base, architecture: 'arm64' }, 0, 0);
    // 100,000 GB-s × (0.0000133334 − 0.0000166667)
    expect(parts.architecture).toBeCloseTo(-0.33333, 10);
    expect(parts.invocations + parts.duration + parts.memorySize + parts.price).toBe(0);
  });
});
