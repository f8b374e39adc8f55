import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { parseFunctionId } from '@fleetscope/model';
import { FunctionConfigRepository, FunctionsRepository } from '@fleetscope/storage';
import type { LambdaTierPosition } from '@fleetscope/tuning';
import { storedLambdaGbSeconds } from '../inputs/account-usage';

/** 00:00 UTC on the first of the month holding `ms`: Lambda's tiers restart there. */
export function monthStartMs(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/**
 * Where a Lambda function's account stands in this month's duration tiers, from the stored
 * aggregates of the month up to `atMs`, grouped as FLEETSCOPE_PRICING_TIER_GROUPING says.
 */
@Injectable()
export class LambdaTierReader {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  async position(functionId: string, region: string, atMs: number): Promise<LambdaTierPosition> {
    const grouping = this.config.pricingTierGrouping;
    const account = parseFunctionId(functionId)?.account ?? '';
    const totals = await this.functions.totals({ fromMs: monthStartMs(atMs), toMs: atMs });
    const lambda = totals.filter((t) => parseFunctionId(t.functionId)?.platform === 'aws_lambda');
    const configs = await this.configs.merged(lambda.map((t) => t.functionId));
    const usage = storedLambdaGbSeconds(lambda, configs, grouping);
    return {
      grouping,
      account,
      monthToDateGbSeconds: (architecture) => usage(account, region, architecture),
      asOf: new Date(atMs).toISOString(),
    };
  }
}
