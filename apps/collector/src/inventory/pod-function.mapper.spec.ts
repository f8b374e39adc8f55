import type { KnativeServiceHint, OpenFaasFunctionHint } from '@fleetscope/ingest';
import { knativeConfigUpdate, openFaasConfigUpdate } from './pod-function.mapper';

const pod = {
  version: '',
  observedAtMs: 0,
  name: 'hello',
  namespace: 'dev',
  image: 'ghcr.io/acme/hello:1',
  memorySizeMb: 61.04,
  timeoutMs: 30_000.4,
  minScale: 1,
  maxScale: null,
  memoryLimitMb: 256,
  memoryRequestMb: 128.4,
  cpuLimitMillicores: 500,
  cpuRequestMillicores: null,
  labels: { team: 'a' },
  annotations: {},
};

const openFaas: OpenFaasFunctionHint = {
  ...pod,
  functionId: 'openfaas~dev~gw~hello',
  platform: 'openfaas',
  gateway: 'gw',
  replicas: 1,
  availableReplicas: 1,
  scaleToZero: null,
};

const knative: KnativeServiceHint = {
  ...pod,
  functionId: 'knative~dev~prod~hello',
  platform: 'knative',
  cluster: 'prod',
  revision: 'hello-00002',
  initialScale: null,
  target: null,
  targetBurstCapacity: null,
  containerConcurrency: null,
  queueProxy: { cpuMillicores: 25, cpuAssumed: true, memoryMb: null },
};

// Whole MiB; the pod at its request where one is set, else at its limit.
const podRow = {
  memoryMb: 61,
  timeoutMs: 30_000,
  minScale: 1,
  maxScale: undefined,
  podCpu: 0.5,
  podMemoryMb: 128,
};

describe(openFaasConfigUpdate.name, () => {
  it('files the function under its gateway with its pod size and its image as a label', () => {
    expect(openFaasConfigUpdate(openFaas)).toStrictEqual({
      functionId: 'openfaas~dev~gw~hello',
      platform: 'openfaas',
      account: 'dev',
      region: 'gw',
      name: 'hello',
      ...podRow,
      labels: { team: 'a', 'openfaas.image': 'ghcr.io/acme/hello:1' },
    });
  });

  it('leaves the labels as they are when there is no image', () => {
    expect(openFaasConfigUpdate({ ...openFaas, image: '' }).labels).toEqual({ team: 'a' });
  });

  it('keeps one replica of a function without scale labels, as OpenFaaS does (scale.min defaults to 1)', () => {
    expect(openFaasConfigUpdate({ ...openFaas, minScale: null }).minScale).toBe(1);
    expect(openFaasConfigUpdate({ ...openFaas, minScale: 0 }).minScale).toBe(1);
    expect(openFaasConfigUpdate({ ...openFaas, minScale: 3, scaleToZero: false }).minScale).toBe(3);
  });

  it('keeps no replica of a function that scales to zero, whatever its scale.min', () => {
    expect(openFaasConfigUpdate({ ...openFaas, minScale: 2, scaleToZero: true }).minScale).toBe(0);
    expect(openFaasConfigUpdate({ ...openFaas, minScale: null, scaleToZero: true }).minScale).toBe(
      0,
    );
  });
});

describe(knativeConfigUpdate.name, () => {
  it('files the service under its cluster with its latest ready revision as the version', () => {
    expect(knativeConfigUpdate(knative)).toStrictEqual({
      functionId: 'knative~dev~prod~hello',
      platform: 'knative',
      account: 'dev',
      region: 'prod',
      name: 'hello',
      version: 'hello-00002',
      ...podRow,
      // The queue-proxy's requests are the pod's too.
      podCpu: 0.525,
      labels: {
        team: 'a',
        'knative.image': 'ghcr.io/acme/hello:1',
        'knative.queue-proxy.cpu-request':
          "25m (Knative's default, assumed: no queue.sidecar.serving.knative.dev/cpu-resource-request annotation)",
      },
    });
    expect(knativeConfigUpdate({ ...knative, revision: '' }).version).toBeUndefined();
  });

  it("adds the queue-proxy's requests as the annotations give them, and leaves an unknown pod unknown", () => {
    const annotated = knativeConfigUpdate({
      ...knative,
      queueProxy: { cpuMillicores: 100, cpuAssumed: false, memoryMb: 64 },
    });
    expect(annotated).toMatchObject({ podCpu: 0.6, podMemoryMb: 128, memoryMb: 61 });
    expect(annotated.labels).toMatchObject({ 'knative.queue-proxy.cpu-request': '100m' });
    const unknown = knativeConfigUpdate({
      ...knative,
      cpuLimitMillicores: null,
      memoryLimitMb: null,
      memoryRequestMb: null,
    });
    expect([unknown.podCpu, unknown.podMemoryMb]).toEqual([undefined, undefined]);
  });
});
