/** The CPU and memory one Knative or OpenFaaS pod requests: what the node price is charged on. */
export interface PodResources {
  vcpu: number;
  memoryMb: number;
}

/** Why a Knative or OpenFaaS function has no cost: the inventory lacks its pods' requests. */
export const POD_RESOURCES_UNKNOWN = 'pod CPU and memory requests unknown: pods not priced';

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
 * The pod-seconds a Knative or OpenFaaS function ran over `seconds` of a UTC day with data (the
 * weekly report's whole day, the part of it in a fleet page's range): min-scale pods all that
 * time; with min-scale 0, one pod in each minute with requests in it (a lower bound: scale-down
 * delays and more than one pod per minute are not seen). Minutes are the finest the aggregate
 * stores (function_minutes).
 */
export function podSecondsOf(span: {
  minScale: number;
  seconds: number;
  activeMinutes: number;
}): number {
  return span.minScale > 0 ? span.minScale * span.seconds : span.activeMinutes * 60;
}
