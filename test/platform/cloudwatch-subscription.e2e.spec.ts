import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  fixtureJson,
  listFunctions,
  post,
  reportLine,
  rows,
  type FunctionSummary,
  type LogEvent,
} from './platform-ingest.helpers';

// The fixtures are real captures from 2019 and 2022: retention is switched off so their rows stay.
const KEEP_FOREVER = { FLEETSCOPE_RETENTION_DAYS: '0', FLEETSCOPE_AGGREGATE_RETENTION_DAYS: '0' };

interface InvocationRow {
  request_id: string;
  source: string;
  start_time: string;
  duration_us: number;
  billed_duration_ms: number;
  init_duration_us: number;
  memory_size_mb: number;
  max_memory_used_mb: number;
  cold_start: number;
  init_type: string;
  status: string;
  error_type: string;
  instance: string;
  trace_id: string;
}

const INVOCATION_COLUMNS = `request_id, source, toString(start_time) AS start_time, duration_us,
  billed_duration_ms, init_duration_us, memory_size_mb, max_memory_used_mb, cold_start, init_type,
  status, error_type, instance, trace_id`;

async function invocationsOf(fleetscope: RunningFleetscope, id: string): Promise<InvocationRow[]> {
  await fleetscope.flush();
  return rows<InvocationRow>(
    fleetscope,
    `SELECT ${INVOCATION_COLUMNS} FROM invocations WHERE function_id = {id:String} ORDER BY start_time`,
    { id },
  );
}

describe('POST /ingest/lambda/cloudwatch with the powertools capture', () => {
  let fleetscope: RunningFleetscope;
  const id = functionId({
    platform: 'aws_lambda',
    account: '231436140809',
    region: 'eu-west-1',
    name: 'pt-1488-DummyLogDataFunction-gnWXPvL6jJyG',
  });

  beforeAll(async () => {
    fleetscope = await startFleetscope(KEEP_FOREVER);
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('stores the cold and the warm invocation with the exact durations and Init Duration', async () => {
    const event = fixtureJson<{ Records: { kinesis: { data: string } }[] }>(
      'kinesisStreamCloudWatchLogsEvent.json',
    );
    // Each Kinesis record is one subscription delivery, exactly as CloudWatch Logs wrote it.
    for (const record of event.Records) {
      const answer = await post(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=eu-west-1`,
        {
          awslogs: { data: record.kinesis.data },
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ invocations: 1, rejected: 0, duplicate: false });
    }

    expect(await invocationsOf(fleetscope, id)).toEqual([
      {
        request_id: '4dfec460-05bb-4f62-8fed-e5cade099a36',
        source: 'lambda_log',
        start_time: '2022-11-10 15:03:23.917',
        duration_us: 970,
        billed_duration_ms: 1,
        init_duration_us: 0,
        memory_size_mb: 128,
        max_memory_used_mb: 37,
        cold_start: 0,
        init_type: '',
        status: 'success',
        error_type: '',
        instance: '2022/11/10/[$LATEST]6749cb3ec3b34895986d592d7421cab2',
        trace_id: '636d12bb42356e4e68523f1d0eb810e6',
      },
      {
        request_id: '06e46194-f277-454e-88d3-1dd7e3860eaa',
        source: 'lambda_log',
        start_time: '2022-11-10 15:10:27.015',
        duration_us: 9140,
        billed_duration_ms: 10,
        init_duration_us: 190620,
        memory_size_mb: 128,
        max_memory_used_mb: 36,
        cold_start: 1,
        init_type: 'on-demand',
        status: 'success',
        error_type: '',
        instance: '2022/11/10/[$LATEST]26b6a45d574f442ea28438923cbf7bf7',
        trace_id: '636d146233ef10600061cad86dab71c8',
      },
    ]);
  });

  it('lists the function with two invocations, one cold start and its memory size', async () => {
    const functions = await listFunctions(
      fleetscope,
      Date.parse('2022-11-10T00:00:00Z'),
      Date.parse('2022-11-11T00:00:00Z'),
    );
    const fn = functions.find((f) => f.id === id);
    expect(fn).toMatchObject({
      platform: 'aws_lambda',
      account: '231436140809',
      region: 'eu-west-1',
      name: 'pt-1488-DummyLogDataFunction-gnWXPvL6jJyG',
      version: '$LATEST',
      memoryMb: 128,
      invocations: 2,
      errors: 0,
      timeouts: 0,
      coldStarts: 1,
      coldStartRate: 0.5,
      maxMemoryUsedMb: 37,
    });
    expect(fn?.durationMs.max).toBe(9.14);
    // Percentiles come from the log-scale sketch: within one bucket (2^(1/8) ≈ 9 %) of the value.
    expect(fn?.initDurationMs.p50).toBeGreaterThan(190.62 / 1.1);
    expect(fn?.initDurationMs.p50).toBeLessThan(190.62 * 1.1);
    // 10 ms + 1 ms billed at 128 MB.
    expect(fn?.billedGbSeconds).toBeCloseTo((11 * 128) / 1024 / 1000, 4);
  });

  it('keeps the log lines of powertools cloudWatchLogEvent.json, a group that is no function', async () => {
    const before = await rows<{ n: number }>(fleetscope, `SELECT count() AS n FROM logs`);
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=eu-west-1`,
      fixtureJson('cloudWatchLogEvent.json'),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 0, logs: 2, rejected: 0 });
    await fleetscope.flush();
    const after = await rows<{ n: number }>(fleetscope, `SELECT count() AS n FROM logs`);
    expect(after[0].n - before[0].n).toBe(2);
  });
});

/** The New Relic fixture's stream, continued: the next invocation after the sandbox was reset. */
function nextInvocation(
  template: { logEvents: LogEvent[] },
  requestId: string,
): Record<string, unknown> {
  const timestamp = template.logEvents[0].timestamp + 60_000;
  return {
    ...template,
    logEvents: [
      {
        id: '1',
        timestamp: timestamp - 13,
        message: `START RequestId: ${requestId} Version: $LATEST\n`,
      },
      { id: '2', timestamp, message: `END RequestId: ${requestId}\n` },
      {
        id: '3',
        timestamp,
        message: `${reportLine(requestId, { durationMs: 12.5, billedMs: 13, memoryMb: 128, maxUsedMb: 30 })}\n`,
      },
    ],
  };
}

const newRelicFunction = functionId({
  platform: 'aws_lambda',
  account: '463657938898',
  region: 'us-east-1',
  name: 'sam-node-test-dev-triggered',
});
const NEW_RELIC_FROM = Date.parse('2019-01-31T00:00:00Z');
const NEW_RELIC_TO = Date.parse('2019-02-01T00:00:00Z');

/**
 * Posts a New Relic capture and the invocation after it (`nextRequestId`), each answered 200, and
 * reads back the invocations stored for the function.
 */
async function postWithNextInvocation(
  fleetscope: RunningFleetscope,
  fixture: string,
  nextRequestId: string,
): Promise<InvocationRow[]> {
  const capture = fixtureJson<{ logEvents: LogEvent[] }>(fixture);
  const url = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`;
  expect((await post(url, capture)).status).toBe(200);
  expect((await post(url, nextInvocation(capture, nextRequestId))).status).toBe(200);
  return invocationsOf(fleetscope, newRelicFunction);
}

/** The invocation after the capture: the reset makes it a cold start with no init to measure. */
function coldStartWithoutInit(requestId: string): unknown {
  return expect.objectContaining({
    request_id: requestId,
    status: 'success',
    cold_start: 1,
    init_type: 'on-demand',
    init_duration_us: 0,
  });
}

/** The New Relic function as GET /api/functions lists it over the captures' day. */
async function listedNewRelicFunction(fleetscope: RunningFleetscope): Promise<FunctionSummary> {
  const [fn] = (await listFunctions(fleetscope, NEW_RELIC_FROM, NEW_RELIC_TO)).filter(
    (f) => f.id === newRelicFunction,
  );
  return fn;
}

describe('POST /ingest/lambda/cloudwatch with the New Relic timeout', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope(KEEP_FOREVER);
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('classifies the timeout (billed below duration) and makes the next invocation a cold start without init', async () => {
    const nextRequestId = 'a1b2c3d4-0000-4000-8000-000000000001';
    const stored = await postWithNextInvocation(
      fleetscope,
      'entry_lambda_timeout.json',
      nextRequestId,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        request_id: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
        status: 'timeout',
        duration_us: 3003280,
        billed_duration_ms: 3000,
        max_memory_used_mb: 35,
      }),
      coldStartWithoutInit(nextRequestId),
    ]);

    const fn = await listedNewRelicFunction(fleetscope);
    expect(fn).toMatchObject({
      invocations: 2,
      timeouts: 1,
      coldStarts: 1,
      timeoutMs: 3000,
      memoryMb: 128,
    });
    // The reset is a cold start that had no init to measure.
    expect(fn.initDurationMs).toEqual({ p50: null, p95: null, p99: null });
  });
});

describe('POST /ingest/lambda/cloudwatch with the New Relic OOM kill', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope(KEEP_FOREVER);
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('classifies signal: killed with a low Max Memory Used as out of memory and the next invocation as cold', async () => {
    const nextRequestId = 'a1b2c3d4-0000-4000-8000-000000000002';
    const stored = await postWithNextInvocation(fleetscope, 'entry_lambda_oom.json', nextRequestId);
    expect(stored).toEqual([
      expect.objectContaining({
        request_id: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
        status: 'oom',
        error_type: 'Runtime.ExitError',
        memory_size_mb: 128,
        max_memory_used_mb: 35,
      }),
      coldStartWithoutInit(nextRequestId),
    ]);
    expect(await listedNewRelicFunction(fleetscope)).toMatchObject({
      invocations: 2,
      timeouts: 0,
      coldStarts: 1,
    });
    const minutes = await rows<{ ooms: number }>(
      fleetscope,
      `SELECT sum(ooms) AS ooms FROM function_minutes WHERE function_id = {id:String}`,
      { id: newRelicFunction },
    );
    expect(minutes[0].ooms).toBe(1);
  });
});
