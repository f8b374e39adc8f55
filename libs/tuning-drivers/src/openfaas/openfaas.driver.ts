import { endpointOf, type PlatformTarget } from '@fleetscope/config';
import { functionId } from '@fleetscope/model';
import {
  eventText,
  openFaasFunctionName,
  type Candidate,
  type DriverInvocation,
  type FunctionSnapshot,
  type TuningDriver,
  type TuningTarget,
} from '@fleetscope/tuning';
import { authorizedRequest, responseError } from '../http/authorized-request';
import { asPlatformError } from '../http/platform-errors';

/** How long a new deployment may take to have a ready replica. */
const READY_TIMEOUT_MS = 120_000;

/** The gateway's FunctionStatus (GET /system/function/{name}), the fields a deployment carries. */
interface FunctionStatus {
  name: string;
  image: string;
  namespace?: string;
  envProcess?: string;
  envVars?: Record<string, string>;
  constraints?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  secrets?: string[];
  limits?: { memory?: string; cpu?: string } | null;
  requests?: { memory?: string; cpu?: string } | null;
  readOnlyRootFilesystem?: boolean;
  availableReplicas?: number;
}

/** The function of `[gateway/]name[.namespace]` and the gateway it lives behind. */
function locate(
  fn: string,
  gateways: readonly PlatformTarget[],
): { gateway: PlatformTarget; name: string; namespace: string } {
  const { gateway: label, name, namespace } = openFaasFunctionName(fn);
  const gateway = label ? gateways.find((g) => g.label === label) : gateways[0];
  if (!gateway)
    throw new Error(
      label
        ? `no OpenFaaS gateway named ${label} in FLEETSCOPE_OPENFAAS_GATEWAYS`
        : 'no OpenFaaS gateway configured (FLEETSCOPE_OPENFAAS_GATEWAYS)',
    );
  if (gateways.length > 1 && !label)
    throw new Error(`several OpenFaaS gateways: name one as <gateway>/${fn}`);
  return { gateway, name, namespace };
}

/** Pod CPU in cores from a Kubernetes quantity (`100m`, `0.5`, `2`). */
function cores(quantity: string | undefined): number | undefined {
  if (!quantity) return undefined;
  const n = quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
  return Number.isFinite(n) ? n : undefined;
}

/** MiB from a Kubernetes quantity (`128Mi`, `1Gi`, `256M`). */
function mebibytes(quantity: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity ?? '');
  if (!m) return undefined;
  const factor: Record<string, number> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    K: 1000 / 1048576,
    M: 1e6 / 1048576,
    G: 1e9 / 1048576,
  };
  return Number(m[1]) * (m[2] ? factor[m[2]] : 1 / 1048576);
}

/**
 * Tunes an OpenFaaS function through its gateway: read the deployment (GET /system/function),
 * redeploy it with the candidate's memory limit and request (PUT /system/functions), wait for a
 * ready replica, invoke through /function/{name}.{namespace} and read the gateway's
 * X-Duration-Seconds; restore puts the original deployment back. One size at a time, as the
 * function has one deployment: a size the search returns to is deployed again.
 */
export class OpenFaasTuningDriver implements TuningDriver {
  readonly platform = 'openfaas' as const;
  readonly oneDeploymentAtATime = true;
  constructor(private readonly gateways: readonly PlatformTarget[]) {}

  async snapshot(target: TuningTarget): Promise<FunctionSnapshot> {
    const { gateway, name, namespace } = locate(target.function, this.gateways);
    const status = await this.status(gateway, name, namespace).catch((error: unknown) => {
      throw asPlatformError(error);
    });
    const memoryMb = mebibytes(status.limits?.memory ?? status.requests?.memory);
    if (!memoryMb)
      throw new Error(`${name}.${namespace} has no memory limit to tune: set limits.memory first`);
    return {
      functionId: functionId({
        platform: 'openfaas',
        account: namespace,
        region: gateway.label,
        name,
      }),
      memoryMb: Math.round(memoryMb),
      architecture: 'x86_64',
      region: gateway.label,
      details: {
        deployment: { ...status },
        podVcpu: cores(status.requests?.cpu ?? status.limits?.cpu) ?? 0,
      },
    };
  }

  async prepare(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<void> {
    const memory = `${candidate.memoryMb}Mi`;
    const original = snapshot.details.deployment as FunctionStatus;
    await this.deploy(
      target,
      {
        ...original,
        limits: { ...original.limits, memory },
        requests: { ...original.requests, memory },
      },
      signal,
    );
  }

  async invoke(
    target: TuningTarget,
    _candidate: Candidate,
    payload: unknown,
    _fresh?: boolean,
    _snapshot?: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<DriverInvocation> {
    const { gateway, name, namespace } = locate(target.function, this.gateways);
    const started = performance.now();
    const response = await authorizedRequest(
      endpointOf(
        gateway.url,
        `function/${encodeURIComponent(name)}.${encodeURIComponent(namespace)}`,
      ),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: eventText(payload),
        signal,
      },
    );
    await response.arrayBuffer();
    const measuredMs = performance.now() - started;
    const header = Number(response.headers.get('x-duration-seconds'));
    const durationMs = Number.isFinite(header) && header > 0 ? header * 1000 : measuredMs;
    const outcome: DriverInvocation['outcome'] = response.ok
      ? 'ok'
      : response.status === 504
        ? 'timeout'
        : 'error';
    return {
      outcome,
      durationMs,
      // A pod is paid for while it serves the request: no rounding, no INIT.
      billedDurationMs: durationMs,
      initDurationMs: 0,
      errorType: response.ok ? '' : `HTTP ${response.status}`,
    };
  }

  async restore(target: TuningTarget, snapshot: FunctionSnapshot): Promise<void> {
    await this.deploy(target, snapshot.details.deployment as FunctionStatus);
  }

  async apply(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
  ): Promise<void> {
    await this.prepare(target, candidate, snapshot);
  }

  private async status(
    gateway: PlatformTarget,
    name: string,
    namespace: string,
    signal?: AbortSignal,
  ) {
    const url = endpointOf(gateway.url, `system/function/${encodeURIComponent(name)}`);
    url.searchParams.set('namespace', namespace);
    const response = await authorizedRequest(url, {
      headers: { accept: 'application/json' },
      signal,
    });
    if (!response.ok) throw await responseError(`GET /system/function/${name}`, response);
    return (await response.json()) as FunctionStatus;
  }

  /**
   * PUT /system/functions, then wait until the deployment says what was asked and is ready.
   * `signal` stops the wait, not the PUT: a restore that follows must land after it.
   */
  private async deploy(
    target: TuningTarget,
    status: FunctionStatus,
    signal?: AbortSignal,
  ): Promise<void> {
    const { gateway, name, namespace } = locate(target.function, this.gateways);
    const body = {
      service: status.name,
      image: status.image,
      namespace: status.namespace ?? namespace,
      envProcess: status.envProcess,
      envVars: status.envVars,
      constraints: status.constraints,
      labels: status.labels,
      annotations: status.annotations,
      secrets: status.secrets,
      limits: status.limits ?? undefined,
      requests: status.requests ?? undefined,
      readOnlyRootFilesystem: status.readOnlyRootFilesystem,
    };
    const response = await authorizedRequest(endpointOf(gateway.url, 'system/functions'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await responseError('PUT /system/functions', response);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      signal?.throwIfAborted();
      const now = await this.status(gateway, name, namespace, signal);
      if (now.limits?.memory === status.limits?.memory && (now.availableReplicas ?? 0) > 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `${name}.${namespace} had no ready replica ${READY_TIMEOUT_MS / 1000} s after the update`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
