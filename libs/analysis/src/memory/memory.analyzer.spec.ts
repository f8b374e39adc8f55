import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { DEFAULT_EVIDENCE_OPTIONS } from '../evidence/evidence.gate';
import { lambdaPriceAssumptions } from '../evidence/price-assumptions';
import type { FunctionWindowStats, MemorySizeStats } from '../inputs';
import type { WhyNot } from '../recommendation';
import {
  DAY_MS,
  WEEK_START_MS,
  concurrencyProfile,
  lambdaProfile,
  logNormalBuckets,
  windowStats,
} from '../testing/fleet.generator';
import { DEFAULT_MEMORY_OPTIONS, MemoryAnalyzer } from './memory.analyzer';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-15T00:00:00Z'),
};
const analyzer = new MemoryAnalyzer();
/** Waiting valued at $1 a second: any faster size pays for itself in these specs. */
const valuingWaiting = new MemoryAnalyzer({
  ...DEFAULT_MEMORY_OPTIONS,
  latencyValueUsdPerSecond: 1,
});

function withExplanations(): { ctx: AnalysisContext; whyNot: WhyNot[] } {
  const whyNot: WhyNot[] = [];
  return { ctx: { ...ctx, explain: (w) => whyNot.push(w) }, whyNot };
}

/**
 * `invocations` at each size with mean t(m), over the days it was seen (the whole 14-day window
 * unless `seen` says otherwise); `day(m, d)` scales the d-th day's mean (1: every day alike).
 */
function sizes(
  t: (memoryMb: number) => number,
  memoryMbs: number[],
  invocations: number,
  seen?: (memoryMb: number) => [number, number],
  day: (memoryMb: number, d: number) => number = () => 1,
): MemorySizeStats[] {
  return memoryMbs.map((memoryMb) => {
    const [firstSeenMs, lastSeenMs] = seen?.(memoryMb) ?? [
      WEEK_START_MS,
      WEEK_START_MS + 14 * DAY_MS,
    ];
    const dayCount = Math.max(1, Math.round((lastSeenMs - firstSeenMs) / DAY_MS));
    const perDay = invocations / dayCount;
    const daily = Array.from({ length: dayCount }, (_, d) => ({
      dayStartMs: firstSeenMs + d * DAY_MS,
      invocations: perDay,
      durationSumMs: t(memoryMb) * day(memoryMb, d) * perDay,
    }));
    return {
      memoryMb,
      invocations,
      durationSumMs: daily.reduce((sum, d) => sum + d.durationSumMs, 0),
      durationBuckets: logNormalBuckets(invocations, t(memoryMb), 0.1),
      firstSeenMs,
      lastSeenMs,
      daily,
    };
  });
}

function statsAtSizes(byMemory: MemorySizeStats[], maxMemoryUsedMb = 100): FunctionWindowStats {
  const invocations = byMemory.reduce((s, m) => s + m.invocations, 0);
  return {
    ...windowStats({ invocations, medianMs: 100, sigma: 0.1, maxMemoryUsedMb }),
    byMemory,
  };
}

describe(MemoryAnalyzer.name, () => {
  it('prices raising memory by the duration it bills, not the per-request charge that memory does not change (10 ms at 128 MB read ~10× the extra)', () => {
    const stats = windowStats({
      invocations: 1_000_000,
      medianMs: 10,
      sigma: 0.05,
      maxMemoryUsedMb: 125,
      memoryMb: 128,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 128 }), stats }, ctx);
    expect(rec.evidence.finding).toBe('near-memory-limit');
    const targetMb = rec.recommended.memoryMb as number;
    expect(targetMb).toBeGreaterThan(128);
    // At most the GB-s part of today's bill in proportion (duration unchanged); the per-request
    // charge ($0.20 a million) stays as it is.
    const month = (730 * 3_600_000) / (stats.windowEndMs - stats.windowStartMs);
    const requestsUsd = stats.invocations * month * 0.2e-6;
    const durationUsd = (rec.current.monthlyUsd as number) - requestsUsd;
    expect(-rec.savingUsd.lowUsd).toBeCloseTo(durationUsd * (targetMb / 128 - 1), 6);
    expect(rec.savingUsd.highUsd).toBe(0);
  });

  it('defect 4 (OOM at the largest size is silent): 25 OOMs at 10,240 MB are a critical finding to fix in code', () => {
    const stats = windowStats({
      invocations: 10_000,
      medianMs: 2000,
      sigma: 0.3,
      memoryMb: 10_240,
      maxMemoryUsedMb: 10_240,
      ooms: 25,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 10_240 }), stats }, ctx);
    expect(rec).toMatchObject({ kind: 'memory', severity: 'critical', planRole: 'fix' });
    expect(rec.title).toContain('10240 MB maximum');
    expect(rec.reason).toContain('25 invocations ran out of memory');
    expect(rec.action.snippets[0].format).toBe('note');
  });

  it('defect 4: OOMs are reported however little data there is, raising memory whatever it costs', () => {
    const stats = windowStats({
      invocations: 5,
      medianMs: 300,
      sigma: 0.3,
      maxMemoryUsedMb: 256,
      ooms: 2,
      memoryMb: 256,
      days: 1,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);
    expect(rec).toMatchObject({ severity: 'critical', planRole: 'fix' });
    expect(rec.recommended.memoryMb as number).toBeGreaterThanOrEqual(384);
    expect(rec.savingUsd.lowUsd).toBeLessThanOrEqual(0);
    expect(rec.savingUsd.highUsd).toBe(0);
    expect(rec.action.snippets.map((s) => s.text)).toContain('MemorySize: 384');
  });

  it('OOMs at a smaller size the memory was since raised from (contradictory data): no critical "raise memory" at the size that never ran out, and the size that did is never advised', () => {
    // A week at 512 MB with 40 OOMs, then a week at 1,024 MB without any; 1,024 MB is configured.
    const byMemory = sizes(
      () => 120,
      [512, 1024],
      50_000,
      (m) =>
        m === 512
          ? [WEEK_START_MS, WEEK_START_MS + 7 * DAY_MS]
          : [WEEK_START_MS + 7 * DAY_MS, WEEK_START_MS + 14 * DAY_MS],
    ).map((m) => ({ ...m, ooms: m.memoryMb === 512 ? 40 : 0 }));
    // Max Memory Used of the killed invocations is not reported: the peak seen is 400 MB.
    const stats = { ...statsAtSizes(byMemory, 400), ooms: 40 };
    const { ctx: explained, whyNot } = withExplanations();
    const recs = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, explained);
    // Not "40 invocations ran out of memory at 1024 MB: raise to 1536 MB", and not 512 MB again.
    expect(recs).toEqual([]);
    expect(whyNot.map((w) => w.code)).toEqual(['already-right']);

    // The same OOMs at the configured size are still a critical fix.
    const atCurrent = byMemory.map((m) => ({ ...m, ooms: m.memoryMb === 1024 ? 40 : 0 }));
    const [rec] = analyzer.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1024 }),
        stats: { ...statsAtSizes(atCurrent, 400), ooms: 40 },
      },
      ctx,
    );
    expect(rec).toMatchObject({ severity: 'critical', planRole: 'fix' });
    expect(rec.reason).toBe('40 invocations ran out of memory at 1024 MB.');
  });

  it('a memory change on a function with provisioned concurrency (wrong baseline): the allocation it resizes is priced, so 2,048 MB at 85 ms is not a saving against 1,024 MB at 200 ms with 50 instances provisioned', () => {
    const stats = statsAtSizes(sizes((m) => (m === 1024 ? 200 : 85), [1024, 2048], 5_000_000));
    const alone = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, ctx);
    expect(alone.map((r) => [r.recommended.memoryMb, r.savingUsd.lowUsd > 0])).toEqual([
      [2048, true],
    ]);

    const [rec] = valuingWaiting.analyze(
      { profile: lambdaProfile({ memoryMb: 1024, provisionedConcurrency: 50 }), stats },
      ctx,
    );
    // 50 more GB allocated all month: 50 × 2,628,000 s × $0.0000041667 ≈ $547.50.
    const extra = (rec.recommended.monthlyUsd as number) - (rec.current.monthlyUsd as number);
    expect(extra).toBeGreaterThan(547.5 - 20);
    expect(rec.savingUsd.highUsd).toBeLessThan(0);
    // Not a saving: the title says what the speed costs.
    expect(rec.title).toMatch(
      /^Raise memory from 1024 MB to 2048 MB: 58 % lower duration for \$5\d\d\.\d\d(–5\d\d\.\d\d)? more a month$/,
    );
    // Priced with the us-east-1 allocation price in Frankfurt: said so.
    const frankfurt = lambdaProfile({ region: 'eu-central-1', provisionedConcurrency: 50 });
    expect(lambdaPriceAssumptions(frankfurt, 'memory', ctx).map((a) => a.meter)).toEqual([
      'aws.lambda.pc-allocated.x86_64',
      'aws.lambda.pc-duration.x86_64',
    ]);
  });

  it('prices the invocations provisioned concurrency serves at its duration price, not the on-demand one', () => {
    const stats = statsAtSizes(sizes((m) => (m === 1024 ? 200 : 85), [1024, 2048], 5_000_000));
    // 10 requests in flight all the time: 50 instances serve every one of them.
    const concurrency = concurrencyProfile(() => 10, { weeks: 2 });
    const [rec] = valuingWaiting.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1024, provisionedConcurrency: 50 }),
        stats,
        concurrency,
      },
      ctx,
    );
    const month = 730 / (14 * 24);
    const onProvisioned = ctx.pricing.lambdaUsage(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: 10_000_000 * month,
        billedDurationMs: 0,
        provisioned: {
          concurrency: 50,
          enabledSeconds: 14 * 86_400 * month,
          // Each invocation at the size's 200 ms mean, plus half a 1 ms billing step.
          billedDurationMs: 10_000_000 * 200.5 * month,
        },
      },
      ctx.at,
      'us-east-1',
    );
    expect(rec.current.monthlyUsd as number).toBeCloseTo(onProvisioned.usd, 2);
  });

  it('provisioned concurrency set as advised (level 1 at concurrency 1): the "measure" low end at 256 MB is priced with the level covering a quarter of four times the duration, not today\'s share (which kept $8.21 of the $10.95 allocation)', () => {
    // 300 invocations a minute of ~200 ms: concurrency 1 all the time, all of it on level 1.
    const stats = windowStats({
      invocations: 300 * 60 * 24 * 14,
      medianMs: 200,
      sigma: 0.1,
      maxMemoryUsedMb: 200,
    });
    const concurrency = concurrencyProfile(() => 1, { weeks: 2 });
    const [rec] = analyzer.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1024, provisionedConcurrency: 1 }),
        stats,
        concurrency,
      },
      ctx,
    );
    expect(rec.title).toMatch(/measure 256 MB with a tuning job$/);
    // At 4× the duration, on demand for three quarters of it, the allocation's $8.21 is spent
    // again on the on-demand price: the low end is about nothing.
    expect(rec.savingUsd.lowUsd).toBeLessThanOrEqual(1.5);
    // Unchanged duration: the same share on level 1, a quarter of the allocation.
    expect(rec.savingUsd.highUsd).toBeGreaterThan(8);
  });

  it('defect 1 (memory advice from one observed size rests on an assumption): 1,024 MB at 200 ms never gets a size change as the peak used goes 60 → 250 → 500 MB', () => {
    for (const peak of [60, 250, 500]) {
      const stats = windowStats({
        invocations: 20_000_000,
        medianMs: 200,
        sigma: 0.2,
        maxMemoryUsedMb: peak,
      });
      const recs = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, ctx);
      for (const rec of recs) {
        expect(rec.recommended.memoryMb).toBeUndefined();
        expect(rec.title).not.toMatch(/Raise|Lower/);
      }
      const [rec] = recs;
      expect(rec.title).toContain(
        `Over-provisioned by ${1024 - peak} MB (max used ${peak} of 1024 MB)`,
      );
      expect(rec.recommended.action).toBe('measure');
      expect(rec.action.summary).toContain('tuning job');
      // Bounded: from ≈ nothing (CPU-bound) to the whole memory share (duration unchanged).
      expect(rec.savingUsd.lowUsd).toBeGreaterThanOrEqual(0);
      expect(rec.savingUsd.highUsd).toBeGreaterThan(rec.savingUsd.lowUsd);
      expect(rec.basis).toMatchObject({ invocations: 20_000_000, windowDays: 14 });
    }
  });

  it('defect (a size change in the window priced at the blended mean): 1,024 MB since 30 invocations ago is priced at its own 200 ms, or not at all', () => {
    const base = windowStats({
      invocations: 200_000_000,
      medianMs: 100,
      sigma: 0.01,
      memoryMb: 2048,
    });
    const before: MemorySizeStats = {
      ...base.byMemory[0],
      invocations: 199_999_970,
      durationSumMs: 100 * 199_999_970,
    };
    const since = (invocations: number): MemorySizeStats => ({
      memoryMb: 1024,
      invocations,
      durationSumMs: 200 * invocations,
      durationBuckets: logNormalBuckets(invocations, 200, 0.01),
    });
    const statsWith = (after: MemorySizeStats): FunctionWindowStats => {
      const durationSumMs = before.durationSumMs + after.durationSumMs;
      return {
        ...base,
        invocations: before.invocations + after.invocations,
        durationSumMs,
        billedDurationSumMs: durationSumMs,
        byMemory: [after, before],
        maxMemoryUsedMb: 300,
      };
    };
    const profile = lambdaProfile({ memoryMb: 1024 });
    const few = withExplanations();
    expect(analyzer.analyze({ profile, stats: statsWith(since(30)) }, few.ctx)).toEqual([]);
    expect(few.whyNot).toEqual([
      expect.objectContaining({
        code: 'insufficient-evidence',
        detail: expect.stringContaining('30 invocations at 1024 MB'),
      }),
    ]);
    // Enough at the new size (too few at the old to measure it): priced at 200 ms, not 100.
    const enough = statsWith(since(1_000));
    const [rec] = analyzer.analyze(
      { profile, stats: { ...enough, byMemory: [since(1_000), { ...before, invocations: 40 }] } },
      ctx,
    );
    expect(rec.current.meanDurationMs).toBeCloseTo(200, 6);
    expect(rec.reason).toContain(
      'only 1024 MB ran enough invocations to measure (2048 MB too few)',
    );
  });

  it('defect 1: several sizes observed in production give a measured size change', () => {
    const t = (m: number) => 20 + 4000 * Math.exp(-m / 600);
    const stats = statsAtSizes(sizes(t, [256, 512, 1024, 2048], 25_000));
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);
    expect(rec.title).toMatch(/^Raise memory from 256 MB to (1024|2048) MB$/);
    expect(rec.evidence.source).toBe('observed-sizes');
    expect(rec.savingUsd.lowUsd).toBeGreaterThan(0); // faster and cheaper, even at the bounds
    expect(rec.basis.measured).toContain('256, 512, 1024, 2048 MB');
    expect(rec.confidence).toBe('high');
  });

  it('negative savings presented as savings: 512 MB at 1,501 ms against 1,000 ms at 1,024 MB is a trade-off that says what it costs, never a saving', () => {
    const stats = statsAtSizes(sizes((m) => (m === 512 ? 1501 : 1000), [512, 1024], 36_000));
    const [rec] = valuingWaiting.analyze({ profile: lambdaProfile({ memoryMb: 512 }), stats }, ctx);
    expect(rec.savingUsd.highUsd).toBeLessThan(0);
    expect(rec.monthlyImpactUsd).toBeLessThan(0);
    expect(rec.planRole).toBe('change');
    const cost = `$${(-rec.savingUsd.highUsd).toFixed(2)}–${(-rec.savingUsd.lowUsd).toFixed(2)}`;
    expect(rec.title).toBe(
      `Raise memory from 512 MB to 1024 MB: 33 % lower duration for ${cost} more a month`,
    );
    expect(rec.reason).toContain(`costs ${cost} more a month for 33 % lower duration`);
    expect(rec.reason).not.toMatch(/sav/i);
    expect(`${rec.title} ${rec.reason}`).not.toMatch(/-\d/);
    expect(rec.severity).toBe('info');
  });

  it('negative savings: a size that costs more and is under 20 % faster is not advised, and the why-not says what it would cost', () => {
    const stats = statsAtSizes(sizes((m) => (m === 512 ? 1100 : 1000), [512, 1024], 32_000));
    const { ctx: asked, whyNot } = withExplanations();
    // The balanced pick weighs speed; with cost alone 512 MB stays.
    const speedy = new MemoryAnalyzer({
      ...DEFAULT_MEMORY_OPTIONS,
      balancedWeight: 0.1,
      latencyValueUsdPerSecond: 1,
    });
    expect(speedy.analyze({ profile: lambdaProfile({ memoryMb: 512 }), stats }, asked)).toEqual([]);
    expect(whyNot).toHaveLength(1);
    expect(whyNot[0].code).toBe('already-right');
    expect(whyNot[0].detail).toMatch(
      /^1024 MB would cost \$\d+\.\d\d(–\d+\.\d\d)? more a month and run only 9 % faster/,
    );
    expect(whyNot[0].detail).not.toMatch(/-\d/);
  });

  describe('a faster size that costs more (a team that lowered memory to save money)', () => {
    // Cut from 3,008 MB (4.0 s) to 1,024 MB (6.9 s, CPU-bound): 40,000 invocations at each size.
    const stats = statsAtSizes(sizes((m) => (m === 3008 ? 4000 : 6900), [1024, 3008], 40_000));
    const input = { profile: lambdaProfile({ memoryMb: 1024, timeoutMs: 30_000 }), stats };
    const at = (latencyValueUsdPerSecond: number) => {
      const { ctx: asked, whyNot } = withExplanations();
      const recs = new MemoryAnalyzer({
        ...DEFAULT_MEMORY_OPTIONS,
        latencyValueUsdPerSecond,
      }).analyze(input, asked);
      return { recs, whyNot };
    };

    it('is not advised with waiting valued at $0: already right, saying what the speed would cost', () => {
      const { recs, whyNot } = at(0);
      expect(recs).toEqual([]);
      expect(whyNot).toEqual([expect.objectContaining({ code: 'already-right', kind: 'memory' })]);
      expect(whyNot[0].detail).toMatch(
        /^3008 MB would run 42 % faster \(4000\.0 ms against 6900\.0 ms\) for \$\d+\.\d\d more a month; waiting is valued at 0 \$\/s/,
      );
      expect(whyNot[0].detail).toContain(
        '1024 MB is the best balance of cost and speed at no extra cost',
      );
    });

    it('is not advised when the waiting it removes is worth less than it costs, and says both', () => {
      const { recs, whyNot } = at(0.00001);
      expect(recs).toEqual([]);
      // 2.9 s × 80,000 × 730/336 ≈ 504,000 s a month, worth $5.04 at $0.00001/s.
      expect(whyNot[0].detail).toMatch(
        /the 504048 s of waiting a month it removes, at the 0\.00001 \$\/s set for waiting, are worth \$5\.04, less than that/,
      );
    });

    it('is advised as a trade-off when the waiting it removes pays for it, naming the value used', () => {
      const { recs } = at(0.0001);
      expect(recs).toHaveLength(1);
      expect(recs[0].title).toMatch(
        /^Raise memory from 1024 MB to 3008 MB: 42 % lower duration for \$\d+\.\d\d(–\d+\.\d\d)? more a month$/,
      );
      expect(recs[0].reason).toMatch(
        /504048 s of waiting a month, worth \$50\.40 at the 0\.0001 \$\/s set for waiting/,
      );
    });
  });

  it("defect 1: a tuning job's results replace any model, and the recommendation names the job and its date", () => {
    const stats = windowStats({
      invocations: 10_000_000,
      medianMs: 400,
      sigma: 0.2,
      maxMemoryUsedMb: 200,
    });
    const point = (memoryMb: number, meanMs: number) => ({
      memoryMb,
      architecture: 'x86_64' as const,
      invocations: 50,
      meanMs,
      p90Ms: meanMs * 1.05,
      feasible: true,
      costUsdPerInvocation: 0,
    });
    const tuning = {
      jobId: 'job-42',
      finishedAt: '2025-09-12T10:00:00.000Z',
      points: [point(512, 800), point(1024, 400), point(2048, 150)],
    };
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1024 }), stats, tuning },
      ctx,
    );
    expect(rec.title).toBe('Raise memory from 1024 MB to 2048 MB');
    expect(rec.reason).toContain('tuning job job-42 of 2025-09-12');
    expect(rec.evidence).toMatchObject({ source: 'tuning-job', tuningJobId: 'job-42' });
  });

  it("a month-end batch's tuning job is advised on: 200,000 calls on day 2 and the job's own on day 3, then 10.6 days idle, is no stopped function", () => {
    // Two days of traffic say nothing of how long the function pauses: it read "No invocations
    // since 2025-09-04 10:00 UTC …, 10.6 days before the window's end" and dropped the advice.
    const base = windowStats({
      invocations: 200_150,
      medianMs: 8000,
      sigma: 0.2,
      maxMemoryUsedMb: 300,
    });
    const tunedAtMs = WEEK_START_MS + 3 * DAY_MS + 10 * 3_600_000;
    const stats: FunctionWindowStats = {
      ...base,
      daily: base.daily.map((d, i) => ({
        ...d,
        invocations: i === 2 ? 200_000 : i === 3 ? 150 : 0,
      })),
      firstSeenMs: WEEK_START_MS + 2 * DAY_MS,
      byMemory: base.byMemory.map((m) => ({
        ...m,
        firstSeenMs: WEEK_START_MS + 2 * DAY_MS,
        lastSeenMs: tunedAtMs,
      })),
    };
    const point = (memoryMb: number) => ({
      memoryMb,
      architecture: 'x86_64' as const,
      invocations: 50,
      meanMs: 8000,
      p90Ms: 8400,
      feasible: true,
      costUsdPerInvocation: 0,
    });
    const tuning = {
      jobId: 'job-7',
      finishedAt: new Date(tunedAtMs).toISOString(),
      points: [point(512), point(1024), point(2048)],
    };
    const asked = withExplanations();
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 2048, timeoutMs: 900_000 }), stats, tuning },
      asked.ctx,
    );
    expect(asked.whyNot).toEqual([]);
    expect(rec.title).toBe('Lower memory from 2048 MB to 512 MB');
    expect(rec.savingUsd.lowUsd).toBeCloseTo(85.38, 2);
    expect(rec.savingUsd.highUsd).toBeCloseTo(88.58, 2);
  });

  it('defect 2 (no minimum evidence and no materiality): a 1 ms function gets no memory advice, and says why when asked', () => {
    const stats = windowStats({
      invocations: 100_000,
      medianMs: 1,
      sigma: 0.1,
      maxMemoryUsedMb: 60,
    });
    const { ctx: asked, whyNot } = withExplanations();
    expect(analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, asked)).toEqual(
      [],
    );
    expect(whyNot).toEqual([
      expect.objectContaining({ kind: 'memory', code: 'below-materiality' }),
    ]);
  });

  it('defect 2: 5 invocations, or fewer than 14 days of data, get no advice', () => {
    const { ctx: asked, whyNot } = withExplanations();
    const few = windowStats({
      invocations: 5,
      medianMs: 2000,
      sigma: 0.1,
      memoryMb: 3008,
      maxMemoryUsedMb: 60,
    });
    expect(
      analyzer.analyze({ profile: lambdaProfile({ memoryMb: 3008 }), stats: few }, asked),
    ).toEqual([]);
    const week = windowStats({
      invocations: 1e7,
      medianMs: 2000,
      sigma: 0.1,
      memoryMb: 3008,
      maxMemoryUsedMb: 60,
      days: 7,
    });
    expect(
      analyzer.analyze({ profile: lambdaProfile({ memoryMb: 3008 }), stats: week }, asked),
    ).toEqual([]);
    expect(whyNot.map((w) => w.code)).toEqual(['insufficient-evidence', 'insufficient-evidence']);
    expect(whyNot[1].detail).toContain('at least 14');

    // Both gates are configurable.
    const lenient = new MemoryAnalyzer({
      ...DEFAULT_MEMORY_OPTIONS,
      evidence: { ...DEFAULT_EVIDENCE_OPTIONS, minWindowDays: 7 },
    });
    expect(
      lenient.analyze({ profile: lambdaProfile({ memoryMb: 3008 }), stats: week }, ctx),
    ).toHaveLength(1);
  });

  it('defect 3 (confidence overstates): three sizes at the minimum evidence are not high confidence, however well they fit', () => {
    const t = (m: number) => 50 + 2000 * Math.exp(-m / 500);
    const stats = statsAtSizes(sizes(t, [256, 1024, 2048], 60));
    // Materiality off, so that the confidence itself is under test.
    const noMateriality = new MemoryAnalyzer({
      ...DEFAULT_MEMORY_OPTIONS,
      evidence: { ...DEFAULT_EVIDENCE_OPTIONS, minSavingUsdPerMonth: 0, minSavingShare: 0 },
    });
    const [rec] = noMateriality.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);
    expect(rec.title).toBe('Raise memory from 256 MB to 2048 MB');
    expect(rec.confidence).toBe('low');
  });

  it('defect 3: sizes observed weeks apart (a deploy may sit between) count less than sizes seen together', () => {
    const t = (m: number) => 50 + 2000 * Math.exp(-m / 500);
    const together = statsAtSizes(sizes(t, [256, 2048], 1_000_000));
    const apart = statsAtSizes(
      sizes(t, [256, 2048], 1_000_000, (m) =>
        m === 256
          ? [WEEK_START_MS, WEEK_START_MS + DAY_MS]
          : [WEEK_START_MS + 12 * DAY_MS, WEEK_START_MS + 14 * DAY_MS],
      ),
    );
    const [a] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 256 }), stats: together },
      ctx,
    );
    const [b] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats: apart }, ctx);
    expect(b.confidenceScore).toBeLessThan(a.confidenceScore);
    expect(b.evidence.sizesGapDays).toBeCloseTo(11, 0);
  });

  it('defect 3: the same sizes and totals are high confidence when every day repeats the means, and lower, with a wider range, when the days scatter or drift', () => {
    const t = (m: number) => 50 + 2000 * Math.exp(-m / 500);
    const at = (day: (memoryMb: number, d: number) => number) =>
      analyzer.analyze(
        {
          profile: lambdaProfile({ memoryMb: 256 }),
          stats: statsAtSizes(sizes(t, [256, 2048], 1_000_000, undefined, day)),
        },
        ctx,
      )[0];
    // Every fixture has the same 14-day means per size: only the days differ.
    const stable = at((_, d) => (d % 2 ? 1.01 : 0.99));
    const noisy = at((_, d) => (d % 2 ? 1.15 : 0.85));
    const drifting = at((m, d) => (m === 256 ? 0.7 + (0.6 * d) / 13 : 1));
    for (const rec of [stable, noisy, drifting])
      expect(rec.title).toBe('Raise memory from 256 MB to 2048 MB');
    expect(stable.confidence).toBe('high');
    expect(noisy.confidence).not.toBe('high');
    expect(drifting.confidence).not.toBe('high');
    expect(noisy.confidenceScore).toBeLessThan(stable.confidenceScore - 0.2);
    expect(drifting.confidenceScore).toBeLessThan(stable.confidenceScore - 0.2);
    const width = (r: typeof stable) => r.savingUsd.highUsd - r.savingUsd.lowUsd;
    expect(width(noisy)).toBeGreaterThan(5 * width(stable));
    expect(width(drifting)).toBeGreaterThan(5 * width(stable));
    // The evidence names the windows and their residual.
    const [current] = noisy.evidence.sizes as {
      memoryMb: number;
      windows: number;
      relativeResidualAcrossWindows: number;
    }[];
    expect(current.memoryMb).toBe(256);
    expect(current.windows).toBe(14);
    expect(current.relativeResidualAcrossWindows).toBeCloseTo(0.15 * Math.sqrt(14 / 13), 2);
  });

  it('defect 3: a size seen on a single day has no repeated windows, and counts less than one seen every day', () => {
    const t = (m: number) => 50 + 2000 * Math.exp(-m / 500);
    const everyDay = statsAtSizes(sizes(t, [256, 2048], 1_000_000));
    const oneDay = statsAtSizes(
      sizes(t, [256, 2048], 1_000_000, (m) =>
        m === 2048
          ? [WEEK_START_MS + 6 * DAY_MS, WEEK_START_MS + 7 * DAY_MS]
          : [WEEK_START_MS, WEEK_START_MS + 14 * DAY_MS],
      ),
    );
    const [a] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 256 }), stats: everyDay },
      ctx,
    );
    const [b] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats: oneDay }, ctx);
    expect(a.confidence).toBe('high');
    expect(b.confidenceScore).toBeLessThan(a.confidenceScore);
    expect(b.confidence).not.toBe('high');
  });

  it('defect 3: two sizes whose durations differ within their noise give no recommendation', () => {
    const stats = statsAtSizes([
      {
        memoryMb: 512,
        invocations: 60,
        durationSumMs: 60 * 100,
        durationBuckets: logNormalBuckets(60, 100, 0.8),
      },
      {
        memoryMb: 1024,
        invocations: 60,
        durationSumMs: 60 * 95,
        durationBuckets: logNormalBuckets(60, 95, 0.8),
      },
    ]);
    const { ctx: asked, whyNot } = withExplanations();
    const recs = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 512 }), stats }, asked);
    expect(recs).toEqual([]);
    expect(whyNot[0].code).not.toBe('not-applicable');
  });

  describe('Knative and OpenFaaS functions with a finished tuning job', () => {
    const point = (memoryMb: number, meanMs: number, feasible = true) => ({
      memoryMb,
      architecture: 'x86_64' as const,
      invocations: 30,
      meanMs,
      p90Ms: meanMs * 1.05,
      feasible,
      costUsdPerInvocation: 0,
    });
    const tuning = {
      jobId: 'job-7',
      finishedAt: '2025-09-12T10:00:00.000Z',
      // Flat above 256 MB (IO-bound); 128 MB ran out of memory.
      points: [point(128, 0, false), point(256, 195), point(512, 192), point(1024, 190)],
    };
    const podProfile = (platform: 'knative' | 'openfaas') =>
      lambdaProfile({
        functionId: `${platform}~media~prod~thumbs`,
        platform,
        name: 'thumbs',
        region: 'prod',
        account: 'media',
        memoryMb: 1024,
        podMemoryMb: 1024,
        podCpu: 0.25,
      });
    // 20 M requests in 14 days, peak 150 MB used.
    const stats = windowStats({
      invocations: 20_000_000,
      medianMs: 190,
      sigma: 0.1,
      maxMemoryUsedMb: 150,
    });

    it('lowers the memory limit to a measured size, priced as the pod time the requests hold', () => {
      const [rec] = analyzer.analyze({ profile: podProfile('knative'), stats, tuning }, ctx);
      expect(rec.title).toBe('Lower memory from 1024 MB to 256 MB');
      expect(rec.reason).toContain('tuning job job-7 of 2025-09-12');
      expect(rec.evidence).toMatchObject({
        source: 'tuning-job',
        pricedAs: 'pod time serving requests',
        podCpu: 0.25,
      });
      // A month of requests × mean duration, at the node's vCPU-hour and GiB-hour prices.
      const vcpuHour = defaultCatalogue.find('k8s.node.vcpu', ctx.at, 'prod')!.usdPerUnit;
      const gibHour = defaultCatalogue.find('k8s.node.memory', ctx.at, 'prod')!.usdPerUnit;
      const hours = (meanMs: number) => (20_000_000 * (730 / (14 * 24)) * meanMs) / 3_600_000;
      expect(rec.current.monthlyUsd).toBeCloseTo(hours(190) * (0.25 * vcpuHour + gibHour), 6);
      expect(rec.recommended.monthlyUsd).toBeCloseTo(
        hours(195) * (0.25 * vcpuHour + 0.25 * gibHour),
        6,
      );
      expect(rec.action.snippets).toEqual([
        {
          format: 'knative',
          text: expect.stringMatching(
            /containers:\n\s+- resources:\n\s+limits:\n\s+memory: 256Mi\n\s+requests:\n\s+memory: 256Mi/,
          ),
        },
      ]);
    });

    it('prices what runs today at its memory request when the request sits below the limit', () => {
      const requestBelowLimit = { ...podProfile('openfaas'), podMemoryMb: 512 };
      const [atLimit] = analyzer.analyze({ profile: podProfile('openfaas'), stats, tuning }, ctx);
      const [atRequest] = analyzer.analyze({ profile: requestBelowLimit, stats, tuning }, ctx);
      const gibHour = defaultCatalogue.find('k8s.node.memory', ctx.at, 'prod')!.usdPerUnit;
      const hours = (20_000_000 * (730 / (14 * 24)) * 190) / 3_600_000;
      const usd = (r: typeof atLimit, part: 'current' | 'recommended') =>
        r[part].monthlyUsd as number;
      expect(usd(atLimit, 'current') - usd(atRequest, 'current')).toBeCloseTo(
        hours * 0.5 * gibHour,
        6,
      );
      expect(usd(atRequest, 'recommended')).toBeCloseTo(usd(atLimit, 'recommended'), 9);
    });

    it('gives the OpenFaaS stack.yml limits and requests to paste', () => {
      const [rec] = analyzer.analyze({ profile: podProfile('openfaas'), stats, tuning }, ctx);
      expect(rec.action.snippets).toEqual([
        {
          format: 'openfaas',
          text: 'functions:\n  thumbs:\n    limits:\n      memory: 256Mi\n    requests:\n      memory: 256Mi',
        },
      ]);
    });

    it('stays silent below materiality, without a tuning job, and when the job did not measure the current size', () => {
      const { ctx: asked, whyNot } = withExplanations();
      const few = windowStats({
        invocations: 2000,
        medianMs: 190,
        sigma: 0.1,
        maxMemoryUsedMb: 150,
      });
      expect(
        analyzer.analyze({ profile: podProfile('openfaas'), stats: few, tuning }, asked),
      ).toEqual([]);
      expect(analyzer.analyze({ profile: podProfile('openfaas'), stats }, asked)).toEqual([]);
      const elsewhere = { ...tuning, points: tuning.points.filter((p) => p.memoryMb !== 1024) };
      expect(
        analyzer.analyze({ profile: podProfile('knative'), stats, tuning: elsewhere }, asked),
      ).toEqual([]);
      expect(whyNot.map((w) => w.code)).toEqual([
        'below-materiality',
        'insufficient-evidence',
        'insufficient-evidence',
      ]);
      expect(whyNot[1].detail).toContain('run a tuning job');
      expect(whyNot[2].detail).toContain('did not measure both 1024 MB');
    });
  });

  it('a measured size below the memory floor (wrong why-not): 1024 MB at 273.1 s is cheaper than 1536 MB at 235.2 s but leaves less than the headroom over a 900 MB peak, and the why-not says so, naming the floor', () => {
    const { ctx: explaining, whyNot } = withExplanations();
    const stats = statsAtSizes(
      sizes((m) => (m === 1024 ? 273_100 : 235_200), [1024, 1536], 5_000),
      900,
    );
    const recs = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1536 }), stats },
      explaining,
    );
    expect(recs).toEqual([]);
    expect(whyNot).toHaveLength(1);
    expect(whyNot[0].code).toBe('already-right');
    // 1024 × 273.1 < 1536 × 235.2 GB-s: the smaller size is the cheaper one.
    expect(whyNot[0].detail).toBe(
      'The cheaper 1024 MB was excluded: its peak memory use (900 MB) leaves less than the 20 % headroom, so no size below the 1080 MB floor is advised. Of the sizes at or above the floor (1536 MB), 1536 MB is the best balance of cost and speed.',
    );
  });

  it('confidence that ignores the range: a one-size "measure" saving from ≈ $0 up to its whole memory share is never \'high\', however many invocations stand behind it', () => {
    const stats = windowStats({
      invocations: 20_000_000,
      medianMs: 200,
      sigma: 0.2,
      maxMemoryUsedMb: 250,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, ctx);
    expect(rec.recommended.action).toBe('measure');
    expect(rec.savingUsd.lowUsd).toBeLessThan(0.25 * rec.savingUsd.highUsd);
    expect(rec.confidence).toBe('medium');
    expect(rec.confidenceScore).toBeLessThan(0.7);
  });

  it("architecture unknown (known only from REPORT lines): priced as x86_64, the saving's low end is what arm64 prices give (0.0000133334 / 0.0000166667 = 0.8), the gates judge that range, and the recommendation says so once", () => {
    const t = (m: number) => 20 + 4000 * Math.exp(-m / 600);
    const stats = statsAtSizes(sizes(t, [256, 512, 1024, 2048], 25_000));
    const [known] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);
    const [assumed] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 256, architectureAssumed: true }), stats },
      ctx,
    );
    const [arm] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 256, architecture: 'arm64' }), stats },
      ctx,
    );
    expect(assumed.recommended).toEqual(known.recommended);
    expect(assumed.savingUsd.highUsd).toBeCloseTo(known.savingUsd.highUsd, 9);
    expect(assumed.savingUsd.lowUsd).toBeCloseTo(0.8 * known.savingUsd.lowUsd, 4);
    // A user on arm64 is never promised more than the range's low end.
    expect(assumed.savingUsd.lowUsd).toBeLessThanOrEqual(arm.savingUsd.lowUsd + 1e-9);
    expect(assumed.monthlyImpactUsd).toBeCloseTo(
      (assumed.savingUsd.lowUsd + assumed.savingUsd.highUsd) / 2,
      9,
    );
    expect(assumed.reason).toContain(
      'Architecture unknown: priced as x86_64; on arm64 the figures are up to 20 % lower',
    );
    expect(assumed.evidence.priceAssumptions).toEqual([
      expect.objectContaining({
        priceId: 'lambda.architecture-unknown:x86_64',
        armRatio: expect.closeTo(0.8, 5),
      }),
    ]);
    expect(known.reason).not.toContain('Architecture unknown');
  });

  it('architecture unknown on a raise, a cost: says what arm64 prices give of it, never that they give its low end (rv-memfull)', () => {
    const stats = windowStats({
      invocations: 100_000,
      medianMs: 1000,
      sigma: 0.05,
      maxMemoryUsedMb: 500,
      memoryMb: 512,
    });
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 512, architectureAssumed: true }), stats },
      ctx,
    );
    expect(rec.title).toBe('Raise memory from 512 MB to 768 MB');
    expect(rec.savingUsd.highUsd).toBe(0);
    const arm = (0.8 * -rec.savingUsd.lowUsd).toFixed(2);
    expect(rec.reason).toContain(`, and arm64 prices would give up to $${arm} more a month.`);
    expect(rec.reason).not.toContain("the saving's low end");
  });

  it('architecture unknown: the materiality gate judges the range arm64 prices would give, so a saving material only at x86_64 prices is not advised', () => {
    const t = (m: number) => 20 + 4000 * Math.exp(-m / 600);
    const stats = statsAtSizes(sizes(t, [256, 512, 1024, 2048], 25_000));
    const [known] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);
    // A threshold between the x86_64 midpoint and the widened one.
    const x86Mid = known.monthlyImpactUsd;
    const widenedMid = (0.8 * known.savingUsd.lowUsd + known.savingUsd.highUsd) / 2;
    const strict = new MemoryAnalyzer({
      ...DEFAULT_MEMORY_OPTIONS,
      evidence: { ...DEFAULT_EVIDENCE_OPTIONS, minSavingUsdPerMonth: (x86Mid + widenedMid) / 2 },
    });
    expect(strict.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx)).toHaveLength(
      1,
    );
    const { ctx: explaining, whyNot } = withExplanations();
    expect(
      strict.analyze(
        { profile: lambdaProfile({ memoryMb: 256, architectureAssumed: true }), stats },
        explaining,
      ),
    ).toEqual([]);
    expect(whyNot[0].code).toBe('below-materiality');
  });

  it('skips functions that are not on Lambda or have no memory setting', () => {
    const stats = windowStats({ invocations: 100, medianMs: 100, sigma: 0.3, maxMemoryUsedMb: 10 });
    expect(analyzer.analyze({ profile: lambdaProfile({ memoryMb: null }), stats }, ctx)).toEqual(
      [],
    );
    expect(
      analyzer.analyze({ profile: lambdaProfile({ platform: 'knative' }), stats }, ctx),
    ).toEqual([]);
  });
});
