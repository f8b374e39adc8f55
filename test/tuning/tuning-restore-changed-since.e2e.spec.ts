import { LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { postTuningJob, waitForTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

interface JobView {
  status: string;
  error: string | null;
  pick: { memoryMb: number; reason: string } | null;
  restorePending: { attempts: number } | null;
}

const pendingOrFinished = (j: JobView) =>
  j.status === 'succeeded' || j.status === 'failed' || j.restorePending !== null;

/**
 * A pending restore wrote the job's snapshot onto $LATEST on every retry, whatever was there:
 * a deploy made after the job had already set $LATEST back (its version deletes still refused)
 * was reverted 1 s later, and a function the team had put right by hand at a new size was set
 * back to the old one, the job then "succeeding" (and, with applyPick, applying its pick over the
 * team's choice). A resumed restore now sets $LATEST back only while it still carries the job's
 * marker, and a job that finds it changed by someone measures no more and applies nothing.
 */
describe('a pending restore and a change the team made since', () => {
  const stack = useLambdaFleetscope([
    // Versions cannot be deleted for now: $LATEST itself is back, the restore still fails.
    {
      name: 'orders',
      curve: 'io-bound',
      memoryMb: 1024,
      description: 'orders api',
      failVersionDeletes: true,
    },
    // Updates refused from the 2nd: $LATEST left at 128 MB under the job's marker.
    {
      name: 'billing',
      curve: 'io-bound',
      memoryMb: 1024,
      description: 'billing',
      failUpdatesFrom: 2,
    },
  ]);
  const start = async (fn: string, extra: Record<string, unknown> = {}) => {
    const { status, body } = await postTuningJob(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn(fn),
      memorySizes: [128],
      mode: 'grid',
      invocationsPerSize: 5,
      ...extra,
    });
    expect(status).toBe(202);
    return String(body.id);
  };

  it('keeps a deploy made after $LATEST was set back, retrying only the version deletes', async () => {
    const id = await start('orders', { applyPick: 'function' });
    const pending = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id, pendingOrFinished);
    const fn = stack.lambda.fn('orders');
    expect(pending.restorePending).not.toBeNull();
    expect(fn.latest).toMatchObject({ memoryMb: 1024, description: 'orders api' });
    // Before: 'The function may be left at a size the job measured', though it was not.
    expect(pending.error).toMatch(
      /The function is back at its own configuration \(or one set since the job set it back, left as it is\); only versions and aliases the job published are left; cancel the job/,
    );
    const client = new LambdaClient({ region: 'us-east-1', maxAttempts: 1 });
    await client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: stack.lambda.arn('orders'),
        MemorySize: 2048,
        Description: 'orders api v2 (raised for Black Friday)',
      }),
    );
    client.destroy();
    // Retries at 1 s, then 2 s: before, $LATEST was back at 1024 MB 'orders api' within them.
    await waitForTuningJob<JobView>(
      stack.fleetscope.apiUrl,
      id,
      (j) => (j.restorePending?.attempts ?? 0) >= 3,
    );
    expect(fn.latest).toMatchObject({
      memoryMb: 2048,
      description: 'orders api v2 (raised for Black Friday)',
    });
    fn.spec.failVersionDeletes = false;
    const done = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id);
    expect(done.status).toBe('succeeded');
    expect(done.pick?.reason).toMatch(
      /\$LATEST was changed since the job set it back \(now 2048 MB x86_64, description "orders api v2 \(raised for Black Friday\)"; the job's snapshot: 1024 MB x86_64, "orders api"\), and was left as it is; the job measures no more and applies nothing$/,
    );
    expect(fn.latest).toMatchObject({
      memoryMb: 2048,
      description: 'orders api v2 (raised for Black Friday)',
    });
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
  }, 60_000);

  it('leaves a function the team put right by hand as they set it, and measures no more', async () => {
    const id = await start('billing', { applyPick: 'function' });
    const pending = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id, pendingOrFinished);
    expect(pending.restorePending).not.toBeNull();
    const fn = stack.lambda.fn('billing');
    expect(fn.latest.description).toMatch(/^fleetscope-tuning /);
    expect(pending.error).toMatch(/The function may be left at a size the job measured/);
    // The team puts it right by hand at a size of its own; Lambda recovers.
    fn.latest.memoryMb = 1536;
    fn.latest.description = 'billing (fixed by hand)';
    fn.spec.failUpdatesFrom = undefined;
    const done = await waitForTuningJob<JobView>(stack.fleetscope.apiUrl, id);
    expect(fn.latest).toMatchObject({ memoryMb: 1536, description: 'billing (fixed by hand)' });
    // Nothing was measured yet (the first size's restore failed): measuring on would set the
    // function back to 1024 MB after each size, so the job stops there.
    expect(done).toMatchObject({ status: 'failed', pick: null, restorePending: null });
    expect(done.error).toMatch(
      /^stopped: \$LATEST was changed since the job set it back \(now 1536 MB x86_64, description "billing \(fixed by hand\)"; the job's snapshot: 1024 MB x86_64, "billing"\), and was left as it is; the job measures no more and applies nothing$/,
    );
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
  }, 60_000);
});
