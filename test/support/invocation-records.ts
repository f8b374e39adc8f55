import type { InvocationRecord } from '@fleetscope/model';

/** A plain successful Lambda invocation record, as the log and span decoders produce them. */
export function lambdaInvocation(
  functionId: string,
  requestId: string,
  startTimeMs: number,
): InvocationRecord {
  return {
    source: 'lambda_log',
    functionId,
    platform: 'aws_lambda',
    account: '123456789012',
    region: 'eu-west-1',
    name: functionId.split('~').pop() ?? functionId,
    version: '$LATEST',
    requestId,
    startTimeMs,
    durationMs: 12,
    billedDurationMs: 12,
    initDurationMs: null,
    restoreDurationMs: null,
    billedRestoreDurationMs: null,
    memorySizeMb: 256,
    maxMemoryUsedMb: 80,
    coldStart: false,
    initType: 'on-demand',
    status: 'success',
    errorType: '',
    trigger: '',
    instance: 'stream',
    traceId: '',
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
  };
}
