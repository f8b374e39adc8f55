import { TuningJobsRepository } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';

/**
 * POST /api/tuning-jobs on a machine where the AWS SDK finds no region or no credentials: the
 * function may well exist, Fleetscope could not ask. Found by a review: both were answered 422,
 * which the README and the OpenAPI description give to "the platform does not have this
 * function", with the SDK's own words ("Region is missing", "Could not load credentials from any
 * providers") and nothing saying what to set. They are a platform failure (502) that names the
 * variables.
 */
describe('POST /api/tuning-jobs without AWS region or credentials', () => {
  let lambda: FakeLambda;
  let fleetscope: RunningFleetscope;
  let saved: Record<string, string | undefined>;

  beforeAll(async () => {
    // A Lambda stand-in the SDK would reach if it could sign: a 422 could only be its answer.
    lambda = await startFakeLambda([{ name: 'rev-fn', curve: 'mixed' }]);
    const unconfigured: Record<string, string | undefined> = {
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
      AWS_CONFIG_FILE: '/nonexistent/fleetscope-test/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/fleetscope-test/aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    saved = Object.fromEntries(Object.keys(unconfigured).map((k) => [k, process.env[k]]));
    setEnv(unconfigured);
    fleetscope = await startFleetscope({ FLEETSCOPE_LOG_LEVEL: 'error' });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    await lambda?.close();
    if (saved) setEnv(saved);
  });

  const post = async (body: unknown) => {
    const res = await fetch(`${fleetscope.apiUrl}/api/tuning-jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      message: String(((await res.json()) as { message: unknown }).message),
    };
  };

  it('answers 502 naming AWS_REGION when no region is configured and the name carries none', async () => {
    const answer = await post({ platform: 'aws-lambda', function: 'rev-fn' });
    expect(answer.status).toBe(502);
    expect(answer.message).toMatch(/^reading rev-fn on aws-lambda: .*AWS_REGION/);
    expect(answer.message).toContain('Region is missing');
  });

  it('answers 502 naming the credential variables when the SDK finds no credentials', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:rev-fn';
    const answer = await post({ platform: 'aws-lambda', function: arn });
    expect(answer.status).toBe(502);
    expect(answer.message).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(answer.message).toMatch(/AWS_PROFILE/);
    expect(answer.message).toContain('Could not load credentials from any providers');
    expect(await fleetscope.app.get(TuningJobsRepository).pending()).toEqual([]);
  });
});

function setEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
