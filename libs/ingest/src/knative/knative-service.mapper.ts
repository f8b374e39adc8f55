import type { FunctionConfigHint } from '../common/ingest-result';
import { knativeRevision } from './knative-revision.identity';
import { cpuMillicores, memoryMb } from '../kubernetes/kubernetes-quantity';
import { jsonBody } from '../body/json-body';
import type { InventoryHintsResult } from '../kubernetes/inventory-hints';
import {
  jsonObject,
  mapInventoryItems,
  podMemorySizeMb,
  stringMap,
} from '../kubernetes/inventory-hints';

/** Inventory facts about one Knative Service (serving.knative.dev/v1) and its latest revision. */
export interface KnativeServiceHint extends FunctionConfigHint {
  platform: 'knative';
  name: string;
  namespace: string;
  cluster: string;
  /** The latest ready revision, else the template's revision name, else ''. Also in `version`. */
  revision: string;
  image: string;
  /** `autoscaling.knative.dev/min-scale` (0 with scale to zero when absent: left null here). */
  minScale: number | null;
  /** `autoscaling.knative.dev/max-scale` (0 means unlimited). */
  maxScale: number | null;
  initialScale: number | null;
  /** `autoscaling.knative.dev/target` (soft concurrency or rps target). */
  target: number | null;
  /** `autoscaling.knative.dev/target-burst-capacity`: 0 keeps the activator out of the path when warm. */
  targetBurstCapacity: number | null;
  /** spec.template.spec.containerConcurrency (0 = unlimited). */
  containerConcurrency: number | null;
  /** Sums over the template's containers; the queue-proxy sidecar is in `queueProxy`. */
  memoryLimitMb: number | null;
  memoryRequestMb: number | null;
  cpuLimitMillicores: number | null;
  cpuRequestMillicores: number | null;
  /** What the queue-proxy sidecar Knative injects into every pod requests. */
  queueProxy: QueueProxyRequests;
  /** The revision template's annotations. */
  annotations: Record<string, string>;
  labels: Record<string, string>;
}

/**
 * The queue-proxy's requests: the revision's `queue.sidecar.serving.knative.dev/*-resource-request`
 * annotations, else config-deployment's defaults (knative/docs serving/configuration/deployment.md):
 * `queue-sidecar-cpu-request` is 25m when omitted, `queue-sidecar-memory-request` has no default.
 */
export interface QueueProxyRequests {
  cpuMillicores: number;
  /** True when no annotation said it and Knative's 25m default was taken. */
  cpuAssumed: boolean;
  memoryMb: number | null;
}

/** config-deployment `queue-sidecar-cpu-request` when omitted (knative.dev/serving pkg/deployment). */
export const KNATIVE_QUEUE_PROXY_DEFAULT_CPU_MILLICORES = 25;

const Q = 'queue.sidecar.serving.knative.dev/';

/** The revision annotation that sets the queue-proxy's CPU request. */
export const KNATIVE_QUEUE_CPU_ANNOTATION = `${Q}cpu-resource-request`;

function queueProxyRequests(annotations: Record<string, string>): QueueProxyRequests {
  const cpu = cpuMillicores(annotations[KNATIVE_QUEUE_CPU_ANNOTATION]);
  return {
    cpuMillicores: cpu ?? KNATIVE_QUEUE_PROXY_DEFAULT_CPU_MILLICORES,
    cpuAssumed: cpu === null,
    memoryMb: memoryMb(annotations[`${Q}memory-resource-request`]),
  };
}

export interface KnativeServiceOptions {
  cluster: string;
  observedAtMs: number;
}

export type KnativeServicesResult = InventoryHintsResult<KnativeServiceHint>;

const obj = jsonObject;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberAnnotation(annotations: Record<string, string>, ...keys: string[]): number | null {
  for (const key of keys) {
    const raw = annotations[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n)) return n;
  }
  return null;
}

function sumOver(values: (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

const A = 'autoscaling.knative.dev/';

/** Maps one Service object; undefined when it has no name. */
export function mapKnativeService(
  service: unknown,
  options: KnativeServiceOptions,
): KnativeServiceHint | undefined {
  const root = obj(service);
  const metadata = obj(root.metadata);
  const name = str(metadata.name);
  if (name === '') return undefined;
  const namespace = str(metadata.namespace) || 'default';
  const template = obj(obj(root.spec).template);
  const templateMeta = obj(template.metadata);
  const podSpec = obj(template.spec);
  const status = obj(root.status);
  const revision = str(status.latestReadyRevisionName) || str(templateMeta.name);
  const annotations = stringMap(templateMeta.annotations);
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers.map(obj) : [];
  const limits = containers.map((c) => obj(obj(c.resources).limits));
  const requests = containers.map((c) => obj(obj(c.resources).requests));
  const ref = knativeRevision(options.cluster, namespace, name, revision);

  const memoryLimitMb = sumOver(limits.map((l) => memoryMb(l.memory)));
  const memoryRequestMb = sumOver(requests.map((r) => memoryMb(r.memory)));
  const hint: KnativeServiceHint = {
    functionId: ref.functionId,
    version: revision,
    observedAtMs: options.observedAtMs,
    platform: 'knative',
    name,
    namespace,
    cluster: options.cluster,
    revision,
    image: containers.length > 0 ? str(containers[0].image) : '',
    // The camelCase spellings are the pre-1.0 names, still accepted by Knative.
    minScale: numberAnnotation(annotations, `${A}min-scale`, `${A}minScale`),
    maxScale: numberAnnotation(annotations, `${A}max-scale`, `${A}maxScale`),
    initialScale: numberAnnotation(annotations, `${A}initial-scale`, `${A}initialScale`),
    target: numberAnnotation(annotations, `${A}target`),
    targetBurstCapacity: numberAnnotation(
      annotations,
      `${A}target-burst-capacity`,
      `${A}targetBurstCapacity`,
    ),
    containerConcurrency:
      typeof podSpec.containerConcurrency === 'number' ? podSpec.containerConcurrency : null,
    memoryLimitMb,
    memoryRequestMb,
    cpuLimitMillicores: sumOver(limits.map((l) => cpuMillicores(l.cpu))),
    cpuRequestMillicores: sumOver(requests.map((r) => cpuMillicores(r.cpu))),
    queueProxy: queueProxyRequests(annotations),
    annotations,
    labels: stringMap(metadata.labels),
  };
  const memory = podMemorySizeMb(memoryLimitMb, memoryRequestMb);
  if (memory !== null) hint.memorySizeMb = memory;
  // Only an explicit timeoutSeconds: the cluster default (revision-timeout-seconds) is not visible here.
  if (typeof podSpec.timeoutSeconds === 'number' && podSpec.timeoutSeconds > 0) {
    hint.timeoutMs = podSpec.timeoutSeconds * 1000;
  }
  return hint;
}

/**
 * Maps Knative Services from the Kubernetes API: one Service, a ServiceList (`items`), or an array.
 * Items without a name are skipped and counted; a body of another shape is refused.
 */
export function mapKnativeServices(
  body: unknown,
  options: KnativeServiceOptions,
): KnativeServicesResult {
  const parsed = jsonBody(body);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (Array.isArray(obj(value).items)) items = obj(value).items as unknown[];
  else if (obj(value).kind === 'Service') items = [value];
  else
    return {
      ok: false,
      reason: 'invalid_shape',
      message: 'expected a Service, a ServiceList or an array of Services',
    };

  return mapInventoryItems(
    items,
    (item, index) =>
      mapKnativeService(item, options) ?? { skipped: `items[${index}]: not a named Service` },
  );
}
