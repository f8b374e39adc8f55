export * from './client/storage.errors';
export * from './client/clickhouse-client.factory';
export * from './migrations/migration.renderer';
export * from './migrations/migration.runner';
export * from './migrations/migrations.path';
