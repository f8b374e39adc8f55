import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AnalysisJobsModule, TuningRunner } from '@fleetscope/analysis-jobs';
import { AnalysisScheduler } from './schedule/analysis.scheduler';
import { WeeklyReportScheduler } from './schedule/weekly-report.scheduler';

/**
 * The analyzer: scheduled analyses, weekly reports and memory-tuning jobs. Storage comes from the
 * global StorageModule.
 */
@Module({
  imports: [ScheduleModule.forRoot(), AnalysisJobsModule],
  providers: [AnalysisScheduler, WeeklyReportScheduler, TuningRunner],
})
export class AnalyzerModule {}
