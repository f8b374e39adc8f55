import { Module } from '@nestjs/common';
import { defaultAnalyzers } from '@fleetscope/analysis';
import type { Config } from '@fleetscope/config';
import { PricingService, type PriceCatalogue } from '@fleetscope/pricing';
import { FLEETSCOPE_CONFIG } from '@fleetscope/storage';
import { ANALYZERS, PRICE_CATALOGUE } from './analysis-jobs.tokens';
import { ColdStartsService } from './cold-starts/cold-starts.service';
import { analyzerSettings } from './pricing/analyzer-settings';
import { configuredCatalogue } from './pricing/configured-catalogue';
import { AnalysisRunner } from './runner/analysis.runner';
import { WeeklyReportsService } from './reports/weekly-reports.service';
import { ReportDeliveryService } from './reports/delivery/report-delivery.service';
import { ReportMetrics } from './reports/delivery/report-metrics';

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
      provide: PricingService,
      inject: [PRICE_CATALOGUE],
      useFactory: (catalogue: PriceCatalogue) => new PricingService(catalogue),
    },
    {
      provide: ANALYZERS,
      inject: [FLEETSCOPE_CONFIG],
      useFactory: (config: Config) => defaultAnalyzers(analyzerSettings(config)),
    },
    AnalysisRunner,
    ColdStartsService,
    WeeklyReportsService,
    ReportMetrics,
    ReportDeliveryService,
  ],
  exports: [
    AnalysisRunner,
    ColdStartsService,
    WeeklyReportsService,
    ReportDeliveryService,
    ReportMetrics,
    PRICE_CATALOGUE,
    PricingService,
  ],
})
export class AnalysisJobsModule {}
