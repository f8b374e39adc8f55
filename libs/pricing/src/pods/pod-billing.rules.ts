/** The CPU and memory one Knative or OpenFaaS pod requests: what the node price is charged on. */
export interface PodResources {
  vcpu: number;
  memoryMb: number;
}

/** Why a Knative or OpenFaaS function has no cost: the inventory lacks its pods' requests. */
export const POD_RESOURCES_UNKNOWN = 'pod CPU and memory requests unknown: pods not priced';

/**
 * What a pod cost priced by podSecondsOf() leaves out, said beside it: the pods the aggregate sees
 * are the min-scale ones and one in each minute with requests; Knative and OpenFaaS run more
 * (replicas for bursts, a pod kept through the scale-down delay after the last request).
 */
export const POD_COST_FLOOR_NOTE =
  'A lower bound: min-scale pods for the time the function existed, and one pod in each minute with requests; replicas above that and pods kept through the scale-down delay are not counted.';

/** A pod's requests from the inventory; null unless both are known and above 0. */
export function podResourcesOf(
  podCpu: number | null | undefined,
  podMemoryMb: number | null | undefined,
): PodResources | null {
  return podCpu && podCpu > 0 && podMemoryMb && podMemoryMb > 0
    ? { vcpu: podCpu, memoryMb: podMemoryMb }
    : null;
}

/**
 * When a Knative or OpenFaaS function's pods can have run, as far as Fleetscope can tell: from when
 * it first knew the function (its first minute with data, settings observation or inventory row)
 * to when the inventory sync stopped listing it.
 */
export interface PodLifetime {
  firstSeenMs: number;
  /** null: still listed, or never listed by an inventory sync (nothing says it was removed). */
  removedAtMs: number | null;
}

/** A UTC day's pods of a Knative or OpenFaaS function inside a range. */
export interface PodDay {
  dayStartMs: number;
  podSeconds: number;
}

const DAY_MS = 86_400_000;

/**
 * The pod-seconds a Knative or OpenFaaS function ran in a stretch of a UTC day: `seconds` of it
 * the function existed (podDaysOf); min-scale pods all that time, and never fewer than one pod in
 * each minute with requests, which is all min-scale 0 counts (a lower bound: scale-down delays and
 * more than one pod per minute are not seen). Minutes are the finest the aggregate stores
 * (function_minutes).
 */
export function podSecondsOf(span: {
  minScale: number;
  seconds: number;
  activeMinutes: number;
}): number {
  return Math.max(span.minScale * span.seconds, span.activeMinutes * 60);
}

/**
 * Per UTC day, the pod-seconds a Knative or OpenFaaS function ran inside [range.fromMs,
 * range.toMs) and before now: the weekly report's days and the fleet page's range alike. Min-scale
 * pods run whether or not requests come, so they count for every second of the function's
 * lifetime in the range, days without data included; nothing before it was first seen or after it
 * was removed. `activeMinutes`: per UTC day, its minutes with requests inside the range.
 */
export function podDaysOf(input: {
  range: { fromMs: number; toMs: number };
  nowMs: number;
  minScale: number;
  lifetime: PodLifetime | null;
  activeMinutes: ReadonlyMap<number, number>;
}): PodDay[] {
  const { range, minScale, lifetime, activeMinutes } = input;
  const seconds = new Map<number, number>();
  for (const day of activeMinutes.keys()) seconds.set(day, 0);
  if (minScale > 0 && lifetime) {
    const fromMs = Math.max(range.fromMs, lifetime.firstSeenMs);
    const toMs = Math.min(range.toMs, input.nowMs, lifetime.removedAtMs ?? Infinity);
    for (let day = Math.floor(fromMs / DAY_MS) * DAY_MS; day < toMs; day += DAY_MS) {
      const inDay = Math.min(day + DAY_MS, toMs) - Math.max(day, fromMs);
      if (inDay > 0) seconds.set(day, inDay / 1000);
    }
  }
  return [...seconds]
    .sort(([a], [b]) => a - b)
    .map(([dayStartMs, s]) => ({
      dayStartMs,
      podSeconds: podSecondsOf({
        minScale,
        seconds: s,
        activeMinutes: activeMinutes.get(dayStartMs) ?? 0,
      }),
    }));
}
