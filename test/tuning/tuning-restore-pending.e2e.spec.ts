import { postTuningJob, waitForTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

interface JobView {
  status: string;
  error: string | null;
  restorePending: {
    since: string;
    attempts: number;
    nextAttemptAt: string;
    lastError: string;
  } | null;
}

const pendingOrFinished = (j: JobView) =>
  j.status === 'succeeded' || j.status === 'failed' || /^restore pending/.test(j.error ?? '');

/**
 * A restore that still fails after the driver's retries (tuningRestoreRetrySeconds, 1 s here)
 * left the job failed and nothing ever tried again: production stayed at the candidate size,
 * under the job's marker, until someone noticed. The job now stays queued with its restore
 * pending, and the analyzer tries again, waiting longer each time, until it succeeds or the job
 * is cancelled.
 */
describe('a tuning job whose restore keeps failing (GET /api/tuning-jobs/:id restorePending)', () => {
  // Update 1 sets 128 MB to publish it; from update 2 on (putting $LATEST back, restore's) Lambda
  // answers 500 until the test lets it through.
  const stack = useLambdaFleetscope([
    {
      name: 'orders',
      curve: 'io-bound',
      memoryMb: 1024,
      description: 'orders api',
      failUpdatesFrom: 2,
    },
    {
      name: 'billing',
      curve: 'io-bound',
      memoryMb: 1024,
      description: 'billing',
      failUpdatesFrom: 2,
    },
  ]);
  const job = (fn: string) =>
    postTuningJob(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn(fn),
      memorySizes: [128],
      mode: 'grid',
      invocationsPerSize: 5,
    }).then(({ status, body }) => {
      expect(status).toBe(202);
      return String(body.id);
    });

  it('keeps the job queued with its restore pending, retries it, and resumes the job once Lambda takes it', async () => {
    const id = await job('orders');
    const pending = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id, pendingOrFinished);
    // Before: status 'failed', 'restoring the function failed: … check the function by hand'.
    expect(pending).toMatchObject({
      status: 'queued',
      error: expect.stringMatching(
        /^restore pending: restoring the function failed: Lambda cannot update functions now .*rather than its own 1024 MB x86_64; cancel the job to stop the retries$/,
      ),
      restorePending: { attempts: 1, lastError: expect.stringMatching(/cannot update/) },
    });
    const fn = stack.lambda.fn('orders');
    expect(fn.latest).toMatchObject({
      memoryMb: 128,
      description: expect.stringMatching(/^fleetscope-tuning /),
    });

    // Lambda recovers: the next attempt restores the function, and the job runs to its end.
    fn.spec.failUpdatesFrom = undefined;
    const done = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id);
    expect(done).toMatchObject({ status: 'succeeded', error: null, restorePending: null });
    expect(fn.latest).toMatchObject({ memoryMb: 1024, description: 'orders api' });
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
  }, 60_000);

  it('tries again with a growing wait until the job is cancelled, then says the function is left as it was', async () => {
    const id = await job('billing');
    const retried = await waitForTuningJob<JobView>(
      stack.fleetscope.apiUrl,
      id,
      (j) => (j.restorePending?.attempts ?? 0) >= 2 || j.status === 'failed',
    );
    expect(retried.status).toMatch(/^(queued|running)$/);
    const { since, nextAttemptAt } = retried.restorePending!;
    // The second wait (2 s here) is twice the first.
    expect(Date.parse(nextAttemptAt) - Date.parse(since)).toBeGreaterThan(3_000);

    await fetch(`${stack.fleetscope.apiUrl}/api/tuning-jobs/${id}`, { method: 'DELETE' });
    const cancelled = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id);
    expect(cancelled).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /^cancelled while its restore was pending: the function was not put back .* 1024 MB x86_64/,
      ),
      restorePending: null,
    });
    const fn = stack.lambda.fn('billing');
    const updates = fn.updates;
    await new Promise((r) => setTimeout(r, 4_000));
    // Nothing tries any more.
    expect(fn.updates).toBe(updates);
    expect(fn.latest.memoryMb).toBe(128);
  }, 60_000);
});
