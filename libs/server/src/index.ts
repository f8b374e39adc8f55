export * from './process-runner';
export * from './http-app.factory';
