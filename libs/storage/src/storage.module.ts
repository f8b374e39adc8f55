import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { join, resolve } from 'node:path';
import type { Config } from '@fleetscope/config';
import { openClickHouse, type ClickHouseHandle } from './client/clickhouse-client.factory';
import { MigrationRunner, readMigrations } from './migrations/migration.runner';
import { untilReachable } from './migrations/until-reachable';
import { MIGRATIONS_DIR } from './migrations/migrations.path';
import { applyRetention, pruneAnalysisRuns } from './migrations/retention';
import { IngestWriter } from './writer/ingest-writer';
import { openIngestLog } from './writer/ingest-log';
import { ReadBarrier, behindReadBarrier, withoutReadBarrier } from './client/read-barrier';
import { FlushJournal } from './writer/flush-journal';
import { rebuildChosenHours, repairAggregates } from './writer/aggregate-repair';
import { CLICKHOUSE } from './storage.tokens';
import { FunctionsRepository } from './repositories/functions.repository';
import { InvocationsRepository } from './repositories/invocations.repository';
import { FunctionConfigRepository } from './repositories/function-config.repository';
import { RecommendationsRepository } from './repositories/recommendations.repository';
import { IngestRequestsRepository } from './repositories/ingest-requests.repository';
import { AnalysisInputsRepository } from './repositories/analysis-inputs.repository';
import { TuningJobsRepository } from './repositories/tuning-jobs.repository';
import { WeeklyReportsRepository } from './repositories/weekly-reports.repository';
import { FunctionSettingsRepository } from './repositories/function-settings.repository';
import { StoreLabel } from './labels/demo-store.marker';

export async function openAndMigrate(
  config: Config,
  logger?: Pick<Logger, 'log'>,
): Promise<ClickHouseHandle> {
  const handle = await openClickHouse(config);
  try {
    const options = {
      cluster: config.clickhouseCluster,
      database: handle.database,
      rawRetentionDays: config.rawRetentionDays,
      aggregateRetentionDays: config.aggregateRetentionDays,
    };
    const runner = new MigrationRunner(handle.client, options, (message) => logger?.log(message));
    const report = await runner.run(readMigrations(MIGRATIONS_DIR));
    const altered = await applyRetention(handle.client, options);
    if (altered.length > 0) logger?.log(`retention changed on ${altered.join(', ')}`);
    if (await pruneAnalysisRuns(handle.client, options)) {
      logger?.log(`analysis runs older than ${options.aggregateRetentionDays} days deleted`);
    }
    logger?.log(
      `ClickHouse ${handle.mode}, database ${handle.database}: ${report.applied.length} migration(s) applied, ${report.skipped.length} already in place`,
    );
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The pause between two tries of a ClickHouse server that does not answer at start. */
const REACH_PAUSE_MS = 2_000;

/**
 * openAndMigrate for an app: a ClickHouse server that cannot be reached yet (a host's reboot
 * starts the apps beside it, compose starts them together) is tried again every 2 s for as long as
 * it takes, a line each time naming the URL and why, instead of the app exiting 1 and relying on
 * a restart loop; senders were refused meanwhile. What cannot pass by itself (a server that is not
 * ClickHouse, a failed migration, the embedded engine's data directory in use) is thrown at once.
 */
export function openWhenReachable(
  config: Config,
  logger: Pick<Logger, 'log' | 'warn'>,
): Promise<ClickHouseHandle> {
  return untilReachable(() => openAndMigrate(config, logger), {
    attempts: config.clickhouseUrl ? Infinity : 1,
    pauseMs: REACH_PAUSE_MS,
    onRetry: (error, attempt) =>
      logger.warn(
        `${error.message}; trying again in ${REACH_PAUSE_MS / 1000} s (attempt ${attempt + 1})`,
      ),
  });
}

/**
 * The flush journal of this process (FLEETSCOPE_DATA_DIR/flush-journal), after rebuilding from
 * the raw rows the aggregate of every flush an unclean stop interrupted, before anything new is
 * written or read.
 */
export async function repairUncleanFlushes(
  handle: ClickHouseHandle,
  config: Pick<Config, 'dataDir' | 'clickhouseCluster'>,
  logger?: Pick<Logger, 'log'>,
): Promise<FlushJournal> {
  const journal = openFlushJournal(config);
  await repairInterrupted(handle, journal, journal.pending(), config, logger);
  return journal;
}

function openFlushJournal(config: Pick<Config, 'dataDir'>): FlushJournal {
  return new FlushJournal(join(resolve(config.dataDir), 'flush-journal'));
}

/** Rebuilds the aggregate of `interrupted` (journal.pending() as a start found it). */
async function repairInterrupted(
  handle: ClickHouseHandle,
  journal: FlushJournal,
  interrupted: ReturnType<FlushJournal['pending']>,
  config: Pick<Config, 'clickhouseCluster'>,
  logger?: Pick<Logger, 'log'>,
): Promise<void> {
  for (const { file, window } of interrupted) {
    await repairAggregates(handle.client, window, { cluster: config.clickhouseCluster });
    journal.end(file);
  }
  if (interrupted.length > 0) {
    logger?.log(
      `aggregate rebuilt from the raw rows for ${interrupted.length} interrupted flush(es)`,
    );
  }
}

/**
 * The ingest writer as a process starts it, before it acknowledges or serves anything: what an
 * unclean stop left in the ingest log is stored, then the windows its interrupted flushes left are
 * rebuilt (docs/ingest-log.md, "Start-up").
 */
export async function startIngestWriter(
  handle: ClickHouseHandle,
  config: Pick<
    Config,
    | 'dataDir'
    | 'clickhouseCluster'
    | 'ingestLog'
    | 'queueMaxBytes'
    | 'flushIntervalMs'
    | 'drainIntervalMs'
    | 'flushRows'
  >,
  logger: Pick<Logger, 'log' | 'warn'> = new Logger('Storage'),
): Promise<IngestWriter> {
  const journal = openFlushJournal(config);
  const interrupted = journal.pending();
  const log = config.ingestLog
    ? openIngestLog(join(resolve(config.dataDir), 'ingest-log'), logger)
    : undefined;
  const writer = new IngestWriter(handle.client, {
    maxQueueBytes: config.queueMaxBytes,
    flushIntervalMs: config.flushIntervalMs,
    drainIntervalMs: config.drainIntervalMs,
    flushRows: config.flushRows,
    journal,
    chooseSources: (window) =>
      rebuildChosenHours(handle.client, window, {
        cluster: config.clickhouseCluster,
      }),
    log,
    rawInsert: handle.rawInsert,
    // The collector's LoggedFactsKeeper; a process without one keeps the replayed facts logged.
    factsKeeperExpected: true,
  });
  try {
    await writer.seedRecentInvocations();
    // Before anything is acknowledged or read: what an unclean stop left in the log is
    // stored, then the windows its interrupted flushes left are rebuilt. In this order:
    // a replayed insert dropped as a repeat still feeds the views that had not stored
    // their rows, and the rebuild from the minute rows replaces what they add.
    const replayed = await writer.replayLog();
    if (replayed > 0) logger.log(`${replayed} batch(es) stored from the ingest log`);
    await repairInterrupted(handle, journal, interrupted, config, logger);
  } catch (error) {
    // A start that fails leaves no writer retrying into the log (what it holds stays there).
    await writer.close();
    throw error;
  }
  return writer;
}

/**
 * A start-up step on the open handle; when it fails the handle is closed, because Nest shuts down
 * nothing of an application that failed to build, and chDB allows one open data directory per
 * process (a left-open engine would refuse the next start).
 */
async function closingOnFailure<T>(handle: ClickHouseHandle, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Flushes pending writes before the client closes, whatever the order modules are torn down in. */
@Injectable()
class StorageLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Storage');

  constructor(
    @Inject(CLICKHOUSE) private readonly handle: ClickHouseHandle,
    private readonly writer: IngestWriter,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.writer.close();
    this.logger.log('pending writes flushed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
    this.logger.log('ClickHouse closed');
  }
}

@Global()
@Module({})
export class StorageModule {
  static forRoot(config: Config): DynamicModule {
    const barrier = new ReadBarrier();
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: CLICKHOUSE,
          useFactory: async () =>
            behindReadBarrier(await openWhenReachable(config, new Logger('Storage')), barrier),
        },
        {
          provide: IngestWriter,
          inject: [CLICKHOUSE],
          useFactory: (barriered: ClickHouseHandle) =>
            closingOnFailure(barriered, async () => {
              const logger = new Logger('Storage');
              // The writer's own statements are what reads wait for: they skip the barrier.
              const handle = { ...barriered, client: withoutReadBarrier(barriered.client) };
              const writer = await startIngestWriter(handle, config, logger);
              barrier.attach(writer);
              return writer;
            }),
        },
        StorageLifecycle,
        { provide: StoreLabel, useFactory: () => StoreLabel.of(config) },
        FunctionsRepository,
        FunctionConfigRepository,
        InvocationsRepository,
        RecommendationsRepository,
        AnalysisInputsRepository,
        TuningJobsRepository,
        WeeklyReportsRepository,
        FunctionSettingsRepository,
        {
          provide: IngestRequestsRepository,
          // After the writer: the keys of batches replayed from the ingest log are loaded too.
          inject: [CLICKHOUSE, IngestWriter],
          useFactory: (handle: ClickHouseHandle) =>
            closingOnFailure(handle, async () => {
              const requests = new IngestRequestsRepository(handle);
              await requests.load();
              return requests;
            }),
        },
      ],
      exports: [
        CLICKHOUSE,
        StoreLabel,
        IngestWriter,
        FunctionsRepository,
        InvocationsRepository,
        FunctionConfigRepository,
        RecommendationsRepository,
        IngestRequestsRepository,
        AnalysisInputsRepository,
        TuningJobsRepository,
        WeeklyReportsRepository,
        FunctionSettingsRepository,
      ],
    };
  }
}
