import { insertMinuteFleet } from '../analysis/support/minute-fleet.generator';
import { runTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

const FN = 'aws_lambda~123456789012~us-east-1~uploads';
const MINUTE_MS = 60_000;

interface Recommendation {
  kind: string;
  functionId: string;
  reason: string;
  recommended: { memoryMb?: number };
  evidence: Record<string, unknown>;
}

describe('a finished tuning job as the memory recommendation’s evidence', () => {
  // IO-bound at 3,008 MB: the duration barely moves with memory, so a smaller size is cheaper.
  const stack = useLambdaFleetscope([{ name: 'uploads', curve: 'io-bound', memoryMb: 3008 }]);

  const api = (path: string, init?: RequestInit) =>
    fetch(`${stack.fleetscope.apiUrl}${path}`, init);

  it('recommends a size the job measured, naming the job and its date', async () => {
    const job = await runTuningJob<{
      id: string;
      status: string;
      finishedAt: string | null;
      results: { memoryMb: number; measured: boolean; feasible: boolean }[];
    }>(stack.fleetscope.apiUrl, { platform: 'aws-lambda', function: stack.lambda.arn('uploads') });
    const { id } = job;
    expect(job.status).toBe('succeeded');

    // A day of production traffic at 3,008 MB, peak memory 100 MB: only one size observed.
    const nowMs = Date.now();
    await insertMinuteFleet(stack.fleetscope.clickhouse.client, {
      startMs: Math.floor(nowMs / MINUTE_MS) * MINUTE_MS - 24 * 60 * MINUTE_MS,
      minutes: 24 * 60,
      classes: [
        {
          id: FN,
          count: 1,
          activity: { kind: 'every-minute' },
          concurrency: 2,
          meanMs: 185,
          memoryMb: 3008,
          maxMemoryUsedMb: 100,
          coldStartsPerMinute: 0.01,
          architecture: 'x86_64',
        },
      ],
    });
    const config = await api(`/api/functions/${encodeURIComponent(FN)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memoryMb: 3008, runtime: 'nodejs22.x', architecture: 'x86_64' }),
    });
    expect(config.status).toBe(200);
    expect((await api('/api/analyses/run', { method: 'POST' })).status).toBe(200);

    const { recommendations } = (await (await api('/api/recommendations?kind=memory')).json()) as {
      recommendations: Recommendation[];
    };
    const rec = recommendations.find((r) => r.functionId === FN);
    expect(rec).toBeDefined();
    const measured = job.results.filter((r) => r.measured && r.feasible).map((r) => r.memoryMb);
    expect(measured).toContain(rec!.recommended.memoryMb);
    expect(rec!.recommended.memoryMb).toBeLessThan(3008);
    expect(rec!.reason).toContain(`tuning job ${id} of ${job.finishedAt!.slice(0, 10)}`);
    expect(rec!.evidence).toMatchObject({
      source: 'tuning-job',
      tuningJobId: id,
      tuningFinishedAt: job.finishedAt,
    });
  });
});
