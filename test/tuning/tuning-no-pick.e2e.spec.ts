import { runTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

/**
 * A finished job without a pick says why (summary.noPick), and the API hands the reason on:
 * before, GET /api/tuning-jobs/:id left it out, and `fleetscope tune` printed a generic
 * sentence about too few successful calls whatever the cause.
 */
describe('GET /api/tuning-jobs/:id of a job that ended without a pick', () => {
  const stack = useLambdaFleetscope([
    // Every call at both sizes ends in a handled error (a downstream timeout).
    { name: 'failing', curve: 'io-bound', memoryMb: 512, errorsAt: { 256: 1, 512: 1 } },
    { name: 'orders', curve: 'io-bound', memoryMb: 512 },
  ]);

  it('says why in noPick, and has noPick null when there is a pick', async () => {
    const failing = await runTuningJob<{ status: string; pick: unknown; noPick: unknown }>(
      stack.fleetscope.apiUrl,
      {
        platform: 'aws-lambda',
        function: stack.lambda.arn('failing'),
        memorySizes: [256, 512],
        mode: 'grid',
        invocationsPerSize: 5,
      },
    );
    expect(failing).toMatchObject({
      status: 'succeeded',
      pick: null,
      noPick: expect.stringMatching(/^no size ran successfully \(.*256 MB x86_64.*\)/),
    });

    const orders = await runTuningJob<{ status: string; pick: unknown; noPick: unknown }>(
      stack.fleetscope.apiUrl,
      {
        platform: 'aws-lambda',
        function: stack.lambda.arn('orders'),
        memorySizes: [256, 512],
        mode: 'grid',
        invocationsPerSize: 5,
      },
    );
    expect(orders).toMatchObject({ status: 'succeeded', pick: expect.anything(), noPick: null });
  }, 60_000);
});
