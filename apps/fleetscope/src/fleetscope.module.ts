import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type Config } from '@fleetscope/config';
import { StorageModule } from '@fleetscope/storage';
import { CollectorModule } from '@fleetscope/collector';
import { DashboardModule } from '@fleetscope/dashboard';
import { AnalyzerModule } from '@fleetscope/analyzer';

/**
 * Collector, analyzer and dashboard as modules of one process: embedded ClickHouse (chDB) allows
 * one data directory per process, so `npm start` runs them together on one engine.
 */
@Module({})
export class FleetscopeModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: FleetscopeModule,
      imports: [
        ConfigModule.forRoot(config),
        StorageModule.forRoot(config),
        CollectorModule,
        AnalyzerModule,
        DashboardModule,
      ],
    };
  }
}
