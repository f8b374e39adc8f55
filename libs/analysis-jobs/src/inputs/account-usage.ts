import type { AnalysisContext, FunctionAnalysisInput } from '@fleetscope/analysis';
import { monthlyFactor } from '@fleetscope/analysis';

type MonthlyGbSecondsBefore = NonNullable<AnalysisContext['monthlyGbSecondsBefore']>;

/**
 * On-demand GB-seconds per month each (account, region, architecture) uses across the Lambda
 * functions of the run, so marginal prices sit in the tier the account really reaches
 * (Lambda's duration tiers are per account, region and architecture).
 */
export function accountMonthlyGbSeconds(
  inputs: readonly FunctionAnalysisInput[],
  grouping: 'account' | 'organization' = 'account',
): MonthlyGbSecondsBefore {
  // An Organization's consolidated bill totals the tiers across its accounts.
  const accountKey = (account: string) => (grouping === 'organization' ? '*' : account);
  const totals = new Map<string, number>();
  for (const { profile, stats } of inputs) {
    if (profile.platform !== 'aws_lambda') continue;
    let mbMs = 0;
    for (const m of stats.byMemory) mbMs += m.durationSumMs * m.memoryMb;
    const gbSeconds = (mbMs / 1024 / 1000) * monthlyFactor(stats.windowStartMs, stats.windowEndMs);
    if (!(gbSeconds > 0)) continue;
    const key = `${accountKey(profile.account)}|${profile.region}|${profile.architecture}`;
    totals.set(key, (totals.get(key) ?? 0) + gbSeconds);
  }
  return (account, region, architecture) =>
    totals.get(`${accountKey(account)}|${region}|${architecture}`) ?? 0;
}
