import { randomBytes, randomUUID } from 'node:crypto';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  awslogs,
  dataMessage,
  listFunctions,
  minuteAgo,
  post,
  reportLine,
  rows,
} from './platform-ingest.helpers';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

// The same invocation as each source reports it; the durations differ a little, as they do in
// reality (the span also covers the runtime's own work), so the chosen source is visible.
const TELEMETRY_MS = 200.5;
const REPORT_MS = 200.62;
const SPAN_MS = 201.9;

type Source = 'telemetry' | 'log' | 'span';

interface Invocation {
  name: string;
  requestId: string;
  startMs: number;
  traceId: string;
}

function arn(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
}

function idOf(name: string): string {
  return functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name });
}

/** The Telemetry API batch an extension forwards; `reportOnly` re-wraps it as a different body. */
function telemetryBatch(inv: Invocation, reportOnly = false): unknown[] {
  const report = {
    time: new Date(inv.startMs + 201).toISOString(),
    type: 'platform.report',
    record: {
      requestId: inv.requestId,
      status: 'success',
      metrics: {
        durationMs: TELEMETRY_MS,
        billedDurationMs: 201,
        memorySizeMB: 512,
        maxMemoryUsedMB: 100,
      },
      tracing: {
        type: 'X-Amzn-Trace-Id',
        value: `Root=1-${inv.traceId.slice(0, 8)}-${inv.traceId.slice(8)};Sampled=1`,
      },
    },
  };
  if (reportOnly) return [report];
  return [
    {
      time: new Date(inv.startMs).toISOString(),
      type: 'platform.start',
      record: { requestId: inv.requestId, version: '$LATEST' },
    },
    {
      time: new Date(inv.startMs + 200).toISOString(),
      type: 'platform.runtimeDone',
      record: {
        requestId: inv.requestId,
        status: 'success',
        metrics: { durationMs: 200.1, producedBytes: 12 },
      },
    },
    report,
  ];
}

/** The CloudWatch Logs subscription delivery; `second` re-delivers the REPORT in another message. */
function cloudwatchDelivery(inv: Invocation, second = false): Record<string, unknown> {
  const stream = '2025/06/01/[$LATEST]0123456789abcdef0123456789abcdef';
  const report = {
    id: second ? 'redelivered' : undefined,
    timestamp: inv.startMs + 201,
    message: `${reportLine(inv.requestId, { durationMs: REPORT_MS, billedMs: 201, memoryMb: 512, maxUsedMb: 100 })}\n`,
  };
  if (second) return awslogs(dataMessage(ACCOUNT, inv.name, stream, [report]));
  return awslogs(
    dataMessage(ACCOUNT, inv.name, stream, [
      { timestamp: inv.startMs, message: `START RequestId: ${inv.requestId} Version: $LATEST\n` },
      { timestamp: inv.startMs + 201, message: `END RequestId: ${inv.requestId}\n` },
      report,
    ]),
  );
}

/** OTLP/JSON ExportTraceServiceRequest with the FaaS SERVER span of the invocation. */
function otlpTraces(inv: Invocation, withClientSpan = false): Record<string, unknown> {
  const startNs = BigInt(inv.startMs) * 1_000_000n;
  const endNs = startNs + BigInt(Math.round(SPAN_MS * 1e6));
  const server = {
    traceId: inv.traceId,
    spanId: randomBytes(8).toString('hex'),
    name: inv.name,
    kind: 2,
    startTimeUnixNano: startNs.toString(),
    endTimeUnixNano: endNs.toString(),
    attributes: [
      { key: 'faas.invocation_id', value: { stringValue: inv.requestId } },
      { key: 'faas.trigger', value: { stringValue: 'http' } },
      { key: 'cloud.resource_id', value: { stringValue: arn(inv.name) } },
    ],
    status: {},
  };
  const client = {
    ...server,
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: server.spanId,
    name: 'GET dynamodb',
    kind: 3,
    attributes: [],
  };
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: inv.name } },
            { key: 'cloud.provider', value: { stringValue: 'aws' } },
            { key: 'cloud.platform', value: { stringValue: 'aws_lambda' } },
            { key: 'cloud.region', value: { stringValue: REGION } },
            { key: 'faas.name', value: { stringValue: inv.name } },
            { key: 'faas.max_memory', value: { stringValue: '512' } },
          ],
        },
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-aws-lambda' },
            spans: withClientSpan ? [server, client] : [server],
          },
        ],
      },
    ],
  };
}

describe('one invocation, counted once across sources', () => {
  let fleetscope: RunningFleetscope;
  const minute = minuteAgo(6);
  const fromMs = minute - 3600_000;
  const toMs = Date.now() + 60_000;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  function invocation(name: string): Invocation {
    return {
      name,
      requestId: randomUUID(),
      startMs: minute + 20_000,
      traceId: randomBytes(16).toString('hex'),
    };
  }

  async function deliver(source: Source, inv: Invocation, variant = false): Promise<void> {
    let answer;
    switch (source) {
      case 'telemetry':
        answer = await post(
          `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(arn(inv.name))}&instance=sandbox-a`,
          telemetryBatch(inv, variant),
        );
        break;
      case 'log':
        answer = await post(
          `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
          cloudwatchDelivery(inv, variant),
        );
        break;
      case 'span':
        answer = await post(`${fleetscope.ingestUrl}/v1/traces`, otlpTraces(inv, variant));
        break;
    }
    expect(answer.status).toBe(200);
  }

  async function perSource(
    name: string,
  ): Promise<Record<string, { rows: number; minuteInvocations: number }>> {
    await fleetscope.flush();
    const raw = await rows<{ source: string; n: number }>(
      fleetscope,
      `SELECT source, count() AS n FROM invocations WHERE function_id = {id:String} GROUP BY source`,
      { id: idOf(name) },
    );
    const minutes = await rows<{ source: string; n: number }>(
      fleetscope,
      `SELECT source, sum(invocations) AS n FROM function_minutes WHERE function_id = {id:String} GROUP BY source`,
      { id: idOf(name) },
    );
    const out: Record<string, { rows: number; minuteInvocations: number }> = {};
    for (const r of raw) out[r.source] = { rows: r.n, minuteInvocations: 0 };
    for (const m of minutes)
      out[m.source] = { rows: out[m.source]?.rows ?? 0, minuteInvocations: m.n };
    return out;
  }

  const orders: Source[][] = [
    ['telemetry', 'log', 'span'],
    ['span', 'log', 'telemetry'],
    ['log', 'span', 'telemetry'],
    ['span', 'telemetry', 'log'],
  ];

  it.each(orders.map((order): [string, Source[]] => [order.join(' → '), order]))(
    'counts one invocation delivered as %s, each twice, with the platform.report figures',
    async (_label, order) => {
      const name = `once-${order.join('-')}`;
      const inv = invocation(name);
      for (const source of order) await deliver(source, inv);
      // A retried request (same bytes) and a second, different delivery of the same invocation.
      for (const source of [...order].reverse()) {
        await deliver(source, inv);
        await deliver(source, inv, true);
      }

      const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter(
        (f) => f.id === idOf(name),
      );
      expect(fn).toMatchObject({ invocations: 1, errors: 0, memoryMb: 512, maxMemoryUsedMb: 100 });
      expect(fn.durationMs.max).toBe(TELEMETRY_MS);
      expect(await perSource(name)).toEqual({
        lambda_telemetry: { rows: 1, minuteInvocations: 1 },
        lambda_log: { rows: 1, minuteInvocations: 1 },
        otel_span: { rows: 1, minuteInvocations: 1 },
      });
    },
  );

  it('prefers the REPORT line over the span when no platform.report came', async () => {
    const name = 'once-log-and-span';
    const inv = invocation(name);
    await deliver('span', inv);
    await deliver('log', inv);
    await deliver('span', inv);
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === idOf(name));
    expect(fn).toMatchObject({ invocations: 1 });
    expect(fn.durationMs.max).toBe(REPORT_MS);
  });

  it('counts a span-only invocation once with the span duration', async () => {
    const name = 'once-span-only';
    const inv = invocation(name);
    await deliver('span', inv);
    await deliver('span', inv, true);
    const [fn] = (await listFunctions(fleetscope, fromMs, toMs)).filter((f) => f.id === idOf(name));
    expect(fn).toMatchObject({ invocations: 1 });
    expect(fn.durationMs.max).toBe(SPAN_MS);
    expect(await perSource(name)).toEqual({ otel_span: { rows: 1, minuteInvocations: 1 } });
  });

  it('merges the sources of one invocation field by field, each from the most exact source', async () => {
    const name = 'once-merged';
    const inv = invocation(name);
    for (const source of ['span', 'log', 'telemetry'] as const) await deliver(source, inv);
    await fleetscope.flush();
    const url = `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(idOf(name))}/invocations?from=${fromMs}&to=${toMs}&requestId=${inv.requestId}`;
    const body = (await fetch(url).then((r) => r.json())) as {
      invocations: Record<string, unknown>[];
    };
    expect(body.invocations).toHaveLength(1);
    expect(body.invocations[0]).toMatchObject({
      requestId: inv.requestId,
      // the platform's own figures …
      durationMs: TELEMETRY_MS,
      billedDurationMs: 201,
      memorySizeMb: 512,
      maxMemoryUsedMb: 100,
      status: 'success',
      // … and what only the instrumentation knows
      trigger: 'http',
      traceId: inv.traceId,
      sources: ['lambda_telemetry', 'lambda_log', 'otel_span'],
    });
    const bad = await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(idOf(name))}/invocations?limit=0`,
    );
    expect(bad.status).toBe(400);
  });

  it('answers a delivery that holds one REPORT twice with the one invocation it stores', async () => {
    const name = 'once-repeated-report';
    const invs = [invocation(name), invocation(name), invocation(name)];
    const stream = '2025/06/01/[$LATEST]fedcba9876543210fedcba9876543210';
    const report = (inv: Invocation) => ({
      timestamp: inv.startMs + 201,
      message: `${reportLine(inv.requestId, { durationMs: REPORT_MS, billedMs: 201, memoryMb: 512, maxUsedMb: 100 })}\n`,
    });
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
      awslogs(
        dataMessage(ACCOUNT, name, stream, [
          ...invs.map(report),
          { ...report(invs[1]), id: 'again' },
        ]),
      ),
    );
    // The answer said 4 invocations where the writer stored 3.
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invocations: 3, rejected: 0 });
    expect(await perSource(name)).toEqual({ lambda_log: { rows: 3, minuteInvocations: 3 } });
  });
});
