import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { FLEETSCOPE_VERSION, warnUnreadEnv } from '@fleetscope/config';
import { CollectorHttpServer } from '@fleetscope/collector';
import { createHttpApp, listenHttpApp, runProcess } from '@fleetscope/server';
import { isDemoStore, markDemoStore } from '@fleetscope/storage';
import { loadDemoFleet } from './demo/demo-fleet.loader';
import { FleetscopeModule } from './fleetscope.module';

// `npm run demo`: Fleetscope on its own data directory (rebuilt on every start), with the demo
// fleet loaded through its public ingest and API. Its directory is marked as the demo's
// (markDemoStore), and whatever reads that store labels the data as demo (StoreLabel).
// It wipes its directory, so it only ever wipes one it made (marked) or an empty one, and it never
// writes into a ClickHouse server, which holds someone's real data.
const dataDir = (process.env.FLEETSCOPE_DATA_DIR ??= './data-demo');
if (process.env.CLICKHOUSE_URL) {
  process.stderr.write(
    'fleetscope-demo: the demo runs on embedded ClickHouse; unset CLICKHOUSE_URL\n',
  );
  process.exit(1);
}
if (
  existsSync(dataDir) &&
  readdirSync(dataDir).length > 0 &&
  !isDemoStore({ clickhouseUrl: undefined, dataDir })
) {
  process.stderr.write(
    `fleetscope-demo: FLEETSCOPE_DATA_DIR=${dataDir} holds data that is not the demo's; the demo rebuilds its directory on every start, so give it an empty one (default ./data-demo)\n`,
  );
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
markDemoStore(dataDir);

warnUnreadEnv('fleetscope-demo');
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
    `Demo ready in ${((Date.now() - began) / 1000).toFixed(1)} s: ${summary.recommendations} ${summary.recommendations === 1 ? 'recommendation' : 'recommendations'}` +
      `${summary.weeklyReport ? `, weekly report ${summary.weeklyReport}` : ''}. Open ${apiUrl}/ (Ctrl-C stops)`,
  );
  return app;
});
