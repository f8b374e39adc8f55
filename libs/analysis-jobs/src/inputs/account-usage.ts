import type { AnalysisContext, FunctionAnalysisInput } from '@fleetscope/analysis';
import { monthlyFactor } from '@fleetscope/analysis';
import { parseFunctionId } from '@fleetscope/model';
import { billedGbSecondsOf, type FunctionBilled, type FunctionConfig } from '@fleetscope/storage';

type MonthlyGbSecondsBefore = NonNullable<AnalysisContext['monthlyGbSecondsBefore']>;
export type TierGrouping = 'account' | 'organization';

/**
 * Lambda's duration tiers are totalled per account, region and architecture; an Organization's
 * consolidated bill totals them across its accounts.
 */
function tierKey(grouping: TierGrouping, account: string, region: string, architecture: string) {
  return `${grouping === 'organization' ? '*' : account}|${region}|${architecture}`;
}

function lookup(
  totals: Map<string, number>,
  grouping: TierGrouping,
  own: ReadonlyMap<string, number> = new Map(),
): MonthlyGbSecondsBefore {
  return (account, region, architecture, functionId) =>
    Math.max(
      0,
      (totals.get(tierKey(grouping, account, region, architecture)) ?? 0) -
        (functionId === undefined ? 0 : (own.get(functionId) ?? 0)),
    );
}

/**
 * On-demand GB-seconds per month each (account, region, architecture) uses across the Lambda
 * functions of the run, so marginal prices sit in the tier the account really reaches: asked for
 * one function, without its own, which its cost then adds on top (with them, the only function of
 * an account at 10 B GB-s a month was priced from 10 B on: $142,101 for a $160,435 bill).
 */
export function accountMonthlyGbSeconds(
  inputs: readonly FunctionAnalysisInput[],
  grouping: TierGrouping = 'account',
): MonthlyGbSecondsBefore {
  const totals = new Map<string, number>();
  const own = new Map<string, number>();
  for (const { profile, stats } of inputs) {
    if (profile.platform !== 'aws_lambda') continue;
    let mbMs = 0;
    for (const m of stats.byMemory) mbMs += m.durationSumMs * m.memoryMb;
    const gbSeconds = (mbMs / 1024 / 1000) * monthlyFactor(stats.windowStartMs, stats.windowEndMs);
    if (!(gbSeconds > 0)) continue;
    const key = tierKey(grouping, profile.account, profile.region, profile.architecture);
    totals.set(key, (totals.get(key) ?? 0) + gbSeconds);
    own.set(profile.functionId, (own.get(profile.functionId) ?? 0) + gbSeconds);
  }
  return lookup(totals, grouping, own);
}

/**
 * The GB-seconds the stored Lambda functions were billed over the totals' range (the month to
 * date), per (account or Organization, region, architecture), each function at its inventory's
 * architecture and memory (x86_64 and the last size seen when the inventory has none). The
 * aggregate does not tell provisioned-concurrency invocations apart, so their duration counts too.
 */
export function storedLambdaGbSeconds(
  totals: readonly FunctionBilled[],
  configs: ReadonlyMap<string, FunctionConfig>,
  grouping: TierGrouping,
): MonthlyGbSecondsBefore {
  const sums = new Map<string, number>();
  for (const t of totals) {
    const identity = parseFunctionId(t.functionId);
    if (identity?.platform !== 'aws_lambda') continue;
    const config = configs.get(t.functionId);
    const memoryMb = config?.memoryMb ?? (t.lastMemorySizeMb > 0 ? t.lastMemorySizeMb : null);
    const gbSeconds = billedGbSecondsOf(t, memoryMb);
    if (!(gbSeconds > 0)) continue;
    const architecture = config?.architecture === 'arm64' ? 'arm64' : 'x86_64';
    const key = tierKey(grouping, identity.account, identity.region, architecture);
    sums.set(key, (sums.get(key) ?? 0) + gbSeconds);
  }
  return lookup(sums, grouping);
}
