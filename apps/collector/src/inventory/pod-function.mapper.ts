import {
  KNATIVE_QUEUE_CPU_ANNOTATION,
  type KnativeServiceHint,
  type OpenFaasFunctionHint,
} from '@fleetscope/ingest';
import type { FunctionConfigUpdate } from '@fleetscope/storage';

/** The label that keeps a function's container image. */
const IMAGE_LABEL = { openfaas: 'openfaas.image', knative: 'knative.image' } as const;

/** The label that says what the queue-proxy sidecar was priced at, and whether it was assumed. */
const QUEUE_PROXY_CPU_LABEL = 'knative.queue-proxy.cpu-request';

/**
 * The inventory row of a function that runs as Kubernetes pods (OpenFaaS, Knative): memory and
 * timeout as the platform sees them, pod size for cost (with the requests of a `sidecar` the
 * platform injects). `region` is where the platform was read: the gateway or the cluster.
 */
function podConfigUpdate(
  hint: OpenFaasFunctionHint | KnativeServiceHint,
  region: string,
  minScale: number | undefined,
  sidecar: { cpuMillicores: number; memoryMb: number | null } = {
    cpuMillicores: 0,
    memoryMb: null,
  },
): FunctionConfigUpdate {
  const podCpuMillicores = hint.cpuRequestMillicores ?? hint.cpuLimitMillicores;
  const podMemoryMb = hint.memoryRequestMb ?? hint.memoryLimitMb;
  return {
    functionId: hint.functionId,
    platform: hint.platform,
    account: hint.namespace,
    region,
    name: hint.name,
    // The columns are whole MiB; a decimal quantity such as 64M is 61.04 MiB.
    memoryMb: hint.memorySizeMb === undefined ? undefined : Math.round(hint.memorySizeMb),
    timeoutMs: hint.timeoutMs === undefined ? undefined : Math.round(hint.timeoutMs),
    minScale,
    maxScale: hint.maxScale ?? undefined,
    // Idle replicas cost what they request (the scheduler reserves it), else what they may use.
    // A sidecar's CPU is the pod's too; with the function's unknown the pod's stays unknown. Its
    // memory is not added: a memory recommendation prices each size at the function's own request
    // (pod-busy-cost.ts), and a sidecar share on the current size only inflated the saving.
    podCpu:
      podCpuMillicores === null ? undefined : (podCpuMillicores + sidecar.cpuMillicores) / 1000,
    podMemoryMb: podMemoryMb === null ? undefined : Math.round(podMemoryMb),
    labels: hint.image ? { ...hint.labels, [IMAGE_LABEL[hint.platform]]: hint.image } : hint.labels,
  };
}

/**
 * The replicas an OpenFaaS function keeps while idle: none when it scales to zero
 * (`com.openfaas.scale.zero=true`), else `com.openfaas.scale.min`, which defaults to 1 and is at
 * least 1 (openfaas/faas `gateway/scaling/ranges.go`, docs.openfaas.com "Auto-scaling"). Pricing
 * reads an unknown min-scale as 0, which would bill an always-on replica only for its busy minutes.
 */
function openFaasMinScale(hint: OpenFaasFunctionHint): number {
  return hint.scaleToZero === true ? 0 : Math.max(1, hint.minScale ?? 1);
}

/** An OpenFaaS function's inventory row, under its gateway. */
export function openFaasConfigUpdate(hint: OpenFaasFunctionHint): FunctionConfigUpdate {
  return podConfigUpdate(hint, hint.gateway, openFaasMinScale(hint));
}

/**
 * A Knative Service's inventory row, under its cluster, its latest ready revision as the version.
 * A Service listed without `autoscaling.knative.dev/min-scale` keeps no idle pods (Knative's
 * default, knative.dev "Configuring scale bounds"): 0, not unknown, or the min-scale of an
 * annotation since removed would be kept and billed as idle pods.
 */
export function knativeConfigUpdate(hint: KnativeServiceHint): FunctionConfigUpdate {
  const queue = hint.queueProxy;
  const update = podConfigUpdate(hint, hint.cluster, hint.minScale ?? 0, queue);
  return {
    ...update,
    version: hint.revision || undefined,
    labels: {
      ...update.labels,
      // Shown with the inventory, so a cluster whose config-deployment sets another
      // queue-sidecar-cpu-request knows its pods were priced at Knative's default.
      [QUEUE_PROXY_CPU_LABEL]: queue.cpuAssumed
        ? `${queue.cpuMillicores}m (Knative's default, assumed: no ${KNATIVE_QUEUE_CPU_ANNOTATION} annotation)`
        : `${queue.cpuMillicores}m`,
    },
  };
}
