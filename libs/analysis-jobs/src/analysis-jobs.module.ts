import { Module } from '@nestjs/common';
import { defaultAnalyzers } from '@fleetscope/analysis';
import { ENV, FLEETSCOPE_CONFIG, parseTargetList, type Config } from '@fleetscope/config';
import { PricingService, type PriceCatalogue } from '@fleetscope/pricing';
import { ANALYZERS, PRICE_CATALOGUE } from './analysis-jobs.tokens';
import { ColdStartsService } from './cold-starts/cold-starts.service';
import { analyzerSettings } from './pricing/analyzer-settings';
import { KeepAliveReplayService } from './keep-alive/keep-alive-replay.service';
import { configuredCatalogue } from './pricing/configured-catalogue';
import { AnalysisRunner } from './runner/analysis.runner';
import {
  KnativeTuningDriver,
  LambdaTuningDriver,
  OpenFaasTuningDriver,
} from '@fleetscope/tuning-drivers';
import { TUNING_DRIVERS } from './tuning/tuning.tokens';
import { TuningJobsService } from './tuning/tuning-jobs.service';
import { TuningJobExecutor } from './tuning/tuning-job.executor';
import { LambdaTierReader } from './tuning/lambda-tier.reader';
import { WeeklyReportsService } from './reports/weekly-reports.service';
import { ReportDeliveryService } from './reports/delivery/report-delivery.service';
import { ReportMetrics } from './reports/delivery/report-metrics';

/**
 * Analyses over stored data: the run (inputs → analyzers → stored recommendations), the
 * cold-start report, and memory-tuning jobs (the API's service and the executor). Storage comes
 * from the global StorageModule; the analyzer app schedules runs, the dashboard serves them.
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
    KeepAliveReplayService,
    ReportMetrics,
    ReportDeliveryService,
    // Tuning drivers, one per platform (the AWS SDK honours AWS_ENDPOINT_URL_LAMBDA).
    {
      provide: TUNING_DRIVERS,
      inject: [FLEETSCOPE_CONFIG],
      useFactory: (config: Config) => [
        new LambdaTuningDriver(undefined, { totalMs: config.tuningRestoreRetrySeconds * 1000 }),
        new OpenFaasTuningDriver(
          // The scrapers' names, so a job files its evidence under the same function id.
          parseTargetList(ENV.openfaasGateways.name, config.openfaasGateways, (url) => url.host),
        ),
        new KnativeTuningDriver(
          config.kubernetesApiUrl
            ? {
                apiUrl: config.kubernetesApiUrl,
                tokenFile: config.kubernetesTokenFile,
                caFile: config.kubernetesCaFile,
              }
            : undefined,
          config.knativeCluster,
        ),
      ],
    },
    TuningJobsService,
    LambdaTierReader,
    TuningJobExecutor,
  ],
  exports: [
    AnalysisRunner,
    ColdStartsService,
    WeeklyReportsService,
    KeepAliveReplayService,
    ReportDeliveryService,
    ReportMetrics,
    PRICE_CATALOGUE,
    PricingService,
    TuningJobsService,
    TuningJobExecutor,
  ],
})
export class AnalysisJobsModule {}
