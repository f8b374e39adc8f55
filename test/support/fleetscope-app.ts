import { createServer } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Config } from '@fleetscope/config';
import { InventoryRecorder } from '@fleetscope/collector';
import { FLEETSCOPE_VERSION } from '@fleetscope/dashboard';
import { createHttpApp } from '@fleetscope/server';
import { CLICKHOUSE, IngestWriter, type ClickHouseHandle } from '@fleetscope/storage';
import { rmSync } from 'node:fs';
import { FleetscopeModule } from '@fleetscope/fleetscope';
import { testConfig } from './test-clickhouse';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

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
 * The real all-in-one Fleetscope (collector, analyzer, dashboard) on free loopback ports and a
 * fresh embedded ClickHouse, exactly as `npm start` wires it.
 */
export async function startFleetscope(
  env: Record<string, string> = {},
): Promise<RunningFleetscope> {
  const [http, otlpHttp, otlpGrpc] = [await freePort(), await freePort(), await freePort()];
  const config = testConfig({
    FLEETSCOPE_HTTP_PORT: String(http),
    FLEETSCOPE_OTLP_HTTP_PORT: String(otlpHttp),
    FLEETSCOPE_OTLP_GRPC_PORT: String(otlpGrpc),
    FLEETSCOPE_LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await createHttpApp(FleetscopeModule.forRoot(config), config, FLEETSCOPE_VERSION);
  await app.listen(config.httpPort, config.host);
  const writer = app.get(IngestWriter);
  return {
    app,
    config,
    ingestUrl: `http://127.0.0.1:${otlpHttp}`,
    grpcAddress: `127.0.0.1:${otlpGrpc}`,
    apiUrl: `http://127.0.0.1:${http}`,
    clickhouse: app.get<ClickHouseHandle>(CLICKHOUSE),
    flush: async () => {
      await app.get(InventoryRecorder).flush();
      await writer.flush();
    },
    stop: async () => {
      await app.close();
      if (!config.clickhouseUrl) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
