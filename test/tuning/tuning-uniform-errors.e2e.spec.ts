import { LambdaClient } from '@aws-sdk/client-lambda';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import { LambdaTuningDriver } from '@fleetscope/tuning-drivers';
import { tuningPricer, type Candidate, type SearchOptions } from '@fleetscope/tuning';
import { startFakeLambda, type FakeLambda } from './support/fake-lambda.server';
import { measureAndSummarise } from './support/measure-and-summarise';

const sizes = [128, 256, 512, 1024, 1536, 3008];
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const cases = [
  { mode: 'adaptive', curve: 'cost-optimum-mid' },
  { mode: 'adaptive', curve: 'io-bound' },
  { mode: 'grid', curve: 'cost-optimum-mid' },
] as const;

/**
 * A function at 1024 MB that fails 5 % of its calls at every size (its own errors, not a size's):
 * no size should be passed over for them, so each seed picks what the same function without
 * errors picks. Before, any size whose few calls held one error more than the current size's
 * (1 of 6 against 0 of 6) was ruled out: the error-free pick in 7 of 12 seeds (adaptive,
 * io-bound and cost-optimum-mid), 9 of 12 in grid, one of them 512 MB at about 2.5 times the cost.
 */
describe('errors a function makes at every size do not decide the pick', () => {
  let lambda: FakeLambda;
  let driver: LambdaTuningDriver;
  const pricer = tuningPricer({
    platform: 'aws-lambda',
    region: 'us-east-1',
    at: new Date('2026-12-04T00:00:00Z'),
    pricing: new PricingService(defaultCatalogue),
  });
  const candidates: Candidate[] = sizes.map((memoryMb) => ({ architecture: 'x86_64', memoryMb }));
  const everywhere = Object.fromEntries(sizes.map((s) => [s, 0.05]));

  beforeAll(async () => {
    lambda = await startFakeLambda(
      cases.flatMap(({ mode, curve }) =>
        seeds.flatMap((seed) => [
          { name: `${mode}-${curve}-e${seed}`, curve, memoryMb: 1024, seed, errorsAt: everywhere },
          { name: `${mode}-${curve}-c${seed}`, curve, memoryMb: 1024, seed },
        ]),
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

  const pickOf = async (name: string, mode: 'adaptive' | 'grid') => {
    const target = { jobId: `u-${name}`, function: lambda.arn(name) };
    const options: SearchOptions = {
      mode,
      strategy: 'cost',
      balancedWeight: 0.5,
      invocationsPerSize: 50,
      discardTopBottom: 0.2,
      onlyColdStarts: false,
      baseline: { architecture: 'x86_64', memoryMb: 1024 },
    };
    const {
      summary: { pick },
    } = await measureAndSummarise({ driver, target, candidates, options, pricer });
    return pick ? `${pick.memoryMb}${pick.inconclusive ? ' (inconclusive)' : ''}` : 'none';
  };

  it.each(cases)(
    '$mode, $curve: 5 % errors at every size pick as without errors in at least 11 of 12 seeds',
    async ({ mode, curve }) => {
      const differing: string[] = [];
      for (const seed of seeds) {
        const clean = await pickOf(`${mode}-${curve}-c${seed}`, mode);
        const erring = await pickOf(`${mode}-${curve}-e${seed}`, mode);
        if (erring !== clean) differing.push(`seed ${seed}: ${erring} MB, not ${clean} MB`);
      }
      // The seeds whose pick differs, when more than one does.
      expect(differing.length <= 1 ? [] : differing).toEqual([]);
    },
    300_000,
  );
});
