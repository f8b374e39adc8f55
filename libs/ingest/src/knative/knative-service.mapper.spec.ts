import { mapKnativeServices } from './knative-service.mapper';
import { cpuMillicores, memoryMb, parseQuantity } from '../kubernetes/kubernetes-quantity';

// A serving.knative.dev/v1 Service as the Kubernetes API returns it, with the annotations of
// knative/docs serving/autoscaling (scale-bounds.md, target-burst-capacity.md); written here.
const service = {
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name: 'hello', namespace: 'default', labels: { team: 'web' } },
  spec: {
    template: {
      metadata: {
        annotations: {
          'autoscaling.knative.dev/min-scale': '0',
          'autoscaling.knative.dev/max-scale': '10',
          'autoscaling.knative.dev/target': '50',
          'autoscaling.knative.dev/target-burst-capacity': '0',
        },
      },
      spec: {
        containerConcurrency: 0,
        timeoutSeconds: 120,
        containers: [
          {
            image: 'ghcr.io/knative/helloworld-go:latest',
            resources: {
              limits: { memory: '512Mi', cpu: '1' },
              requests: { memory: '256Mi', cpu: '250m' },
            },
          },
          { image: 'sidecar', resources: { limits: { memory: '64Mi', cpu: '100m' } } },
        ],
      },
    },
  },
  status: { latestReadyRevisionName: 'hello-00003', url: 'https://hello.default.example.com' },
};

describe(mapKnativeServices.name, () => {
  it('maps a Service to an inventory hint of its latest ready revision', () => {
    const result = mapKnativeServices(JSON.stringify(service), {
      cluster: 'prod-eu',
      observedAtMs: 5,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.hints).toHaveLength(1);
    expect(result.hints[0]).toMatchObject({
      functionId: 'knative~default~prod-eu~hello',
      version: 'hello-00003',
      revision: 'hello-00003',
      minScale: 0,
      maxScale: 10,
      target: 50,
      targetBurstCapacity: 0,
      containerConcurrency: 0,
      memoryLimitMb: 576,
      memoryRequestMb: 256,
      memorySizeMb: 576,
      cpuLimitMillicores: 1100,
      cpuRequestMillicores: 250,
      queueProxy: { cpuMillicores: 25, cpuAssumed: true, memoryMb: null },
      timeoutMs: 120_000,
      image: 'ghcr.io/knative/helloworld-go:latest',
      labels: { team: 'web' },
      observedAtMs: 5,
    });
  });

  it('reads ServiceLists and the pre-1.0 camelCase annotations, skipping unnamed items', () => {
    const old = {
      kind: 'Service',
      metadata: { name: 'legacy', namespace: 'apps' },
      spec: {
        template: {
          metadata: { name: 'legacy-v1', annotations: { 'autoscaling.knative.dev/minScale': '2' } },
        },
      },
    };
    const result = mapKnativeServices(
      { kind: 'ServiceList', items: [old, { kind: 'Service', metadata: {} }] },
      {
        cluster: 'c',
        observedAtMs: 1,
      },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.rejected).toBe(1);
    expect(result.hints[0]).toMatchObject({
      name: 'legacy',
      version: 'legacy-v1',
      minScale: 2,
      memoryLimitMb: null,
    });
    expect(result.hints[0].memorySizeMb).toBeUndefined();
    expect(result.hints[0].timeoutMs).toBeUndefined();
  });

  it("reads the queue-proxy's requests from the revision's annotations, else Knative's 25m CPU", () => {
    const annotated = {
      ...service,
      spec: {
        template: {
          ...service.spec.template,
          metadata: {
            annotations: {
              'queue.sidecar.serving.knative.dev/cpu-resource-request': '0.1',
              'queue.sidecar.serving.knative.dev/memory-resource-request': '50Mi',
            },
          },
        },
      },
    };
    const result = mapKnativeServices([annotated], { cluster: 'c', observedAtMs: 1 });
    if (!result.ok) throw new Error(result.message);
    expect(result.hints[0].queueProxy).toEqual({
      cpuMillicores: 100,
      cpuAssumed: false,
      memoryMb: 50,
    });
    // The containers' sums stay the template's: memorySizeMb is the function's memory.
    expect(result.hints[0]).toMatchObject({ cpuRequestMillicores: 250, memorySizeMb: 576 });
  });

  it('refuses bodies that are neither a Service, a list nor an array', () => {
    expect(mapKnativeServices('nope', { cluster: 'c', observedAtMs: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid_json',
    });
    expect(mapKnativeServices({ kind: 'Pod' }, { cluster: 'c', observedAtMs: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid_shape',
    });
  });
});

describe(parseQuantity.name, () => {
  it('reads binary and decimal suffixes, millis and exponents', () => {
    expect(memoryMb('128Mi')).toBe(128);
    expect(memoryMb('1Gi')).toBe(1024);
    expect(memoryMb('1G')).toBeCloseTo(953.674, 3);
    expect(cpuMillicores('250m')).toBe(250);
    expect(cpuMillicores('1.5')).toBe(1500);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('12Q')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
    expect(memoryMb(undefined)).toBeNull();
  });
});
