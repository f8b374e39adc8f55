import { rmSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Config } from '@fleetscope/config';
import {
  CollectorHttpServer,
  InventoryRecorder,
  OtlpGrpcServer,
  SettingsHistoryRecorder,
} from '@fleetscope/collector';
import { FLEETSCOPE_VERSION } from '@fleetscope/config';
import { createHttpApp, listenHttpApp } from '@fleetscope/server';
import { CLICKHOUSE, IngestWriter, type ClickHouseHandle } from '@fleetscope/storage';
import { FleetscopeModule } from '@fleetscope/fleetscope';
import { testConfig } from './test-clickhouse';

export interface RunningFleetscope {
  app: NestFastifyApplication;
  config: Config;
  /** http://127.0.0.1:<port> of the collector (OTLP/HTTP and platform ingest). */
  ingestUrl: string;
  /** 127.0.0.1:<port> of OTLP/gRPC. */
  grpcAddress: string;
  /** http://127.0.0.1:<port> of the dashboard and API. */
  apiUrl: string;
  clickhouse: ClickHouseHandle;
  /** Waits until everything queued is stored. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real all-in-one Fleetscope (collector, analyzer, dashboard) and a fresh embedded
 * ClickHouse, exactly as `npm start` wires it. Every listener asks for port 0 and the ports are
 * read back, so nothing else on the machine (a Fleetscope on the default ports, a parallel
 * worker) can collide with it. A failed start closes what it opened: chDB allows one data
 * directory per process, so a left-open engine would fail every later file of the jest worker.
 */
export async function startFleetscope(
  env: Record<string, string> = {},
): Promise<RunningFleetscope> {
  const config = testConfig({
    FLEETSCOPE_HTTP_PORT: '0',
    FLEETSCOPE_OTLP_HTTP_PORT: '0',
    FLEETSCOPE_OTLP_GRPC_PORT: '0',
    FLEETSCOPE_LOG_LEVEL: 'warn',
    ...env,
  });
  const removeData = () => {
    if (!config.clickhouseUrl) rmSync(config.dataDir, { recursive: true, force: true });
  };
  let app: NestFastifyApplication;
  try {
    app = await createHttpApp(FleetscopeModule.forRoot(config), config, FLEETSCOPE_VERSION);
  } catch (error) {
    removeData();
    throw error;
  }
  let http: number;
  try {
    // listenHttpApp closes the app when it cannot listen.
    http = await listenHttpApp(app, config);
  } catch (error) {
    removeData();
    throw error;
  }
  const writer = app.get(IngestWriter);
  return {
    app,
    config,
    ingestUrl: `http://127.0.0.1:${app.get(CollectorHttpServer).port}`,
    grpcAddress: `127.0.0.1:${app.get(OtlpGrpcServer).port}`,
    apiUrl: `http://127.0.0.1:${http}`,
    clickhouse: app.get<ClickHouseHandle>(CLICKHOUSE),
    flush: async () => {
      await app.get(InventoryRecorder).flush();
      await writer.flush();
      await app.get(SettingsHistoryRecorder).flush();
    },
    stop: async () => {
      await app.close();
      removeData();
    },
  };
}

/** The JSON answer of an API path of `fleetscope`, which must answer 200. */
export async function getJson<T>(fleetscope: RunningFleetscope, path: string): Promise<T> {
  const response = await fetch(`${fleetscope.apiUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
