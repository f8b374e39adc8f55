import { loadTuningEvidence } from '@fleetscope/analysis-jobs';
import { TuningJobsRepository, type StoredTuningJob } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

const FN = 'aws_lambda~123456789012~us-east-1~orders';

function job(
  id: string,
  status: StoredTuningJob['status'],
  finishedAtMs: number,
  request: Record<string, unknown> = {},
): StoredTuningJob {
  const row = (memoryMb: number, extra: Record<string, unknown>) => ({
    memoryMb,
    architecture: 'x86_64',
    invocations: 12,
    measured: true,
    feasible: true,
    errors: 0,
    meanMs: 1000 / memoryMb,
    p50Ms: 1,
    p90Ms: 2,
    p99Ms: 3,
    billedMeanMs: 1,
    costUsdPerInvocation: 1e-6,
    ...extra,
  });
  return {
    id,
    createdAtMs: finishedAtMs - 60_000,
    updatedAtMs: finishedAtMs,
    startedAtMs: finishedAtMs - 60_000,
    finishedAtMs,
    platform: 'aws-lambda',
    function: 'orders',
    functionId: FN,
    status,
    request,
    snapshot: null,
    progress: 1,
    invocationsUsed: 36,
    summary: {
      results: [
        row(128, {
          feasible: false,
          failure: 'out of memory',
          meanMs: null,
          p90Ms: null,
          costUsdPerInvocation: null,
          invocations: 1,
        }),
        row(512, {}),
        row(1024, { measured: false, invocations: 0 }),
        row(2048, {}),
      ],
    },
    error: '',
    runner: '',
  };
}

describe('tuning evidence for the memory analysis', () => {
  it("takes each function's latest succeeded job, its measured sizes only, infeasible ones flagged", async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const jobs = new TuningJobsRepository(handle);
      const t = Date.parse('2026-12-01T10:00:00Z');
      await jobs.save(job('older', 'succeeded', t));
      await jobs.save(job('latest', 'succeeded', t + 3_600_000));
      await jobs.save(job('failed-later', 'failed', t + 7_200_000));
      const evidence = await loadTuningEvidence(jobs);
      expect([...evidence.keys()]).toEqual([FN]);
      const e = evidence.get(FN)!;
      expect(e.jobId).toBe('latest');
      expect(e.finishedAt).toBe('2026-12-01T11:00:00.000Z');
      expect(e.points.map((p) => [p.memoryMb, p.feasible])).toEqual([
        [128, false],
        [512, true],
        [2048, true],
      ]);
    } finally {
      await cleanup();
    }
  });

  it('never takes a dry run (one call per size, nothing picked) as evidence, nor lets it hide the job before it', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const jobs = new TuningJobsRepository(handle);
      const t = Date.parse('2026-12-01T10:00:00Z');
      await jobs.save(job('measured', 'succeeded', t, { dryRun: false }));
      await jobs.save(job('dry-run', 'succeeded', t + 3_600_000, { dryRun: true }));
      const evidence = await loadTuningEvidence(jobs);
      expect(evidence.get(FN)?.jobId).toBe('measured');
    } finally {
      await cleanup();
    }
  });
});
