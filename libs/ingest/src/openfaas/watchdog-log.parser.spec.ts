import { functionId } from '@fleetscope/model';
import { parseWatchdogLogs, readWatchdogRequest } from './watchdog-log.parser';

// Lines rendered from of-watchdog's format strings (openfaas/of-watchdog executor/http_runner.go:
// "%s %s - %s - ContentLength: %s (%.4fs)" with res.Status, and " [%s]" with log_callid; the
// serializing and in-process runners print the code alone). No captured watchdog log is public.
const lines = [
  '2024/05/06 10:00:00 Forking - node [index.js]',
  '2024/05/06 10:00:00 Started logging: stderr from function.',
  '2024/05/06 10:00:05 POST / - 200 OK - ContentLength: 2B (0.0123s)',
  '2024/05/06 10:00:06 GET /healthz?full=1 - 500 Internal Server Error - ContentLength: 1.234kB (1.5000s) [a1b2-c3]',
  '2024/05/06 10:00:40 POST / - 504 - ContentLength: 0B (10.0001s) [none]',
  '2024/05/06 10:00:41 GET /_/health - 200 OK - ContentLength: 2B (0.0001s)',
  '2024/05/06 10:00:42 POST / - 200 OK - ContentLength: 2B (not-a-number)',
];

describe(readWatchdogRequest.name, () => {
  it('reads method, path, status, duration and call id', () => {
    expect(
      readWatchdogRequest('PUT /a/b?x=1 - 201 Created - ContentLength: 335B (4.8791s) [req-9]'),
    ).toEqual({
      method: 'PUT',
      path: '/a/b?x=1',
      statusCode: 201,
      durationMs: 4879.1,
      callId: 'req-9',
    });
    expect(readWatchdogRequest('Forking - node [index.js]')).toBeUndefined();
  });
});

describe(parseWatchdogLogs.name, () => {
  const context = {
    functionName: 'nodeinfo.prod',
    gateway: 'edge-1',
    instance: 'nodeinfo-7d9c-x2',
  };

  it('turns request lines into invocation records that start a duration before the line', () => {
    const result = parseWatchdogLogs(lines.join('\n'), context);
    expect(result.records).toHaveLength(3);
    const [ok, failed, timedOut] = result.records;
    expect(ok).toMatchObject({
      source: 'openfaas_watchdog',
      functionId: functionId({
        platform: 'openfaas',
        account: 'prod',
        region: 'edge-1',
        name: 'nodeinfo',
      }),
      name: 'nodeinfo',
      account: 'prod',
      startTimeMs: Date.UTC(2024, 4, 6, 10, 0, 5) - 12,
      durationMs: 12.3,
      status: 'success',
      coldStart: null,
      trigger: 'http',
      instance: 'nodeinfo-7d9c-x2',
    });
    expect(failed).toMatchObject({
      requestId: 'a1b2-c3',
      status: 'error',
      errorType: 'http_500',
      durationMs: 1500,
    });
    expect(timedOut).toMatchObject({ status: 'timeout', errorType: 'http_504' });
    expect(timedOut.requestId).toMatch(/^of-[0-9a-f]{16}-1$/);
  });

  it('counts a 4xx answer as a success, as the gateway scrapes and OTLP metrics do', () => {
    const result = parseWatchdogLogs(
      '2024/05/06 10:00:05 POST / - 404 Not Found - ContentLength: 9B (0.0040s)',
      context,
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ status: 'success', errorType: '' });
  });

  it('gives the same ids to a batch delivered twice and different ids to repeated identical lines', () => {
    const twice = [
      '2024/05/06 10:00:05 POST / - 200 OK - ContentLength: 2B (0.0123s)',
      '2024/05/06 10:00:05 POST / - 200 OK - ContentLength: 2B (0.0123s)',
    ];
    const first = parseWatchdogLogs(twice, context).records.map((r) => r.requestId);
    const again = parseWatchdogLogs(twice, context).records.map((r) => r.requestId);
    expect(first).toEqual(again);
    expect(new Set(first).size).toBe(2);
  });

  it('skips health checks, counts unreadable request lines and never throws', () => {
    const result = parseWatchdogLogs(lines, context);
    expect(result.errorCount).toBe(1);
    expect(result.errors[0].line).toBe(7);
    expect(() => parseWatchdogLogs(['\u0000 - ContentLength: ', ''], context)).not.toThrow();
  });

  it('refuses a request line dated at a time that does not exist instead of storing it at arrival', () => {
    const result = parseWatchdogLogs(
      [
        '9999/99/99 99:99:99 POST / - 200 OK - ContentLength: 2B (0.0123s)',
        '2024/02/30 10:00:05 POST / - 200 OK - ContentLength: 2B (0.0123s)',
        '2024-05-06T25:00:00Z 2024/05/06 10:00:05 POST / - 200 OK - ContentLength: 2B (0.0123s)',
        '2024/05/06 10:00:05 POST / - 200 OK - ContentLength: 2B (0.0123s)',
      ],
      { ...context, defaultTimeMs: Date.UTC(2024, 4, 6, 12) },
    );
    expect(result.records.map((r) => r.startTimeMs)).toEqual([Date.UTC(2024, 4, 6, 10, 0, 5) - 12]);
    expect(result.errors).toEqual([
      { line: 1, reason: 'unreadable time "9999/99/99 99:99:99"' },
      { line: 2, reason: 'unreadable time "2024/02/30 10:00:05"' },
      { line: 3, reason: 'unreadable time "2024-05-06T25:00:00Z"' },
    ]);
  });
});
