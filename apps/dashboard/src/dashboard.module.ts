import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { OPENAPI_RESPONSES } from '@fleetscope/server';
import { ApiTokenGuard } from './auth/api-token.guard';
import { HealthController } from './health/health.controller';
import { FunctionsController } from './functions/functions.controller';
import { FleetService } from './functions/fleet.service';
import { AnalysisJobsModule } from '@fleetscope/analysis-jobs';
import { RecommendationsController } from './recommendations/recommendations.controller';
import { AnalysesController } from './analyses/analyses.controller';
import { ColdStartsController } from './coldstarts/coldstarts.controller';
import { DashboardPagesRegistrar } from './pages/dashboard-pages.registrar';
import { TuningJobsController } from './tuning/tuning-jobs.controller';
import { ReportsController } from './reports/reports.controller';
import { KeepAliveController } from './keepalive/keepalive.controller';
import { MetricsController } from './metrics/metrics.controller';
import { ApiRejections } from './metrics/api-rejections';
import { DemoLabelInterceptor } from './labels/demo-label.interceptor';
import { JsonInSlicesInterceptor } from './http/json-in-slices';
import { ReadsFirstInterceptor } from './http/reads-first.interceptor';
import { StorageUnavailableFilter } from './http/storage-unavailable.filter';
import { RESPONSE_SCHEMAS } from './openapi/response-schemas.generated';

/** The dashboard's REST API and pages on :8080. Storage comes from the global StorageModule. */
@Module({
  imports: [AnalysisJobsModule],
  controllers: [
    HealthController,
    FunctionsController,
    RecommendationsController,
    AnalysesController,
    ColdStartsController,
    TuningJobsController,
    ReportsController,
    KeepAliveController,
    MetricsController,
  ],
  providers: [
    FleetService,
    DashboardPagesRegistrar,
    ApiRejections,
    { provide: APP_GUARD, useClass: ApiTokenGuard },
    { provide: APP_INTERCEPTOR, useClass: ReadsFirstInterceptor },
    // The first sees the answer last: slices are written from what the others made of it.
    { provide: APP_INTERCEPTOR, useClass: JsonInSlicesInterceptor },
    { provide: APP_INTERCEPTOR, useClass: DemoLabelInterceptor },
    // ClickHouse out of reach: 503 with Retry-After on every route, not a bare 500.
    { provide: APP_FILTER, useClass: StorageUnavailableFilter },
    // The schemas of the answers, for the OpenAPI document (createHttpApp).
    { provide: OPENAPI_RESPONSES, useValue: RESPONSE_SCHEMAS },
  ],
})
export class DashboardModule {}
