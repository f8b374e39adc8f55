import { SchedulerRegistry } from '@nestjs/schedule';
import type { ReportDeliveryService, WeeklyReportsService } from '@fleetscope/analysis-jobs';
import { loadConfig } from '@fleetscope/config';
import { WEEKLY_REPORT_JOB, WeeklyReportScheduler } from './weekly-report.scheduler';

function recorders(configured: boolean, fail = false, delivered: string[] = []) {
  const calls: string[] = [];
  const reports = {
    lastBuildStartedAtMs: () => Promise.resolve(undefined),
    build: (week: string, trigger: string) => {
      calls.push(`build ${week} ${trigger}`);
      return fail ? Promise.reject(new Error('storage down')) : Promise.resolve({ week });
    },
  } as unknown as WeeklyReportsService;
  const delivery = {
    configured,
    deliveredChannels: () => Promise.resolve(delivered),
    deliver: (report: { week: string }, _only?: string[], except: string[] = []) => {
      calls.push(
        `deliver ${report.week}${except.length > 0 ? ` except ${except.join(', ')}` : ''}`,
      );
      return Promise.resolve([]);
    },
    resumePending: () => {
      calls.push('resume pending');
      return Promise.resolve();
    },
    stop: () => Promise.resolve(),
  } as unknown as ReportDeliveryService;
  return { reports, delivery, calls };
}

describe(WeeklyReportScheduler.name, () => {
  it('registers on Monday 06:00 in the configured time zone by default', () => {
    const config = loadConfig({ FLEETSCOPE_REPORT_TIME_ZONE: 'Europe/Berlin' });
    const { reports, delivery } = recorders(false);
    const registry = new SchedulerRegistry();
    new WeeklyReportScheduler(reports, delivery, registry, config).onApplicationBootstrap();
    const job = registry.getCronJob(WEEKLY_REPORT_JOB);
    try {
      const next = job.nextDate();
      expect(next.setZone('Europe/Berlin').toFormat('ccc HH:mm')).toBe('Mon 06:00');
    } finally {
      void job.stop();
    }
  });

  it('builds the previous ISO week and delivers it when a channel is configured', async () => {
    const config = loadConfig({});
    const { reports, delivery, calls } = recorders(true);
    // Monday 2026-11-30 06:00 UTC: the previous week is 2026-W48 (23 to 29 November).
    await new WeeklyReportScheduler(reports, delivery, new SchedulerRegistry(), config).tick(
      Date.parse('2026-11-30T06:00:00Z'),
    );
    expect(calls).toEqual(['build 2026-W48 schedule', 'deliver 2026-W48']);
  });

  it('defect (found by a review): does not send again a channel stored as delivered for the week', async () => {
    // The week's webhook was delivered on demand; the tick posted it again.
    const config = loadConfig({});
    const { reports, delivery, calls } = recorders(true, false, ['webhook']);
    await new WeeklyReportScheduler(reports, delivery, new SchedulerRegistry(), config).tick(
      Date.parse('2026-11-30T06:00:00Z'),
    );
    expect(calls).toEqual(['build 2026-W48 schedule', 'deliver 2026-W48 except webhook']);
  });

  it('builds the last whole UTC week when the local Monday comes before the UTC one', async () => {
    const config = loadConfig({ FLEETSCOPE_REPORT_TIME_ZONE: 'Pacific/Auckland' });
    const { reports, delivery, calls } = recorders(false);
    // Monday 2026-11-30 06:00 in Auckland is Sunday 17:00 UTC: 2026-W48 has not ended yet.
    await new WeeklyReportScheduler(reports, delivery, new SchedulerRegistry(), config).tick(
      Date.parse('2026-11-29T17:00:00Z'),
    );
    expect(calls).toEqual(['build 2026-W47 schedule']);
  });

  it('survives a failed build and delivers nothing', async () => {
    const config = loadConfig({});
    const { reports, delivery, calls } = recorders(true, true);
    const scheduler = new WeeklyReportScheduler(reports, delivery, new SchedulerRegistry(), config);
    await expect(scheduler.tick(Date.parse('2026-11-30T06:00:00Z'))).resolves.toBeUndefined();
    expect(calls).toEqual(['build 2026-W48 schedule']);
  });
});
