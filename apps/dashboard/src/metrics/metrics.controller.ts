import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReportMetrics, TuningJobsService, WeeklyReportsService } from '@fleetscope/analysis-jobs';
import { gaugeLines } from '@fleetscope/server';
import { ApiRejections } from './api-rejections';

/** GET :8080/metrics: the dashboard process's counters in Prometheus text format. */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ReportMetrics,
    private readonly reports: WeeklyReportsService,
    private readonly tuning: TuningJobsService,
    private readonly apiRejections: ApiRejections,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  @ApiOperation({
    summary:
      'Report builds and deliveries, refused tuning requests, API requests answered 4xx, in Prometheus text format',
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } },
  })
  async render(): Promise<string> {
    // From the stored history too: deliveries the analyzer made in another process show here.
    const failed = new Map<string, number>();
    for (const week of await this.reports.list()) {
      const latest = new Map(week.deliveries.map((d) => [d.channel, d.status]));
      for (const [channel, status] of latest) {
        if (!failed.has(channel)) failed.set(channel, 0);
        if (status === 'failed') failed.set(channel, failed.get(channel)! + 1);
      }
    }
    const lines = [
      ...this.metrics.counters.lines(),
      ...this.tuning.counters.lines(),
      ...this.apiRejections.counters.lines(),
      ...gaugeLines(
        'fleetscope_report_weeks_with_failed_delivery',
        'Stored weeks whose latest delivery on a channel failed.',
        [...failed].map(([channel, value]) => ({ labels: { channel }, value })),
      ),
    ];
    return `${lines.join('\n')}\n`;
  }
}
