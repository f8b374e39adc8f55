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
import { StartupCatchUp } from './missed-tick';

export const ANALYSIS_JOB = 'analyses';
const TIME_ZONE = 'UTC';

/**
 * Runs every analysis on FLEETSCOPE_ANALYSIS_CRON, and once on start-up when a tick fell while the
 * process was stopped; only dispatches to AnalysisRunner.
 */
@Injectable()
export class AnalysisScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AnalysisScheduler');
  private readonly catchUp = new StartupCatchUp(this.logger);

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
    // A tick after the last run began (scheduled, on demand or caught up; its start is stored
    // before it runs, so a run the process died during counts) was missed.
    this.catchUp.start(
      { cron: this.config.analysisCron, timeZone: TIME_ZONE },
      () => this.runner.lastRunStartedAtMs(),
      () => this.tick(),
    );
  }

  /** Settles once the start-up catch-up has run, or found nothing missed. */
  get caughtUp(): Promise<void> {
    return this.catchUp.done;
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.catchUp.close();
  }

  /** A tick while a run is still going (or an on-demand run is) is skipped, not queued. */
  async tick(): Promise<void> {
    if (this.runner.busy) {
      this.logger.warn('previous analysis run still in progress: tick skipped');
      return;
    }
    try {
      // Shared, so a POST /api/analyses/run while it goes joins it instead of queuing a second run.
      await this.runner.runOrJoin();
    } catch {
      // AnalysisRunner has logged and recorded the failure; the next tick tries again.
    }
  }
}
