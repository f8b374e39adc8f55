import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from '../collector/support/collector-metrics';
import {
  dataMessage,
  fixtureText,
  minuteAgo,
  post,
  reportLine,
  rows,
} from './platform-ingest.helpers';

const ACCESS_KEY = 'firehose-secret-key';
const ACCOUNT = '123456789012';

/** A delivery as Firehose's HTTP endpoint destination sends it (awsdocs httpdeliveryrequestresponse.md). */
function delivery(requestId: string, records: string[]): Record<string, unknown> {
  return { requestId, timestamp: Date.now(), records: records.map((data) => ({ data })) };
}

/** One record: base64 of gzip of a CloudWatch Logs subscription message, as CloudWatch Logs writes it. */
function subscriptionRecord(message: Record<string, unknown>): string {
  return gzipSync(JSON.stringify(message)).toString('base64');
}

/** `length` hex digits that compress as real ids do (hardly). */
function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** Records after Firehose "decompression + message extraction": the plain lines, base64. */
function extractedRecord(lines: string[]): string {
  return Buffer.from(lines.join('\n') + '\n').toString('base64');
}

function headers(requestId: string, key = ACCESS_KEY): Record<string, string> {
  return {
    'x-amz-firehose-request-id': requestId,
    'x-amz-firehose-access-key': key,
    'x-amz-firehose-source-arn': `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/fleetscope`,
    'x-amz-firehose-protocol-version': '1.0',
  };
}

describe('POST /ingest/firehose', () => {
  let fleetscope: RunningFleetscope;
  let url: string;

  beforeAll(async () => {
    // Retention off: the receiver's test data carries 2024 timestamps.
    fleetscope = await startFleetscope({
      FLEETSCOPE_FIREHOSE_ACCESS_KEY: ACCESS_KEY,
      FLEETSCOPE_RETENTION_DAYS: '0',
    });
    url = `${fleetscope.ingestUrl}/ingest/firehose`;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function count(
    table: 'invocations' | 'logs',
    where: string,
    params: Record<string, unknown>,
  ) {
    await fleetscope.flush();
    const [row] = await rows<{ n: number }>(
      fleetscope,
      `SELECT count() AS n FROM ${table} WHERE ${where}`,
      params,
    );
    return row.n;
  }

  it('refuses a missing or wrong access key with 401, errorMessage and the request id echoed', async () => {
    for (const [key, what] of [
      ['', 'missing'],
      ['wrong-key', 'wrong'],
    ]) {
      const requestId = randomUUID();
      const answer = await post<Record<string, unknown>>(
        url,
        delivery(requestId, []),
        headers(requestId, key),
      );
      expect(answer.status).toBe(401);
      // It names the setting the key must equal.
      expect(answer.body).toEqual({
        requestId,
        timestamp: expect.any(Number),
        errorMessage: `X-Amz-Firehose-Access-Key is ${what}: the delivery stream's access key must equal FLEETSCOPE_FIREHOSE_ACCESS_KEY`,
      });
    }
  });

  it('defect (a percent-encoded path skipped the access key): /ingest/%66irehose is the Firehose route and asks for its key', async () => {
    for (const path of ['/ingest/%66irehose', '/ingest/fireho%73e', '/ingest/%66irehose/']) {
      const requestId = randomUUID();
      const answer = await post<Record<string, unknown>>(
        `${fleetscope.ingestUrl}${path}?region=eu-west-1`,
        delivery(requestId, []),
        headers(requestId, 'wrong-key'),
      );
      expect({ path, status: answer.status }).toEqual({
        path,
        status: path.endsWith('/') ? 404 : 401,
      });
    }
  });

  it('answers success with exactly {requestId, timestamp}, echoing the header request id', async () => {
    const requestId = randomUUID();
    const answer = await post<Record<string, unknown>>(
      url,
      delivery(requestId, []),
      headers(requestId),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(answer.body).sort()).toEqual(['requestId', 'timestamp']);
    expect(answer.body.requestId).toBe(requestId);
    expect(Math.abs((answer.body.timestamp as number) - Date.now())).toBeLessThan(60_000);
  });

  it('stores subscription records and already-extracted lines of a gzip body, and a retry nothing twice', async () => {
    const name = 'firehose-orders';
    const id = functionId({ platform: 'aws_lambda', account: ACCOUNT, region: 'us-east-1', name });
    const t = minuteAgo(4, 15_000);
    const viaSubscription = randomUUID();
    const viaLines = randomUUID();
    const subscription = subscriptionRecord(
      dataMessage(ACCOUNT, name, '2025/01/01/[$LATEST]aaaa', [
        { timestamp: t, message: `START RequestId: ${viaSubscription} Version: $LATEST\n` },
        { timestamp: t + 41, message: `END RequestId: ${viaSubscription}\n` },
        {
          timestamp: t + 41,
          message: reportLine(viaSubscription, {
            durationMs: 40.25,
            billedMs: 41,
            memoryMb: 256,
            maxUsedMb: 80,
          }),
        },
      ]),
    );
    const lines = extractedRecord([
      `START RequestId: ${viaLines} Version: $LATEST`,
      `${new Date(t + 5_000).toISOString()}\t${viaLines}\tINFO\thello from extracted lines`,
      `END RequestId: ${viaLines}`,
      reportLine(viaLines, { durationMs: 12.5, billedMs: 13, memoryMb: 256, maxUsedMb: 81 }),
    ]);
    // The concatenated subscription messages of the OTel collector's receiver test data (no Lambda group).
    const concatenated = Buffer.from(fixtureText('cwlog_multiple_records.ndjson')).toString(
      'base64',
    );

    const requestId = randomUUID();
    const body = gzipSync(JSON.stringify(delivery(requestId, [subscription, lines, concatenated])));
    const send = () =>
      post<Record<string, unknown>>(
        `${url}?function=${name}&region=us-east-1&account=${ACCOUNT}`,
        body,
        {
          ...headers(requestId),
          'content-encoding': 'gzip',
        },
      );

    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ requestId, timestamp: expect.any(Number) });
    const invocations = await count('invocations', 'function_id = {id:String}', { id });
    const logs = await count('logs', '1', {});
    expect(invocations).toBe(2);
    expect(
      await rows(
        fleetscope,
        `SELECT request_id, duration_us FROM invocations WHERE function_id = {id:String} ORDER BY duration_us`,
        { id },
      ),
    ).toEqual([
      { request_id: viaLines, duration_us: 12500 },
      { request_id: viaSubscription, duration_us: 40250 },
    ]);
    expect(await count('logs', 'request_id = {r:String}', { r: viaLines })).toBe(1);
    expect(await count('logs', `body LIKE 'Hello world, here is our%'`, {})).toBe(2);

    // Firehose retries a delivery it saw no 200 for, with the same X-Amz-Firehose-Request-Id.
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ requestId, timestamp: expect.any(Number) });
    expect(await count('invocations', 'function_id = {id:String}', { id })).toBe(invocations);
    expect(await count('logs', '1', {})).toBe(logs);
  });

  it('stores a 1 MiB delivery of 25,000 log lines, more than the write queue takes at once, and a retry nothing twice', async () => {
    // 50 records of 500 application log lines (~120 characters), gzip'd as CloudWatch Logs writes
    // them: a 1 MiB body whose 25,000 log rows the writer estimates at ~36 MiB, over the default
    // FLEETSCOPE_QUEUE_MAX_BYTES (32 MiB). It was answered 413, which Firehose takes for a
    // permanent failure: the batch was dropped, not even backed up to S3.
    const name = 'firehose-chatty';
    const id = functionId({ platform: 'aws_lambda', account: ACCOUNT, region: 'us-east-1', name });
    const t = minuteAgo(6);
    const records: string[] = [];
    for (let r = 0; r < 50; r++) {
      const invocation = randomUUID();
      const stream = `2025/01/01/[$LATEST]${r.toString(16).padStart(32, '0')}`;
      records.push(
        subscriptionRecord(
          dataMessage(
            ACCOUNT,
            name,
            stream,
            Array.from({ length: 500 }, (_, i) => ({
              timestamp: t + r * 500 + i,
              message: `${new Date(t + r * 500 + i).toISOString()}\t${invocation}\tINFO\tprocessed order ${hex(`o${r}-${i}`, 10)} trace=${hex(`t${r}-${i}`, 14)} status=ok latency_ms=${i % 100}\n`,
            })),
          ),
        ),
      );
    }
    const requestId = randomUUID();
    const body = JSON.stringify(delivery(requestId, records));
    expect(body.length).toBeGreaterThan(1_000_000);

    const first = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ requestId, timestamp: expect.any(Number) });
    expect(await count('logs', 'function_id = {id:String}', { id })).toBe(25_000);

    const retry = await post<Record<string, unknown>>(url, body, headers(requestId));
    expect(retry.status).toBe(200);
    expect(await count('logs', 'function_id = {id:String}', { id })).toBe(25_000);
  });

  it('takes the function of extracted lines from the endpoint common attributes', async () => {
    const requestId = randomUUID();
    const invocation = randomUUID();
    const answer = await post(
      url,
      delivery(requestId, [
        extractedRecord([
          `START RequestId: ${invocation} Version: 3`,
          `END RequestId: ${invocation}`,
          reportLine(invocation, { durationMs: 7.5, billedMs: 8, memoryMb: 128, maxUsedMb: 60 }),
        ]),
      ]),
      {
        ...headers(requestId),
        'x-amz-firehose-common-attributes': JSON.stringify({
          commonAttributes: {
            'function-arn': `arn:aws:lambda:eu-central-1:${ACCOUNT}:function:by-attributes:3`,
          },
        }),
      },
    );
    expect(answer.status).toBe(200);
    await fleetscope.flush();
    const stored = await rows<{ function_id: string; version: string }>(
      fleetscope,
      `SELECT function_id, version FROM invocations WHERE request_id = {r:String}`,
      { r: invocation },
    );
    expect(stored).toEqual([
      {
        function_id: functionId({
          platform: 'aws_lambda',
          account: ACCOUNT,
          region: 'eu-central-1',
          name: 'by-attributes',
        }),
        version: '3',
      },
    ]);
  });

  it('refuses extracted REPORT lines that name no function with 400, counted, telling to pass function-arn', async () => {
    // Message extraction drops the log group: only the endpoint can name the function. The lines
    // became 3 log rows of no function and no invocation, answered 200 with nothing rejected.
    const invocation = randomUUID();
    const record = extractedRecord([
      `START RequestId: ${invocation} Version: $LATEST`,
      `END RequestId: ${invocation}`,
      reportLine(invocation, {
        durationMs: 12,
        billedMs: 12,
        memoryMb: 128,
        maxUsedMb: 60,
        initMs: 300.1,
      }),
    ]);
    const refusals = () =>
      collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
        signal: 'firehose',
        reason: 'missing_identity',
      });
    const before = await refusals();
    const requestId = randomUUID();
    const answer = await post<Record<string, unknown>>(
      url,
      delivery(requestId, [record]),
      headers(requestId),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringContaining('function-arn'),
    });
    expect(await refusals()).toBe(before + 1);
    expect(await count('logs', 'request_id = {r:String}', { r: invocation })).toBe(0);

    // Firehose retries it; once the endpoint names the function, it is stored.
    const named = await post<Record<string, unknown>>(
      `${url}?function-arn=${encodeURIComponent(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:named-later`)}`,
      delivery(requestId, [record]),
      headers(requestId),
    );
    expect(named.status).toBe(200);
    expect(await count('invocations', 'request_id = {r:String}', { r: invocation })).toBe(1);
  });

  it('answers a body that is not JSON with 400 in the Firehose error shape', async () => {
    const requestId = randomUUID();
    const answer = await post<Record<string, unknown>>(url, '{"requestId": ', headers(requestId));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringMatching(/^Firehose request body is not JSON/),
    });
    const gzipGarbage = await post<Record<string, unknown>>(url, 'not gzip at all', {
      ...headers(requestId),
      'content-encoding': 'gzip',
    });
    expect(gzipGarbage.status).toBe(400);
    expect(gzipGarbage.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringContaining('could not be decompressed'),
    });
  });
});
