import { isIP } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { ENV, FLEETSCOPE_CONFIG, isWildcard, type Config } from '@fleetscope/config';
import {
  coverageNote,
  renderFocusCsv,
  renderHtml,
  renderPlainText,
  renderSlackMessage,
  reportFileStem,
  signedUsd,
  unpricedNote,
  usd,
  type ReportLink,
  type WeeklyReport,
} from '@fleetscope/reports';
import { describeError, type DeliveryAttempt } from '@fleetscope/storage';
import { authorizedRequest } from '@fleetscope/tuning-drivers';
import { WeekInProgressError, WeeklyReportsService } from '../weekly-reports.service';
import { withRetries } from './delivery.retry';
import { REPORT_DELIVERIES, REPORT_DELIVERY_ATTEMPTS, ReportMetrics } from './report-metrics';

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * How long an SMTP attempt waits, as the webhook's does: for the connection, for the greeting,
 * and for the server to answer anything (nodemailer's own 2 and 10 minutes held a delivery, and
 * the request that asked for it, 10 minutes an attempt on a server that greets and then stalls).
 * Query parameters of FLEETSCOPE_REPORT_SMTP_URL (`?socketTimeout=60000`) override them.
 */
const SMTP_CONNECTION_TIMEOUT_MS = 10_000;
const SMTP_GREETING_TIMEOUT_MS = 10_000;
const SMTP_SOCKET_TIMEOUT_MS = 20_000;

/** The pending entry a delivery of `channel` started at `startedAtMs` stored, until its outcome. */
function isPendingOf(d: DeliveryAttempt, channel: string, startedAtMs: number): boolean {
  return d.channel === channel && d.status === 'pending' && d.atMs === startedAtMs;
}
/**
 * How long a shutdown waits for an attempt under way (a webhook answers within
 * WEBHOOK_TIMEOUT_MS) once retries have stopped; one cut short stays pending and is sent again at
 * the next start.
 */
const SHUTDOWN_WAIT_MS = 5_000;
const CHANNEL_VARIABLE: Record<string, string> = {
  webhook: ENV.reportWebhookUrl.name,
  email: ENV.reportSmtpUrl.name,
};
const NO_LINK = `Set ${ENV.reportBaseUrl.name} to the dashboard's public URL for a link to the full report.`;

/**
 * Sends a built report to the configured channels (a Slack-compatible webhook, SMTP e-mail), each
 * retried with exponential backoff; every outcome goes into the report history and the counters.
 * Each channel's delivery is stored as pending before its first attempt, so one the process does
 * not live to finish (a stop during the retries, a kill) is sent at the next start
 * (resumePending), and one stored as delivered is never sent again by it.
 */
@Injectable()
export class ReportDeliveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReportDelivery');
  /** Deliveries under way in this process, per week. */
  private readonly underWay = new Map<string, Set<Promise<unknown>>>();
  /** Ends the backoff waits under way (stop). */
  private readonly wakers = new Set<() => void>();
  private stopping?: Promise<void>;

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

  /**
   * Sends `report` to every configured channel (or those of `only` among them), but those of
   * `except`, storing each as pending first and its outcome once its attempts end. Stopped
   * (shutdown) between attempts, a channel stays pending, with the attempts made so far, and is
   * not in the answer.
   */
  deliver(
    report: WeeklyReport,
    only?: readonly string[],
    except: readonly string[] = [],
  ): Promise<DeliveryAttempt[]> {
    // Built before the week ended: not the week's report (the API refuses before building it).
    if (report.complete === false) {
      return Promise.reject(
        new WeekInProgressError(
          `week: ${report.week} was built before it ended, with figures through ${report.through}: not delivered`,
        ),
      );
    }
    const channels = this.channels(report).filter(
      ([channel]) => (!only || only.includes(channel)) && !except.includes(channel),
    );
    const delivery = this.deliverNow(report.week, channels);
    const week = this.underWay.get(report.week) ?? new Set();
    this.underWay.set(report.week, week.add(delivery));
    const forget = () => {
      week.delete(delivery);
      if (week.size === 0 && this.underWay.get(report.week) === week) {
        this.underWay.delete(report.week);
      }
    };
    void delivery.then(forget, forget);
    return delivery;
  }

  /**
   * The channels stored as delivered for `week`: a delivery stored so is never sent again
   * (README), whether asked by the API or by the schedule. Retrying a failed e-mail after the
   * webhook succeeded posted the same Slack message twice; a scheduled tick sent a week's webhook
   * again after an on-demand delivery.
   */
  async deliveredChannels(week: string): Promise<string[]> {
    const stored = await this.reports.stored(week);
    const delivered = (stored?.deliveries ?? []).filter((d) => d.status === 'delivered');
    return [...new Set(delivered.map((d) => d.channel))];
  }

  private channels(report: WeeklyReport): [string, () => Promise<void>][] {
    const channels: [string, () => Promise<void>][] = [];
    const webhook = this.config.reportWebhookUrl;
    if (webhook) channels.push(['webhook', () => this.postWebhook(webhook, report)]);
    const smtp = this.config.reportSmtpUrl;
    if (smtp) channels.push(['email', () => this.sendEmail(smtp, report)]);
    return channels;
  }

  /** The pending delivery of `channel` started at `startedAtMs`, with its attempts so far. */
  private async updatePending(
    week: string,
    channel: string,
    startedAtMs: number,
    failed: { attempts: number; error: string },
  ): Promise<void> {
    try {
      await this.reports.updateDeliveries(week, (deliveries) =>
        deliveries.map((d) =>
          isPendingOf(d, channel, startedAtMs)
            ? { ...d, attempts: failed.attempts, error: failed.error }
            : d,
        ),
      );
    } catch (error) {
      // The count is shown, not relied on: the retries go on.
      this.logger.warn(
        `${week} ${channel}: the attempts so far were not stored: ${describeError(error)}`,
      );
    }
  }

  private async deliverNow(
    week: string,
    channels: [string, () => Promise<void>][],
  ): Promise<DeliveryAttempt[]> {
    if (channels.length === 0) return [];
    const names = channels.map(([channel]) => channel);
    const startedAtMs = Date.now();
    // Before the first attempt, replacing what an earlier delivery of these channels left pending.
    await this.reports.updateDeliveries(week, (deliveries) => [
      ...deliveries.filter((d) => !(d.status === 'pending' && names.includes(d.channel))),
      ...names.map((channel): DeliveryAttempt => ({
        channel,
        status: 'pending',
        attempts: 0,
        error: null,
        atMs: startedAtMs,
      })),
    ]);
    const attempts: DeliveryAttempt[] = [];
    for (const [channel, send] of channels) {
      let failed: { attempts: number; error: string } | undefined;
      const outcome = await withRetries(() => withoutUrlSecrets(send), {
        attempts: this.config.reportDeliveryAttempts,
        baseDelayMs: this.config.reportRetryBaseMs,
        // Before waiting for the next attempt, the pending delivery says how many were made and
        // why the last failed: a delivery retrying for minutes read "0 attempts so far".
        sleep: async (ms) => {
          if (failed) await this.updatePending(week, channel, startedAtMs, failed);
          await this.pause(ms);
        },
        stopped: () => this.stopping !== undefined,
        onAttempt: (attempt, error) => {
          this.metrics.counters.inc(REPORT_DELIVERY_ATTEMPTS, {
            channel,
            outcome: error ? 'error' : 'ok',
          });
          if (error) {
            failed = { attempts: attempt, error: (error as Error).message };
            this.logger.warn(`${week} ${channel} attempt ${attempt} failed: ${failed.error}`);
          }
        },
      });
      const status = outcome.interrupted ? 'pending' : outcome.ok ? 'delivered' : 'failed';
      const attempt: DeliveryAttempt = {
        channel,
        status,
        attempts: outcome.attempts,
        error: outcome.error,
        atMs: outcome.interrupted ? startedAtMs : Date.now(),
      };
      // Stored as soon as it is known: a stop after it does not send it again.
      await this.reports.updateDeliveries(week, (deliveries) => {
        const mine = deliveries.findIndex((d) => isPendingOf(d, channel, startedAtMs));
        return mine < 0
          ? [...deliveries, attempt]
          : deliveries.map((d, i) => (i === mine ? attempt : d));
      });
      if (outcome.interrupted) {
        this.logger.warn(
          `${week} ${channel} delivery stopped by the shutdown after ${outcome.attempts} of ${this.config.reportDeliveryAttempts} attempts: it stays pending and is sent at the next start`,
        );
        continue;
      }
      this.metrics.counters.inc(REPORT_DELIVERIES, { channel, status });
      attempts.push(attempt);
      if (!outcome.ok) {
        this.logger.error(`${week} ${channel} delivery failed: ${outcome.error}`);
      }
    }
    return attempts;
  }

  /**
   * Sends, once, every stored complete week's delivery still pending on a configured channel: one
   * the process did not live to finish. A pending delivery of a channel no longer configured is
   * stored as failed, saying so. Called at start-up by the analyzer's report schedule.
   */
  async resumePending(): Promise<void> {
    const configured = new Set<string>();
    if (this.config.reportWebhookUrl) configured.add('webhook');
    if (this.config.reportSmtpUrl) configured.add('email');
    for (const stored of await this.reports.list()) {
      if (this.stopping) return;
      const pending = [
        ...new Set(stored.deliveries.filter((d) => d.status === 'pending').map((d) => d.channel)),
      ];
      if (pending.length === 0 || this.underWay.has(stored.week)) continue;
      try {
        const gone = pending.filter((channel) => !configured.has(channel));
        if (gone.length > 0) await this.abandon(stored.week, gone);
        const resumed = pending.filter((channel) => configured.has(channel));
        if (resumed.length === 0) continue;
        const report = await this.reports.get(stored.week);
        if (!report?.complete) continue;
        this.logger.log(
          `${stored.week} ${resumed.join(' and ')} delivery was cut short when the process stopped: sending it now`,
        );
        await this.deliver(report, resumed);
      } catch (error) {
        this.logger.error(
          `${stored.week} pending delivery failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private async abandon(week: string, channels: string[]): Promise<void> {
    await this.reports.updateDeliveries(week, (deliveries) =>
      deliveries.map((d) =>
        d.status === 'pending' && channels.includes(d.channel)
          ? {
              ...d,
              status: 'failed',
              error: `cut short when the process stopped, and ${CHANNEL_VARIABLE[d.channel] ?? d.channel} is no longer set: not sent again`,
            }
          : d,
      ),
    );
    this.logger.warn(
      `${week} ${channels.join(' and ')} delivery was cut short when the process stopped and is no longer configured: recorded as failed`,
    );
  }

  /**
   * Stops retrying (a delivery between attempts stays pending) and waits, at most
   * SHUTDOWN_WAIT_MS, for attempts under way to end and be stored.
   */
  stop(): Promise<void> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private async drain(): Promise<void> {
    for (const wake of [...this.wakers]) wake();
    const deliveries = [...this.underWay.values()].flatMap((week) => [...week]);
    if (deliveries.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), SHUTDOWN_WAIT_MS);
    });
    const ended = await Promise.race([Promise.allSettled(deliveries).then(() => true), waited]);
    clearTimeout(timer);
    if (!ended) {
      this.logger.warn(
        `a report delivery attempt did not end within ${SHUTDOWN_WAIT_MS / 1000} s of the shutdown: it stays pending and is sent again at the next start`,
      );
    }
  }

  /** A backoff wait that the shutdown ends early. */
  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
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
    const transport = createTransport({
      url: smtpUrl,
      connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
      greetingTimeout: SMTP_GREETING_TIMEOUT_MS,
      socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
    });
    try {
      const change = report.totalCostUsd - report.previousTotalCostUsd;
      // A gap in either week reads as a change in cost: the subject is all many readers see.
      const notes = [
        signedUsd(change),
        coverageNote(report),
        unpricedNote(report) ? 'excludes unpriced usage' : undefined,
      ].filter((note) => note !== undefined);
      await transport.sendMail({
        from: this.config.reportEmailFrom,
        to: this.config.reportEmailTo,
        // The report's own money format: toFixed(2) made a sub-cent week $0.00 and -$0.00.
        subject: `${report.demo ? '[Demo] ' : ''}Fleetscope weekly cost report ${report.week}: ${usd(report.totalCostUsd)} (${notes.join('; ')})`,
        html: renderHtml(report),
        text: renderPlainText(report),
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
