export * from './fleetscope.module';
