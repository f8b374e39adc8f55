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

/** `text` with every object key renamed by `rename`, as another sender would write it. */
function withKeys(text: string, rename: (key: string) => string): string {
  const walk = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(walk)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, c]) => [rename(k), walk(c)]))
        : v;
  return JSON.stringify(walk(JSON.parse(text)));
}
/** The proto field name of a lowerCamelCase JSON name (start_time_unix_nano). */
const protoName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The pre-1.0 messages the reference Collector still reads and migrates to scope*. */
const pre10 = (key: string) =>
  ({
    scopeSpans: 'instrumentationLibrarySpans',
    scopeMetrics: 'instrumentationLibraryMetrics',
    scopeLogs: 'instrumentationLibraryLogs',
    scope: 'instrumentationLibrary',
  })[key] ?? key;

describe('OTLP/JSON under the names the reference Collector also reads', () => {
  // The defect: {"resource_spans": [...]} and instrumentationLibrarySpans bodies were
  // acknowledged 200 {} and their items dropped, uncounted.
  it.each([
    ['proto field names', protoName],
    ['pre-1.0 instrumentationLibrary* messages', pre10],
    ['both', (k: string) => protoName(pre10(k))],
  ])('reads every example under %s to the same rows', (_, rename) => {
    const same = <T>(
      decode: (t: string) => T | { error: string },
      normalise: (r: T) => unknown,
      file: string,
    ) =>
      expect(normalise(ok(decode(withKeys(example(file), rename)) as T & object))).toEqual(
        normalise(ok(decode(example(file)) as T & object)),
      );
    same(decodeTracesJson, (r) => normaliseTraces(r), 'trace.json');
    same(decodeLogsJson, (r) => normaliseLogs(r), 'logs.json');
    same(decodeLogsJson, (r) => normaliseLogs(r), 'events.json');
    same(decodeMetricsJson, (r) => normaliseMetrics(r), 'metrics.json');
    const spans = normaliseTraces(ok(decodeTracesJson(withKeys(example('trace.json'), rename))));
    expect(spans.spans).toHaveLength(1);
    expect(spans.spans[0]).toMatchObject({
      scopeName: 'my.library',
      spanAttributes: { 'my.span.attr': 'some value' },
    });
  });

  it('prefers scopeSpans to instrumentationLibrarySpans, and a JSON name to its proto name, as pdata does', () => {
    const span = JSON.parse(example('trace.json')).resourceSpans[0].scopeSpans[0].spans[0];
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [{ spans: [span] }],
          instrumentationLibrarySpans: [{ spans: [span, span] }],
          scope_spans: [{ spans: [span, span, span] }],
        },
      ],
    });
    expect(normaliseTraces(ok(decodeTracesJson(body))).spans).toHaveLength(1);
  });

  it('leaves attribute keys and string values with underscores alone', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  ...JSON.parse(example('trace.json')).resourceSpans[0].scopeSpans[0].spans[0],
                  attributes: [
                    { key: 'faas.invocation_id', value: { string_value: 'a_b":c' } },
                    { key: 'db.query_text', value: { stringValue: '{"x_y": 1}' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(normaliseTraces(ok(decodeTracesJson(body))).spans[0].spanAttributes).toEqual({
      'faas.invocation_id': 'a_b":c',
      'db.query_text': '{"x_y": 1}',
    });
  });

  it('refuses a non-empty body without the signal’s field, naming what it has, instead of acknowledging it empty', () => {
    expect(decodeTracesJson('{"resourceLogs":[{}]}')).toEqual({
      error: 'invalid OTLP/JSON: the body has no "resourceSpans" field (it has "resourceLogs")',
    });
    expect(decodeMetricsJson('{"resource_metric":[]}')).toEqual({
      error: expect.stringContaining('no "resourceMetrics" field (it has "resource_metric")'),
    });
    expect(isDecodeError(decodeLogsJson('{}'))).toBe(false);
    expect(isDecodeError(decodeLogsJson('{"resourceLogs":null}'))).toBe(false);
  });
});

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
    expect(decodeTracesJson('{"error":"not a decode error"}')).toEqual({
      error: 'invalid OTLP/JSON: the body has no "resourceSpans" field (it has "error")',
    });
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
