import { Module } from '@nestjs/common';
import { COLLECTOR_ROUTES, CollectorHttpServer } from './http/collector-http.server';
import { IngestPipeline } from './http/ingest.pipeline';
import { OtlpGrpcServer } from './grpc/otlp-grpc.server';
import { FirehoseRoutes } from './lambda/firehose.routes';
import { InventoryRecorder } from './lambda/inventory.recorder';
import { LambdaIngestRoutes } from './lambda/lambda-ingest.routes';
import { PlatformIngestHandler } from './lambda/platform-ingest.handler';
import { OtlpExportService } from './otlp/otlp-export.service';
import { OtlpHttpRoutes } from './otlp/otlp-http.routes';
import { IngestMetrics } from './telemetry/ingest-metrics';
import { InventorySyncService } from './inventory/inventory-sync.service';
import { SettingsHistoryRecorder } from './inventory/settings-history.recorder';
import { LoggedFactsKeeper } from './inventory/logged-facts.keeper';
import { KnativeInventorySource } from './inventory/knative-inventory.source';
import { LambdaInventorySource } from './inventory/lambda-inventory.source';
import { OpenFaasInventorySource } from './inventory/openfaas-inventory.source';
import { PlatformDiffers } from './platforms/platform-differs';
import { PlatformIngestRoutes } from './platforms/platform-ingest.routes';
import { PlatformScrapeService } from './platforms/platform-scrape.service';
import { PlatformTargets } from './platforms/platform-targets';

/**
 * The collector: OTLP/HTTP and platform ingest on :4318, OTLP/gRPC on :4317. Decoding lives in
 * @fleetscope/otlp and @fleetscope/ingest; this module wires transports to the write pipeline.
 */
@Module({
  providers: [
    IngestMetrics,
    IngestPipeline,
    InventoryRecorder,
    SettingsHistoryRecorder,
    LoggedFactsKeeper,
    PlatformIngestHandler,
    OtlpExportService,
    OtlpHttpRoutes,
    LambdaIngestRoutes,
    FirehoseRoutes,
    PlatformTargets,
    PlatformDiffers,
    PlatformIngestRoutes,
    PlatformScrapeService,
    LambdaInventorySource,
    OpenFaasInventorySource,
    KnativeInventorySource,
    InventorySyncService,
    {
      provide: COLLECTOR_ROUTES,
      inject: [OtlpHttpRoutes, LambdaIngestRoutes, FirehoseRoutes, PlatformIngestRoutes],
      useFactory: (...routes: unknown[]) => routes,
    },
    CollectorHttpServer,
    OtlpGrpcServer,
  ],
  exports: [IngestMetrics, IngestPipeline],
})
export class CollectorModule {}
