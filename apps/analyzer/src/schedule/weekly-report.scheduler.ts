import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
// The cron library @nestjs/schedule is built on; its docs add runtime-configured jobs this way.
import { CronJob } from 'cron';
import { ReportDeliveryService, WeeklyReportsService } from '@fleetscope/analysis-jobs';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { AnalysisScheduler } from './analysis.scheduler';
import { StartupCatchUp } from './missed-tick';

export const WEEKLY_REPORT_JOB = 'weekly-report';

/**
 * Builds the previous ISO week's cost report on FLEETSCOPE_REPORT_CRON in
 * FLEETSCOPE_REPORT_TIME_ZONE and delivers it where configured, and on start-up what a tick that
 * fell while the process was stopped would have; only dispatches.
 */
@Injectable()
export class WeeklyReportScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WeeklyReportScheduler');
  private running = false;
  private readonly catchUp = new StartupCatchUp(this.logger);
  private resumed: Promise<void> = Promise.resolve();

  constructor(
    private readonly reports: WeeklyReportsService,
    private readonly delivery: ReportDeliveryService,
    private readonly registry: SchedulerRegistry,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    // The analyses of this process (AnalyzerModule runs both), whose catch-up the report waits for.
    @Optional() private readonly analyses?: AnalysisScheduler,
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
    // A tick after the last scheduled build that counts as done began (one on demand delivers
    // nothing; a build's start is stored before it reads anything, and it counts once it stored
    // its week or failed, or when it was already the second of its week: a build the process was
    // stopped or killed during is built again once, not at every start) was missed: the report
    // that tick would have built is built and delivered, once the analyses' own catch-up has
    // stored the recommendations it carries. Analyses scheduled in another process cannot be
    // waited for: the report then carries the last run stored when it is built (README, Weekly
    // cost reports).
    const { reportCron, reportTimeZone } = this.config;
    this.catchUp.start(
      { cron: reportCron, timeZone: reportTimeZone },
      () => this.reports.lastBuildStartedAtMs(),
      // Built now, not when the process started: the analyses' catch-up may take minutes.
      (missedMs) => this.run(lastWholeWeek(missedMs), Date.now()),
      { after: this.analyses?.caughtUp },
    );
    // Deliveries a stop or kill cut short (stored as pending) are sent now, once; they need
    // nothing the analyses store.
    this.resumed = this.delivery.resumePending().catch((error) => {
      this.logger.error(`resuming pending report deliveries failed: ${message(error)}`);
    });
  }

  /** Settles once the start-up catch-up and the pending deliveries have run, or found none. */
  get caughtUp(): Promise<void> {
    return Promise.all([this.catchUp.done, this.resumed]).then(() => undefined);
  }

  /**
   * Stops delivery retries first (a delivery cut short stays pending for the next start, and a
   * catch-up's build is not held up by them), then waits for the catch-up.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.delivery.stop(), this.catchUp.close()]);
    // The start-up read of pending deliveries too: a read still running when the store closes
    // holds the embedded engine's session (a start that failed at once, its port taken, left it
    // open for the next start in the process).
    await this.resumed;
  }

  /**
   * Builds and delivers the last whole ISO week (UTC) before `nowMs`: with a time zone ahead of
   * UTC, Monday 06:00 local can fall before the UTC week has ended, and then the week before it is
   * the last whole one.
   */
  tick(nowMs = Date.now()): Promise<void> {
    return this.run(lastWholeWeek(nowMs), nowMs);
  }

  private async run(week: string, nowMs: number): Promise<void> {
    if (this.running) {
      this.logger.warn('previous weekly report still in progress: tick skipped');
      return;
    }
    this.running = true;
    try {
      const report = await this.reports.build(week, 'schedule', nowMs);
      if (this.delivery.configured) {
        // Not the channels delivered before (on demand, or by a resumed delivery).
        const before = await this.delivery.deliveredChannels(report.week);
        await this.delivery.deliver(report, undefined, before);
      }
    } catch (error) {
      this.logger.error(`weekly report ${week} failed: ${message(error)}`);
    } finally {
      this.running = false;
    }
  }
}

/** The last whole ISO week (UTC) before `ms`. */
function lastWholeWeek(ms: number): string {
  return previousIsoWeek(isoWeekOf(ms)).label;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
