export * from './dashboard.module';
export * from './version';
