import type { FunctionConfigHint } from '../common/ingest-result';
import { cpuMillicores, memoryMb } from '../kubernetes/kubernetes-quantity';
import { OPENFAAS_DEFAULT_NAMESPACE, openFaasFunction } from './openfaas-function.identity';
import { jsonBody } from '../body/json-body';
import type { InventoryHintsResult } from '../kubernetes/inventory-hints';
import {
  jsonObject,
  mapInventoryItems,
  podMemorySizeMb,
  stringMap,
} from '../kubernetes/inventory-hints';

/** Inventory facts about one OpenFaaS function, from the gateway's `GET /system/functions`. */
export interface OpenFaasFunctionHint extends FunctionConfigHint {
  platform: 'openfaas';
  name: string;
  namespace: string;
  gateway: string;
  image: string;
  /** Desired and available replicas at the time of the call. */
  replicas: number | null;
  availableReplicas: number | null;
  /** `com.openfaas.scale.min` / `.max` (defaults 1 and 20 apply when absent: left null here). */
  minScale: number | null;
  maxScale: number | null;
  /** `com.openfaas.scale.zero` (OpenFaaS Pro); null when the label is absent. */
  scaleToZero: boolean | null;
  memoryLimitMb: number | null;
  memoryRequestMb: number | null;
  cpuLimitMillicores: number | null;
  cpuRequestMillicores: number | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface SystemFunctionsOptions {
  gateway: string;
  observedAtMs: number;
  defaultNamespace?: string;
}

export type SystemFunctionsResult = InventoryHintsResult<OpenFaasFunctionHint>;

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function intLabel(labels: Record<string, string>, key: string): number | null {
  const raw = labels[key];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

const GO_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A Go duration (`30s`, `1m30s`, `500ms`) or a bare number of seconds, as the watchdogs read
 * `exec_timeout`; milliseconds, or undefined.
 */
export function goDurationMs(text: string): number | undefined {
  const s = text.trim();
  if (s.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  let total = 0;
  let i = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m === null) return undefined;
    total += Number(m[1]) * GO_UNITS[m[2]];
    i = re.lastIndex;
  }
  return total;
}

/**
 * Maps the gateway's `GET /system/functions` answer (faas-provider types.FunctionStatus[]) to
 * inventory hints. The memory size is the limit, or the request when no limit is set; the timeout
 * is the `exec_timeout` environment variable the watchdog enforces. A bad entry is skipped and
 * counted; a body that is not a JSON array is refused.
 */
export function parseSystemFunctions(
  body: unknown,
  options: SystemFunctionsOptions,
): SystemFunctionsResult {
  const parsed = jsonBody(body);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (!Array.isArray(value)) {
    return { ok: false, reason: 'invalid_shape', message: 'expected a JSON array of functions' };
  }
  return mapInventoryItems(value, (raw, index) => {
    const item = jsonObject(raw);
    if (typeof item.name !== 'string' || item.name.length === 0) {
      return { skipped: `functions[${index}]: missing name` };
    }
    const namespace =
      typeof item.namespace === 'string' && item.namespace.length > 0
        ? item.namespace
        : (options.defaultNamespace ?? OPENFAAS_DEFAULT_NAMESPACE);
    const fn = openFaasFunction(`${item.name}.${namespace}`, options.gateway);
    const labels = stringMap(item.labels);
    const envVars = stringMap(item.envVars);
    const limits = jsonObject(item.limits);
    const requests = jsonObject(item.requests);
    const memoryLimitMb = memoryMb(limits.memory);
    const memoryRequestMb = memoryMb(requests.memory);
    const timeout =
      envVars.exec_timeout === undefined ? undefined : goDurationMs(envVars.exec_timeout);
    const zero = labels['com.openfaas.scale.zero'];
    const hint: OpenFaasFunctionHint = {
      functionId: fn.functionId,
      version: '',
      observedAtMs: options.observedAtMs,
      platform: 'openfaas',
      name: fn.name,
      namespace,
      gateway: options.gateway,
      image: typeof item.image === 'string' ? item.image : '',
      replicas: count(item.replicas),
      availableReplicas: count(item.availableReplicas),
      minScale: intLabel(labels, 'com.openfaas.scale.min'),
      maxScale: intLabel(labels, 'com.openfaas.scale.max'),
      scaleToZero: zero === undefined ? null : zero === 'true',
      memoryLimitMb,
      memoryRequestMb,
      cpuLimitMillicores: cpuMillicores(limits.cpu),
      cpuRequestMillicores: cpuMillicores(requests.cpu),
      labels,
      annotations: stringMap(item.annotations),
    };
    const memory = podMemorySizeMb(memoryLimitMb, memoryRequestMb);
    if (memory !== null) hint.memorySizeMb = memory;
    if (timeout !== undefined) hint.timeoutMs = timeout;
    return hint;
  });
}
