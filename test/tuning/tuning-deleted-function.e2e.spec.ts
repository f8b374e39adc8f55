import { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaTuningDriver } from '@fleetscope/tuning-drivers';
import { FunctionGoneError } from '@fleetscope/tuning';
import { startFakeLambda } from './support/fake-lambda.server';
import { postTuningJob, waitForTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

interface JobView {
  status: string;
  error: string | null;
  restorePending: { attempts: number } | null;
}

/**
 * A function deleted while its job's restore was pending: restore joined its two steps' errors
 * into a plain Error, losing ResourceNotFoundException, so each attempt retried for the whole
 * retry window (10 minutes by default) and the job was queued again, forever, waits up to an
 * hour, holding the single runner. Now a deleted function ends the restore at once and the job
 * fails saying the function no longer exists.
 */
describe('restoring a function deleted since the job began', () => {
  it('the Lambda driver gives up after one attempt with FunctionGoneError', async () => {
    const lambda = await startFakeLambda([{ name: 'orders', curve: 'io-bound', memoryMb: 1024 }]);
    const driver = new LambdaTuningDriver(
      (region) =>
        new LambdaClient({
          region: region ?? 'us-east-1',
          endpoint: lambda.url,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
          maxAttempts: 1,
        }),
      { totalMs: 6_000 },
    );
    try {
      const target = { jobId: 'j1', function: lambda.arn('orders') };
      const snapshot = await driver.snapshot(target);
      lambda.deleteFunction('orders');
      const calls = lambda.calls.length;
      const t0 = Date.now();
      const error = await driver.restore(target, snapshot).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FunctionGoneError);
      expect((error as Error).message).toMatch(/^orders no longer exists \(Function not found/);
      // One attempt: reading $LATEST and listing the aliases, each answered 404.
      expect(lambda.calls.length - calls).toBe(2);
      expect(Date.now() - t0).toBeLessThan(1_000);
    } finally {
      driver.close();
      await lambda.close();
    }
  });

  describe('a job whose restore is pending', () => {
    // Update 1 sets 128 MB; from update 2 (putting $LATEST back) Lambda answers 500.
    const stack = useLambdaFleetscope([
      { name: 'orders', curve: 'io-bound', memoryMb: 1024, failUpdatesFrom: 2 },
    ]);

    it('ends failed, saying the function no longer exists, once the function is deleted', async () => {
      const { status, body } = await postTuningJob(stack.fleetscope.apiUrl, {
        platform: 'aws-lambda',
        function: stack.lambda.arn('orders'),
        memorySizes: [128],
        mode: 'grid',
        invocationsPerSize: 5,
      });
      expect(status).toBe(202);
      const id = String(body.id);
      const pending = await waitForTuningJob<JobView>(
        stack.fleetscope.apiUrl,
        id,
        (j) => j.restorePending !== null || j.status === 'failed' || j.status === 'succeeded',
      );
      expect(pending.restorePending).not.toBeNull();
      stack.lambda.deleteFunction('orders');
      const done = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id);
      expect(done).toMatchObject({ status: 'failed', restorePending: null });
      expect(done.error).toMatch(/^the function no longer exists: orders no longer exists \(/);
    }, 60_000);
  });
});
