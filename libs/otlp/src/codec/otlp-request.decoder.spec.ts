import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDecodeError } from '../common/otlp-request.types';
import type {
  OtlpLogsRequest,
  OtlpMetricsRequest,
  OtlpTraceRequest,
} from '../common/otlp-request.types';
import { normaliseLogs } from '../logs/log.normaliser';
import { normaliseMetrics } from '../metrics/metric.normaliser';
import { normaliseTraces } from '../traces/trace.normaliser';
import {
  decodeLogsJson,
  decodeLogsProtobuf,
  decodeMetricsJson,
  decodeMetricsProtobuf,
  decodeTracesJson,
  decodeTracesProtobuf,
} from './otlp-request.decoder';
import {
  encodeLogsRequestProtobuf,
  encodeMetricsRequestProtobuf,
  encodeTraceRequestProtobuf,
} from './otlp-request.encoder';

const example = (name: string) =>
  readFileSync(join(__dirname, '../__fixtures__/opentelemetry-proto-examples', name), 'utf8');

function ok<T extends object>(r: T | { error: string }): T {
  if (isDecodeError(r)) throw new Error(r.error);
  return r;
}

describe(decodeTracesJson.name, () => {
  it('decodes the opentelemetry-proto trace example, upper-case hex ids included', () => {
    const out = normaliseTraces(ok(decodeTracesJson(example('trace.json'))));
    expect(out.rejected).toBe(0);
    expect(out.spans).toHaveLength(1);
    expect(out.spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: 'eee19b7ec3c1b173',
      name: "I'm a server span",
      kind: 'server',
      timeUnixNano: '1544712660000000000',
      durationNano: '1000000000',
      serviceName: 'my.service',
      scopeName: 'my.library',
      scopeVersion: '1.0.0',
      spanAttributes: { 'my.span.attr': 'some value' },
      functionId: '',
    });
    expect(out.invocations).toEqual([]);
  });

  it('keeps 19-digit nanosecond timestamps sent as JSON numbers exact', () => {
    const body = example('trace.json')
      .replace('"1544712660000000000"', '1544712660000000001')
      .replace('"1544712661000000000"', '1544712661000000003');
    const out = normaliseTraces(ok(decodeTracesJson(Buffer.from(body))));
    expect(out.spans[0].timeUnixNano).toBe('1544712660000000001');
    expect(out.spans[0].durationNano).toBe('1000000002');
  });

  it('ignores unknown fields and answers malformed bodies with an error instead of throwing', () => {
    expect(isDecodeError(decodeTracesJson('{"resourceSpans":[],"futureField":{"x":1}}'))).toBe(
      false,
    );
    expect(decodeTracesJson('{"resourceSpans":')).toEqual({
      error: expect.stringMatching(/^invalid JSON/),
    });
    expect(decodeTracesJson('[1,2]')).toEqual({
      error: 'invalid OTLP/JSON: the body must be a JSON object',
    });
    expect(decodeTracesJson('{"resourceSpans":{}}')).toEqual({
      error: 'invalid OTLP/JSON: resourceSpans must be an array',
    });
    expect(isDecodeError(decodeTracesJson('{"error":"not a decode error"}'))).toBe(false);
  });
});

describe(decodeTracesProtobuf.name, () => {
  it('decodes re-encoded example requests to the same rows as their JSON', () => {
    const json = ok(decodeTracesJson(example('trace.json')));
    const proto = ok(decodeTracesProtobuf(encodeTraceRequestProtobuf(json)));
    expect(normaliseTraces(proto)).toEqual(normaliseTraces(json));
  });

  it('answers a truncated body with a clean error', () => {
    const bytes = encodeTraceRequestProtobuf(ok(decodeTracesJson(example('trace.json'))));
    const result = decodeTracesProtobuf(bytes.subarray(0, bytes.length - 7));
    expect(result).toEqual({ error: expect.stringMatching(/^invalid protobuf: /) });
    expect(
      isDecodeError(decodeTracesProtobuf(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))),
    ).toBe(true);
  });

  it('decodes an empty body as an empty request', () => {
    expect(normaliseTraces(ok(decodeTracesProtobuf(new Uint8Array(0))))).toMatchObject({
      spans: [],
      rejected: 0,
    });
  });
});

describe(decodeLogsJson.name, () => {
  it.each(['logs.json', 'events.json'])(
    'decodes %s and its protobuf re-encoding to the same rows',
    (file) => {
      const json = ok<OtlpLogsRequest>(decodeLogsJson(example(file)));
      const fromJson = normaliseLogs(json);
      expect(fromJson.rejected).toBe(0);
      expect(fromJson.logs.length).toBeGreaterThan(0);
      expect(fromJson.logs[0].timeUnixNano).toBe('1544712660300000000');
      const proto = ok<OtlpLogsRequest>(decodeLogsProtobuf(encodeLogsRequestProtobuf(json)));
      expect(normaliseLogs(proto)).toEqual(fromJson);
    },
  );
});

describe(decodeMetricsJson.name, () => {
  it('decodes the metrics example (sum, gauge, histogram, exponential histogram) and its protobuf twin', () => {
    const json = ok<OtlpMetricsRequest>(decodeMetricsJson(example('metrics.json')));
    const fromJson = normaliseMetrics(json);
    expect(fromJson.rejected).toBe(0);
    expect(fromJson.points.map((p) => p.metricType)).toEqual([
      'sum',
      'gauge',
      'histogram',
      'exponential_histogram',
    ]);
    const proto = ok<OtlpMetricsRequest>(decodeMetricsProtobuf(encodeMetricsRequestProtobuf(json)));
    expect(normaliseMetrics(proto)).toEqual(fromJson);
  });
});

describe(encodeTraceRequestProtobuf.name, () => {
  it('produces bytes that any OTLP decoder reads back, request shape for request shape', () => {
    const req: OtlpTraceRequest = ok(decodeTracesJson(example('trace.json')));
    const back = ok(decodeTracesProtobuf(encodeTraceRequestProtobuf(req)));
    expect(back.resourceSpans).toHaveLength(1);
  });
});
