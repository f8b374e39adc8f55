import type { LambdaClient } from '@aws-sdk/client-lambda';
import {
  LambdaTuningDriver,
  invocationOfReport,
  lambdaOutcome,
  readLogTail,
} from './lambda.driver';

const REPORT =
  'REPORT RequestId: 6f7f0961-9b6a-4c1a-9b4b-1c2d3e4f5a6b\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t';

describe('readLogTail', () => {
  it('finds the text REPORT line among the others', () => {
    const tail = readLogTail(`START RequestId: x Version: 3\nhello\nEND RequestId: x\n${REPORT}\n`);
    expect(tail.report).toMatchObject({
      durationMs: 12.5,
      billedDurationMs: 13,
      memorySizeMb: 128,
    });
    expect(tail.timedOut).toBe(false);
  });

  it('reads the JSON-format platform.report of LogFormat=JSON functions', () => {
    const line = JSON.stringify({
      time: '2026-12-04T10:00:00.000Z',
      type: 'platform.report',
      record: {
        requestId: '6f7f0961-9b6a-4c1a-9b4b-1c2d3e4f5a6b',
        metrics: { durationMs: 20.1, billedDurationMs: 21, memorySizeMB: 256, maxMemoryUsedMB: 70 },
        status: 'success',
      },
    });
    expect(readLogTail(`${line}\n`).report).toMatchObject({
      durationMs: 20.1,
      billedDurationMs: 21,
    });
  });
});

describe('lambdaOutcome', () => {
  const tail = (status = '', errorType = '') => ({
    report: { ...readLogTail(REPORT).report!, status, errorType },
    timedOut: false,
    outOfMemory: false,
  });

  it('reads a timeout from the REPORT status or the timeout line', () => {
    expect(lambdaOutcome('Unhandled', '', tail('timeout'))).toEqual({
      outcome: 'timeout',
      errorType: 'Sandbox.Timedout',
    });
    expect(lambdaOutcome('Unhandled', '', { ...tail(), timedOut: true }).outcome).toBe('timeout');
  });

  it('reads out-of-memory from the error type or the runtime exit line', () => {
    expect(lambdaOutcome('Unhandled', '', tail('error', 'Runtime.OutOfMemory')).outcome).toBe(
      'oom',
    );
    expect(lambdaOutcome('Unhandled', 'Runtime.OutOfMemory', tail()).outcome).toBe('oom');
    expect(lambdaOutcome('Unhandled', '', { ...tail(), outOfMemory: true }).outcome).toBe('oom');
  });

  it("treats other failures as the function's own errors, and the rest as success", () => {
    expect(lambdaOutcome('Unhandled', 'TypeError', tail())).toEqual({
      outcome: 'error',
      errorType: 'TypeError',
    });
    expect(lambdaOutcome(undefined, '', tail())).toEqual({ outcome: 'ok', errorType: '' });
  });
});

describe(invocationOfReport.name, () => {
  it('carries a SnapStart restore: Restore Duration and Billed Restore Duration, apart from Duration and INIT', () => {
    const report = readLogTail(
      'REPORT RequestId: r2\tDuration: 50.00 ms\tBilled Duration: 50 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tRestore Duration: 400.00 ms\tBilled Restore Duration: 120 ms\t',
    ).report!;
    expect(invocationOfReport(report, { outcome: 'ok', errorType: '' })).toEqual({
      outcome: 'ok',
      errorType: '',
      durationMs: 50,
      billedDurationMs: 50,
      initDurationMs: 0,
      restoreDurationMs: 400,
      billedRestoreDurationMs: 120,
    });
  });
});

describe('LambdaTuningDriver.snapshot', () => {
  it('records whether SnapStart is on for published versions (each version the job publishes is cached)', async () => {
    const fake = (snapStart: unknown) =>
      new LambdaTuningDriver(
        () =>
          ({
            send: () =>
              Promise.resolve({
                Configuration: {
                  FunctionName: 'orders',
                  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
                  MemorySize: 512,
                  Runtime: 'python3.12',
                  ...(snapStart ? { SnapStart: snapStart } : {}),
                },
              }),
            config: { region: () => Promise.resolve('us-east-1') },
          }) as unknown as LambdaClient,
      );
    const target = {
      jobId: 'j',
      function: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
    };
    const on = await fake({ ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' }).snapshot(
      target,
    );
    expect(on.details).toMatchObject({ snapStart: true, runtime: 'python3.12' });
    const off = await fake({ ApplyOn: 'None' }).snapshot(target);
    expect(off.details.snapStart).toBe(false);
    expect((await fake(undefined).snapshot(target)).details.snapStart).toBe(false);
  });
});
