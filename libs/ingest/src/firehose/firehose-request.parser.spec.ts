import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionId } from '@fleetscope/model';
import { MAX_LINES } from '../body/line-limit';
import { parseFirehoseRequest } from './firehose-request.parser';
import { firehoseErrorResponse, firehoseSuccessResponse } from './firehose-response';

const raw = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const request = (records: { data: unknown }[]): string =>
  JSON.stringify({
    requestId: 'ed4acda5-034f-9f42-bba1-f29aea6d7d8f',
    timestamp: 1578090901599,
    records,
  });
const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64');

const lambdaMessage = JSON.stringify({
  messageType: 'DATA_MESSAGE',
  owner: '463657938898',
  logGroup: '/aws/lambda/sam-node-test-dev-triggered',
  logStream: '2019/01/31/[$LATEST]fe9b6a749a854acb95af7951c44a79e0',
  subscriptionFilters: ['triggered'],
  logEvents: [
    {
      id: '1',
      timestamp: 1548935491000,
      message: 'START RequestId: 2ea49a23-ff39-4bf5-8761-439f99b7c5f6 Version: $LATEST\n',
    },
    {
      id: '2',
      timestamp: 1548935491174,
      message:
        'REPORT RequestId: 2ea49a23-ff39-4bf5-8761-439f99b7c5f6\tDuration: 3003.28 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 35 MB\t',
    },
  ],
});

describe(parseFirehoseRequest.name, () => {
  it('reads the documented CWL-sourced request whose data is shown decoded', () => {
    const r = parseFirehoseRequest(raw('example_0.json'));
    expect(r.failure).toBeUndefined();
    expect(r.requestId).toBe('ed4acda5-034f-9f42-bba1-f29aea6d7d8f');
    expect(r.timestamp).toBe(1578090901599);
    expect(r.records).toEqual([{ index: 0, kind: 'cloudwatch' }]);
    expect(r.logs.map((l) => [l.body, l.source, l.serviceName])).toEqual([
      ['log message 1', 'firehose', 'log_group_name'],
      ['log message 2', 'firehose', 'log_group_name'],
    ]);
  });

  it('reads gzip CloudWatch records of a Lambda log group into invocations', () => {
    const r = parseFirehoseRequest(request([{ data: b64(gzipSync(lambdaMessage)) }]), {
      region: 'us-east-1',
    });
    expect(r.records).toEqual([{ index: 0, kind: 'cloudwatch' }]);
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      source: 'lambda_log',
      functionId: functionId({
        platform: 'aws_lambda',
        account: '463657938898',
        region: 'us-east-1',
        name: 'sam-node-test-dev-triggered',
      }),
      durationMs: 3003.28,
      billedDurationMs: 3000,
    });
  });

  it('reads several subscription messages concatenated in one record (otel-contrib fixture)', () => {
    const ndjson = raw('cwlog_multiple_records.ndjson');
    for (const text of [ndjson, ndjson.replace(/\n/g, '')]) {
      const r = parseFirehoseRequest(request([{ data: b64(gzipSync(text)) }]));
      expect(r.rejected).toBe(0);
      expect(r.logs.map((l) => l.body)).toEqual([
        'Hello world, here is our first log message!',
        'Hello world, here is our second log message!',
      ]);
    }
    // Concatenated gzip members, one per message.
    const members = Buffer.concat(
      ndjson
        .trim()
        .split('\n')
        .map((l) => gzipSync(l)),
    );
    expect(parseFirehoseRequest(request([{ data: b64(members) }])).logs).toHaveLength(2);
  });

  it('keeps an uncompressed plain JSON record as one log row (otel-contrib firehose_log.json)', () => {
    const r = parseFirehoseRequest(raw('firehose_log.json'));
    expect(r.requestId).toBe('test-request-id-firehoselogs');
    expect(r.records).toEqual([{ index: 0, kind: 'lines' }]);
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatchObject({ functionId: '', timeUnixNano: '1646096348000000000' });
    expect(JSON.parse(r.logs[0].body)).toMatchObject({
      account_id: '428152502467',
      query_type: 'PTR',
    });
  });

  it('turns extracted Lambda lines into invocations when the caller names the function', () => {
    const lines = [
      'START RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa Version: $LATEST',
      'END RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa',
      'REPORT RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa\tDuration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\tInit Duration: 190.62 ms\t',
    ].join('\n');
    const identity = {
      platform: 'aws_lambda' as const,
      account: '231436140809',
      region: 'eu-west-1',
      name: 'dummy',
    };
    const r = parseFirehoseRequest(request([{ data: b64(lines) }]), { identity });
    expect(r.invocations[0]).toMatchObject({
      functionId: functionId(identity),
      coldStart: true,
      initDurationMs: 190.62,
      startTimeMs: Math.round(1578090901599 - 9.14),
    });
  });

  it('refuses extracted REPORT lines, text or JSON, when nothing names their function', () => {
    // They became log rows of no function before, and no invocation: dropped in silence.
    const lines = [
      'START RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa Version: $LATEST',
      'END RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa',
      'REPORT RequestId: 06e46194-f277-454e-88d3-1dd7e3860eaa\tDuration: 9.14 ms\tBilled Duration: 10 ms\tMemory Size: 128 MB\tMax Memory Used: 36 MB\t',
    ].join('\n');
    const json = JSON.stringify({
      time: '2020-01-03T22:35:01.000Z',
      type: 'platform.report',
      record: {
        requestId: 'b2',
        metrics: { durationMs: 5, billedDurationMs: 5, memorySizeMB: 128, maxMemoryUsedMB: 30 },
      },
    });
    const r = parseFirehoseRequest(request([{ data: b64(lines) }, { data: b64(json) }]), {
      identityError: 'the function is not named: pass ?function-arn=…',
    });
    expect(r.invocations).toHaveLength(0);
    expect(r.rejected).toBe(2);
    expect(r.rejectedByReason).toEqual({ missing_identity: 2 });
    expect(r.errors).toEqual([
      'records[0]: the REPORT of request 06e46194-f277-454e-88d3-1dd7e3860eaa names no function',
      'records[1]: the REPORT of request b2 names no function',
    ]);
    expect(r.failure).toEqual({
      reason: 'missing_identity',
      message: expect.stringContaining('the function is not named: pass ?function-arn=…'),
    });
    // Lines of no function that are no invocation are kept as log rows.
    const plain = parseFirehoseRequest(request([{ data: b64('just a line\nanother') }]));
    expect(plain.failure).toBeUndefined();
    expect(plain.logs.map((l) => l.body)).toEqual(['just a line', 'another']);
  });

  it('times extracted JSON-format platform records by their own "time", not by the delivery', () => {
    // Firehose buffers for up to 900 s, so the request timestamp is not when the invocation ran.
    // The two lines are Datadog's captured platform.start and platform.report, which CloudWatch
    // writes unchanged when the function logs in JSON format (LoggingConfig.LogFormat=JSON).
    const datadog = (
      JSON.parse(
        readFileSync(
          join(__dirname, '../lambda/telemetry/__fixtures__/telemetry_api_fixtures.json'),
          'utf8',
        ),
      ) as { fixtures: { raw: string }[] }
    ).fixtures.map((f) => f.raw);
    const line = (type: string): string =>
      datadog.find((r) => r.startsWith('{') && r.includes(`"type":"${type}"`)) ?? '';
    const lines = `${line('platform.start')}\n${line('platform.report')}\n`;
    const identity = {
      platform: 'aws_lambda' as const,
      account: '123456789012',
      region: 'us-east-1',
      name: 'hello-world',
    };
    const r = parseFirehoseRequest(request([{ data: b64(lines) }]), { identity });
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      requestId: '459921b5-681c-4a96-beb0-81e0aa586026',
      durationMs: 2599.4,
      // platform.report at 2022-10-21T14:05:05.766Z, minus its 2599.4 ms.
      startTimeMs: Math.round(Date.parse('2022-10-21T14:05:05.766Z') - 2599.4),
    });
  });

  it('rejects bad records one by one and keeps the good ones', () => {
    const r = parseFirehoseRequest(
      request([
        { data: '%%%' },
        { data: 42 },
        { data: b64(gzipSync(lambdaMessage)) },
        { data: b64(Buffer.from([0x1f, 0x8b, 8, 0, 9, 9])) },
        { data: '' },
        { data: b64(gzipSync('{"messageType":"DATA_MESSAGE"}')) },
      ]),
      { region: 'us-east-1' },
    );
    expect(r.failure).toBeUndefined();
    expect(r.records.map((x) => x.kind)).toEqual([
      'rejected',
      'rejected',
      'cloudwatch',
      'rejected',
      'empty',
      'rejected',
    ]);
    expect(r.records[0].error).toBe('records[0]: "data" is not valid base64');
    expect(r.rejected).toBe(4);
    expect(r.rejectedByReason).toEqual({
      invalid_base64: 1,
      invalid_shape: 2,
      decompression_failed: 1,
    });
    expect(r.invocations).toHaveLength(1);
  });

  it('caps decompression per record and in total, failing the delivery as a whole', () => {
    // A record refused alone would be answered 200 with the others, and dropped by Firehose.
    const bomb = b64(gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
    const perRecord = parseFirehoseRequest(request([{ data: bomb }]), {
      maxDecompressedBytes: 1024 * 1024,
    });
    expect(perRecord.failure).toEqual({
      reason: 'too_large',
      message:
        'records[0]: a record inflates to more than 1048576 bytes: send smaller deliveries (a smaller buffer size)',
    });
    expect(perRecord.rejectedByReason).toEqual({ too_large: 1 });
    const total = parseFirehoseRequest(request([{ data: bomb }, { data: bomb }, { data: bomb }]), {
      maxTotalDecompressedBytes: 9 * 1024 * 1024,
    });
    expect(total.failure?.message).toBe(
      'records[2]: the records together inflate to more than 9437184 bytes: send smaller deliveries (a smaller buffer size)',
    );
  });

  it("refuses a delivery whose records' lines together pass MAX_LINES, before they become rows", () => {
    // 25 million lines gzip to 65 KB: made rows one by one, they took 5 GB and the process.
    const bomb = b64(gzipSync(Buffer.alloc(50_000_000, 'a\n')));
    const started = Date.now();
    const r = parseFirehoseRequest(request([{ data: bomb }]));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.failure).toEqual({
      reason: 'too_many_lines',
      message: `records[0]: more than ${MAX_LINES} lines in one request: send smaller deliveries (a smaller buffer size)`,
    });
    expect(r.logs).toHaveLength(0);
    // Across records: each under the limit, together over it, and so are `{}{}…` values.
    const half = b64(gzipSync('line\n'.repeat(MAX_LINES / 2)));
    const json = b64(gzipSync('{}'.repeat(MAX_LINES + 1)));
    for (const records of [[half, half, b64('one more')], [json]]) {
      const over = parseFirehoseRequest(request(records.map((data) => ({ data }))));
      expect(over.failure?.reason).toBe('too_many_lines');
      expect(over.rejectedByReason).toEqual({ too_many_lines: 1 });
    }
  });

  it('takes MAX_LINES extracted lines, and CloudWatch messages of more log events than that', () => {
    const half = b64(gzipSync('line\n'.repeat(MAX_LINES / 2)));
    const lines = parseFirehoseRequest(request([{ data: half }, { data: half }]));
    expect(lines.failure).toBeUndefined();
    expect(lines.logs).toHaveLength(MAX_LINES);
    // A log event is a row too, but its JSON is parsed already and not two bytes: a maximal
    // delivery in CloudWatch's format is 64 MiB of them (Firehose's largest buffer).
    const message = (from: number) =>
      JSON.stringify({
        ...JSON.parse(lambdaMessage),
        logEvents: Array.from({ length: 50_000 }, (_, i) => ({
          id: String(from + i),
          timestamp: 1548935491000 + i,
          message: `line ${i}`,
        })),
      });
    const records = [0, 1, 2, 3, 4].map((k) => ({ data: b64(gzipSync(message(k * 50_000))) }));
    const events = parseFirehoseRequest(request(records), { region: 'us-east-1' });
    expect(events.failure).toBeUndefined();
    expect(events.logs).toHaveLength(250_000);
  });

  it.each([
    ['not JSON', 'nope', 'invalid_json'],
    ['without requestId', '{"records":[]}', 'invalid_shape'],
    ['without records', '{"requestId":"x"}', 'invalid_shape'],
  ])('fails a body %s', (_label, body, reason) => {
    expect(parseFirehoseRequest(body).failure?.reason).toBe(reason);
  });
});

describe(firehoseSuccessResponse.name, () => {
  it('echoes the request id with an integer timestamp', () => {
    expect(firehoseSuccessResponse('ed4acda5', 1578090903599.4)).toEqual({
      requestId: 'ed4acda5',
      timestamp: 1578090903599,
    });
  });
});

describe(firehoseErrorResponse.name, () => {
  it('adds the error message, cut to the 8192 characters the contract allows', () => {
    expect(firehoseErrorResponse('r', 'bad', 5)).toEqual({
      requestId: 'r',
      timestamp: 5,
      errorMessage: 'bad',
    });
    expect(firehoseErrorResponse('r', 'x'.repeat(9000), 5).errorMessage).toHaveLength(8192);
  });
});
