export * from './analyzer.module';
