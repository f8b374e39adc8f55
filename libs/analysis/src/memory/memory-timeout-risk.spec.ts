import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { defaultAnalyzers, runAnalyzers } from '../default-analyzers';
import type { FunctionWindowStats, HistogramBuckets, MemorySizeStats } from '../inputs';
import type { WhyNot } from '../recommendation';
import { bucketIndex } from '@fleetscope/model';
import { DAY_MS, WEEK_START_MS, lambdaProfile, logNormalBuckets } from '../testing/fleet.generator';
import { MemoryAnalyzer, timeoutExposureBySize } from './memory.analyzer';

const PER_DAY = 50_000;
const SIGMA = 0.12;
const mean = (medianMs: number) => medianMs * Math.exp((SIGMA * SIGMA) / 2);

interface Stretch {
  memoryMb: number;
  medianMs: number;
  /** Timeouts each day of the stretch (their invocations end at the 3 s timeout). */
  timeoutsPerDay: number;
}

function merge(a: HistogramBuckets, b: HistogramBuckets): HistogramBuckets {
  const merged: HistogramBuckets = { ...a };
  for (const [key, count] of Object.entries(b))
    merged[Number(key)] = (merged[Number(key)] ?? 0) + count;
  return merged;
}

/** The longest duration of a stretch's days: the timeout where it timed out. */
const longestMs = (s: Stretch) =>
  s.timeoutsPerDay > 0 ? 3000 : s.medianMs * Math.exp(3.5 * SIGMA);

/**
 * A histogram as production records it: nothing above the longest duration its days saw (a
 * log-normal's tail past the timeout is what the timeout cut off), that tail counted at it.
 */
function clippedAt(buckets: HistogramBuckets, maxMs: number): HistogramBuckets {
  const top = bucketIndex(maxMs);
  const clipped: HistogramBuckets = {};
  for (const [key, count] of Object.entries(buckets)) {
    const index = Math.min(Number(key), top);
    clipped[index] = (clipped[index] ?? 0) + count;
  }
  return clipped;
}

/**
 * 14 days, 50,000 invocations a day, peak memory 300 MB: the first 7 days at `before.memoryMb`,
 * the last 7 at `after.memoryMb`, each log-normal around its median (sigma 0.12).
 */
function sevenDaysEach(before: Stretch, after: Stretch): FunctionWindowStats {
  const stretches = [before, after].map((s, i) => ({
    ...s,
    firstDay: 7 * i,
    buckets: clippedAt(logNormalBuckets(PER_DAY * 7, s.medianMs, SIGMA), longestMs(s)),
  }));
  const byMemory: MemorySizeStats[] = stretches.map((s) => ({
    memoryMb: s.memoryMb,
    invocations: PER_DAY * 7,
    durationSumMs: mean(s.medianMs) * PER_DAY * 7,
    durationBuckets: s.buckets,
    ooms: 0,
    firstSeenMs: WEEK_START_MS + s.firstDay * DAY_MS,
    lastSeenMs: WEEK_START_MS + (s.firstDay + 7) * DAY_MS - 60_000,
    daily: Array.from({ length: 7 }, (_, d) => ({
      dayStartMs: WEEK_START_MS + (s.firstDay + d) * DAY_MS,
      invocations: PER_DAY,
      durationSumMs: mean(s.medianMs) * PER_DAY * (1 + 0.01 * ((d % 3) - 1)),
    })),
  }));
  const daily = stretches.flatMap((s) =>
    Array.from({ length: 7 }, (_, d) => ({
      dayStartMs: WEEK_START_MS + (s.firstDay + d) * DAY_MS,
      invocations: PER_DAY,
      timeouts: s.timeoutsPerDay,
      durationMaxMs: longestMs(s),
      p99Ms: s.medianMs * Math.exp(2.326 * SIGMA),
    })),
  );
  const timeouts = 7 * (before.timeoutsPerDay + after.timeoutsPerDay);
  const durationSumMs = (mean(before.medianMs) + mean(after.medianMs)) * PER_DAY * 7;
  return {
    functionId: 'aws_lambda~123456789012~us-east-1~checkout',
    windowStartMs: WEEK_START_MS,
    windowEndMs: WEEK_START_MS + 14 * DAY_MS,
    invocations: PER_DAY * 14,
    errors: timeouts,
    timeouts,
    ooms: 0,
    coldStarts: 0,
    durationSumMs,
    durationMaxMs: Math.max(...daily.map((d) => d.durationMaxMs)),
    billedDurationSumMs: durationSumMs,
    initDurationSumMs: 0,
    durationBuckets: merge(stretches[0].buckets, stretches[1].buckets),
    initBuckets: {},
    maxMemoryUsedMb: 300,
    memoryUsedP95Mb: 280,
    byMemory,
    daily,
  };
}

/** 1024 MB for the 512 MB run below with a shared change day, before 8807792: an extra cost. */
const OLD_SHARED_DAY_SAVING = { lowUsd: -13.30200683499531, highUsd: -12.24109866408918 };

function analyzed(currentMb: number, stats: FunctionWindowStats) {
  const whyNot: WhyNot[] = [];
  const ctx: AnalysisContext = {
    pricing: new PricingService(defaultCatalogue),
    at: new Date('2025-09-15T00:00:00Z'),
    explain: (w) => whyNot.push(w),
  };
  const { recommendations, failures } = runAnalyzers(
    defaultAnalyzers(),
    [{ profile: lambdaProfile({ memoryMb: currentMb, timeoutMs: 3000 }), stats }],
    ctx,
  );
  expect(failures).toEqual([]);
  return {
    memory: recommendations.filter((r) => r.kind === 'memory'),
    whyNot: whyNot.filter((w) => w.kind === 'memory'),
  };
}

describe(`${MemoryAnalyzer.name}: sizes at timeout risk`, () => {
  it('never sends a function back to the size where it timed out: 70 timeouts and a p99 of ~3,000 ms of a 3 s timeout at 512 MB, raised to 1024 MB since, get no "lower to 512 MB", and the why-not names the exclusion', () => {
    const stats = sevenDaysEach(
      { memoryMb: 512, medianMs: 2300, timeoutsPerDay: 10 },
      { memoryMb: 1024, medianMs: 1900, timeoutsPerDay: 0 },
    );
    const { memory, whyNot } = analyzed(1024, stats);
    expect(memory.map((r) => r.recommended.memoryMb)).not.toContain(512);
    expect(memory).toEqual([]);
    expect(whyNot).toHaveLength(1);
    expect(whyNot[0].code).toBe('already-right');
    expect(whyNot[0].detail).toMatch(
      /^The cheaper 512 MB was excluded: it ran close to the 3000 ms timeout while configured \(70 timeouts, p99 \d+ ms, \d+ % of it\), and the timeout-risk analysis flags a p99 above 80 %\. Of the sizes left \(1024 MB\), 1024 MB is the best balance of cost and speed\.$/,
    );
  });

  it('a size whose p99 is within 80 % of the timeout is excluded even with no timeout seen there', () => {
    const stats = sevenDaysEach(
      { memoryMb: 512, medianMs: 2300, timeoutsPerDay: 0 },
      { memoryMb: 1024, medianMs: 1900, timeoutsPerDay: 0 },
    );
    const { memory, whyNot } = analyzed(1024, stats);
    expect(memory).toEqual([]);
    expect(whyNot[0].detail).toMatch(
      /^The cheaper 512 MB was excluded: it ran close to the 3000 ms timeout while configured \(p99 \d+ ms, \d+ % of it\), and the timeout-risk analysis flags a p99 above 80 %\./,
    );
  });

  it('control: a smaller size that ran well clear of the timeout is still advised, with the same dollars as before', () => {
    const stats = sevenDaysEach(
      { memoryMb: 512, medianMs: 1500, timeoutsPerDay: 0 },
      { memoryMb: 1024, medianMs: 1300, timeoutsPerDay: 0 },
    );
    const { memory } = analyzed(1024, stats);
    expect(memory).toHaveLength(1);
    const [rec] = memory;
    expect(rec.title).toBe('Lower memory from 1024 MB to 512 MB');
    expect(rec.recommended.memoryMb).toBe(512);
    // What the analyzer gave before sizes at timeout risk were excluded (b9270af).
    expect(rec.savingUsd.lowUsd).toBeCloseTo(13.692108922303731, 9);
    expect(rec.savingUsd.highUsd).toBeCloseTo(14.404039763043372, 9);
    expect(rec.confidence).toBe('high');
  });

  it('raising a function out of timeout risk is still advised: at 512 MB (configured) it times out, at 1024 MB it did not and its p99 (82 % of the timeout) is lower', () => {
    const stats = sevenDaysEach(
      { memoryMb: 1024, medianMs: 1850, timeoutsPerDay: 0 },
      { memoryMb: 512, medianMs: 2700, timeoutsPerDay: 9000 },
    );
    const { memory } = analyzed(512, stats);
    expect(memory.map((r) => r.recommended.memoryMb)).toEqual([1024]);
    // Raised out of the timeouts, not for the waiting: with waiting at 0 $/s it read "worth $0
    // at the 0 $/s set for waiting", a value that was no reason at all.
    expect(memory[0].reason).toMatch(
      /^A way out of the timeouts: at the configured 512 MB 63000 invocations timed out at the 3000 ms timeout/,
    );
    expect(memory[0].reason).not.toContain('worth $0');
  });

  it('a change of size at noon shares a UTC day: raised from 512 MB (9,000 timeouts a day) back to 1024 MB (none, p99 82 % of the timeout) is still advised with the dollars it had before sizes at risk were excluded, and 1024 MB is not said to have timed out', () => {
    const stats = changedAtNoon(
      sevenDaysEach(
        { memoryMb: 1024, medianMs: 1850, timeoutsPerDay: 0 },
        { memoryMb: 512, medianMs: 2700, timeoutsPerDay: 9000 },
      ),
      1024,
    );
    const { memory, whyNot } = analyzed(512, stats);
    expect(whyNot).toEqual([]);
    expect(memory).toHaveLength(1);
    const [rec] = memory;
    expect(rec.title).toBe(
      'Raise memory from 512 MB to 1024 MB: 31 % lower duration for $12.24–13.30 more a month',
    );
    // What the analyzer gave before sizes at timeout risk were excluded (8807792^).
    expect(rec.savingUsd.lowUsd).toBeCloseTo(OLD_SHARED_DAY_SAVING.lowUsd, 9);
    expect(rec.savingUsd.highUsd).toBeCloseTo(OLD_SHARED_DAY_SAVING.highUsd, 9);
  });

  it('a shared day whose timeouts both sizes could have run (both reached the timeout) still counts for both: 1024 MB stays excluded', () => {
    // 1024 MB ran up to the timeout without timing out on its own days: its histogram reaches it.
    const stats = changedAtNoon(
      sevenDaysEach(
        { memoryMb: 1024, medianMs: 1900, timeoutsPerDay: 0 },
        { memoryMb: 512, medianMs: 2700, timeoutsPerDay: 9000 },
      ),
      1024,
      3000,
    );
    const { memory, whyNot } = analyzed(512, stats);
    expect(memory).toEqual([]);
    expect(whyNot[0].detail).toMatch(
      /^The 1024 MB was excluded: it ran close to the 3000 ms timeout while configured \(9000 timeouts, p99 \d+ ms, \d+ % of it\)/,
    );
  });

  it("timeouts of a shared day that neither size's durations reached are counted for both, but do not exclude a size with a lower p99 than the configured one", () => {
    const stats = changedAtNoon(
      sevenDaysEach(
        { memoryMb: 1024, medianMs: 1850, timeoutsPerDay: 0 },
        { memoryMb: 512, medianMs: 1900, timeoutsPerDay: 0 },
      ),
      1024,
    );
    const changeDay = stats.daily[7];
    changeDay.timeouts = 5;
    changeDay.durationMaxMs = 3000;
    stats.timeouts = stats.errors = 5;
    const profile = lambdaProfile({ memoryMb: 512, timeoutMs: 3000 });
    const exposures = timeoutExposureBySize(profile, stats);
    expect([512, 1024].map((mb) => exposures.get(mb))).toMatchObject([
      { timeouts: 5, unprovenTimeouts: 5 },
      { timeouts: 5, unprovenTimeouts: 5 },
    ]);
    // 1024 MB is weighed (and loses on cost), not excluded as having timed out.
    const { memory, whyNot } = analyzed(512, stats);
    expect(memory).toEqual([]);
    expect(whyNot.map((w) => w.detail)).toEqual([
      'Of the measured sizes (1024, 512 MB), 512 MB is the best balance of cost and speed.',
    ]);
  });
});

/**
 * The same stretches with `sizeMb` also running the first half of the other's first day (the
 * change at noon of day 7): that day's timeouts are on a UTC day both sizes ran. With `maxMs`,
 * the size's durations reached it (its histogram's top bucket).
 */
function changedAtNoon(
  stats: FunctionWindowStats,
  sizeMb: number,
  maxMs?: number,
): FunctionWindowStats {
  const s = structuredClone(stats);
  const size = s.byMemory.find((m) => m.memoryMb === sizeMb);
  if (!size?.daily) throw new Error(`no ${sizeMb} MB days`);
  const changeDay = WEEK_START_MS + 7 * DAY_MS;
  size.daily.push({
    dayStartMs: changeDay,
    invocations: PER_DAY / 2,
    durationSumMs: size.daily[0].durationSumMs / 2,
  });
  size.lastSeenMs = changeDay + DAY_MS / 2;
  if (maxMs !== undefined) {
    const top = bucketIndex(maxMs);
    size.durationBuckets[top] = (size.durationBuckets[top] ?? 0) + 1;
  }
  return s;
}
