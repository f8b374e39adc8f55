import { runTuningJob } from './support/tuning-jobs.client';
import { usePodPlatformsFleetscope } from './support/tuning-fleetscope.fixture';

/**
 * A JSON-string payload is sent as that JSON on every platform (the README says so): OpenFaaS
 * and Knative serialised it again, so an OpenFaaS function received the string
 * `"{\"orderId\":42}"` where a Lambda function received the object. All three drivers now send
 * eventText's body.
 */
describe('the event an OpenFaaS tuning job sends (POST /api/tuning-jobs payload)', () => {
  const stack = usePodPlatformsFleetscope(
    [
      { name: 'orders', curve: 'io-bound', memory: '512Mi' },
      { name: 'echo', curve: 'io-bound', memory: '512Mi' },
    ],
    [],
  );

  it('sends a payload that is a JSON string as that JSON, and any other string as a string', async () => {
    const job = await runTuningJob<{ status: string }>(stack.fleetscope.apiUrl, {
      platform: 'openfaas',
      function: 'orders.openfaas-fn',
      memorySizes: [256],
      payload: '{"orderId":42}',
      dryRun: true,
    });
    expect(job.status).toBe('succeeded');
    expect(stack.gateway.fn('orders').payloads).toEqual([{ orderId: 42 }]);

    const text = await runTuningJob<{ status: string }>(stack.fleetscope.apiUrl, {
      platform: 'openfaas',
      function: 'echo.openfaas-fn',
      memorySizes: [256],
      payload: 'ping',
      dryRun: true,
    });
    expect(text.status).toBe('succeeded');
    expect(stack.gateway.fn('echo').payloads).toEqual(['ping']);
  }, 60_000);
});
