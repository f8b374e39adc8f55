import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  awslogs,
  dataMessage,
  listFunctions,
  metricValue,
  minuteAgo,
  post,
  reportLine,
  rows,
} from './platform-ingest.helpers';

const ACCOUNT = '123456789012';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:bad-input`;

interface ErrorAnswer {
  message: string;
  rejected?: number;
  errors?: string[];
}

interface OkAnswer {
  invocations: number;
  logs: number;
  rejected: number;
  errors: string[];
}

function reportEvent(requestId: string, at: number): Record<string, unknown> {
  return {
    time: new Date(at).toISOString(),
    type: 'platform.report',
    record: {
      requestId,
      status: 'success',
      metrics: { durationMs: 12.3, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 50 },
    },
  };
}

describe('platform ingest with bad input', () => {
  let fleetscope: RunningFleetscope;
  let telemetry: string;
  let cloudwatch: string;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    telemetry = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(ARN)}`;
    cloudwatch = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=us-east-1`;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function stored(requestIds: string[]): Promise<string[]> {
    await fleetscope.flush();
    const found = await rows<{ request_id: string }>(
      fleetscope,
      `SELECT request_id FROM invocations WHERE request_id IN {ids:Array(String)} ORDER BY request_id`,
      { ids: requestIds },
    );
    return found.map((r) => r.request_id);
  }

  it.each([
    ['a body that is not JSON', '{"time": "2024-01-01T00:00:00Z", "type": ', /not valid JSON/],
    ['a JSON value that is no batch', '"hello"', /array|object/i],
  ])(
    'answers a Telemetry API batch that is %s with 400 and says why',
    async (_label, body, message) => {
      const answer = await post<ErrorAnswer>(telemetry, body);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(message);
    },
  );

  it('answers a Telemetry API batch without a function with 400 naming the parameters to pass', async () => {
    const answer = await post<ErrorAnswer>(`${fleetscope.ingestUrl}/ingest/lambda/telemetry`, [
      reportEvent(randomUUID(), Date.now()),
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('function-arn');
    const badArn = await post<ErrorAnswer>(
      `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=arn:aws:s3:::bucket`,
      [],
    );
    expect(badArn.status).toBe(400);
    expect(badArn.body.message).toContain('is not a Lambda function ARN');
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'lambda_telemetry',
        reason: 'missing_identity',
      }),
    ).toBe(2);
  });

  it('keeps the good events of a Telemetry API batch around bad ones, and names the bad ones', async () => {
    const good = [randomUUID(), randomUUID()];
    const at = minuteAgo(1, 1_000);
    const answer = await post<OkAnswer>(telemetry, [
      reportEvent(good[0], at),
      42,
      { time: new Date(at).toISOString(), type: 'platform.report', record: { status: 'success' } },
      { type: 'platform.report' },
      reportEvent(good[1], at + 500),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.invocations).toBe(2);
    expect(answer.body.rejected).toBe(3);
    expect(answer.body.errors).toHaveLength(3);
    expect(answer.body.errors.join('\n')).toContain('requestId');
    expect(await stored(good)).toEqual([...good].sort());
  });

  it.each([
    ['not JSON', 'this is not json', /JSON/],
    ['awslogs.data that is not base64', { awslogs: { data: '***' } }, /base64/],
    [
      'awslogs.data that is not compressed JSON',
      { awslogs: { data: Buffer.from('plain text').toString('base64') } },
      /.+/,
    ],
    [
      'a message without logEvents',
      { messageType: 'DATA_MESSAGE', logGroup: '/aws/lambda/x' },
      /logEvents/,
    ],
  ])(
    'answers a CloudWatch subscription delivery with %s with 400 and says why',
    async (_label, body, message) => {
      const answer = await post<ErrorAnswer>(cloudwatch, body);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(message);
    },
  );

  it('answers a CloudWatch delivery without a region, or with one that is not, with 400 naming the parameter', async () => {
    // Found by a review: the payload names no region, and the function got an id of its own
    // (`aws_lambda~ACCOUNT~~NAME`), priced at us-east-1's prices.
    const message = dataMessage(ACCOUNT, 'no-region', '2025/06/01/[$LATEST]abc', [
      {
        timestamp: minuteAgo(1),
        message: `${reportLine(randomUUID(), { durationMs: 5, billedMs: 5, memoryMb: 128, maxUsedMb: 40 })}\n`,
      },
    ]);
    const missing = await post<ErrorAnswer>(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch`,
      message,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('?region=');
    const wrong = await post<ErrorAnswer>(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=Europe`,
      message,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('"Europe" is not an AWS region');
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'lambda_cloudwatch',
        reason: 'missing_region',
      }),
    ).toBe(2);
    const rows = await fleetscope.clickhouse.client.query({
      query: `SELECT count() AS n FROM invocations WHERE function_id LIKE '%no-region'`,
      format: 'JSONEachRow',
    });
    expect(await rows.json()).toEqual([{ n: 0 }]);
  });

  it('defect (a function named without region or account got an id of its own): answers 400 naming what is missing, and with them counts one function', async () => {
    // Found by a review: ?function=dup-x&account=… gave `aws_lambda~123456789012~~dup-x`, so one
    // invocation sent as a span (eu-west-1) and as a REPORT line was two functions with one
    // invocation each, the second priced at us-east-1's prices. Any region string was taken.
    const name = 'named-split';
    // Raw lines carry no time (they are stored at their arrival) and a minute counts one source's
    // invocations: the span and the line are sent within one minute.
    const into = Date.now() % 60_000;
    if (into < 3_000 || into > 40_000) await sleep((into < 3_000 ? 3_000 : 63_000) - into);
    const at = Date.now() - 1_500;
    const requestId = randomUUID();
    const s = (key: string, value: string) => ({ key, value: { stringValue: value } });
    const span = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [
        {
          resource: {
            attributes: [
              s('cloud.provider', 'aws'),
              s('cloud.platform', 'aws_lambda'),
              s('cloud.region', 'eu-west-1'),
              s('cloud.account.id', ACCOUNT),
              s('faas.name', name),
            ],
          },
          scopeSpans: [
            {
              scope: { name: 't' },
              spans: [
                {
                  traceId: '5b8efff798038103d269b633813fc60e',
                  spanId: 'bee19b7ec3c1b170',
                  name: 'handler',
                  kind: 2,
                  startTimeUnixNano: `${at}000000`,
                  endTimeUnixNano: `${at + 1_000}000000`,
                  attributes: [s('faas.invocation_id', requestId)],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(span.status).toBe(200);
    const line = `${reportLine(requestId, { durationMs: 1000, billedMs: 1000, memoryMb: 2048, maxUsedMb: 90 })}\n`;
    const send = (path: string, query: string, body: unknown = line) =>
      post<ErrorAnswer>(`${fleetscope.ingestUrl}${path}?${query}`, body, {
        'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
      });
    const refused: [string, string, string][] = [
      ['/ingest/lambda/logs', `function=${name}&account=${ACCOUNT}`, 'region: required'],
      ['/ingest/lambda/logs', `function=${name}&region=eu-west-1`, 'account: required'],
      [
        '/ingest/lambda/logs',
        `function=${name}&region=Mars&account=${ACCOUNT}`,
        '"Mars" is not an AWS region',
      ],
      [
        '/ingest/lambda/logs',
        `function=${name}&region=mars-1&account=${ACCOUNT}`,
        '"mars-1" is not an AWS region',
      ],
      [
        '/ingest/lambda/logs',
        `function=${name}&region=eu-west-1&account=1`,
        '"1" is not an AWS account id',
      ],
      ['/ingest/lambda/telemetry', `function=${name}`, 'region: required'],
      [
        '/ingest/lambda/telemetry',
        `function-arn=${encodeURIComponent(`arn:aws:lambda::${ACCOUNT}:function:${name}`)}`,
        'the region of function-arn',
      ],
    ];
    for (const [path, query, says] of refused) {
      const body = path.endsWith('telemetry') ? [reportEvent(requestId, at + 1_000)] : line;
      const answer = await send(path, query, body);
      expect({ query, status: answer.status, message: answer.body.message }).toEqual({
        query,
        status: 400,
        message: expect.stringContaining(says),
      });
    }
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'lambda_logs',
        reason: 'missing_identity',
      }),
    ).toBeGreaterThanOrEqual(5);
    const ok = await send(
      '/ingest/lambda/logs',
      `function=${name}&region=eu-west-1&account=${ACCOUNT}`,
    );
    expect(ok.status).toBe(200);
    const functions = (await listFunctions(fleetscope, at - 60_000, Date.now())).filter(
      (f) => f.name === name,
    );
    expect(functions.map((f) => ({ id: f.id, invocations: f.invocations }))).toEqual([
      { id: `aws_lambda~${ACCOUNT}~eu-west-1~${name}`, invocations: 1 },
    ]);
  });

  it('defect (a Firehose delivery without a region gave its functions an id of their own): answers 400 in the Firehose shape unless the URL, the common attributes or the stream ARN names one', async () => {
    const name = 'firehose-no-region';
    const record = (id: string) =>
      gzipSync(
        JSON.stringify(
          dataMessage(ACCOUNT, name, '2025/06/01/[$LATEST]abc', [
            {
              timestamp: minuteAgo(1),
              message: reportLine(id, { durationMs: 5, billedMs: 5, memoryMb: 128, maxUsedMb: 40 }),
            },
          ]),
        ),
      ).toString('base64');
    const deliver = (query: string, headers: Record<string, string> = {}) => {
      const requestId = randomUUID();
      return post<{ requestId: string; errorMessage?: string }>(
        `${fleetscope.ingestUrl}/ingest/firehose${query}`,
        { requestId, timestamp: Date.now(), records: [{ data: record(randomUUID()) }] },
        { 'x-amz-firehose-request-id': requestId, ...headers },
      );
    };
    const missing = await deliver('');
    expect(missing.status).toBe(400);
    expect(missing.body.errorMessage).toContain('region: required');
    const wrong = await deliver('?region=Mars');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errorMessage).toContain('"Mars" is not an AWS region');
    const byArn = await deliver('', {
      'x-amz-firehose-source-arn': `arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/s`,
    });
    expect(byArn.status).toBe(200);
    expect(await deliver('?region=eu-west-1')).toMatchObject({ status: 200 });
    await fleetscope.flush();
    const ids = await rows<{ function_id: string; n: number }>(
      fleetscope,
      `SELECT function_id, toUInt32(count()) AS n FROM invocations WHERE function_id LIKE {p:String} GROUP BY function_id`,
      { p: `%${name}` },
    );
    expect(ids).toEqual([{ function_id: `aws_lambda~${ACCOUNT}~eu-west-1~${name}`, n: 2 }]);
  });

  it('keeps the good log events of a CloudWatch delivery around a bad one', async () => {
    const good = [randomUUID(), randomUUID()];
    const t = minuteAgo(1, 2_000);
    const message = dataMessage(
      ACCOUNT,
      'bad-input',
      '2025/06/01/[$LATEST]feedfacefeedfacefeedfacefeedface',
      [
        {
          timestamp: t,
          message: `${reportLine(good[0], { durationMs: 5, billedMs: 5, memoryMb: 128, maxUsedMb: 40 })}\n`,
        },
        { timestamp: t + 1, message: 17 as unknown as string },
        {
          timestamp: t + 2,
          message: `${reportLine(good[1], { durationMs: 6, billedMs: 6, memoryMb: 128, maxUsedMb: 41 })}\n`,
        },
      ],
    );
    const answer = await post<OkAnswer>(cloudwatch, awslogs(message));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 2, rejected: 1 });
    expect(answer.body.errors[0]).toMatch(/logEvents\[1\]/);
    expect(await stored(good)).toEqual([...good].sort());
  });

  it('keeps the good records of a Firehose delivery around a bad one', async () => {
    const good = randomUUID();
    const t = minuteAgo(1, 3_000);
    const requestId = randomUUID();
    const record = gzipSync(
      JSON.stringify(
        dataMessage(ACCOUNT, 'bad-input', '2025/06/01/[$LATEST]abcabcabcabcabcabcabcabcabcabcab', [
          {
            timestamp: t,
            message: reportLine(good, { durationMs: 9, billedMs: 9, memoryMb: 128, maxUsedMb: 42 }),
          },
        ]),
      ),
    ).toString('base64');
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/firehose`,
      {
        requestId,
        timestamp: Date.now(),
        records: [{ data: '%%% not base64 %%%' }, { data: record }, { nodata: true }],
      },
      {
        'x-amz-firehose-request-id': requestId,
        'x-amz-firehose-source-arn': `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/fleetscope`,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ requestId, timestamp: expect.any(Number) });
    expect(await stored([good])).toEqual([good]);
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'firehose',
        reason: 'invalid_base64',
      }),
    ).toBe(1);
  });

  it('answers a Firehose delivery without records with 400 in the Firehose error shape', async () => {
    const requestId = randomUUID();
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/firehose`,
      { requestId },
      {
        'x-amz-firehose-request-id': requestId,
        'x-amz-firehose-source-arn': `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/fleetscope`,
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      requestId,
      timestamp: expect.any(Number),
      errorMessage: expect.stringContaining('records'),
    });
  });

  it('answers raw log lines without a function with 400, and keeps lines it cannot read as logs', async () => {
    const unnamed = await post<ErrorAnswer>(
      `${fleetscope.ingestUrl}/ingest/lambda/logs`,
      'START RequestId: x',
      {
        'content-type': 'text/plain',
      },
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.message).toContain('function');
    const good = randomUUID();
    const answer = await post<OkAnswer>(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(ARN)}&instance=lines`,
      [
        '\u0000\u0001 garbage ☃',
        '{"half a json line":',
        reportLine(good, { durationMs: 3, billedMs: 3, memoryMb: 128, maxUsedMb: 43 }),
      ].join('\n'),
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 1, logs: 2 });
    expect(await stored([good])).toEqual([good]);
  });

  it('answers a parameter given twice with 400 naming it, on every platform route, counted', async () => {
    // `function-arn=A&function-arn=B` stored the batch under A without a word.
    const other = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:bad-input-other`;
    const requestId = randomUUID();
    const batch = JSON.stringify([reportEvent(requestId, minuteAgo(2))]);
    const twice = await post<ErrorAnswer>(
      `${telemetry}&function-arn=${encodeURIComponent(other)}`,
      batch,
    );
    expect(twice.status).toBe(400);
    expect(twice.body.message).toBe('function-arn: given more than once; it takes one value');
    expect(await stored([requestId])).toEqual([]);
    for (const [path, signal] of [
      ['/ingest/lambda/cloudwatch?region=us-east-1&region=eu-west-1', 'lambda_cloudwatch'],
      ['/ingest/lambda/logs?function-arn=a&function-arn=b', 'lambda_logs'],
      ['/ingest/openfaas/gateway-logs?gateway=g&gateway=h', 'openfaas_gateway-logs'],
      [
        '/ingest/openfaas/watchdog-logs?function=f&namespace=a&namespace=b',
        'openfaas_watchdog-logs',
      ],
      ['/ingest/knative/metrics?cluster=c&target=t&target=u', 'knative_metrics'],
    ]) {
      const answer = await post<ErrorAnswer>(`${fleetscope.ingestUrl}${path}`, 'x');
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/^[\w-]+: given more than once/);
      expect(
        await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
          signal,
          reason: 'repeated_parameter',
        }),
      ).toBe(1);
    }
    const firehose = await post<Record<string, unknown>>(
      `${fleetscope.ingestUrl}/ingest/firehose?region=us-east-1&region=eu-west-1`,
      '{}',
      { 'x-amz-firehose-request-id': 'r-1' },
    );
    expect(firehose.status).toBe(400);
    expect(firehose.body).toEqual({
      requestId: 'r-1',
      timestamp: expect.any(Number),
      errorMessage: 'region: given more than once; it takes one value',
    });
  });

  it('answers a gzip body that is not gzip with 400 and counts it', async () => {
    const answer = await post<ErrorAnswer>(telemetry, 'plainly not gzip', {
      'content-encoding': 'gzip',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('could not be decompressed');
    const unsupported = await post<ErrorAnswer>(telemetry, '[]', { 'content-encoding': 'br' });
    expect(unsupported.status).toBe(415);
    expect(unsupported.body.message).toContain('Content-Encoding br is not supported');
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'lambda_telemetry',
        reason: 'bad_compression',
      }),
    ).toBe(1);
  });
});
