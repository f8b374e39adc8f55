import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { defaultAnalyzers, runAnalyzers } from '../default-analyzers';
import type { FunctionWindowStats, HistogramBuckets, MemorySizeStats } from '../inputs';
import type { WhyNot } from '../recommendation';
import { DAY_MS, WEEK_START_MS, lambdaProfile, logNormalBuckets } from '../testing/fleet.generator';
import { MemoryAnalyzer } from './memory.analyzer';

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

/**
 * 14 days, 50,000 invocations a day, peak memory 300 MB: the first 7 days at `before.memoryMb`,
 * the last 7 at `after.memoryMb`, each log-normal around its median (sigma 0.12).
 */
function sevenDaysEach(before: Stretch, after: Stretch): FunctionWindowStats {
  const stretches = [before, after].map((s, i) => ({
    ...s,
    firstDay: 7 * i,
    buckets: logNormalBuckets(PER_DAY * 7, s.medianMs, SIGMA),
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
      durationMaxMs: s.timeoutsPerDay > 0 ? 3000 : s.medianMs * Math.exp(3.5 * SIGMA),
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
  });
});
