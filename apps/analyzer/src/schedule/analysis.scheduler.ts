import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
// The cron library @nestjs/schedule is built on; its docs add runtime-configured jobs this way.
import { CronJob } from 'cron';
import { AnalysisRunner } from '@fleetscope/analysis-jobs';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';

export const ANALYSIS_JOB = 'analyses';

/** Runs every analysis on FLEETSCOPE_ANALYSIS_CRON; only dispatches to AnalysisRunner. */
@Injectable()
export class AnalysisScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('AnalysisScheduler');

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
      timeZone: 'UTC',
    });
    this.registry.addCronJob(ANALYSIS_JOB, job);
    job.start();
    this.logger.log(`analyses scheduled: ${this.config.analysisCron} (UTC)`);
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
