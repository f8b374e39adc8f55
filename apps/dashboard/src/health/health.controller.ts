import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { CLICKHOUSE, type ClickHouseHandle } from '@fleetscope/storage';
import { FLEETSCOPE_VERSION } from '@fleetscope/config';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseHandle,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and ClickHouse reachability' })
  async health(): Promise<{
    status: 'ok' | 'degraded';
    clickhouse: { mode: string; ok: boolean };
    version: string;
    /** Present and true when the data is the demo fleet (`npm run demo`). */
    demo?: true;
  }> {
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
      ...(this.config.demo ? { demo: true as const } : {}),
    };
  }
}
