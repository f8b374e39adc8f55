import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionIdentity } from '@fleetscope/model';
import { functionId } from '@fleetscope/model';
import { LambdaLogStreamAssemblerPool } from '../log-stream-assembler.pool';
import { parseTelemetryBatch } from './telemetry-batch.parser';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

const identity: FunctionIdentity = {
  platform: 'aws_lambda',
  account: '123456789012',
  region: 'us-east-1',
  name: 'hello-world',
};

interface DocExample {
  file: string;
  ok: boolean;
  event?: Record<string, unknown>;
  raw?: string;
}
const docs = JSON.parse(fixture('extracted_telemetry_event_examples.json')) as DocExample[];

interface DatadogFixture {
  raw: string;
}
const datadog = (
  JSON.parse(fixture('telemetry_api_fixtures.json')) as { fixtures: DatadogFixture[] }
).fixtures.map((f) => f.raw);
const datadogEvent = (type: string, n = 0): string =>
  datadog.filter((r) => r.startsWith('{') && r.includes(`"type":"${type}"`))[n];

describe(parseTelemetryBatch.name, () => {
  it('turns platform.report into an invocation with every metric and the trace (Datadog fixture)', () => {
    const batch = `[${datadogEvent('platform.start')},${datadog.find((r) => r.includes('"type":"platform.runtimeDone"'))},${datadogEvent('platform.report')}]`;
    const r = parseTelemetryBatch(batch, { identity });
    expect(r.failure).toBeUndefined();
    expect(r.rejected).toBe(0);
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      source: 'lambda_telemetry',
      functionId: functionId(identity),
      requestId: '459921b5-681c-4a96-beb0-81e0aa586026',
      version: '$LATEST',
      startTimeMs: Date.parse('2022-10-21T14:05:03.165Z'),
      durationMs: 2599.4,
      billedDurationMs: 2600,
      memorySizeMb: 128,
      maxMemoryUsedMb: 94,
      initDurationMs: 549.04,
      coldStart: true,
      initType: 'on-demand',
      status: 'success',
      traceId: '6352a70e1e2c502e358361800241fd45',
    });
  });

  it('accepts the managed-instances report that carries only durationMs', () => {
    const r = parseTelemetryBatch(`[${datadogEvent('platform.report', 1)}]`, { identity });
    expect(r.invocations[0]).toMatchObject({
      requestId: '13d1305b-a2f5-440c-bfbe-686ccff3d3e0',
      durationMs: 1.148,
      billedDurationMs: null,
      memorySizeMb: null,
      maxMemoryUsedMb: null,
      startTimeMs: Math.round(Date.parse('2025-09-19T19:36:50.881Z') - 1.148),
      status: 'success',
      coldStart: false,
    });
  });

  it('refuses, and says so, a platform.report whose durations are not numbers (it was dropped in silence)', () => {
    const report = {
      time: '2026-12-06T10:00:00.000Z',
      type: 'platform.report',
      record: {
        requestId: 'strings-1',
        status: 'success',
        metrics: { durationMs: '10.5', billedDurationMs: '11', memorySizeMB: '128' },
      },
    };
    const r = parseTelemetryBatch(JSON.stringify([report]), { identity });
    expect(r.invocations).toEqual([]);
    expect(r.rejected).toBe(1);
    expect(r.rejectedByReason).toEqual({ invalid_event: 1 });
    expect(r.errors).toEqual([
      'report of request strings-1 has no numeric duration or billed duration: not stored as an invocation',
    ]);
  });

  it('refuses a report that ran longer than Fleetscope stores, naming its duration, not its start time', () => {
    const report = {
      time: '2026-12-06T10:00:00.000Z',
      type: 'platform.report',
      record: { requestId: 'huge-1', status: 'success', metrics: { durationMs: 1e300 } },
    };
    const r = parseTelemetryBatch(JSON.stringify([report]), { identity });
    expect(r.invocations).toEqual([]);
    expect(r.errors).toEqual([
      'report of request huge-1: Duration 1e+300 ms is more than 4,294,967.295 ms, the most Fleetscope stores: not stored as an invocation',
    ]);
  });

  it('reads the runtime, version and instance of a 2025-01-29 initStart', () => {
    const initStart = datadog.find((r) => r.includes('runtimeVersionArn'))!;
    const report =
      '[{"time":"2024-04-25T17:36:00.500Z","type":"platform.report","record":{"requestId":"r1","status":"success","metrics":{"durationMs":20.5,"billedDurationMs":21,"memorySizeMB":128,"maxMemoryUsedMB":60,"initDurationMs":300.2}}}]';
    const r = parseTelemetryBatch(
      JSON.stringify([...JSON.parse(initStart), ...JSON.parse(report)]),
      { identity },
    );
    expect(r.invocations[0]).toMatchObject({
      runtime: 'nodejs20.x',
      version: '$LATEST',
      coldStart: true,
      initType: 'on-demand',
    });
    expect(r.configHints.at(-1)).toMatchObject({
      runtime: 'nodejs20.x',
      runtimeVersion: 'nodejs:20.v22',
      memorySizeMb: 128,
    });
  });

  it('does not count the first invocation of a provisioned-concurrency sandbox as a cold start', () => {
    const batch = [
      {
        time: '2024-01-01T00:00:00.000Z',
        type: 'platform.initStart',
        record: { initializationType: 'provisioned-concurrency', phase: 'init' },
      },
      {
        time: '2024-01-01T00:10:00.000Z',
        type: 'platform.initReport',
        record: {
          initializationType: 'provisioned-concurrency',
          phase: 'init',
          metrics: { durationMs: 812.3 },
        },
      },
      {
        time: '2024-01-01T00:10:00.100Z',
        type: 'platform.report',
        record: {
          requestId: 'r1',
          status: 'success',
          metrics: {
            durationMs: 50,
            billedDurationMs: 50,
            memorySizeMB: 1024,
            maxMemoryUsedMB: 90,
            initDurationMs: 812.3,
          },
        },
      },
    ];
    const r = parseTelemetryBatch(batch, { identity });
    expect(r.invocations[0]).toMatchObject({
      coldStart: false,
      initType: 'provisioned-concurrency',
      initDurationMs: 812.3,
    });
  });

  it('keeps initStart state across batches of the same sandbox through a pool', () => {
    const pool = new LambdaLogStreamAssemblerPool();
    parseTelemetryBatch(
      [
        {
          time: '2024-01-01T00:00:00.000Z',
          type: 'platform.initStart',
          record: { initializationType: 'provisioned-concurrency', phase: 'init' },
        },
      ],
      { identity, instance: 'i-1', pool },
    );
    const r = parseTelemetryBatch(
      [
        {
          time: '2024-01-01T01:00:00.000Z',
          type: 'platform.report',
          record: {
            requestId: 'r1',
            metrics: { durationMs: 5, billedDurationMs: 5, memorySizeMB: 128, maxMemoryUsedMB: 40 },
          },
        },
      ],
      { identity, instance: 'i-1', pool },
    );
    expect(r.invocations[0]).toMatchObject({
      coldStart: false,
      initType: 'provisioned-concurrency',
      instance: 'i-1',
    });
  });

  it("takes what a platform.initStart that came after its sandbox's invocations names for the next ones, without making the next one an init", () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const report = (requestId: string, at: string) => ({
      time: at,
      type: 'platform.report',
      record: {
        requestId,
        metrics: { durationMs: 5, billedDurationMs: 5, memorySizeMB: 128, maxMemoryUsedMB: 40 },
      },
    });
    const first = parseTelemetryBatch([report('r1', '2024-01-01T00:00:01.000Z')], {
      identity,
      instance: 'i-late',
      pool,
    });
    // The init batch, older than r1, comes after it (later than any wait for it).
    parseTelemetryBatch(
      [
        {
          time: '2024-01-01T00:00:00.000Z',
          type: 'platform.initStart',
          record: {
            initializationType: 'on-demand',
            phase: 'init',
            runtimeVersion: 'python:3.13.v68',
            functionVersion: '4',
          },
        },
        {
          time: '2024-01-01T00:00:00.300Z',
          type: 'platform.initReport',
          record: {
            initializationType: 'on-demand',
            phase: 'init',
            status: 'success',
            metrics: { durationMs: 300 },
          },
        },
      ],
      { identity, instance: 'i-late', pool },
    );
    const next = parseTelemetryBatch([report('r2', '2024-01-01T00:10:00.000Z')], {
      identity,
      instance: 'i-late',
      pool,
    });
    expect(first.invocations[0]).toMatchObject({ version: '', coldStart: false });
    expect(next.invocations[0]).toMatchObject({
      version: '4',
      runtime: 'python3.13',
      coldStart: false,
      initType: '',
      initDurationMs: null,
    });
  });

  it('reads a SnapStart restore as a snap-start cold start (Datadog restore fixtures)', () => {
    const batch = `[${datadogEvent('platform.restoreStart')},${datadogEvent('platform.restoreReport')},{"time":"2022-10-19T13:52:16.300Z","type":"platform.report","record":{"requestId":"r1","status":"success","metrics":{"durationMs":12,"billedDurationMs":12,"memorySizeMB":512,"maxMemoryUsedMB":100,"restoreDurationMs":150.5}}}]`;
    const r = parseTelemetryBatch(batch, { identity });
    expect(r.invocations[0]).toMatchObject({
      coldStart: true,
      initType: 'snap-start',
      restoreDurationMs: 150.5,
    });
  });

  it('keeps a failed restore as an error log row', () => {
    const r = parseTelemetryBatch(`[${datadogEvent('platform.restoreReport', 1)}]`, { identity });
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatchObject({ severityText: 'ERROR', source: 'lambda_telemetry' });
    expect(r.logs[0].body).toContain('RestoreError');
  });

  it('marks a timeout from platform.report status and resets the sandbox', () => {
    const batch = [
      {
        time: '2024-01-01T00:00:03.000Z',
        type: 'platform.runtimeDone',
        record: { requestId: 'r1', status: 'timeout' },
      },
      {
        time: '2024-01-01T00:00:03.010Z',
        type: 'platform.report',
        record: {
          requestId: 'r1',
          status: 'timeout',
          metrics: {
            durationMs: 3000,
            billedDurationMs: 3000,
            memorySizeMB: 128,
            maxMemoryUsedMB: 60,
          },
        },
      },
      {
        time: '2024-01-01T00:00:09.000Z',
        type: 'platform.report',
        record: {
          requestId: 'r2',
          status: 'success',
          metrics: { durationMs: 10, billedDurationMs: 10, memorySizeMB: 128, maxMemoryUsedMB: 60 },
        },
      },
    ];
    const r = parseTelemetryBatch(batch, { identity });
    expect(r.invocations.map((i) => [i.status, i.coldStart])).toEqual([
      ['timeout', false],
      ['success', true],
    ]);
    expect(r.configHints.at(-1)).toMatchObject({ timeoutMs: 3000 });
  });

  it('turns function and extension records, text or JSON, into log rows', () => {
    const batch = `[${datadog[0]},${datadog[1]},${JSON.stringify(docs.find((d) => d.event?.type === 'extension')!.event)},{"time":"2024-01-01T00:00:00.000Z","type":"function","record":"2024-01-01T00:00:00.000Z\\tc793869b-ee49-115b-a5b6-4fd21e8dedac\\tWARN\\tslow"}]`;
    const r = parseTelemetryBatch(batch, { identity });
    expect(r.logs.map((l) => [l.body, l.severityText, l.requestId])).toEqual([
      ['datadog <3 serverless', '', ''],
      ['{"hello":"world"}', '', ''],
      ['Hello world, I am an extension!', 'INFO', ''],
      ['slow', 'WARN', 'c793869b-ee49-115b-a5b6-4fd21e8dedac'],
    ]);
    expect(r.logs[0]).toMatchObject({
      timeUnixNano: `${Date.parse('2024-04-24T12:34:56.789Z')}000000`,
      functionId: functionId(identity),
    });
  });

  it('accepts every valid example of the AWS docs without rejecting any', () => {
    const batch = docs.filter((d) => d.ok).map((d) => d.event);
    const r = parseTelemetryBatch(JSON.stringify(batch), { identity });
    expect(r.failure).toBeUndefined();
    expect(r.rejected).toBe(0);
    // Two platform.report examples: the Logs API one and none else valid (the schema one is invalid JSON).
    expect(r.invocations.map((i) => [i.requestId, i.durationMs, i.initDurationMs])).toEqual([
      ['6f7f0961f83442118a7af6fe80b88d56', 101.51, 116.67],
    ]);
    // The runtimeDone failure/timeout and the platform.fault examples stay visible as errors.
    expect(r.logs.some((l) => l.body.includes('Process exited before completing request'))).toBe(
      true,
    );
  });

  it('accepts every Datadog event type without rejecting any', () => {
    const events = datadog.flatMap((raw): unknown[] => {
      const v = JSON.parse(raw) as unknown;
      return Array.isArray(v) ? (v as unknown[]) : [v];
    });
    const r = parseTelemetryBatch(events, { identity });
    expect(r.rejected).toBe(0);
    expect(r.invocations).toHaveLength(2);
    expect(r.logs.some((l) => l.severityText === 'WARN' && l.body.includes('BufferFull'))).toBe(
      true,
    );
  });

  it.each(docs.filter((d) => !d.ok).map((d) => [d.raw!.slice(0, 60).replace(/\s+/g, ' '), d.raw!]))(
    'fails the whole body with a clear message for invalid JSON: %s…',
    (_label, raw) => {
      const r = parseTelemetryBatch(Buffer.from(raw), { identity });
      expect(r.failure?.reason).toBe('invalid_json');
      expect(r.failure?.message).toMatch(/^Telemetry API batch is not valid JSON: /);
      expect(r.rejected).toBe(1);
      expect(r.invocations).toHaveLength(0);
    },
  );

  it('rejects one malformed event and keeps the others', () => {
    const batch = [
      42,
      { type: 'platform.report', record: { requestId: 'x', metrics: {} } },
      { time: '2024-01-01T00:00:00.000Z', type: 'platform.report', record: { requestId: 'x' } },
      { time: '2024-01-01T00:00:00.000Z', type: 'platform.start', record: 'not an object' },
      {
        time: '2024-01-01T00:00:00.000Z',
        type: 'platform.report',
        record: { requestId: 'ok', metrics: { durationMs: 1 } },
      },
    ];
    const r = parseTelemetryBatch(batch, { identity });
    expect(r.rejected).toBe(4);
    expect(r.rejectedByReason).toEqual({ invalid_event: 4 });
    expect(r.errors).toEqual([
      'events[0] is not an object',
      'events[1]: platform.report event has no valid ISO-8601 "time"',
      'events[2]: platform.report x has no "metrics" object',
      'events[3]: platform.start event "record" is not an object',
    ]);
    expect(r.invocations.map((i) => i.requestId)).toEqual(['ok']);
  });

  it('fails a body that is not an array of events', () => {
    expect(parseTelemetryBatch('"hello"', { identity }).failure?.reason).toBe('invalid_shape');
  });

  it('reads the captured Logs API batch of aws-samples (derived from Python repr)', () => {
    const r = parseTelemetryBatch(fixture('logs-api-batch-2020-11-12.derived.json'), { identity });
    expect(r.rejected).toBe(0);
    expect(r.invocations[0]).toMatchObject({
      requestId: '49e64413-fd42-47ef-b130-6fd16f30148d',
      version: '$LATEST',
      startTimeMs: Date.parse('2020-11-12T14:55:06.560Z'),
      durationMs: 4.96,
      billedDurationMs: 100,
      initDurationMs: 792.41,
      coldStart: true,
      traceId: '5fad4cc970259536495de84a2a6282cd',
    });
    expect(r.logs.map((l) => [l.body, l.requestId])).toEqual([
      [
        'Function: Logging something which logging extension will send to S3',
        '49e64413-fd42-47ef-b130-6fd16f30148d',
      ],
    ]);
  });

  it('reads the captured Telemetry API batch of aws-samples (derived from Python repr)', () => {
    const r = parseTelemetryBatch(fixture('telemetry-api-batch-2022-09-13.derived.json'), {
      identity,
    });
    expect(r.rejected).toBe(0);
    expect(r.invocations).toHaveLength(0);
    expect(r.logs).toHaveLength(9);
    expect(r.logs[0].body).toBe('python_example_telemetry_api_extension  launching extension');
  });
});
