import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokenGuard } from './auth/api-token.guard';
import { HealthController } from './health/health.controller';
import { FunctionsController } from './functions/functions.controller';
import { FleetService } from './functions/fleet.service';

/** The dashboard's REST API and pages on :8080. Storage comes from the global StorageModule. */
@Module({
  controllers: [HealthController, FunctionsController],
  providers: [FleetService, { provide: APP_GUARD, useClass: ApiTokenGuard }],
})
export class DashboardModule {}
