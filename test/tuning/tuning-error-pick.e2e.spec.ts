import { LambdaClient } from '@aws-sdk/client-lambda';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { LambdaTuningDriver } from '@fleetscope/tuning-drivers';
import { tuningPricer, type SearchOptions } from '@fleetscope/tuning';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';
import { measureAndSummarise } from './support/measure-and-summarise';
import { runTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

const sizes = [128, 256, 512, 1024, 1536, 3008];
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

interface JobView {
  status: string;
  error: string | null;
  pick: { memoryMb: number; inconclusive: boolean; reason: string } | null;
}

/**
 * An io-bound function at 1024 MB whose calls at 128 MB time out downstream 30 % of the time (a
 * handled TimeoutError), and never at other sizes. 128 MB is by far the cheapest per successful
 * call, and a few failed calls do not prove (Fisher, p < 0.01) that the size causes them: before,
 * the pick was 128 MB ("saves 80 %"), and `applyPick: function` put production there.
 */
describe('a size whose calls failed more often than the current size’s is not picked over it', () => {
  const stack = useLambdaFleetscope([
    { name: 'api', curve: 'io-bound', memoryMb: 1024, seed: 1, errorsAt: { 128: 0.3 } },
  ]);

  it('applyPick function leaves $LATEST at 1024 MB rather than moving production to the failing 128 MB', async () => {
    const job = await runTuningJob<JobView>(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn('api'),
      memorySizes: sizes,
      applyPick: 'function',
    });
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    const fn = stack.lambda.fn('api');
    expect(fn.latest.memoryMb).not.toBe(128);
    expect(job.pick?.memoryMb).not.toBe(128);
    // What was applied is the pick, when it was conclusive; otherwise production is untouched.
    expect(fn.latest.memoryMb).toBe(job.pick && !job.pick.inconclusive ? job.pick.memoryMb : 1024);
    expect(fn.latest.description).toBe('');
  }, 60_000);
});

describe('the pick over many seeds (the session and summary, real Lambda driver)', () => {
  let lambda: FakeLambda;
  let driver: LambdaTuningDriver;
  const pricer = tuningPricer({
    platform: 'aws-lambda',
    region: 'us-east-1',
    at: new Date('2026-12-04T00:00:00Z'),
    pricing: new PricingService(defaultCatalogue),
  });
  const candidates = sizes.map((memoryMb) => ({ architecture: 'x86_64' as const, memoryMb }));

  beforeAll(async () => {
    lambda = await startFakeLambda(
      ['adaptive', 'grid'].flatMap((mode) =>
        seeds.map((seed) => ({
          name: `${mode}${seed}`,
          curve: 'io-bound',
          memoryMb: 1024,
          seed,
          errorsAt: { 128: mode === 'grid' ? 0.2 : 0.3 },
        })),
      ),
    );
    driver = new LambdaTuningDriver(
      (region) =>
        new LambdaClient({
          region: region ?? 'us-east-1',
          endpoint: lambda.url,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
          maxAttempts: 1,
        }),
    );
  });
  afterAll(async () => {
    driver.close();
    await lambda.close();
  });

  it.each(['adaptive', 'grid'] as const)(
    '%s: never picks 128 MB, or only as inconclusive, naming its error rate',
    async (mode) => {
      // Seeds whose conclusive pick is a size that failed more often than 1024 MB.
      const applied: string[] = [];
      for (const seed of seeds) {
        const name = `${mode}${seed}`;
        const target = { jobId: `e${mode}${seed}`, function: lambda.arn(name) };
        const options: SearchOptions = {
          mode,
          strategy: 'cost',
          balancedWeight: 0.5,
          invocationsPerSize: mode === 'grid' ? 10 : 50,
          discardTopBottom: 0.2,
          onlyColdStarts: false,
          baseline: { architecture: 'x86_64', memoryMb: 1024 },
        };
        const { observations: all, summary: s } = await measureAndSummarise({
          driver,
          target,
          candidates,
          options,
          pricer,
        });
        const failedAt128 = all.some((o) => o.memoryMb === 128 && o.outcome !== 'ok');
        if (s.pick?.memoryMb === 128 && failedAt128) {
          expect(s.pick.reason).toMatch(/inconclusive: \d+ of its \d+ calls failed/);
        } else if (failedAt128 && s.results.find((r) => r.memoryMb === 128)?.feasible) {
          expect(s.pick?.reason).toMatch(
            /not picked, their calls failed more often than the other sizes': 128 MB x86_64 \(\d+ of its \d+ calls failed \(\d+ %\) against 0 of \d+ \(0 %\) at the other sizes \(one-sided Fisher exact test, p = [\d.e-]+ < 0\.2\)\)/,
          );
        }
        if (s.pick?.memoryMb === 128 && failedAt128 && !s.pick.inconclusive)
          applied.push(`seed ${seed}: ${s.pick.reason}`);
      }
      expect(applied).toEqual([]);
    },
    120_000,
  );
});
