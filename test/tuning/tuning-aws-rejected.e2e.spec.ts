import { TuningJobsRepository } from '@fleetscope/storage';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';
import { postTuningJob } from './support/tuning-jobs.client';

/**
 * POST /api/tuning-jobs when AWS refuses the credentials Fleetscope runs with: GetFunction answers
 * 403 (AccessDeniedException without lambda:GetFunction, UnrecognizedClientException for an
 * unknown key, InvalidSignatureException for a wrong secret). AWS checks the caller before it
 * looks for the function, so nothing is known of it. Found by a review: these were answered 422,
 * "the platform does not have this function"; they are a platform failure (502) that names the
 * permission or the credentials. A function Lambda does not have stays 422.
 */
describe('POST /api/tuning-jobs when AWS refuses the credentials', () => {
  const refused = (type: string) => ({ status: 403, type });
  const stack = useLambdaFleetscope([
    { name: 'denied-fn', curve: 'mixed', getFunctionError: refused('AccessDeniedException') },
    {
      name: 'unknown-key-fn',
      curve: 'mixed',
      getFunctionError: refused('UnrecognizedClientException'),
    },
    {
      name: 'bad-secret-fn',
      curve: 'mixed',
      getFunctionError: refused('InvalidSignatureException'),
    },
  ]);

  const post = (fn: string) =>
    postTuningJob(stack.fleetscope.apiUrl, { platform: 'aws-lambda', function: fn });

  it('answers 502 naming the permission when GetFunction is denied, and queues nothing', async () => {
    const answer = await post('denied-fn');
    expect(answer.status).toBe(502);
    expect(String(answer.body.message)).toMatch(
      /^reading denied-fn on aws-lambda: permission lambda:GetFunction is missing: .*\(AccessDeniedException on GetFunction of denied-fn\)$/,
    );
    expect(await stack.fleetscope.app.get(TuningJobsRepository).pending()).toEqual([]);
  });

  it.each([
    ['an unknown access key', 'unknown-key-fn', 'UnrecognizedClientException'],
    ['a wrong secret', 'bad-secret-fn', 'InvalidSignatureException'],
  ])('answers 502 naming the credential variables for %s', async (_label, fn, type) => {
    const answer = await post(fn);
    expect(answer.status).toBe(502);
    const message = String(answer.body.message);
    expect(message).toMatch(
      new RegExp(`^reading ${fn} on aws-lambda: AWS refused the credentials`),
    );
    expect(message).toMatch(/AWS_ACCESS_KEY_ID.*AWS_SECRET_ACCESS_KEY.*AWS_PROFILE/);
    expect(message).toContain(`(${type} on GetFunction of ${fn})`);
  });

  it('still answers 422 to a function Lambda does not have', async () => {
    const answer = await post('no-such-fn');
    expect(answer.status).toBe(422);
    expect(String(answer.body.message)).toMatch(/no-such-fn.*not found/i);
  });
});
