import type { FunctionAnalysisInput } from '@fleetscope/analysis';
import { monthlyFactor, monthlyLambdaCost, observedLambdaUsage } from '@fleetscope/analysis';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { FunctionConfig, FunctionTotals } from '@fleetscope/storage';
import { accountMonthlyGbSeconds, storedLambdaGbSeconds } from './account-usage';

const WEEK_MS = 7 * 86_400_000;

function input(
  id: string,
  architecture: 'x86_64' | 'arm64',
  memoryMb: number,
  durationSumMs: number,
): FunctionAnalysisInput {
  const [platform, account, region, name] = id.split('~');
  return {
    profile: {
      functionId: id,
      platform: platform as 'aws_lambda',
      account,
      region,
      name,
      runtime: '',
      architecture,
      memoryMb,
      timeoutMs: null,
      provisionedConcurrency: null,
      packageType: null,
    },
    stats: {
      functionId: id,
      windowStartMs: 0,
      windowEndMs: WEEK_MS,
      invocations: 1,
      errors: 0,
      timeouts: 0,
      ooms: 0,
      coldStarts: 0,
      durationSumMs,
      durationMaxMs: 0,
      billedDurationSumMs: 0,
      initDurationSumMs: 0,
      durationBuckets: {},
      initBuckets: {},
      maxMemoryUsedMb: null,
      memoryUsedP95Mb: null,
      byMemory: [{ memoryMb, invocations: 1, durationSumMs, durationBuckets: {} }],
      daily: [],
    },
  };
}

describe(accountMonthlyGbSeconds.name, () => {
  it('sums monthly GB-seconds per account, region and architecture', () => {
    const usage = accountMonthlyGbSeconds([
      input('aws_lambda~1~us-east-1~a', 'x86_64', 1024, 1_000_000),
      input('aws_lambda~1~us-east-1~b', 'x86_64', 2048, 1_000_000),
      input('aws_lambda~1~us-east-1~c', 'arm64', 1024, 1_000_000),
    ]);
    // 1,000 GB-s + 2,000 GB-s in a week; a month is 730 / 168 weeks.
    expect(usage('1', 'us-east-1', 'x86_64')).toBeCloseTo(3000 * (730 / 168), 6);
    expect(usage('1', 'us-east-1', 'arm64')).toBeCloseTo(1000 * (730 / 168), 6);
    expect(usage('2', 'us-east-1', 'x86_64')).toBe(0);
  });

  it('defect 13 (tiers per account): totals the tiers across accounts when grouped per organization', () => {
    const inputs = [
      input('aws_lambda~1~us-east-1~a', 'x86_64', 1024, 1_000_000),
      input('aws_lambda~2~us-east-1~b', 'x86_64', 1024, 1_000_000),
    ];
    expect(accountMonthlyGbSeconds(inputs)('1', 'us-east-1', 'x86_64')).toBeCloseTo(
      1000 * (730 / 168),
      6,
    );
    const organization = accountMonthlyGbSeconds(inputs, 'organization');
    expect(organization('1', 'us-east-1', 'x86_64')).toBeCloseTo(2000 * (730 / 168), 6);
    expect(organization('2', 'us-east-1', 'x86_64')).toBeCloseTo(2000 * (730 / 168), 6);
  });

  it("defect (a function's own usage counted twice in its tier position): asked for a function, leaves its own GB-seconds out", () => {
    const inputs = [
      input('aws_lambda~1~us-east-1~a', 'x86_64', 1024, 1_000_000),
      input('aws_lambda~1~us-east-1~b', 'x86_64', 2048, 1_000_000),
    ];
    const usage = accountMonthlyGbSeconds(inputs);
    expect(usage('1', 'us-east-1', 'x86_64', 'aws_lambda~1~us-east-1~a')).toBeCloseTo(
      2000 * (730 / 168),
      6,
    );
    expect(usage('1', 'us-east-1', 'x86_64', 'aws_lambda~1~us-east-1~b')).toBeCloseTo(
      1000 * (730 / 168),
      6,
    );
  });

  it('defect: the only function of an account at 10 B GB-seconds a month costs the list bill, priced from the first tier, not from 10 B on', () => {
    // 10,240 MB for 10 B GB-s a month: 6 B at $0.0000166667 and 4 B at $0.000015 (x86_64).
    const durationSumMs = (10e9 / monthlyFactor(0, WEEK_MS) / 10) * 1000;
    const { profile, stats } = input('aws_lambda~1~us-east-1~a', 'x86_64', 10_240, durationSumMs);
    const ctx = {
      pricing: new PricingService(defaultCatalogue),
      at: new Date('2025-09-01T00:00:00Z'),
      monthlyGbSecondsBefore: accountMonthlyGbSeconds([{ profile, stats }]),
    };
    const usage = observedLambdaUsage(profile, stats, 10_240, 0);
    const duration = monthlyLambdaCost({ ...usage, requests: 0 }, stats, profile, ctx).usd;
    expect(duration).toBeCloseTo(6e9 * 0.0000166667 + 4e9 * 0.000015, 0);
  });
});

function totals(
  functionId: string,
  billed: { mbMs?: number; unknownMemoryMs?: number; lastMemoryMb?: number },
): FunctionTotals {
  return {
    functionId,
    version: '',
    invocations: 1,
    errors: 0,
    timeouts: 0,
    coldStarts: 0,
    unknownStarts: 0,
    provisionedInits: 0,
    restores: 0,
    durationSumMs: 0,
    durationMaxMs: 0,
    durationBuckets: { indexes: [], counts: [] },
    initBuckets: { indexes: [], counts: [] },
    initDurationSumMs: 0,
    billedRestoreSumMs: 0,
    maxMemoryUsedMb: 0,
    billedMbMs: billed.mbMs ?? 0,
    billedMsKnownMemory: billed.lastMemoryMb ? (billed.mbMs ?? 0) / billed.lastMemoryMb : 0,
    billedMsUnknownMemory: billed.unknownMemoryMs ?? 0,
    unbilledInitMs: 0,
    lastMemorySizeMb: billed.lastMemoryMb ?? 0,
  };
}

const config = (functionId: string, c: Partial<FunctionConfig>) =>
  [functionId, { functionId, ...c } as FunctionConfig] as const;

describe(storedLambdaGbSeconds.name, () => {
  const stored = [
    // 1,024 GB-s billed at a known size; 2,000 s at the inventory's 2,048 MB.
    totals('aws_lambda~1~us-east-1~a', { mbMs: 1024 * 1_000_000 }),
    totals('aws_lambda~1~us-east-1~b', { unknownMemoryMs: 2_000_000 }),
    totals('aws_lambda~1~us-east-1~c', { mbMs: 1024 * 1_000_000 }),
    totals('aws_lambda~2~us-east-1~d', { mbMs: 1024 * 4_000_000 }),
    totals('aws_lambda~1~eu-west-1~e', { mbMs: 1024 * 8_000_000 }),
    totals('knative~1~us-east-1~f', { mbMs: 1024 * 16_000_000 }),
  ];
  const configs = new Map([
    config('aws_lambda~1~us-east-1~b', { memoryMb: 2048 }),
    config('aws_lambda~1~us-east-1~c', { architecture: 'arm64' }),
  ]);

  it('sums what each account billed per region and architecture, Lambda functions only', () => {
    const usage = storedLambdaGbSeconds(stored, configs, 'account');
    expect(usage('1', 'us-east-1', 'x86_64')).toBeCloseTo(1000 + 4000, 9);
    expect(usage('1', 'us-east-1', 'arm64')).toBeCloseTo(1000, 9);
    expect(usage('2', 'us-east-1', 'x86_64')).toBeCloseTo(4000, 9);
    expect(usage('1', 'eu-west-1', 'x86_64')).toBeCloseTo(8000, 9);
  });

  it('totals the accounts of an organization together', () => {
    const usage = storedLambdaGbSeconds(stored, configs, 'organization');
    expect(usage('1', 'us-east-1', 'x86_64')).toBeCloseTo(1000 + 4000 + 4000, 9);
    expect(usage('2', 'us-east-1', 'x86_64')).toBeCloseTo(1000 + 4000 + 4000, 9);
  });
});
