export * from './azure-functions/azure-trace.types';
export * from './azure-functions/azure-trace.reader';
export * from './azure-functions/azure-span.synthesiser';
export * from './demo/lambda-demo.synthesiser';
