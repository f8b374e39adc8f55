import { runTuningJob } from './support/tuning-jobs.client';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';

// us-east-1 list prices (aws.amazon.com/lambda/pricing, default catalogue): x86 duration
// $0.0000166667 per GB-s for the first 6 B GB-s of a month, $0.000015 for the next 9 B;
// $0.20 per million requests.
const FIRST_TIER_USD_PER_GBS = 0.0000166667;
const SECOND_TIER_USD_PER_GBS = 0.000015;
const REQUEST_USD = 0.2 / 1e6;
/** Ephemeral storage above the free 512 MB, per GB-s of the billed duration. */
const STORAGE_USD_PER_GBS = 0.0000000309;
const EPHEMERAL_STORAGE_MB = 2048;
/** One stored invocation: 900 s at 10,240 MB = 9,000 GB-s. */
const BATCH_GBS = 9_000;

interface JobView {
  status: string;
  error: string | null;
  results: {
    memoryMb: number;
    architecture: string;
    measured: boolean;
    feasible: boolean;
    billedMeanMs: number | null;
    costUsdPerInvocation: number | null;
  }[];
  jobCost: { invocations: number; usd: number };
  prices: {
    durationTiers: {
      architecture: string;
      grouping: string;
      account: string;
      region: string;
      monthToDateGbSeconds: number;
      tier: number;
      fromGbSeconds: number;
      upToGbSeconds: number | null;
      usdPerGbSecond: number;
    }[];
  } | null;
}

describe('tuning job prices at the account’s month-to-date Lambda tier', () => {
  const stack = useLambdaFleetscope([
    {
      name: 'resize',
      curve: 'cpu-bound',
      memoryMb: 1024,
      ephemeralStorageMb: EPHEMERAL_STORAGE_MB,
    },
  ]);

  /**
   * 700,000 invocations of 900 s at 10,240 MB (6.3 B GB-s) by another function of the same
   * account and region, stored this month as the collector stores them: raw rows, from which the
   * per-minute aggregate is built.
   */
  async function storeMonthOfBatchJobs(functionName: string, invocations: number): Promise<void> {
    const nowMs = Date.now();
    const d = new Date(nowMs);
    const monthStartMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    // Inside this month and before the job starts, however early in the month the test runs.
    const atMs = Math.max(monthStartMs, nowMs - 3_600_000);
    await stack.fleetscope.clickhouse.client.command({
      query: `
        INSERT INTO invocations (function_id, source, start_time, request_id, platform, version,
          duration_us, billed_duration_ms, memory_size_mb, max_memory_used_mb, cold_start,
          init_type, status, runtime, architecture)
        SELECT {fn:String}, 'lambda_log',
          fromUnixTimestamp64Milli(toInt64({atMs:UInt64} + number % 60000)),
          concat('batch-', toString(number)), 'aws_lambda', '$LATEST',
          900000000, 900000, 10240, 2000, 0, 'on-demand', 'ok', 'python3.12', 'x86_64'
        FROM numbers({n:UInt64})`,
      query_params: {
        fn: `aws_lambda~${stack.lambda.account}~us-east-1~${functionName}`,
        atMs,
        n: invocations,
      },
    });
  }

  /** The same small grid on `resize` in each test: only the account's month so far differs. */
  const runResizeGrid = async (): Promise<JobView> => {
    const job = await runTuningJob<JobView>(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn('resize'),
      memorySizes: [512, 1024, 2048],
      mode: 'grid',
      invocationsPerSize: 5,
    });
    expect(job.status).toBe('succeeded');
    return job;
  };

  const expectPricedAt = (job: JobView, usdPerGbSecond: number) => {
    const measured = job.results.filter((r) => r.measured && r.feasible);
    expect(measured.length).toBeGreaterThan(1);
    for (const r of measured) {
      const seconds = Math.ceil(r.billedMeanMs!) / 1000;
      const storage = ((EPHEMERAL_STORAGE_MB - 512) / 1024) * seconds * STORAGE_USD_PER_GBS;
      expect(r.costUsdPerInvocation).toBeCloseTo(
        REQUEST_USD + seconds * (r.memoryMb / 1024) * usdPerGbSecond + storage,
        12,
      );
    }
  };

  it('prices a job in an account under 6 B GB-s this month at the first tier, with requests and ephemeral storage, and says so', async () => {
    const job = await runResizeGrid();
    expectPricedAt(job, FIRST_TIER_USD_PER_GBS);
    expect(job.prices?.durationTiers).toEqual([
      expect.objectContaining({
        architecture: 'x86_64',
        grouping: 'account',
        account: stack.lambda.account,
        region: 'us-east-1',
        tier: 1,
        fromGbSeconds: 0,
        upToGbSeconds: 6e9,
        usdPerGbSecond: FIRST_TIER_USD_PER_GBS,
      }),
    ]);
    expect(job.prices!.durationTiers[0].monthToDateGbSeconds).toBeLessThan(6e9);
  });

  it('a job in an account past the 6 B GB-s tier this month is priced at the second tier, not the first', async () => {
    await storeMonthOfBatchJobs('nightly-batch', 700_000);
    const job = await runResizeGrid();
    expectPricedAt(job, SECOND_TIER_USD_PER_GBS);
    const [tier] = job.prices!.durationTiers;
    expect(tier).toMatchObject({
      architecture: 'x86_64',
      grouping: 'account',
      account: stack.lambda.account,
      region: 'us-east-1',
      tier: 2,
      fromGbSeconds: 6e9,
      upToGbSeconds: 15e9,
      usdPerGbSecond: SECOND_TIER_USD_PER_GBS,
    });
    // The stored batch jobs plus what the first job's invocations left in the aggregate, if any.
    expect(tier.monthToDateGbSeconds).toBeGreaterThanOrEqual(700_000 * BATCH_GBS);
    expect(tier.monthToDateGbSeconds).toBeLessThan(700_000 * BATCH_GBS + 1_000);
    // What the job itself cost is priced at the same tier.
    expect(job.jobCost.usd).toBeGreaterThan(0);
  });
});
