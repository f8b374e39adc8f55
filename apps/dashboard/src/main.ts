import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, warnUnreadEnv, type Config } from '@fleetscope/config';
import { createHttpApp, listenHttpApp, runProcess } from '@fleetscope/server';
import { StorageModule } from '@fleetscope/storage';
import { DashboardModule } from './dashboard.module';
import { FLEETSCOPE_VERSION } from '@fleetscope/config';

@Module({})
class DashboardAppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: DashboardAppModule,
      imports: [ConfigModule.forRoot(config), StorageModule.forRoot(config), DashboardModule],
    };
  }
}

// A misspelt variable keeps its setting's default: say so before the config is read.
warnUnreadEnv('dashboard');

/** The dashboard and API alone (docker-compose runs it so, on a ClickHouse server). */
runProcess('dashboard', async (config) => {
  const app = await createHttpApp(DashboardAppModule.forRoot(config), config, FLEETSCOPE_VERSION);
  await listenHttpApp(app, config);
  return app;
});
