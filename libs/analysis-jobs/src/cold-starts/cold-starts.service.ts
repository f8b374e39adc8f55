import { Injectable } from '@nestjs/common';
import { PricingService } from '@fleetscope/pricing';
import {
  AnalysisInputsRepository,
  FunctionConfigRepository,
  FunctionSettingsRepository,
  FunctionsRepository,
  type ColdStartGroup,
  type TimeRange,
} from '@fleetscope/storage';
import { priceCuts, settingsInForce } from '../reports/weekly-report.inputs';
import { groupColdStarts, type ColdStartReport } from './cold-start.grouping';
import { runtimeTimelines, stretchesInForce } from './stretches-in-force';

/** GET /api/coldstarts: cold starts of a range, grouped, with their latency and cost. */
@Injectable()
export class ColdStartsService {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly extras: AnalysisInputsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly settings: FunctionSettingsRepository,
    private readonly pricing: PricingService,
  ) {}

  async report(
    range: TimeRange,
    groupBy: ColdStartGroup,
    nowMs = Date.now(),
  ): Promise<ColdStartReport> {
    const byHour = groupBy === 'hour';
    // The whole inventory is one small read, where binding the ids of 10,000 functions with cold
    // starts would cost more (as on the fleet page); so is the settings history, read up to now as
    // the weekly report reads it (the first observation may come after the range). Only the
    // runtime grouping reads the runtimes the records named.
    const [configs, timelines, runtimes] = await Promise.all([
      this.configs.merged(),
      settingsInForce(this.settings, range, nowMs),
      groupBy === 'runtime' ? this.extras.runtimeChanges(range) : [],
    ]);
    // Each row at the settings in force at its end, as the weekly report prices it. A memory size
    // in force stands only for rows that carry none: the functions whose size changed are cut
    // there only if they have such rows.
    const memoryChanged = [...timelines]
      .filter(
        ([, segments]) => priceCuts(segments, true).length > priceCuts(segments, false).length,
      )
      .map(([id]) => id);
    const unknownMemory = await this.functions.withUnknownMemory(range, memoryChanged);
    const stretches = stretchesInForce(timelines, runtimeTimelines(runtimes), range, unknownMemory);
    const [rows, extras] = await Promise.all([
      this.functions.coldStarts(range, byHour, stretches.splits),
      this.extras.coldStartExtras(range, byHour, stretches.splits),
    ]);
    return groupColdStarts(
      rows,
      extras,
      configs,
      groupBy,
      new Date(range.toMs),
      this.pricing,
      stretches.inForce,
    );
  }
}
