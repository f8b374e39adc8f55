import {
  encodeLogsRequestProtobuf,
  encodeMetricsRequestProtobuf,
  encodeTraceRequestProtobuf,
} from './otlp-request.encoder';
import {
  EXPONENTIAL_BUCKET_PATH,
  HISTOGRAM_BUCKET_PATH,
  LOG_RECORD_PATH,
  SPAN_EVENT_LINK_PATH,
  SPAN_PATH,
  countProtobufItems,
  countProtobufValues,
} from './item-counter';

const span = (i: number) => ({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: (i + 1).toString(16).padStart(16, '0'),
  name: `s${i}`,
  startTimeUnixNano: '1718000000123456789',
  endTimeUnixNano: '1718000000223456789',
  attributes: [{ key: 'k', value: { stringValue: 'v' } }],
});

describe(countProtobufItems.name, () => {
  it('counts the spans of every resource and scope without decoding them', () => {
    const body = encodeTraceRequestProtobuf({
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [{ spans: [span(0), span(1)] }, { spans: [span(2)] }],
        },
        { scopeSpans: [{ spans: [span(3)] }] },
      ],
    });
    expect(countProtobufItems(body, SPAN_PATH, 1_000)).toBe(4);
  });

  it('counts the events and links of every span', () => {
    const body = encodeTraceRequestProtobuf({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { ...span(0), events: [{ name: 'a' }, {}], links: [{}] },
                { ...span(1), events: [{}] },
              ],
            },
          ],
        },
      ],
    });
    expect(countProtobufItems(body, SPAN_EVENT_LINK_PATH, 100)).toBe(4);
  });

  it('stops as soon as the count passes the bound, however many empty records follow', () => {
    const records = Array.from({ length: 50_000 }, () => ({}));
    const body = encodeLogsRequestProtobuf({
      resourceLogs: [{ scopeLogs: [{ logRecords: records }] }],
    });
    expect(body.length).toBeLessThan(200_000);
    expect(countProtobufItems(body, LOG_RECORD_PATH, 10_000)).toBe(10_001);
    expect(countProtobufItems(body, LOG_RECORD_PATH, 100_000)).toBe(50_000);
  });

  it('returns what it counted before malformed bytes, leaving the error to the decoder', () => {
    const body = encodeTraceRequestProtobuf({
      resourceSpans: [{ scopeSpans: [{ spans: [span(0)] }] }],
    });
    expect(countProtobufItems(body.subarray(0, body.length - 3), SPAN_PATH, 10)).toBe(0);
    expect(countProtobufItems(Uint8Array.from([0xff, 0xff, 0xff]), SPAN_PATH, 10)).toBe(0);
  });
});

describe(countProtobufValues.name, () => {
  const now = '1718000000123456789';
  const body = encodeMetricsRequestProtobuf({
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            metrics: [
              {
                name: 'explicit',
                histogram: {
                  aggregationTemporality: 1,
                  dataPoints: [
                    {
                      timeUnixNano: now,
                      bucketCounts: [1, 0, 300, 2 ** 40],
                      explicitBounds: [1, 2, 3],
                    },
                    { timeUnixNano: now, bucketCounts: [5, 5] },
                  ],
                },
              },
              {
                name: 'exponential',
                exponentialHistogram: {
                  aggregationTemporality: 1,
                  dataPoints: [
                    {
                      timeUnixNano: now,
                      positive: { offset: -3, bucketCounts: [0, 128, 1, 2 ** 40, 7] },
                      negative: { bucketCounts: [16_384] },
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  });

  it('counts the bucket counts of explicit and exponential histogram points without decoding them', () => {
    expect(countProtobufValues(body, HISTOGRAM_BUCKET_PATH, 'fixed64', 100)).toBe(6);
    expect(countProtobufValues(body, EXPONENTIAL_BUCKET_PATH, 'varint', 100)).toBe(6);
  });

  it('stops as soon as the count passes the bound', () => {
    expect(countProtobufValues(body, HISTOGRAM_BUCKET_PATH, 'fixed64', 3)).toBe(4);
  });
});
