import type { AnalysisContext, FunctionAnalysisInput } from '@fleetscope/analysis';
import { monthlyFactor } from '@fleetscope/analysis';
import { parseFunctionId } from '@fleetscope/model';
import { LambdaTierLedger, type LambdaTierGrouping } from '@fleetscope/pricing';
import { billedGbSecondsOf, type FunctionBilled, type FunctionConfig } from '@fleetscope/storage';

type MonthlyGbSecondsBefore = NonNullable<AnalysisContext['monthlyGbSecondsBefore']>;
export type TierGrouping = LambdaTierGrouping;

/**
 * Where Lambda totals the duration tiers is LambdaTierLedger's rule (per account, or across an
 * Organization, region and architecture); these sums are already one month's, so every place is
 * in the same month of the ledger.
 */
function placeOf(account: string, region: string, architecture: string) {
  return { account, region, architecture, dayStartMs: 0 };
}

/** Adds `gbSeconds` to the tier group of the place. */
function add(
  ledger: LambdaTierLedger,
  account: string,
  region: string,
  architecture: string,
  gbSeconds: number,
): void {
  ledger.price(placeOf(account, region, architecture), () => ({ onDemandGbSeconds: gbSeconds }));
}

function lookup(
  ledger: LambdaTierLedger,
  own: ReadonlyMap<string, number> = new Map(),
): MonthlyGbSecondsBefore {
  return (account, region, architecture, functionId) => {
    const total = ledger.price(placeOf(account, region, architecture), (used) => ({
      onDemandGbSeconds: 0,
      used,
    })).used;
    return Math.max(0, total - (functionId === undefined ? 0 : (own.get(functionId) ?? 0)));
  };
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
  const ledger = new LambdaTierLedger(grouping);
  const own = new Map<string, number>();
  for (const { profile, stats } of inputs) {
    if (profile.platform !== 'aws_lambda') continue;
    let mbMs = 0;
    for (const m of stats.byMemory) mbMs += m.durationSumMs * m.memoryMb;
    const gbSeconds = (mbMs / 1024 / 1000) * monthlyFactor(stats.windowStartMs, stats.windowEndMs);
    if (!(gbSeconds > 0)) continue;
    add(ledger, profile.account, profile.region, profile.architecture, gbSeconds);
    own.set(profile.functionId, (own.get(profile.functionId) ?? 0) + gbSeconds);
  }
  return lookup(ledger, own);
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
  const ledger = new LambdaTierLedger(grouping);
  for (const t of totals) {
    const identity = parseFunctionId(t.functionId);
    if (identity?.platform !== 'aws_lambda') continue;
    const config = configs.get(t.functionId);
    const memoryMb = config?.memoryMb ?? (t.lastMemorySizeMb > 0 ? t.lastMemorySizeMb : null);
    const gbSeconds = billedGbSecondsOf(t, memoryMb);
    if (!(gbSeconds > 0)) continue;
    const architecture = config?.architecture === 'arm64' ? 'arm64' : 'x86_64';
    add(ledger, identity.account, identity.region, architecture, gbSeconds);
  }
  return lookup(ledger);
}
