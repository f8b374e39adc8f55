import { functionId } from '@fleetscope/model';
import {
  eventText,
  knativeServiceName,
  type Candidate,
  type DriverInvocation,
  type FunctionSnapshot,
  type TuningDriver,
  type TuningTarget,
} from '@fleetscope/tuning';
import { authorizedRequest } from '../http/authorized-request';
import { asPlatformError } from '../http/platform-errors';
import {
  KubernetesApiError,
  kubernetesRequest,
  type KubernetesAccess,
} from '../http/kubernetes.client';

const READY_TIMEOUT_MS = 180_000;
const MERGE_PATCH = 'application/merge-patch+json';

interface TrafficTarget {
  revisionName?: string;
  latestRevision?: boolean;
  percent?: number;
  tag?: string;
  url?: string;
}

interface Container {
  resources?: {
    limits?: Record<string, string>;
    requests?: Record<string, string>;
  };
  [key: string]: unknown;
}

interface Template {
  metadata?: { name?: string | null; [key: string]: unknown };
  spec: { containers: Container[]; [key: string]: unknown };
}

interface KnativeService {
  metadata: { name: string; namespace: string };
  spec: { template: Template; traffic?: TrafficTarget[] };
  status?: {
    latestReadyRevisionName?: string;
    latestCreatedRevisionName?: string;
    traffic?: TrafficTarget[];
  };
}

interface KnativeDetails {
  namespace: string;
  name: string;
  template: Template;
  traffic: TrafficTarget[] | null;
  latestReadyRevisionName: string;
  podVcpu: number;
}

const servicePath = (ns: string, name: string) =>
  `apis/serving.knative.dev/v1/namespaces/${encodeURIComponent(ns)}/services/${encodeURIComponent(name)}`;

/** Names of what a job creates: DNS-1123 labels of at most 63 characters. */
const knativeTagPrefix = (jobId: string) => `fst-${jobId.replace(/[^a-z0-9]/g, '').slice(0, 8)}-`;
export function knativeTag(jobId: string, c: Candidate): string {
  return `${knativeTagPrefix(jobId)}${c.memoryMb}`;
}
export function knativeRevisionPrefix(service: string, jobId: string): string {
  return `${service.slice(0, 40)}-fst-${jobId.replace(/[^a-z0-9]/g, '').slice(0, 8)}-`;
}

function cores(quantity: string | undefined): number {
  if (!quantity) return 0;
  const n = quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
  return Number.isFinite(n) ? n : 0;
}

function mebibytes(quantity: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|M|G)?$/.exec(quantity ?? '');
  if (!m) return undefined;
  const factor: Record<string, number> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    M: 1e6 / 1048576,
    G: 1e9 / 1048576,
  };
  return Number(m[1]) * (m[2] ? factor[m[2]] : 1 / 1048576);
}

/** The template with this memory limit (and request, when there is one) and revision name. */
function templateWith(template: Template, memoryMb: number, revision: string | null): Template {
  const [first, ...rest] = template.spec.containers;
  const resources = first.resources ?? {};
  const memory = `${memoryMb}Mi`;
  return {
    ...template,
    metadata: { ...template.metadata, name: revision },
    spec: {
      ...template.spec,
      containers: [
        {
          ...first,
          resources: {
            ...resources,
            limits: { ...resources.limits, memory },
            ...(resources.requests ? { requests: { ...resources.requests, memory } } : {}),
          },
        },
        ...rest,
      ],
    },
  };
}

/**
 * Tunes a Knative Service through the Kubernetes API: per size, a revision with that memory limit
 * and a tag with 0 % of the traffic (the existing traffic pinned where it was, the job's earlier
 * tags kept), invoked at the tag's URL and timed at the client; restore puts back the original template and traffic and
 * deletes the job's revisions.
 */
export class KnativeTuningDriver implements TuningDriver {
  readonly platform = 'knative' as const;
  readonly oneDeploymentAtATime = false;
  private readonly tagUrls = new Map<string, string>();

  constructor(
    private readonly access: KubernetesAccess | undefined,
    private readonly cluster: string,
  ) {}

  private api(): KubernetesAccess {
    if (!this.access)
      throw new Error('no Kubernetes API configured (FLEETSCOPE_KUBERNETES_API_URL)');
    return this.access;
  }

  async snapshot(target: TuningTarget): Promise<FunctionSnapshot> {
    const { namespace, name } = knativeServiceName(target.function);
    const svc = await kubernetesRequest<KnativeService>(
      this.api(),
      'GET',
      servicePath(namespace, name),
    ).catch((error: unknown) => {
      throw asPlatformError(error);
    });
    const container = svc.spec.template.spec.containers[0];
    const memoryMb = mebibytes(
      container?.resources?.limits?.memory ?? container?.resources?.requests?.memory,
    );
    if (!memoryMb)
      throw new Error(`${namespace}/${name} has no memory limit to tune: set one first`);
    const details: KnativeDetails = {
      namespace,
      name,
      template: svc.spec.template,
      traffic: svc.spec.traffic ?? null,
      latestReadyRevisionName: svc.status?.latestReadyRevisionName ?? '',
      podVcpu: cores(container.resources?.requests?.cpu ?? container.resources?.limits?.cpu),
    };
    return {
      functionId: functionId({
        platform: 'knative',
        account: namespace,
        region: this.cluster,
        name,
      }),
      memoryMb: Math.round(memoryMb),
      architecture: 'x86_64',
      region: this.cluster,
      details: { ...details },
    };
  }

  async prepare(
    target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<void> {
    const d = snapshot.details as unknown as KnativeDetails;
    const tag = knativeTag(target.jobId, candidate);
    const revision = `${knativeRevisionPrefix(d.name, target.jobId)}${candidate.memoryMb}`;
    // Pin what serves today, so the new revision gets no traffic but its tag's.
    const pinned = (d.traffic ?? [{ latestRevision: true, percent: 100 }]).map((t) =>
      t.latestRevision
        ? {
            revisionName: d.latestReadyRevisionName,
            percent: t.percent,
            ...(t.tag ? { tag: t.tag } : {}),
          }
        : t,
    );
    // The sizes tagged before keep their tags (and so their revisions and routes): the adaptive
    // search returns to them.
    const earlier = ((await this.service(d)).spec.traffic ?? [])
      .filter((t) => t.tag?.startsWith(knativeTagPrefix(target.jobId)) && t.tag !== tag)
      .map((t) => ({ revisionName: t.revisionName, percent: 0, tag: t.tag }));
    await this.patch(d, {
      spec: {
        template: templateWith(d.template, candidate.memoryMb, revision),
        traffic: [...pinned, ...earlier, { revisionName: revision, percent: 0, tag }],
      },
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      // A cancel or a shutdown stops the wait (the patch has landed: restore undoes it).
      signal?.throwIfAborted();
      const svc = await this.service(d);
      const url = svc.status?.traffic?.find((t) => t.tag === tag)?.url;
      if (url && svc.status?.latestReadyRevisionName === revision) {
        this.tagUrls.set(`${target.jobId}:${tag}`, url);
        return;
      }
      if (Date.now() > deadline)
        throw new Error(
          `revision ${revision} was not ready ${READY_TIMEOUT_MS / 1000} s after it was created`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async invoke(
    target: TuningTarget,
    candidate: Candidate,
    payload: unknown,
    _fresh?: boolean,
    _snapshot?: FunctionSnapshot,
    signal?: AbortSignal,
  ): Promise<DriverInvocation> {
    const url = this.tagUrls.get(`${target.jobId}:${knativeTag(target.jobId, candidate)}`);
    if (!url) throw new Error(`no tag URL for ${candidate.memoryMb} MB: prepare it first`);
    const started = performance.now();
    const response = await authorizedRequest(new URL(url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: eventText(payload),
      signal,
    });
    await response.arrayBuffer();
    // Knative reports no duration: the client's clock, request to last byte.
    const durationMs = performance.now() - started;
    return {
      outcome: response.ok ? 'ok' : response.status === 504 ? 'timeout' : 'error',
      durationMs,
      billedDurationMs: durationMs,
      initDurationMs: 0,
      errorType: response.ok ? '' : `HTTP ${response.status}`,
    };
  }

  async restore(target: TuningTarget, snapshot: FunctionSnapshot): Promise<void> {
    const d = snapshot.details as unknown as KnativeDetails;
    await this.patch(d, {
      spec: {
        // null removes the revision name this job set, if the original had none.
        template: {
          ...d.template,
          metadata: { ...d.template.metadata, name: d.template.metadata?.name ?? null },
        },
        traffic: d.traffic,
      },
    });
    const prefix = knativeRevisionPrefix(d.name, target.jobId);
    const list = await kubernetesRequest<{ items: { metadata: { name: string } }[] }>(
      this.api(),
      'GET',
      `apis/serving.knative.dev/v1/namespaces/${encodeURIComponent(d.namespace)}/revisions?labelSelector=${encodeURIComponent(`serving.knative.dev/service=${d.name}`)}`,
    );
    for (const item of list.items) {
      if (!item.metadata.name.startsWith(prefix)) continue;
      try {
        await kubernetesRequest(
          this.api(),
          'DELETE',
          `apis/serving.knative.dev/v1/namespaces/${encodeURIComponent(d.namespace)}/revisions/${encodeURIComponent(item.metadata.name)}`,
        );
      } catch (error) {
        if (!(error instanceof KubernetesApiError && error.status === 404)) throw error;
      }
    }
    for (const key of [...this.tagUrls.keys()])
      if (key.startsWith(`${target.jobId}:`)) this.tagUrls.delete(key);
  }

  async apply(
    _target: TuningTarget,
    candidate: Candidate,
    snapshot: FunctionSnapshot,
  ): Promise<void> {
    const d = snapshot.details as unknown as KnativeDetails;
    await this.patch(d, {
      spec: { template: templateWith(d.template, candidate.memoryMb, null), traffic: d.traffic },
    });
  }

  private service(d: KnativeDetails): Promise<KnativeService> {
    return kubernetesRequest<KnativeService>(this.api(), 'GET', servicePath(d.namespace, d.name));
  }

  private patch(d: KnativeDetails, body: unknown): Promise<unknown> {
    return kubernetesRequest(
      this.api(),
      'PATCH',
      servicePath(d.namespace, d.name),
      body,
      MERGE_PATCH,
    );
  }
}
