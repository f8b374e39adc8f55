import { functionId } from '@fleetscope/model';
import { InventorySyncService } from '@fleetscope/collector';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeServer, type FakeServer } from '../openfaas-knative/fake-server';

/**
 * A serving.knative.dev/v1 Service requesting 500m and 256Mi, as the Kubernetes API lists it. Its
 * pods also run the queue-proxy, which Knative injects with config-deployment's requests
 * (queue-sidecar-cpu-request: 25m when omitted, knative/docs serving/configuration/deployment.md)
 * or the revision's queue.sidecar.serving.knative.dev annotations.
 */
function service(name: string, annotations: Record<string, string>) {
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        metadata: { annotations: { 'autoscaling.knative.dev/min-scale': '1', ...annotations } },
        spec: {
          containers: [
            {
              image: `ghcr.io/example/${name}`,
              resources: { requests: { cpu: '500m', memory: '256Mi' } },
            },
          ],
        },
      },
    },
    status: { latestReadyRevisionName: `${name}-00001` },
  };
}

const id = (name: string) =>
  functionId({ platform: 'knative', account: 'default', region: 'default', name });

describe('Knative inventory: the queue-proxy sidecar', () => {
  let fleetscope: RunningFleetscope;
  let cluster: FakeServer;
  const items = [
    service('plain', {}),
    service('annotated', {
      'queue.sidecar.serving.knative.dev/cpu-resource-request': '100m',
      'queue.sidecar.serving.knative.dev/memory-resource-request': '64Mi',
    }),
  ];

  beforeAll(async () => {
    cluster = await startFakeServer((request) =>
      request.path === '/apis/serving.knative.dev/v1/services'
        ? { body: JSON.stringify({ kind: 'ServiceList', metadata: {}, items }) }
        : { status: 404, body: '{}' },
    );
    fleetscope = await startFleetscope({
      FLEETSCOPE_KNATIVE_CLUSTER: 'default',
      FLEETSCOPE_KUBERNETES_API_URL: cluster.url,
    });
    await fleetscope.app.get(InventorySyncService).syncOnce();
  });

  afterAll(async () => {
    await fleetscope.stop();
    await cluster.close();
  });

  const config = async (name: string) =>
    (
      (await fetch(`${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id(name))}`).then((r) =>
        r.json(),
      )) as { config: Record<string, unknown> }
    ).config;

  it("prices each pod with the queue-proxy's 25m on top of the service's requests, and says the 25m was assumed", async () => {
    const plain = await config('plain');
    // 0.5 before: a min-scale-1 pod's week was $3.0114 at the default node prices, not $3.1525.
    expect(plain).toMatchObject({ podCpu: 0.525, podMemoryMb: 256, memoryMb: 256 });
    expect((plain.labels as Record<string, string>)['knative.queue-proxy.cpu-request']).toMatch(
      /^25m \(Knative's default, assumed/,
    );
  });

  it("takes the revision's queue-sidecar annotations over the default", async () => {
    const annotated = await config('annotated');
    // Its memory annotation is not added (see pod-function.mapper.ts).
    expect(annotated).toMatchObject({ podCpu: 0.6, podMemoryMb: 256, memoryMb: 256 });
    expect(annotated.labels).toMatchObject({ 'knative.queue-proxy.cpu-request': '100m' });
  });
});
