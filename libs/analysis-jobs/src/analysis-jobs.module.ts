import { Module } from '@nestjs/common';
import { defaultAnalyzers } from '@fleetscope/analysis';
import type { Config } from '@fleetscope/config';
import { FLEETSCOPE_CONFIG } from '@fleetscope/storage';
import { ANALYZERS, PRICE_CATALOGUE } from './analysis-jobs.tokens';
import { ColdStartsService } from './cold-starts/cold-starts.service';
import { analyzerSettings } from './pricing/analyzer-settings';
import { configuredCatalogue } from './pricing/configured-catalogue';
import { AnalysisRunner } from './runner/analysis.runner';
import { WeeklyReportsService } from './reports/weekly-reports.service';

/**
 * Analyses over stored data: the run (inputs → analyzers → stored recommendations) and the
 * cold-start report. Storage comes from the global StorageModule; the analyzer app schedules
 * runs, the dashboard serves them.
 */
@Module({
  providers: [
    {
      provide: PRICE_CATALOGUE,
      inject: [FLEETSCOPE_CONFIG],
      useFactory: (config: Config) => configuredCatalogue(config),
    },
    {
      provide: ANALYZERS,
      inject: [FLEETSCOPE_CONFIG],
      useFactory: (config: Config) => defaultAnalyzers(analyzerSettings(config)),
    },
    AnalysisRunner,
    ColdStartsService,
    WeeklyReportsService,
  ],
  exports: [AnalysisRunner, ColdStartsService, WeeklyReportsService, PRICE_CATALOGUE],
})
export class AnalysisJobsModule {}
