export * from './function-identity';
export * from './records';
export * from './apportion';
export * from './time-bounds';
export * from './histogram/log-histogram';
export * from './histogram/log-histogram.sql';
export * from './histogram/explicit-buckets.converter';
export * from './window-stats';
