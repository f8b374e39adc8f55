/*
 * Keep-alive policies over a function's own minutes: the fixed keep-alive platforms use, and the
 * hybrid histogram policy of Shahrad et al., "Serverless in the Wild" (USENIX ATC 2020, §4.2;
 * summarised in docs/keep-alive.md): an idle-time histogram of 1-minute bins over 4 hours,
 * pre-warm at the head percentile − 10 %, keep alive to the tail percentile + 10 %, and a fixed
 * keep-alive when the histogram does not represent the function.
 */

/** Minutes since the epoch (or any origin) in which the function ran at least once, ascending. */
export type ActiveMinutes = readonly number[];

/**
 * What to do after a function goes idle: unload at once, load again `prewarmMinutes` after the
 * last invocation, unload for good `keepAliveMinutes` after it. A fixed keep-alive K is (0, K).
 */
export interface KeepAlivePolicy {
  kind: 'fixed' | 'hybrid' | 'forecast' | 'fallback' | 'never-idle';
  prewarmMinutes: number;
  keepAliveMinutes: number;
}

export interface HybridOptions {
  /** Histogram range and bin width (minutes): 4 hours of 1-minute bins. */
  rangeMinutes: number;
  headPercentile: number;
  tailPercentile: number;
  /** Pre-warm this much before the head, keep alive this much past the tail (fractions). */
  margin: number;
  /** A histogram whose bin counts vary less than this (coefficient of variation) is no pattern. */
  minCv: number;
  /** Fewer idle periods than this teach nothing. */
  minIdlePeriods: number;
  /**
   * Beyond this share of idle periods longer than the range, the histogram cannot speak: the
   * next idle time is forecast from the series instead.
   */
  maxOutOfRangeShare: number;
  /** Around a forecast idle time: pre-warm this much before it, keep alive this much after. */
  forecastMargin: number;
  /** The keep-alive used when the histogram is unrepresentative. */
  fallbackKeepAliveMinutes: number;
}

/**
 * The paper's values (head 5th, tail 99th percentile, 10 % margins, CV threshold 2) and its
 * fallback: no pre-warm, keep alive for the whole 4-hour range (docs/keep-alive.md).
 */
export const DEFAULT_HYBRID_OPTIONS: HybridOptions = {
  rangeMinutes: 240,
  headPercentile: 0.05,
  tailPercentile: 0.99,
  margin: 0.1,
  minCv: 2,
  minIdlePeriods: 5,
  maxOutOfRangeShare: 0.5,
  forecastMargin: 0.15,
  fallbackKeepAliveMinutes: 240,
};

/**
 * Idle times in whole minutes: for consecutive active minutes a and b, the b − a − 1 minutes in
 * between, 0 for neighbouring minutes. The paper's idle time runs from one invocation to the next,
 * so back-to-back minutes are a sub-minute idle time (bin 0), not nothing: they pull the head
 * percentile to 0, and a policy that pre-warms later unloads between them (a cold start).
 */
export function idlePeriods(active: ActiveMinutes): number[] {
  const out: number[] = [];
  for (let i = 1; i < active.length; i++) out.push(active[i] - active[i - 1] - 1);
  return out;
}

/**
 * An application's minutes from its functions' minutes. The paper loads and unloads a whole
 * application (Azure Functions' unit of deployment) and keeps one histogram per application:
 * the application is warm for every function once any of them ran.
 */
export function applicationMinutes(functions: readonly ActiveMinutes[]): number[] {
  return [...new Set(functions.flat())].sort((a, b) => a - b);
}

export interface IdleHistogram {
  /** bins[i] counts idle periods of i to i + 1 minutes (i < rangeMinutes). */
  bins: number[];
  outOfRange: number;
  total: number;
  /** Coefficient of variation of the bin counts. */
  cv: number;
}

export function idleHistogram(idle: readonly number[], rangeMinutes: number): IdleHistogram {
  const bins = new Array<number>(rangeMinutes).fill(0);
  let outOfRange = 0;
  for (const minutes of idle) {
    if (minutes < rangeMinutes) bins[Math.floor(minutes)]++;
    else outOfRange++;
  }
  const inRange = idle.length - outOfRange;
  const mean = inRange / rangeMinutes;
  let variance = 0;
  for (const b of bins) variance += (b - mean) ** 2;
  variance /= rangeMinutes;
  return { bins, outOfRange, total: idle.length, cv: mean > 0 ? Math.sqrt(variance) / mean : 0 };
}

/** The bin holding the p-th percentile of the in-range idle periods. */
function percentileBin(h: IdleHistogram, p: number): number {
  const inRange = h.total - h.outOfRange;
  const rank = Math.max(1, Math.ceil(p * inRange));
  let seen = 0;
  for (let i = 0; i < h.bins.length; i++) {
    seen += h.bins[i];
    if (seen >= rank) return i;
  }
  return h.bins.length - 1;
}

export interface HybridDecision {
  policy: KeepAlivePolicy;
  histogram: IdleHistogram;
  /** Why the histogram was or was not followed. */
  reason: string;
}

/** The hybrid histogram policy for one function's minutes. */
export function hybridPolicy(
  active: ActiveMinutes,
  options: HybridOptions = DEFAULT_HYBRID_OPTIONS,
): HybridDecision {
  return hybridPolicyOfIdle(idlePeriods(active), active.length, options);
}

/** The same from the idle periods and the number of active minutes. */
export function hybridPolicyOfIdle(
  idle: readonly number[],
  activeMinutes: number,
  options: HybridOptions = DEFAULT_HYBRID_OPTIONS,
): HybridDecision {
  const histogram = idleHistogram(idle, options.rangeMinutes);
  const fallback = (reason: string): HybridDecision => ({
    policy: {
      kind: 'fallback',
      prewarmMinutes: 0,
      keepAliveMinutes: options.fallbackKeepAliveMinutes,
    },
    histogram,
    reason,
  });
  if (activeMinutes === 0) {
    return {
      policy: { kind: 'never-idle', prewarmMinutes: 0, keepAliveMinutes: 0 },
      histogram,
      reason: 'no invocations',
    };
  }
  if (idle.length < options.minIdlePeriods) {
    return fallback(`${idle.length} idle periods: too few to learn from`);
  }
  if (histogram.outOfRange / histogram.total > options.maxOutOfRangeShare) {
    // The paper forecasts the next idle time (ARIMA) and loads the application from 15 % before
    // it to 15 % after.
    const next = forecastNextIdle(idle);
    return {
      policy: {
        kind: 'forecast',
        prewarmMinutes: round2(next * (1 - options.forecastMargin)),
        keepAliveMinutes: round2(next * (1 + options.forecastMargin)),
      },
      histogram,
      reason: `${histogram.outOfRange} of ${histogram.total} idle periods exceed ${options.rangeMinutes} minutes: the next is forecast at ${round2(next)} min (AR(1) over the idle times)`,
    };
  }
  if (histogram.cv < options.minCv) {
    return fallback(
      `idle times spread evenly (CV ${histogram.cv.toFixed(2)} < ${options.minCv}): no pattern`,
    );
  }
  // Head: the lower edge of its bin, less the margin; tail: the upper edge of its bin, plus it.
  const head = percentileBin(histogram, options.headPercentile);
  const tail = percentileBin(histogram, options.tailPercentile) + 1;
  return {
    policy: {
      kind: 'hybrid',
      prewarmMinutes: round2(head * (1 - options.margin)),
      keepAliveMinutes: round2(tail * (1 + options.margin)),
    },
    histogram,
    reason: `${histogram.total} idle periods, CV ${histogram.cv.toFixed(2)}: pre-warm at the ${pct(options.headPercentile)} (${head} min), keep to the ${pct(options.tailPercentile)} (${tail} min)`,
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The next idle time from the series so far: an AR(1) model around the mean, x̂ = μ + φ (x_last − μ),
 * φ the lag-1 autocorrelation (Yule–Walker), clamped to [−1, 1]. The paper fits ARIMA with order
 * selection; AR(1) is its simplest member, needs no solver, and for a steady series (a daily job)
 * forecasts the period. One idle time forecasts itself.
 */
export function forecastNextIdle(idle: readonly number[]): number {
  const n = idle.length;
  if (n === 0) return 0;
  const mean = idle.reduce((a, b) => a + b, 0) / n;
  let variance = 0;
  let lag1 = 0;
  for (let i = 0; i < n; i++) {
    variance += (idle[i] - mean) ** 2;
    if (i > 0) lag1 += (idle[i] - mean) * (idle[i - 1] - mean);
  }
  const phi = variance > 0 ? Math.max(-1, Math.min(1, lag1 / variance)) : 0;
  return Math.max(0, mean + phi * (idle[n - 1] - mean));
}
const pct = (p: number) => `${Math.round(p * 100)}th percentile`;

export function fixedPolicy(keepAliveMinutes: number): KeepAlivePolicy {
  return { kind: 'fixed', prewarmMinutes: 0, keepAliveMinutes };
}

export interface ReplayResult {
  /** Invocations that found no warm instance: the first, and each after an uncovered idle period. */
  coldStarts: number;
  /** Minutes an instance was kept loaded with nothing to run. */
  idleMinutes: number;
  /**
   * Idle minutes × the memory the instance had (MB·min), when the memory of each active minute was
   * given: an idle period holds the memory of the minute it follows.
   */
  idleMbMinutes?: number;
}

/**
 * Replays a policy over the function's minutes as one instance: an idle period of t whole minutes
 * is warm when prewarm ≤ t < keepAlive (idle memory t − prewarm); otherwise a cold start, after
 * keepAlive − prewarm idle minutes when it outlived the keep-alive. t whole idle minutes between
 * two active minutes are a gap of more than t and less than t + 2 minutes between invocations, so
 * t ≥ keepAlive is certainly longer than the keep-alive (cold); keepAlive − 2 < t < keepAlive may
 * be either, and is counted warm (docs/keep-alive.md, "The replay"). After the last active minute
 * the instance idles to the end of its keep-alive or to `endMinute` (exclusive), the end of what
 * was observed, whichever comes first: memory-time is wasted only while loaded and idle in the
 * window replayed.
 */
export function replayPolicy(
  active: ActiveMinutes,
  policy: KeepAlivePolicy,
  endMinute?: number,
  memoryMb?: readonly number[],
): ReplayResult {
  return replayIdle(
    idlePeriods(active),
    active.length,
    policy,
    minutesAfterLast(active, endMinute),
    memoryMb,
  );
}

/** Observed minutes after the last active one, up to `endMinute` (exclusive); unbounded without it. */
export function minutesAfterLast(active: ActiveMinutes, endMinute?: number): number {
  if (endMinute === undefined || active.length === 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, endMinute - 1 - active[active.length - 1]);
}

/**
 * The same from the idle periods, the number of active minutes and the minutes observed after the
 * last. `memoryMb`, one per active minute, adds `idleMbMinutes`: idle period i holds the memory of
 * active minute i, the minutes after the last that of the last (a resized function is not charged
 * its new size for the time before the change).
 */
export function replayIdle(
  idle: readonly number[],
  activeMinutes: number,
  policy: KeepAlivePolicy,
  afterLast: number = Number.POSITIVE_INFINITY,
  memoryMb?: readonly number[],
): ReplayResult {
  if (activeMinutes === 0)
    return { coldStarts: 0, idleMinutes: 0, ...(memoryMb && { idleMbMinutes: 0 }) };
  const { prewarmMinutes: p, keepAliveMinutes: k } = policy;
  const window = Math.max(0, k - p);
  let coldStarts = 1;
  const tail = Math.max(0, Math.min(k, afterLast) - p);
  let idleMinutes = tail;
  let idleMbMinutes = memoryMb ? tail * memoryMb[idle.length] : 0;
  for (let i = 0; i < idle.length; i++) {
    const t = idle[i];
    let held = 0;
    if (t < p) {
      coldStarts++;
    } else if (t < k) {
      held = t - p;
    } else {
      coldStarts++;
      held = window;
    }
    idleMinutes += held;
    if (memoryMb && held > 0) idleMbMinutes += held * memoryMb[i];
  }
  return {
    coldStarts,
    idleMinutes: round2(idleMinutes),
    ...(memoryMb && { idleMbMinutes: round2(idleMbMinutes) }),
  };
}

/**
 * The hybrid policy as the paper runs it, online: each idle time is met with the policy learnt
 * from the idle times before it (the fallback until the histogram is representative), and the
 * instance after the last invocation with the policy learnt from all of them. Quadratic in the
 * idle times: for reports over a sample, not for the API.
 */
export function replayHybridOnline(
  active: ActiveMinutes,
  options: HybridOptions = DEFAULT_HYBRID_OPTIONS,
  endMinute?: number,
): ReplayResult {
  if (active.length === 0) return { coldStarts: 0, idleMinutes: 0 };
  const idle = idlePeriods(active);
  let coldStarts = 1;
  let idleMinutes = 0;
  for (let i = 0; i < idle.length; i++) {
    const policy = hybridPolicyOfIdle(idle.slice(0, i), i + 1, options).policy;
    // Nothing observed after this one idle period: only the period itself is counted.
    const r = replayIdle([idle[i]], 1, policy, 0);
    coldStarts += r.coldStarts - 1;
    idleMinutes += r.idleMinutes;
  }
  const last = hybridPolicyOfIdle(idle, active.length, options).policy;
  const afterLast = minutesAfterLast(active, endMinute);
  idleMinutes += Math.max(0, Math.min(last.keepAliveMinutes, afterLast) - last.prewarmMinutes);
  return { coldStarts, idleMinutes: round2(idleMinutes) };
}

/** Parses `fixed:10m`, `fixed:90s`, `fixed:2h` or `hybrid`. */
export type PolicySpec = { kind: 'fixed'; keepAliveMinutes: number } | { kind: 'hybrid' };

/**
 * The shortest fixed keep-alive the replay can tell from another: it works on minutes with
 * invocations, in which a gap of under a minute and one of almost two look alike.
 */
export const MIN_FIXED_KEEP_ALIVE_MINUTES = 1;

/** Why a spec cannot be replayed, naming it: unreadable, or under the replay's minute resolution. */
export function policySpecProblem(text: string): string | undefined {
  if (text === 'hybrid') return undefined;
  const m = /^fixed:(\d+(?:\.\d+)?)(s|m|h)$/.exec(text);
  if (!m) return `expected fixed:<n>s|m|h or hybrid, got "${text}"`;
  if (fixedMinutes(m) < MIN_FIXED_KEEP_ALIVE_MINUTES)
    return `"${text}" is under a minute: the replay works on minutes with invocations, so a fixed keep-alive must be at least 1m (60s)`;
  return undefined;
}

const fixedMinutes = (m: RegExpExecArray) => {
  const n = Number(m[1]);
  return m[2] === 's' ? n / 60 : m[2] === 'h' ? n * 60 : n;
};

/** The spec, or undefined when `policySpecProblem` names a problem with it. */
export function parsePolicySpec(text: string): PolicySpec | undefined {
  if (text === 'hybrid') return { kind: 'hybrid' };
  const m = /^fixed:(\d+(?:\.\d+)?)(s|m|h)$/.exec(text);
  if (!m || fixedMinutes(m) < MIN_FIXED_KEEP_ALIVE_MINUTES) return undefined;
  return { kind: 'fixed', keepAliveMinutes: fixedMinutes(m) };
}

/** The policy a spec names for this function's minutes. */
export function policyFor(spec: PolicySpec, active: ActiveMinutes): KeepAlivePolicy {
  return spec.kind === 'hybrid' ? hybridPolicy(active).policy : fixedPolicy(spec.keepAliveMinutes);
}
