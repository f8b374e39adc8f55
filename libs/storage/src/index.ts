export * from './client/storage.errors';
export * from './client/clickhouse-client.factory';
export { QueryGate, inBackgroundLane } from './client/query-lanes';
export * from './labels/demo-store.marker';
export * from './migrations/migration.renderer';
export * from './migrations/migration.runner';
export * from './migrations/migrations.path';
export * from './migrations/retention';
export * from './writer/ingest-writer';
export * from './writer/recent-keys';
export { firstOfEachInvocation } from './writer/encoded-batch';
export * from './storage.tokens';
export * from './storage.module';
export * from './repositories/functions.repository';
export * from './repositories/invocations.repository';
export * from './repositories/function-config.repository';
export * from './repositories/recommendations.repository';
export * from './repositories/ingest-requests.repository';
export * from './repositories/analysis-inputs.repository';
export * from './repositories/function-batches';
export * from './repositories/tuning-jobs.repository';
export {
  chosenSourceRows,
  minutesRead,
  RANGE_TABLES,
  rangeParams,
  rowsForRange,
} from './repositories/minute-source.sql';
export { minuteRangeRowsOf, type SeveralSourceDays } from './repositories/range-rows';
export { KeptDays } from './repositories/kept-days';
export * from './writer/flush-journal';
export * from './writer/ingest-log';
export * from './client/read-barrier';
export * from './writer/aggregate-repair';
export * from './repositories/weekly-reports.repository';
export * from './repositories/function-settings.repository';
export * from './validation/storable-rows.validator';
