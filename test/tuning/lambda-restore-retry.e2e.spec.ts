import { LambdaClient } from '@aws-sdk/client-lambda';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { LambdaTuningDriver } from '@fleetscope/tuning-drivers';
import {
  RestoreError,
  runTuningSession,
  tuningPricer,
  type SearchOptions,
} from '@fleetscope/tuning';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';

const options: SearchOptions = {
  mode: 'grid',
  strategy: 'cost',
  balancedWeight: 0.5,
  invocationsPerSize: 5,
  discardTopBottom: 0.2,
  onlyColdStarts: false,
};

/**
 * A restore that Lambda refuses for a while (throttling, 5xx) must not leave production at a
 * candidate's size: before, the SDK's own retries (about 0.3 s) were all it got, and $LATEST
 * stayed at 128 MB with the job's marker as its description.
 */
describe('restoring a Lambda function Lambda refuses to update for a while', () => {
  let lambda: FakeLambda;
  const driverWith = (retry: ConstructorParameters<typeof LambdaTuningDriver>[1]) =>
    new LambdaTuningDriver(
      (region) =>
        new LambdaClient({
          region: region ?? 'us-east-1',
          endpoint: lambda.url,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
          maxAttempts: 1,
        }),
      retry,
    );
  const pricer = tuningPricer({
    platform: 'aws-lambda',
    region: 'us-east-1',
    at: new Date('2026-12-04T00:00:00Z'),
    pricing: new PricingService(defaultCatalogue),
  });

  beforeAll(async () => {
    lambda = await startFakeLambda([
      // Update 1 sets 128 MB to publish it; 2–7 (putting $LATEST back, then restore's) fail.
      {
        name: 'api',
        curve: 'io-bound',
        memoryMb: 1024,
        description: 'orders api',
        failUpdates: [2, 3, 4, 5, 6, 7],
      },
      {
        name: 'down',
        curve: 'io-bound',
        memoryMb: 1024,
        description: 'billing',
        failUpdatesFrom: 2,
      },
      {
        name: 'left',
        curve: 'io-bound',
        memoryMb: 1024,
        description: 'search',
        failUpdatesFrom: 2,
      },
    ]);
  });
  afterAll(() => lambda.close());

  const session = (driver: LambdaTuningDriver, name: string, jobId: string) =>
    driver.snapshot({ jobId, function: lambda.arn(name) }).then((snapshot) =>
      runTuningSession({
        driver,
        target: { jobId, function: lambda.arn(name) },
        snapshot,
        candidates: [{ architecture: 'x86_64', memoryMb: 128 }],
        options,
        pricer,
        parallelInvocation: false,
        sleepBetweenRunsMs: 0,
        observations: [],
        onBatch: () => Promise.resolve(),
        shouldStop: () => false,
      }),
    );

  it('keeps trying, with backoff, until $LATEST is back at its size and description', async () => {
    const driver = driverWith({ totalMs: 10_000, firstDelayMs: 20, maxDelayMs: 200 });
    // The job itself fails (putting $LATEST back after publishing 128 MB was refused), but its
    // restore gets through at the 6th refusal's end, rather than failing with the first.
    const error = (await session(driver, 'api', 'ja').catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(RestoreError);
    expect(error.message).toMatch(/cannot update functions now/);
    const fn = lambda.fn('api');
    expect(fn.latest).toMatchObject({ memoryMb: 1024, description: 'orders api' });
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
    driver.close();
  });

  it('gives up after its bound, saying how often it tried, and says the restore failed', async () => {
    const driver = driverWith({ totalMs: 300, firstDelayMs: 20, maxDelayMs: 100 });
    const error = (await session(driver, 'down', 'jd').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RestoreError);
    expect(error.message).toMatch(
      /cannot update functions now.*\(still failing after \d+ attempts\)/,
    );
    driver.close();
  });

  it('refuses to snapshot a function another job left at a candidate size, naming the job', async () => {
    const driver = driverWith({ totalMs: 0 });
    await session(driver, 'left', 'jleft').catch(() => undefined);
    expect(lambda.fn('left').latest).toMatchObject({
      memoryMb: 128,
      description: expect.stringMatching(/^fleetscope-tuning jleft /),
    });
    // Before, the next job took 128 MB and the marker for the original and "restored" to them.
    await expect(driver.snapshot({ jobId: 'jnext', function: lambda.arn('left') })).rejects.toThrow(
      /left is left as tuning job jleft set it while measuring a size \(128 MB, description "fleetscope-tuning jleft x86_64\/128"\): that job is still publishing a size, or its restore failed/,
    );
    driver.close();
  });
});
