import type { AnalysisContext, Analyzer } from '../analyzer';
import { HOURS_PER_MONTH } from '../analyzer';
import type { FunctionAnalysisInput, FunctionProfile, MinuteActivity } from '../inputs';
import type { ConfidenceLevel, Recommendation } from '../recommendation';
import {
  DEFAULT_HYBRID_OPTIONS,
  fixedPolicy,
  hybridPolicyOfIdle,
  idlePeriods,
  replayIdle,
  type ActiveMinutes,
  type HybridOptions,
  type KeepAlivePolicy,
  type ReplayResult,
} from './keep-alive.policy';

/** The baseline every setting is compared with: a fixed 10-minute keep-alive. */
export const BASELINE_KEEP_ALIVE_MINUTES = 10;
/** A keep-warm ping every 5 minutes: the usual schedule, inside Lambda's (unpublished) reclaim. */
export const LAMBDA_PING_MINUTES = 5;
/** An hour of the day is a min-scale window when the function ran in this share of its minutes. */
const MIN_SCALE_HOUR_SHARE = 0.9;
const MINUTES_PER_DAY = 1440;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** One platform setting, replayed over the function's minutes against the baseline. */
export interface KeepAliveSetting {
  platform: 'knative' | 'openfaas' | 'aws_lambda' | 'any';
  /** The annotation, label or schedule to apply. */
  settings: Record<string, string>;
  policy: KeepAlivePolicy;
  replay: ReplayResult;
  coldStartsAvoided: number;
  idleGbSeconds: number;
  /** Idle memory priced as the platform charges it; null where the user does not pay for it. */
  idleUsd: number | null;
  baselineIdleGbSeconds: number;
  baselineIdleUsd: number | null;
  priceIds: string[];
}

export interface KeepAliveAdvice {
  functionId: string;
  hybrid: KeepAlivePolicy;
  reason: string;
  idlePeriods: number;
  baseline: ReplayResult;
  /** The paper's policy as a platform that can pre-warm would run it. */
  hybridReplay: ReplayResult;
  /** UTC hours [from, to) in which the function is busy enough to keep one instance (min-scale 1). */
  minScaleWindows: { fromHour: number; toHour: number }[];
  settings: KeepAliveSetting[];
}

const hourOfDay = (minute: number) =>
  Math.floor((((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY) / 60);

/** What the keep-alive analysis needs of a function's minutes, from a list of active minutes. */
export function minuteActivity(
  active: ActiveMinutes,
  windowStartMinute: number,
  windowEndMinute: number,
): MinuteActivity {
  const minutesByHour = new Array<number>(24).fill(0);
  const activeByHour = new Array<number>(24).fill(0);
  for (let m = windowStartMinute; m < windowEndMinute; m++) minutesByHour[hourOfDay(m)]++;
  for (const m of active) {
    if (m >= windowStartMinute && m < windowEndMinute) activeByHour[hourOfDay(m)]++;
  }
  return {
    idlePeriods: idlePeriods(active),
    activeMinutes: active.length,
    activeByHour,
    minutesByHour,
  };
}

/** Hours of the day (UTC) in which the function ran in ≥ 90 % of the minutes observed. */
export function busyHourWindows(activity: MinuteActivity): { fromHour: number; toHour: number }[] {
  const windows: { fromHour: number; toHour: number }[] = [];
  for (let h = 0; h < 24; h++) {
    const seen = activity.minutesByHour[h] ?? 0;
    if (seen === 0 || (activity.activeByHour[h] ?? 0) / seen < MIN_SCALE_HOUR_SHARE) continue;
    const last = windows[windows.length - 1];
    if (last && last.toHour === h) last.toHour = h + 1;
    else windows.push({ fromHour: h, toHour: h + 1 });
  }
  return windows;
}

/** `12.5` minutes → `13m`: platforms take whole durations; rounding up never keeps less. */
export function durationSetting(minutes: number): string {
  return `${Math.max(0, Math.ceil(minutes))}m`;
}

function memoryMbOf(profile: FunctionProfile): number | null {
  return profile.podMemoryMb ?? profile.memoryMb ?? null;
}

/**
 * Per function, the hybrid histogram policy from its own idle times, turned into what each
 * platform can be told, each replayed over the same minutes against a fixed 10-minute keep-alive.
 * Knative and OpenFaaS cannot pre-warm relative to the last request: their setting keeps the
 * instance from the last request to the tail, and the replay says what that costs.
 */
export function keepAliveAdvice(
  functionId: string,
  profile: FunctionProfile,
  activity: MinuteActivity,
  ctx: AnalysisContext,
  options: HybridOptions = DEFAULT_HYBRID_OPTIONS,
): KeepAliveAdvice {
  const replay = (policy: KeepAlivePolicy) =>
    replayIdle(activity.idlePeriods, activity.activeMinutes, policy);
  const decision = hybridPolicyOfIdle(activity.idlePeriods, activity.activeMinutes, options);
  const baseline = replay(fixedPolicy(BASELINE_KEEP_ALIVE_MINUTES));
  const memoryGb = (memoryMbOf(profile) ?? 0) / 1024;
  const gbs = (r: ReplayResult) => r.idleMinutes * 60 * memoryGb;
  const minScaleWindows = busyHourWindows(activity);

  const settings: KeepAliveSetting[] = [];
  const retention = fixedPolicy(Math.ceil(decision.policy.keepAliveMinutes));
  const retentionReplay = replay(retention);
  const pod = (platform: 'knative' | 'openfaas', values: Record<string, string>) => {
    // Idle memory on a Kubernetes node, at the node's memory price.
    const idle = ctx.pricing.kubernetesMemory(gbs(retentionReplay), ctx.at, profile.region);
    const base = ctx.pricing.kubernetesMemory(gbs(baseline), ctx.at, profile.region);
    settings.push({
      platform,
      settings: values,
      policy: retention,
      replay: retentionReplay,
      coldStartsAvoided: baseline.coldStarts - retentionReplay.coldStarts,
      idleGbSeconds: round(gbs(retentionReplay)),
      idleUsd: round(idle.usd, 6),
      baselineIdleGbSeconds: round(gbs(baseline)),
      baselineIdleUsd: round(base.usd, 6),
      priceIds: [...new Set([...idle.priceIds, ...base.priceIds])],
    });
  };
  const knative: Record<string, string> = {
    'autoscaling.knative.dev/scale-to-zero-pod-retention-period': durationSetting(
      retention.keepAliveMinutes,
    ),
  };
  if (minScaleWindows.length > 0) {
    knative['autoscaling.knative.dev/min-scale'] = `1 during ${minScaleWindows
      .map((w) => `${pad(w.fromHour)}:00-${pad(w.toHour)}:00`)
      .join(', ')} UTC, else 0`;
  }
  pod('knative', knative);
  pod('openfaas', {
    'com.openfaas.scale.zero': 'true',
    'com.openfaas.scale.zero-duration': durationSetting(retention.keepAliveMinutes),
  });

  // Lambda: a ping keeps one instance warm whatever the gaps; worth it where it is cheaper than
  // one instance of provisioned concurrency and there are cold starts to avoid.
  if (profile.platform === 'aws_lambda' && profile.memoryMb !== null) {
    const pingsPerMonth = (SECONDS_PER_MONTH / 60 / LAMBDA_PING_MINUTES) | 0;
    const pings = ctx.pricing.lambdaUsage(
      {
        architecture: profile.architecture,
        memoryMb: profile.memoryMb,
        requests: pingsPerMonth,
        billedDurationMs: pingsPerMonth, // a ping returns at once: the 1 ms minimum
      },
      ctx.at,
      profile.region,
    );
    const pcCost = ctx.pricing.lambdaProvisionedAllocated(
      profile.architecture,
      profile.memoryMb,
      SECONDS_PER_MONTH,
      ctx.at,
      profile.region,
    );
    const warm = replay(fixedPolicy(Number.POSITIVE_INFINITY));
    const avoided = baseline.coldStarts - warm.coldStarts;
    if (avoided > 0 && pings.usd < pcCost.usd) {
      settings.push({
        platform: 'aws_lambda',
        settings: {
          schedule: `rate(${LAMBDA_PING_MINUTES} minutes)`,
          pingMonthlyUsd: String(round(pings.usd, 4)),
          provisionedConcurrencyMonthlyUsd: String(round(pcCost.usd, 2)),
        },
        policy: { kind: 'fixed', prewarmMinutes: 0, keepAliveMinutes: Number.MAX_SAFE_INTEGER },
        replay: { coldStarts: warm.coldStarts, idleMinutes: 0 },
        coldStartsAvoided: avoided,
        // Lambda bills no idle memory; the pings are the price.
        idleGbSeconds: 0,
        idleUsd: round(pings.usd, 6),
        baselineIdleGbSeconds: round(gbs(baseline)),
        baselineIdleUsd: null,
        priceIds: [...new Set([...pings.priceIds, ...pcCost.priceIds])],
      });
    }
  }

  return {
    functionId,
    hybrid: decision.policy,
    reason: decision.reason,
    idlePeriods: decision.histogram.total,
    baseline,
    hybridReplay: replay(decision.policy),
    minScaleWindows,
    settings,
  };
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
const pad = (h: number) => String(h).padStart(2, '0');

function confidenceOf(idlePeriods: number): { level: ConfidenceLevel; score: number } {
  if (idlePeriods >= 100) return { level: 'high', score: 0.9 };
  if (idlePeriods >= 20) return { level: 'medium', score: 0.6 };
  return { level: 'low', score: 0.3 };
}

/**
 * The keep-alive analyzer: speaks only where the function's idle times form a pattern (the hybrid
 * policy is not its fallback) and its platform's setting avoids cold starts or idle memory
 * against the fixed 10 minutes. Needs the function's minute activity (`input.activity`).
 */
export class KeepAliveAnalyzer implements Analyzer {
  readonly kind = 'keep-alive' as const;

  constructor(private readonly options: HybridOptions = DEFAULT_HYBRID_OPTIONS) {}

  analyze(input: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const activity = input.activity;
    if (!activity || activity.activeMinutes === 0) return [];
    const { profile, stats } = input;
    const advice = keepAliveAdvice(profile.functionId, profile, activity, ctx, this.options);
    if (advice.hybrid.kind !== 'hybrid') {
      ctx.explain?.({
        functionId: profile.functionId,
        kind: this.kind,
        code: 'insufficient-evidence',
        detail: advice.reason,
      });
      return [];
    }
    const platform =
      profile.platform === 'knative' ||
      profile.platform === 'openfaas' ||
      profile.platform === 'aws_lambda'
        ? profile.platform
        : undefined;
    const setting = advice.settings.find((s) => s.platform === platform);
    if (
      !setting ||
      (setting.coldStartsAvoided <= 0 && setting.idleGbSeconds >= setting.baselineIdleGbSeconds)
    ) {
      ctx.explain?.({
        functionId: profile.functionId,
        kind: this.kind,
        code: 'already-right',
        detail: 'the fixed 10-minute keep-alive does as well on this function',
      });
      return [];
    }
    const months =
      (HOURS_PER_MONTH * 3_600_000) / Math.max(1, stats.windowEndMs - stats.windowStartMs);
    const savingPerMonth =
      setting.idleUsd !== null && setting.baselineIdleUsd !== null
        ? (setting.baselineIdleUsd - setting.idleUsd) * months
        : -(setting.idleUsd ?? 0);
    const { level, score } = confidenceOf(advice.idlePeriods);
    const windowDays = (stats.windowEndMs - stats.windowStartMs) / 86_400_000;
    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: 'info',
        title: `Keep-alive: ${Object.entries(setting.settings)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
        reason: `${advice.reason}; replayed over its own minutes: ${setting.replay.coldStarts} cold starts instead of ${advice.baseline.coldStarts}, ${setting.idleGbSeconds} idle GB-s instead of ${setting.baselineIdleGbSeconds} with a fixed 10-minute keep-alive.`,
        current: { keepAliveMinutes: BASELINE_KEEP_ALIVE_MINUTES },
        recommended: setting.settings,
        monthlyImpactUsd: round(savingPerMonth, 4),
        confidence: level,
        confidenceScore: score,
        evidence: { ...advice, settings: advice.settings },
        catalogueVersion: ctx.pricing.catalogueVersion,
        savingUsd: { lowUsd: round(savingPerMonth, 4), highUsd: round(savingPerMonth, 4) },
        basis: {
          measured: `active minutes and ${advice.idlePeriods} idle periods`,
          windowFrom: new Date(stats.windowStartMs).toISOString(),
          windowTo: new Date(stats.windowEndMs).toISOString(),
          windowDays,
          invocations: stats.invocations,
        },
        action: {
          summary: `Set ${Object.keys(setting.settings)[0]} as advised; ${setting.coldStartsAvoided} cold starts avoided in the window.`,
          snippets: [
            {
              format:
                platform === 'knative' ? 'knative' : platform === 'openfaas' ? 'openfaas' : 'note',
              text: Object.entries(setting.settings)
                .map(([k, v]) => `${k}: "${v}"`)
                .join('\n'),
            },
          ],
        },
        planRole: 'change',
      },
    ];
  }
}
