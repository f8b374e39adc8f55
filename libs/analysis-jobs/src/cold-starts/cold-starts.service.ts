import { Injectable } from '@nestjs/common';
import { PricingService } from '@fleetscope/pricing';
import {
  AnalysisInputsRepository,
  FunctionConfigRepository,
  FunctionsRepository,
  type ColdStartGroup,
  type TimeRange,
} from '@fleetscope/storage';
import { groupColdStarts, type ColdStartReport } from './cold-start.grouping';

/** GET /api/coldstarts: cold starts of a range, grouped, with their latency and cost. */
@Injectable()
export class ColdStartsService {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly extras: AnalysisInputsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly pricing: PricingService,
  ) {}

  async report(range: TimeRange, groupBy: ColdStartGroup): Promise<ColdStartReport> {
    const byHour = groupBy === 'hour';
    const rows = await this.functions.coldStarts(range, byHour);
    const extras = await this.extras.coldStartExtras(range, byHour);
    const ids = [...new Set([...rows, ...extras].map((r) => r.functionId))];
    const configs = ids.length > 0 ? await this.configs.merged(ids) : new Map();
    return groupColdStarts(rows, extras, configs, groupBy, new Date(range.toMs), this.pricing);
  }
}
