import { Inject, Injectable, Logger } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { PricingService } from '@fleetscope/pricing';
import {
  buildWeeklyReport,
  isWeekError,
  isoDate,
  parseIsoWeek,
  reportInputsFromMs,
  usd,
  utcMinute,
  type IsoWeek,
  type WeeklyReport,
} from '@fleetscope/reports';
import {
  FunctionConfigRepository,
  FunctionSettingsRepository,
  RecommendationsRepository,
  StoreLabel,
  WeeklyReportsRepository,
  type DeliveryAttempt,
  type StoredWeeklyReport,
} from '@fleetscope/storage';
import { ColdStartsService } from '../cold-starts/cold-starts.service';
import { REPORT_BUILDS, ReportMetrics } from './delivery/report-metrics';
import {
  WEEKLY_REPORT_ASSUMPTIONS,
  concurrencyLevels,
  minScalePodFunctions,
  provisionedInHistory,
  reportColdStartInputs,
  reportDailyUsage,
  reportFunction,
  reportRecommendationInputs,
  settingsSplits,
  settingsInForce,
  restoresBefore,
} from './weekly-report.inputs';

export class InvalidWeekError extends Error {}

/** Delivery of a week that has not ended: it can be built to look at, not sent as the week's report. */
export class WeekInProgressError extends Error {}

/** Builds weekly reports from stored data and keeps their history; the schedule and the API call it. */
@Injectable()
export class WeeklyReportsService {
  private readonly logger = new Logger('WeeklyReports');
  /** Per week, the last delivery update queued (updateDeliveries). */
  private readonly deliveryUpdates = new Map<string, Promise<void>>();

  constructor(
    private readonly reports: WeeklyReportsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly settings: FunctionSettingsRepository,
    private readonly recommendations: RecommendationsRepository,
    private readonly coldStarts: ColdStartsService,
    private readonly pricing: PricingService,
    private readonly metrics: ReportMetrics,
    private readonly store: StoreLabel,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  /** `2026-W48` → the week, or InvalidWeekError naming the problem. */
  static week(label: unknown): IsoWeek {
    const week = parseIsoWeek(label);
    if (isWeekError(week)) throw new InvalidWeekError(week.error);
    return week;
  }

  /**
   * Refuses (WeekInProgressError) to deliver a week before it has ended: its figures are not the
   * week's. The schedule delivers each week once it is over.
   */
  static assertEnded(label: unknown, nowMs = Date.now()): void {
    const week = WeeklyReportsService.week(label);
    if (week.toMs > nowMs) {
      throw new WeekInProgressError(
        `week: ${week.label} is in progress until ${utcMinute(week.toMs)}: it can be built to look at (without "deliver"), and is delivered once it has ended`,
      );
    }
  }

  /**
   * Builds the week from the aggregates and stores it, replacing an earlier build of that week. A
   * week that has not ended is built as far as it has happened and marked so (`complete: false`);
   * a build after its end replaces it.
   */
  async build(
    label: string,
    trigger: 'api' | 'schedule' = 'api',
    nowMs = Date.now(),
  ): Promise<WeeklyReport> {
    const week = WeeklyReportsService.week(label);
    // Nothing of it has happened: a report would say nothing was recorded as if something ran.
    if (week.fromMs > nowMs) {
      throw new InvalidWeekError(
        `week: ${week.label} has not started yet: it starts ${isoDate(week.fromMs)}`,
      );
    }
    let started = false;
    try {
      // First: a build the process dies during counts as begun (the scheduler's start-up catch-up).
      await this.reports.saveBuildStart(week.label, nowMs, trigger);
      started = true;
      const report = await this.buildWeek(week, nowMs);
      this.metrics.counters.inc(REPORT_BUILDS, { trigger, status: 'ok' });
      return report;
    } catch (error) {
      this.metrics.counters.inc(REPORT_BUILDS, { trigger, status: 'failed' });
      // Ended, unlike a build the process died during, which the catch-up builds again once.
      if (started) {
        await this.reports.saveBuildFailure(week.label, nowMs, trigger).catch((stored) => {
          this.logger.warn(`weekly report ${week.label}: ${(stored as Error).message}`);
        });
      }
      throw error;
    }
  }

  private async buildWeek(week: IsoWeek, nowMs: number): Promise<WeeklyReport> {
    const fromMs = reportInputsFromMs(week);
    // What has happened: every figure ends now, not at the end of the week (the report's
    // `through`). Rows dated later, from senders whose clocks run ahead, are not counted yet.
    const happened = { fromMs, toMs: Math.max(fromMs, Math.min(week.toMs, nowMs)) };
    // The whole inventory is one small read, and every function of the report is looked up in it.
    const [timelines, configs] = await Promise.all([
      settingsInForce(this.settings, happened, nowMs),
      this.configs.merged(),
    ]);
    // Restores before the first day read bill the snapshot cache into it: that day is the
    // previous week's month start, as few as 7 days before the week.
    const [stored, restored] = await Promise.all([
      this.reports.dailyUsage(happened, settingsSplits(timelines, configs)),
      restoresBefore(this.reports, happened),
    ]);
    // Min-scale pods run, and cost, on days without data too: every such function of the inventory.
    const kept = minScalePodFunctions(configs);
    const ids = [
      ...new Set([
        ...stored.map((r) => r.functionId),
        ...provisionedInHistory(timelines),
        ...kept,
        ...restored.map((r) => r.functionId),
      ]),
    ];
    const levels = concurrencyLevels(ids, configs, timelines, happened);
    // The week's cold starts as the cold-start page counts them: which had an init duration.
    const [concurrency, lifetimes, coldStarts] = await Promise.all([
      this.reports.dailyConcurrency(happened, levels),
      this.reports.podLifetimes(kept),
      this.coldStarts.report({ fromMs: week.fromMs, toMs: happened.toMs }, 'function', nowMs),
    ]);
    // A past week's report holds the advice of its time: the first run that finished after the
    // week, the one its Monday build lists (a rebuild after newer runs listed theirs); before any,
    // the latest, saying so.
    const after = await this.recommendations.firstRunFinishedFrom(week.toMs);
    const run = after ?? (await this.recommendations.latestRun());
    const recommendations = run ? await this.recommendations.list(run.runId) : [];
    const built = buildWeeklyReport(
      {
        week: week.label,
        functions: ids.map((id) => reportFunction(id, configs.get(id))),
        days: reportDailyUsage(
          stored,
          concurrency,
          configs,
          timelines,
          happened,
          lifetimes,
          restored,
        ),
        coldStarts: reportColdStartInputs(coldStarts.groups),
        recommendations: reportRecommendationInputs(recommendations),
        generatedAtMs: nowMs,
      },
      this.pricing,
      WEEKLY_REPORT_ASSUMPTIONS,
      this.config.pricingTierGrouping,
    );
    const report = this.labelled(
      run
        ? {
            ...built,
            recommendationsRun: {
              runId: run.runId,
              finishedAt: new Date(Number(run.finishedAtMs)).toISOString(),
              windowFrom: new Date(Number(run.windowFromMs)).toISOString(),
              windowTo: new Date(Number(run.windowToMs)).toISOString(),
              firstAfterWeek: after !== undefined,
            },
          }
        : built,
    );
    const previous = await this.reports.get(week.label);
    await this.reports.save(this.record(report, week, nowMs, previous?.deliveries ?? []));
    this.logger.log(
      `weekly report ${week.label}: ${usd(report.totalCostUsd)} over ${report.functions.length} ${report.functions.length === 1 ? 'function' : 'functions'}, coverage ${report.coverage.status}`,
    );
    return report;
  }

  /**
   * Replaces a stored week's deliveries with `change(deliveries)` (a new revision of the same
   * week); false when the week is not stored. One update of a week at a time in this process, so
   * two channels' outcomes do not each keep only their own.
   */
  updateDeliveries(
    label: string,
    change: (deliveries: DeliveryAttempt[]) => DeliveryAttempt[],
  ): Promise<boolean> {
    const update = (this.deliveryUpdates.get(label) ?? Promise.resolve()).then(async () => {
      const stored = await this.reports.get(label);
      if (!stored) return false;
      await this.reports.save({ ...stored, deliveries: change(stored.deliveries) });
      return true;
    });
    const settled = update.then(
      () => undefined,
      () => undefined,
    );
    this.deliveryUpdates.set(label, settled);
    void settled.then(() => {
      if (this.deliveryUpdates.get(label) === settled) this.deliveryUpdates.delete(label);
    });
    return update;
  }

  /**
   * When the last scheduled build the start-up catch-up counts as done began: one that stored its
   * week or failed, or the second of its week (WeeklyReportsRepository.lastBuildStartedAtMs).
   */
  lastBuildStartedAtMs(): Promise<number | undefined> {
    return this.reports.lastBuildStartedAtMs();
  }

  /** The stored weeks; `complete` false for one built before it ended (as its report says). */
  async list(): Promise<(Omit<StoredWeeklyReport, 'report'> & { complete: boolean })[]> {
    return (await this.reports.list()).map((r) => ({ ...r, complete: r.builtAtMs >= r.toMs }));
  }

  async get(label: string): Promise<WeeklyReport | undefined> {
    const week = WeeklyReportsService.week(label);
    const stored = await this.reports.get(week.label);
    if (!stored) return undefined;
    const report = JSON.parse(stored.report) as Partial<
      Pick<WeeklyReport, 'complete' | 'through'>
    > &
      Omit<WeeklyReport, 'complete' | 'through'>;
    // Reports stored before idle min-scale pods, or a week's completeness, were reported hold
    // neither: a build at or after the week's end is complete.
    const complete = report.complete ?? Date.parse(report.generatedAt) >= Date.parse(report.to);
    return this.labelled({
      ...report,
      complete,
      through: report.through ?? (complete ? report.to : report.generatedAt),
      idleMinScalePods: report.idleMinScalePods ?? [],
    });
  }

  /** A report of the demo fleet says so (issue 12); the store knows whether it holds the demo's. */
  private labelled(report: WeeklyReport): WeeklyReport {
    return this.store.demo ? { demo: true, ...report } : report;
  }

  async stored(label: string): Promise<StoredWeeklyReport | undefined> {
    return this.reports.get(WeeklyReportsService.week(label).label);
  }

  private record(
    report: WeeklyReport,
    week: IsoWeek,
    builtAtMs: number,
    deliveries: DeliveryAttempt[],
  ): StoredWeeklyReport {
    return {
      week: week.label,
      fromMs: week.fromMs,
      toMs: week.toMs,
      builtAtMs,
      catalogueVersion: report.catalogueVersion,
      totalCostUsd: report.totalCostUsd,
      previousTotalCostUsd: report.previousTotalCostUsd,
      coverageStatus: report.coverage.status,
      report: JSON.stringify(report),
      deliveries,
    };
  }
}
