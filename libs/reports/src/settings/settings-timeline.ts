/** One observation of one of a function's settings (as the settings history stores it). */
export interface SettingObservationInput {
  setting: 'architecture' | 'memory_mb' | 'provisioned_concurrency';
  observedAtMs: number;
  /** 'manual' | 'api' | 'records' */
  source: string;
  value: string;
}

/** The settings in force; null where nothing was observed up to then. */
export interface SettingsInForce {
  architecture: string | null;
  memoryMb: number | null;
  /** 0: none allocated. */
  provisionedConcurrency: number | null;
}

/** A stretch of time over which none of the settings changed. */
export interface SettingsSegment extends SettingsInForce {
  fromMs: number;
  toMs: number;
  /**
   * Before the history's first observation of provisioned concurrency (provisionedConcurrency
   * null): the level it observed first. Unlike architecture and memory it is not taken as in force
   * then (that would bill it for days before the function existed): the report assumes it only on
   * the days the function ran. Absent when the history never observed one.
   */
  assumedProvisionedConcurrency?: number;
}

/** Of observations made at the same millisecond, a person's word beats the platform API's, which beats the records'. */
const SOURCE_RANK: Record<string, number> = { records: 0, api: 1, manual: 2 };

function apply(state: SettingsInForce, o: SettingObservationInput): SettingsInForce {
  switch (o.setting) {
    case 'architecture':
      return { ...state, architecture: o.value };
    case 'memory_mb': {
      const mb = Number(o.value);
      return Number.isFinite(mb) && mb > 0 ? { ...state, memoryMb: mb } : state;
    }
    case 'provisioned_concurrency': {
      const pc = Number(o.value);
      return Number.isFinite(pc) && pc >= 0 ? { ...state, provisionedConcurrency: pc } : state;
    }
  }
}

const same = (a: SettingsInForce, b: SettingsInForce) =>
  a.architecture === b.architecture &&
  a.memoryMb === b.memoryMb &&
  a.provisionedConcurrency === b.provisionedConcurrency;

/** Each setting's first observed value (of the earliest observations, the highest-ranked source's). */
function firstObserved(ordered: readonly SettingObservationInput[]): SettingsInForce {
  let first: SettingsInForce = { architecture: null, memoryMb: null, provisionedConcurrency: null };
  const firstAt = new Map<string, number>();
  for (const o of ordered) {
    const at = firstAt.get(o.setting);
    if (at !== undefined && at !== o.observedAtMs) continue;
    const next = apply(first, o);
    // An unusable value (a memory size of 0) is no observation.
    if (same(next, first) && at === undefined) continue;
    first = next;
    firstAt.set(o.setting, o.observedAtMs);
  }
  return first;
}

/**
 * One function's settings over [fromMs, toMs), cut wherever one changes. A setting is in force from
 * its observation until the next observation of it, whichever source made it (the latest witness
 * wins: the platform API after a deployment, a span's host.arch after a move). Before its first
 * observation, the architecture and memory size are the values first observed (pass observations
 * after `toMs` too: the first may come after the range), not what the inventory says today;
 * provisioned concurrency is null then, with the level first observed as
 * `assumedProvisionedConcurrency`. null where the history never observed a setting: the caller
 * falls back on the inventory.
 */
export function settingsTimeline(
  observations: readonly SettingObservationInput[],
  fromMs: number,
  toMs: number,
): SettingsSegment[] {
  if (!(toMs > fromMs)) return [];
  const ordered = [...observations].sort(
    (a, b) =>
      a.observedAtMs - b.observedAtMs ||
      (SOURCE_RANK[a.source] ?? 0) - (SOURCE_RANK[b.source] ?? 0),
  );
  const first = firstObserved(ordered);
  let state: SettingsInForce = { architecture: null, memoryMb: null, provisionedConcurrency: null };
  let i = 0;
  for (; i < ordered.length && ordered[i].observedAtMs <= fromMs; i++)
    state = apply(state, ordered[i]);
  state = {
    ...state,
    architecture: state.architecture ?? first.architecture,
    memoryMb: state.memoryMb ?? first.memoryMb,
  };
  const segments: SettingsSegment[] = [{ fromMs, toMs, ...state }];
  for (; i < ordered.length && ordered[i].observedAtMs < toMs; i++) {
    const at = ordered[i].observedAtMs;
    const next = apply(state, ordered[i]);
    if (same(next, state)) continue;
    state = next;
    const current = segments[segments.length - 1];
    if (current.fromMs === at) {
      Object.assign(current, state);
      // A change back to the settings before it merges the two stretches.
      const before = segments[segments.length - 2];
      if (before && same(before, current)) {
        before.toMs = toMs;
        segments.pop();
      }
    } else {
      current.toMs = at;
      segments.push({ fromMs: at, toMs, ...state });
    }
  }
  if (first.provisionedConcurrency !== null) {
    for (const s of segments) {
      if (s.provisionedConcurrency === null) {
        s.assumedProvisionedConcurrency = first.provisionedConcurrency;
      }
    }
  }
  return segments;
}
