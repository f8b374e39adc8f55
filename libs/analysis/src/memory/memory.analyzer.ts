import { bucketIndex, bucketMidpoint, histogramQuantile, savesMoney } from '@fleetscope/model';
import { codeFixAction, memoryAction, tuningJobAction } from '../actions/config-action';
import type { AnalysisContext, Analyzer } from '../analyzer';
import { monthlyFactor } from '../analyzer';
import {
  modelledLambdaUsage,
  monthlyLambdaCost,
  provisionedShare,
} from '../costs/lambda-window-cost';
import { monthlyPodBusyCost } from '../costs/pod-busy-cost';
import type { EvidenceOptions } from '../evidence/evidence.gate';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  basisOf,
  evidenceShortfall,
  trafficEnded,
} from '../evidence/evidence.gate';
import {
  architectureAssumption,
  statedForRange,
  withArmPrices,
} from '../evidence/price-assumptions';
import type {
  ConcurrencyProfile,
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
  HistogramBuckets,
  MeasuredMemoryPoint,
  MemorySizeStats,
  TuningEvidence,
} from '../inputs';
import type {
  ConfigAction,
  EvidenceBasis,
  PlanRole,
  Recommendation,
  SavingRange,
  Severity,
  WhyNotCode,
} from '../recommendation';
import { confidenceOf, midpoint, sampleSupport } from '../recommendation';
import { extraCostText, savingRangeText, savingShortfall, usdAmount } from '../plan/saving-sign';
import type { WindowSpread } from '../stats/window-spread';
import { repeatability, windowSpread } from '../stats/window-spread';
import {
  DEFAULT_TIMEOUT_RISK_OPTIONS,
  daysRanAt,
  knownOrInferredTimeout,
  longestOfDays,
  timeoutsUnderShorterTimeout,
} from '../timeout-risk/timeout-risk.analyzer';

/** Records why a size change is not advised and answers with no recommendation. */
type SayWhyNot<
  Code extends WhyNotCode = 'already-right' | 'below-materiality' | 'insufficient-evidence',
> = (code: Code, detail: string) => Recommendation[];

export interface MemoryOptions {
  /** Memory kept above the peak used (gham-khaled/Lambda-Cost-Analysis uses peak × 1.2). */
  headroom: number;
  /** Weight of cost against duration in the balanced pick (Power Tuning's balancedWeight). */
  balancedWeight: number;
  /** Sizes considered; Lambda accepts 128–10,240 MB. */
  ladderMb: readonly number[];
  evidence: EvidenceOptions;
  /** Observed sizes further apart than this may straddle a deploy: their comparison counts less. */
  deployGapMs: number;
  /**
   * One size seen: a tuning job is worth suggesting when the midpoint of the possible saving
   * reaches this ($/month); the run costs effort, and the saving may be nothing.
   */
  minMeasureSavingUsdPerMonth: number;
  /**
   * A size whose p99 passed this share of the timeout is never advised unless it is safer than the
   * configured one: the timeout-risk analysis flags it there.
   */
  nearTimeoutP99Share: number;
  /**
   * $ a second of waiting is worth (FLEETSCOPE_RECOMMENDATION_LATENCY_USD_PER_SECOND, the value the
   * provisioned-concurrency and keep-alive analyses use): a faster size that costs more is advised
   * only when the time it saves a month, at this value, pays for what it costs. 0: never.
   */
  latencyValueUsdPerSecond: number;
}

export const DEFAULT_MEMORY_OPTIONS: MemoryOptions = {
  headroom: 1.2,
  balancedWeight: 0.5,
  ladderMb: [
    128, 192, 256, 320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1769, 2048, 2560, 3008,
    3538, 4096, 5120, 6144, 7168, 8192, 9216, 10240,
  ],
  evidence: DEFAULT_EVIDENCE_OPTIONS,
  deployGapMs: 7 * 86_400_000,
  minMeasureSavingUsdPerMonth: 10,
  nearTimeoutP99Share: DEFAULT_TIMEOUT_RISK_OPTIONS.p99ShareThreshold,
  latencyValueUsdPerSecond: 0,
};

const LAMBDA_MIN_MB = 128;
export const LAMBDA_MAX_MB = 10_240;
const NEAR_LIMIT_SHARE = 0.95; // Datadog "High memory usage": any invocation > 95 % of memory

export type MemoryFinding =
  'out-of-memory' | 'near-memory-limit' | 'over-provisioned' | 'measured-better-size';

/** A size with a measured mean duration and its spread. */
interface MeasuredSize {
  memoryMb: number;
  invocations: number;
  meanMs: number;
  /**
   * Standard error of the mean: the larger of the invocations' own (sd / √n) and the residual
   * across the days it ran (production sizes only).
   */
  standardErrorMs: number;
  firstSeenMs?: number;
  lastSeenMs?: number;
  /** The size's days as repeated windows; absent for a tuning job (one controlled run). */
  spread?: WindowSpread;
}

interface PricedSize extends MeasuredSize {
  monthlyUsd: number;
}

/** Mean and standard deviation of a log-scale histogram, each bucket at its geometric midpoint. */
export function histogramSpread(buckets: HistogramBuckets): { n: number; sdMs: number } {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const [key, count] of Object.entries(buckets)) {
    const index = Number(key);
    if (!(count > 0)) continue;
    const mid = bucketMidpoint(index);
    n += count;
    sum += count * mid;
    sumSq += count * mid * mid;
  }
  if (n < 2) return { n, sdMs: 0 };
  const mean = sum / n;
  return { n, sdMs: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

function measuredFromWindow(m: MemorySizeStats): MeasuredSize {
  const { sdMs } = histogramSpread(m.durationBuckets);
  const spread = windowSpread(m.daily);
  return {
    memoryMb: m.memoryMb,
    invocations: m.invocations,
    meanMs: m.durationSumMs / m.invocations,
    // Millions of invocations make sd / √n vanish; days that disagree say the mean is less sure.
    standardErrorMs: Math.max(sdMs / Math.sqrt(m.invocations), spread.standardErrorMs),
    spread,
    firstSeenMs: m.firstSeenMs,
    lastSeenMs: m.lastSeenMs,
  };
}

function measuredFromTuning(p: MeasuredMemoryPoint): MeasuredSize {
  // p90 of a normal sits 1.28 sd above the mean: a spread estimate from what the job reports.
  const sdMs = Math.max(0, (p.p90Ms - p.meanMs) / 1.2816);
  return {
    memoryMb: p.memoryMb,
    invocations: p.invocations,
    meanMs: p.meanMs,
    standardErrorMs: sdMs / Math.sqrt(Math.max(1, p.invocations)),
  };
}

/**
 * The smallest size that is safe to run, from the observed peak and the sizes that ran out of
 * memory (the function needs more than each: a killed invocation's peak may go unreported); null
 * with neither.
 */
export function memoryFloorMb(stats: FunctionWindowStats, headroom: number): number | null {
  let peak = stats.maxMemoryUsedMb ?? stats.memoryUsedP95Mb;
  for (const m of stats.byMemory)
    if ((m.ooms ?? 0) > 0 && m.memoryMb > 0) peak = Math.max(peak ?? 0, m.memoryMb);
  if (peak === null) return null;
  return Math.min(LAMBDA_MAX_MB, Math.max(LAMBDA_MIN_MB, peak * headroom));
}

/**
 * The out-of-memory kills that concern the configured size: at it, above it (a larger size ran
 * out, so will this one) or at an unknown size. Those at a smaller size were fixed by raising
 * it. Without per-size counts, all of them.
 */
export function oomsAtOrAbove(
  stats: FunctionWindowStats,
  currentMb: number,
): { ooms: number; sizesMb: number[] } {
  const split = stats.byMemory.length > 0 && stats.byMemory.every((m) => m.ooms !== undefined);
  if (!split) return { ooms: stats.ooms, sizesMb: stats.ooms > 0 ? [currentMb] : [] };
  let ooms = 0;
  const sizesMb: number[] = [];
  for (const m of stats.byMemory) {
    if (!((m.ooms ?? 0) > 0) || (m.memoryMb > 0 && m.memoryMb < currentMb)) continue;
    ooms += m.ooms ?? 0;
    const size = m.memoryMb > 0 ? m.memoryMb : currentMb;
    if (!sizesMb.includes(size)) sizesMb.push(size);
  }
  return { ooms, sizesMb: sizesMb.sort((a, b) => a - b) };
}

/** How close a size that ran in production came to the timeout while it was configured. */
export interface TimeoutExposure {
  memoryMb: number;
  /** The timeout in force now (configured, or inferred from timed-out invocations). */
  timeoutMs: number;
  /** Timeouts of the UTC days it ran (minus those under a shorter timeout since raised). */
  timeouts: number;
  /**
   * Of `timeouts`, those counted only because another size shared their day (or no day accounts
   * for them) although this size's own durations never reached the timeout: not its doing.
   */
  unprovenTimeouts: number;
  p99Ms: number | null;
  p99ShareOfTimeout: number | null;
}

/**
 * Whether a size's durations reached the timeout: a timed-out invocation reports a duration at
 * the timeout, so a size whose histogram holds nothing in the timeout's bucket or above cannot
 * have timed out.
 */
function reachedTimeout(size: MemorySizeStats, timeoutMs: number): boolean {
  const top = bucketIndex(timeoutMs);
  return Object.entries(size.durationBuckets).some(
    ([key, count]) => count > 0 && Number(key) >= top,
  );
}

/**
 * Each observed size's timeouts and p99 against the timeout in force now. Timeouts are counted by
 * UTC day. A day two sizes shared (and timeouts no day accounts for) is charged to those of them
 * whose durations reached the timeout; when none did, which ran them cannot be told and the day
 * counts for each (advice should not rest on the guess), as unproven.
 */
export function timeoutExposureBySize(
  profile: FunctionProfile,
  stats: FunctionWindowStats,
): Map<number, TimeoutExposure> {
  const exposures = new Map<number, TimeoutExposure>();
  const known = knownOrInferredTimeout(profile, stats);
  if (!known) return exposures;
  const { timeoutMs, source } = known;
  const sizes = stats.byMemory
    .filter((m) => m.memoryMb > 0 && m.invocations > 0)
    .map((m) => ({ m, ran: daysRanAt(m), reached: reachedTimeout(m, timeoutMs) }));
  /** The sizes a share of timeouts is charged to, among those that may have run them. */
  const chargedTo = (candidates: typeof sizes) => {
    const reached = candidates.filter((c) => c.reached);
    return reached.length > 0 ? reached : candidates;
  };
  const unaccounted = Math.max(0, stats.timeouts - stats.daily.reduce((s, d) => s + d.timeouts, 0));
  const unaccountedTo = chargedTo(sizes);
  for (const size of sizes) {
    const { m, ran, reached } = size;
    const daily = stats.daily.filter((d) => ran(d.dayStartMs));
    // Timeouts under a timeout since raised are not this size's doing.
    const charged = (days: typeof daily) => {
      const timeouts = days.reduce((s, d) => s + d.timeouts, 0);
      const earlier =
        source === 'inventory'
          ? timeoutsUnderShorterTimeout({ ...stats, daily: days, timeouts }, timeoutMs)
          : 0;
      return timeouts - earlier;
    };
    const sharedDays = daily.filter((d) => sizes.some((o) => o !== size && o.ran(d.dayStartMs)));
    const othersDays = sharedDays.filter(
      (d) => !chargedTo(sizes.filter((o) => o.ran(d.dayStartMs))).includes(size),
    );
    const itsDays = daily.filter((d) => !othersDays.includes(d));
    const itsUnaccounted = unaccountedTo.includes(size) ? unaccounted : 0;
    const unproven = reached
      ? 0
      : charged(sharedDays.filter((d) => !othersDays.includes(d))) +
        (sizes.length > 1 ? itsUnaccounted : 0);
    // Clamped to the longest duration of its days, as the timeout-risk analysis clamps its p99:
    // bucket interpolation can pass the longest seen.
    const p99Ms = histogramQuantile(m.durationBuckets, 0.99, {
      max: longestOfDays(daily, stats.durationMaxMs),
    });
    exposures.set(m.memoryMb, {
      memoryMb: m.memoryMb,
      timeoutMs,
      timeouts: charged(itsDays) + itsUnaccounted,
      unprovenTimeouts: unproven,
      p99Ms,
      p99ShareOfTimeout: p99Ms === null ? null : p99Ms / timeoutMs,
    });
  }
  return exposures;
}

/** Power Tuning's balanced strategy: minimise w·cost/maxCost + (1−w)·duration/maxDuration. */
function pickBalanced(options: PricedSize[], weight: number): PricedSize {
  const maxCost = Math.max(...options.map((o) => o.monthlyUsd));
  const maxDuration = Math.max(...options.map((o) => o.meanMs));
  const score = (o: PricedSize) =>
    weight * (maxCost > 0 ? o.monthlyUsd / maxCost : 0) +
    (1 - weight) * (maxDuration > 0 ? o.meanMs / maxDuration : 0);
  return options.reduce((best, o) => (score(o) < score(best) ? o : best));
}

/** Knative and OpenFaaS: memory is a pod's limit (and request), priced on a Kubernetes node. */
function runsInPods(profile: FunctionProfile): boolean {
  return profile.platform === 'knative' || profile.platform === 'openfaas';
}

function snapUp(ladder: readonly number[], mb: number): number {
  return ladder.find((m) => m >= mb) ?? LAMBDA_MAX_MB;
}

/**
 * The mean duration at `memoryMb` and the other sizes that ran in the window. The window's mean
 * blends every size that ran: after a change of size, the current one is priced at its own mean
 * (199,999,970 invocations of 100 ms at 2048 MB and 30 of 200 ms at 1024 MB priced 1024 MB at
 * 100 ms, half its cost); with no other size, or none of its own, the window's.
 */
function durationAtSize(
  stats: FunctionWindowStats,
  memoryMb: number,
): { meanMs: number; otherSizesMb: number[] } {
  const otherSizesMb = stats.byMemory
    .filter((m) => m.memoryMb > 0 && m.memoryMb !== memoryMb && m.invocations > 0)
    .map((m) => m.memoryMb)
    .sort((a, b) => a - b);
  const own = stats.byMemory.find((m) => m.memoryMb === memoryMb);
  const meanMs =
    otherSizesMb.length > 0 && own && own.invocations > 0
      ? own.durationSumMs / own.invocations
      : stats.durationSumMs / stats.invocations;
  return { meanMs, otherSizesMb };
}

/**
 * Memory right-sizing from measured evidence only (issue 9): a size change is recommended when
 * several sizes were actually observed or a tuning job measured them. With one size, a function
 * whose peak memory leaves room is reported as over-provisioned with a bounded saving and a
 * tuning job to measure it; no duration curve is invented. OOMs are always reported.
 */
export class MemoryAnalyzer implements Analyzer {
  readonly kind = 'memory' as const;

  constructor(private readonly options: MemoryOptions = DEFAULT_MEMORY_OPTIONS) {}

  analyze(input: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const { profile, stats } = input;
    const currentMb = profile.memoryMb;
    const whyNot = (
      code: Parameters<NonNullable<AnalysisContext['explain']>>[0]['code'],
      detail: string,
    ) => {
      ctx.explain?.({ functionId: profile.functionId, kind: this.kind, code, detail });
      return [];
    };
    if (runsInPods(profile)) return this.podSizes(input, ctx, whyNot);
    if (profile.platform !== 'aws_lambda')
      return whyNot(
        'not-applicable',
        'Memory sizing is analysed for Lambda, Knative and OpenFaaS functions.',
      );
    if (currentMb === null) return whyNot('insufficient-evidence', 'The memory size is unknown.');
    if (stats.invocations <= 0) return whyNot('insufficient-evidence', 'No invocations.');

    // Unmeasured coverage: its invocations priced on demand, an upper bound of what they cost.
    const onProvisioned = provisionedShare(profile, input.concurrency) ?? 0;
    const reliability = this.reliability(profile, stats, currentMb, ctx, onProvisioned);
    if (reliability) return [reliability];

    // A tuning job stands in for thin traffic, not for traffic that has ended.
    const shortfall = input.tuning
      ? trafficEnded(stats)
      : evidenceShortfall(stats, this.options.evidence);
    if (shortfall) return whyNot('insufficient-evidence', shortfall);

    const floorMb = memoryFloorMb(stats, this.options.headroom);
    const measured = input.tuning
      ? this.fromTuning(profile, input.tuning)
      : stats.byMemory
          .filter((m) => m.memoryMb > 0 && m.invocations >= this.options.evidence.minInvocations)
          .map(measuredFromWindow);
    if (measured.length >= 2 && measured.some((m) => m.memoryMb === currentMb)) {
      return this.fromMeasuredSizes(input, measured, floorMb, currentMb, ctx, whyNot);
    }
    if (floorMb === null)
      return whyNot(
        'insufficient-evidence',
        'One memory size observed and no memory telemetry: run a tuning job to measure other sizes.',
      );
    return this.overProvisioned(input, currentMb, floorMb, ctx, whyNot, onProvisioned);
  }

  /**
   * Knative and OpenFaaS: a pod's CPU does not follow its memory, so nothing can be inferred from
   * one size; a finished tuning job's measured sizes are the evidence, and the same gates apply.
   */
  private podSizes(
    input: FunctionAnalysisInput,
    ctx: AnalysisContext,
    whyNot: SayWhyNot,
  ): Recommendation[] {
    const { profile, stats, tuning } = input;
    if (!tuning)
      return whyNot(
        'insufficient-evidence',
        'Knative and OpenFaaS memory is sized from measurements: run a tuning job over a few sizes.',
      );
    const currentMb = profile.memoryMb ?? profile.podMemoryMb ?? null;
    if (currentMb === null) return whyNot('insufficient-evidence', 'The memory limit is unknown.');
    if (stats.invocations <= 0) return whyNot('insufficient-evidence', 'No invocations.');
    const ended = trafficEnded(stats);
    if (ended) return whyNot('insufficient-evidence', ended);
    const measured = this.fromTuning(profile, tuning);
    if (!(measured.length >= 2 && measured.some((m) => m.memoryMb === currentMb)))
      return whyNot(
        'insufficient-evidence',
        `Tuning job ${tuning.jobId} did not measure both ${currentMb} MB and another size that ran.`,
      );
    const floorMb = memoryFloorMb(stats, this.options.headroom);
    return this.fromMeasuredSizes(input, measured, floorMb, currentMb, ctx, whyNot);
  }

  /**
   * Sizes that ran close to the timeout while configured: timeouts, or a p99 past the share the
   * timeout-risk analysis flags. Advice to go there would bring the timeouts back, and their
   * means are short (a timed-out invocation is cut off at the timeout). Kept only when safer than
   * the configured size (no timeouts and a lower p99): moving there is a way out of the risk.
   */
  private nearTimeout(
    input: FunctionAnalysisInput,
    priced: PricedSize[],
    current: PricedSize,
  ): TimeoutExposure[] {
    const exposures = timeoutExposureBySize(input.profile, input.stats);
    const now = exposures.get(current.memoryMb)?.p99ShareOfTimeout ?? null;
    const flagged = (share: number | null) =>
      share !== null && share > this.options.nearTimeoutP99Share;
    return priced.flatMap((p) => {
      const e = exposures.get(p.memoryMb);
      if (p === current || !e) return [];
      if (!(e.timeouts > 0 || flagged(e.p99ShareOfTimeout))) return [];
      // Timeouts another size may have run on a shared day do not make this one less safe.
      const safer =
        e.timeouts - e.unprovenTimeouts === 0 &&
        e.p99ShareOfTimeout !== null &&
        now !== null &&
        e.p99ShareOfTimeout < now;
      return safer ? [] : [e];
    });
  }

  /** Whether the configured size timed out, or its p99 passed the share the timeout-risk analysis flags. */
  /** The configured size's exposure when it times out or runs close to the timeout, else null. */
  private atTimeoutRisk(input: FunctionAnalysisInput, current: PricedSize): TimeoutExposure | null {
    const e = timeoutExposureBySize(input.profile, input.stats).get(current.memoryMb);
    return e !== undefined &&
      (e.timeouts > 0 || (e.p99ShareOfTimeout ?? 0) > this.options.nearTimeoutP99Share)
      ? e
      : null;
  }

  /** "63000 invocations timed out at the 3000 ms timeout, p99 3000 ms (100 % of it)". */
  private timeoutRiskText(e: TimeoutExposure): string {
    const parts: string[] = [];
    const proven = e.timeouts - e.unprovenTimeouts;
    if (proven > 0)
      parts.push(
        `${proven} invocation${proven === 1 ? '' : 's'} timed out at the ${e.timeoutMs} ms timeout`,
      );
    if (e.unprovenTimeouts > 0)
      parts.push(
        `${e.unprovenTimeouts} timed out on UTC days it shared with another size (which ran ${e.unprovenTimeouts === 1 ? 'it' : 'them'} is unknown)`,
      );
    if ((e.p99ShareOfTimeout ?? 0) > this.options.nearTimeoutP99Share || parts.length === 0)
      parts.push(
        `p99 ${Math.round(e.p99Ms ?? 0)} ms is ${Math.round((e.p99ShareOfTimeout ?? 0) * 100)} % of the ${e.timeoutMs} ms timeout`,
      );
    return parts.join(', ');
  }

  private nearTimeoutText(sizes: TimeoutExposure[]): string {
    const share = this.options.nearTimeoutP99Share;
    const flagged = sizes.some((e) => (e.p99ShareOfTimeout ?? 0) > share);
    const details = sizes.map((e) => {
      const parts: string[] = [];
      const proven = e.timeouts - e.unprovenTimeouts;
      if (proven > 0) parts.push(`${proven} timeout${proven === 1 ? '' : 's'}`);
      if (e.unprovenTimeouts > 0)
        parts.push(
          `${e.unprovenTimeouts} timeout${e.unprovenTimeouts === 1 ? '' : 's'} on UTC days it shared with another size (which ran ${e.unprovenTimeouts === 1 ? 'it' : 'them'} is unknown)`,
        );
      if ((e.p99ShareOfTimeout ?? 0) > share)
        parts.push(
          `p99 ${Math.round(e.p99Ms ?? 0)} ms, ${Math.round((e.p99ShareOfTimeout ?? 0) * 100)} % of it`,
        );
      return (sizes.length > 1 ? `${e.memoryMb} MB: ` : '') + parts.join(', ');
    });
    return (
      `${sizes.length === 1 ? 'it' : 'they'} ran close to the ${sizes[0].timeoutMs} ms timeout while configured (${details.join('; ')})` +
      (flagged
        ? `, and the timeout-risk analysis flags a p99 above ${Math.round(share * 100)} %`
        : '')
    );
  }

  private fromTuning(profile: FunctionProfile, tuning: TuningEvidence): MeasuredSize[] {
    return tuning.points
      .filter((p) => p.feasible && p.architecture === profile.architecture && p.invocations > 0)
      .map(measuredFromTuning);
  }

  /** OOMs and peaks at the limit: reported whatever they cost. */
  private reliability(
    profile: FunctionProfile,
    stats: FunctionWindowStats,
    currentMb: number,
    ctx: AnalysisContext,
    onProvisioned: number,
  ): Recommendation | null {
    const peak = stats.maxMemoryUsedMb;
    const { ooms, sizesMb: oomSizesMb } = oomsAtOrAbove(stats, currentMb);
    let finding: MemoryFinding;
    if (ooms > 0) finding = 'out-of-memory';
    else if (peak !== null && peak >= NEAR_LIMIT_SHARE * currentMb) finding = 'near-memory-limit';
    else return null;

    const atMaximum = currentMb >= LAMBDA_MAX_MB;
    const wanted = Math.max(currentMb * 1.5, (peak ?? 0) * this.options.headroom);
    const targetMb = atMaximum ? LAMBDA_MAX_MB : snapUp(this.options.ladderMb, wanted);
    const { meanMs } = durationAtSize(stats, currentMb);
    const currentUsd = this.monthlyAt(profile, stats, currentMb, meanMs, ctx, onProvisioned);
    // More memory costs at most the bill at the new size with the duration unchanged and at least
    // nothing (CPU-bound code that speeds up in proportion). Priced, not scaled: what is billed
    // per GB-s grows with memory, the per-request charge does not (10 ms at 128 MB read ~10×).
    const extra = atMaximum
      ? 0
      : Math.max(
          0,
          this.monthlyAt(profile, stats, targetMb, meanMs, ctx, onProvisioned) - currentUsd,
        );
    const saving: SavingRange = { lowUsd: -extra, highUsd: 0 };
    const oomAt = oomSizesMb.join(', ');
    const reason =
      finding === 'out-of-memory'
        ? atMaximum
          ? `${ooms} invocations ran out of memory at ${oomAt} MB, the Lambda maximum: the code must use less memory.`
          : `${ooms} invocations ran out of memory at ${oomAt} MB.`
        : `Peak memory used (${peak} MB) reached ${Math.round(((peak ?? 0) / currentMb) * 100)} % of the ${currentMb} MB configured.`;
    const action: ConfigAction = atMaximum
      ? codeFixAction(
          'Reduce the memory the function needs (stream instead of buffering, smaller batches) or split the work: 10,240 MB is the largest size Lambda offers.',
        )
      : memoryAction(profile, targetMb);
    return this.recommendation(profile, ctx, {
      finding,
      severity: finding === 'out-of-memory' ? 'critical' : 'warning',
      title: atMaximum
        ? `Out of memory at the ${LAMBDA_MAX_MB} MB maximum: fix the code`
        : `Raise memory from ${currentMb} MB to ${targetMb} MB`,
      reason,
      current: { memoryMb: currentMb, monthlyUsd: currentUsd },
      recommended: atMaximum ? { action: 'change-code' } : { memoryMb: targetMb },
      saving,
      confidenceScore:
        finding === 'out-of-memory' ? 0.95 : 0.5 + 0.4 * sampleSupport(stats.invocations, 200),
      basis: basisOf(
        stats,
        finding === 'out-of-memory' ? 'out-of-memory kills' : 'peak memory used',
      ),
      action,
      planRole: 'fix',
      evidence: { ooms, maxMemoryUsedMb: peak, memoryUsedP95Mb: stats.memoryUsedP95Mb },
    });
  }

  private fromMeasuredSizes(
    input: FunctionAnalysisInput,
    measured: MeasuredSize[],
    floorMb: number | null,
    currentMb: number,
    ctx: AnalysisContext,
    whyNot: SayWhyNot,
  ): Recommendation[] {
    const { profile, stats, tuning } = input;
    const onProvisioned = provisionedShare(profile, input.concurrency) ?? 0;
    const priced: PricedSize[] = measured.map((m) => ({
      ...m,
      monthlyUsd: this.monthlyAt(profile, stats, m.memoryMb, m.meanMs, ctx, onProvisioned),
    }));
    const current = priced.find((p) => p.memoryMb === currentMb) as PricedSize;
    // Never below the peak memory used; without telemetry never below the current size.
    const belowFloor = priced.filter((p) => p.memoryMb < (floorMb ?? currentMb) && p !== current);
    const nearTimeout = this.nearTimeout(input, priced, current).filter(
      (e) => !belowFloor.some((p) => p.memoryMb === e.memoryMb),
    );
    const timedOut = priced.filter((p) => nearTimeout.some((e) => e.memoryMb === p.memoryMb));
    const safe = priced.filter((p) => !belowFloor.includes(p) && !timedOut.includes(p));
    // Speed that costs more is bought only when waiting is valued and the time saved pays for it
    // (the rule of the provisioned-concurrency analysis): a team that lowered memory to save money
    // is not told to raise it back for a speed it did not ask to pay for.
    const latency = this.options.latencyValueUsdPerSecond;
    const invocationsPerMonth =
      stats.invocations * monthlyFactor(stats.windowStartMs, stats.windowEndMs);
    const secondsSaved = (p: PricedSize) =>
      (Math.max(0, current.meanMs - p.meanMs) / 1000) * invocationsPerMonth;
    // Out of a timeout risk is a reason of its own, whatever the speed is worth.
    const atRisk = this.atTimeoutRisk(input, current);
    const unpaid = (p: PricedSize) =>
      !atRisk &&
      p.monthlyUsd > current.monthlyUsd &&
      !(latency * secondsSaved(p) >= p.monthlyUsd - current.monthlyUsd);
    const balanced = pickBalanced(safe, this.options.balancedWeight);
    const pick = pickBalanced(
      safe.filter((p) => !unpaid(p)),
      this.options.balancedWeight,
    );
    const tradeOffText = unpaid(balanced)
      ? `${balanced.memoryMb} MB would run ${Math.round((1 - balanced.meanMs / current.meanMs) * 100)} % faster (${balanced.meanMs.toFixed(1)} ms against ${current.meanMs.toFixed(1)} ms) for ${usdAmount(balanced.monthlyUsd - current.monthlyUsd)} more a month; ${
          latency > 0
            ? `the ${Math.round(secondsSaved(balanced))} s of waiting a month it removes, at the ${latency} $/s set for waiting, are worth ${usdAmount(latency * secondsSaved(balanced))}, less than that`
            : 'waiting is valued at 0 $/s (FLEETSCOPE_RECOMMENDATION_LATENCY_USD_PER_SECOND), so speed that costs more is not advised'
        }. `
      : '';
    if (pick.memoryMb === currentMb) {
      // Sizes kept out are named with why: "best balance" among sizes never weighed would be the
      // wrong reason.
      if (safe.length === priced.length)
        return whyNot(
          'already-right',
          tradeOffText +
            `Of the measured sizes (${priced.map((p) => p.memoryMb).join(', ')} MB), ${currentMb} MB is the ${tradeOffText ? 'best balance of cost and speed at no extra cost' : 'best balance of cost and speed'}.`,
        );
      const excludedText = (group: PricedSize[], why: (namedMb: number[]) => string) => {
        const cheaper = group.filter((p) => p.monthlyUsd < current.monthlyUsd);
        const named = (cheaper.length > 0 ? cheaper : group).map((p) => p.memoryMb);
        return `The ${cheaper.length > 0 ? 'cheaper ' : ''}${named.join(', ')} MB ${named.length === 1 ? 'was' : 'were'} excluded: ${why(named)}. `;
      };
      const peak = stats.maxMemoryUsedMb ?? stats.memoryUsedP95Mb;
      const floor =
        floorMb === null
          ? `without memory telemetry, no size below the ${currentMb} MB configured is advised`
          : `${peak === null ? 'the memory it needs' : `its peak memory use (${Math.round(peak)} MB)`} leaves less than the ${Math.round((this.options.headroom - 1) * 100)} % headroom, so no size below the ${Math.round(floorMb)} MB floor is advised`;
      return whyNot(
        'already-right',
        tradeOffText +
          (belowFloor.length > 0 ? excludedText(belowFloor, () => floor) : '') +
          (timedOut.length > 0
            ? excludedText(timedOut, (namedMb) =>
                this.nearTimeoutText(nearTimeout.filter((e) => namedMb.includes(e.memoryMb))),
              )
            : '') +
          `Of the sizes ${floorMb === null || timedOut.length > 0 ? 'left' : 'at or above the floor'} (${safe.map((p) => p.memoryMb).join(', ')} MB), ${currentMb} MB is the best balance of cost and speed.`,
      );
    }

    // The difference must stand out of the noise of both means (±2 standard errors each).
    const se = Math.hypot(pick.standardErrorMs, current.standardErrorMs);
    const durationDiff = Math.abs(pick.meanMs - current.meanMs);
    const costAt = (meanMs: number) =>
      this.monthlyAt(profile, stats, pick.memoryMb, meanMs, ctx, onProvisioned);
    const currentAt = (meanMs: number) =>
      this.monthlyAt(profile, stats, currentMb, meanMs, ctx, onProvisioned);
    const savings = [
      currentAt(current.meanMs - 2 * current.standardErrorMs) -
        costAt(pick.meanMs + 2 * pick.standardErrorMs),
      currentAt(current.meanMs + 2 * current.standardErrorMs) -
        costAt(pick.meanMs - 2 * pick.standardErrorMs),
    ];
    const saving = this.withArchitecture(profile, ctx, {
      lowUsd: Math.min(...savings),
      highUsd: Math.max(...savings),
    });
    // A size that costs more is a trade-off (Power Tuning's balanced pick weighs speed), never a
    // saving: its saving range stays negative, and its title and reason say what it costs.
    const saves = savesMoney(midpoint(saving));
    // In standard errors: how far the saving (or, for a faster size that costs more, the
    // duration difference) stands from nothing.
    const halfWidth = (saving.highUsd - saving.lowUsd) / 4;
    const separation = saves
      ? halfWidth > 0
        ? midpoint(saving) / halfWidth
        : Number.POSITIVE_INFINITY
      : se > 0
        ? durationDiff / se
        : Number.POSITIVE_INFINITY;
    const fasterPct = Math.round((1 - pick.meanMs / current.meanMs) * 100);
    if (saves) {
      const immaterial = savingShortfall(saving, current.monthlyUsd, this.options.evidence);
      if (immaterial) return whyNot(immaterial.code, immaterial.detail);
    } else if (!(pick.meanMs <= current.meanMs * 0.8))
      return whyNot(
        'already-right',
        `${pick.memoryMb} MB would cost ${extraCostText(saving)} and run only ${fasterPct} % faster, under the 20 % that would make it worth it (${pick.meanMs.toFixed(1)} ms against ${current.meanMs.toFixed(1)} ms).`,
      );
    if (separation < 2)
      return whyNot(
        'insufficient-evidence',
        saves
          ? `The saving at ${pick.memoryMb} MB (${savingRangeText(saving)}) is within the noise of the measured durations.`
          : `Durations at ${pick.memoryMb} MB and ${currentMb} MB differ by ${durationDiff.toFixed(1)} ms, within the noise of the measurements (±${(2 * se).toFixed(1)} ms).`,
      );

    // Confidence from the data: invocations behind both means, how clearly they differ, how far
    // their means repeat day after day, and whether the sizes ran at the same time or weeks
    // apart (a deploy may sit in between).
    const perSize = sampleSupport(Math.min(pick.invocations, current.invocations), 200);
    const clarity = Math.min(1, separation / 6);
    const gap = sizesGapMs(pick, current);
    const apart = gap > this.options.deployGapMs ? 0.6 : 1;
    const repeats = pick.spread && current.spread ? repeatability(pick.spread, current.spread) : 1;
    const score = (tuning ? 0.95 : 0.85) * perSize * (0.5 + 0.5 * clarity) * apart * repeats;
    const source = tuning
      ? `tuning job ${tuning.jobId} of ${tuning.finishedAt.slice(0, 10)}`
      : `production traffic at ${priced.length} sizes`;
    return [
      this.recommendation(profile, ctx, {
        finding: 'measured-better-size',
        severity: midpoint(saving) / Math.max(current.monthlyUsd, 1e-9) >= 0.2 ? 'warning' : 'info',
        title:
          `${pick.memoryMb > currentMb ? 'Raise' : 'Lower'} memory from ${currentMb} MB to ${pick.memoryMb} MB` +
          (saves ? '' : `: ${fasterPct} % lower duration for ${extraCostText(saving)}`),
        reason:
          (saves
            ? ''
            : atRisk
              ? // Bought out of the timeouts, whatever the waiting is worth: that value is no reason.
                `A way out of the timeouts: at the configured ${currentMb} MB ${this.timeoutRiskText(atRisk)}; ${pick.memoryMb} MB costs ${extraCostText(saving)} for ${fasterPct} % lower duration. `
              : `A trade-off: ${pick.memoryMb} MB costs ${extraCostText(saving)} for ${fasterPct} % lower duration, ${Math.round(secondsSaved(pick))} s of waiting a month, worth ${usdAmount(latency * secondsSaved(pick))} at the ${latency} $/s set for waiting. `) +
          `Measured by ${source}: ${pick.memoryMb} MB ran in ${pick.meanMs.toFixed(1)} ms (±${(2 * pick.standardErrorMs).toFixed(1)}) against ${current.meanMs.toFixed(1)} ms (±${(2 * current.standardErrorMs).toFixed(1)}) at ${currentMb} MB.` +
          (runsInPods(profile)
            ? ' Priced as the pod time the requests hold, at the Kubernetes node price of the pod’s CPU request and memory (each request counted whole: an upper bound where requests share a pod).'
            : ''),
        current: {
          memoryMb: currentMb,
          meanDurationMs: current.meanMs,
          monthlyUsd: current.monthlyUsd,
        },
        recommended: {
          memoryMb: pick.memoryMb,
          meanDurationMs: pick.meanMs,
          monthlyUsd: pick.monthlyUsd,
        },
        saving,
        confidenceScore: score,
        basis: {
          ...basisOf(
            stats,
            `mean durations measured at ${priced.map((p) => p.memoryMb).join(', ')} MB (${source})`,
          ),
          invocations: priced.reduce((s, p) => s + p.invocations, 0),
        },
        action: memoryAction(profile, pick.memoryMb),
        planRole: 'change',
        evidence: {
          source: tuning ? 'tuning-job' : 'observed-sizes',
          tuningJobId: tuning?.jobId ?? null,
          tuningFinishedAt: tuning?.finishedAt ?? null,
          sizes: priced.map((p) => ({
            memoryMb: p.memoryMb,
            invocations: p.invocations,
            meanMs: p.meanMs,
            standardErrorMs: p.standardErrorMs,
            monthlyUsd: p.monthlyUsd,
            ...(p.spread
              ? {
                  windows: p.spread.windows,
                  residualAcrossWindowsMs: p.spread.residualSdMs,
                  relativeResidualAcrossWindows: p.spread.relativeResidual,
                }
              : {}),
          })),
          repeatability: repeats,
          separationInStandardErrors: separation,
          sizesGapDays: gap / 86_400_000,
          floorMb,
          maxMemoryUsedMb: stats.maxMemoryUsedMb,
          ...(nearTimeout.length > 0 ? { excludedNearTimeout: nearTimeout } : {}),
          ...(runsInPods(profile)
            ? { pricedAs: 'pod time serving requests', podCpu: profile.podCpu ?? null }
            : {}),
        },
      }),
    ];
  }

  /**
   * One size observed: the peak memory says how much could go, but not what the duration does at
   * a smaller size. The saving is bounded: from ≈ 0 (CPU-bound code slows in proportion) to the
   * whole memory share (duration unchanged); a tuning job measures where it falls.
   */
  private overProvisioned(
    input: FunctionAnalysisInput,
    currentMb: number,
    floorMb: number,
    ctx: AnalysisContext,
    whyNot: SayWhyNot,
    onProvisioned: number,
  ): Recommendation[] {
    const { profile, stats } = input;
    const peak = stats.maxMemoryUsedMb ?? stats.memoryUsedP95Mb ?? 0;
    const targetMb = snapUp(this.options.ladderMb, floorMb);
    if (targetMb >= currentMb)
      return whyNot(
        'already-right',
        `Peak memory used ${peak} MB of ${currentMb} MB leaves no smaller size with ${Math.round((this.options.headroom - 1) * 100)} % headroom.`,
      );
    const { meanMs, otherSizesMb } = durationAtSize(stats, currentMb);
    if (otherSizesMb.length > 0) {
      const atCurrent = stats.byMemory.find((m) => m.memoryMb === currentMb)?.invocations ?? 0;
      if (atCurrent < this.options.evidence.minInvocations)
        return whyNot(
          'insufficient-evidence',
          `The memory size changed in the window (also ${otherSizesMb.join(', ')} MB): ${atCurrent} invocations at ${currentMb} MB; at least ${this.options.evidence.minInvocations} are needed to price it.`,
        );
    }
    const currentUsd = this.monthlyAt(profile, stats, currentMb, meanMs, ctx, onProvisioned);
    const unchanged = this.monthlyAt(profile, stats, targetMb, meanMs, ctx, onProvisioned);
    // Fully CPU-bound: duration grows by the CPU ratio (CPU is proportional to memory up to
    // 6 vCPUs at 10,240 MB, so no cap at one vCPU), and concurrency with it: the provisioned
    // level then serves a smaller share of the execution time.
    const ratio = currentMb / targetMb;
    const slowed = this.monthlyAt(
      profile,
      stats,
      targetMb,
      meanMs * ratio,
      ctx,
      provisionedShareIfLonger(profile, input.concurrency, ratio) ?? onProvisioned,
    );
    const saving = this.withArchitecture(profile, ctx, {
      lowUsd: Math.max(0, currentUsd - slowed),
      highUsd: currentUsd - unchanged,
    });
    const short = savingShortfall(saving, currentUsd, this.options.evidence);
    if (short) return whyNot(short.code, short.detail);
    if (midpoint(saving) < this.options.minMeasureSavingUsdPerMonth)
      return whyNot(
        'below-materiality',
        `Possible saving ${savingRangeText(saving)}: below the ${this.options.minMeasureSavingUsdPerMonth} $/month that makes a tuning job worth running.`,
      );
    const overBy = Math.round(currentMb - peak);
    const sizes = this.options.ladderMb.filter((m) => m >= targetMb && m <= currentMb);
    const tuningSizes =
      sizes.length <= 5
        ? sizes
        : [
            sizes[0],
            sizes[Math.floor(sizes.length / 3)],
            sizes[Math.floor((2 * sizes.length) / 3)],
            currentMb,
          ];
    return [
      this.recommendation(profile, ctx, {
        finding: 'over-provisioned',
        severity: 'info',
        title: `Over-provisioned by ${overBy} MB (max used ${Math.round(peak)} of ${currentMb} MB): measure ${targetMb} MB with a tuning job`,
        reason: `Peak memory used is ${Math.round(peak)} MB of ${currentMb} MB. At ${targetMb} MB the function would save between ${usdAmount(saving.lowUsd)} (if its duration grows with the smaller CPU share) and ${usdAmount(saving.highUsd)} a month (if it does not); ${otherSizesMb.length > 0 ? `only ${currentMb} MB ran enough invocations to measure (${otherSizesMb.join(', ')} MB too few), priced at its own mean duration` : 'only one size was observed'}, so a tuning job should measure which.`,
        current: { memoryMb: currentMb, meanDurationMs: meanMs, monthlyUsd: currentUsd },
        recommended: { action: 'measure', candidateMemoryMb: targetMb, tuningSizesMb: tuningSizes },
        saving,
        // Confident that memory is unused; the range carries the uncertainty about duration.
        confidenceScore: 0.3 + 0.5 * sampleSupport(stats.invocations, 500),
        basis: basisOf(
          stats,
          `peak memory used (max ${Math.round(peak)} MB) at one size, ${currentMb} MB`,
        ),
        action: tuningJobAction(profile, tuningSizes),
        planRole: 'change',
        evidence: {
          maxMemoryUsedMb: stats.maxMemoryUsedMb,
          memoryUsedP95Mb: stats.memoryUsedP95Mb,
          overProvisionedMb: overBy,
          floorMb,
          sizesSeen: stats.byMemory.map((m) => m.memoryMb),
        },
      }),
    ];
  }

  /**
   * The saving as the gates must judge it: with the architecture unknown (priced as x86_64), its
   * range also holds what arm64 prices give (evidence/price-assumptions.ts).
   */
  private withArchitecture(
    profile: FunctionProfile,
    ctx: AnalysisContext,
    saving: SavingRange,
  ): SavingRange {
    const assumed = architectureAssumption(profile, ctx);
    return assumed ? withArmPrices(saving, assumed.armRatio) : saving;
  }

  private monthlyAt(
    profile: FunctionProfile,
    stats: FunctionWindowStats,
    memoryMb: number,
    meanMs: number,
    ctx: AnalysisContext,
    onProvisioned: number,
  ): number {
    if (runsInPods(profile)) return monthlyPodBusyCost(profile, stats, memoryMb, meanMs, ctx).usd;
    const usage = modelledLambdaUsage(
      profile,
      stats,
      memoryMb,
      Math.max(0, meanMs),
      ctx.at,
      onProvisioned,
    );
    return monthlyLambdaCost(usage, stats, profile, ctx).usd;
  }

  private recommendation(
    profile: FunctionProfile,
    ctx: AnalysisContext,
    r: {
      finding: MemoryFinding;
      severity: Severity;
      title: string;
      reason: string;
      current: Record<string, unknown>;
      recommended: Record<string, unknown>;
      saving: SavingRange;
      confidenceScore: number;
      basis: EvidenceBasis;
      action: ConfigAction;
      planRole: PlanRole;
      evidence: Record<string, unknown>;
    },
  ): Recommendation {
    // Stated here, where the range was widened before the gates, so it is not widened again (a
    // raise's range, from a cost to nothing, is its own arm64 join).
    const architecture = architectureAssumption(profile, ctx);
    const assumed = architecture ? statedForRange(architecture, r.saving) : null;
    return {
      kind: this.kind,
      functionId: profile.functionId,
      severity: r.severity,
      title: r.title,
      reason: assumed ? `${r.reason} ${assumed.message}` : r.reason,
      current: r.current,
      recommended: r.recommended,
      monthlyImpactUsd: midpoint(r.saving),
      // A fix is done whatever it costs: its confidence is about the finding, not a saving.
      ...confidenceOf(r.confidenceScore, r.planRole === 'fix' ? undefined : r.saving),
      evidence: {
        finding: r.finding,
        ...r.evidence,
        ...(assumed ? { priceAssumptions: [assumed] } : {}),
      },
      catalogueVersion: ctx.pricing.catalogueVersion,
      savingUsd: r.saving,
      basis: r.basis,
      action: r.action,
      planRole: r.planRole,
    };
  }
}

/**
 * The share of execution time the configured provisioned concurrency would serve if every
 * invocation ran `ratio` (≥ 1) times as long: each minute's concurrency c becomes ratio·c, and
 * level L covers Σ min(ratio·c, L) / Σ ratio·c = Σ min(c, L / ratio) / Σ c. Σ min(c, x) is known
 * at the measured levels only; it is concave in x and 0 at 0, so the straight line between the
 * levels around L / ratio is a lower bound, and the saving's low end stays one (at concurrency 1
 * and a quarter of the memory, level 1 covers a quarter of the time, not the half it covers now).
 * Null where provisionedShare is not measured.
 */
function provisionedShareIfLonger(
  profile: FunctionProfile,
  concurrency: ConcurrencyProfile | null | undefined,
  ratio: number,
): number | null {
  const level = profile.platform === 'aws_lambda' ? (profile.provisionedConcurrency ?? 0) : 0;
  if (!(level > 0) || !concurrency || !concurrency.levels.includes(level)) return null;
  let total = 0;
  const covered = concurrency.levels.map(() => 0);
  for (const h of concurrency.hours) {
    total += h.concurrencyMinutes;
    concurrency.levels.forEach((_, i) => (covered[i] += h.coveredMinutesByLevel[i] ?? 0));
  }
  if (!(total > 0)) return 0;
  const x = level / Math.max(1, ratio);
  let below = { level: 0, covered: 0 };
  for (const [i, l] of concurrency.levels.entries()) {
    if (l >= x) {
      const between = (x - below.level) / (l - below.level);
      return Math.min(1, (below.covered + between * (covered[i] - below.covered)) / total);
    }
    below = { level: l, covered: covered[i] };
  }
  return Math.min(1, below.covered / total);
}

/** Time between two sizes' periods of use (0 when they overlap or are unknown). */
function sizesGapMs(a: MeasuredSize, b: MeasuredSize): number {
  if (a.firstSeenMs === undefined || a.lastSeenMs === undefined) return 0;
  if (b.firstSeenMs === undefined || b.lastSeenMs === undefined) return 0;
  return Math.max(0, Math.max(a.firstSeenMs, b.firstSeenMs) - Math.min(a.lastSeenMs, b.lastSeenMs));
}
