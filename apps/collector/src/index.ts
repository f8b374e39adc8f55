export * from './collector.module';
export * from './http/collector-http.server';
export * from './telemetry/ingest-metrics';
