import { classifyLambdaLine } from './platform-line.parser';

describe(classifyLambdaLine.name, () => {
  it('reads START with its version', () => {
    expect(
      classifyLambdaLine('START RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa Version: $LATEST\n')
        .event,
    ).toEqual({
      kind: 'start',
      requestId: '06e46194-f277-454e-88d3-1dd7e3860eaa',
      version: '$LATEST',
      traceId: '',
    });
  });

  it('reads END', () => {
    expect(classifyLambdaLine('END RequestId: abc\n').event).toEqual({
      kind: 'end',
      requestId: 'abc',
    });
  });

  it('reads the runtime version and ARN of INIT_START', () => {
    const line =
      'INIT_START Runtime Version: python:3.13.v68\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc';
    expect(classifyLambdaLine(line).event).toMatchObject({
      kind: 'initStart',
      initType: '',
      runtimeVersion: 'python:3.13.v68',
      runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:abc',
    });
  });

  it('reads a failed INIT_REPORT', () => {
    const line =
      'INIT_REPORT Init Duration: 150.79 ms\tPhase: init\tStatus: error\tError Type: Runtime.UserCodeSyntaxError';
    expect(classifyLambdaLine(line).event).toEqual({
      kind: 'initReport',
      initType: '',
      durationMs: 150.79,
      phase: 'init',
      status: 'error',
      errorType: 'Runtime.UserCodeSyntaxError',
    });
  });

  it('reads RESTORE_START and RESTORE_REPORT', () => {
    expect(
      classifyLambdaLine('RESTORE_START Runtime Version: java:11.v21 Runtime Version ARN: arn:x')
        .event,
    ).toEqual({
      kind: 'restoreStart',
      runtimeVersion: 'java:11.v21',
      runtimeVersionArn: 'arn:x',
    });
    expect(classifyLambdaLine('RESTORE_REPORT Restore Duration: 310.44 ms').event).toMatchObject({
      kind: 'restoreReport',
      durationMs: 310.44,
    });
  });

  it('reads the classic timeout line with its timestamp and request id', () => {
    const c = classifyLambdaLine(
      '2020-02-25T22:04:08.390Z 2ea49a23-ff39-4bf5-8761-439f99b7c5f6 Task timed out after 3.00 seconds',
    );
    expect(c.event).toEqual({
      kind: 'timeout',
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
      seconds: 3,
    });
    expect(c.lineTimeMs).toBe(Date.parse('2020-02-25T22:04:08.390Z'));
  });

  it('reads an OOM kill as a runtime exit with oom set, keeping the printed error type', () => {
    const line =
      'RequestId: 2ea49a23-ff39-4bf5-8761-439f99b7c5f6 Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n';
    expect(classifyLambdaLine(line).event).toEqual({
      kind: 'runtimeExit',
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
      oom: true,
      errorType: 'Runtime.ExitError',
    });
    expect(
      classifyLambdaLine('Error Runtime exited with error: signal: killed\nRuntime.ExitError')
        .event,
    ).toMatchObject({
      kind: 'runtimeExit',
      requestId: '',
      oom: true,
    });
  });

  it('reads a runtime exit that is not an OOM as an exit error', () => {
    expect(
      classifyLambdaLine('RequestId: r1 Error: Runtime exited with error: exit status 1').event,
    ).toEqual({
      kind: 'runtimeExit',
      requestId: 'r1',
      oom: false,
      errorType: 'Runtime.ExitError',
    });
  });

  it('reads the Node.js runtime format timestamp, request id, level and message', () => {
    const c = classifyLambdaLine(
      '2019-06-07T19:11:20.562Z\tc793869b-ee49-115b-a5b6-4fd21e8dedac\tINFO\tENVIRONMENT VARIABLES\n',
    );
    expect(c.event).toEqual({
      kind: 'app',
      requestId: 'c793869b-ee49-115b-a5b6-4fd21e8dedac',
      level: 'INFO',
      message: 'ENVIRONMENT VARIABLES',
      timeMs: Date.parse('2019-06-07T19:11:20.562Z'),
      invokeError: false,
    });
  });

  it('flags the Node.js `Invoke Error` line as an invocation error', () => {
    const c = classifyLambdaLine(
      '2024-01-01T00:00:00.000Z\tc793869b-ee49-115b-a5b6-4fd21e8dedac\tERROR\tInvoke Error \t{"errorType":"Error"}',
    );
    expect(c.event).toMatchObject({ kind: 'app', level: 'ERROR', invokeError: true });
  });

  it('reads the Python runtime format', () => {
    const c = classifyLambdaLine(
      '[ERROR]\t2024-01-01T00:00:00.123Z\t8f507cfc-1234-4697-b07a-ac58fc914c95\tsomething failed\n',
    );
    expect(c.event).toMatchObject({
      kind: 'app',
      level: 'ERROR',
      requestId: '8f507cfc-1234-4697-b07a-ac58fc914c95',
      message: 'something failed',
    });
  });

  it('reads JSON-format platform records as the Telemetry API events they are', () => {
    const line =
      '{"time":"2026-10-08T07:30:29.470Z","type":"platform.report","record":{"requestId":"79b5e81f","metrics":{"durationMs":1233.96,"billedDurationMs":1698,"memorySizeMB":256,"maxMemoryUsedMB":123,"initDurationMs":463.512},"status":"success"}}';
    expect(classifyLambdaLine(line).event).toMatchObject({
      kind: 'report',
      report: {
        requestId: '79b5e81f',
        durationMs: 1233.96,
        billedDurationMs: 1698,
        initDurationMs: 463.512,
        status: 'success',
      },
    });
  });

  it('reads JSON-format application logs, keeping the JSON as the body', () => {
    const line =
      '{"timestamp":"2024-01-01T00:00:00.000Z","level":"WARN","requestId":"r-1","message":"slow"}';
    expect(classifyLambdaLine(line).event).toMatchObject({
      kind: 'app',
      level: 'WARN',
      requestId: 'r-1',
      message: line,
    });
  });

  it('keeps anything else as an application line', () => {
    expect(classifyLambdaLine('[1,"NR_LAMBDA_MONITORING","H4sI"]').event).toMatchObject({
      kind: 'app',
      requestId: '',
    });
    expect(classifyLambdaLine('{not json').event).toMatchObject({
      kind: 'app',
      message: '{not json',
    });
    expect(classifyLambdaLine('').event).toMatchObject({ kind: 'app', message: '' });
  });
});
