import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { getTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

const BIN = join(__dirname, '..', '..', 'bin', 'fleetscope.js');

/**
 * `fleetscope tune` waited for the job to succeed or fail, so a job whose restore is pending
 * (queued, retried for as long as it takes) kept it waiting without a word while production might
 * be at a measured size: still running after 15 s, nothing printed off a terminal. It now prints
 * the job's error, which names the function's own size, and exits 3.
 */
describe('fleetscope tune while the job’s restore is pending', () => {
  // Update 1 sets 128 MB; from update 2 (putting $LATEST back) Lambda answers 500.
  const stack = useLambdaFleetscope([
    {
      name: 'orders',
      curve: 'io-bound',
      memoryMb: 1024,
      description: 'orders api',
      failUpdatesFrom: 2,
    },
  ]);

  it('prints the pending restore, naming the function’s own size, and exits 3 within seconds', async () => {
    const t0 = Date.now();
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          BIN,
          'tune',
          stack.lambda.arn('orders'),
          '--url',
          stack.fleetscope.apiUrl,
          '--memory',
          '128',
          '--mode',
          'grid',
          '--invocations',
          '5',
          '--poll-ms',
          '200',
        ],
        { timeout: 30_000 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number((error as { code?: number }).code ?? 1) : 0,
            stdout,
            stderr,
          }),
      );
    });
    expect(run.code).toBe(3);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(run.stderr).toMatch(
      /restore pending: restoring the function failed: Lambda cannot update functions now .*The function may be left at a size the job measured rather than its own 1024 MB x86_64; cancel the job to stop the retries\nFleetscope goes on retrying the restore \(GET \/api\/tuning-jobs\/[0-9a-f-]{36} follows it; DELETE \/api\/tuning-jobs\/[0-9a-f-]{36} gives it up\)\n/,
    );
    expect(run.stdout).toBe('');
    const id = /tuning job ([0-9a-f-]{36})/.exec(run.stderr)![1];
    // The job itself goes on: queued, its restore retried.
    const job = await getTuningJob<{ status: string }>(stack.fleetscope.apiUrl, id);
    expect(job.status).toMatch(/^(queued|running)$/);
    await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${id}`, { method: 'DELETE' });
  }, 60_000);
});
