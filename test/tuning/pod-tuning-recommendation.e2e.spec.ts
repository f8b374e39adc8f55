import { insertMinuteFleet } from '../analysis/support/minute-fleet.generator';
import { runTuningJob } from './support/tuning-jobs.client';
import { usePodPlatformsFleetscope } from './support/tuning-fleetscope.fixture';

const OPENFAAS_FN = 'openfaas~openfaas-fn~gw~resize';
const KNATIVE_FN = 'knative~media~prod~thumbs';
const MINUTE_MS = 60_000;

interface JobView {
  id: string;
  status: string;
  error: string | null;
  functionId: string;
  finishedAt: string | null;
  results: { memoryMb: number; measured: boolean; feasible: boolean }[];
}

interface Recommendation {
  kind: string;
  functionId: string;
  reason: string;
  current: { memoryMb?: number; monthlyUsd?: number };
  recommended: { memoryMb?: number; monthlyUsd?: number };
  savingUsd: { lowUsd: number; highUsd: number };
  confidence: string;
  action: { summary: string; snippets: { format: string; text: string }[] };
  evidence: Record<string, unknown>;
}

describe('a finished OpenFaaS or Knative tuning job as the memory recommendation’s evidence', () => {
  const stack = usePodPlatformsFleetscope(
    // IO-bound: the duration barely moves with memory, so a smaller pod is cheaper.
    [{ name: 'resize', curve: 'io-bound', memory: '1024Mi' }],
    [
      // Timed at the client: half the curve's time keeps scheduling noise small beside it.
      { name: 'thumbs', namespace: 'media', curve: 'io-bound', memory: '768Mi', timeScale: 2 },
    ],
  );

  const api = (path: string, init?: RequestInit) =>
    fetch(`${stack.fleetscope.apiUrl}${path}`, init);
  const put = (path: string, body: unknown) =>
    api(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const run = (body: unknown) => runTuningJob<JobView>(stack.fleetscope.apiUrl, body);

  /** Two weeks of production traffic at one size, peak 60 MB used. */
  const storeTwoWeeks = (id: string, source: string, memoryMb: number, concurrency: number) => {
    const minutes = 14 * 24 * 60;
    return insertMinuteFleet(stack.fleetscope.clickhouse.client, {
      startMs: Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - minutes * MINUTE_MS,
      minutes,
      classes: [
        {
          id,
          count: 1,
          activity: { kind: 'every-minute' },
          concurrency,
          meanMs: 185,
          memoryMb,
          maxMemoryUsedMb: 60,
          coldStartsPerMinute: 0.01,
          source,
        },
      ],
    });
  };

  const expectMeasuredRecommendation = (
    rec: Recommendation | undefined,
    job: JobView,
    currentMb: number,
  ) => {
    expect(rec).toBeDefined();
    const measured = job.results.filter((r) => r.measured && r.feasible).map((r) => r.memoryMb);
    expect(measured).toContain(rec!.recommended.memoryMb);
    expect(rec!.current.memoryMb).toBe(currentMb);
    expect(rec!.recommended.memoryMb).toBeLessThan(currentMb);
    expect(rec!.savingUsd.lowUsd).toBeGreaterThan(0);
    expect(rec!.reason).toContain(`tuning job ${job.id} of ${job.finishedAt!.slice(0, 10)}`);
    expect(rec!.reason).toContain('Kubernetes node price');
    expect(rec!.evidence).toMatchObject({
      source: 'tuning-job',
      tuningJobId: job.id,
      tuningFinishedAt: job.finishedAt,
      pricedAs: 'pod time serving requests',
    });
  };

  it('recommends a measured memory limit for an OpenFaaS function and a Knative Service, with the settings to paste', async () => {
    const openfaasJob = await run({
      platform: 'openfaas',
      function: 'resize.openfaas-fn',
      memorySizes: [256, 512, 1024],
      invocationsPerSize: 15,
    });
    expect(openfaasJob.status).toBe('succeeded');
    expect(openfaasJob.functionId).toBe(OPENFAAS_FN);
    const knativeJob = await run({
      platform: 'knative',
      function: 'media/thumbs',
      memorySizes: [128, 256, 512, 768],
      mode: 'grid',
      invocationsPerSize: 10,
    });
    expect(knativeJob.status).toBe('succeeded');
    expect(knativeJob.functionId).toBe(KNATIVE_FN);

    await storeTwoWeeks(OPENFAAS_FN, 'openfaas', 1024, 2);
    // The Knative stand-in answers in half the curve's time, so the job measured durations half
    // as long: twice the traffic keeps the saving the same.
    await storeTwoWeeks(KNATIVE_FN, 'knative', 768, 4);
    expect(
      (
        await put(`/api/functions/${encodeURIComponent(OPENFAAS_FN)}/config`, {
          memoryMb: 1024,
          podMemoryMb: 1024,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await put(`/api/functions/${encodeURIComponent(KNATIVE_FN)}/config`, {
          memoryMb: 768,
          podMemoryMb: 768,
        })
      ).status,
    ).toBe(200);
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);

    const { recommendations, whyNot } = (await (
      await api('/api/recommendations?kind=memory&explain=1')
    ).json()) as {
      recommendations: Recommendation[];
      whyNot: { functionId: string; detail: string }[];
    };
    // Neither function was left without advice (the reasons say why when one is).
    expect(whyNot).toEqual([]);

    const openfaas = recommendations.find((r) => r.functionId === OPENFAAS_FN);
    expectMeasuredRecommendation(openfaas, openfaasJob, 1024);
    const faasSize = `${openfaas!.recommended.memoryMb}Mi`;
    expect(openfaas!.action.snippets).toEqual([
      {
        format: 'openfaas',
        text: `functions:\n  resize:\n    limits:\n      memory: ${faasSize}\n    requests:\n      memory: ${faasSize}`,
      },
    ]);

    const knative = recommendations.find((r) => r.functionId === KNATIVE_FN);
    expectMeasuredRecommendation(knative, knativeJob, 768);
    const knSize = `${knative!.recommended.memoryMb}Mi`;
    expect(knative!.action.snippets).toEqual([
      {
        format: 'knative',
        text: expect.stringContaining(
          `- resources:\n            limits:\n              memory: ${knSize}\n            requests:\n              memory: ${knSize}`,
        ),
      },
    ]);
  });
});
