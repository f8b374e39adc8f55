import { functionId } from '@fleetscope/model';
import { KnativeScrapeDiffer } from '@fleetscope/ingest';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

// Queue-proxy sidecars pushing their own scrapes, all from one address: what the collector sees
// behind the TLS-terminating proxy the README recommends. Documented legacy names and labels
// (libs/ingest/src/knative/__fixtures__/SOURCES.md).
const queueProxy = (pod: string, counts: Record<string, number>) =>
  '# TYPE revision_request_count counter\n' +
  Object.entries(counts)
    .map(
      ([code, n]) =>
        `revision_request_count{namespace_name="default",service_name="kn-svc",revision_name="kn-svc-00001",response_code="${code}",response_code_class="${code[0]}xx",configuration_name="kn-svc",pod_name="${pod}",container_name="queue-proxy"} ${n}`,
    )
    .join('\n') +
  '\n';

interface Fn {
  id: string;
  invocations: number;
  errors: number;
}

describe('Knative queue-proxy pushes from several pods through one address', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const push = async (query: string, body: string) => {
    const response = await fetch(`${fleetscope.ingestUrl}/ingest/knative/metrics?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { kind: string; functionMinutes: number };
  };

  async function knSvc(cluster: string): Promise<Fn | undefined> {
    await fleetscope.flush();
    const body = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) => r.json())) as {
      functions: Fn[];
    };
    const id = functionId({
      platform: 'knative',
      account: 'default',
      region: cluster,
      name: 'kn-svc',
    });
    return body.functions.find((f) => f.id === id);
  }

  it('takes the first push of each pod as its baseline without target=, as with one target per pod', async () => {
    // pod-a 100 → 110 and pod-b 5000 → 5010: 20 requests. Keyed by the sender's address, pod-b's
    // first push was diffed against pod-a's and its whole 5,000 counted: 5,020.
    await push('cluster=kt', queueProxy('pod-a', { 200: 100 }));
    await push('cluster=kt', queueProxy('pod-b', { 200: 5000 }));
    await push('cluster=kt', queueProxy('pod-a', { 200: 110 }));
    await push('cluster=kt', queueProxy('pod-b', { 200: 5010 }));
    expect(await knSvc('kt')).toMatchObject({ invocations: 20 });

    await push('cluster=kt2&target=a', queueProxy('pod-a', { 200: 100 }));
    await push('cluster=kt2&target=b', queueProxy('pod-b', { 200: 5000 }));
    await push('cluster=kt2&target=a', queueProxy('pod-a', { 200: 110 }));
    await push('cluster=kt2&target=b', queueProxy('pod-b', { 200: 5010 }));
    expect(await knSvc('kt2')).toMatchObject({ invocations: 20 });
  });

  it("counts a known pod's new response code from zero and a pod's later first push as its baseline", async () => {
    // pod-a's first 503s: the series is new, but its pod was pushing already, so it began at zero.
    await push('cluster=kt', queueProxy('pod-a', { 200: 115, 503: 3 }));
    // pod-c has been running (7,000 requests) but pushes for the first time: a baseline.
    await push('cluster=kt', queueProxy('pod-c', { 200: 7000 }));
    await push('cluster=kt', queueProxy('pod-c', { 200: 7004 }));
    await push('cluster=kt', queueProxy('pod-b', { 200: 5012 }));
    expect(await knSvc('kt')).toMatchObject({ invocations: 20 + 8 + 4 + 2, errors: 3 });
  });

  it("takes back each pod's push whose rows were not stored, so the next one counts them", () => {
    const differ = new KnativeScrapeDiffer();
    const ingest = (pod: string, n: number, timeMs: number) => {
      const result = differ.ingest({
        cluster: 'kt3',
        target: 'push',
        sender: '10.0.0.1',
        timeMs,
        text: queueProxy(pod, { 200: n }),
      });
      if (!result.ok) throw new Error(result.message);
      return result.rows.reduce((sum, row) => sum + row.invocations, 0);
    };
    expect(ingest('pod-a', 100, 1_000)).toBe(0);
    expect(ingest('pod-b', 5000, 2_000)).toBe(0);
    expect(ingest('pod-a', 110, 3_000)).toBe(10);
    differ.undo({ cluster: 'kt3', target: 'push', timeMs: 3_000 });
    expect(ingest('pod-a', 115, 4_000)).toBe(15);
    expect(ingest('pod-b', 5010, 5_000)).toBe(10);
  });
});
