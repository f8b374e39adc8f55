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
    // Three independent reads at once; the whole inventory is one small read, where binding the
    // ids of 10,000 functions with cold starts would cost more (as on the fleet page).
    const [rows, extras, configs] = await Promise.all([
      this.functions.coldStarts(range, byHour),
      this.extras.coldStartExtras(range, byHour),
      this.configs.merged(),
    ]);
    return groupColdStarts(rows, extras, configs, groupBy, new Date(range.toMs), this.pricing);
  }
}
