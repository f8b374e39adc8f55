import { histogramCount, savesMoney } from '@fleetscope/model';
import { isOnDemandInitBilled, lambdaRuntimeKind, type PricingService } from '@fleetscope/pricing';
import type { AnalysisContext, Analyzer } from '../analyzer';
import { coldStartRate, meanInitMs } from '../cold-starts/cold-start.math';
import { HOURS_PER_MONTH, monthlyFactor } from '../analyzer';
import {
  monthlyLambdaCost,
  observedLambdaUsage,
  provisionedShare,
  tierOffset,
} from '../costs/lambda-window-cost';
import type { EvidenceOptions } from '../evidence/evidence.gate';
import { DEFAULT_EVIDENCE_OPTIONS, basisOf, evidenceShortfall } from '../evidence/evidence.gate';
import type {
  FunctionAnalysisInput,
  FunctionProfile,
  FunctionWindowStats,
  MinuteActivity,
} from '../inputs';
import { keepAliveAction } from '../actions/config-action';
import type { ConfigAction, Recommendation, SavingRange, WhyNotCode } from '../recommendation';
import { confidenceOf, midpoint, sampleSupport } from '../recommendation';
import { extraCostText, savingShortfall } from '../plan/saving-sign';
import {
  DEFAULT_HYBRID_OPTIONS,
  fixedPolicy,
  hybridPolicyOfIdle,
  idlePeriods,
  minutesAfterLast,
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
/**
 * Knative refuses a scale-to-zero-pod-retention-period beyond its autoscaler's WindowMax, 1 hour
 * (knative/serving pkg/apis/autoscaling, validateLastPodRetention); OpenFaaS takes any Go duration.
 */
export const KNATIVE_MAX_RETENTION_MINUTES = 60;
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
    minutesAfterLastActive: minutesAfterLast(active, windowEndMinute),
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

/** The retention a platform can be told for a keep-alive: whole minutes, within its bounds. */
export function retentionPolicy(
  platform: 'knative' | 'openfaas',
  keepAliveMinutes: number,
): KeepAlivePolicy {
  const minutes = Math.ceil(keepAliveMinutes);
  return fixedPolicy(
    platform === 'knative' ? Math.min(minutes, KNATIVE_MAX_RETENTION_MINUTES) : minutes,
  );
}

/** A policy as the function's platform can run it: what the replay API and "What if" replay. */
export interface SettablePolicy {
  /** The policy replayed. */
  policy: KeepAlivePolicy;
  /**
   * true: the platform can be set to `policy` (a Knative or OpenFaaS retention period); false: no
   * setting runs it (Lambda has no keep-alive setting and cannot pre-warm); null: no setting is
   * modelled for the platform (Azure Functions, Cloud Run, Cloud Functions, other).
   */
  settable: boolean | null;
  /** Why `policy` differs from the one asked for, or why it cannot be set; absent when neither. */
  note?: string;
}

const POD_PLATFORM_NAMES = { knative: 'Knative', openfaas: 'OpenFaaS' } as const;

/**
 * The policy a platform can be set to for the one asked for. Knative and OpenFaaS take a retention
 * period from the last request, nothing else: no pre-warm; a learnt keep-alive rounded up to whole
 * minutes as the analyzer advises it; Knative at most 60 minutes (`retentionPolicy`). Lambda takes
 * neither: the policy is replayed as asked and marked not settable.
 */
export function settablePolicy(
  platform: string | undefined,
  asked: KeepAlivePolicy,
): SettablePolicy {
  if (platform === 'knative' || platform === 'openfaas') {
    const learnt = asked.kind !== 'fixed';
    const wanted = learnt ? Math.ceil(asked.keepAliveMinutes) : asked.keepAliveMinutes;
    const keep = platform === 'knative' ? Math.min(wanted, KNATIVE_MAX_RETENTION_MINUTES) : wanted;
    const why: string[] = [];
    if (asked.prewarmMinutes > 0)
      why.push(
        "no pre-warm, so the pod stays from the last request (the policy's pre-warm is dropped)",
      );
    if (learnt && wanted !== asked.keepAliveMinutes)
      why.push('the keep-alive rounded up to whole minutes, as the advice sets it');
    if (keep < wanted)
      why.push(
        `at most ${durationSetting(KNATIVE_MAX_RETENTION_MINUTES)} (Knative refuses a longer retention)`,
      );
    return {
      policy: { kind: asked.kind, prewarmMinutes: 0, keepAliveMinutes: keep },
      settable: true,
      ...(why.length > 0 && {
        note: `${POD_PLATFORM_NAMES[platform]} takes a retention period only: ${why.join('; ')}.`,
      }),
    };
  }
  if (platform === 'aws_lambda')
    return {
      policy: asked,
      settable: false,
      note:
        asked.prewarmMinutes > 0
          ? 'Lambda cannot pre-warm an instance nor be set to a keep-alive: replayed as a platform that could would run it; a keep-warm ping keeps one instance warm instead.'
          : 'Lambda has no keep-alive setting (it keeps and reclaims idle instances itself): replayed as a model, not a setting; a keep-warm ping keeps one instance warm.',
    };
  return {
    policy: asked,
    settable: null,
    // Unmarked, a figure reads as one the platform can be set to (the panel explains * and †).
    note: 'No keep-alive setting is modelled for this platform (Cloud Run, Cloud Functions and Azure Functions keep and reclaim idle instances themselves): replayed as asked, a model, not a setting.',
  };
}

function memoryMbOf(profile: FunctionProfile): number | null {
  return profile.podMemoryMb ?? profile.memoryMb ?? null;
}

/** What a Knative or OpenFaaS pod holds on its node while idle: its requests, as far as known. */
export interface IdlePod {
  podCpu?: number | null;
  podMemoryMb?: number | null;
  memoryMb: number | null;
  region: string;
}

/**
 * What an idle pod costs over some idle minutes: a retained pod holds its CPU and memory requests
 * on the node, so both are priced when the pod size is known; memory alone otherwise.
 */
export function idlePodCost(
  pod: IdlePod,
  idleMinutes: number,
  pricing: PricingService,
  at: Date,
): { usd: number; priceIds: string[] } {
  if (pod.podCpu && pod.podMemoryMb) {
    const hour = pricing.kubernetesPodHour(
      { vcpu: pod.podCpu, memoryMb: pod.podMemoryMb },
      at,
      pod.region,
    );
    return { usd: (hour.usd * idleMinutes) / 60, priceIds: hour.priceIds };
  }
  const memoryGb = (pod.podMemoryMb ?? pod.memoryMb ?? 0) / 1024;
  return pricing.kubernetesMemory(idleMinutes * 60 * memoryGb, at, pod.region);
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
    replayIdle(
      activity.idlePeriods,
      activity.activeMinutes,
      policy,
      activity.minutesAfterLastActive ?? Number.POSITIVE_INFINITY,
    );
  const decision = hybridPolicyOfIdle(activity.idlePeriods, activity.activeMinutes, options);
  const baseline = replay(fixedPolicy(BASELINE_KEEP_ALIVE_MINUTES));
  const memoryGb = (memoryMbOf(profile) ?? 0) / 1024;
  const gbs = (r: ReplayResult) => r.idleMinutes * 60 * memoryGb;
  const minScaleWindows = busyHourWindows(activity);

  const settings: KeepAliveSetting[] = [];
  const retentions = {
    knative: retentionPolicy('knative', decision.policy.keepAliveMinutes),
    openfaas: retentionPolicy('openfaas', decision.policy.keepAliveMinutes),
  };
  const pod = (platform: 'knative' | 'openfaas', values: Record<string, string>) => {
    const retention = retentions[platform];
    const retentionReplay = replay(retention);
    const idle = idlePodCost(profile, retentionReplay.idleMinutes, ctx.pricing, ctx.at);
    const base = idlePodCost(profile, baseline.idleMinutes, ctx.pricing, ctx.at);
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
      retentions.knative.keepAliveMinutes,
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
    'com.openfaas.scale.zero-duration': durationSetting(retentions.openfaas.keepAliveMinutes),
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

/** The action, its summary followed by what it does to cold starts. */
function withEffect(action: ConfigAction, effect: string): ConfigAction {
  return { ...action, summary: `${action.summary.replace(/\.$/, '')}; ${effect}.` };
}

/** A setting may trade cold starts for idle memory: say which way, never "-N avoided". */
const coldStartEffect = (avoided: number) =>
  avoided >= 0 ? `${avoided} cold starts avoided` : `${-avoided} more cold starts`;

/** What a ping can avoid: the replay's figure held to the cold starts the records show. */
interface PingColdStarts {
  /**
   * Cold starts in the window (on-demand inits and SnapStart restores): those observed, over the
   * invocations whose start is known scaled to all of them (coldStartRate); null when no
   * invocation's start is known, and nothing holds the replay's figure.
   */
  observed: number | null;
  /** Of `observed`, how many the records show (it is an estimate when they are fewer). */
  seen: number;
  /** Cold starts the single-instance replay says a kept instance avoids. */
  replayed: number;
  /** min(replayed, observed): the most a ping can avoid. */
  avoided: number;
  /** observed × the replay's share of cold starts after a gap a ping covers; ≤ avoided. */
  low: number;
}

function pingColdStarts(
  setting: KeepAliveSetting,
  stats: Pick<FunctionWindowStats, 'coldStarts' | 'invocations' | 'unknownStarts'>,
): PingColdStarts {
  const rate = coldStartRate(stats.coldStarts, stats.invocations, stats.unknownStarts ?? 0);
  const observed = rate === null ? null : Math.round(rate * stats.invocations);
  const replayed = setting.coldStartsAvoided;
  const baseline = setting.replay.coldStarts + replayed;
  const avoided = Math.max(0, observed === null ? replayed : Math.min(replayed, observed));
  const low =
    baseline > 0 && observed !== null
      ? Math.min(avoided, (observed * Math.max(0, replayed)) / baseline)
      : 0;
  return { observed, seen: stats.coldStarts, replayed, avoided, low };
}

/** The cold starts the records tell of: as observed, or scaled from the starts that are known. */
const inTheWindow = (cap: PingColdStarts) =>
  cap.observed === null
    ? 'the records do not say how its invocations started'
    : cap.seen === cap.observed
      ? `the records show ${cap.observed} cold starts in the window`
      : `about ${cap.observed} cold starts in the window (${cap.seen} seen among the invocations whose start is known)`;

const pingEffect = (cap: PingColdStarts) =>
  cap.observed === null
    ? `up to ${cap.avoided} cold starts avoided by a replay of its minutes (the records do not say how its invocations started)`
    : cap.seen === cap.observed
      ? `up to ${cap.avoided} of the ${cap.observed} cold starts observed in the window avoided`
      : `up to ${cap.avoided} of the about ${cap.observed} cold starts in the window avoided`;

function pingReason(cap: PingColdStarts, baselineColdStarts: number): string {
  if (cap.observed === null || cap.replayed <= cap.observed)
    return `${inTheWindow(cap)}; replayed over its own minutes as one instance, a kept instance avoids ${cap.replayed} of the ${baselineColdStarts} a fixed 10-minute keep-alive would have`;
  return `${inTheWindow(cap)}, so a kept instance avoids at most ${cap.avoided} (a replay of its minutes with a fixed 10-minute keep-alive counts ${baselineColdStarts}: Lambda kept its idle instances longer)`;
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
const pad = (h: number) => String(h).padStart(2, '0');

export interface KeepAliveOptions {
  hybrid: HybridOptions;
  /** The evidence and materiality gates every saving recommendation passes (evidence.gate.ts). */
  evidence: EvidenceOptions;
  /** What a second of cold-start waiting is worth ($); 0: dollars decide alone. */
  latencyValueUsdPerSecond: number;
}

export const DEFAULT_KEEP_ALIVE_OPTIONS: KeepAliveOptions = {
  hybrid: DEFAULT_HYBRID_OPTIONS,
  evidence: DEFAULT_EVIDENCE_OPTIONS,
  latencyValueUsdPerSecond: 0,
};

/** A saving (or value) per month, and the cold starts and seconds of waiting it changes. */
interface Outcome {
  usd: number;
  coldStartsAvoided: number;
  waitingSeconds: number | null;
}

/**
 * The keep-alive analyzer. It speaks only where the evidence and materiality gates of every
 * saving recommendation pass (evidence.gate.ts: enough invocations over enough days, a saving
 * worth a change), where the function's idle times form a pattern (the hybrid policy is not its
 * fallback), and where no warm capacity is configured or planned: provisioned concurrency or
 * min-scale keeps instances already, so the plan holds one or the other, never both. Dollars and
 * cold starts are reported apart; a user-set value of a second of waiting joins them only in the
 * gate and in the evidence. Needs the function's minute activity (`input.activity`).
 */
export class KeepAliveAnalyzer implements Analyzer {
  readonly kind = 'keep-alive' as const;

  constructor(private readonly options: KeepAliveOptions = DEFAULT_KEEP_ALIVE_OPTIONS) {}

  analyze(input: FunctionAnalysisInput, ctx: AnalysisContext): Recommendation[] {
    const { profile, stats, activity } = input;
    const whyNot = (code: WhyNotCode, detail: string): Recommendation[] => {
      ctx.explain?.({ functionId: profile.functionId, kind: this.kind, code, detail });
      return [];
    };
    if (!activity || activity.activeMinutes === 0)
      return whyNot('insufficient-evidence', 'No minute activity in the window.');
    const platform = keepAlivePlatform(profile);
    if (!platform)
      return whyNot('not-applicable', `No keep-alive setting is advised for ${profile.platform}.`);
    if (!memoryMbOf(profile))
      return whyNot(
        'not-applicable',
        platform === 'aws_lambda'
          ? "The function's memory size is unknown: set memoryMb (PUT /api/functions/:id/config) to price the pings and the INIT they avoid."
          : "The pod's memory request is unknown: set podCpu and podMemoryMb (PUT /api/functions/:id/config) to price its idle time.",
      );
    const shortfall = evidenceShortfall(stats, this.options.evidence);
    if (shortfall) return whyNot('insufficient-evidence', shortfall);
    const warm = warmCapacity(input);
    if (warm)
      return whyNot(
        'not-applicable',
        `${warm.setting} ${warm.level} (${warm.source}) keeps instances warm: a keep-alive ${platform === 'aws_lambda' ? 'ping' : 'retention period'} would add nothing to the plan.`,
      );

    const advice = keepAliveAdvice(profile.functionId, profile, activity, ctx, this.options.hybrid);
    if (advice.hybrid.kind !== 'hybrid' && advice.hybrid.kind !== 'forecast')
      return whyNot('insufficient-evidence', advice.reason);
    const replayed = advice.settings.find((s) => s.platform === platform);
    // Lambda keeps idle sandboxes as long as it likes, often far beyond the 10 minutes the replay
    // assumes: a ping avoids no more cold starts than the records show happened.
    const pingCap = platform === 'aws_lambda' && replayed ? pingColdStarts(replayed, stats) : null;
    const setting =
      replayed && pingCap ? { ...replayed, coldStartsAvoided: pingCap.avoided } : replayed;
    if (
      !setting ||
      (setting.coldStartsAvoided <= 0 && setting.idleGbSeconds >= setting.baselineIdleGbSeconds)
    )
      return whyNot(
        'already-right',
        platform === 'aws_lambda'
          ? pingCap && pingCap.observed === 0
            ? 'The records show no cold start in the window: a kept instance would avoid none.'
            : 'A kept instance would avoid no cold start the fixed 10 minutes do not, or its pings would cost more than one instance of provisioned concurrency.'
          : `The fixed 10-minute keep-alive does as well on this function${
              setting && setting.policy.keepAliveMinutes < Math.ceil(advice.hybrid.keepAliveMinutes)
                ? ` (its idle times call for ${durationSetting(advice.hybrid.keepAliveMinutes)}; Knative retains a pod at most ${durationSetting(KNATIVE_MAX_RETENTION_MINUTES)})`
                : ''
            }.`,
      );

    const months = monthlyFactor(stats.windowStartMs, stats.windowEndMs);
    const meanInitSeconds =
      (meanInitMs(stats.initDurationSumMs, histogramCount(stats.initBuckets)) ?? 0) / 1000;
    const waiting = (avoided: number) =>
      meanInitSeconds > 0 ? avoided * meanInitSeconds * months : null;
    const outcomes: Outcome[] =
      platform === 'aws_lambda'
        ? this.pingOutcomes(
            input,
            setting,
            pingCap ?? pingColdStarts(setting, stats),
            meanInitSeconds,
            months,
            ctx,
          )
        : this.podOutcomes(platform, profile, activity, setting, advice, months, ctx).map((o) => ({
            ...o,
            waitingSeconds: waiting(o.coldStartsAvoided / months),
          }));
    const effect = pingCap
      ? pingEffect(pingCap)
      : `${coldStartEffect(setting.coldStartsAvoided)} in the window`;
    const dollars: SavingRange = {
      lowUsd: Math.min(...outcomes.map((o) => o.usd)),
      highUsd: Math.max(...outcomes.map((o) => o.usd)),
    };
    const latency = this.options.latencyValueUsdPerSecond;
    const valued = outcomes.map((o) => o.usd + (o.waitingSeconds ?? 0) * latency);
    const gated: SavingRange =
      latency > 0 ? { lowUsd: Math.min(...valued), highUsd: Math.max(...valued) } : dollars;
    const current = this.currentMonthlyUsd(input, activity, advice, months, ctx);
    // A setting that would cost more is no saving "below materiality": what runs now is cheaper
    // (with waiting valued, cheaper than the waiting the setting removes is worth).
    const short = savingShortfall(gated, current, this.options.evidence);
    if (short)
      return whyNot(
        short.code,
        `${short.detail.replace(/\.$/, '')}${
          short.code === 'already-right' && latency > 0
            ? `, counting the waiting it removes at ${latency} $/s (${extraCostText(dollars)} in dollars alone)`
            : ''
        } (${effect}${pingCap ? '' : ' against a fixed 10-minute keep-alive'}${latency > 0 && short.code !== 'already-right' ? `, waiting valued at ${latency} $/s` : ''}).`,
      );

    const [inSample] = outcomes;
    // More idle times, and a held-out half that agrees with the whole, make the advice surer.
    const agreement =
      gated.highUsd > 0 ? Math.max(0, Math.min(1, gated.lowUsd / gated.highUsd)) : 0;
    // A ping's saving stands on the cold starts observed, not on the idle times replayed.
    const support = pingCap ? Math.min(advice.idlePeriods, pingCap.avoided) : advice.idlePeriods;
    const confidence = confidenceOf(0.6 * sampleSupport(support, 50) + 0.4 * agreement);
    // min-scale windows stay in the evidence: warm capacity is the provisioned-concurrency
    // analysis's to advise and price, in the same plan.
    const recommended = Object.fromEntries(
      Object.entries(setting.settings).filter(([k]) => k !== 'autoscaling.knative.dev/min-scale'),
    );
    const entries = Object.entries(recommended);
    return [
      {
        kind: this.kind,
        functionId: profile.functionId,
        severity: 'info',
        title:
          platform === 'aws_lambda'
            ? `Keep one instance warm: a ping every ${LAMBDA_PING_MINUTES} minutes`
            : `Keep-alive: ${entries.map(([k, v]) => `${k}=${v}`).join(', ')}`,
        // Advised for the waiting it removes although it costs dollars: a trade-off that says so.
        reason: `${
          savesMoney(midpoint(dollars))
            ? ''
            : `A trade-off: costs ${extraCostText(dollars)} for ${round(inSample.coldStartsAvoided, 1)} fewer cold starts a month, waiting valued at ${latency} $/s. `
        }${advice.reason}; ${
          pingCap
            ? pingReason(pingCap, advice.baseline.coldStarts)
            : `replayed over its own minutes: ${setting.replay.coldStarts} cold starts instead of ${advice.baseline.coldStarts}, ${setting.idleGbSeconds} idle GB-s instead of ${setting.baselineIdleGbSeconds} with a fixed 10-minute keep-alive`
        }.`,
        current: { keepAliveMinutes: BASELINE_KEEP_ALIVE_MINUTES },
        recommended,
        monthlyImpactUsd: round(midpoint(dollars), 4),
        ...confidence,
        evidence: {
          ...advice,
          // The setting for this function's platform only.
          settings: [setting],
          coldStartsAvoidedPerMonth: round(inSample.coldStartsAvoided, 1),
          ...(pingCap
            ? {
                observedColdStarts: pingCap.observed,
                replayColdStartsAvoided: pingCap.replayed,
              }
            : {}),
          waitingSecondsRemovedPerMonth:
            inSample.waitingSeconds === null ? null : round(inSample.waitingSeconds, 1),
          latencyValueUsdPerSecond: latency,
          ...(latency > 0 ? { combinedValueUsdPerMonth: round(valued[0], 4) } : {}),
          currentMonthlyUsd: round(current, 4),
          savingRangeFrom:
            platform === 'aws_lambda'
              ? 'the cold starts observed, at most those the replay says a kept instance avoids (high), and the share of them the replay puts after an idle gap a ping covers (low)'
              : 'the policy learnt on the whole window (in-sample) and on its first half, replayed on the second',
        },
        catalogueVersion: ctx.pricing.catalogueVersion,
        savingUsd: { lowUsd: round(dollars.lowUsd, 4), highUsd: round(dollars.highUsd, 4) },
        basis: basisOf(
          stats,
          `minutes with invocations (${activity.activeMinutes}) and ${advice.idlePeriods} idle times between them`,
        ),
        action: withEffect(
          keepAliveAction(
            profile,
            platform === 'aws_lambda'
              ? { pingSchedule: setting.settings.schedule }
              : { retention: durationSetting(setting.policy.keepAliveMinutes) },
          ),
          `${effect}${setting.coldStartsAvoided < 0 ? ', for less idle memory' : ''}`,
        ),
        planRole: 'change',
      },
    ];
  }

  /**
   * Knative / OpenFaaS: the idle pod-time the retention period saves against a fixed 10 minutes,
   * per month; in-sample first, then learnt on the first half of the idle times and replayed on
   * the second (scaled to the whole window), which is what it would have done on unseen days.
   */
  private podOutcomes(
    platform: 'knative' | 'openfaas',
    profile: FunctionProfile,
    activity: MinuteActivity,
    setting: KeepAliveSetting,
    advice: KeepAliveAdvice,
    months: number,
    ctx: AnalysisContext,
  ): Omit<Outcome, 'waitingSeconds'>[] {
    const perIdleMinute = idlePodCost(profile, 1, ctx.pricing, ctx.at).usd;
    const outcome = (avoided: number, idleMinutesSaved: number) => ({
      usd: idleMinutesSaved * perIdleMinute * months,
      coldStartsAvoided: avoided * months,
    });
    const out = [
      outcome(setting.coldStartsAvoided, advice.baseline.idleMinutes - setting.replay.idleMinutes),
    ];
    const idle = activity.idlePeriods;
    const half = Math.floor(idle.length / 2);
    const heldOut = idle.slice(half);
    if (half > 0 && heldOut.length > 0) {
      const learnt = hybridPolicyOfIdle(idle.slice(0, half), half + 1, this.options.hybrid).policy;
      const retention = retentionPolicy(platform, learnt.keepAliveMinutes);
      const baseline = fixedPolicy(BASELINE_KEEP_ALIVE_MINUTES);
      // The held-out idle times, scaled to the whole window; the time after the last invocation
      // once, and only as far as the window goes (as in-sample).
      const base = replayIdle(heldOut, 1, baseline, 0);
      const set = replayIdle(heldOut, 1, retention, 0);
      const afterLast = activity.minutesAfterLastActive ?? Number.POSITIVE_INFINITY;
      const tail = (policy: KeepAlivePolicy) => replayIdle([], 1, policy, afterLast).idleMinutes;
      const scale = idle.length / heldOut.length;
      out.push(
        outcome(
          (base.coldStarts - set.coldStarts) * scale,
          (base.idleMinutes - set.idleMinutes) * scale + tail(baseline) - tail(retention),
        ),
      );
    }
    return out;
  }

  /**
   * Lambda: a ping costs its requests; it saves the billed INIT of the cold starts it avoids
   * (on-demand INIT billed since 2025-08-01). High: the cold starts observed, no more than the
   * replay says a kept instance avoids; low: the share of those observed that the replay puts
   * after an idle gap a ping covers.
   */
  private pingOutcomes(
    { profile }: FunctionAnalysisInput,
    setting: KeepAliveSetting,
    cap: PingColdStarts,
    meanInitSeconds: number,
    months: number,
    ctx: AnalysisContext,
  ): Outcome[] {
    const pingMonthlyUsd = Number(setting.settings.pingMonthlyUsd);
    const initBilled = isOnDemandInitBilled(
      lambdaRuntimeKind(profile.runtime, profile.packageType),
      ctx.at,
    );
    const gbSecondUsd = ctx.pricing.lambdaUnitPrices(
      profile.architecture,
      ctx.at,
      profile.region,
      tierOffset(profile, ctx),
    ).onDemandUsdPerGbSecond;
    const memoryGb = (profile.memoryMb ?? 0) / 1024;
    return [cap.avoided, cap.low].map((avoided) => {
      const perMonth = avoided * months;
      const initUsd = initBilled ? perMonth * meanInitSeconds * memoryGb * gbSecondUsd : 0;
      return {
        usd: initUsd - pingMonthlyUsd,
        coldStartsAvoided: perMonth,
        waitingSeconds: meanInitSeconds > 0 ? perMonth * meanInitSeconds : null,
      };
    });
  }

  /** What the function costs now: Lambda as billed; a pod for its busy and (10-minute) idle time. */
  private currentMonthlyUsd(
    input: FunctionAnalysisInput,
    activity: MinuteActivity,
    advice: KeepAliveAdvice,
    months: number,
    ctx: AnalysisContext,
  ): number {
    const { profile, stats } = input;
    if (profile.platform === 'aws_lambda' && profile.memoryMb !== null)
      return monthlyLambdaCost(
        // Unmeasured coverage: priced on demand, an upper bound.
        observedLambdaUsage(
          profile,
          stats,
          profile.memoryMb,
          provisionedShare(profile, input.concurrency) ?? 0,
        ),
        stats,
        profile,
        ctx,
      ).usd;
    const podMinutes = activity.activeMinutes + advice.baseline.idleMinutes;
    return idlePodCost(profile, podMinutes, ctx.pricing, ctx.at).usd * months;
  }
}

function keepAlivePlatform(profile: FunctionProfile): 'knative' | 'openfaas' | 'aws_lambda' | null {
  switch (profile.platform) {
    case 'knative':
    case 'openfaas':
    case 'aws_lambda':
      return profile.platform;
    case 'gcp_cloud_functions':
    case 'gcp_cloud_run':
    case 'azure_functions':
    case 'other':
      return null;
  }
}

/** Provisioned concurrency or min-scale configured now, or recommended by this run's plan. */
function warmCapacity(
  input: FunctionAnalysisInput,
): { setting: string; level: number; source: string } | null {
  const { profile } = input;
  const setting = profile.platform === 'aws_lambda' ? 'provisioned concurrency' : 'min-scale';
  const configured =
    (profile.platform === 'aws_lambda' ? profile.provisionedConcurrency : profile.minScale) ?? 0;
  const planned = input.plannedWarmLevel;
  if (planned !== undefined && planned > 0)
    return { setting, level: planned, source: 'recommended in this plan' };
  if (planned === undefined && configured > 0)
    return { setting, level: configured, source: 'configured' };
  return null;
}
