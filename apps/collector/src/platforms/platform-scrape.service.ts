import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import type { ScrapeIngestResult } from '@fleetscope/ingest';
import type { FunctionMinuteRow, MetricPointRow } from '@fleetscope/model';
import { IngestWriter } from '@fleetscope/storage';
import { IngestPipeline } from '../http/ingest.pipeline';
import { IngestMetrics } from '../telemetry/ingest-metrics';
import { HttpGetError, httpGet } from './http-get';
import { PlatformDiffers } from './platform-differs';
import { PerTargetRuns } from './per-target-runs';
import { endpointOf, PlatformTargets, type PlatformTarget } from './platform-targets';
import { TargetHealth } from './target-health';

export type ScrapePlatform = 'openfaas' | 'knative';

/** What one scrape of one target gave. */
export interface TargetScrapeReport {
  platform: ScrapePlatform;
  /** The gateway name or the Knative cluster. */
  label: string;
  url: string;
  ok: boolean;
  /** 'baseline' for a first scrape (no rows yet), 'interval' once there is a previous one. */
  kind?: 'baseline' | 'interval';
  functionMinutes: number;
  metricPoints: number;
  error?: { reason: string; message: string };
}

export interface ScrapeReport {
  targets: TargetScrapeReport[];
  functionMinutes: number;
  metricPoints: number;
  /** Set when the rows could not be stored (write queue full, storage down). */
  storeError?: string;
}

/** One polled endpoint: a gateway's /metrics or a Knative metrics URL. */
interface ScrapeTarget {
  platform: ScrapePlatform;
  target: PlatformTarget;
  url: URL;
  /** Names the target in logs and keys its runs and its health. */
  key: string;
}

/** What one target's scrape gave, and whether its rows were stored. */
interface TargetRound {
  report: TargetScrapeReport;
  storeError?: string;
}

/**
 * Polls every configured OpenFaaS gateway's `/metrics` and Knative metrics URL each
 * FLEETSCOPE_SCRAPE_INTERVAL_SECONDS and stores what happened between two scrapes as per-minute
 * function rows, with the gauges (replicas, pods) as metric points. Each target is scraped and
 * stored on its own schedule: one that answers slowly or not at all (cut at the request deadline,
 * counted, and logged when its state changes) skips only its own rounds; the others go on.
 */
@Injectable()
export class PlatformScrapeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PlatformScrape');
  private readonly health = new TargetHealth(this.logger);
  private readonly runs = new PerTargetRuns();
  private readonly scrapeTargets: ScrapeTarget[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    targets: PlatformTargets,
    private readonly differs: PlatformDiffers,
    private readonly writer: IngestWriter,
    private readonly metrics: IngestMetrics,
    private readonly pipeline: IngestPipeline,
  ) {
    const entry = (platform: ScrapePlatform, target: PlatformTarget, url: URL): ScrapeTarget => ({
      platform,
      target,
      url,
      key: `${platform} ${target.label} ${target.shown}`,
    });
    this.scrapeTargets = [
      ...targets.gateways.map((g) => entry('openfaas', g, endpointOf(g.url, 'metrics'))),
      ...targets.knativeEndpoints.map((k) => entry('knative', k, k.url)),
    ];
  }

  onApplicationBootstrap(): void {
    if (this.scrapeTargets.length === 0) return;
    // The first scrape is a baseline; taking it now makes data flow one interval sooner.
    for (const t of this.scrapeTargets) this.runs.tick(t.key, (signal) => this.round(t, signal));
    this.timer = setInterval(() => {
      for (const t of this.scrapeTargets) this.runs.tick(t.key, (signal) => this.round(t, signal));
    }, this.config.scrapeIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.runs.stop();
  }

  /** Scrapes every target once, each after its own scrape already running; never rejects. */
  async scrapeOnce(): Promise<ScrapeReport> {
    const rounds = await Promise.all(
      this.scrapeTargets.map((t) => this.runs.run(t.key, (signal) => this.round(t, signal))),
    );
    const report: ScrapeReport = {
      targets: rounds.map((r) => r.report),
      functionMinutes: rounds.reduce((sum, r) => sum + r.report.functionMinutes, 0),
      metricPoints: rounds.reduce((sum, r) => sum + r.report.metricPoints, 0),
    };
    const storeError = rounds.find((r) => r.storeError !== undefined)?.storeError;
    if (storeError !== undefined) report.storeError = storeError;
    return report;
  }

  /** Scrapes one target and stores its rows; never rejects. */
  private async round(t: ScrapeTarget, signal: AbortSignal): Promise<TargetRound> {
    const functionMinutes: FunctionMinuteRow[] = [];
    const metricPoints: MetricPointRow[] = [];
    let undo: (() => void) | undefined;
    let report: TargetScrapeReport;
    try {
      report = await this.scrapeTarget(t, signal, functionMinutes, metricPoints, (u) => {
        undo = u;
      });
    } catch (error) {
      this.logger.error(`${t.key}: scrape failed: ${(error as Error).message}`);
      return {
        report: {
          ...this.emptyReport(t),
          error: { reason: 'failed', message: (error as Error).message },
        },
      };
    }
    if (!report.ok) return { report };
    try {
      // A scraped endpoint is input like any other: its rows pass the same screen.
      await this.writer.write(
        this.pipeline.screen('scrape', { functionMinutes, metricPoints }).batch,
      );
      this.health.ok('storage');
      this.count(report);
      return { report };
    } catch (error) {
      // The differ takes this scrape back: the next round diffs against the scrape before, so
      // the interval is counted then, once.
      undo?.();
      const message = (error as Error).message;
      if (report.functionMinutes + report.metricPoints > 0)
        this.metrics.rejected(`${report.platform}_scrape`, 'storage');
      this.health.failed('storage', 'storage', `scraped rows not stored: ${message}`);
      return { report, storeError: message };
    }
  }

  private emptyReport(t: ScrapeTarget): TargetScrapeReport {
    return {
      platform: t.platform,
      label: t.target.label,
      url: t.target.shown,
      ok: false,
      functionMinutes: 0,
      metricPoints: 0,
    };
  }

  private async scrapeTarget(
    t: ScrapeTarget,
    signal: AbortSignal,
    functionMinutes: FunctionMinuteRow[],
    metricPoints: MetricPointRow[],
    setUndo: (undo: () => void) => void,
  ): Promise<TargetScrapeReport> {
    const { platform, target, url, key } = t;
    const report = this.emptyReport(t);
    let text: string;
    try {
      const response = await httpGet(url, {
        timeoutMs: Math.min(10_000, this.config.scrapeIntervalSeconds * 1000),
        maxBytes: this.config.maxBodyBytes,
        headers: { accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1' },
        signal,
      });
      text = response.body;
    } catch (error) {
      // Stopped by shutdown: not the target's failure.
      if (signal.aborted)
        return { ...report, error: { reason: 'aborted', message: 'shutting down' } };
      const reason = error instanceof HttpGetError ? error.reason : 'unreachable';
      return this.fail(report, key, reason, (error as Error).message);
    }
    const timeMs = this.differs.timeFor(key);
    const result: ScrapeIngestResult =
      platform === 'openfaas'
        ? this.differs.openfaas.ingest({ gateway: target.label, timeMs, text })
        : this.differs.knative.ingest({
            cluster: target.label,
            target: target.shown,
            timeMs,
            text,
          });
    if (result.parseErrorCount > 0) {
      this.metrics.rejected(`${platform}_scrape`, 'bad_line', result.parseErrorCount);
    }
    if (!result.ok) return this.fail(report, key, result.reason, result.message);
    for (const row of result.rows) functionMinutes.push(row);
    for (const point of result.gauges) metricPoints.push(point);
    setUndo(() =>
      platform === 'openfaas'
        ? this.differs.openfaas.undo({ gateway: target.label, timeMs })
        : this.differs.knative.undo({ cluster: target.label, target: target.shown, timeMs }),
    );
    this.health.ok(key);
    return {
      ...report,
      ok: true,
      kind: result.kind,
      functionMinutes: result.rows.length,
      metricPoints: result.gauges.length,
    };
  }

  private fail(
    report: TargetScrapeReport,
    key: string,
    reason: string,
    message: string,
  ): TargetScrapeReport {
    this.metrics.rejected(`${report.platform}_scrape`, reason);
    this.health.failed(key, reason, `scrape failed (${reason}): ${message}`);
    return { ...report, error: { reason, message } };
  }

  private count(r: TargetScrapeReport): void {
    this.metrics.accepted(`${r.platform}_scrape_function_minutes`, r.functionMinutes);
    this.metrics.accepted(`${r.platform}_scrape_metric_points`, r.metricPoints);
  }
}
