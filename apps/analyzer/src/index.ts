export * from './analyzer.module';
export * from './schedule/analysis.scheduler';
export * from './schedule/weekly-report.scheduler';
