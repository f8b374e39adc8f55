import {
  BadGatewayException,
  BadRequestException,
  Body,
  ConflictException,
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
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  InvalidWeekError,
  ReportDeliveryService,
  ReportMetrics,
  WeekInProgressError,
  WeeklyReportsService,
} from '@fleetscope/analysis-jobs';
import {
  REPORT_FORMATS,
  isReportFormat,
  renderReport,
  type ReportFormat,
  type WeeklyReport,
} from '@fleetscope/reports';
import { ENV } from '@fleetscope/config';
import { StorageUnavailableError, type DeliveryAttempt } from '@fleetscope/storage';

/** The answer's header naming the channels `"deliver": true` did not send again. */
export const DELIVERED_BEFORE_HEADER = 'Fleetscope-Delivered-Before';

const NO_CHANNEL_HINT = `${ENV.reportWebhookUrl.name} or ${ENV.reportSmtpUrl.name} (README, "Weekly cost reports")`;

/** The 502 of a delivery some channel of which failed: the report itself was built and stored. */
function deliveryFailed(week: string, failed: readonly DeliveryAttempt[]): string {
  const each = failed.map(
    (a) =>
      `${a.channel} failed after ${a.attempts} attempt${a.attempts === 1 ? '' : 's'}: ${a.error ?? 'no error given'}`,
  );
  return `${week}: the report was built and stored, but its delivery failed (${each.join('; ')}). GET /api/reports holds every outcome; "deliver": true again sends only the channels not delivered.`;
}

/** A built week of GET /api/reports. */
export interface WeeklyReportEntry {
  /** ISO week, e.g. 2026-W48. */
  week: string;
  /** The week's bounds and when it was built, ISO-8601. */
  from: string;
  to: string;
  /** False when it was built before the week ended: not the week's report. */
  complete: boolean;
  builtAt: string;
  catalogueVersion: string;
  totalCostUsd: number;
  previousTotalCostUsd: number;
  coverageStatus: string;
  /** Each attempt's time as epoch ms (atMs) and ISO-8601 (at). */
  deliveries: (DeliveryAttempt & { at: string })[];
  /** The report in each format. */
  links: Record<ReportFormat, string>;
}

export interface WeeklyReportListResponse {
  /** Newest first. */
  reports: WeeklyReportEntry[];
}

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: WeeklyReportsService,
    private readonly delivery: ReportDeliveryService,
    private readonly metrics: ReportMetrics,
  ) {}

  /** A 400 naming the field, counted; bad input never reaches storage. */
  private reject(field: string, message: string): never {
    this.metrics.rejected(field);
    throw new BadRequestException(message);
  }

  private fail(error: unknown): never {
    if (error instanceof InvalidWeekError) this.reject('week', error.message);
    if (error instanceof WeekInProgressError) {
      this.metrics.rejected('deliver');
      throw new ConflictException(error.message);
    }
    if (error instanceof StorageUnavailableError) {
      throw new ServiceUnavailableException(error.message);
    }
    throw error;
  }

  @Post('weekly')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Builds (or rebuilds) the weekly cost report of an ISO week, e.g. {"week":"2026-W48"}; with "deliver": true also sends it to the configured webhook and e-mail, those not delivered yet (the Fleetscope-Delivered-Before header names the ones skipped; "resend": true sends to every one again). A week that has not ended is built as far as it has happened, marked "complete": false, and never delivered (409 with "deliver": true)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['week'],
      properties: {
        week: {
          type: 'string',
          description: 'ISO week, e.g. 2026-W48',
          example: '2026-W48',
        },
        deliver: {
          type: 'boolean',
          default: false,
          description:
            'also send it to the configured webhook and e-mail not delivered yet (an ended week only)',
        },
        resend: {
          type: 'boolean',
          default: false,
          description: 'with deliver: send to every configured channel, delivered ones included',
        },
      },
    },
  })
  @ApiResponse({
    status: 400,
    description: 'week missing or not an ISO week, or deliver or resend not a boolean',
  })
  @ApiResponse({
    status: 409,
    description: 'deliver: true for a week that has not ended, or with no channel configured',
  })
  @ApiResponse({
    status: 502,
    description:
      'deliver: true and a channel failed after its attempts; the report was built and stored, and the message names each failed channel and why',
  })
  @ApiResponse({ status: 503, description: 'storage unavailable' })
  async build(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyReport> {
    const { week, deliver, resend } = (body ?? {}) as {
      week?: unknown;
      deliver?: unknown;
      resend?: unknown;
    };
    if (week === undefined) this.reject('week', 'week: required, e.g. "2026-W48"');
    if (deliver !== undefined && typeof deliver !== 'boolean') {
      this.reject('deliver', `deliver: expected true or false, got ${JSON.stringify(deliver)}`);
    }
    if (resend !== undefined && typeof resend !== 'boolean') {
      this.reject('resend', `resend: expected true or false, got ${JSON.stringify(resend)}`);
    }
    if (deliver && !this.delivery.configured) {
      // Answered 200 with nothing sent, a script asking for delivery read it as done.
      this.metrics.rejected('deliver');
      throw new ConflictException(
        `deliver: no delivery channel is configured; set ${NO_CHANNEL_HINT}`,
      );
    }
    let report: WeeklyReport;
    try {
      if (deliver) WeeklyReportsService.assertEnded(week);
      report = await this.reports.build(WeeklyReportsService.week(week).label, 'api');
    } catch (error) {
      this.fail(error);
    }
    if (deliver) {
      // A channel stored as delivered is not sent again (README), unless `resend` asks.
      let before: string[] = [];
      try {
        if (!resend) before = await this.delivery.deliveredChannels(report.week);
      } catch (error) {
        this.fail(error);
      }
      if (before.length > 0) void reply.header(DELIVERED_BEFORE_HEADER, before.join(', '));
      const failed = (await this.delivery.deliver(report, undefined, before)).filter(
        (attempt) => attempt.status === 'failed',
      );
      // Answered 200 when every channel failed, a script asking for delivery read it as done.
      if (failed.length > 0) throw new BadGatewayException(deliveryFailed(report.week, failed));
    }
    return report;
  }

  @Get()
  @ApiOperation({
    summary:
      'Every built week, newest first, with its deliveries and links; "complete": false for one built before it ended',
  })
  async list(): Promise<WeeklyReportListResponse> {
    const weeks = await this.reports.list();
    return {
      reports: weeks.map((r) => ({
        week: r.week,
        from: new Date(r.fromMs).toISOString(),
        to: new Date(r.toMs).toISOString(),
        // Built before the week ended: not the week's report.
        complete: r.complete,
        builtAt: new Date(r.builtAtMs).toISOString(),
        catalogueVersion: r.catalogueVersion,
        totalCostUsd: r.totalCostUsd,
        previousTotalCostUsd: r.previousTotalCostUsd,
        coverageStatus: r.coverageStatus,
        deliveries: r.deliveries.map((d) => ({ ...d, at: new Date(d.atMs).toISOString() })),
        links: Object.fromEntries(
          REPORT_FORMATS.map((f) => [f, `/api/reports/${r.week}?format=${f}`]),
        ) as Record<ReportFormat, string>,
      })),
    };
  }

  @Get(':week')
  @ApiOperation({ summary: 'A built week as JSON (the contract), HTML, Markdown or FOCUS 1.2 CSV' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiQuery({ name: 'download', required: false, description: '1: as an attachment' })
  // The JSON schema is the WeeklyReport of openapi/response-types.ts.
  @ApiOkResponse({
    description: 'format=json: the report (the contract); html, md and csv: the report rendered',
    content: {
      'text/html': { schema: { type: 'string' } },
      'text/markdown': { schema: { type: 'string' } },
      'text/csv': { schema: { type: 'string', description: 'FOCUS 1.2' } },
    },
  })
  @ApiResponse({ status: 400, description: 'week or format malformed; the message names it' })
  @ApiResponse({ status: 404, description: 'no report built for this week' })
  async get(
    @Param('week') week: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format = 'json',
    @Query('download') download?: string,
  ): Promise<string> {
    if (!isReportFormat(format)) {
      this.reject(
        'format',
        `format: expected one of ${REPORT_FORMATS.join(', ')}, got "${format}"`,
      );
    }
    let report: WeeklyReport | undefined;
    try {
      report = await this.reports.get(week);
    } catch (error) {
      this.fail(error);
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
