export * from './week/iso-week';
export * from './build/report-inputs';
export * from './build/weekly-report';
export * from './build/weekly-report.builder';
export * from './build/change-decomposition';
export * from './build/report-recommendations';
