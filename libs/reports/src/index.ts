export * from './week/iso-week';
export * from './build/report-inputs';
export * from './build/weekly-report';
export * from './build/weekly-report.builder';
export * from './build/change-decomposition';
export * from './build/report-recommendations';
export * from './render/report-format';
export * from './render/focus-csv.renderer';
export * from './render/html.renderer';
export * from './render/markdown.renderer';
export * from './render/plain-text.renderer';
export * from './render/report-text';
export * from './render/slack-message.renderer';
export * from './settings/settings-timeline';
// The fleet page prices Lambda days with provisioned concurrency or SnapStart by the report's rule.
export {
  PC_LEVEL_UNKNOWN,
  lambdaDayOnDemandGbSeconds,
  lambdaDayOnDemandGbSecondsOf,
  priceLambdaDay,
  type PricedDay,
} from './pricing/report-pricing';
