import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionId } from '@fleetscope/model';
import { LambdaLogStreamAssemblerPool } from '../lambda/log-stream-assembler.pool';
import { decodeCloudWatchSubscription } from './subscription.decoder';

const raw = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const json = (name: string): Record<string, unknown> =>
  JSON.parse(raw(name)) as Record<string, unknown>;

/** The two real captures inside powertools' Kinesis event, as subscription payloads. */
function powertoolsCaptures(): { awslogs: { data: string } }[] {
  const event = json('kinesisStreamCloudWatchLogsEvent.json') as {
    Records: { kinesis: { data: string } }[];
  };
  return event.Records.map((r) => ({ awslogs: { data: r.kinesis.data } }));
}

const fn = {
  platform: 'aws_lambda' as const,
  account: '463657938898',
  region: 'us-east-1',
  name: 'sam-node-test-dev-triggered',
};

describe(decodeCloudWatchSubscription.name, () => {
  it('decodes the real powertools capture: a cold and a warm invocation with exact durations', () => {
    const [cold, warm] = powertoolsCaptures();
    const a = decodeCloudWatchSubscription(cold, { region: 'eu-west-1' });
    const b = decodeCloudWatchSubscription(warm, { region: 'eu-west-1' });
    const name = 'pt-1488-DummyLogDataFunction-gnWXPvL6jJyG';
    expect(a.failure).toBeUndefined();
    expect(a.invocations).toEqual([
      {
        source: 'lambda_log',
        functionId: functionId({
          platform: 'aws_lambda',
          account: '231436140809',
          region: 'eu-west-1',
          name,
        }),
        platform: 'aws_lambda',
        account: '231436140809',
        region: 'eu-west-1',
        name,
        version: '$LATEST',
        requestId: '06e46194-f277-454e-88d3-1dd7e3860eaa',
        startTimeMs: Math.round(1668093027024 - 9.14),
        durationMs: 9.14,
        billedDurationMs: 10,
        initDurationMs: 190.62,
        restoreDurationMs: null,
        billedRestoreDurationMs: null,
        memorySizeMb: 128,
        maxMemoryUsedMb: 36,
        coldStart: true,
        initType: 'on-demand',
        status: 'success',
        errorType: '',
        trigger: '',
        instance: '2022/11/10/[$LATEST]26b6a45d574f442ea28438923cbf7bf7',
        traceId: '636d146233ef10600061cad86dab71c8',
        runtime: '',
        architecture: '',
      },
    ]);
    expect(b.invocations).toHaveLength(1);
    expect(b.invocations[0]).toMatchObject({
      requestId: '4dfec460-05bb-4f62-8fed-e5cade099a36',
      durationMs: 0.97,
      billedDurationMs: 1,
      maxMemoryUsedMb: 37,
      initDurationMs: null,
      coldStart: false,
      initType: '',
      startTimeMs: Math.round(1668092603918 - 0.97),
      traceId: '636d12bb42356e4e68523f1d0eb810e6',
    });
    expect(a.configHints).toEqual([
      expect.objectContaining({ memorySizeMb: 128, version: '$LATEST' }),
    ]);
    expect(a.logs).toHaveLength(0);
  });

  it('reads the New Relic timeout: billed below duration, status timeout, timeout 3 s', () => {
    const r = decodeCloudWatchSubscription(json('entry_lambda_timeout.json'), {
      region: 'us-east-1',
    });
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      functionId: functionId(fn),
      account: '463657938898',
      name: 'sam-node-test-dev-triggered',
      version: '$LATEST',
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
      durationMs: 3003.28,
      billedDurationMs: 3000,
      memorySizeMb: 128,
      maxMemoryUsedMb: 35,
      status: 'timeout',
      startTimeMs: Math.round(1548935491174 - 3003.28),
    });
    expect(r.configHints.at(-1)).toMatchObject({
      functionId: functionId(fn),
      timeoutMs: 3000,
      memorySizeMb: 128,
    });
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatchObject({
      severityText: 'ERROR',
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
      source: 'cloudwatch',
    });
  });

  it('reads the New Relic OOM kill (signal: killed with low Max Memory Used) as out of memory', () => {
    const r = decodeCloudWatchSubscription(json('entry_lambda_oom.json'), { region: 'us-east-1' });
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
      status: 'oom',
      errorType: 'Runtime.ExitError',
      maxMemoryUsedMb: 35,
      memorySizeMb: 128,
    });
    expect(r.logs[0].body).toBe(
      'RequestId: 2ea49a23-ff39-4bf5-8761-439f99b7c5f6 Error: Runtime exited with error: signal: killed\nRuntime.ExitError',
    );
  });

  it('makes the invocation after an OOM kill in a later delivery a cold start when a pool is kept', () => {
    const pool = new LambdaLogStreamAssemblerPool();
    decodeCloudWatchSubscription(json('entry_lambda_oom.json'), { region: 'us-east-1', pool });
    const next = json('entry_lambda_oom.json') as {
      logEvents: { message: string; timestamp: number }[];
    };
    next.logEvents = [
      {
        ...next.logEvents[0],
        timestamp: 1548935499000,
        message: next.logEvents[0].message
          .replace('2ea49a23', '3fb59b34')
          .replace('3003.28', '12.00'),
      },
    ];
    const r = decodeCloudWatchSubscription(next, { region: 'us-east-1', pool });
    expect(r.invocations[0]).toMatchObject({
      coldStart: true,
      initType: 'on-demand',
      initDurationMs: null,
      status: 'success',
    });
  });

  it('keeps application lines such as agent payloads as log rows of the function', () => {
    const r = decodeCloudWatchSubscription(json('entry_lambda_sam.json'), { region: 'us-east-1' });
    expect(r.invocations).toHaveLength(0);
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatchObject({
      functionId: functionId(fn),
      serviceName: 'sam-node-test-dev-triggered',
    });
    expect(r.logs[0].body.startsWith('[1,"NR_LAMBDA_MONITORING"')).toBe(true);
  });

  it('keeps lines of non-Lambda log groups as log rows without a function', () => {
    const r = decodeCloudWatchSubscription(json('entry_vpc_flow_logs.json'), {
      region: 'us-east-1',
    });
    expect(r.invocations).toHaveLength(0);
    expect(r.logs).toEqual([
      expect.objectContaining({
        functionId: '',
        serviceName: '/aws/vpc/flow-logs',
        body: '2 463657938898 eni-9f825df9 - - - - - - - 1548934870 1548934929 - NODATA',
        timeUnixNano: '1548934870000000000',
        resourceAttributes: expect.objectContaining({
          'aws.log.group.names': '/aws/vpc/flow-logs',
          'cloud.account.id': '463657938898',
          'cloud.region': 'us-east-1',
        }),
      }),
    ]);
  });

  it('rejects a log event whose message is not a string and keeps the message valid', () => {
    const r = decodeCloudWatchSubscription(json('invoke_lambda.json'), { region: 'us-east-1' });
    expect(r.failure).toBeUndefined();
    expect(r.rejected).toBe(1);
    expect(r.rejectedByReason).toEqual({ invalid_event: 1 });
    expect(r.errors[0]).toMatch(/logEvents\[0\]/);
  });

  it('decodes gzip awslogs data (powertools cloudWatchLogEvent.json)', () => {
    const r = decodeCloudWatchSubscription(json('cloudWatchLogEvent.json'));
    expect(r.logs.map((l) => l.body)).toEqual([
      '[ERROR] First test message',
      '[ERROR] Second test message',
    ]);
    expect(r.logs[0].functionId).toBe('');
  });

  it('decodes zlib awslogs data (powertools cloudWatchLogEventWithPolicyLevel.json)', () => {
    const r = decodeCloudWatchSubscription(raw('cloudWatchLogEventWithPolicyLevel.json'));
    expect(r.failure).toBeUndefined();
    expect(r.logs.map((l) => l.timeUnixNano)).toEqual([
      '1440442987000000000',
      '1440442987001000000',
    ]);
  });

  it('accepts the body as a Buffer, as text, or already parsed', () => {
    const text = raw('entry_lambda_timeout.json');
    for (const body of [Buffer.from(text), text, JSON.parse(text) as unknown, gzipSync(text)]) {
      expect(decodeCloudWatchSubscription(body, { region: 'us-east-1' }).invocations).toHaveLength(
        1,
      );
    }
  });

  it('acknowledges a CONTROL_MESSAGE and produces nothing', () => {
    const data = gzipSync(
      JSON.stringify({
        messageType: 'CONTROL_MESSAGE',
        owner: 'CloudwatchLogs',
        logGroup: '',
        logStream: '',
        subscriptionFilters: [],
        logEvents: [
          {
            id: '',
            timestamp: 1,
            message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.',
          },
        ],
      }),
    ).toString('base64');
    const r = decodeCloudWatchSubscription({ awslogs: { data } });
    expect(r).toMatchObject({ invocations: [], logs: [], rejected: 0 });
    expect(r.failure).toBeUndefined();
  });

  it('takes region and account from a log group ARN', () => {
    const msg = json('entry_lambda_timeout.json');
    msg.logGroup =
      'arn:aws:logs:ap-south-1:999999999999:log-group:/aws/lambda/sam-node-test-dev-triggered:*';
    delete msg.owner;
    const r = decodeCloudWatchSubscription(msg, { region: 'us-east-1' });
    expect(r.invocations[0]).toMatchObject({
      region: 'ap-south-1',
      account: '999999999999',
      name: 'sam-node-test-dev-triggered',
    });
  });

  it('reads a version from a numbered log stream', () => {
    const msg = json('entry_lambda_timeout.json');
    msg.logStream = '2019/01/31/[12]fe9b6a749a854acb95af7951c44a79e0';
    expect(decodeCloudWatchSubscription(msg, { region: 'us-east-1' }).invocations[0].version).toBe(
      '12',
    );
  });

  it('reads the invocations of functions that log to a custom log group, named by their streams', () => {
    // LoggingConfig.LogGroup: several functions share one group, and Lambda names each stream
    // `YYYY/MM/DD/<function_name>[<function_version>]<execution_environment_GUID>` (AWS Lambda
    // developer guide, "Configuring CloudWatch log groups"). The events are New Relic's capture.
    const msg = json('entry_lambda_timeout.json');
    msg.logGroup = 'shop-app-logs';
    msg.logStream =
      '2019/01/31/sam-node-test-dev-triggered[$LATEST]fe9b6a749a854acb95af7951c44a79e0';
    const r = decodeCloudWatchSubscription(msg, { region: 'us-east-1' });
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]).toMatchObject({
      functionId: functionId(fn),
      name: 'sam-node-test-dev-triggered',
      version: '$LATEST',
      requestId: '2ea49a23-ff39-4bf5-8761-439f99b7c5f6',
      status: 'timeout',
    });
    expect(r.logs[0]).toMatchObject({ functionId: functionId(fn) });
  });

  it('defect: functions sharing a group named /aws/lambda/<X> were merged into X (rvg-orders at 128 MB and rvg-payments at 3008 MB became rvg-shared-logs at 3008 MB); the function a stream names wins', () => {
    // Lambda lets several functions log to one group of any name (LoggingConfig.LogGroup); their
    // streams then name the function, while Lambda's default streams `[<version>]<guid>` name none.
    const memory = { 'rvg-orders': 128, 'rvg-payments': 3008 };
    const result = Object.entries(memory).map(([name, mb], i) => {
      const id = `0f0e0d0c-0b0a-4090-8070-60504030201${i}`;
      return decodeCloudWatchSubscription(
        {
          messageType: 'DATA_MESSAGE',
          owner: '123456789012',
          logGroup: '/aws/lambda/rvg-shared-logs',
          logStream: `2026/12/07/${name}[$LATEST]0123456789abcdef`,
          logEvents: [
            {
              id: `${i}1`,
              timestamp: 1_700_000_000_000,
              message: `START RequestId: ${id} Version: $LATEST\n`,
            },
            {
              id: `${i}2`,
              timestamp: 1_700_000_000_100,
              message: `REPORT RequestId: ${id}\tDuration: 100.00 ms\tBilled Duration: 100 ms\tMemory Size: ${mb} MB\tMax Memory Used: 40 MB\t\n`,
            },
          ],
        },
        { region: 'us-east-1' },
      );
    });
    const identities = result.map((r) => ({
      functionId: r.invocations[0].functionId,
      name: r.invocations[0].name,
      memorySizeMb: r.invocations[0].memorySizeMb,
      hint: r.configHints.map((h) => [h.functionId, h.memorySizeMb]),
    }));
    const id = (name: string) => functionId({ ...fn, account: '123456789012', name });
    expect(identities).toEqual([
      {
        functionId: id('rvg-orders'),
        name: 'rvg-orders',
        memorySizeMb: 128,
        hint: [[id('rvg-orders'), 128]],
      },
      {
        functionId: id('rvg-payments'),
        name: 'rvg-payments',
        memorySizeMb: 3008,
        hint: [[id('rvg-payments'), 3008]],
      },
    ]);
  });

  it("keeps the group's function for Lambda's default streams, which name none", () => {
    const msg = json('entry_lambda_timeout.json');
    msg.logGroup = '/aws/lambda/orders';
    msg.logStream = '2019/01/31/[$LATEST]fe9b6a749a854acb95af7951c44a79e0';
    const r = decodeCloudWatchSubscription(msg, { region: 'us-east-1' });
    expect(r.invocations.map((i) => i.name)).toEqual(['orders']);
  });

  it('keeps the lines of a custom log group whose streams do not name a function as plain rows', () => {
    const msg = json('entry_lambda_timeout.json');
    msg.logGroup = 'shop-app-logs';
    msg.logStream = 'i-0abc123/application.log';
    const r = decodeCloudWatchSubscription(msg, { region: 'us-east-1' });
    expect(r.invocations).toHaveLength(0);
    expect(r.logs.map((l) => l.functionId)).toEqual(['', '']);
  });

  it('stops a decompression bomb at the configured limit', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)).toString('base64');
    const r = decodeCloudWatchSubscription(
      { awslogs: { data: bomb } },
      { maxDecompressedBytes: 1024 * 1024 },
    );
    expect(r.failure).toEqual({
      reason: 'too_large',
      message: 'awslogs.data: decompressed data exceeds the limit of 1048576 bytes',
    });
  });

  it.each([
    ['not JSON', 'nope{', 'invalid_json'],
    ['an array', '[]', 'invalid_shape'],
    ['awslogs without data', '{"awslogs":{}}', 'invalid_shape'],
    ['data that is not base64', '{"awslogs":{"data":"!!!"}}', 'invalid_base64'],
    [
      'corrupt gzip',
      `{"awslogs":{"data":"${Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]).toString('base64')}"}}`,
      'decompression_failed',
    ],
    [
      'data that is not JSON',
      `{"awslogs":{"data":"${gzipSync('hello').toString('base64')}"}}`,
      'invalid_json',
    ],
    [
      'a message without logEvents',
      '{"messageType":"DATA_MESSAGE","logGroup":"g","logStream":"s"}',
      'invalid_shape',
    ],
    [
      'an unknown messageType',
      '{"messageType":"OTHER","logGroup":"g","logStream":"s","logEvents":[]}',
      'invalid_shape',
    ],
  ])('fails a body that is %s with a reason', (_label, body, reason) => {
    const r = decodeCloudWatchSubscription(body);
    expect(r.failure?.reason).toBe(reason);
    expect(r.failure?.message.length).toBeGreaterThan(10);
  });

  it("defect: a Lambda log group's payload with no owner, or an owner that is no AWS account, and no region became a function of its own (aws_lambda~~eu-west-1~fh-noowner); its events are refused as missing_identity", () => {
    for (const owner of ['', 'x']) {
      const msg = json('entry_lambda_timeout.json');
      msg.owner = owner;
      const r = decodeCloudWatchSubscription(msg, { region: 'eu-west-1' });
      expect(r.invocations).toEqual([]);
      expect(r.rejectedByReason).toEqual({ missing_identity: 1 });
      expect(r.errors[0]).toMatch(/account/);
    }
    const noRegion = decodeCloudWatchSubscription(json('entry_lambda_timeout.json'));
    expect(noRegion.invocations).toEqual([]);
    expect(noRegion.errors[0]).toMatch(/region: required/);
  });
});
