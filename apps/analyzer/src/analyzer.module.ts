import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AnalysisJobsModule } from '@fleetscope/analysis-jobs';
import { AnalysisScheduler } from './schedule/analysis.scheduler';

/** The analyzer: scheduled analyses. Storage comes from the global StorageModule. */
@Module({
  imports: [ScheduleModule.forRoot(), AnalysisJobsModule],
  providers: [AnalysisScheduler],
})
export class AnalyzerModule {}
