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

  it("counts a known pod's new response code from zero and a pod's first push in the warm-up as its baseline", async () => {
    // pod-a's first 503s: the series is new, but its pod was pushing already, so it began at zero.
    await push('cluster=kt', queueProxy('pod-a', { 200: 115, 503: 3 }));
    // pod-c has been running (7,000 requests) but pushes for the first time within 15 minutes of
    // the cluster's first push: it may have been running before Fleetscope watched, a baseline.
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

  it("counts a pod that starts after the warm-up from zero: a scale-up's new pod through the route", async () => {
    // Found by a review: every pod unseen before was a baseline, so a new pod's first push was
    // lost: pod-a 100 → 110 → 120 and pod-n started later, 50 → 60, stored 30, not 80.
    const realNow = Date.now.bind(Date);
    let offsetMs = 0;
    const now = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
    try {
      await push('cluster=ku', queueProxy('pod-a', { 200: 100 }));
      offsetMs = 10 * 60_000;
      await push('cluster=ku', queueProxy('pod-a', { 200: 110 }));
      offsetMs = 20 * 60_000; // past the 15-minute warm-up: pod-n has just started
      await push('cluster=ku', queueProxy('pod-n', { 200: 50 }));
      await push('cluster=ku', queueProxy('pod-a', { 200: 120 }));
      await push('cluster=ku', queueProxy('pod-n', { 200: 60 }));
      expect(await knSvc('ku')).toMatchObject({ invocations: 80 });
    } finally {
      now.mockRestore();
    }
  });

  describe('pods first seen after the warm-up count from zero', () => {
    const MINUTE = 60_000;
    const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);
    const totalsOf = (differ: KnativeScrapeDiffer, service: string) => {
      const totals = { invocations: 0, errors: 0 };
      const ingest = (timeMs: number, text: string) => {
        const result = differ.ingest({
          cluster: 'kw',
          target: 'push',
          sender: '10.0.0.1',
          timeMs,
          text,
        });
        if (!result.ok) throw new Error(result.message);
        for (const row of result.rows) {
          if (
            row.functionId !==
            functionId({ platform: 'knative', account: 'default', region: 'kw', name: service })
          )
            continue;
          totals.invocations += row.invocations;
          totals.errors += row.errors;
        }
      };
      return { totals, ingest };
    };
    const other = (n: number) => queueProxy('warm-1', { 200: n }).replaceAll('kn-svc', 'other');

    it('keeps a min-scale-0 function whose pods live one or two pushes (37 invocations, 2 errors; 0 before)', () => {
      const { totals, ingest } = totalsOf(new KnativeScrapeDiffer(), 'kn-svc');
      // An always-on service pushes through the same proxy from the start.
      for (let m = 0; m <= 20; m += 5) ingest(t0 + m * MINUTE, other(1 + m));
      ingest(t0 + 21 * MINUTE, queueProxy('pod-x1', { 200: 20 }));
      ingest(t0 + 22 * MINUTE, queueProxy('pod-x1', { 200: 20 }));
      ingest(t0 + 30 * MINUTE, queueProxy('pod-x2', { 200: 15, 500: 2 }));
      ingest(t0 + 31 * MINUTE, queueProxy('pod-x2', { 200: 15, 500: 2 }));
      expect(totals).toEqual({ invocations: 37, errors: 2 });
    });

    it('counts a new pod of a federation pushed without target from zero (80; 50 before)', () => {
      const { totals, ingest } = totalsOf(new KnativeScrapeDiffer(), 'kn-svc');
      const federation = (pods: Record<string, number>) =>
        Object.entries(pods)
          .map(([pod, n]) => queueProxy(pod, { 200: n }))
          .join('');
      ingest(t0, federation({ p1: 100, p2: 200 }));
      ingest(t0 + 10 * MINUTE, federation({ p1: 100, p2: 200 }));
      ingest(t0 + 20 * MINUTE, federation({ p1: 110, p2: 210, p3: 30 }));
      ingest(t0 + 21 * MINUTE, federation({ p1: 120, p2: 220, p3: 40 }));
      expect(totals).toEqual({ invocations: 80, errors: 0 });
    });

    it('counts the pods of a burst after the cluster was silent from zero: a scale from zero (7,015)', () => {
      const { totals, ingest } = totalsOf(new KnativeScrapeDiffer(), 'kn-svc');
      ingest(t0, queueProxy('pod-a', { 200: 100 }));
      // Every function scaled to zero: nothing pushes for 20 minutes. pod-b starts with the next
      // burst; Fleetscope never saw it, so none of its 7,000 was counted. A warm-up after the
      // silence made its first push a baseline (15, the 7,000 lost).
      ingest(t0 + 21 * MINUTE, queueProxy('pod-b', { 200: 7000 }));
      ingest(t0 + 22 * MINUTE, queueProxy('pod-b', { 200: 7005 }));
      // pod-a, last seen 23 minutes ago: its gap is longer than an interval, so a baseline again.
      ingest(t0 + 23 * MINUTE, queueProxy('pod-a', { 200: 210 }));
      ingest(t0 + 24 * MINUTE, queueProxy('pod-a', { 200: 220 }));
      expect(totals).toEqual({ invocations: 7015, errors: 0 });
    });
  });
});
