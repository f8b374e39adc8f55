import { randomBytes, randomUUID } from 'node:crypto';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { listFunctions, minuteAgo, post, reportLine, rows } from './platform-ingest.helpers';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ACCESS_KEY = 'firehose-secret-key';
const SPAN_MS = 201.9;
const REPORT_MS = 200.62;

function arn(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
}

function idOf(name: string): string {
  return functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name });
}

/** OTLP/JSON ExportTraceServiceRequest with the FaaS SERVER span of one invocation. */
function otlpSpan(name: string, requestId: string, startMs: number): Record<string, unknown> {
  const startNs = BigInt(startMs) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: name } },
            { key: 'cloud.provider', value: { stringValue: 'aws' } },
            { key: 'cloud.platform', value: { stringValue: 'aws_lambda' } },
            { key: 'cloud.region', value: { stringValue: REGION } },
            { key: 'faas.name', value: { stringValue: name } },
            { key: 'faas.max_memory', value: { stringValue: '512' } },
          ],
        },
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-aws-lambda' },
            spans: [
              {
                traceId: randomBytes(16).toString('hex'),
                spanId: randomBytes(8).toString('hex'),
                name,
                kind: 2,
                startTimeUnixNano: startNs.toString(),
                endTimeUnixNano: (startNs + BigInt(Math.round(SPAN_MS * 1e6))).toString(),
                attributes: [
                  { key: 'faas.invocation_id', value: { stringValue: requestId } },
                  { key: 'cloud.resource_id', value: { stringValue: arn(name) } },
                ],
                status: {},
              },
            ],
          },
        ],
      },
    ],
  };
}

function firehoseHeaders(): Record<string, string> {
  return {
    'x-amz-firehose-request-id': randomUUID(),
    'x-amz-firehose-access-key': ACCESS_KEY,
    'x-amz-firehose-source-arn': `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/fleetscope`,
  };
}

/** The text-format lines of one invocation: none of them prints a time. */
function untimedLines(requestId: string): string[] {
  return [
    `START RequestId: ${requestId} Version: $LATEST`,
    `END RequestId: ${requestId}`,
    reportLine(requestId, { durationMs: REPORT_MS, billedMs: 201, memoryMb: 512, maxUsedMb: 100 }),
  ];
}

/**
 * A REPORT line prints no time; where it comes without its CloudWatch event's timestamp (raw lines,
 * Firehose records after message extraction) it is timed by when it arrived, minutes after its
 * invocation. The per-minute source choice then saw the span in one minute and the REPORT in
 * another, and counted the invocation twice.
 */
describe('a REPORT line without a time, after its span', () => {
  let fleetscope: RunningFleetscope;
  const startMs = minuteAgo(8, 20_000);
  const fromMs = startMs - 3600_000;
  const toMs = Date.now() + 3600_000;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_FIREHOSE_ACCESS_KEY: ACCESS_KEY });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function sendSpan(name: string, requestId: string): Promise<void> {
    const answer = await post(
      `${fleetscope.ingestUrl}/v1/traces`,
      otlpSpan(name, requestId, startMs),
    );
    expect(answer.status).toBe(200);
    // The span is stored before the REPORT comes, as it is minutes before a Firehose delivery.
    await fleetscope.flush();
  }

  async function counted(name: string): Promise<{
    invocations: number;
    durationMax: number | null;
    minutes: { source: string; minute: number; n: number }[];
  }> {
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === idOf(name));
    const minutes = await rows<{ source: string; minute: number; n: number }>(
      fleetscope,
      `SELECT source, toUnixTimestamp(minute) * 1000 AS minute, sum(invocations) AS n
       FROM function_minutes WHERE function_id = {id:String} GROUP BY source, minute ORDER BY source`,
      { id: idOf(name) },
    );
    return { invocations: fn?.invocations ?? 0, durationMax: fn?.durationMs.max ?? null, minutes };
  }

  const invocationMinute = Math.floor(startMs / 60_000) * 60_000;

  it('counts once an invocation whose REPORT came as raw lines minutes later', async () => {
    const name = 'untimed-raw-lines';
    const requestId = randomUUID();
    await sendSpan(name, requestId);
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(arn(name))}`,
      untimedLines(requestId).join('\n') + '\n',
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 1 });
    const got = await counted(name);
    expect(got.invocations).toBe(1);
    // The REPORT's own figures, in its invocation's minute.
    expect(got.durationMax).toBe(REPORT_MS);
    expect(got.minutes).toEqual([
      { source: 'lambda_log', minute: invocationMinute, n: 1 },
      { source: 'otel_span', minute: invocationMinute, n: 1 },
    ]);
  });

  it('counts once an invocation whose REPORT came in a Firehose delivery of extracted lines minutes later', async () => {
    const name = 'untimed-firehose';
    const requestId = randomUUID();
    await sendSpan(name, requestId);
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/firehose?function-arn=${encodeURIComponent(arn(name))}`,
      {
        requestId: randomUUID(),
        timestamp: Date.now(),
        records: [
          { data: Buffer.from(untimedLines(requestId).join('\n') + '\n').toString('base64') },
        ],
      },
      firehoseHeaders(),
    );
    expect(answer.status).toBe(200);
    const got = await counted(name);
    expect(got.invocations).toBe(1);
    expect(got.durationMax).toBe(REPORT_MS);
    expect(got.minutes).toEqual([
      { source: 'lambda_log', minute: invocationMinute, n: 1 },
      { source: 'otel_span', minute: invocationMinute, n: 1 },
    ]);
  });

  it('keeps, at its arrival, a REPORT without a time whose invocation nothing else saw', async () => {
    const name = 'untimed-alone';
    const requestId = randomUUID();
    const before = Date.now();
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(arn(name))}`,
      untimedLines(requestId).join('\n') + '\n',
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    const got = await counted(name);
    expect(got.invocations).toBe(1);
    expect(got.minutes).toHaveLength(1);
    expect(got.minutes[0].source).toBe('lambda_log');
    expect(got.minutes[0].minute).toBeGreaterThanOrEqual(
      Math.floor((before - REPORT_MS) / 60_000) * 60_000,
    );
  });
});
