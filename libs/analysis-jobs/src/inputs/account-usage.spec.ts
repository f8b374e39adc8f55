import type { FunctionAnalysisInput } from '@fleetscope/analysis';
import { accountMonthlyGbSeconds } from './account-usage';

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
});
