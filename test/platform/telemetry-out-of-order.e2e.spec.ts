import { setTimeout as sleep } from 'node:timers/promises';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { metricValue, minuteAgo, post, rows, type Answer } from './platform-ingest.helpers';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

/** A sender that names the function (no qualifier) and the sandbox, but not the version. */
function target(fleetscope: RunningFleetscope, name: string, instance: string): string {
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  return `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(arn)}&instance=${instance}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The init records of a new sandbox, as Lambda hands them to an extension in its first batch. */
function initBatch(atMs: number, name: string): unknown[] {
  return [
    {
      time: iso(atMs),
      type: 'platform.initStart',
      record: {
        initializationType: 'on-demand',
        phase: 'init',
        runtimeVersion: 'python:3.12.v30',
        functionName: name,
        functionVersion: '12',
      },
    },
    {
      time: iso(atMs + 412),
      type: 'platform.initReport',
      record: {
        initializationType: 'on-demand',
        phase: 'init',
        status: 'success',
        metrics: { durationMs: 412.3 },
      },
    },
  ];
}

/**
 * One invocation of the sandbox. Its platform.start names no version (schema 2022-07-01 and the
 * Logs API leave it out; 2022-12-13 makes it optional) and its report no initDurationMs: only
 * the sandbox's platform.initStart says which version, runtime and start it was.
 */
function invocationBatch(atMs: number, requestId: string): unknown[] {
  return [
    { time: iso(atMs), type: 'platform.start', record: { requestId } },
    {
      time: iso(atMs + 20),
      type: 'function',
      record: { level: 'INFO', requestId, message: `handling ${requestId}` },
    },
    {
      time: iso(atMs + 75),
      type: 'platform.report',
      record: {
        requestId,
        status: 'success',
        metrics: { durationMs: 74.6, billedDurationMs: 75, memorySizeMB: 256, maxMemoryUsedMB: 81 },
      },
    },
  ];
}

interface StoredInvocation {
  request_id: string;
  version: string;
  runtime: string;
  cold_start: number;
  init_type: string;
  init_duration_us: number;
  instance: string;
}

async function storedInvocations(
  fleetscope: RunningFleetscope,
  name: string,
): Promise<StoredInvocation[]> {
  await fleetscope.flush();
  return rows<StoredInvocation>(
    fleetscope,
    `SELECT request_id, version, runtime, cold_start, init_type, init_duration_us, instance
     FROM invocations WHERE function_id = {id:String} ORDER BY start_time`,
    { id: functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name }) },
  );
}

const held = (fleetscope: RunningFleetscope, outcome: string) =>
  metricValue(fleetscope, 'fleetscope_ingest_held_requests_total', {
    signal: 'lambda_telemetry',
    outcome,
  });

describe('POST /ingest/lambda/telemetry with batches out of order', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it("stores the invocations of a batch that arrived before its sandbox's platform.initStart with the version, runtime and start the initStart names", async () => {
    const name = 'late-init';
    const url = target(fleetscope, name, 'sandbox-late-init');
    const t0 = minuteAgo(2, 5_000);
    const released = await held(fleetscope, 'released');
    // The batch of the sandbox's first invocations is sent first (a concurrent forwarder, a
    // retry); the batch with its initStart follows while the first is still in flight.
    const reports = post(url, [
      ...invocationBatch(t0 + 420, 'late-1'),
      ...invocationBatch(t0 + 900, 'late-2'),
    ]);
    await Promise.race([reports, sleep(200)]);
    const init = await post(url, initBatch(t0, name));
    const answers: Answer[] = [await reports, init];
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0].body).toMatchObject({ invocations: 2, rejected: 0 });
    // It waited for the initStart's batch rather than arriving after it.
    expect(await held(fleetscope, 'released')).toBe(released + 1);

    expect(await storedInvocations(fleetscope, name)).toEqual([
      {
        request_id: 'late-1',
        version: '12',
        runtime: 'python3.12',
        cold_start: 1,
        init_type: 'on-demand',
        init_duration_us: 412_300,
        instance: 'sandbox-late-init',
      },
      {
        request_id: 'late-2',
        version: '12',
        runtime: 'python3.12',
        cold_start: 0,
        init_type: '',
        init_duration_us: 0,
        instance: 'sandbox-late-init',
      },
    ]);
    const logs = await rows<{ version: string }>(
      fleetscope,
      `SELECT resource_attributes['faas.version'] AS version FROM logs
       WHERE request_id IN ('late-1', 'late-2')`,
    );
    expect(logs).toEqual([{ version: '12' }, { version: '12' }]);
  });

  it('answers a first batch whose sandbox never sends its platform.initStart after FLEETSCOPE_TELEMETRY_INIT_WAIT_MS (1 s), having stored it', async () => {
    const name = 'never-init';
    const before = await held(fleetscope, 'timed_out');
    const sent = Date.now();
    const answer = await post(target(fleetscope, name, 'sandbox-never-init'), [
      ...invocationBatch(minuteAgo(2, 7_000), 'lone-1'),
    ]);
    const waited = Date.now() - sent;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 1 });
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(5_000);
    expect(await held(fleetscope, 'timed_out')).toBe(before + 1);
    expect((await storedInvocations(fleetscope, name)).map((r) => r.request_id)).toEqual([
      'lone-1',
    ]);
  });

  it('holds nothing of a sandbox whose batches arrive in order', async () => {
    const name = 'in-order';
    const url = target(fleetscope, name, 'sandbox-in-order');
    const t0 = minuteAgo(2, 9_000);
    const before = (await held(fleetscope, 'released')) + (await held(fleetscope, 'timed_out'));
    expect((await post(url, initBatch(t0, name))).status).toBe(200);
    expect((await post(url, invocationBatch(t0 + 420, 'ordered-1'))).status).toBe(200);
    expect((await post(url, invocationBatch(t0 + 900, 'ordered-2'))).status).toBe(200);
    expect((await held(fleetscope, 'released')) + (await held(fleetscope, 'timed_out'))).toBe(
      before,
    );
    expect(
      (await storedInvocations(fleetscope, name)).map((r) => [r.request_id, r.version]),
    ).toEqual([
      ['ordered-1', '12'],
      ['ordered-2', '12'],
    ]);
  });
});
