import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import type { FunctionIdentity, InvocationRecord } from '@fleetscope/model';
import { functionId } from '@fleetscope/model';
import { emptyIngestResult } from '../common/ingest-result';
import type { IngestResult } from '../common/ingest-result';
import { parseLambdaLogLines } from './lambda-log-lines.parser';
import type { LambdaStreamContext } from './log-stream.assembler';
import { LambdaLogStreamAssembler } from './log-stream.assembler';
import { LambdaLogStreamAssemblerPool } from './log-stream-assembler.pool';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

const identity: FunctionIdentity = {
  platform: 'aws_lambda',
  account: '123456789012',
  region: 'eu-west-1',
  name: 'checkout',
};
const ctx: LambdaStreamContext = {
  identity,
  version: '$LATEST',
  instance: '2024/01/01/[$LATEST]abc',
  source: 'lambda_log',
  logSource: 'cloudwatch',
};

function run(lines: [number, string][], options = {}): IngestResult {
  const assembler = new LambdaLogStreamAssembler(ctx, options);
  for (const [t, line] of lines) assembler.pushMessage(line, t);
  const result = emptyIngestResult();
  assembler.drainInto(result);
  return result;
}

const T = 1_700_000_000_000;
const report = (
  id: string,
  extra = '',
  duration = '100.50',
  mem = 'Memory Size: 512 MB\tMax Memory Used: 80 MB',
) => `REPORT RequestId: ${id}\tDuration: ${duration} ms\tBilled Duration: 101 ms\t${mem}\t${extra}`;

/** The Python string literals of one parrotfish test, joined and un-escaped into log text. */
function parrotfishLog(testName: string): string {
  const src = fixture('test_aws_log_parser.py.txt');
  const body = src.slice(src.indexOf(`def ${testName}`));
  const block = body.slice(body.indexOf('result_log = (') + 14, body.indexOf('\n        )'));
  const joined = [...block.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
  return joined
    .replace(/^b'/, '')
    .replace(/'$/, '')
    .replace(/\\\\t/g, '\t')
    .replace(/\\\\n/g, '\n');
}

describe(LambdaLogStreamAssembler.name, () => {
  it('emits one record per REPORT with start = REPORT time − Duration and the START version', () => {
    const r = run([
      [T, 'START RequestId: a1 Version: 7'],
      [T + 100, 'END RequestId: a1'],
      [T + 101, report('a1')],
    ]);
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject<Partial<InvocationRecord>>({
      source: 'lambda_log',
      functionId: functionId(identity),
      version: '7',
      requestId: 'a1',
      startTimeMs: Math.round(T + 101 - 100.5),
      durationMs: 100.5,
      billedDurationMs: 101,
      memorySizeMb: 512,
      maxMemoryUsedMb: 80,
      coldStart: false,
      initType: '',
      status: 'success',
      instance: '2024/01/01/[$LATEST]abc',
    });
    expect(r.logs).toHaveLength(0);
  });

  it('marks an invocation with Init Duration as an on-demand cold start and reads the runtime from INIT_START', () => {
    const r = run([
      [
        T,
        'INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:abc',
      ],
      [T + 300, 'START RequestId: a1 Version: $LATEST'],
      [T + 400, report('a1', 'Init Duration: 290.10 ms')],
    ]);
    expect(r.invocations[0]).toMatchObject({
      coldStart: true,
      initType: 'on-demand',
      initDurationMs: 290.1,
      runtime: 'nodejs20.x',
    });
    expect(r.configHints.at(-1)).toMatchObject({
      runtime: 'nodejs20.x',
      runtimeVersion: 'nodejs:20.v13',
      memorySizeMb: 512,
    });
  });

  it('treats an init that ended long before the invocation as proactive, not a cold start', () => {
    const r = run([
      [T, 'INIT_START Runtime Version: python:3.13.v68\tRuntime Version ARN: arn:x'],
      [T + 60_000, 'START RequestId: a1 Version: $LATEST'],
      [T + 60_100, report('a1', 'Init Duration: 250.00 ms')],
    ]);
    expect(r.invocations[0]).toMatchObject({
      coldStart: false,
      initType: 'proactive',
      initDurationMs: 250,
    });
  });

  it('counts the invocation after an init that timed out as a cold start, not a proactive init', () => {
    // The init phase is limited to 10 s; past it Lambda runs the init again at the first
    // invocation (AWS Lambda developer guide, execution environment lifecycle). The INIT_REPORT
    // line is the one Lambda prints (docs/decisions.md "Lambda platform records"); the REPORT
    // carries the Init Duration of the second run.
    const r = run([
      [T, 'INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: arn:x'],
      [T + 10_000, 'INIT_REPORT Init Duration: 9999.79 ms    Phase: init    Status: timeout'],
      [T + 10_001, 'START RequestId: a1 Version: $LATEST'],
      [T + 12_300, report('a1', 'Init Duration: 2100.00 ms')],
    ]);
    expect(r.invocations[0]).toMatchObject({
      coldStart: true,
      initType: 'on-demand',
      initDurationMs: 2100,
    });
  });

  it('does not count a provisioned-concurrency init (JSON format) as a cold start', () => {
    const r = run([
      [
        T,
        '{"time":"2024-01-01T00:00:00.000Z","type":"platform.initStart","record":{"initializationType":"provisioned-concurrency","phase":"init"}}',
      ],
      [T + 500, report('a1', 'Init Duration: 400.00 ms')],
    ]);
    expect(r.invocations[0]).toMatchObject({
      coldStart: false,
      initType: 'provisioned-concurrency',
      initDurationMs: 400,
    });
  });

  it('counts a SnapStart restore as a cold start whose cost is the Restore Duration', () => {
    const r = run([
      [T, 'RESTORE_START Runtime Version: java:21.v7\tRuntime Version ARN: arn:x'],
      [T + 400, report('a1', 'Restore Duration: 310.44 ms\tBilled Restore Duration: 150 ms')],
    ]);
    expect(r.invocations[0]).toMatchObject({
      coldStart: true,
      initType: 'snap-start',
      restoreDurationMs: 310.44,
      billedRestoreDurationMs: 150,
      initDurationMs: null,
      runtime: 'java21',
    });
  });

  it('marks a timeout and makes the next invocation of the stream a cold start without init', () => {
    const r = run([
      [T, report('a1', '', '3003.28')],
      [
        T + 1,
        '2024-01-01T00:00:00.000Z a1a1a1a1-ff39-4bf5-8761-439f99b7c5f6 Task timed out after 3.00 seconds',
      ],
      [T + 5000, report('a2')],
      [T + 6000, report('a3')],
    ]);
    // The timeout line names another request: it must not touch a1.
    expect(r.invocations.map((i) => i.status)).toEqual(['success', 'success', 'success']);

    const r2 = run([
      [T, report('2ea49a23-ff39-4bf5-8761-439f99b7c5f6', '', '3003.28')],
      [
        T + 1,
        '2020-02-25T22:04:08.390Z 2ea49a23-ff39-4bf5-8761-439f99b7c5f6 Task timed out after 3.00 seconds',
      ],
      [T + 5000, report('a2')],
      [T + 6000, report('a3')],
    ]);
    expect(
      r2.invocations.map((i) => [i.status, i.coldStart, i.initType, i.initDurationMs]),
    ).toEqual([
      ['timeout', false, '', null],
      ['success', true, 'on-demand', null],
      ['success', false, '', null],
    ]);
    expect(r2.configHints.find((h) => h.timeoutMs !== undefined)?.timeoutMs).toBe(3000);
    expect(r2.logs).toHaveLength(1);
    expect(r2.logs[0]).toMatchObject({
      severityText: 'ERROR',
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
    });
  });

  it('applies a timeout line that comes before its REPORT', () => {
    const r = run([
      [T, 'START RequestId: 13222b1e-0000-4000-8000-000000000001 Version: $LATEST'],
      [
        T + 3000,
        '2024-01-01T00:00:03.000Z 13222b1e-0000-4000-8000-000000000001 Task timed out after 3.00 seconds',
      ],
      [T + 3001, 'END RequestId: 13222b1e-0000-4000-8000-000000000001'],
      [T + 3002, report('13222b1e-0000-4000-8000-000000000001', '', '3000.00')],
    ]);
    expect(r.invocations[0]).toMatchObject({ status: 'timeout' });
  });

  it('reads Status: timeout on the REPORT itself and learns the timeout from Duration', () => {
    const r = run([
      [T, report('a1', 'Status: timeout', '3000.00')],
      [T + 100, report('a2')],
    ]);
    expect(r.invocations.map((i) => [i.status, i.coldStart])).toEqual([
      ['timeout', false],
      ['success', true],
    ]);
    expect(r.configHints.at(-1)).toMatchObject({ timeoutMs: 3000 });
  });

  it('marks Max Memory Used ≥ Memory Size as out of memory and resets the sandbox', () => {
    const r = run([
      [T, report('a1', '', '812.40', 'Memory Size: 256 MB\tMax Memory Used: 256 MB')],
      [T + 100, report('a2')],
    ]);
    expect(r.invocations.map((i) => [i.status, i.errorType, i.coldStart])).toEqual([
      ['oom', 'Runtime.OutOfMemory', false],
      ['success', '', true],
    ]);
  });

  it('defect (found by a review): refuses a report whose numbers no invocation has, naming the field and what is wrong', () => {
    const r = run([
      [T, report('big-mem', '', '10.00', 'Memory Size: 99999999999 MB\tMax Memory Used: 50 MB')],
      [T + 1, report('big-used', '', '10.00', 'Memory Size: 128 MB\tMax Memory Used: 70000 MB')],
      [T + 2, report('neg', '', '-5.00')],
      [
        T + 3,
        report('big-billed').replace('Billed Duration: 101 ms', 'Billed Duration: 999999999999 ms'),
      ],
      [T + 4, report('exp-init', 'Init Duration: 1e308 ms')],
      [T + 5, report('ok', 'Init Duration: 200.00 ms')],
      // A day-long Duration was stored capped at ~71.6 minutes and its Billed Duration whole: the
      // fleet page and the weekly report priced its account's tiers apart.
      [T + 6, report('day-long', '', '86400000.00')],
    ]);
    // Before: all but `neg` and `big-billed` stored (Memory Size wrapped or clamped to 65,535 MB,
    // the init read as 1 ms), and those two said "a duration of 10 ms / -5 ms, more than a day".
    expect(r.invocations.map((i) => i.requestId)).toEqual(['ok']);
    expect(r.errors).toEqual([
      'report of request big-mem: Memory Size 99999999999 MB is more than 65,535 MB, the most Fleetscope stores: not stored as an invocation',
      'report of request big-used: Max Memory Used 70000 MB is more than 65,535 MB, the most Fleetscope stores: not stored as an invocation',
      'report of request neg: Duration -5 ms is negative: not stored as an invocation',
      'report of request big-billed: Billed Duration 999999999999 ms is more than a day: not stored as an invocation',
      'report of request exp-init: Init Duration is not a number: not stored as an invocation',
      'report of request day-long: Duration 86400000 ms is more than 4,294,967.295 ms, the most Fleetscope stores: not stored as an invocation',
    ]);
    expect(r.rejected).toBe(6);
    // No inventory hint carries the sizes refused.
    expect(r.configHints.map((h) => h.memorySizeMb)).toEqual([512]);
  });

  it('reads a unit written against its number (`128MB`)', () => {
    const r = run([[T, report('tight', '', '10.00', 'Memory Size: 128MB\tMax Memory Used: 60MB')]]);
    expect(r.invocations.map((i) => [i.memorySizeMb, i.maxMemoryUsedMb])).toEqual([[128, 60]]);
  });

  it('marks an error with Error Type Runtime.OutOfMemory as out of memory', () => {
    const r = run([
      [
        T,
        report(
          'a1',
          'Status: error\tError Type: Runtime.OutOfMemory',
          '812.40',
          'Memory Size: 256 MB\tMax Memory Used: 250 MB',
        ),
      ],
    ]);
    expect(r.invocations[0]).toMatchObject({ status: 'oom', errorType: 'Runtime.OutOfMemory' });
  });

  it('marks other Status: error reports as errors', () => {
    const r = run([[T, report('a1', 'Status: error\tError Type: Runtime.Unknown')]]);
    expect(r.invocations[0]).toMatchObject({ status: 'error', errorType: 'Runtime.Unknown' });
  });

  it('attributes an OOM kill line without request id to the REPORT before it (issue excerpt)', () => {
    const excerpt = (
      JSON.parse(fixture('lambda_log_lines_from_issues.json')) as { items: { lines: string[] }[] }
    ).items[3];
    const r = run([
      [T, excerpt.lines[0]],
      [T + 10, excerpt.lines[1]],
      [T + 20, report('next')],
    ]);
    expect(r.invocations[0]).toMatchObject({
      requestId: 'fa60295b-85a2-495a-a7e2-da5c85a5eb1e',
      status: 'oom',
      maxMemoryUsedMb: 2581,
    });
    expect(r.invocations[1]).toMatchObject({ coldStart: true, initDurationMs: null });
  });

  it('marks the invocation failed by Node.js `Invoke Error` as an error without resetting', () => {
    const r = run([
      [T, 'START RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac Version: $LATEST'],
      [
        T + 5,
        '2024-01-01T00:00:00.000Z\tc793869b-ee49-115b-a5b6-4fd21e8dedac\tERROR\tInvoke Error \t{"errorType":"Error"}',
      ],
      [T + 10, report('c793869b-ee49-115b-a5b6-4fd21e8dedac')],
      [T + 20, report('next')],
    ]);
    expect(r.invocations.map((i) => [i.status, i.coldStart])).toEqual([
      ['error', false],
      ['success', false],
    ]);
  });

  it('keeps application lines as log rows of the request that was running', () => {
    const r = run([
      [T, 'START RequestId: a1 Version: $LATEST'],
      [T + 1, 'plain print without a prefix\n'],
      [T + 2, '[INFO]\t2024-01-01T00:00:00.002Z\t8f507cfc-1234-4697-b07a-ac58fc914c95\thello'],
      [T + 3, 'END RequestId: a1'],
      [T + 4, report('a1')],
    ]);
    expect(r.logs.map((l) => [l.body, l.requestId, l.severityText])).toEqual([
      ['plain print without a prefix', 'a1', ''],
      ['hello', '8f507cfc-1234-4697-b07a-ac58fc914c95', 'INFO'],
    ]);
    expect(r.logs[1]).toMatchObject({
      timeUnixNano: `${Date.parse('2024-01-01T00:00:00.002Z')}000000`,
      observedTimeUnixNano: `${T + 2}000000`,
      severityNumber: 9,
      functionId: functionId(identity),
      serviceName: 'checkout',
      source: 'cloudwatch',
    });
    expect(r.logs[1].resourceAttributes).toMatchObject({
      'cloud.platform': 'aws_lambda',
      'faas.name': 'checkout',
      'faas.version': '$LATEST',
    });
  });

  it('attaches the X-Ray trace id of a continuation line to its REPORT as a W3C trace id', () => {
    const r = run([
      [T, report('a1')],
      [
        T,
        'XRAY TraceId: 1-5e34a614-10bd0a0ef1fb44f07bc535a1\tSegmentId: 07f5a0b2d1f6f85c\tSampled: true',
      ],
    ]);
    expect(r.invocations[0].traceId).toBe('5e34a61410bd0a0ef1fb44f07bc535a1');
  });

  it('keeps platform lines as log rows when asked to', () => {
    const r = run(
      [
        [T, 'START RequestId: a1 Version: $LATEST'],
        [T + 1, report('a1')],
      ],
      { includePlatformLogs: true },
    );
    expect(r.logs.map((l) => l.body.slice(0, 6))).toEqual(['START ', 'REPORT']);
  });

  it('keeps the sandbox reset across deliveries when a pool holds the stream', () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const first = parseLambdaLogLines(`${report('a1', 'Status: timeout', '3000.00')}`, {
      identity,
      instance: 's1',
      receivedAtMs: T,
      pool,
    });
    const second = parseLambdaLogLines(report('a2'), {
      identity,
      instance: 's1',
      receivedAtMs: T + 9000,
      pool,
    });
    const otherStream = parseLambdaLogLines(report('b1'), {
      identity,
      instance: 's2',
      receivedAtMs: T + 9000,
      pool,
    });
    expect(first.invocations[0].status).toBe('timeout');
    expect(second.invocations[0].coldStart).toBe(true);
    expect(otherStream.invocations[0].coldStart).toBe(false);
    expect(pool.size).toBe(2);
  });
});

describe(LambdaLogStreamAssemblerPool.name, () => {
  const at = (pool: LambdaLogStreamAssemblerPool, instance = 's1') => ({
    identity,
    instance,
    receivedAtMs: T,
    pool,
  });

  it('undoes what a delivery that was not stored did to its streams, so its retry reads the same', () => {
    const pool = new LambdaLogStreamAssemblerPool();
    parseLambdaLogLines(report('a1', 'Status: timeout', '3000.00'), at(pool));
    const refused = pool.capture(() =>
      parseLambdaLogLines(`${report('a2')}\n${report('x1')}`, at(pool)),
    );
    const fresh = pool.capture(() => parseLambdaLogLines(report('b1'), at(pool, 's2')));
    expect(refused.result.invocations[0].coldStart).toBe(true);
    refused.undo();
    fresh.undo();
    expect(pool.size).toBe(1);
    const retried = parseLambdaLogLines(`${report('a2')}\n${report('x1')}`, at(pool));
    expect(retried.invocations.map((r) => r.coldStart)).toEqual([true, false]);
  });

  it('leaves a stream alone in an undo when another delivery moved it on since', () => {
    const pool = new LambdaLogStreamAssemblerPool();
    parseLambdaLogLines(report('a1', 'Status: timeout', '3000.00'), at(pool));
    const refused = pool.capture(() => parseLambdaLogLines(report('a2'), at(pool)));
    parseLambdaLogLines(report('a3', 'Status: timeout', '3000.00'), at(pool));
    refused.undo();
    expect(parseLambdaLogLines(report('a4'), at(pool)).invocations[0].coldStart).toBe(true);
    expect(parseLambdaLogLines(report('a5'), at(pool)).invocations[0].coldStart).toBe(false);
  });
});

describe(parseLambdaLogLines.name, () => {
  it('reads the 100 ms-era timeout excerpt: billed below duration, timeout 18 s (apex/up#663)', () => {
    const excerpt = (
      JSON.parse(fixture('lambda_log_lines_from_issues.json')) as { items: { lines: string[] }[] }
    ).items[1];
    const r = parseLambdaLogLines(excerpt.lines.join('\n'), { identity, receivedAtMs: T });
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      requestId: 'fb63a8b6-599d-11e8-a437-911ac44bc0b4',
      status: 'timeout',
      coldStart: false,
      durationMs: 18018.26,
      billedDurationMs: 18000,
      memorySizeMb: 512,
      maxMemoryUsedMb: 82,
    });
    expect(r.configHints.find((h) => h.timeoutMs)?.timeoutMs).toBe(18000);
  });

  it('resets the sandbox when the timeout line of an already delivered REPORT comes in the next delivery (apex/up#663)', () => {
    // The 2018 runtimes printed `Task timed out` after the REPORT; a subscription batch can end
    // between the two lines.
    const [reportLine, timeoutLine] = (
      JSON.parse(fixture('lambda_log_lines_from_issues.json')) as { items: { lines: string[] }[] }
    ).items[1].lines;
    const pool = new LambdaLogStreamAssemblerPool();
    const at = { identity, instance: 's1', pool };
    const first = parseLambdaLogLines(reportLine, { ...at, receivedAtMs: T });
    const second = parseLambdaLogLines(timeoutLine, { ...at, receivedAtMs: T + 1000 });
    const third = parseLambdaLogLines(report('next-1'), { ...at, receivedAtMs: T + 60_000 });
    expect(first.invocations).toHaveLength(1);
    expect(second.invocations).toHaveLength(0);
    expect(second.configHints.find((h) => h.timeoutMs)?.timeoutMs).toBe(18000);
    expect(third.invocations[0]).toMatchObject({
      requestId: 'next-1',
      coldStart: true,
      initType: 'on-demand',
      initDurationMs: null,
    });
  });

  it('does not keep alive the REPORT lines whose request ids it remembers', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pool = new LambdaLogStreamAssemblerPool();
    const padding = 'x'.repeat(20_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300; i++) {
      // Each line its own string (not a slice of one joined text), as JSON.parse makes them.
      // A request id as long as a UUID: V8 keeps a cut of 13 characters or more as a slice.
      const id = `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
      const line = JSON.parse(JSON.stringify(report(id, padding))) as string;
      parseLambdaLogLines(line, { identity, instance: `s${i}`, pool, receivedAtMs: T + i });
    }
    gc();
    // 300 lines of 20 kB are 6 MB; each stream's remembered REPORTs are hashes.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2 * 1024 * 1024);
    expect(pool.size).toBe(300);
  });

  it('reads a cold start that timed out, with billed = timeout + init (opentelemetry-lambda#2098)', () => {
    const excerpt = (
      JSON.parse(fixture('lambda_log_lines_from_issues.json')) as { items: { lines: string[] }[] }
    ).items[0];
    const r = parseLambdaLogLines(excerpt.lines[0], { identity, receivedAtMs: T });
    expect(r.invocations[0]).toMatchObject({
      status: 'timeout',
      coldStart: true,
      initType: 'on-demand',
      durationMs: 5000,
      billedDurationMs: 5579,
      initDurationMs: 578.07,
      startTimeMs: T - 5000,
    });
  });

  it('uses the timestamp printed on a line', () => {
    const r = parseLambdaLogLines(
      '2024-09-10T13:32:59.424Z REPORT RequestId: fa60295b-85a2-495a-a7e2-da5c85a5eb1e\tDuration: 19266.38 ms\tBilled Duration: 19267 ms\tMemory Size: 2688 MB\tMax Memory Used: 2581 MB\t',
      { identity, receivedAtMs: T },
    );
    expect(r.invocations[0].startTimeMs).toBe(
      Math.round(Date.parse('2024-09-10T13:32:59.424Z') - 19266.38),
    );
  });

  it('reads the Invoke LogType=Tail output of parrotfish: normal and Max Memory Used > Memory Size', () => {
    const normal = parseLambdaLogLines(parrotfishLog('test_log_parsing'), {
      identity,
      receivedAtMs: T,
    });
    expect(normal.invocations).toHaveLength(1);
    expect(normal.invocations[0]).toMatchObject({
      requestId: '03d92713-a4b2-4b07-a07a-653087817262',
      version: '$LATEST',
      durationMs: 18179.84,
      billedDurationMs: 18180,
      maxMemoryUsedMb: 506,
      status: 'success',
    });
    const enomem = parseLambdaLogLines(parrotfishLog('test_lambda_enomem'), {
      identity,
      receivedAtMs: T,
    });
    expect(enomem.invocations[0]).toMatchObject({
      status: 'oom',
      maxMemoryUsedMb: 513,
      memorySizeMb: 512,
    });
  });

  it('reads the space- and tab-separated README excerpts of aws-samples extensions', () => {
    const text = fixture('readme_log_excerpts.txt')
      .split('\n')
      .filter((l) => l.includes('XXXX-XX-XX'))
      .map((l) => l.replace(/^\s*XXXX-XX-XXTXX:XX:XX\.XXX-XX:XX\s+/, ''))
      .join('\n');
    const r = parseLambdaLogLines(text, { identity, receivedAtMs: T });
    expect(r.invocations.length).toBeGreaterThanOrEqual(6);
    for (const inv of r.invocations) {
      expect(inv.durationMs).toBeGreaterThan(0);
      expect(inv.initDurationMs).toBeGreaterThan(0);
      expect(inv.coldStart).toBe(true);
    }
    expect(
      r.invocations.find((i) => i.requestId === 'd94434eb-705d-4c22-8600-c7f53a0c2204'),
    ).toMatchObject({
      durationMs: 17.09,
      billedDurationMs: 18,
      memorySizeMb: 1472,
      initDurationMs: 289.4,
    });
  });
});

describe(`${LambdaLogStreamAssembler.name}: unhandled errors of runtimes other than Node`, () => {
  const ID = '0b4a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const iso = (ms: number) => new Date(ms).toISOString();
  /** START, the lines, REPORT of one invocation: its status. */
  const statusWith = (...lines: string[]): string[] =>
    run([
      [T, `START RequestId: ${ID} Version: $LATEST\n`],
      ...lines.map((l, i): [number, string] => [T + 10 + i, l]),
      [T + 50, `END RequestId: ${ID}\n`],
      [T + 51, report(ID)],
    ]).invocations.map((i) => i.status);

  // awslambdaric bootstrap.py log_error: the lines joined by \n through the telemetry sink (by \r on
  // stdout), indents as U+00A0.
  const pythonTraceback = (join: string) =>
    [
      `[ERROR] KeyError: 'id'`,
      'Traceback (most recent call last):',
      '\u00a0\u00a0File "/var/task/lambda_function.py", line 5, in lambda_handler',
      "\u00a0\u00a0\u00a0\u00a0return event['id']",
    ].join(join) + '\n';

  it("defect: a Python function's unhandled exception was a success (errors 0); it is an error", () => {
    expect(
      statusWith(
        `[INFO]\t${iso(T + 5)}\t${ID}\tprocessing\n`,
        'LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in rare cases, a Lambda runtime update can cause unexpected function behavior.\n',
        pythonTraceback('\n'),
      ),
    ).toEqual(['error']);
    expect(statusWith(pythonTraceback('\r'))).toEqual(['error']);
    // An exception without a message (`raise KeyError()`), and one without frames.
    expect(
      statusWith('[ERROR] KeyError\nTraceback (most recent call last):\n\u00a0\u00a0File "x.py"\n'),
    ).toEqual(['error']);
    expect(
      statusWith(
        "[ERROR] Runtime.HandlerNotFound: Handler 'h' missing on module 'm'\nTraceback (most recent call last):\n",
      ),
    ).toEqual(['error']);
  });

  it("leaves a Python function's own logging.error and logger.exception a success", () => {
    expect(statusWith(`[ERROR]\t${iso(T + 5)}\t${ID}\tpayment declined\n`)).toEqual(['success']);
    expect(
      statusWith(
        `[ERROR]\t${iso(T + 5)}\t${ID}\tretrying\nTraceback (most recent call last):\n  File "x.py", line 1\nKeyError: 'id'\n`,
      ),
    ).toEqual(['success']);
  });

  it("defect: a Python function's logger.exception under a '[%(levelname)s] %(message)s' formatter was an error; it is a success", () => {
    // Lambda's handler kept, its formatter changed; the exception caught and the work retried.
    expect(
      statusWith(
        '[ERROR] Charge for order 42 declined, retrying with backup card\nTraceback (most recent call last):\n  File "/var/task/app.py", line 9, in charge\n    gateway.charge(card)\ngateway.Declined: card declined\n',
      ),
    ).toEqual(['success']);
    // Even when its message reads like the runtime's header, Python's traceback is indented with
    // spaces (the runtime's with U+00A0) and ends with the exception line.
    expect(
      statusWith(
        "[ERROR] KeyError: 'id'\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 5, in h\n    return event['id']\nKeyError: 'id'\n",
      ),
    ).toEqual(['success']);
    expect(
      statusWith(
        '[ERROR] 2026-12-07 07:48:49,123 Order 42 failed\nTraceback (most recent call last):\n',
      ),
    ).toEqual(['success']);
  });

  it('defect: an error payload a function printed itself was an error; only the documents the runtimes print are', () => {
    // A Python caller printing a Node callee's payload; a Python callee's; a Go function logging a
    // service's error body (aws-lambda-go prints errorMessage first); a Java callee's payload, the
    // shape the retired java8 runtime printed, and a Ruby callee's, compact.
    for (const printed of [
      '{"errorType":"Error","errorMessage":"inventory service unavailable","trace":["Error: inventory service unavailable","    at Runtime.handler (/var/task/index.js:3:9)"]}\n',
      `{"errorMessage": "Item not found", "errorType": "NotFound", "requestId": "${ID}", "stackTrace": []}\n`,
      '2026/12/07 07:48:49 {"errorType":"ThrottlingException","errorMessage":"Rate exceeded"}\n',
      '{"errorMessage":"/ by zero","errorType":"java.lang.ArithmeticException","stackTrace":["example.HandlerDivide.handleRequest(HandlerDivide.java:28)"]}\n',
      '{"errorMessage":"boom","errorType":"Function<RuntimeError>","stackTrace":[]}\n',
      // aws-lambda-go's own text, but without its log prefix: a Go callee's payload printed.
      '{"errorMessage":"something went wrong!","errorType":"errorString"}\n',
    ]) {
      expect([printed, statusWith(printed)]).toEqual([printed, ['success']]);
    }
  });

  it('defect: the error document of Go and Ruby was a success; it is an error', () => {
    // aws-lambda-go reportFailure: json.Marshal of InvokeResponse_Error through the standard
    // logger, stackTrace only for a panic; Ruby's LambdaLogger.log_error: JSON.pretty_unparse.
    expect(
      statusWith(
        '2024/01/01 00:00:00 {"errorMessage":"something went wrong!","errorType":"errorString"}\n',
      ),
    ).toEqual(['error']);
    expect(
      statusWith(
        'Error raised from handler method\n',
        '{\n  "errorMessage": "no implicit conversion of String into Integer",\n  "errorType": "Function<TypeError>",\n  "stackTrace": [\n    "/var/task/function.rb:3:in `first\'"\n  ]\n}\n',
      ),
    ).toEqual(['error']);
  });

  it("counts the Java runtime client's unhandled exception text as an error, not a function's own log of one", () => {
    // aws-lambda-java-runtime-interface-client UserFault.reportableError: `<message>: <class>` and
    // the stack trace.
    expect(
      statusWith(
        'boom: java.lang.RuntimeException\njava.lang.RuntimeException: boom\n\tat example.Handler.handleRequest(Handler.java:12)\n\tat example.Handler.handleRequest(Handler.java:5)\n\n',
      ),
    ).toEqual(['error']);
    // An exception without a message: the runtime prints its class as the message.
    expect(
      statusWith(
        'java.util.NoSuchElementException: java.util.NoSuchElementException\njava.util.NoSuchElementException\n\tat example.Handler.handleRequest(Handler.java:20)\n\n',
      ),
    ).toEqual(['error']);
    // log4j2 with AWS's documented pattern, logger.error("Skipping record 7: " + e, e), caught.
    expect(
      statusWith(
        `2026-12-07 07:48:49 ${ID} ERROR Handler - Skipping record 7: java.util.NoSuchElementException\njava.util.NoSuchElementException\n\tat example.Handler.handleRequest(Handler.java:20)\n`,
      ),
    ).toEqual(['success']);
    // The runtime's shape behind a time of the function's logger.
    expect(
      statusWith(
        '07:48:49.123 boom: java.lang.RuntimeException\njava.lang.RuntimeException: 07:48:49.123 boom\n\tat example.Handler.handleRequest(Handler.java:12)\n',
      ),
    ).toEqual(['success']);
    // A stack trace the function prints itself starts with the class.
    expect(
      statusWith(
        'java.lang.RuntimeException: boom\n\tat example.Handler.handleRequest(Handler.java:12)\n',
      ),
    ).toEqual(['success']);
  });

  it('counts the runtime error record of the JSON log format, not JSON application logs at ERROR', () => {
    // awslambdaric log_error with AWS_LAMBDA_LOG_FORMAT=JSON: `log_level`, no `message`.
    expect(
      statusWith(
        `{"timestamp": "2024-01-01T00:00:00Z", "log_level": "ERROR", "errorMessage": "'id'", "errorType": "KeyError", "requestId": "${ID}", "stackTrace": ["  File \\"/var/task/lambda_function.py\\", line 5\\n"]}\n`,
      ),
    ).toEqual(['error']);
    expect(
      statusWith(
        `{"timestamp":"2024-01-01T00:00:00Z","level":"ERROR","message":"payment declined","requestId":"${ID}"}\n`,
      ),
    ).toEqual(['success']);
    // Python's logger.exception in the JSON format (JsonFormatter) adds errorType to its log.
    expect(
      statusWith(
        `{"timestamp":"2024-01-01T00:00:00Z","level":"ERROR","message":"retrying","logger":"root","errorType":"KeyError","errorMessage":"'id'","stackTrace":[],"requestId":"${ID}"}\n`,
      ),
    ).toEqual(['success']);
  });

  it('counts one error per invocation and gives none to an invocation it was not printed in', () => {
    const r = run([
      [T, `START RequestId: ${ID} Version: $LATEST\n`],
      [T + 10, pythonTraceback('\n')],
      [T + 11, pythonTraceback('\n')],
      [T + 51, report(ID)],
      // An init error after the REPORT, outside any request: not the REPORT's.
      [
        T + 60,
        "[ERROR] Runtime.ImportModuleError: Unable to import module 'x'\nTraceback (most recent call last):\n",
      ],
      [T + 70, 'START RequestId: a2 Version: $LATEST\n'],
      [T + 90, report('a2')],
    ]);
    expect(r.invocations.map((i) => [i.requestId, i.status])).toEqual([
      [ID, 'error'],
      ['a2', 'success'],
    ]);
    expect(r.logs.filter((l) => l.severityText === 'ERROR').map((l) => l.requestId)).toEqual([
      ID,
      ID,
      '',
    ]);
  });
});
