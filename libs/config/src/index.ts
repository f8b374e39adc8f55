export * from './config.schema';
export * from './config.loader';
