import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { FLEETSCOPE_VERSION } from '@fleetscope/dashboard';
import { CollectorHttpServer } from '@fleetscope/collector';
import { createHttpApp, listenHttpApp, runProcess } from '@fleetscope/server';
import { loadDemoFleet } from './demo/demo-fleet.loader';
import { FleetscopeModule } from './fleetscope.module';

// `npm run demo`: Fleetscope on its own data directory (rebuilt on every start), with the demo
// fleet loaded through its public ingest and API, and every page saying the data is a demo.
process.env.FLEETSCOPE_DEMO = 'true';
process.env.FLEETSCOPE_DATA_DIR ??= './data-demo';
if (!process.env.CLICKHOUSE_URL) {
  rmSync(process.env.FLEETSCOPE_DATA_DIR, { recursive: true, force: true });
}

runProcess('fleetscope-demo', async (config) => {
  const logger = new Logger('demo');
  const began = Date.now();
  const app = await createHttpApp(FleetscopeModule.forRoot(config), config, FLEETSCOPE_VERSION);
  const port = await listenHttpApp(app, config);
  const apiUrl = `http://${config.host}:${port}`;
  logger.log(`Fleetscope ${FLEETSCOPE_VERSION} (demo) started; loading the demo fleet…`);
  const summary = await loadDemoFleet(
    {
      apiUrl,
      ingestUrl: `http://${config.host}:${app.get(CollectorHttpServer).port}`,
      apiToken: config.apiToken,
      ingestToken: config.ingestToken,
    },
    Date.now(),
    (line) => logger.log(line),
  );
  logger.log(
    `Demo ready in ${((Date.now() - began) / 1000).toFixed(1)} s: ${summary.recommendations} recommendations` +
      `${summary.weeklyReport ? `, weekly report ${summary.weeklyReport}` : ''}. Open ${apiUrl}/ (Ctrl-C stops)`,
  );
  return app;
});
