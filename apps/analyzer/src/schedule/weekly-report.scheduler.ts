import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
// The cron library @nestjs/schedule is built on; its docs add runtime-configured jobs this way.
import { CronJob } from 'cron';
import { ReportDeliveryService, WeeklyReportsService } from '@fleetscope/analysis-jobs';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';

export const WEEKLY_REPORT_JOB = 'weekly-report';

/**
 * Builds the previous ISO week's cost report on FLEETSCOPE_REPORT_CRON in
 * FLEETSCOPE_REPORT_TIME_ZONE and delivers it where configured; only dispatches.
 */
@Injectable()
export class WeeklyReportScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('WeeklyReportScheduler');
  private running = false;

  constructor(
    private readonly reports: WeeklyReportsService,
    private readonly delivery: ReportDeliveryService,
    private readonly registry: SchedulerRegistry,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.reportCron,
      onTick: () => this.tick(),
      start: false,
      timeZone: this.config.reportTimeZone,
    });
    this.registry.addCronJob(WEEKLY_REPORT_JOB, job);
    job.start();
    this.logger.log(
      `weekly report scheduled: ${this.config.reportCron} (${this.config.reportTimeZone})`,
    );
  }

  /**
   * Builds and delivers the last whole ISO week (UTC) before `nowMs`: with a time zone ahead of
   * UTC, Monday 06:00 local can fall before the UTC week has ended, and then the week before it is
   * the last whole one.
   */
  async tick(nowMs = Date.now()): Promise<void> {
    if (this.running) {
      this.logger.warn('previous weekly report still in progress: tick skipped');
      return;
    }
    this.running = true;
    const week = previousIsoWeek(isoWeekOf(nowMs)).label;
    try {
      const report = await this.reports.build(week, 'schedule', nowMs);
      if (this.delivery.configured) await this.delivery.deliver(report);
    } catch (error) {
      this.logger.error(
        `weekly report ${week} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.running = false;
    }
  }
}
