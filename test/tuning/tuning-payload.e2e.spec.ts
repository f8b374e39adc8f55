import { runTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

/**
 * A payload given as a JSON string (`"payload": "{\"orderId\":42}"`, how events are often pasted)
 * is the event itself, as in Power Tuning (utils.convertPayload). Before, the function received
 * the string `"{\"orderId\":42}"`, not the object.
 */
describe('the event a tuning job sends (POST /api/tuning-jobs payload)', () => {
  const stack = useLambdaFleetscope([
    { name: 'orders', curve: 'io-bound', memoryMb: 512 },
    { name: 'echo', curve: 'io-bound', memoryMb: 512 },
  ]);

  it('sends a payload that is a JSON string as that JSON, and any other string as a string', async () => {
    const job = await runTuningJob<{ status: string }>(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn('orders'),
      memorySizes: [256],
      payload: '{"orderId":42}',
      dryRun: true,
    });
    expect(job.status).toBe('succeeded');
    expect(stack.lambda.fn('orders').payloads).toEqual([{ orderId: 42 }]);

    const text = await runTuningJob<{ status: string }>(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn('echo'),
      memorySizes: [256],
      payload: 'ping',
      dryRun: true,
    });
    expect(text.status).toBe('succeeded');
    expect(stack.lambda.fn('echo').payloads).toEqual(['ping']);
  }, 60_000);
});
