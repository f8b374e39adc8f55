import { bucketIndex, histogramQuantile } from '@fleetscope/model';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import {
  DAY_MS,
  WEEK_START_MS,
  lambdaProfile,
  logNormalBuckets,
  windowStats,
} from '../testing/fleet.generator';
import { logNormalExceedance, logNormalQuantile } from '../stats/log-normal.fit';
import { TimeoutRiskAnalyzer, timeoutRiskEvidence } from './timeout-risk.analyzer';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-08T00:00:00Z'),
};
const analyzer = new TimeoutRiskAnalyzer();

describe(TimeoutRiskAnalyzer.name, () => {
  it('defect 10 (timeout unknown means no timeout analysis): 50 observed timeouts with no configured timeout are a critical finding, the timeout inferred from timed-out durations', () => {
    const stats = windowStats({
      invocations: 10_000,
      medianMs: 200,
      sigma: 0.3,
      timeouts: 50,
      durationMaxMs: 6000,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: null }), stats }, ctx);
    expect(rec).toMatchObject({ kind: 'timeout-risk', severity: 'critical', planRole: 'fix' });
    expect(rec.current).toEqual({ timeoutMs: 6000, timeoutSource: 'timed-out-durations' });
    expect(rec.reason).toContain('inferred from the durations of timed-out invocations');
  });

  it('timeouts under a shorter timeout since raised (contradictory data): no critical "fix the slow path" at a timeout nothing reached', () => {
    // A week of 3 s timeouts (each timed-out invocation ran its 3,000 ms), then the timeout was
    // raised to 10 s: a week with none, the longest invocation 900 ms.
    const base = windowStats({ invocations: 20_000, medianMs: 200, sigma: 0.3 });
    const daily = base.daily.map((d, i) =>
      i < 7 ? { ...d, timeouts: 5, durationMaxMs: 3000 } : { ...d, durationMaxMs: 900 },
    );
    const stats = { ...base, daily, timeouts: 35, durationMaxMs: 3000 };
    const whyNot: string[] = [];
    const explained = { ...ctx, explain: (w: { detail: string }) => whyNot.push(w.detail) };
    expect(
      analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 10_000 }), stats }, explained),
    ).toEqual([]);
    expect(whyNot.join(' ')).toContain('35 timeouts ran under a shorter timeout');

    // At the 3 s timeout they reached, the same timeouts are critical.
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec).toMatchObject({ severity: 'critical', planRole: 'fix' });
    expect(rec.reason).toContain('35 of 20000 invocations timed out');
  });

  it('defect (found by a review): reports timeouts a histogram-only source observed, the timeout read from its top bucket ("The timeout is unknown and none was observed")', () => {
    // A Knative service over OTLP or a scrape: 504s counted as timeouts, durations as buckets, no
    // longest duration, and no inventory timeout for a push-only user.
    const durationBuckets = logNormalBuckets(58, 300, 0.3);
    durationBuckets[bucketIndex(30_000)] = 2;
    const stats = windowStats({
      invocations: 60,
      medianMs: 300,
      sigma: 0.3,
      timeouts: 2,
      durationMaxMs: 0,
      durationBuckets,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: null }), stats }, ctx);
    expect(rec).toMatchObject({ kind: 'timeout-risk', severity: 'critical', planRole: 'fix' });
    expect(rec.current).toMatchObject({ timeoutSource: 'timed-out-buckets' });
    // The bucket holding 30 s: the timeout within its width (~9 %).
    expect((rec.current as { timeoutMs: number }).timeoutMs).toBeGreaterThan(30_000 * 0.9);
    expect((rec.current as { timeoutMs: number }).timeoutMs).toBeLessThan(30_000 * 1.1);
    expect(rec.reason).toMatch(/^2 of 60 invocations timed out/);
    expect(rec.reason).toContain('inferred from the duration buckets of timed-out invocations');
  });

  it('defect 10: says the timeout came from "Task timed out after N seconds" lines when it did', () => {
    const stats = windowStats({ invocations: 3, medianMs: 200, sigma: 0.3, timeouts: 1 });
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ timeoutMs: 3000, timeoutSource: 'timed-out-log-line' }), stats },
      ctx,
    );
    // A single timeout in three invocations is reported: every timeout is a finding.
    expect(rec.severity).toBe('critical');
    expect(rec.reason).toContain('Task timed out after N seconds');
  });

  it('flags a function whose p99 is 92 % of its timeout and says so in the reason', () => {
    const stats = windowStats({ invocations: 100_000, medianMs: 1000, sigma: 0.3 });
    const p99 = histogramQuantile(stats.durationBuckets, 0.99)!;
    const timeoutMs = Math.round(p99 / 0.92);
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs }), stats }, ctx);

    expect(rec.kind).toBe('timeout-risk');
    expect(rec.severity).toBe('warning');
    expect(rec.evidence.flags).toContain('p99-near-timeout');
    expect(rec.reason).toContain('92 %');
    expect(rec.recommended).toMatchObject({ action: 'raise-timeout' });
    expect(rec.recommended.timeoutMs as number).toBeGreaterThan(timeoutMs);
    expect(rec.recommended.timeoutMs as number).toBeLessThanOrEqual(900_000);
    expect(rec.catalogueVersion).toBe(defaultCatalogue.version);
    expect(rec.confidence).toBe('high');
  });

  it('stays silent when p99 is far below the timeout and the fitted tail never reaches it', () => {
    const stats = windowStats({ invocations: 100_000, medianMs: 100, sigma: 0.3 });
    expect(analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx)).toEqual(
      [],
    );
  });

  it('flags a fat tail that crosses the timeout even when p99 is below 80 %', () => {
    const stats = windowStats({ invocations: 100_000, medianMs: 200, sigma: 0.9 });
    const p99 = histogramQuantile(stats.durationBuckets, 0.99)!;
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ timeoutMs: Math.round(p99 / 0.6) }), stats },
      ctx,
    );
    expect(rec.evidence.flags).toEqual(['tail-probability']);
    expect(rec.severity).toBe('info');
    expect(rec.evidence.tailProbability as number).toBeGreaterThan(1e-4);
  });

  it('defect (a tail extrapolated from 60 invocations asked for 17 s): a fitted tail flags only where the window could have seen it', () => {
    // 45 invocations of ~0.1 s and 15 spread over 0.2–1.5 s, no timeout; 6 s configured.
    const durations = [
      ...Array.from({ length: 45 }, (_, i) => 90 + i),
      ...Array.from({ length: 15 }, (_, i) => 200 + i * 93),
    ];
    const durationBuckets: Record<number, number> = {};
    for (const d of durations)
      durationBuckets[bucketIndex(d)] = (durationBuckets[bucketIndex(d)] ?? 0) + 1;
    const stats = {
      ...windowStats({ invocations: 60, medianMs: 100, sigma: 0.1 }),
      durationBuckets,
      durationSumMs: durations.reduce((a, b) => a + b, 0),
      durationMaxMs: Math.max(...durations),
    };
    // The fit alone would cross the threshold: the evidence says so, no flag is raised on it.
    expect(timeoutRiskEvidence(stats, 6000).tailProbability).toBeGreaterThan(1e-4);
    const whyNot: string[] = [];
    expect(
      analyzer.analyze(
        { profile: lambdaProfile({ timeoutMs: 6000 }), stats },
        { ...ctx, explain: (w) => whyNot.push(w.code) },
      ),
    ).toEqual([]);
    expect(whyNot).toEqual(['already-right']);
    // The longest halfway to the timeout: the same tail is worth flagging.
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec.evidence.flags).toEqual(['tail-probability']);
  });

  it('marks observed timeouts critical and points at hangs when p99 is short', () => {
    const stats = windowStats({
      invocations: 10_000,
      medianMs: 100,
      sigma: 0.3,
      timeouts: 3,
      durationMaxMs: 3000,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec.severity).toBe('critical');
    expect(rec.reason).toMatch(/^3 of 10000 invocations timed out/);
    expect(rec.recommended).toMatchObject({ action: 'change-code' });
  });

  it('defect (found by a review): points at hangs when the timeouts themselves carry the p99 ("Raise the timeout to 17 s" for 5 stuck calls)', () => {
    // 300 invocations around 514 ms, the longest completed 1,102 ms, and 5 that ran into the
    // 3 s timeout: 1.6 % of them, so the p99 of all sits among the timed-out ones.
    const durationBuckets = logNormalBuckets(300, 514, 0.3);
    durationBuckets[bucketIndex(3000)] = 5;
    const stats = windowStats({
      invocations: 305,
      medianMs: 514,
      sigma: 0.3,
      timeouts: 5,
      durationMaxMs: 3000,
      durationBuckets,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec.evidence.p99ShareOfTimeout as number).toBeGreaterThan(0.9);
    // The invocations that completed: their p99 is about a third of the timeout.
    expect(rec.evidence.completedP99Ms as number).toBeLessThan(1500);
    expect(rec.recommended).toMatchObject({ action: 'change-code', timeoutMs: 3000 });
    expect(rec.title).toBe('Fix the slow path: the timeout is not the problem');
    expect(rec.reason).toMatch(
      /The invocations that completed have a p99 of \d+ ms, under half the timeout/,
    );
  });

  it('recommends a code change when the needed timeout exceeds the 900 s Lambda maximum', () => {
    const stats = windowStats({ invocations: 10_000, medianMs: 500_000, sigma: 0.3 });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 900_000 }), stats }, ctx);
    expect(rec.recommended).toMatchObject({ action: 'change-code', timeoutMs: 900_000 });
  });

  it('on a platform with no timeout ceiling, does not suggest a timeout hours beyond the longest invocation from an extrapolated tail', () => {
    // Two kinds of request: 95 % answered from a cache in ~10 ms, 5 % rebuilding it in ~25 s.
    // A log-normal through p75 (10 ms) and p99 (25 s) puts p99.99 at hours.
    const fast = windowStats({ invocations: 95_000, medianMs: 10, sigma: 0.2 });
    const slow = windowStats({ invocations: 5_000, medianMs: 25_000, sigma: 0.02 });
    const durationBuckets: Record<number, number> = { ...fast.durationBuckets };
    for (const [k, n] of Object.entries(slow.durationBuckets))
      durationBuckets[Number(k)] = (durationBuckets[Number(k)] ?? 0) + n;
    const stats = {
      ...fast,
      invocations: 100_000,
      durationBuckets,
      durationSumMs: fast.durationSumMs + slow.durationSumMs,
      durationMaxMs: slow.durationMaxMs,
    };
    for (const platform of ['azure_functions', 'openfaas'] as const) {
      const [rec] = analyzer.analyze(
        { profile: lambdaProfile({ platform, timeoutMs: 30_000 }), stats },
        ctx,
      );
      expect(rec.evidence.flags).toContain('p99-near-timeout');
      // The p75–p99 fit expects ~1,000 invocations above the longest seen: left out.
      expect(rec.evidence.fitsContradicted).toEqual(['tail']);
      expect(rec.recommended).toMatchObject({ action: 'raise-timeout' });
      // The longest of 100,000 invocations ran 27 s: the headroom over it, not hours.
      expect(rec.recommended.timeoutMs as number).toBeGreaterThan(30_000);
      expect(rec.recommended.timeoutMs as number).toBeLessThanOrEqual(
        1.5 * stats.durationMaxMs + 1000,
      );
    }
  });

  it('p99 never exceeds the longest duration seen: 200 invocations run into a 3,000 ms timeout', () => {
    // The timed-out invocations fill the bucket (2,896, 3,158] ms: read from the buckets alone,
    // the p99 sits halfway up it, about 3,025 ms, above the 3,000 ms they all ran.
    const durationBuckets = logNormalBuckets(9_800, 400, 0.3);
    durationBuckets[bucketIndex(3000)] = 200;
    expect(histogramQuantile(durationBuckets, 0.99)!).toBeGreaterThan(3000);
    const stats = windowStats({
      invocations: 10_000,
      medianMs: 400,
      sigma: 0.3,
      timeouts: 200,
      durationMaxMs: 3000,
      durationBuckets,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec.evidence.flags).toContain('p99-near-timeout');
    expect(rec.evidence.p99Ms).toBe(3000);
    expect(rec.evidence.maxMs).toBe(3000);
    expect(rec.evidence.p99ShareOfTimeout).toBe(1);
    expect(rec.evidence.p99ShareOfTimeout as number).toBeLessThanOrEqual(
      rec.evidence.maxShareOfTimeout as number,
    );
    expect(rec.reason).toContain('p99 3000 ms is 100 % of the 3000 ms timeout');
  });

  it('returns nothing when the timeout is unknown', () => {
    const stats = windowStats({ invocations: 10, medianMs: 100, sigma: 0.3 });
    expect(analyzer.analyze({ profile: lambdaProfile({ timeoutMs: null }), stats }, ctx)).toEqual(
      [],
    );
  });
});

describe(timeoutRiskEvidence.name, () => {
  it('measures the daily p99 trend in ms per day', () => {
    const stats = windowStats({ invocations: 7000, medianMs: 100, sigma: 0.3, days: 7 });
    stats.daily = stats.daily.map((d, i) => ({
      ...d,
      p99Ms: 1000 + 50 * i,
      dayStartMs: WEEK_START_MS + i * DAY_MS,
    }));
    const evidence = timeoutRiskEvidence(stats, 3000);
    expect(evidence.p99TrendMsPerDay).toBeCloseTo(50, 6);
    expect(evidence.projectedP99In7DaysMs).toBeCloseTo(1300 + 350, 6);
  });

  it('fits the tail through the p99 clamped to the longest duration seen', () => {
    const durationBuckets = logNormalBuckets(9_800, 400, 0.3);
    durationBuckets[bucketIndex(3000)] = 200;
    const stats = windowStats({
      invocations: 10_000,
      medianMs: 400,
      sigma: 0.3,
      durationMaxMs: 3000,
      durationBuckets,
    });
    const { fits } = timeoutRiskEvidence(stats, 3000);
    expect(fits.tail).not.toBeNull();
    // The fit passes through p99 = 3,000 ms, not through the bucket's ~3,025 ms.
    expect(logNormalQuantile(fits.tail!, 0.99)).toBeCloseTo(3000, 6);
  });
});

describe('the daily p99 trend', () => {
  // A p99 near the timeout (about 4,000 ms of 4,500): flagged whatever the trend says.
  const profile = lambdaProfile({ timeoutMs: 4500 });
  const noise = [300, -250, 100, -400, 350, -100, 50, -300, 400, -50, 200, -350, 250, 150];
  const withDailyP99 = (p99At: (day: number) => number, days = 14) => {
    const stats = windowStats({ invocations: 14_000, medianMs: 2000, sigma: 0.3, days });
    stats.daily = stats.daily.map((d, i) => ({ ...d, p99Ms: p99At(i) }));
    return stats;
  };

  it('states no trend a least-squares slope cannot tell from noise ("p99 is rising 65 ms/day" on daily p99s scattered ±1,600 ms)', () => {
    const stats = withDailyP99((i) => 4000 + 40 * i + 4 * noise[i]);
    const [rec] = analyzer.analyze({ profile, stats }, ctx);
    expect(rec.evidence.flags).toContain('p99-near-timeout');
    expect(rec.reason).not.toContain('rising');
    // The slope is there (65 ms/day), its 95 % interval spans 0.
    expect(rec.evidence.p99TrendMsPerDay as number).toBeCloseTo(65.05, 1);
    const trend = rec.evidence.p99Trend as { lowMsPerDay: number; highMsPerDay: number };
    expect(trend.lowMsPerDay).toBeLessThan(0);
    expect(trend.highMsPerDay).toBeGreaterThan(0);
    expect(rec.evidence.projectedP99In7DaysMs).toBeNull();
  });

  it('states a rising trend whose 95 % interval excludes 0, with that interval', () => {
    const stats = withDailyP99((i) => 3000 + 50 * i + noise[i] / 10);
    const [rec] = analyzer.analyze({ profile, stats }, ctx);
    expect(rec.reason).toMatch(
      /p99 is rising 51 ms\/day \(95 % interval 4\d–5\d ms\/day over 14 days\)/,
    );
    const trend = rec.evidence.p99Trend as { lowMsPerDay: number; highMsPerDay: number };
    expect(trend.lowMsPerDay).toBeGreaterThan(40);
    expect(trend.highMsPerDay).toBeLessThan(60);
    expect(rec.evidence.projectedP99In7DaysMs as number).toBeGreaterThan(3650 + 300);
  });

  it('states no trend from fewer than 7 days, however straight the line', () => {
    const stats = withDailyP99((i) => 3600 + 100 * i, 5);
    const [rec] = analyzer.analyze({ profile, stats }, ctx);
    expect(rec.reason).not.toContain('rising');
    expect(rec.evidence.projectedP99In7DaysMs).toBeNull();
  });
});

describe('a memory size changed during the window', () => {
  const perDay = 50_000;
  const sizeMeanMs = (medianMs: number, sigma: number) => medianMs * Math.exp((sigma * sigma) / 2);
  /**
   * Two sizes one after the other, perDay invocations a day, each log-normal; `timeoutsPerDay`
   * at the first size ran to the 3,000 ms timeout (in its histogram at 3 s).
   */
  const resized = (
    first: { memoryMb: number; medianMs: number; days: number; timeoutsPerDay?: number },
    then: { memoryMb: number; medianMs: number; days: number },
    sigma: number,
    ownDays = true,
  ) => {
    const dayCount = first.days + then.days;
    const sizeOf = (
      s: { memoryMb: number; medianMs: number; days: number },
      d0: number,
      timeouts: number,
    ) => {
      const durationBuckets = logNormalBuckets(perDay * s.days - timeouts, s.medianMs, sigma);
      if (timeouts > 0)
        durationBuckets[bucketIndex(3000)] = (durationBuckets[bucketIndex(3000)] ?? 0) + timeouts;
      const meanMs = sizeMeanMs(s.medianMs, sigma);
      return {
        memoryMb: s.memoryMb,
        invocations: perDay * s.days,
        durationSumMs: meanMs * perDay * s.days,
        durationBuckets,
        ooms: 0,
        firstSeenMs: WEEK_START_MS + d0 * DAY_MS,
        lastSeenMs: WEEK_START_MS + (d0 + s.days) * DAY_MS - 60_000,
        ...(ownDays
          ? {
              daily: Array.from({ length: s.days }, (_, i) => ({
                dayStartMs: WEEK_START_MS + (d0 + i) * DAY_MS,
                invocations: perDay,
                durationSumMs: meanMs * perDay,
              })),
            }
          : {}),
      };
    };
    const firstTimeouts = (first.timeoutsPerDay ?? 0) * first.days;
    const a = sizeOf(first, 0, firstTimeouts);
    const b = sizeOf(then, first.days, 0);
    const durationBuckets: Record<number, number> = { ...a.durationBuckets };
    for (const [k, n] of Object.entries(b.durationBuckets))
      durationBuckets[Number(k)] = (durationBuckets[Number(k)] ?? 0) + n;
    const daily = Array.from({ length: dayCount }, (_, d) => {
      const s = d < first.days ? first : then;
      const timeouts = d < first.days ? (first.timeoutsPerDay ?? 0) : 0;
      return {
        dayStartMs: WEEK_START_MS + d * DAY_MS,
        invocations: perDay,
        timeouts,
        durationMaxMs: timeouts > 0 ? 3000 : s.medianMs * Math.exp(3.5 * sigma),
        p99Ms: s.medianMs * Math.exp(2.326 * sigma),
      };
    });
    return {
      ...windowStats({ invocations: perDay * dayCount, medianMs: first.medianMs, sigma }),
      invocations: perDay * dayCount,
      timeouts: firstTimeouts,
      errors: firstTimeouts,
      durationSumMs: a.durationSumMs + b.durationSumMs,
      billedDurationSumMs: a.durationSumMs + b.durationSumMs,
      durationMaxMs: Math.max(...daily.map((d) => d.durationMaxMs)),
      durationBuckets,
      byMemory: [a, b],
      daily,
    };
  };

  it('flags a p99 near the timeout at the size configured 3 days ago, which the window blended with 11 days at another size ("p99 2393 ms, no timeouts")', () => {
    // 1024 MB for 11 days (median 1.2 s), then 512 MB (median 2.0 s): p99 2,577 ms at 512 MB.
    const stats = resized(
      { memoryMb: 1024, medianMs: 1200, days: 11 },
      { memoryMb: 512, medianMs: 2000, days: 3 },
      0.1,
    );
    const at512 = histogramQuantile(stats.byMemory[1].durationBuckets, 0.99)!;
    expect(at512 / 3000).toBeGreaterThan(0.85);
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 512, timeoutMs: 3000 }), stats },
      ctx,
    );
    expect(rec).toBeDefined();
    expect(rec.severity).toBe('warning');
    expect(rec.evidence.flags).toContain('p99-near-timeout');
    expect(rec.evidence.invocations).toBe(150_000);
    expect(rec.evidence.p99ShareOfTimeout as number).toBeCloseTo(at512 / 3000, 2);
    expect(rec.evidence.memoryBasis).toEqual({
      memoryMb: 512,
      invocations: 150_000,
      windowInvocations: 700_000,
      otherSizesMb: [1024],
    });
    expect(rec.reason).toContain('86 % of the 3000 ms timeout');
    expect(rec.reason).toContain('512 MB');
    expect(rec.basis.invocations).toBe(150_000);
  });

  it('does not call a function critical for timeouts at a size since raised: 70 timeouts at 512 MB, none in 350,000 invocations at the configured 1024 MB', () => {
    for (const ownDays of [true, false]) {
      const stats = resized(
        { memoryMb: 512, medianMs: 2300, days: 7, timeoutsPerDay: 10 },
        { memoryMb: 1024, medianMs: 1900, days: 7 },
        0.12,
        ownDays,
      );
      const [rec] = analyzer.analyze(
        { profile: lambdaProfile({ memoryMb: 1024, timeoutMs: 3000 }), stats },
        ctx,
      );
      expect(rec.severity).toBe('warning');
      expect(rec.evidence.flags).toContain('p99-near-timeout');
      expect(rec.evidence.flags).not.toContain('observed-timeouts');
      expect(rec.evidence.timeouts).toBe(0);
      expect(rec.evidence.timeoutsUnderOtherMemory).toBe(70);
      // p99 at 1024 MB: 1,900 × e^(2.326 × 0.12) ≈ 2,512 ms, 84 % of 3 s (85 % read from its
      // buckets); the blended window's was 2,979 ms, 99 %.
      const share = rec.evidence.p99ShareOfTimeout as number;
      expect(share).toBeGreaterThan(0.8);
      expect(share).toBeLessThan(0.9);
      expect(rec.reason).toContain(`${Math.round(share * 100)} % of the 3000 ms timeout`);
      expect(rec.reason).toContain('70 timeouts ran at other memory sizes (512 MB)');
      expect(rec.reason).not.toMatch(/of \d+ invocations timed out/);
    }

    // Configured at 512 MB, the size they ran at, the same timeouts are critical.
    const stats = resized(
      { memoryMb: 1024, medianMs: 1900, days: 7 },
      { memoryMb: 512, medianMs: 2300, days: 7 },
      0.12,
    );
    const at512 = {
      ...stats,
      timeouts: 70,
      daily: stats.daily.map((d, i) => (i >= 7 ? { ...d, timeouts: 10, durationMaxMs: 3000 } : d)),
    };
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 512, timeoutMs: 3000 }), stats: at512 },
      ctx,
    );
    expect(rec.severity).toBe('critical');
    expect(rec.reason).toMatch(/^70 of 350000 invocations timed out/);
  });

  it('judges the whole window, and says so, when the configured size ran too few invocations to be judged alone', () => {
    const stats = resized(
      { memoryMb: 512, medianMs: 2300, days: 7, timeoutsPerDay: 10 },
      { memoryMb: 1024, medianMs: 1900, days: 7 },
      0.12,
    );
    const few = {
      ...stats,
      byMemory: [stats.byMemory[0], { ...stats.byMemory[1], invocations: 30 }],
    };
    const [rec] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1024, timeoutMs: 3000 }), stats: few },
      ctx,
    );
    expect(rec.severity).toBe('critical');
    expect(rec.evidence.memoryBasis).toBeNull();
    expect(rec.reason).toContain('only 30 invocations at the configured 1024 MB');
  });
});

describe('timeouts outside the duration distribution', () => {
  it('does not ask for a timeout sized from a fitted p99.99 below the current one ("Raise the timeout to 4 s" from a p99.99 of 2,463 ms)', () => {
    // 100,000 invocations, median 800 ms; 5 ran into the 3 s timeout. The fits expect ~0.6.
    const base = windowStats({ invocations: 100_000, medianMs: 800, sigma: 0.3 });
    const durationBuckets = { ...base.durationBuckets };
    durationBuckets[bucketIndex(3000)] = (durationBuckets[bucketIndex(3000)] ?? 0) + 5;
    const stats = {
      ...base,
      invocations: 100_005,
      timeouts: 5,
      errors: 5,
      durationBuckets,
      durationMaxMs: 3000,
      daily: base.daily.map((d, i) => (i === 5 ? { ...d, timeouts: 5, durationMaxMs: 3000 } : d)),
    };
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec.severity).toBe('critical');
    expect(rec.evidence.fittedP9999Ms as number).toBeLessThan(3000);
    expect(rec.recommended).toMatchObject({ action: 'change-code', timeoutMs: 3000 });
    expect(rec.title).toBe('Fix the slow path: the timeout is not the problem');
    expect(rec.reason).toContain('outside the duration distribution');
  });

  it('says how many timeouts the fit expects and the bound they exceed', () => {
    const base = windowStats({ invocations: 100_000, medianMs: 800, sigma: 0.3 });
    const durationBuckets = { ...base.durationBuckets };
    durationBuckets[bucketIndex(3000)] = (durationBuckets[bucketIndex(3000)] ?? 0) + 5;
    const stats = {
      ...base,
      invocations: 100_005,
      timeouts: 5,
      durationBuckets,
      durationMaxMs: 3000,
      daily: base.daily.map((d, i) => (i === 5 ? { ...d, timeouts: 5, durationMaxMs: 3000 } : d)),
    };
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    const expected = rec.evidence.expectedTimeouts as number;
    expect(expected).toBeCloseTo(100_005 * (rec.evidence.tailProbability as number), 6);
    expect(expected).toBeLessThan(1);
    expect(rec.evidence.outsideDistributionAbove as number).toBeLessThan(5);
    expect(rec.reason).toContain(
      `the fit expects ${expected.toFixed(1)} timeouts where 5 is more than ${(3 * expected + 3).toFixed(1)}`,
    );
  });

  // The log-normal's own tail past the timeout, cut there: as many timeouts as the fit predicts.
  function tailCutAtTimeout(invocations: number, medianMs: number, sigma: number) {
    const timeoutMs = 3000;
    const pTail = logNormalExceedance({ mu: Math.log(medianMs), sigma }, timeoutMs);
    const timeouts = Math.round(invocations * pTail);
    const base = windowStats({ invocations, medianMs, sigma });
    const durationBuckets: Record<number, number> = {};
    for (const [k, c] of Object.entries(base.durationBuckets))
      if (Number(k) <= bucketIndex(timeoutMs)) durationBuckets[Number(k)] = c;
    durationBuckets[bucketIndex(timeoutMs)] =
      (durationBuckets[bucketIndex(timeoutMs)] ?? 0) + timeouts;
    const total = Object.values(durationBuckets).reduce((a, b) => a + b, 0);
    const perDay = Math.floor(timeouts / base.daily.length);
    const stats = {
      ...base,
      invocations: total,
      timeouts,
      errors: timeouts,
      durationBuckets,
      durationMaxMs: timeoutMs,
      daily: base.daily.map((d, i) => ({
        ...d,
        timeouts: i === 0 ? timeouts - perDay * (base.daily.length - 1) : perDay,
        durationMaxMs: timeoutMs,
      })),
    };
    return { timeouts, stats, profile: lambdaProfile({ timeoutMs }) };
  }

  it.each([
    [1_000_000, 1144, 0.25, 58],
    [1_000_000, 1300, 0.22, 72],
    [500_000, 1144, 0.25, 29],
  ])(
    'raises the timeout for the timeouts the fitted tail itself predicts: %i invocations, median %i ms, sigma %f, %i timeouts ("Fix the slow path" for a fitted p99.99 under the timeout)',
    (invocations, medianMs, sigma, wantTimeouts) => {
      const { timeouts, stats, profile } = tailCutAtTimeout(invocations, medianMs, sigma);
      expect(timeouts).toBe(wantTimeouts);
      const [rec] = analyzer.analyze({ profile, stats }, ctx);
      expect(rec.severity).toBe('critical');
      expect(rec.evidence.fittedP9999Ms as number).toBeLessThan(3000);
      expect(rec.evidence.flags).not.toContain('p99-near-timeout');
      expect(rec.recommended).toMatchObject({ action: 'raise-timeout', timeoutMs: 5000 });
      expect(rec.title).toBe('Raise the timeout to 5 s');
      expect(rec.reason).not.toContain('outside the duration distribution');
    },
  );

  it('still asks for headroom when the p99 itself is near the timeout', () => {
    // Median 2,400 ms, sigma 0.04: p99 ~2,650 ms (88 %) and a fitted p99.99 ~2,870 ms, both
    // under 3 s.
    const base = windowStats({ invocations: 100_000, medianMs: 2400, sigma: 0.04 });
    const durationBuckets = { ...base.durationBuckets };
    durationBuckets[bucketIndex(3000)] = (durationBuckets[bucketIndex(3000)] ?? 0) + 5;
    const stats = {
      ...base,
      invocations: 100_005,
      timeouts: 5,
      durationBuckets,
      durationMaxMs: 3000,
      daily: base.daily.map((d, i) => (i === 5 ? { ...d, timeouts: 5, durationMaxMs: 3000 } : d)),
    };
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ timeoutMs: 3000 }), stats }, ctx);
    expect(rec.evidence.flags).toContain('p99-near-timeout');
    expect(rec.evidence.fittedP9999Ms as number).toBeLessThan(3000);
    expect(rec.recommended).toMatchObject({ action: 'raise-timeout' });
  });
});
