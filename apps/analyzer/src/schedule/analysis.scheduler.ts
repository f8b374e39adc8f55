import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
// The cron library @nestjs/schedule is built on; its docs add runtime-configured jobs this way.
import { CronJob } from 'cron';
import { AnalysisRunner } from '@fleetscope/analysis-jobs';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { lastMissedTick } from './missed-tick';

export const ANALYSIS_JOB = 'analyses';
const TIME_ZONE = 'UTC';

/**
 * Runs every analysis on FLEETSCOPE_ANALYSIS_CRON, and once on start-up when a tick fell while the
 * process was stopped; only dispatches to AnalysisRunner.
 */
@Injectable()
export class AnalysisScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AnalysisScheduler');
  /** Settles once the start-up catch-up has run, or found nothing missed. */
  caughtUp: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: AnalysisRunner,
    private readonly registry: SchedulerRegistry,
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.analysisCron,
      onTick: () => this.tick(),
      start: false,
      timeZone: TIME_ZONE,
    });
    this.registry.addCronJob(ANALYSIS_JOB, job);
    job.start();
    this.logger.log(`analyses scheduled: ${this.config.analysisCron} (${TIME_ZONE})`);
    this.caughtUp = this.catchUp(Date.now());
  }

  /** Set when the application closes: a catch-up not yet running does not start then. */
  private closing = false;

  /**
   * The catch-up's reads end before storage closes; a catch-up not yet running is dropped, so a
   * start that failed (a port taken) exits without running the analyses first.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.caughtUp;
  }

  /**
   * A tick that fell after the last stored run started (scheduled or on demand) was missed: one
   * run now, however many ticks fell. With no stored run there is nothing to catch up.
   */
  private async catchUp(nowMs: number): Promise<void> {
    try {
      const lastRunMs = await this.runner.lastRunStartedAtMs();
      if (lastRunMs === undefined) return;
      const missed = lastMissedTick(this.config.analysisCron, TIME_ZONE, lastRunMs, nowMs);
      if (missed === undefined || this.closing) return;
      this.logger.log(
        `tick of ${new Date(missed).toISOString()} missed while stopped: running now`,
      );
      await this.tick();
    } catch (error) {
      this.logger.error(
        `start-up catch-up failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A tick while a run is still going (or an on-demand run is) is skipped, not queued. */
  async tick(): Promise<void> {
    if (this.runner.busy) {
      this.logger.warn('previous analysis run still in progress: tick skipped');
      return;
    }
    try {
      await this.runner.run();
    } catch {
      // AnalysisRunner has logged and recorded the failure; the next tick tries again.
    }
  }
}
