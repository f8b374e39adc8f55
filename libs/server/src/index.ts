export * from './process-runner';
export * from './http-app.factory';
export * from './metrics/counter-set';
export * from './keep-alive-close';
export * from './local-only';
export * from './wrong-port';
