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

/**
 * Polls every configured OpenFaaS gateway's `/metrics` and Knative metrics URL each
 * FLEETSCOPE_SCRAPE_INTERVAL_SECONDS and stores what happened between two scrapes as per-minute
 * function rows, with the gauges (replicas, pods) as metric points. A target that fails is counted
 * and logged when its state changes; the others go on.
 */
@Injectable()
export class PlatformScrapeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PlatformScrape');
  private readonly health = new TargetHealth(this.logger);
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly targets: PlatformTargets,
    private readonly differs: PlatformDiffers,
    private readonly writer: IngestWriter,
    private readonly metrics: IngestMetrics,
    private readonly pipeline: IngestPipeline,
  ) {}

  onApplicationBootstrap(): void {
    if (this.targets.gateways.length + this.targets.knativeEndpoints.length === 0) return;
    // The first scrape is a baseline; taking it now makes data flow one interval sooner.
    void this.scrapeOnce();
    this.timer = setInterval(() => {
      if (!this.busy) void this.scrapeOnce();
    }, this.config.scrapeIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  /** Scrapes every target once, after any scrape already running; never rejects. */
  scrapeOnce(): Promise<ScrapeReport> {
    const run = this.chain.then(() => this.scrapeAll());
    this.chain = run;
    return run;
  }

  private async scrapeAll(): Promise<ScrapeReport> {
    this.busy = true;
    try {
      const functionMinutes: FunctionMinuteRow[] = [];
      const metricPoints: MetricPointRow[] = [];
      const undos: (() => void)[] = [];
      const reports = await Promise.all([
        ...this.targets.gateways.map((g) =>
          this.scrapeTarget(
            'openfaas',
            g,
            endpointOf(g.url, 'metrics'),
            functionMinutes,
            metricPoints,
            undos,
          ),
        ),
        ...this.targets.knativeEndpoints.map((k) =>
          this.scrapeTarget('knative', k, k.url, functionMinutes, metricPoints, undos),
        ),
      ]);
      const report: ScrapeReport = {
        targets: reports,
        functionMinutes: functionMinutes.length,
        metricPoints: metricPoints.length,
      };
      try {
        // A scraped endpoint is input like any other: its rows pass the same screen.
        await this.writer.write(
          this.pipeline.screen('scrape', { functionMinutes, metricPoints }).batch,
        );
        this.health.ok('storage');
        this.count(reports);
      } catch (error) {
        // The differs take these scrapes back: the next round diffs against the scrapes before,
        // so the intervals are counted then, once.
        for (const undo of undos) undo();
        const message = (error as Error).message;
        for (const r of reports) {
          if (r.functionMinutes + r.metricPoints > 0)
            this.metrics.rejected(`${r.platform}_scrape`, 'storage');
        }
        this.health.failed('storage', 'storage', `scraped rows not stored: ${message}`);
        report.storeError = message;
      }
      return report;
    } catch (error) {
      this.logger.error(`scrape round failed: ${(error as Error).message}`);
      return {
        targets: [],
        functionMinutes: 0,
        metricPoints: 0,
        storeError: (error as Error).message,
      };
    } finally {
      this.busy = false;
    }
  }

  private async scrapeTarget(
    platform: ScrapePlatform,
    target: PlatformTarget,
    url: URL,
    functionMinutes: FunctionMinuteRow[],
    metricPoints: MetricPointRow[],
    undos: (() => void)[],
  ): Promise<TargetScrapeReport> {
    const key = `${platform} ${target.label} ${target.shown}`;
    const report: TargetScrapeReport = {
      platform,
      label: target.label,
      url: target.shown,
      ok: false,
      functionMinutes: 0,
      metricPoints: 0,
    };
    let text: string;
    try {
      const response = await httpGet(url, {
        timeoutMs: Math.min(10_000, this.config.scrapeIntervalSeconds * 1000),
        maxBytes: this.config.maxBodyBytes,
        headers: { accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1' },
      });
      text = response.body;
    } catch (error) {
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
    undos.push(() =>
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

  private count(reports: TargetScrapeReport[]): void {
    for (const r of reports) {
      this.metrics.accepted(`${r.platform}_scrape_function_minutes`, r.functionMinutes);
      this.metrics.accepted(`${r.platform}_scrape_metric_points`, r.metricPoints);
    }
  }
}
