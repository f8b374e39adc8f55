import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AnalysisJobsModule, TuningRunner } from '@fleetscope/analysis-jobs';
import { AnalysisScheduler } from './schedule/analysis.scheduler';

/** The analyzer: scheduled analyses and memory-tuning jobs. Storage comes from the global StorageModule. */
@Module({
  imports: [ScheduleModule.forRoot(), AnalysisJobsModule],
  providers: [AnalysisScheduler, TuningRunner],
})
export class AnalyzerModule {}
