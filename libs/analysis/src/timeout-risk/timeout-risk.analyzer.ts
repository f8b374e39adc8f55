import {
  ZERO_BUCKET,
  bucketLowerBound,
  bucketUpperBound,
  histogramQuantile,
} from '@fleetscope/model';
import { codeFixAction, timeoutAction } from '../actions/config-action';
import type { AnalysisContext, Analyzer } from '../analyzer';
import type {
  DailyStats,
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
  MemorySizeStats,
} from '../inputs';
import type { Recommendation, Severity } from '../recommendation';
import { confidenceOf, sampleSupport } from '../recommendation';
import { basisOf } from '../evidence/evidence.gate';
import { slopeInterval } from '../stats/linear-regression';
import type { LogNormal } from '../stats/log-normal.fit';
import {
  fitLogNormalByMoments,
  fitLogNormalToTail,
  logNormalExceedance,
  logNormalQuantile,
} from '../stats/log-normal.fit';

export interface TimeoutRiskOptions {
  /** p99 above this share of the timeout is flagged (Serverless Dashboard warns at 90 %). */
  p99ShareThreshold: number;
  /** Fitted P(duration > timeout) above this is flagged. */
  tailProbabilityThreshold: number;
  /** Recommended timeout = fitted p99.99 × this headroom. */
  headroom: number;
  /** Risk flags without an observed timeout need this many invocations (a timeout needs one). */
  minInvocations: number;
}

export const DEFAULT_TIMEOUT_RISK_OPTIONS: TimeoutRiskOptions = {
  p99ShareThreshold: 0.8,
  tailProbabilityThreshold: 1e-4,
  headroom: 1.5,
  minInvocations: 50,
};

/** Where the timeout the analysis used came from. */
export type TimeoutSource =
  'inventory' | 'timed-out-log-line' | 'timed-out-durations' | 'timed-out-buckets';

/**
 * The configured timeout, or one inferred: a timed-out invocation runs until it is killed, so with
 * timeouts observed and nothing configured known, the longest duration is the timeout. Sources
 * that send durations as buckets only (Knative's and OpenFaaS's metrics, OTLP histograms) say no
 * longest: the timeout is then the middle of the highest bucket, within its width (~9 %).
 * Without either, observed timeouts were never reported ("none was observed").
 */
export function knownOrInferredTimeout(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
): { timeoutMs: number; source: TimeoutSource } | null {
  if (profile.timeoutMs !== null && profile.timeoutMs > 0)
    return { timeoutMs: profile.timeoutMs, source: profile.timeoutSource ?? 'inventory' };
  if (stats.timeouts <= 0) return null;
  if (stats.durationMaxMs > 0)
    return { timeoutMs: stats.durationMaxMs, source: 'timed-out-durations' };
  const top = highestBucket(stats.durationBuckets);
  if (top === null) return null;
  return {
    timeoutMs: Math.round(Math.sqrt(bucketLowerBound(top) * bucketUpperBound(top))),
    source: 'timed-out-buckets',
  };
}

/** A timed-out invocation runs until it is killed: its duration reaches the timeout in force. */
const TIMED_OUT_REACHES = 0.9;

/**
 * The window's timeouts that ran under a shorter timeout than `timeoutMs`, since raised: those of
 * UTC days whose longest invocation stayed below 90 % of it. Days whose duration is unknown
 * count as at the timeout, and so do timeouts no day accounts for.
 */
export function timeoutsUnderShorterTimeout(stats: FunctionWindowStats, timeoutMs: number): number {
  return timeoutsElsewhere(stats, timeoutMs, { shorterTimeout: true, ranAtSize: null }).shorter;
}

/**
 * The window's timeouts that do not concern today's configuration: those under a shorter timeout
 * since raised (timeoutsUnderShorterTimeout) and, when the configured memory size is judged alone,
 * those of days it did not run (they ran at another size). A day counts once, under a shorter
 * timeout first; timeouts no day accounts for count as today's.
 */
function timeoutsElsewhere(
  stats: FunctionWindowStats,
  timeoutMs: number,
  opts: { shorterTimeout: boolean; ranAtSize: ((dayStartMs: number) => boolean) | null },
): { shorter: number; otherMemory: number } {
  let shorter = 0;
  let otherMemory = 0;
  for (const d of stats.daily) {
    if (d.timeouts <= 0) continue;
    if (
      opts.shorterTimeout &&
      d.durationMaxMs > 0 &&
      d.durationMaxMs < TIMED_OUT_REACHES * timeoutMs
    )
      shorter += d.timeouts;
    else if (opts.ranAtSize && !opts.ranAtSize(d.dayStartMs)) otherMemory += d.timeouts;
  }
  shorter = Math.min(shorter, stats.timeouts);
  return { shorter, otherMemory: Math.min(otherMemory, stats.timeouts - shorter) };
}

/** The configured memory size when the window is judged on it alone. */
export interface MemoryBasis {
  memoryMb: number;
  invocations: number;
  windowInvocations: number;
  otherSizesMb: number[];
}

/**
 * The window as the configured memory size saw it. Durations depend on the size: after a change,
 * the window's histogram blends sizes (11 days at 1024 MB hid a p99 of 86 % of the timeout in
 * the 3 days since 512 MB), and timeouts at a size since raised are not today's. With another
 * size in the window and at least `minInvocations` at the configured one, its own histogram, the
 * UTC days it ran (its own days, else its first-to-last seen span, else every day) and their
 * longest invocation stand for the window; otherwise the whole window, and `tooFew` says why.
 */
function atConfiguredMemory(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
  minInvocations: number,
): {
  stats: FunctionWindowStats;
  basis: MemoryBasis | null;
  ranAtSize: ((dayStartMs: number) => boolean) | null;
  tooFew: { memoryMb: number; invocations: number } | null;
} {
  const memoryMb = profile.memoryMb;
  const otherSizesMb = stats.byMemory
    .filter((m) => m.memoryMb > 0 && m.memoryMb !== memoryMb && m.invocations > 0)
    .map((m) => m.memoryMb)
    .sort((a, b) => a - b);
  const own = stats.byMemory.find((m) => m.memoryMb === memoryMb);
  const whole = { stats, basis: null, ranAtSize: null, tooFew: null };
  if (memoryMb === null || otherSizesMb.length === 0) return whole;
  if (!own || own.invocations < minInvocations)
    return { ...whole, tooFew: { memoryMb, invocations: own?.invocations ?? 0 } };

  const ranAtSize = daysRanAt(own);
  const days = stats.daily.filter((d) => ranAtSize(d.dayStartMs));
  return {
    stats: {
      ...stats,
      invocations: own.invocations,
      durationSumMs: own.durationSumMs,
      durationBuckets: own.durationBuckets,
      durationMaxMs: longestOfDays(days, stats.durationMaxMs),
      daily: days,
    },
    basis: {
      memoryMb,
      invocations: own.invocations,
      windowInvocations: stats.invocations,
      otherSizesMb,
    },
    ranAtSize,
    tooFew: null,
  };
}

/**
 * The longest invocation of `days`, or `windowMaxMs` when a day with invocations does not know its
 * longest (or none does): the bound a p99 read from buckets is clamped to.
 */
export function longestOfDays(
  days: readonly Pick<DailyStats, 'invocations' | 'durationMaxMs'>[],
  windowMaxMs: number,
): number {
  const daysMaxMs = days.every((d) => d.invocations <= 0 || d.durationMaxMs > 0)
    ? Math.max(0, ...days.map((d) => d.durationMaxMs))
    : 0;
  return daysMaxMs > 0 ? daysMaxMs : windowMaxMs;
}

export function daysRanAt(size: MemorySizeStats): (dayStartMs: number) => boolean {
  if (size.daily && size.daily.length > 0) {
    const days = new Set(size.daily.filter((d) => d.invocations > 0).map((d) => d.dayStartMs));
    return (dayStartMs) => days.has(dayStartMs);
  }
  const { firstSeenMs, lastSeenMs } = size;
  if (firstSeenMs !== undefined && lastSeenMs !== undefined)
    return (dayStartMs) => dayStartMs + MS_PER_DAY > firstSeenMs && dayStartMs <= lastSeenMs;
  return () => true;
}

const SOURCE_TEXT: Record<TimeoutSource, string> = {
  inventory: 'from the inventory',
  'timed-out-log-line': 'from "Task timed out after N seconds" log lines',
  'timed-out-durations': 'inferred from the durations of timed-out invocations',
  'timed-out-buckets': 'inferred from the duration buckets of timed-out invocations (within ~9 %)',
};

/** Platform ceilings: Lambda 900 s; Knative's default max-revision-timeout-seconds is 600 s; Cloud Run 3,600 s. */
export function platformMaxTimeoutMs(platform: FunctionProfile['platform']): number | null {
  switch (platform) {
    case 'aws_lambda':
      return 900_000;
    case 'knative':
      return 600_000;
    case 'gcp_cloud_run':
      return 3_600_000; // request timeout ceiling, 60 minutes
    // Cloud Functions (60 min for HTTP, 9 for events) and Azure (by hosting plan) depend on more
    // than the platform.
    case 'openfaas':
    case 'gcp_cloud_functions':
    case 'azure_functions':
    case 'other':
      return null;
  }
}

export type TimeoutFlag = 'observed-timeouts' | 'p99-near-timeout' | 'tail-probability';

export interface TimeoutRiskEvidence {
  invocations: number;
  timeouts: number;
  p99Ms: number | null;
  /**
   * The p99 of the invocations that completed: the timed-out ones ran longest, so theirs is the
   * histogram's quantile at 0.99 of the others' share. p99Ms when none timed out.
   */
  completedP99Ms: number | null;
  maxMs: number;
  p99ShareOfTimeout: number | null;
  maxShareOfTimeout: number;
  /** Least-squares slope of the daily p99s (ms per day); 0 with fewer than two days. */
  p99TrendMsPerDay: number;
  /**
   * The slope's 95 % interval over the days fitted, and whether it is a trend: at least
   * MIN_TREND_DAYS days and an interval that excludes 0. Null with fewer than three days.
   */
  p99Trend: {
    lowMsPerDay: number;
    highMsPerDay: number;
    days: number;
    significant: boolean;
  } | null;
  /** The p99 a week after the window on a significant trend; null without one. */
  projectedP99In7DaysMs: number | null;
  /**
   * max of a moments fit and a tail (p75–p99) fit of a log-normal, the more pessimistic, over
   * the fits the window does not contradict (fitsContradicted).
   */
  tailProbability: number;
  fittedP9999Ms: number | null;
  fits: { moments: LogNormal | null; tail: LogNormal | null };
  /** Fits left out: they expect more invocations above the longest seen than ran there. */
  fitsContradicted: ('moments' | 'tail')[];
}

const MS_PER_DAY = 86_400_000;

/**
 * Days of p99s a trend needs: with fewer, a 95 % interval of the slope (t with n − 2 degrees of
 * freedom, 2.571 at 7 days) is too wide to say anything, or a few odd days decide it.
 */
export const MIN_TREND_DAYS = 7;

/**
 * Invocations a fit may expect above the longest one seen, beyond the timed-out ones (which would
 * have run longer), before the window contradicts it: a two-mode distribution (a cache hit and a
 * rebuild) gives a p75–p99 log-normal a tail of hours that no invocation came near.
 */
const CONTRADICTED_ABOVE_LONGEST = 3;

/** The highest bucket holding an observation (not the zero bucket); null when none does. */
function highestBucket(buckets: FunctionWindowStats['durationBuckets']): number | null {
  let top = Number.NEGATIVE_INFINITY;
  for (const [key, count] of Object.entries(buckets))
    if (count > 0 && Number(key) !== ZERO_BUCKET) top = Math.max(top, Number(key));
  return Number.isFinite(top) ? top : null;
}

function longestBucketMs(buckets: FunctionWindowStats['durationBuckets']): number {
  const top = highestBucket(buckets);
  return top === null ? 0 : bucketUpperBound(top);
}

export function timeoutRiskEvidence(
  stats: FunctionWindowStats,
  timeoutMs: number,
): TimeoutRiskEvidence {
  // Clamped to the longest duration seen: a p99 above it would overstate the share of the timeout.
  const observed = { max: stats.durationMaxMs };
  const p99Ms = histogramQuantile(stats.durationBuckets, 0.99, observed);
  const completed = stats.invocations - stats.timeouts;
  const completedP99Ms =
    stats.timeouts > 0 && completed > 0
      ? histogramQuantile(stats.durationBuckets, (0.99 * completed) / stats.invocations, observed)
      : p99Ms;
  const moments = fitLogNormalByMoments(stats.durationBuckets);
  const tail = fitLogNormalToTail(stats.durationBuckets, observed);
  const longestMs = longestBucketMs(stats.durationBuckets);
  const contradicted = (f: LogNormal) =>
    longestMs > 0 &&
    stats.invocations * logNormalExceedance(f, longestMs) >
      CONTRADICTED_ABOVE_LONGEST * (stats.timeouts + 1);
  const fitsContradicted = (
    [
      ['moments', moments],
      ['tail', tail],
    ] as const
  )
    .filter(([, f]) => f !== null && contradicted(f))
    .map(([name]) => name);
  const fits = [moments, tail].filter((f): f is LogNormal => f !== null && !contradicted(f));
  const tailProbability = Math.max(0, ...fits.map((f) => logNormalExceedance(f, timeoutMs)));
  const fittedP9999Ms =
    fits.length > 0 ? Math.max(...fits.map((f) => logNormalQuantile(f, 0.9999))) : null;

  const trendPoints = stats.daily
    .filter((d) => d.p99Ms !== null && d.invocations > 0)
    .map((d) => ({ x: d.dayStartMs / MS_PER_DAY, y: d.p99Ms as number }));
  // Daily p99s scatter from day to day: a slope is a trend only when its interval excludes 0.
  const fitted = slopeInterval(trendPoints, 0.95);
  const p99TrendMsPerDay = fitted?.slope ?? 0;
  const p99Trend = fitted
    ? {
        lowMsPerDay: fitted.low,
        highMsPerDay: fitted.high,
        days: fitted.n,
        significant: fitted.n >= MIN_TREND_DAYS && (fitted.low > 0 || fitted.high < 0),
      }
    : null;
  const lastDay = trendPoints.length > 0 ? trendPoints[trendPoints.length - 1] : undefined;
  const projectedP99In7DaysMs =
    lastDay && p99Trend?.significant ? lastDay.y + 7 * p99TrendMsPerDay : null;

  return {
    invocations: stats.invocations,
    timeouts: stats.timeouts,
    p99Ms,
    completedP99Ms,
    maxMs: stats.durationMaxMs,
    p99ShareOfTimeout: p99Ms === null ? null : p99Ms / timeoutMs,
    maxShareOfTimeout: stats.durationMaxMs / timeoutMs,
    p99TrendMsPerDay,
    p99Trend,
    projectedP99In7DaysMs,
    tailProbability,
    fittedP9999Ms,
    fits: { moments, tail },
    fitsContradicted,
  };
}

/**
 * Timeouts above which the fitted tail does not account for them, `expected` being the count it
 * puts past the timeout. The analysis library has no Poisson interval; 3 × expected + 3 is above
 * the Poisson 99.9 % quantile at every expected count (4 at 0.6, 5 at 1, 83 at 58, where it is
 * 4.8, 6 and 177), so chance in the fit's own tail does not read as something else, while 5
 * timeouts where 0.6 are expected (P = 4e-4) still do.
 */
function outsideFitAbove(expected: number): number {
  return 3 * expected + 3;
}

/** How far the longest invocation must reach toward the timeout for a fitted tail to speak alone. */
const TAIL_SEEN_SHARE = 0.5;

function flagsOf(e: TimeoutRiskEvidence, o: TimeoutRiskOptions): TimeoutFlag[] {
  const flags: TimeoutFlag[] = [];
  if (e.timeouts > 0) flags.push('observed-timeouts');
  if (e.p99ShareOfTimeout !== null && e.p99ShareOfTimeout > o.p99ShareThreshold)
    flags.push('p99-near-timeout');
  // A fitted tail is an extrapolation: it flags only where the window could have seen what it
  // claims (enough invocations that one beyond the threshold is expected) or where the longest
  // invocation already came halfway to the timeout. 60 invocations, the longest 1.5 s of a 6 s
  // timeout, had a line through their p75 and maximum put P at 5e-4 and ask for 17 s.
  const tailSeen =
    e.invocations * o.tailProbabilityThreshold >= 1 || e.maxShareOfTimeout >= TAIL_SEEN_SHARE;
  if (tailSeen && e.tailProbability > o.tailProbabilityThreshold) flags.push('tail-probability');
  return flags;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

function reasonOf(flags: TimeoutFlag[], e: TimeoutRiskEvidence, timeoutMs: number): string {
  const parts: string[] = [];
  if (flags.includes('observed-timeouts'))
    parts.push(`${e.timeouts} of ${e.invocations} invocations timed out`);
  if (flags.includes('p99-near-timeout') && e.p99ShareOfTimeout !== null) {
    parts.push(
      `p99 ${Math.round(e.p99Ms ?? 0)} ms is ${pct(e.p99ShareOfTimeout)} of the ${timeoutMs} ms timeout`,
    );
  }
  if (flags.includes('tail-probability')) {
    parts.push(
      `the fitted tail puts P(duration > timeout) at ${e.tailProbability.toExponential(1)}`,
    );
  }
  if (e.p99Trend?.significant && e.p99Trend.lowMsPerDay > 0 && e.p99Ms !== null) {
    const { lowMsPerDay, highMsPerDay, days } = e.p99Trend;
    parts.push(
      `p99 is rising ${Math.round(e.p99TrendMsPerDay)} ms/day (95 % interval ${Math.round(lowMsPerDay)}–${Math.round(highMsPerDay)} ms/day over ${days} days)`,
    );
  }
  return `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
}

function severityOf(flags: TimeoutFlag[]): Severity {
  if (flags.includes('observed-timeouts')) return 'critical';
  if (flags.includes('p99-near-timeout')) return 'warning';
  return 'info';
}

/**
 * Flags functions that time out or are likely to: observed timeouts, p99 close to the timeout,
 * or a fitted tail that crosses it; recommends a timeout above the fitted p99.99 with headroom,
 * or a code change when even the platform maximum would not cover it.
 */
export class TimeoutRiskAnalyzer implements Analyzer {
  readonly kind = 'timeout-risk' as const;

  constructor(private readonly options: TimeoutRiskOptions = DEFAULT_TIMEOUT_RISK_OPTIONS) {}

  analyze({ profile, stats }: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const known = knownOrInferredTimeout(profile, stats);
    const explain = (code: 'insufficient-evidence' | 'already-right', detail: string) => {
      ctx.explain?.({ functionId: profile.functionId, kind: this.kind, code, detail });
      return [];
    };
    if (stats.invocations <= 0) return explain('insufficient-evidence', 'No invocations.');
    if (!known)
      return explain('insufficient-evidence', 'The timeout is unknown and none was observed.');
    const { timeoutMs, source } = known;
    const judged = atConfiguredMemory(profile, stats, this.options.minInvocations);
    // The configured timeout and memory are today's: timeouts they never saw were fixed by
    // raising them; they are stated, not counted.
    const { shorter: earlier, otherMemory } = timeoutsElsewhere(stats, timeoutMs, {
      shorterTimeout: source === 'inventory',
      ranAtSize: judged.ranAtSize,
    });
    const evidence = timeoutRiskEvidence(
      { ...judged.stats, timeouts: stats.timeouts - earlier - otherMemory },
      timeoutMs,
    );
    const flags = flagsOf(evidence, this.options).filter(
      // Risk read from a distribution needs enough of it; an observed timeout needs nothing.
      (f) => f === 'observed-timeouts' || evidence.invocations >= this.options.minInvocations,
    );
    const notCounted =
      (earlier > 0
        ? ` ${earlier} timeouts ran under a shorter timeout since raised (the longest invocation of their days stayed below ${Math.round(TIMED_OUT_REACHES * 100)} % of ${timeoutMs} ms).`
        : '') +
      (judged.basis
        ? ` Judged at the configured ${judged.basis.memoryMb} MB alone: ${judged.basis.invocations} of the window's ${judged.basis.windowInvocations} invocations ran at it.`
        : '') +
      (otherMemory > 0 && judged.basis
        ? ` ${otherMemory} timeouts ran at other memory sizes (${judged.basis.otherSizesMb.join(', ')} MB) on days ${judged.basis.memoryMb} MB did not run.`
        : '') +
      (judged.tooFew
        ? ` Judged on the whole window, every memory size: only ${judged.tooFew.invocations} invocations at the configured ${judged.tooFew.memoryMb} MB.`
        : '');
    if (flags.length === 0)
      return explain(
        evidence.invocations < this.options.minInvocations
          ? 'insufficient-evidence'
          : 'already-right',
        `p99 ${Math.round(evidence.p99Ms ?? 0)} ms of a ${timeoutMs} ms timeout, no timeouts.${notCounted}`,
      );

    const maxTimeoutMs = platformMaxTimeoutMs(profile.platform);
    const wantedMs =
      Math.max(evidence.fittedP9999Ms ?? 0, evidence.timeouts > 0 ? 0 : evidence.maxMs) *
      this.options.headroom;
    const suggestedMs = Math.ceil(wantedMs / 1000) * 1000;
    const beyondPlatform = maxTimeoutMs !== null && suggestedMs > maxTimeoutMs;
    // Timeouts far beyond a short p99 point at hangs (a stuck call), which a longer timeout hides.
    // The p99 of the invocations that completed: once the timeouts are 1 % of all, the p99 of
    // all is theirs, and 5 stuck calls in 305 asked for 17 s against a completed p99 of ~1 s.
    const looksLikeHang =
      evidence.timeouts > 0 &&
      evidence.completedP99Ms !== null &&
      evidence.completedP99Ms / timeoutMs < 0.5;
    // Timeouts far more numerous than the fitted tail puts past the timeout lie outside the
    // distribution: each was cut at the timeout, so how long it would have run is unknown and no
    // timeout can be sized for it (5 timeouts in 100,000 invocations, ~0.6 expected, p99.99
    // 2,463 ms of 3 s, asked for 4 s). A fitted p99.99 under the timeout alone does not say so:
    // it still leaves up to 1 in 10,000 past it (58 timeouts in 1,000,000 invocations are what a
    // p99.99 of 2,913 ms under 3 s predicts), and a raise to the p99.99 with headroom covers them.
    // A p99 near the timeout is a risk of its own, which a raise with headroom still answers.
    const expectedTimeouts = evidence.invocations * evidence.tailProbability;
    const outsideDistributionAbove = outsideFitAbove(expectedTimeouts);
    const outsideDistribution =
      evidence.timeouts > outsideDistributionAbove &&
      evidence.fittedP9999Ms !== null &&
      evidence.fittedP9999Ms <= timeoutMs &&
      !flags.includes('p99-near-timeout');
    const action =
      beyondPlatform || looksLikeHang || outsideDistribution || suggestedMs <= timeoutMs
        ? 'change-code'
        : 'raise-timeout';
    const hangText = looksLikeHang
      ? ` The invocations that completed have a p99 of ${Math.round(evidence.completedP99Ms ?? 0)} ms, under half the timeout: the timed-out ones look stuck, and a longer timeout would bill them longer.`
      : '';
    const outsideText = outsideDistribution
      ? ` The fitted p99.99 (${Math.round(evidence.fittedP9999Ms ?? 0)} ms) is below the timeout, and the fit expects ${expectedTimeouts.toFixed(1)} timeouts where ${evidence.timeouts} is more than ${outsideDistributionAbove.toFixed(1)} (3 × expected + 3): the timed-out invocations lie outside the duration distribution, and how long they would have run is unknown.`
      : '';

    const support =
      evidence.timeouts > 0
        ? 0.95
        : sampleSupport(evidence.invocations, 200) * (flags.includes('p99-near-timeout') ? 1 : 0.6);
    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: severityOf(flags),
        title:
          action === 'raise-timeout'
            ? `Raise the timeout to ${suggestedMs / 1000} s`
            : 'Fix the slow path: the timeout is not the problem',
        reason: `${reasonOf(flags, evidence, timeoutMs)}${hangText}${outsideText} Timeout ${timeoutMs} ms ${SOURCE_TEXT[source]}.${notCounted}`,
        current: { timeoutMs, timeoutSource: source },
        recommended:
          action === 'raise-timeout'
            ? { action, timeoutMs: suggestedMs }
            : {
                action,
                timeoutMs: beyondPlatform ? maxTimeoutMs : timeoutMs,
                hint: looksLikeHang
                  ? 'look for hung downstream calls'
                  : outsideDistribution
                    ? 'timeouts outside the distribution: find what they waited on'
                    : 'shorten the work or split it',
              },
        monthlyImpactUsd: 0,
        ...confidenceOf(support),
        evidence: {
          flags,
          ...evidence,
          expectedTimeouts,
          outsideDistributionAbove,
          timeoutsUnderShorterTimeout: earlier,
          timeoutsUnderOtherMemory: otherMemory,
          memoryBasis: judged.basis,
          timeoutSource: source,
          platformMaxTimeoutMs: maxTimeoutMs,
        },
        catalogueVersion: ctx.pricing.catalogueVersion,
        // Reliability: what a fix costs is not the point.
        savingUsd: { lowUsd: 0, highUsd: 0 },
        basis: basisOf(
          stats,
          (evidence.timeouts > 0
            ? 'timed-out invocations and the duration distribution'
            : 'the duration distribution against the timeout') +
            (judged.basis ? ` at ${judged.basis.memoryMb} MB` : ''),
          evidence.invocations,
        ),
        action:
          action === 'raise-timeout'
            ? timeoutAction(profile, suggestedMs)
            : codeFixAction(
                looksLikeHang
                  ? 'Look for hung downstream calls: set client timeouts below the function timeout.'
                  : outsideDistribution
                    ? 'Find what the timed-out invocations waited on (set client timeouts below the function timeout): they lie outside the duration distribution, so no longer timeout is sized by what was measured.'
                    : 'Shorten the work or split it: a longer timeout would not cover it.',
              ),
        planRole: 'fix',
      },
    ];
  }
}
