import { randomUUID } from 'node:crypto';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { minuteAgo, post, reportLine, rows } from './platform-ingest.helpers';

const ACCESS_KEY = 'firehose-secret-key';
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const arn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

interface Started {
  request_id: string;
  cold_start: number;
  init_type: string;
  status: string;
}

/** A timed-out invocation's text lines, as Lambda prints them. */
function timedOut(id: string): string[] {
  return [
    `START RequestId: ${id} Version: $LATEST`,
    `2026-01-01T00:00:03.010Z ${id} Task timed out after 3.00 seconds`,
    `END RequestId: ${id}`,
    `REPORT RequestId: ${id}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout`,
  ];
}

/** A warm invocation's text lines, or a cold one's with `initMs`. */
function ran(id: string, initMs?: number): string[] {
  return [
    `START RequestId: ${id} Version: $LATEST`,
    `END RequestId: ${id}`,
    reportLine(id, { durationMs: 12, billedMs: 12, memoryMb: 128, maxUsedMb: 60, initMs }),
  ];
}

/** Telemetry API events (schema 2022-12-13, no instanceId) of one invocation. */
function telemetry(
  id: string,
  atMs: number,
  status: 'success' | 'timeout',
  initDurationMs?: number,
): Record<string, unknown>[] {
  const durationMs = status === 'timeout' ? 3000 : 20;
  return [
    { time: new Date(atMs).toISOString(), type: 'platform.start', record: { requestId: id } },
    {
      time: new Date(atMs + durationMs).toISOString(),
      type: 'platform.runtimeDone',
      record: { requestId: id, status },
    },
    {
      time: new Date(atMs + durationMs + 1).toISOString(),
      type: 'platform.report',
      record: {
        requestId: id,
        status,
        metrics: {
          durationMs,
          billedDurationMs: durationMs,
          memorySizeMB: 128,
          maxMemoryUsedMB: 50,
          ...(initDurationMs === undefined ? {} : { initDurationMs }),
        },
      },
    },
  ];
}

/**
 * Records that do not name their sandbox: lines Firehose extracted from CloudWatch Logs (the log
 * stream is gone), Telemetry API batches and raw lines sent without `instance`. Consecutive
 * records may come from different sandboxes of the function, so the state of one (the reset after
 * a timeout) must not make another's next invocation a cold start.
 */
describe('Lambda records of an unnamed sandbox', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_FIREHOSE_ACCESS_KEY: ACCESS_KEY });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function started(name: string): Promise<Record<string, Omit<Started, 'request_id'>>> {
    await fleetscope.flush();
    const id = functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name });
    const stored = await rows<Started>(
      fleetscope,
      'SELECT request_id, cold_start, init_type, status FROM invocations WHERE function_id = {id:String}',
      { id },
    );
    return Object.fromEntries(stored.map(({ request_id, ...rest }) => [request_id, rest]));
  }

  function firehose(name: string, records: string[][]) {
    const requestId = randomUUID();
    return post(
      `${fleetscope.ingestUrl}/ingest/firehose?function-arn=${encodeURIComponent(arn(name))}`,
      {
        requestId,
        timestamp: Date.now(),
        records: records.map((lines) => ({
          data: Buffer.from(lines.join('\n') + '\n').toString('base64'),
        })),
      },
      { 'x-amz-firehose-request-id': requestId, 'x-amz-firehose-access-key': ACCESS_KEY },
    );
  }

  it('does not make a Firehose record of another sandbox start cold after a timeout in one record', async () => {
    const name = 'extracted-sandboxes';
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID());
    // One record is one CloudWatch Logs record, of one log stream: a, then d after its timeout.
    expect((await firehose(name, [timedOut(a), ran(b), [...timedOut(c), ...ran(d)]])).status).toBe(
      200,
    );
    expect((await firehose(name, [ran(e, 250.5)])).status).toBe(200);
    expect(await started(name)).toEqual({
      [a]: { cold_start: 0, init_type: '', status: 'timeout' },
      // Another sandbox (or the same one later): nothing says it started cold.
      [b]: { cold_start: 0, init_type: '', status: 'success' },
      [c]: { cold_start: 0, init_type: '', status: 'timeout' },
      // After the timeout of its own log stream, the sandbox was started again.
      [d]: { cold_start: 1, init_type: 'on-demand', status: 'success' },
      // An Init Duration still says so.
      [e]: { cold_start: 1, init_type: 'on-demand', status: 'success' },
    });
  });

  it('does not make a Firehose delivery start cold after a timeout in the previous delivery', async () => {
    const name = 'extracted-deliveries';
    const [a, b] = [randomUUID(), randomUUID()];
    expect((await firehose(name, [timedOut(a)])).status).toBe(200);
    expect((await firehose(name, [ran(b)])).status).toBe(200);
    expect(await started(name)).toEqual({
      [a]: { cold_start: 0, init_type: '', status: 'timeout' },
      [b]: { cold_start: 0, init_type: '', status: 'success' },
    });
  });

  it('does not make a Telemetry API batch without instance start cold after a timeout in another', async () => {
    const name = 'telemetry-sandboxes';
    const url = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(arn(name))}`;
    const t = minuteAgo(5);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    expect((await post(url, telemetry(a, t, 'timeout'))).status).toBe(200);
    expect((await post(url, telemetry(b, t + 3500, 'success'))).status).toBe(200);
    expect((await post(url, telemetry(c, t + 4000, 'success', 180))).status).toBe(200);
    expect(await started(name)).toEqual({
      [a]: { cold_start: 0, init_type: '', status: 'timeout' },
      [b]: { cold_start: 0, init_type: '', status: 'success' },
      [c]: { cold_start: 1, init_type: 'on-demand', status: 'success' },
    });
  });

  it('does not make raw lines sent without instance start cold after a timeout in another request', async () => {
    const name = 'raw-sandboxes';
    const url = `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(arn(name))}`;
    const [a, b] = [randomUUID(), randomUUID()];
    const send = (lines: string[]) => post(url, lines.join('\n'), { 'content-type': 'text/plain' });
    expect((await send(timedOut(a))).status).toBe(200);
    expect((await send(ran(b))).status).toBe(200);
    expect(await started(name)).toEqual({
      [a]: { cold_start: 0, init_type: '', status: 'timeout' },
      [b]: { cold_start: 0, init_type: '', status: 'success' },
    });
  });
});
