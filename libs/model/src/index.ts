export * from './function-identity';
export * from './records';
export * from './duration-histogram';
export * from './time-bounds';
