import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLICKHOUSE, type ClickHouseHandle } from '@fleetscope/storage';
import { FLEETSCOPE_VERSION } from '@fleetscope/config';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  clickhouse: { mode: string; ok: boolean };
  version: string;
  /** Added by DemoLabelInterceptor, as to every answer, when the store holds the demo fleet. */
  demo?: true;
}

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseHandle) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and ClickHouse reachability' })
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
    };
  }
}
