import { isIP } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { ENV, FLEETSCOPE_CONFIG, isWildcard, type Config } from '@fleetscope/config';
import {
  renderFocusCsv,
  renderHtml,
  renderMarkdown,
  renderSlackMessage,
  reportFileStem,
  signedUsd,
  unpricedNote,
  usd,
  type ReportLink,
  type WeeklyReport,
} from '@fleetscope/reports';
import { type DeliveryAttempt } from '@fleetscope/storage';
import { authorizedRequest } from '@fleetscope/tuning-drivers';
import { WeekInProgressError, WeeklyReportsService } from '../weekly-reports.service';
import { withRetries } from './delivery.retry';
import { REPORT_DELIVERIES, REPORT_DELIVERY_ATTEMPTS, ReportMetrics } from './report-metrics';

const WEBHOOK_TIMEOUT_MS = 10_000;
const NO_LINK = `Set ${ENV.reportBaseUrl.name} to the dashboard's public URL for a link to the full report.`;

/**
 * Sends a built report to the configured channels (a Slack-compatible webhook, SMTP e-mail), each
 * retried with exponential backoff; every outcome goes into the report history and the counters.
 */
@Injectable()
export class ReportDeliveryService implements OnApplicationBootstrap {
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

  /** Said once, at start: otherwise the first sign would be a delivered report without its link. */
  onApplicationBootstrap(): void {
    if (this.configured && this.linkBase === undefined) {
      this.logger.warn(
        `${ENV.reportBaseUrl.name} is unset and ${ENV.host.name} ${JSON.stringify(this.config.host)} is a wildcard listen address, not one a reader can open: delivered reports carry no link to the full report. ${NO_LINK}`,
      );
    }
  }

  /**
   * The dashboard's page of the week, which asks for the API token when there is one: the API's
   * own /api/reports/:week answers a browser 401 wherever FLEETSCOPE_API_TOKEN is set.
   */
  private link(week: string): ReportLink {
    const base = this.linkBase;
    if (base === undefined) return { missing: NO_LINK };
    return { url: `${base.replace(/\/+$/, '')}/reports.html?week=${encodeURIComponent(week)}` };
  }

  /**
   * FLEETSCOPE_REPORT_BASE_URL, else the address the dashboard listens on; none when that is a
   * wildcard (the image's 0.0.0.0): no link rather than one nobody can open.
   */
  private get linkBase(): string | undefined {
    if (this.config.reportBaseUrl) return this.config.reportBaseUrl;
    const { host, httpPort } = this.config;
    if (isWildcard(host)) return undefined;
    return `http://${isIP(host) === 6 ? `[${host}]` : host}:${httpPort}`;
  }

  async deliver(report: WeeklyReport): Promise<DeliveryAttempt[]> {
    // Built before the week ended: not the week's report (the API refuses before building it).
    if (report.complete === false) {
      throw new WeekInProgressError(
        `week: ${report.week} was built before it ended, with figures through ${report.through}: not delivered`,
      );
    }
    const channels: [string, () => Promise<void>][] = [];
    const webhook = this.config.reportWebhookUrl;
    if (webhook) channels.push(['webhook', () => this.postWebhook(webhook, report)]);
    const smtp = this.config.reportSmtpUrl;
    if (smtp) channels.push(['email', () => this.sendEmail(smtp, report)]);
    const attempts: DeliveryAttempt[] = [];
    for (const [channel, send] of channels) {
      const outcome = await withRetries(() => withoutUrlSecrets(send), {
        attempts: this.config.reportDeliveryAttempts,
        baseDelayMs: this.config.reportRetryBaseMs,
        onAttempt: (attempt, error) => {
          this.metrics.counters.inc(REPORT_DELIVERY_ATTEMPTS, {
            channel,
            outcome: error ? 'error' : 'ok',
          });
          if (error) {
            this.logger.warn(
              `${report.week} ${channel} attempt ${attempt} failed: ${(error as Error).message}`,
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
    // A credential in the URL goes as Basic auth: fetch refuses a URL that holds one.
    const response = await authorizedRequest(new URL(url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(renderSlackMessage(report, this.link(report.week))),
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
        subject: `${report.demo ? '[Demo] ' : ''}Fleetscope weekly cost report ${report.week}: ${usd(report.totalCostUsd)} (${signedUsd(change)}${unpricedNote(report) ? '; excludes unpriced usage' : ''})`,
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

/**
 * Runs `send`, failing with its error's text where every URL is cut to its origin: the text is
 * logged, stored and shown by GET /api/reports, and a URL's userinfo, like a Slack hook's path,
 * is a credential.
 */
async function withoutUrlSecrets(send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a certificate).
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const text = `${error instanceof Error ? error.message : JSON.stringify(error)}${cause ? ` (${cause})` : ''}`;
    throw new Error(text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, urlOrigin));
  }
}

function urlOrigin(text: string): string {
  try {
    const url = new URL(text);
    return url.host ? `${url.protocol}//${url.host}/…` : `${url.protocol}…`;
  } catch {
    return '(a URL)';
  }
}
