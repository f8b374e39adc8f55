import { Inject, Injectable } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { functionIdPrefix, parseFunctionId } from '@fleetscope/model';
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
    // Only the functions that share the tiers: the account's in this region, or every Lambda's.
    const prefix =
      grouping === 'organization'
        ? functionIdPrefix({ platform: 'aws_lambda' })
        : functionIdPrefix({ platform: 'aws_lambda', account, region });
    const billed = await this.functions.billed({ fromMs: monthStartMs(atMs), toMs: atMs }, prefix);
    const configs = await this.configs.merged(billed.map((t) => t.functionId));
    const usage = storedLambdaGbSeconds(billed, configs, grouping);
    return {
      grouping,
      account,
      monthToDateGbSeconds: (architecture) => usage(account, region, architecture),
      asOf: new Date(atMs).toISOString(),
    };
  }
}
