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
import { logNormalQuantile } from '../stats/log-normal.fit';
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
