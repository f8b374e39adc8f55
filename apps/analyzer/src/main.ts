import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, warnUnreadEnv, type Config } from '@fleetscope/config';
import { nestOptions, runProcess } from '@fleetscope/server';
import { StorageModule } from '@fleetscope/storage';
import { AnalyzerModule } from './analyzer.module';

@Module({})
class AnalyzerAppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AnalyzerAppModule,
      imports: [ConfigModule.forRoot(config), StorageModule.forRoot(config), AnalyzerModule],
    };
  }
}

// A misspelt variable keeps its setting's default: say so before the config is read.
warnUnreadEnv('analyzer');

/** The analyzer alone (docker-compose runs it so, on a ClickHouse server). */
runProcess('analyzer', async (config) => {
  const app = await NestFactory.createApplicationContext(
    AnalyzerAppModule.forRoot(config),
    nestOptions(config),
  );
  await app.init();
  return app;
});
