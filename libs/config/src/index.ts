export * from './config.schema';
export * from './config.loader';
export * from './listen-error';
export * from './auth/bearer-token';
export * from './config.module';
export * from './platform-targets';
export * from './version';
export * from './unread-env';
