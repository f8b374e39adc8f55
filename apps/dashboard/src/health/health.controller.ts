import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLICKHOUSE, type ClickHouseHandle } from '@fleetscope/storage';
import { FLEETSCOPE_CONFIG, FLEETSCOPE_VERSION, type Config } from '@fleetscope/config';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  clickhouse: { mode: string; ok: boolean };
  version: string;
  /**
   * Where the collector takes telemetry, as configured (FLEETSCOPE_OTLP_HTTP_PORT,
   * FLEETSCOPE_OTLP_GRPC_PORT): the empty fleet page names them. null for port 0, where the
   * system picks one.
   */
  collector: { otlpHttpPort: number | null; otlpGrpcPort: number | null };
  /** Added by DemoLabelInterceptor, as to every answer, when the store holds the demo fleet. */
  demo?: true;
}

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseHandle,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @ApiOperation({ summary: "Liveness, ClickHouse reachability and the collector's ports" })
  async health(): Promise<HealthResponse> {
    let ok = false;
    try {
      ok = (await this.clickhouse.client.ping()).success;
    } catch {
      ok = false;
    }
    return {
      status: ok ? 'ok' : 'degraded',
      clickhouse: { mode: this.clickhouse.mode, ok },
      version: FLEETSCOPE_VERSION,
      collector: {
        otlpHttpPort: this.config.otlpHttpPort || null,
        otlpGrpcPort: this.config.otlpGrpcPort || null,
      },
    };
  }
}
