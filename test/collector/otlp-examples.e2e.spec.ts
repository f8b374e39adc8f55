import {
  decodeExportResponseProtobuf,
  encodeLogsRequestProtobuf,
  encodeMetricsRequestProtobuf,
  encodeTraceRequestProtobuf,
  type OtlpEncoding,
  type OtlpLogsRequest,
  type OtlpMetricsRequest,
  type OtlpTraceRequest,
} from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  EXAMPLE_SIGNAL,
  exampleText,
  rebase,
  recentEpochNanos,
  type ExampleFile,
} from './support/otlp-examples';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

/**
 * The opentelemetry-proto examples (libs/otlp/src/__fixtures__), each sent once as OTLP/JSON as published
 * and once re-encoded as protobuf, at two different recent epochs with sub-millisecond digits; the
 * stored rows are read back from ClickHouse.
 */
describe('OTLP/HTTP with the opentelemetry-proto examples', () => {
  let fleetscope: RunningFleetscope;
  const epochs: Record<OtlpEncoding, bigint> = {
    json: recentEpochNanos(-120_000, 123_457),
    protobuf: recentEpochNanos(-60_000, 987_001),
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  function body(file: ExampleFile, encoding: OtlpEncoding): string | Uint8Array {
    const text = exampleText(file, epochs[encoding]);
    if (encoding === 'json') return text;
    switch (EXAMPLE_SIGNAL[file]) {
      case 'traces':
        return encodeTraceRequestProtobuf(JSON.parse(text) as OtlpTraceRequest);
      case 'logs':
        return encodeLogsRequestProtobuf(JSON.parse(text) as OtlpLogsRequest);
      case 'metrics':
        return encodeMetricsRequestProtobuf(JSON.parse(text) as OtlpMetricsRequest);
    }
  }

  async function rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await fleetscope.clickhouse.client.query({
      query,
      query_params: params,
      format: 'JSONEachRow',
    });
    return result.json<T>();
  }

  /** Nanoseconds of the example's timestamp at this encoding's epoch. */
  const at = (encoding: OtlpEncoding, exampleNanos: string) =>
    rebase(exampleNanos, epochs[encoding]);

  const files: ExampleFile[] = ['trace.json', 'logs.json', 'events.json', 'metrics.json'];
  const encodings: OtlpEncoding[] = ['json', 'protobuf'];

  describe.each(encodings)('as %s', (encoding) => {
    const contentType = encoding === 'json' ? 'application/json' : 'application/x-protobuf';

    it.each(files)('accepts %s whole, with no partial success', async (file) => {
      const signal = EXAMPLE_SIGNAL[file];
      const response = await fetch(`${fleetscope.ingestUrl}/v1/${signal}`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: body(file, encoding),
      });
      expect([response.status, response.status === 200 ? '' : await response.text()]).toEqual([
        200,
        '',
      ]);
      expect(response.headers.get('content-type')).toContain(contentType);
      if (encoding === 'json') {
        // "If the request is only partially accepted … the server MUST … partial_success"; else unset.
        expect(await response.json()).toEqual({});
      } else {
        const decoded = decodeExportResponseProtobuf(
          signal,
          new Uint8Array(await response.arrayBuffer()),
        );
        expect(decoded).toEqual({ rejected: 0, errorMessage: '' });
      }
    });

    it('stores the span with lower-case hex ids and exact nanosecond times', async () => {
      await fleetscope.flush();
      const stored = await rows<Record<string, unknown>>(
        `SELECT toString(toUnixTimestamp64Nano(time)) AS time_ns, toString(duration_ns) AS duration_ns,
                trace_id, span_id, parent_span_id, name, kind, service_name, function_id,
                scope_name, scope_version, span_attributes
         FROM spans WHERE time = fromUnixTimestamp64Nano({time:Int64})`,
        { time: at(encoding, '1544712660000000000') },
      );
      expect(stored).toEqual([
        {
          time_ns: at(encoding, '1544712660000000000'),
          duration_ns: '1000000000',
          trace_id: TRACE_ID,
          span_id: SPAN_ID,
          parent_span_id: 'eee19b7ec3c1b173',
          name: "I'm a server span",
          kind: 'server',
          service_name: 'my.service',
          // A server span without FaaS attributes is not a function invocation.
          function_id: '',
          scope_name: 'my.library',
          scope_version: '1.0.0',
          span_attributes: { 'my.span.attr': 'some value' },
        },
      ]);
    });

    it('stores the log records with lower-case hex ids, exact times and every attribute kind', async () => {
      await fleetscope.flush();
      const stored = await rows<Record<string, unknown>>(
        `SELECT toString(toUnixTimestamp64Nano(time)) AS time_ns,
                toString(toUnixTimestamp64Nano(observed_time)) AS observed_ns,
                trace_id, span_id, severity_text, severity_number, service_name, body, log_attributes
         FROM logs WHERE time = fromUnixTimestamp64Nano({time:Int64}) ORDER BY severity_number DESC`,
        { time: at(encoding, '1544712660300000000') },
      );
      expect(stored).toEqual([
        {
          time_ns: at(encoding, '1544712660300000000'),
          observed_ns: at(encoding, '1544712660300000000'),
          trace_id: TRACE_ID,
          span_id: SPAN_ID,
          severity_text: 'Information',
          severity_number: 10,
          service_name: 'my.service',
          body: 'Example log record',
          log_attributes: {
            'string.attribute': 'some string',
            'boolean.attribute': 'true',
            'int.attribute': '10',
            'double.attribute': '637.704',
            'array.attribute': '["many","values"]',
            'map.attribute': '{"some.map.key":"some value"}',
          },
        },
        {
          time_ns: at(encoding, '1544712660300000000'),
          observed_ns: at(encoding, '1544712660300000000'),
          trace_id: '',
          span_id: '',
          severity_text: 'test severity text',
          severity_number: 9,
          service_name: 'my.service',
          body: JSON.stringify({
            type: 0,
            url: 'https://www.guidgenerator.com/online-guid-generator.aspx',
            referrer: 'https://wwww.google.com',
            title: 'Free Online GUID Generator',
          }),
          // logs.proto event_name, kept as the event.name attribute.
          log_attributes: {
            'event.attribute': 'some event attribute',
            'event.name': 'browser.page_view',
          },
        },
      ]);
    });

    it('stores the sum, gauge, histogram and exponential histogram points with exact times', async () => {
      await fleetscope.flush();
      const stored = await rows<Record<string, unknown>>(
        `SELECT metric_name, metric_type, unit, temporality, is_monotonic, value,
                toUInt32(count) AS count, sum, min, max,
                arrayMap(c -> toUInt32(c), bucket_counts) AS bucket_counts, explicit_bounds,
                toString(toUnixTimestamp64Nano(time)) AS time_ns, attributes
         FROM metric_points WHERE time = fromUnixTimestamp64Nano({time:Int64}) ORDER BY metric_name`,
        { time: at(encoding, '1544712660300000000') },
      );
      const time_ns = at(encoding, '1544712660300000000');
      expect(stored.map((r) => r.metric_name)).toEqual([
        'my.counter',
        'my.exponential.histogram',
        'my.gauge',
        'my.histogram',
      ]);
      expect(stored).toEqual([
        expect.objectContaining({
          metric_name: 'my.counter',
          temporality: 'delta',
          is_monotonic: true,
          value: 5,
          time_ns,
          attributes: { 'my.counter.attr': 'some value' },
        }),
        expect.objectContaining({
          metric_name: 'my.exponential.histogram',
          temporality: 'delta',
          count: 3,
          sum: 10,
          min: 0,
          max: 5,
          // Positive buckets with their upper bounds base^(offset+i+1) (metrics.proto).
          bucket_counts: [0, 2],
          explicit_bounds: [4, 8],
          time_ns,
          attributes: { 'my.exponential.histogram.attr': 'some value' },
        }),
        expect.objectContaining({
          metric_name: 'my.gauge',
          value: 10,
          time_ns,
          attributes: { 'my.gauge.attr': 'some value' },
        }),
        expect.objectContaining({
          metric_name: 'my.histogram',
          temporality: 'delta',
          count: 2,
          sum: 2,
          min: 0,
          max: 2,
          bucket_counts: [1, 1],
          explicit_bounds: [1],
          time_ns,
          attributes: { 'my.histogram.attr': 'some value' },
        }),
      ]);
    });
  });
});
