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
import type { Config } from '@fleetscope/config';
import { openClickHouse, type ClickHouseHandle } from './client/clickhouse-client.factory';
import { MigrationRunner, readMigrations } from './migrations/migration.runner';
import { MIGRATIONS_DIR } from './migrations/migrations.path';
import { applyRetention } from './migrations/retention';
import { IngestWriter } from './writer/ingest-writer';
import { CLICKHOUSE, FLEETSCOPE_CONFIG } from './storage.tokens';
import { FunctionsRepository } from './repositories/functions.repository';
import { InvocationsRepository } from './repositories/invocations.repository';
import { FunctionConfigRepository } from './repositories/function-config.repository';
import { RecommendationsRepository } from './repositories/recommendations.repository';
import { IngestRequestsRepository } from './repositories/ingest-requests.repository';
import { AnalysisInputsRepository } from './repositories/analysis-inputs.repository';
import { WeeklyReportsRepository } from './repositories/weekly-reports.repository';

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
    logger?.log(
      `ClickHouse ${handle.mode}, database ${handle.database}: ${report.applied.length} migration(s) applied, ${report.skipped.length} already in place`,
    );
    return handle;
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
    return {
      module: StorageModule,
      global: true,
      providers: [
        { provide: FLEETSCOPE_CONFIG, useValue: config },
        {
          provide: CLICKHOUSE,
          useFactory: () => openAndMigrate(config, new Logger('Storage')),
        },
        {
          provide: IngestWriter,
          inject: [CLICKHOUSE],
          useFactory: async (handle: ClickHouseHandle) => {
            const writer = new IngestWriter(handle.client, {
              maxQueueBytes: config.queueMaxBytes,
              flushIntervalMs: config.flushIntervalMs,
              flushRows: config.flushRows,
            });
            await writer.seedRecentInvocations();
            return writer;
          },
        },
        StorageLifecycle,
        FunctionsRepository,
        FunctionConfigRepository,
        InvocationsRepository,
        RecommendationsRepository,
        AnalysisInputsRepository,
        WeeklyReportsRepository,
        {
          provide: IngestRequestsRepository,
          inject: [CLICKHOUSE],
          useFactory: async (handle: ClickHouseHandle) => {
            const requests = new IngestRequestsRepository(handle);
            await requests.load();
            return requests;
          },
        },
      ],
      exports: [
        FLEETSCOPE_CONFIG,
        CLICKHOUSE,
        IngestWriter,
        FunctionsRepository,
        InvocationsRepository,
        FunctionConfigRepository,
        RecommendationsRepository,
        IngestRequestsRepository,
        AnalysisInputsRepository,
        WeeklyReportsRepository,
      ],
    };
  }
}
