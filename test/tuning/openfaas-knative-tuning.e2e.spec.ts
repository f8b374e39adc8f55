import { TuningJobsRepository } from '@fleetscope/storage';
import { runTuningJob } from './support/tuning-jobs.client';
import { usePodPlatformsFleetscope } from './support/tuning-fleetscope.fixture';

interface JobView {
  id: string;
  status: string;
  error: string | null;
  functionId: string;
  pick: { memoryMb: number } | null;
  results: {
    memoryMb: number;
    feasible: boolean;
    measured: boolean;
    failure?: string;
    meanMs: number | null;
  }[];
}

describe('tuning jobs on OpenFaaS and Knative', () => {
  const stack = usePodPlatformsFleetscope(
    [
      { name: 'resize', curve: 'oom-below-512', memory: '1024Mi' },
      { name: 'render', curve: 'cost-optimum-mid', memory: '768Mi' },
    ],
    [
      { name: 'thumbs', namespace: 'media', curve: 'io-bound', memory: '768Mi' },
      // In real time: a new revision's first request waits ~250 ms for its pod to start.
      { name: 'cold', namespace: 'media', curve: 'io-bound', memory: '768Mi', timeScale: 1 },
      // CPU-bound below one vCPU: a size twice as large runs half as long, so every size costs
      // the same and the adaptive search keeps returning to narrow the tie, however the clock
      // (which the driver times Knative by) jitters. A fifth of the real time keeps the client's
      // own milliseconds small beside each call.
      { name: 'render', namespace: 'media', curve: 'cpu-bound', memory: '768Mi', timeScale: 5 },
    ],
  );

  const run = (body: unknown) => runTuningJob<JobView>(stack.fleetscope.apiUrl, body);

  it('redeploys an OpenFaaS function per size through the gateway, marks the failing sizes and restores its limits', async () => {
    const job = await run({ platform: 'openfaas', function: 'resize.openfaas-fn' });
    expect(job.status).toBe('succeeded');
    expect(job.functionId).toBe('openfaas~openfaas-fn~gw~resize');
    expect(job.pick?.memoryMb).toBe(512);
    const infeasible = job.results.filter((r) => !r.feasible).map((r) => r.memoryMb);
    expect(infeasible).toContain(256);
    expect(job.results.find((r) => r.memoryMb === 128)!.feasible).toBe(false);
    const fn = stack.gateway.fn('resize');
    expect(fn.deployments).toBeGreaterThan(2);
    expect(fn.limits.memory).toBe('1024Mi');
    expect(fn.requests?.memory).toBe('1024Mi');
  });

  it('redeploys an OpenFaaS function whenever the adaptive search returns to a size: every call is recorded under the size that served it, the first on a new pod as a warm-up', async () => {
    // The function has one deployment; the search comes back to sizes it measured before.
    const job = await run({ platform: 'openfaas', function: 'render.openfaas-fn' });
    expect(job.status).toBe('succeeded');
    const fn = stack.gateway.fn('render');
    const observations = await stack.fleetscope.app.get(TuningJobsRepository).observations(job.id);
    const recorded = observations.map((o) => o.memoryMb);
    // The search did return to earlier sizes, or this test would prove nothing.
    const returns = recorded.filter(
      (m, i) => i > 0 && recorded[i - 1] !== m && recorded.indexOf(m) < i,
    );
    expect(returns.length).toBeGreaterThan(0);
    expect(recorded).toEqual(fn.served.map((s) => s.memoryMb));
    const coldSamples = observations.filter((o, i) => fn.served[i].cold && !o.warmup);
    expect(coldSamples).toEqual([]);
    expect(fn.limits.memory).toBe('768Mi');
  });

  it('measures a Knative Service through tagged 0 % revisions and removes them afterwards', async () => {
    const before = stack.kube.service('thumbs');
    const originalRevision = String(before.status.latestReadyRevisionName);
    const job = await run({
      platform: 'knative',
      function: 'media/thumbs',
      memorySizes: [128, 256, 512, 1024],
      invocationsPerSize: 10,
    });
    expect(job.status).toBe('succeeded');
    expect(job.functionId).toBe('knative~media~prod~thumbs');
    expect(job.pick?.memoryMb).toBe(128);
    // While measuring, all traffic stayed on the original revision; each size had a 0 % tag,
    // kept while the next sizes were tagged.
    const during = stack.kube.trafficPatches.slice(0, -1) as {
      revisionName: string;
      percent: number;
      tag?: string;
    }[][];
    expect(during.length).toBeGreaterThanOrEqual(3);
    during.forEach((traffic, i) => {
      expect(traffic).toEqual([
        { revisionName: originalRevision, percent: 100 },
        ...Array.from({ length: i + 1 }, () => ({
          revisionName: expect.stringContaining('thumbs-fst-') as unknown,
          percent: 0,
          tag: expect.stringMatching(/^fst-/) as unknown,
        })),
      ]);
    });
    const svc = stack.kube.service('thumbs');
    expect([...svc.revisions.keys()].filter((r) => r.includes('-fst-'))).toEqual([]);
    expect(svc.revisions.has(originalRevision)).toBe(true);
    expect(svc.spec.traffic).toBeUndefined();
    const containers = (
      svc.spec.template.spec as { containers: { resources: { limits: { memory: string } } }[] }
    ).containers;
    expect(containers[0].resources.limits.memory).toBe('768Mi');
    expect((svc.spec.template.metadata as { name?: string }).name).toBeUndefined();
  });

  it('keeps every size a Knative job tagged reachable, so the adaptive search can return to one: no call fails for want of its route', async () => {
    const job = await run({
      platform: 'knative',
      function: 'media/render',
      // Both under 1769 MB (one vCPU), where the curve's cost is flat.
      memorySizes: [1024, 1536],
    });
    expect(job.status).toBe('succeeded');
    const observations = await stack.fleetscope.app.get(TuningJobsRepository).observations(job.id);
    const recorded = observations.map((o) => o.memoryMb);
    const returns = recorded.filter(
      (m, i) => i > 0 && recorded[i - 1] !== m && recorded.indexOf(m) < i,
    );
    expect(returns.length).toBeGreaterThan(0);
    expect(observations.filter((o) => o.outcome !== 'ok').map((o) => o.errorType)).toEqual([]);
    const svc = stack.kube.service('render');
    expect([...svc.revisions.keys()].filter((r) => r.includes('-fst-'))).toEqual([]);
  });

  it("leaves the cold first request of each new Knative revision out of a grid job's averages", async () => {
    // Knative reports no INIT: the first request to a revision scaled from zero waits for its pod.
    const job = await run({
      platform: 'knative',
      function: 'media/cold',
      memorySizes: [512, 1024],
      invocationsPerSize: 5,
      mode: 'grid',
      discardTopBottom: 0,
    });
    expect(job.status).toBe('succeeded');
    const observations = await stack.fleetscope.app.get(TuningJobsRepository).observations(job.id);
    const served = stack.kube.service('cold').served;
    // The calls the job stored are the calls the revisions served, and exactly the cold ones
    // are warm-ups: each size's first.
    expect(observations.map((o) => [o.memoryMb, o.warmup])).toEqual(
      served.map((s) => [s.memoryMb, s.cold]),
    );
    expect(served.filter((s) => s.cold).map((s) => s.memoryMb)).toEqual([512, 1024]);
    // The averages are of the warm calls alone (compared with what the job measured, not with
    // the curve: the client's clock moves with the machine's load).
    for (const r of job.results) {
      const warm = observations.filter((o) => o.memoryMb === r.memoryMb && !o.warmup);
      expect(warm).toHaveLength(4);
      const warmMeanMs = warm.reduce((sum, o) => sum + o.durationMs, 0) / warm.length;
      expect({ memoryMb: r.memoryMb, meanMs: r.meanMs }).toEqual({
        memoryMb: r.memoryMb,
        meanMs: expect.closeTo(warmMeanMs, 6) as unknown,
      });
    }
  });
});
