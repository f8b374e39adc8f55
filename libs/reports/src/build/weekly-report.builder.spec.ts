import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import {
  decomposeChange,
  explainChange,
  modelledCost,
  type CostFactors,
} from './change-decomposition';
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
import { renderFocusCsv } from '../render/focus-csv.renderer';
import type { ReportFunction } from './report-inputs';
import { buildWeeklyReport } from './weekly-report.builder';

describe(buildWeeklyReport.name, () => {
  const report = buildWeeklyReport(inputs, pricing);
  const fn = (name: string) => report.functions.find((f) => f.name === name)!;

  it("defect: a day of REPORT lines and spans billed all its INIT or none by which held more of the time; each row's INIT is billed once, inside a REPORT Billed Duration or on top of a span", () => {
    // 08-02, 1 GB, on-demand INIT billed: 1,000,000 ms billed of which 600,000 by REPORT lines
    // holding 3,000 ms of INIT, 400,000 by spans whose 2,000 ms of INIT no Billed Duration holds.
    const mixed = buildWeeklyReport(
      {
        ...inputs,
        days: [
          ...inputs.days,
          usage(api, '2025-08-02', {
            sources: ['lambda_report', 'otel_span'],
            invocations: 1000,
            memoryMb: 1024,
            billedDurationMs: 1_000_000,
            initDurationMs: 5_000,
            unbilledInitMs: 2_000,
          }),
        ],
      },
      pricing,
    );
    const before = fn('api');
    const after = mixed.functions.find((f) => f.name === 'api')!;
    // INIT 5 GB-s under init; the durations 997 GB-s (the REPORT lines' 3 s of INIT moved out).
    expect(after.breakdown.init - before.breakdown.init).toBeCloseTo(5 * 0.0000166667, 12);
    expect(after.breakdown.compute - before.breakdown.compute).toBeCloseTo(997 * 0.0000166667, 10);
  });

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

  it('forecasts the month from the days of a week in progress that have happened, and every day left after now', () => {
    // Built on Wednesday 2026-11-18 00:00: Monday and Tuesday happened, at the same cost each.
    const days = ['2026-11-16', '2026-11-17'].map((d) =>
      usage(api, d, { invocations: 100_000, memoryMb: 1024, billedDurationMs: 100_000 * 200 }),
    );
    const inProgress = buildWeeklyReport(
      {
        week: '2026-W47',
        functions: [api],
        days,
        coldStarts: [],
        recommendations: [],
        generatedAtMs: day('2026-11-18'),
      },
      pricing,
    );
    const perDay = inProgress.totalCostUsd / 2;
    expect(inProgress.daily[0].costUsd).toBeCloseTo(perDay, 12);
    // 13 days are left in November after Wednesday 00:00, not the 8 after the week's Sunday.
    expect(inProgress.monthToDate.forecastMonthEndUsd).toBeCloseTo(
      inProgress.monthToDate.costUsd + 13 * perDay,
      9,
    );
    expect(inProgress.monthToDate.to).toBe('2026-11-18T00:00:00.000Z');
    expect(inProgress.monthToDate.forecastMethod).toContain('13 days left');
  });

  it('does not call the days of a week in progress that have not come yet missing', () => {
    // Built on Wednesday 2026-11-18 00:00: Monday has data, Tuesday none, Wednesday on to come.
    const inProgress = buildWeeklyReport(
      {
        week: '2026-W47',
        functions: [api],
        days: [usage(api, '2026-11-16', { invocations: 10, memoryMb: 1024, billedDurationMs: 10 })],
        coldStarts: [],
        recommendations: [],
        generatedAtMs: day('2026-11-18'),
      },
      pricing,
    );
    expect(inProgress.coverage.status).toBe('partial');
    expect(inProgress.coverage.missingDays).toEqual(['2026-11-17']);
    expect(inProgress.coverage.message).toMatch(
      /^2026-W47 \(2026-11-16 to 2026-11-22\) is in progress: 1 of its 2 days so far has invocation records \(from lambda_report\); nothing was recorded on 2026-11-17\. The days from 2026-11-18 have not come yet\./,
    );
  });

  it('marks a week built before it has ended as in progress, through the time it was built, and does not call today missing', () => {
    // Built on its last day, Sunday 2025-08-03, at 12:00, before any record of that day came in.
    const sunday = day('2025-08-03');
    const inProgress = buildWeeklyReport(
      {
        ...inputs,
        days: inputs.days.filter((d) => d.dayStartMs < sunday),
        generatedAtMs: sunday + 12 * 3_600_000,
      },
      pricing,
    );
    expect(inProgress.complete).toBe(false);
    expect(inProgress.through).toBe('2025-08-03T12:00:00.000Z');
    expect(inProgress.coverage.status).toBe('partial');
    expect(inProgress.coverage.missingDays).toEqual([]);
    expect(inProgress.coverage.message).toMatch(
      /^2025-W31 \(2025-07-28 to 2025-08-03\) is in progress: 6 of its 7 days so far have invocation records \(from [a-z_, ]+\); 2025-08-03, today, has none yet\./,
    );
    expect(inProgress.coverage.message).not.toContain('nothing was recorded on 2025-08-03');
    // No charge of a week in progress runs past when it was built.
    const ends = inProgress.functions.flatMap((f) => f.lines.map((l) => l.periodEnd));
    expect(ends.every((end) => end <= '2025-08-03T12:00:00.000Z')).toBe(true);
    // Built once the week is over, it is the week's report.
    expect(report.complete).toBe(true);
    expect(report.through).toBe(report.to);
  });

  it('explains a sub-cent change in the money format of the report, not as $0.00', () => {
    // One invocation more of 1 s at 1 GB: $0.0000166667 + $0.0000002.
    const tiny = { ...api, functionId: 'aws_lambda~111111111111~us-east-1~tiny', name: 'tiny' };
    const small = buildWeeklyReport(
      {
        week: '2025-W31',
        generatedAtMs: day('2025-08-04'),
        functions: [tiny],
        days: [
          usage(tiny, '2025-07-22', { invocations: 1, memoryMb: 1024, billedDurationMs: 1000 }),
          usage(tiny, '2025-07-29', { invocations: 2, memoryMb: 1024, billedDurationMs: 2000 }),
        ],
        coldStarts: [],
        recommendations: [],
      },
      pricing,
    );
    expect(small.movers[0].explanation).toBe('mostly invocations (+$0.000017 of +$0.000017)');
  });

  it('leaves compute it cannot price out of the total, says so, and keeps the FOCUS rows adding up to it', () => {
    // Spans without a memory size and nothing in the inventory: 10 requests are priced
    // ($0.000002), their duration is not.
    const nomem = { ...api, functionId: 'aws_lambda~111111111111~us-east-1~nomem', name: 'nomem' };
    const withUnpriced = buildWeeklyReport(
      {
        ...inputs,
        functions: [...inputs.functions, nomem],
        days: [
          ...inputs.days,
          usage(nomem, '2025-07-30', {
            sources: ['otel_span'],
            invocations: 10,
            billedDurationMs: 10_000,
          }),
        ],
      },
      pricing,
    );
    const fn = withUnpriced.functions.find((f) => f.name === 'nomem')!;
    expect(fn.costUsd).toBeCloseTo(0.000002, 12);
    expect(fn.unpriced).toEqual(['memory size unknown: compute not priced']);
    expect(withUnpriced.coverage.unpriced).toEqual([
      { functionId: nomem.functionId, reason: 'memory size unknown: compute not priced' },
    ]);
    const rows = parse<Record<string, string>>(renderFocusCsv(withUnpriced), { columns: true });
    const billed = rows.reduce((s, r) => s + Number(r.BilledCost), 0);
    expect(billed).toBeCloseTo(withUnpriced.totalCostUsd, 9);
    const own = rows.filter((r) => r.ResourceName === 'nomem');
    expect(own.map((r) => [r.x_CostCategory, r.x_UnpricedUsage])).toEqual([
      ['requests', 'memory size unknown: compute not priced'],
    ]);
    expect(
      rows.filter((r) => r.ResourceName !== 'nomem').every((r) => r.x_UnpricedUsage === ''),
    ).toBe(true);
  });

  it('fs-unpriced-groups: a function, platform, account or region none of whose usage could be priced is "not priced" (priced: none), not $0; one partly priced is "part"', () => {
    // An OpenFaaS function whose pods' requests are unknown, both weeks; a Lambda function whose
    // compute has no memory size (its requests are priced).
    const raw: ReportFunction = {
      ...ksvc,
      functionId: 'openfaas~lab~dev~raw',
      name: 'raw',
      platform: 'openfaas',
      account: 'lab',
      region: 'dev',
      pod: null,
    };
    const nomem = { ...api, functionId: 'aws_lambda~111111111111~us-east-1~nomem', name: 'nomem' };
    const withUnpriced = buildWeeklyReport(
      {
        ...inputs,
        functions: [...inputs.functions, raw, nomem],
        days: [
          ...inputs.days,
          usage(raw, '2025-07-22', { sources: ['openfaas_gateway'], invocations: 300 }),
          usage(raw, '2025-07-29', { sources: ['openfaas_gateway'], invocations: 600 }),
          usage(nomem, '2025-07-30', { sources: ['otel_span'], invocations: 10 }),
        ],
      },
      pricing,
    );
    const one = (name: string) => withUnpriced.functions.find((f) => f.name === name)!;
    expect(one('raw')).toMatchObject({
      costUsd: 0,
      priced: 'none',
      previousPriced: 'none',
      costPerMillionInvocationsUsd: null,
    });
    expect(one('nomem')).toMatchObject({ priced: 'part', previousPriced: 'all' });
    expect(one('api')).toMatchObject({ priced: 'all', previousPriced: 'all' });

    const group = (groups: typeof withUnpriced.byPlatform, key: string) =>
      groups.find((g) => g.key === key)!;
    for (const g of [
      group(withUnpriced.byPlatform, 'openfaas'),
      group(withUnpriced.byAccount, 'lab'),
      group(withUnpriced.byRegion, 'dev'),
    ]) {
      expect(g).toMatchObject({ costUsd: 0, invocations: 600, priced: 'none' });
      expect(g.previousPriced).toBe('none');
    }
    expect(group(withUnpriced.byPlatform, 'aws_lambda')).toMatchObject({
      priced: 'part',
      previousPriced: 'all',
    });
    expect(group(withUnpriced.byAccount, '111111111111').priced).toBe('part');
    expect(group(withUnpriced.byPlatform, 'knative')).toMatchObject({
      priced: 'all',
      previousPriced: 'all',
    });

    // The total (the priced part) and the FOCUS rows still add up to each other.
    const rows = parse<Record<string, string>>(renderFocusCsv(withUnpriced), { columns: true });
    expect(rows.reduce((s, r) => s + Number(r.BilledCost), 0)).toBeCloseTo(
      withUnpriced.totalCostUsd,
      9,
    );
    // raw, nothing of which was priced, still has its row: its week's invocations, marked.
    expect(
      rows
        .filter((r) => r.ResourceName === 'raw')
        .map((r) => [r.BilledCost, r.PricingQuantity, r.x_UnpricedUsage]),
    ).toEqual([['0', '600', 'pod CPU and memory requests unknown: pods not priced']]);
  });

  it('keeps a function on a platform without prices in the report and the FOCUS file, its usage marked not priced', () => {
    // Found by a read of the FOCUS export: such a function was left out of both, so a FinOps
    // team's file had no trace of its invocations.
    const elsewhere: ReportFunction = {
      ...api,
      functionId: 'other~lab~edge~elsewhere',
      name: 'elsewhere',
      platform: 'other',
      account: 'lab',
      region: 'edge',
    };
    const withOther = buildWeeklyReport(
      {
        ...inputs,
        functions: [...inputs.functions, elsewhere],
        days: [
          ...inputs.days,
          usage(elsewhere, '2025-07-29', { sources: ['otel_span'], invocations: 40 }),
        ],
      },
      pricing,
    );
    expect(withOther.functions.find((f) => f.name === 'elsewhere')).toMatchObject({
      costUsd: 0,
      priced: 'none',
      invocations: 40,
      unpriced: ['platform other has no prices'],
    });
    expect(withOther.coverage.unpriced).toContainEqual({
      functionId: elsewhere.functionId,
      reason: 'platform other has no prices',
    });
    expect(withOther.totalCostUsd).toBeCloseTo(report.totalCostUsd, 9);
    // The cost per million is of the priced invocations: the 40 add no cost and no invocations.
    expect(withOther.invocations).toBe(report.invocations + 40);
    expect(withOther.costPerMillionInvocationsUsd).toBeCloseTo(
      report.costPerMillionInvocationsUsd!,
      9,
    );
    const rows = parse<Record<string, string>>(renderFocusCsv(withOther), { columns: true });
    expect(
      rows
        .filter((r) => r.ResourceName === 'elsewhere')
        .map((r) => [
          r.ChargeCategory,
          r.BilledCost,
          r.PricingQuantity,
          r.SkuPriceId,
          r.x_UnpricedUsage,
        ]),
    ).toEqual([['Adjustment', '0', '40', '', 'platform other has no prices']]);
    // Named by what the id says, no seller guessed (it is not an OpenFaaS cluster's).
    expect(rows.find((r) => r.ResourceName === 'elsewhere')).toMatchObject({
      ServiceName: 'Serverless functions (other)',
      ProviderName: 'Unknown',
      InvoiceIssuerName: 'Unknown',
      BillingAccountId: 'lab',
      RegionId: 'edge',
      ChargeDescription: 'Serverless functions (other) usage not priced (elsewhere)',
    });
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

  it('prices each day at the architecture in force and gives a mid-week move to arm64 to the architecture part', () => {
    // 'mover', 1 GB, 1M invocations a day at 100 ms: 100,000 GB-s a day, first tier throughout.
    // The week before (2026-W09) all x86_64; this week (2026-W10, Mon 03-02) x86_64 until
    // Wednesday, arm64 from Thursday 03-05.
    const mover = { ...api, functionId: 'aws_lambda~333333333333~us-east-1~mover', name: 'mover' };
    const ranOn = (date: string, architecture: 'x86_64' | 'arm64') =>
      usage(mover, date, {
        architecture,
        invocations: 1_000_000,
        memoryMb: 1024,
        billedDurationMs: 100_000_000,
      });
    const dates = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        new Date(day(from) + i * 86_400_000).toISOString().slice(0, 10),
      );
    const moved = buildWeeklyReport(
      {
        week: '2026-W10',
        generatedAtMs: day('2026-03-09'),
        functions: [mover],
        days: [
          ...dates('2026-02-23', 7).map((d) => ranOn(d, 'x86_64')),
          ...dates('2026-03-02', 3).map((d) => ranOn(d, 'x86_64')),
          ...dates('2026-03-05', 4).map((d) => ranOn(d, 'arm64')),
        ],
        coldStarts: [],
        recommendations: [],
      },
      pricing,
    );
    // Before: 700,000 GB-s × $0.0000166667 = $11.66669 + 7M requests × $0.0000002 = $1.40.
    // Now: 300,000 GB-s × $0.0000166667 = $5.00001 (x86_64) + 400,000 GB-s × $0.0000133334 =
    // $5.33336 (arm64) + $1.40.
    expect(moved.previousTotalCostUsd).toBeCloseTo(13.06669, 9);
    expect(moved.totalCostUsd).toBeCloseTo(11.73337, 9);
    expect(
      moved.functions[0].computeLines.map((l) => [l.architecture, l.usdPerGbSecond, l.gbSeconds]),
    ).toEqual([
      ['x86_64', expect.closeTo(0.0000166667, 12), expect.closeTo(300_000, 6)],
      ['arm64', expect.closeTo(0.0000133334, 12), expect.closeTo(400_000, 6)],
    ]);
    expect(moved.functions[0].architecture).toBe('arm64');
    // The change, -$1.33332, is all architecture: 400,000 GB-s × ($0.0000133334 - $0.0000166667).
    const m = moved.movers[0];
    expect(m.changeUsd).toBeCloseTo(-1.33332, 9);
    expect(m.parts.architecture.toFixed(2)).toBe('-1.33');
    expect(m.parts.architecture).toBeCloseTo(-1.33332, 9);
    expect(m.parts.invocations).toBeCloseTo(0, 9);
    expect(m.parts.duration).toBeCloseTo(0, 9);
    expect(m.parts.memorySize).toBeCloseTo(0, 9);
    expect(m.parts.price).toBeCloseTo(0, 9);
    expect(m.parts.other).toBeCloseTo(0, 9);
    expect(m.explanation).toBe('mostly architecture (-$1.33 of -$1.33)');
    expect(m.factors.previous.architecture).toBe('x86_64');
    expect(m.factors.current.architecture).toBe('arm64 57% / x86_64 43%');
    // The FOCUS rows name the architecture each line ran on, not the one the week ended on.
    const focus = parse<Record<string, string>>(renderFocusCsv(moved), { columns: true });
    expect(focus.map((r) => [r.SkuId, r.x_Architecture, r.ConsumedQuantity])).toEqual([
      ['aws.lambda.requests', 'x86_64', '3000000'],
      ['aws.lambda.duration.x86_64', 'x86_64', '300000'],
      ['aws.lambda.requests', 'arm64', '4000000'],
      ['aws.lambda.duration.arm64', 'arm64', '400000'],
    ]);

    // Invocations doubling on the arm64 days as well: n 7M → 11M, the arm64 share of GB-seconds
    // 0 → 8/11. cost = n × (r + k × Σ shareₐ pₐ) with k = 0.1 GB-s is bilinear in n and the share,
    // so the Shapley architecture part is k × Δ(Σ shareₐ pₐ) × (7M + 11M) / 2 =
    // 0.1 × 8/11 × ($0.0000133334 - $0.0000166667) × 9M = -$2.1817964 (to the cent -$2.18).
    const busier = buildWeeklyReport(
      {
        week: '2026-W10',
        generatedAtMs: day('2026-03-09'),
        functions: [mover],
        days: [
          ...dates('2026-02-23', 7).map((d) => ranOn(d, 'x86_64')),
          ...dates('2026-03-02', 3).map((d) => ranOn(d, 'x86_64')),
          ...dates('2026-03-05', 4).map((d) => ({
            ...ranOn(d, 'arm64'),
            invocations: 2_000_000,
            billedDurationMs: 200_000_000,
          })),
        ],
        coldStarts: [],
        recommendations: [],
      },
      pricing,
    ).movers[0];
    const archPart = ((0.1 * 8) / 11) * (0.0000133334 - 0.0000166667) * 9e6;
    expect(busier.parts.architecture).toBeCloseTo(archPart, 9);
    expect(busier.parts.architecture.toFixed(2)).toBe('-2.18');
    // The rest: 4M more invocations, priced half at the old mix and half at the new.
    const sum = Object.values(busier.parts).reduce((s: number, v: number) => s + v, 0);
    expect(sum).toBeCloseTo(busier.changeUsd, 9);
    expect(busier.parts.duration).toBeCloseTo(0, 9);
    expect(busier.parts.price).toBeCloseTo(0, 9);
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
        coldStarts: [],
        recommendations: [],
      },
      pricing,
    );
    const part = (name: string) => r.functions.find((f) => f.name === name)!.breakdown.snapStart;
    // Restore duration 5 s × 1 GB = 5 GB-s × $0.0000166667 = $0.0000833335 (both runtimes);
    // Python also pays 10 restores × 1 GB × $0.0001397998 and 86,400 GB-s of cache × $0.0000015046.
    expect(part('jv')).toBeCloseTo(0.0000833335, 12);
    expect(part('py')).toBeCloseTo(0.0000833335 + 0.001397998 + 0.12999744, 12);
    // Cold starts cost the restores (their duration and fee), not the cache: a storage fee the
    // snapshot pays all day whether or not a cold start restores it.
    const cold = (name: string) => r.coldStarts.byFunction.find((f) => f.name === name)!.costUsd;
    expect(cold('jv')).toBeCloseTo(0.0000833335, 12);
    expect(cold('py')).toBeCloseTo(0.0000833335 + 0.001397998, 12);
    expect(r.coldStarts.costUsd).toBeCloseTo(2 * 0.0000833335 + 0.001397998, 12);
  });

  it('prices Azure Functions and Cloud Run days from their sums instead of listing them unpriced', () => {
    const azure: ReportFunction = {
      ...api,
      functionId: 'azure_functions~sub1~westeurope~orders',
      name: 'orders',
      platform: 'azure_functions',
      account: 'sub1',
      region: 'westeurope',
    };
    const run: ReportFunction = {
      ...azure,
      functionId: 'gcp_cloud_run~proj1~us-central1~web',
      name: 'web',
      platform: 'gcp_cloud_run',
      account: 'proj1',
      region: 'us-central1',
    };
    // 1 M executions × 200 ms at 256 MB: 50,000 GB-s × $0.000016 + 1 M × $0.20 / M = $1.00.
    // Cloud Run, 1 vCPU by default: 100,000 s × ($0.000024 + 0.25 GiB × $0.0000025) + $0.40 = $2.8625.
    const spans = { sources: ['otel_span'] };
    const withClouds = buildWeeklyReport(
      {
        ...inputs,
        functions: [...inputs.functions, azure, run],
        days: [
          ...inputs.days,
          usage(azure, '2025-08-01', {
            ...spans,
            invocations: 1_000_000,
            memoryMb: 256,
            billedDurationMs: 200_000_000,
          }),
          usage(run, '2025-08-01', {
            ...spans,
            invocations: 1_000_000,
            memoryMb: 256,
            billedDurationMs: 100_000_000,
          }),
        ],
      },
      pricing,
    );
    const cost = (id: string) => withClouds.functions.find((f) => f.functionId === id)!;
    expect(cost(azure.functionId).costUsd).toBeCloseTo(1.0, 9);
    expect(cost(azure.functionId).breakdown.requests).toBeCloseTo(0.2, 9);
    expect(cost(run.functionId).costUsd).toBeCloseTo(2.8625, 9);
    expect(withClouds.coverage.unpriced.map((u) => u.functionId)).not.toContain(azure.functionId);
    expect(withClouds.coverage.unpriced.map((u) => u.functionId)).not.toContain(run.functionId);
    const csv = renderFocusCsv(withClouds);
    expect(csv).toContain('Azure Functions Duration (orders)');
    expect(csv).toContain('Cloud Run Requests (web)');
    expect(csv).not.toMatch(/OpenFaaS [A-Za-z ]+ \((orders|web)\)/);
  });

  it('splits an Azure Functions, Cloud Run or Cloud Functions change into invocations, duration and price from their request and GB-s prices', () => {
    const azure: ReportFunction = {
      ...api,
      functionId: 'azure_functions~sub1~westeurope~orders',
      name: 'orders',
      platform: 'azure_functions',
      account: 'sub1',
      region: 'westeurope',
    };
    const run: ReportFunction = {
      ...azure,
      functionId: 'gcp_cloud_run~proj1~us-central1~web',
      name: 'web',
      platform: 'gcp_cloud_run',
      account: 'proj1',
      region: 'us-central1',
    };
    const gcf: ReportFunction = {
      ...run,
      functionId: 'gcp_cloud_functions~proj1~us-central1~resize',
      name: 'resize',
      platform: 'gcp_cloud_functions',
    };
    const spans = { sources: ['otel_span'], memoryMb: 256 };
    // Each doubles its executions at the same 200 ms and 256 MB: all of the change is invocations.
    const r = buildWeeklyReport(
      {
        ...inputs,
        functions: [azure, run, gcf],
        days: [azure, run, gcf].flatMap((f) => [
          usage(f, '2025-07-22', { ...spans, invocations: 500_000, billedDurationMs: 1e8 }),
          usage(f, '2025-07-29', { ...spans, invocations: 1_000_000, billedDurationMs: 2e8 }),
        ]),
      },
      pricing,
    );
    for (const f of [azure, run, gcf]) {
      const m = r.movers.find((x) => x.functionId === f.functionId)!;
      expect([f.name, m.parts.invocations]).toEqual([f.name, expect.closeTo(m.changeUsd, 12)]);
      expect(m.parts.other).toBeCloseTo(0, 12);
      expect(m.parts.duration).toBeCloseTo(0, 12);
      expect(m.parts.price).toBeCloseTo(0, 12);
      expect(m.explanation).toMatch(/^mostly invocations/);
      expect(m.factors.current).toEqual({
        invocations: 1_000_000,
        durationMs: expect.closeTo(200, 9),
        memoryMb: expect.closeTo(256, 9),
        architecture: '',
      });
    }
    // Azure: 25,000 GB-s × $0.000016 + 500,000 × $0.0000002 more.
    const orders = r.movers.find((x) => x.functionId === azure.functionId)!;
    expect(orders.changeUsd).toBeCloseTo(0.5, 12);
  });

  it('puts a change in pods under pods, and names nothing Lambda has where the platform has not', () => {
    const k = report.movers.find((m) => m.name === 'ksvc')!;
    expect(k.explanation).toMatch(/^mostly pods \(/);
    expect(k.explanation).not.toMatch(/provisioned|SnapStart|storage/);
    const a = report.movers.find((m) => m.name === 'api')!;
    expect(explainChange({ ...a.parts, other: 100 }, 100, 'aws_lambda')).toMatch(
      /^mostly provisioned concurrency, ephemeral storage or SnapStart \(/,
    );
    for (const platform of ['azure_functions', 'gcp_cloud_run', 'other'] as const) {
      expect(explainChange({ ...a.parts, other: 100 }, 100, platform)).not.toMatch(
        /provisioned|SnapStart|storage|pods/,
      );
    }
  });

  it("states cold-start wait and cost from the cold starts with an init duration, unknown where none of a function's has one and its INIT is billed", () => {
    // untimed: 3 cold starts known from spans only (faas.coldstart), INIT billed for a managed
    // runtime from 2025-08-01; orders (Azure): 5 from spans, no INIT billed on its own.
    const untimed: ReportFunction = {
      ...api,
      functionId: 'aws_lambda~1~us-east-1~untimed',
      name: 'untimed',
    };
    const orders: ReportFunction = {
      ...api,
      functionId: 'azure_functions~sub1~westeurope~orders',
      name: 'orders',
      platform: 'azure_functions',
      account: 'sub1',
      region: 'westeurope',
    };
    const spans = { sources: ['otel_span'], memoryMb: 512 };
    const r = buildWeeklyReport(
      {
        ...inputs,
        functions: [...inputs.functions, untimed, orders],
        days: [
          ...inputs.days,
          usage(untimed, '2025-08-02', {
            ...spans,
            invocations: 100,
            coldStarts: 3,
            billedDurationMs: 10_000,
          }),
          usage(orders, '2025-08-02', {
            ...spans,
            invocations: 100,
            coldStarts: 5,
            billedDurationMs: 10_000,
          }),
        ],
        coldStarts: [
          ...inputs.coldStarts,
          { functionId: untimed.functionId, coldStartsWithInit: 0, latencyAddedMs: null },
          { functionId: orders.functionId, coldStartsWithInit: 0, latencyAddedMs: null },
        ],
      },
      pricing,
    );
    expect(r.coldStarts).toMatchObject({
      count: 48,
      coldStartsWithInit: 40,
      waitingSeconds: expect.closeTo(9, 10),
      costUsd: expect.closeTo(0.00007500015, 13),
    });
    const cold = (name: string) => r.coldStarts.byFunction.find((f) => f.name === name)!;
    expect(cold('untimed')).toMatchObject({
      count: 3,
      coldStartsWithInit: 0,
      waitingSeconds: null,
      costUsd: null,
    });
    expect(cold('orders')).toMatchObject({
      count: 5,
      coldStartsWithInit: 0,
      waitingSeconds: null,
      costUsd: 0,
    });
    expect(cold('api')).toMatchObject({
      count: 20,
      coldStartsWithInit: 20,
      waitingSeconds: expect.closeTo(4, 10),
    });

    // None of the week's cold starts has an init duration, and INIT is billed: not known, not 0.
    const none = buildWeeklyReport(
      {
        ...inputs,
        functions: [untimed],
        days: [
          usage(untimed, '2025-08-02', {
            ...spans,
            invocations: 100,
            coldStarts: 3,
            billedDurationMs: 10_000,
          }),
        ],
        coldStarts: [
          { functionId: untimed.functionId, coldStartsWithInit: 0, latencyAddedMs: null },
        ],
      },
      pricing,
    );
    expect(none.coldStarts).toMatchObject({
      count: 3,
      coldStartsWithInit: 0,
      waitingSeconds: null,
      costUsd: null,
    });
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
    expect(partial.coverage.message).toContain('6 of 7 days have');
    expect(partial.coverage.days[0].sources).toEqual(['knative_queue_proxy']);
    const oneDay = buildWeeklyReport(
      { ...inputs, days: inputs.days.filter((d) => d.dayStartMs === day('2025-08-03')) },
      pricing,
    );
    // A review found "1 of 7 day has".
    expect(oneDay.coverage.message).toContain('1 of 7 days has invocation records');
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
          rec('keep-alive', custom.functionId, -2), // a change that costs money: a trade-off
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
    expect(withRecs.recommendations.find((r) => r.kind === 'keep-alive')).toMatchObject({
      planRole: 'change',
      inTotal: false,
    });
    const batchMemory = withRecs.recommendations.find((r) => r.functionId === batch.functionId)!;
    expect(batchMemory.savingRangeUsd).toEqual({ low: 30, high: 50 });
  });

  it('fs-busy: a provisioned-concurrency saving priced at the memory a "measure" change would shrink is a follow-up, never added to "Savings that can be made together" (the plans\' rule)', () => {
    const withRecs = buildWeeklyReport(
      {
        ...inputs,
        recommendations: [
          {
            kind: 'memory',
            functionId: api.functionId,
            title: 'Over-provisioned: measure 640 MB with a tuning job',
            reason: '',
            monthlyImpactUsd: 241.17,
            confidence: 'medium',
            confidenceScore: 0.6,
            evidence: { finding: 'over-provisioned' },
            catalogueVersion: catalogue.version,
            savingUsd: { lowUsd: 0.0008, highUsd: 482.33 },
            planRole: 'change',
          },
          {
            kind: 'provisioned-concurrency',
            functionId: api.functionId,
            title: 'Provisioned concurrency 10',
            reason: '',
            monthlyImpactUsd: 125.73,
            confidence: 'high',
            confidenceScore: 0.9,
            evidence: {},
            catalogueVersion: catalogue.version,
            savingUsd: { lowUsd: 125.44, highUsd: 126.02 },
            planRole: 'change',
          },
        ],
      },
      pricing,
    );
    expect(withRecs.recommendationsSavingUsd.low).toBeCloseTo(0.0008, 10);
    expect(withRecs.recommendationsSavingUsd.high).toBeCloseTo(482.33, 10);
    expect(
      withRecs.recommendations.find((r) => r.kind === 'provisioned-concurrency'),
    ).toMatchObject({ planRole: 'change', inTotal: false });
  });
});

describe(decomposeChange.name, () => {
  const factors = fc.record({
    invocations: fc.integer({ min: 0, max: 10_000_000 }),
    durationMs: fc.double({ min: 1, max: 900_000, noNaN: true }),
    memoryMb: fc.integer({ min: 128, max: 10_240 }),
    // Any split of the GB-seconds between the architectures, a whole week on one included.
    architecture: fc
      .oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }))
      .map((arm64) => ({ x86_64: 1 - arm64, arm64 })),
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

  it('gives a change of the architecture split alone entirely to the architecture part', () => {
    fc.assert(
      fc.property(factors, fc.double({ min: 0, max: 1, noNaN: true }), (a, arm64) => {
        const b = { ...a, architecture: { x86_64: 1 - arm64, arm64 } };
        const parts = decomposeChange(a, b, 0, 0);
        const change = modelledCost(b) - modelledCost(a);
        expect(Math.abs(parts.architecture - change)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(change)),
        );
        expect(parts.invocations + parts.duration + parts.memorySize + parts.price).toBe(0);
      }),
    );
  });

  it('gives a change of one factor entirely to that factor', () => {
    const base: CostFactors = {
      invocations: 1_000_000,
      durationMs: 100,
      memoryMb: 1024,
      architecture: { x86_64: 1 },
      prices: {
        usdPerRequest: 2e-7,
        usdPerGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
      },
    };
    const parts = decomposeChange(base, { ...base, architecture: { arm64: 1 } }, 0, 0);
    // 100,000 GB-s × (0.0000133334 − 0.0000166667)
    expect(parts.architecture).toBeCloseTo(-0.33333, 10);
    expect(parts.invocations + parts.duration + parts.memorySize + parts.price).toBe(0);
  });

  it("defect: a new function run partly on provisioned concurrency showed a price part; a week without invocations takes the other week's prices", () => {
    const listed: CostFactors = {
      invocations: 0,
      durationMs: 0,
      memoryMb: 0,
      architecture: {},
      prices: { usdPerRequest: 2e-7, usdPerGbSecond: { x86_64: 0.0000166667 } },
    };
    // Its effective $/GB-s between the provisioned and the on-demand duration price.
    const current: CostFactors = {
      invocations: 42,
      durationMs: 100,
      memoryMb: 1024,
      architecture: { x86_64: 1 },
      prices: { usdPerRequest: 2e-7, usdPerGbSecond: { x86_64: 0.0000131944 } },
    };
    const parts = decomposeChange(listed, current, 0, 0);
    expect(parts.price).toBe(0);
    expect(parts.invocations).toBeCloseTo(modelledCost(current), 15);
    expect(decomposeChange(current, listed, 0, 0).price).toBe(0);
  });
});

describe('buildWeeklyReport: what the prices assume', () => {
  const fromLogs: ReportFunction = {
    ...api,
    functionId: 'aws_lambda~111111111111~us-east-1~from-logs',
    name: 'from-logs',
    architectureAssumed: true,
  };
  const call = { invocations: 1_000, memoryMb: 1024, billedDurationMs: 100_000 };
  const build = (days: ReturnType<typeof usage>[]) =>
    buildWeeklyReport({ ...inputs, functions: [fromLogs], days }, pricing).functions[0];

  it('defect: an architecture nothing named read "x86_64" as fact; the row says it is assumed, and the note is in its assumed and the coverage', () => {
    const report = buildWeeklyReport(
      { ...inputs, functions: [fromLogs], days: [usage(fromLogs, '2025-07-29', call)] },
      pricing,
    );
    const row = report.functions[0];
    expect(row.architecture).toBe('x86_64');
    expect(row.architectureAssumed).toBe(true);
    expect(row.assumed).toEqual([expect.stringMatching(/^Architecture unknown: priced as x86_64/)]);
    expect(report.coverage.assumptions.at(-1)).toBe(`1 function: ${row.assumed![0]}`);
  });

  it('states the architecture the history names at the end of the week, keeping the note of the days it priced as x86_64, each once', () => {
    const row = build([
      usage(fromLogs, '2025-07-22', call),
      usage(fromLogs, '2025-07-28', call),
      usage(fromLogs, '2025-07-29', call),
      usage(fromLogs, '2025-07-30', { ...call, architecture: 'arm64' }),
    ]);
    expect(row.architecture).toBe('arm64');
    expect(row.architectureAssumed).toBeUndefined();
    expect(row.assumed).toHaveLength(1);
  });

  it('says nothing of a function whose architecture the inventory names', () => {
    const row = buildWeeklyReport(
      { ...inputs, functions: [api], days: [usage(api, '2025-07-29', call)] },
      pricing,
    ).functions[0];
    expect(row.architectureAssumed).toBeUndefined();
    expect(row.assumed).toEqual([]);
  });
});
