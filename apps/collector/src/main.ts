import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, warnUnreadEnv, type Config } from '@fleetscope/config';
import { nestOptions, runProcess } from '@fleetscope/server';
import { StorageModule } from '@fleetscope/storage';
import { CollectorModule } from './collector.module';

@Module({})
class CollectorAppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: CollectorAppModule,
      imports: [ConfigModule.forRoot(config), StorageModule.forRoot(config), CollectorModule],
    };
  }
}

// A misspelt variable keeps its setting's default: say so before the config is read.
warnUnreadEnv('collector');

/** The collector alone (docker-compose runs it so, on a ClickHouse server). */
runProcess('collector', async (config) => {
  const app = await NestFactory.createApplicationContext(
    CollectorAppModule.forRoot(config),
    nestOptions(config),
  );
  await app.init();
  return app;
});
