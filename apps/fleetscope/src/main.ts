import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { FLEETSCOPE_VERSION, warnUnreadEnv } from '@fleetscope/config';
import { createHttpApp, listenHttpApp, runProcess } from '@fleetscope/server';
import { FleetscopeModule } from './fleetscope.module';

// A misspelt variable keeps its setting's default: say so before the config is read.
warnUnreadEnv('fleetscope');
runProcess('fleetscope', async (config) => {
  const app = await createHttpApp(FleetscopeModule.forRoot(config), config, FLEETSCOPE_VERSION);
  const port = await listenHttpApp(app, config);
  new Logger('fleetscope').log(
    `Fleetscope ${FLEETSCOPE_VERSION}: dashboard and API on http://${config.host}:${port}`,
  );
  return app;
});
