import { ConfigError, loadConfig } from '@fleetscope/config';
import { openAndMigrate } from '../storage.module';

/** `npm run migrate`: applies pending migrations to the configured ClickHouse and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openAndMigrate(config, {
    log: (message: string) => process.stdout.write(`${message}\n`),
  });
  await handle.close();
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`migrate: ${message}\n`);
  process.exit(1);
});
