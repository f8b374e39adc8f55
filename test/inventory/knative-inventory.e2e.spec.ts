import { functionId } from '@fleetscope/model';
import { InventorySyncService } from '@fleetscope/collector';
import { WeeklyReportsRepository } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeServer, type FakeServer } from '../openfaas-knative/fake-server';

/** A serving.knative.dev/v1 Service as the Kubernetes API lists it, its annotations as given. */
function service(name: string, annotations: Record<string, string>) {
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        metadata: { annotations },
        spec: { containers: [{ image: `ghcr.io/example/${name}` }] },
      },
    },
    status: { latestReadyRevisionName: `${name}-00001` },
  };
}

const id = (name: string) =>
  functionId({ platform: 'knative', account: 'default', region: 'default', name });

describe('Knative inventory', () => {
  let fleetscope: RunningFleetscope;
  let cluster: FakeServer;
  /** The Services of each page of the list; a page set to 'fail' answers 500. */
  let pages: (ReturnType<typeof service>[] | 'fail')[] = [];

  beforeAll(async () => {
    cluster = await startFakeServer((request) => {
      if (request.path !== '/apis/serving.knative.dev/v1/services')
        return { status: 404, body: '{}' };
      const index = Number(request.query.get('continue') ?? 0);
      const page = pages[index];
      if (page === 'fail' || page === undefined) return { status: 500, body: '{}' };
      const more = index + 1 < pages.length ? { continue: String(index + 1) } : {};
      return { body: JSON.stringify({ kind: 'ServiceList', metadata: more, items: page }) };
    });
    fleetscope = await startFleetscope({
      FLEETSCOPE_KNATIVE_CLUSTER: 'default',
      FLEETSCOPE_KUBERNETES_API_URL: cluster.url,
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
    await cluster.close();
  });

  const sync = () => fleetscope.app.get(InventorySyncService).syncOnce();
  const config = async (name: string) =>
    (
      (await fetch(`${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id(name))}`).then((r) =>
        r.json(),
      )) as { config: Record<string, unknown> }
    ).config;

  it('reads a Service whose min-scale annotation was removed as scaling to zero', async () => {
    pages = [[service('svc-a', { 'autoscaling.knative.dev/min-scale': '2' })]];
    await sync();
    expect(await config('svc-a')).toMatchObject({ minScale: 2 });

    pages = [[service('svc-a', {})]];
    await sync();
    expect(await config('svc-a')).toMatchObject({ minScale: 0 });
  });

  it('stores nothing of a listing with a failed page, so the services after it are not taken as removed', async () => {
    pages = [[service('svc-a', {})], [service('svc-b', {})]];
    const complete = await sync();
    expect(complete.targets).toEqual([
      expect.objectContaining({ platform: 'knative', functions: 2 }),
    ]);
    const lifetimes = () =>
      fleetscope.app.get(WeeklyReportsRepository).podLifetimes([id('svc-a'), id('svc-b')]);
    expect([...(await lifetimes()).values()].map((l) => l.removedAtMs)).toEqual([null, null]);

    pages = [[service('svc-a', {})], 'fail'];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const partial = await sync();
    expect((await lifetimes()).get(id('svc-b'))?.removedAtMs).toBeNull();
    expect(partial.targets).toEqual([
      expect.objectContaining({ platform: 'knative', functions: 0, error: expect.anything() }),
    ]);
  });
});
