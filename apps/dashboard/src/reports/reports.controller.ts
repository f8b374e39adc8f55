import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InvalidWeekError, WeeklyReportsService } from '@fleetscope/analysis-jobs';
import {
  REPORT_FORMATS,
  isReportFormat,
  renderReport,
  type WeeklyReport,
} from '@fleetscope/reports';
import { StorageUnavailableError } from '@fleetscope/storage';

function asBadRequest(error: unknown): never {
  if (error instanceof InvalidWeekError) throw new BadRequestException(error.message);
  if (error instanceof StorageUnavailableError) {
    throw new ServiceUnavailableException(error.message);
  }
  throw error;
}

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: WeeklyReportsService) {}

  @Post('weekly')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Builds (or rebuilds) the weekly cost report of an ISO week, e.g. {"week":"2026-W48"}',
  })
  async build(@Body() body: unknown): Promise<WeeklyReport> {
    const week = (body as { week?: unknown } | null)?.week;
    if (week === undefined) throw new BadRequestException('week: required, e.g. "2026-W48"');
    try {
      return await this.reports.build(WeeklyReportsService.week(week).label);
    } catch (error) {
      asBadRequest(error);
    }
  }

  @Get()
  @ApiOperation({ summary: 'Every built week, newest first, with its deliveries and links' })
  async list() {
    const weeks = await this.reports.list();
    return {
      reports: weeks.map((r) => ({
        week: r.week,
        from: new Date(r.fromMs).toISOString(),
        to: new Date(r.toMs).toISOString(),
        builtAt: new Date(r.builtAtMs).toISOString(),
        catalogueVersion: r.catalogueVersion,
        totalCostUsd: r.totalCostUsd,
        previousTotalCostUsd: r.previousTotalCostUsd,
        coverageStatus: r.coverageStatus,
        deliveries: r.deliveries.map((d) => ({ ...d, at: new Date(d.atMs).toISOString() })),
        links: Object.fromEntries(
          REPORT_FORMATS.map((f) => [f, `/api/reports/${r.week}?format=${f}`]),
        ),
      })),
    };
  }

  @Get(':week')
  @ApiOperation({ summary: 'A built week as JSON (the contract), HTML, Markdown or FOCUS 1.2 CSV' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiQuery({ name: 'download', required: false, description: '1: as an attachment' })
  async get(
    @Param('week') week: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format = 'json',
    @Query('download') download?: string,
  ): Promise<string> {
    if (!isReportFormat(format)) {
      throw new BadRequestException(
        `format: expected one of ${REPORT_FORMATS.join(', ')}, got "${format}"`,
      );
    }
    let report: WeeklyReport | undefined;
    try {
      report = await this.reports.get(week);
    } catch (error) {
      asBadRequest(error);
    }
    if (!report) {
      throw new NotFoundException(
        `no report for ${week}: build it with POST /api/reports/weekly {"week":"${week}"}`,
      );
    }
    const rendered = renderReport(report, format);
    void reply.header('content-type', rendered.contentType);
    if (download === '1') {
      void reply.header('content-disposition', `attachment; filename="${rendered.fileName}"`);
    }
    return rendered.body;
  }
}
