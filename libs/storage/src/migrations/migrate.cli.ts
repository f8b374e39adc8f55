import { ConfigError, loadConfig, warnUnreadEnv } from '@fleetscope/config';
import { openAndMigrate } from '../storage.module';
import { untilReachable } from './until-reachable';

/**
 * How long a ClickHouse server that does not answer yet is waited for: 30 tries, 2 s apart. The
 * embedded engine is opened once: what stops it (a data directory in use) does not pass by itself.
 */
const REACH = { attempts: 30, pauseMs: 2_000 };

/** `npm run migrate`: applies pending migrations to the configured ClickHouse and exits. */
async function main(): Promise<void> {
  warnUnreadEnv('migrate');
  const config = loadConfig();
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const handle = await untilReachable(() => openAndMigrate(config, { log }), {
    ...REACH,
    attempts: config.clickhouseUrl ? REACH.attempts : 1,
    onRetry: (error, attempt) =>
      log(
        `${error.message}; trying again in ${REACH.pauseMs / 1000} s (${attempt} of ${REACH.attempts})`,
      ),
  });
  await handle.close();
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`migrate: ${message}\n`);
  process.exit(1);
});
