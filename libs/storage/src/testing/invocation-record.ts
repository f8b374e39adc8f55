import type { InvocationRecord } from '@fleetscope/model';

/** An ordinary Lambda invocation record for specs, `overrides` on top. */
export function invocationRecord(overrides: Partial<InvocationRecord> = {}): InvocationRecord {
  return {
    source: 'lambda_log',
    functionId: 'lambda~1~eu-west-1~f',
    platform: 'aws_lambda',
    account: '1',
    region: 'eu-west-1',
    name: 'f',
    version: '',
    requestId: 'r1',
    startTimeMs: 1_700_000_000_000,
    durationMs: 12,
    billedDurationMs: 12,
    initDurationMs: null,
    restoreDurationMs: null,
    billedRestoreDurationMs: null,
    memorySizeMb: 128,
    maxMemoryUsedMb: 60,
    coldStart: false,
    initType: '',
    status: 'success',
    errorType: '',
    trigger: '',
    instance: '',
    traceId: '',
    runtime: '',
    architecture: '',
    ...overrides,
  };
}
