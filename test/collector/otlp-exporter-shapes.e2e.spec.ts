import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import {
  encodeTraceRequestProtobuf,
  type OtlpKeyValue,
  type OtlpSpan,
  type OtlpTraceRequest,
} from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  awslogs,
  dataMessage,
  listFunctions,
  metricValue,
  minuteAgo,
  post,
  reportLine,
  type FunctionSummary,
} from '../platform/platform-ingest.helpers';

/**
 * What real OpenTelemetry exporters and the reference Collector send, through the running
 * collector into ClickHouse and back out of GET /api/functions.
 */
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const str = (key: string, value: string): OtlpKeyValue => ({ key, value: { stringValue: value } });
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const nanos = (ms: number, plusMs = 0) => String(BigInt(ms + plusMs) * 1_000_000n);

function lambdaResource(name: string): OtlpKeyValue[] {
  return [
    str('service.name', name),
    str('cloud.provider', 'aws'),
    str('cloud.platform', 'aws_lambda'),
    str('cloud.region', REGION),
    str('cloud.account.id', ACCOUNT),
    str('faas.name', name),
    str('faas.max_memory', '512'),
  ];
}

describe('OTLP exports shaped as real exporters send them', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-otlp-shapes-'));
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_DATA_DIR: dataDir,
      CLICKHOUSE_DATABASE: `fleetscope_otlp_shapes_${process.pid}`,
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fn = async (name: string, atMs: number): Promise<FunctionSummary | undefined> =>
    (await listFunctions(fleetscope, atMs - 3_600_000, atMs + 3_600_000)).find(
      (f) => f.name === name,
    );

  it('defect: a Lambda behind an in-process HTTP proxy (serverless-http) read 6 invocations and 0.567 GB-s for 3 REPORT lines of 0.3; now 3 and 0.3', async () => {
    const name = `proxied-${hex(3)}`;
    const minute = minuteAgo(5);
    const ids = [0, 1, 2].map(() => randomUUID());
    const logEvents = ids.flatMap((id, i) => {
      const start = minute + 5_000 + i * 1_000;
      return [
        { timestamp: start, message: `START RequestId: ${id} Version: $LATEST\n` },
        { timestamp: start + 201, message: `END RequestId: ${id}\n` },
        {
          timestamp: start + 201,
          message: `${reportLine(id, { durationMs: 200, billedMs: 200, memoryMb: 512, maxUsedMb: 100 })}\n`,
        },
      ];
    });
    // Per invocation, in the order the SDK exports them (the order they end): the http SERVER span
    // whose parent came in the traceparent header (remote, 0x300), the proxy's CLIENT span, the
    // aws-lambda span.
    const spans: OtlpSpan[] = ids.flatMap((id, i) => {
      const start = minute + 5_000 + i * 1_000;
      const traceId = hex(16);
      const [invocation, client, server] = [hex(8), hex(8), hex(8)];
      return [
        {
          traceId,
          spanId: server,
          parentSpanId: client,
          flags: 0x300,
          kind: 2,
          name: 'POST /',
          startTimeUnixNano: nanos(start, 2),
          endTimeUnixNano: nanos(start, 180),
          attributes: [str('http.request.method', 'POST')],
        },
        {
          traceId,
          spanId: client,
          parentSpanId: invocation,
          flags: 0x100,
          kind: 3,
          name: 'POST',
          startTimeUnixNano: nanos(start, 1),
          endTimeUnixNano: nanos(start, 190),
          attributes: [],
        },
        {
          traceId,
          spanId: invocation,
          kind: 2,
          name,
          startTimeUnixNano: nanos(start),
          endTimeUnixNano: nanos(start, 200),
          attributes: [str('faas.invocation_id', id)],
        },
      ];
    });
    const cloudwatch = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
      awslogs(dataMessage(ACCOUNT, name, '2026/12/07/[$LATEST]0123456789abcdef', logEvents)),
    );
    expect(cloudwatch.status).toBe(200);
    const traces = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [{ resource: { attributes: lambdaResource(name) }, scopeSpans: [{ spans }] }],
    });
    expect(traces.status).toBe(200);
    const row = await fn(name, minute);
    expect(row?.invocations).toBe(3);
    expect(row?.billedGbSeconds).toBeCloseTo(0.3, 9);
  });

  /** One Lambda invocation span in `names`' naming of the OTLP/JSON fields. */
  function invocationBody(name: string, startMs: number, names: 'proto' | 'pre-1.0'): string {
    const span = {
      trace_id: hex(16),
      span_id: hex(8),
      name,
      kind: 2,
      start_time_unix_nano: nanos(startMs),
      end_time_unix_nano: nanos(startMs, 100),
      attributes: [{ key: 'faas.invocation_id', value: { string_value: randomUUID() } }],
    };
    const resource = {
      attributes: lambdaResource(name).map((kv) => ({
        key: kv.key,
        value: { string_value: kv.value?.stringValue },
      })),
    };
    return JSON.stringify(
      names === 'proto'
        ? { resource_spans: [{ resource, scope_spans: [{ scope: { name: 't' }, spans: [span] }] }] }
        : {
            resourceSpans: [
              {
                resource,
                instrumentationLibrarySpans: [
                  { instrumentationLibrary: { name: 't' }, spans: [span] },
                ],
              },
            ],
          },
    );
  }

  it.each(['proto', 'pre-1.0'] as const)(
    'defect: OTLP/JSON under %s field names, which the reference Collector reads, was answered 200 {} and dropped uncounted; now stored',
    async (names) => {
      const name = `names-${names.replace(/\W/g, '')}-${hex(3)}`;
      const at = minuteAgo(4);
      const answer = await post(
        `${fleetscope.ingestUrl}/v1/traces`,
        invocationBody(name, at, names),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({});
      const row = await fn(name, at);
      expect(row?.invocations).toBe(1);
    },
  );

  it('refuses a JSON body without the signal’s field (logs posted to /v1/traces) with a 400 that names it, counted', async () => {
    const before = await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
      signal: 'traces',
      reason: 'invalid_json',
    });
    const answer = await post<{ message: string }>(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'hello' } }] }] }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe(
      'invalid OTLP/JSON: the body has no "resourceSpans" field (it has "resourceLogs")',
    );
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
        signal: 'traces',
        reason: 'invalid_json',
      }),
    ).toBe(before + 1);
  });

  it('defect: JSON answers were "application/json; charset=utf-8", so the Collector’s otlphttpexporter ignored partial_success; now exactly the request’s type', async () => {
    const name = `content-type-${hex(3)}`;
    const at = minuteAgo(3);
    const good = {
      traceId: hex(16),
      spanId: hex(8),
      kind: 2,
      name,
      startTimeUnixNano: nanos(at),
      endTimeUnixNano: nanos(at, 100),
      attributes: [str('faas.invocation_id', randomUUID())],
    };
    const request = {
      resourceSpans: [
        {
          resource: { attributes: lambdaResource(name) },
          scopeSpans: [{ spans: [good, { ...good, spanId: hex(8), traceId: 'not hex' }] }],
        },
      ],
    };
    const partial = await post<{ partialSuccess?: { rejectedSpans?: string } }>(
      `${fleetscope.ingestUrl}/v1/traces`,
      request,
    );
    expect(partial.status).toBe(200);
    expect(partial.headers.get('content-type')).toBe('application/json');
    expect(partial.body.partialSuccess?.rejectedSpans).toBe('1');
    const refused = await post(`${fleetscope.ingestUrl}/v1/traces`, '{"resourceSpans":{}}');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/json');
    const protobuf = await post(
      `${fleetscope.ingestUrl}/v1/traces`,
      Buffer.from(encodeTraceRequestProtobuf(request as OtlpTraceRequest)),
      { 'content-type': 'application/x-protobuf' },
    );
    expect(protobuf.status).toBe(200);
    expect(protobuf.headers.get('content-type')).toBe('application/x-protobuf');
  });

  it('says once per function that its spans are head-sampled (tracestate ot=th:), whose counts and cost are that fraction', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const name = `sampled-${hex(3)}`;
      const at = minuteAgo(2);
      const span = () => ({
        traceId: hex(16),
        spanId: hex(8),
        traceState: 'ot=th:e668',
        kind: 2,
        name,
        startTimeUnixNano: nanos(at),
        endTimeUnixNano: nanos(at, 100),
        attributes: [str('faas.invocation_id', randomUUID())],
      });
      for (let i = 0; i < 2; i++) {
        const answer = await post(`${fleetscope.ingestUrl}/v1/traces`, {
          resourceSpans: [
            { resource: { attributes: lambdaResource(name) }, scopeSpans: [{ spans: [span()] }] },
          ],
        });
        expect(answer.status).toBe(200);
      }
      expect((await fn(name, at))?.invocations).toBe(2);
      const said = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes(name));
      expect(said).toEqual([
        expect.stringContaining('are head-sampled at 10 % (tracestate ot=th:)'),
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
