export * from './function-identity';
export * from './records';
export * from './duration-histogram';
export * from './seeded-random';
export * from './time-bounds';
