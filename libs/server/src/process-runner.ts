import {
  ConsoleLogger,
  Logger,
  type INestApplicationContext,
  type LogLevel,
  type NestApplicationOptions,
} from '@nestjs/common';
import { ConfigError, ListenError, loadConfig, type Config } from '@fleetscope/config';
import { MigrationError, StorageError, assertDataDirFree } from '@fleetscope/storage';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(config: Config): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1);
}

/** The context Nest's ExceptionHandler logs an error under before its caller sees it. */
const NEST_EXCEPTION_HANDLER = 'ExceptionHandler';

/** Nest's console logger, without what its ExceptionHandler logs: the caller reports that. */
class ProcessLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === NEST_EXCEPTION_HANDLER) return;
    super.error(message, ...rest);
  }
}

/**
 * Nest's options for an application runProcess starts: an error in building it is thrown to the
 * caller (abortOnError false) and not logged first by Nest with its stack and cause, because
 * runProcess reports a failed start in one line (with the stack only for an unexpected error).
 */
export function nestOptions(config: Config): NestApplicationOptions {
  return { logger: new ProcessLogger({ logLevels: logLevels(config) }), abortOnError: false };
}

/**
 * Runs one Fleetscope process: loads the config (a bad value exits 1 naming the variable), starts
 * the application, and on SIGINT/SIGTERM closes it — servers stop accepting, pending writes are
 * flushed, ClickHouse is closed — then exits 0.
 */
export function runProcess(
  name: string,
  start: (config: Config) => Promise<INestApplicationContext>,
): void {
  const logger = new Logger(name);
  let config: Config;
  try {
    config = loadConfig();
    // Before Nest starts: its exception handler would print this with a stack trace.
    assertDataDirFree(config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StorageError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  start(config)
    .then((app) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.log(`${signal}: shutting down`);
        // A peer holding a connection open must not keep the process alive forever.
        setTimeout(() => {
          logger.error('shutdown took longer than 30 s; exiting');
          process.exit(1);
        }, 30_000).unref();
        app
          .close()
          .then(() => process.exit(0))
          .catch((error: unknown) => {
            logger.error(`shutdown failed: ${String(error)}`);
            process.exit(1);
          });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    })
    .catch((error: unknown) => {
      const message =
        error instanceof MigrationError ||
        error instanceof StorageError ||
        error instanceof ListenError
          ? error.message
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error);
      process.stderr.write(`${name}: failed to start: ${message}\n`);
      process.exit(1);
    });
}
