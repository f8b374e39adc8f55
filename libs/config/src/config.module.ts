import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from './config.schema';

/** Injection token of the process's one validated config (loadConfig). */
export const FLEETSCOPE_CONFIG = Symbol('FLEETSCOPE_CONFIG');

/**
 * Provides the config to every module of the process. Each app's root module imports it once,
 * beside StorageModule; nothing else provides FLEETSCOPE_CONFIG.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: FLEETSCOPE_CONFIG, useValue: config }],
      exports: [FLEETSCOPE_CONFIG],
    };
  }
}
