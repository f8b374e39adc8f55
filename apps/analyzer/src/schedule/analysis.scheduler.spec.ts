import { SchedulerRegistry } from '@nestjs/schedule';
import type { AnalysisRunner } from '@fleetscope/analysis-jobs';
import { loadConfig } from '@fleetscope/config';
import { ANALYSIS_JOB, AnalysisScheduler } from './analysis.scheduler';

function fakeRunner(busy: boolean) {
  const calls: unknown[] = [];
  const runner = {
    busy,
    lastRunStartedAtMs: () => Promise.resolve(undefined),
    runOrJoin: () => {
      calls.push('runOrJoin');
      return Promise.reject(new Error('storage down'));
    },
  } as unknown as AnalysisRunner;
  return { runner, calls };
}

describe(AnalysisScheduler.name, () => {
  const config = loadConfig({
    FLEETSCOPE_ANALYSIS_CRON: '0 0 3 * * *',
    FLEETSCOPE_LOG_LEVEL: 'error',
  });

  it('registers the analyses on FLEETSCOPE_ANALYSIS_CRON in UTC', () => {
    const registry = new SchedulerRegistry();
    new AnalysisScheduler(fakeRunner(false).runner, registry, config).onApplicationBootstrap();
    const job = registry.getCronJob(ANALYSIS_JOB);
    try {
      expect(job.isActive).toBe(true);
      expect(job.nextDate().toUTC().toFormat('HH:mm:ss')).toBe('03:00:00');
    } finally {
      void job.stop();
    }
  });

  it('runs on a tick and survives a failed run', async () => {
    const { runner, calls } = fakeRunner(false);
    await expect(
      new AnalysisScheduler(runner, new SchedulerRegistry(), config).tick(),
    ).resolves.toBeUndefined();
    expect(calls).toEqual(['runOrJoin']);
  });

  it('skips a tick while a run is in progress', async () => {
    const { runner, calls } = fakeRunner(true);
    await new AnalysisScheduler(runner, new SchedulerRegistry(), config).tick();
    expect(calls).toEqual([]);
  });
});
