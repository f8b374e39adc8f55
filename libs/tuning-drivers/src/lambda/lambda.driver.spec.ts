import { LambdaClient } from '@aws-sdk/client-lambda';
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

describe('LambdaTuningDriver after a call abandoned on a cancel or a shutdown', () => {
  /** A fake Lambda: $LATEST, the versions and aliases; PublishVersion takes `publishMs`. */
  function fakeLambda(publishMs: number) {
    const state = {
      memoryMb: 512,
      description: 'orders api',
      versions: [] as { Version: string; Description: string }[],
      aliases: [] as { Name: string; FunctionVersion: string }[],
      invokeSignals: [] as (AbortSignal | undefined)[],
    };
    const send = async (
      command: { input: Record<string, unknown> },
      options?: { abortSignal?: AbortSignal },
    ) => {
      const input = command.input;
      switch (command.constructor.name) {
        case 'GetFunctionConfigurationCommand':
          return input.Qualifier
            ? { State: 'Pending' }
            : {
                MemorySize: state.memoryMb,
                Description: state.description,
                Architectures: ['x86_64'],
                LastUpdateStatus: 'Successful',
              };
        case 'UpdateFunctionConfigurationCommand':
          state.memoryMb = input.MemorySize as number;
          state.description = input.Description as string;
          return {};
        case 'PublishVersionCommand': {
          await new Promise((r) => setTimeout(r, publishMs));
          const Version = String(state.versions.length + 1);
          state.versions.push({ Version, Description: input.Description as string });
          return { Version, State: 'Pending' };
        }
        case 'CreateAliasCommand':
          state.aliases.push({
            Name: input.Name as string,
            FunctionVersion: input.FunctionVersion as string,
          });
          return {};
        case 'ListAliasesCommand':
          return { Aliases: [...state.aliases] };
        case 'ListVersionsByFunctionCommand':
          return { Versions: [{ Version: '$LATEST' }, ...state.versions] };
        case 'DeleteAliasCommand':
          state.aliases = state.aliases.filter((a) => a.Name !== input.Name);
          return {};
        case 'DeleteFunctionCommand':
          state.versions = state.versions.filter((v) => v.Version !== input.Qualifier);
          return {};
        case 'InvokeCommand':
          state.invokeSignals.push(options?.abortSignal);
          return new Promise(() => undefined);
        default:
          throw new Error(`unexpected ${command.constructor.name}`);
      }
    };
    // A real client (the paginators insist on one), its send replaced.
    const client = new LambdaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    client.send = send as unknown as LambdaClient['send'];
    const driver = new LambdaTuningDriver(() => client);
    return { driver, state };
  }
  const target = { jobId: 'j', function: 'orders' };
  const snapshot = {
    functionId: 'aws_lambda~123456789012~us-east-1~orders',
    memoryMb: 512,
    architecture: 'x86_64' as const,
    region: 'us-east-1',
    details: { functionName: 'orders', description: 'orders api' },
  };
  const candidate = { architecture: 'x86_64' as const, memoryMb: 128 };

  it('restores after the fresh version a call was publishing, and the call, aborted, publishes no alias', async () => {
    const { driver, state } = fakeLambda(100);
    const abort = new AbortController();
    const call = driver.invoke(target, candidate, {}, true, snapshot, abort.signal);
    call.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    // Abandoned while PublishVersion runs: the restore must not run beside it.
    abort.abort();
    await driver.restore(target, snapshot);
    await expect(call).rejects.toThrow();
    expect(state.versions).toEqual([]);
    expect(state.aliases).toEqual([]);
    expect([state.memoryMb, state.description]).toEqual([512, 'orders api']);
    expect(state.invokeSignals).toEqual([]);
  });

  it('hands the signal to Invoke, so an abort drops the request', async () => {
    const { driver, state } = fakeLambda(0);
    const abort = new AbortController();
    void driver.invoke(target, candidate, {}, false, snapshot, abort.signal);
    await new Promise((r) => setTimeout(r, 10));
    expect(state.invokeSignals).toEqual([abort.signal]);
  });
});
