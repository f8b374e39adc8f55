export * from './collector.module';
export * from './http/collector-http.server';
export * from './grpc/otlp-grpc.server';
export * from './telemetry/ingest-metrics';
export * from './platforms/platform-scrape.service';
export * from './inventory/inventory-sync.service';
export * from './lambda/inventory.recorder';
export * from './inventory/settings-history.recorder';
