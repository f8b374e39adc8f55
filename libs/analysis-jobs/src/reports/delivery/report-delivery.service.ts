import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import {
  renderFocusCsv,
  renderHtml,
  renderMarkdown,
  renderSlackMessage,
  reportFileStem,
  signedUsd,
  usd,
  type WeeklyReport,
} from '@fleetscope/reports';
import { type DeliveryAttempt } from '@fleetscope/storage';
import { WeeklyReportsService } from '../weekly-reports.service';
import { withRetries } from './delivery.retry';
import { REPORT_DELIVERIES, REPORT_DELIVERY_ATTEMPTS, ReportMetrics } from './report-metrics';

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Sends a built report to the configured channels (a Slack-compatible webhook, SMTP e-mail), each
 * retried with exponential backoff; every outcome goes into the report history and the counters.
 */
@Injectable()
export class ReportDeliveryService {
  private readonly logger = new Logger('ReportDelivery');

  constructor(
    private readonly reports: WeeklyReportsService,
    private readonly metrics: ReportMetrics,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  /** Whether any channel is configured. */
  get configured(): boolean {
    return Boolean(this.config.reportWebhookUrl || this.config.reportSmtpUrl);
  }

  htmlUrl(week: string): string {
    const base = this.config.reportBaseUrl ?? `http://${this.config.host}:${this.config.httpPort}`;
    return `${base.replace(/\/+$/, '')}/api/reports/${week}?format=html`;
  }

  async deliver(report: WeeklyReport): Promise<DeliveryAttempt[]> {
    const channels: [string, () => Promise<void>][] = [];
    const webhook = this.config.reportWebhookUrl;
    if (webhook) channels.push(['webhook', () => this.postWebhook(webhook, report)]);
    const smtp = this.config.reportSmtpUrl;
    if (smtp) channels.push(['email', () => this.sendEmail(smtp, report)]);
    const attempts: DeliveryAttempt[] = [];
    for (const [channel, send] of channels) {
      const outcome = await withRetries(send, {
        attempts: this.config.reportDeliveryAttempts,
        baseDelayMs: this.config.reportRetryBaseMs,
        onAttempt: (attempt, error) => {
          this.metrics.counters.inc(REPORT_DELIVERY_ATTEMPTS, {
            channel,
            outcome: error ? 'error' : 'ok',
          });
          if (error) {
            this.logger.warn(
              `${report.week} ${channel} attempt ${attempt} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
            );
          }
        },
      });
      const status = outcome.ok ? 'delivered' : 'failed';
      this.metrics.counters.inc(REPORT_DELIVERIES, { channel, status });
      attempts.push({
        channel,
        status,
        attempts: outcome.attempts,
        error: outcome.error,
        atMs: Date.now(),
      });
      if (!outcome.ok) {
        this.logger.error(`${report.week} ${channel} delivery failed: ${outcome.error}`);
      }
    }
    if (attempts.length > 0) await this.reports.recordDeliveries(report.week, attempts);
    return attempts;
  }

  private async postWebhook(url: string, report: WeeklyReport): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(renderSlackMessage(report, this.htmlUrl(report.week))),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // Drain the body so the connection is released.
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`webhook answered ${response.status}: ${text.slice(0, 200)}`);
    }
  }

  private async sendEmail(smtpUrl: string, report: WeeklyReport): Promise<void> {
    const transport = createTransport(smtpUrl);
    try {
      const change = report.totalCostUsd - report.previousTotalCostUsd;
      await transport.sendMail({
        from: this.config.reportEmailFrom,
        to: this.config.reportEmailTo,
        // The report's own money format: toFixed(2) made a sub-cent week $0.00 and -$0.00.
        subject: `${report.demo ? '[Demo] ' : ''}Fleetscope weekly cost report ${report.week}: ${usd(report.totalCostUsd)} (${signedUsd(change)})`,
        html: renderHtml(report),
        text: renderMarkdown(report),
        attachments: [
          {
            filename: `${reportFileStem(report)}-focus.csv`,
            content: renderFocusCsv(report),
            contentType: 'text/csv',
          },
        ],
      });
    } finally {
      transport.close();
    }
  }
}
