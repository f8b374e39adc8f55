import { createGzip, gzipSync } from 'node:zlib';
import {
  Client,
  credentials,
  Metadata,
  status as grpcStatus,
  type ServiceError,
} from '@grpc/grpc-js';
import {
  decodeExportResponseProtobuf,
  decodeStatusProtobuf,
  encodeTraceRequestProtobuf,
  type OtlpTraceRequest,
} from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { deltaHistogram, lambdaResourceMetrics } from '../support/otlp-json-metrics';
import { collectorMetric } from './support/collector-metrics';
import { lambdaTraceRequest } from './support/otlp-requests';

const TOKEN = 'e2e-ingest-token';
const MAX_BODY_BYTES = 1024 * 1024;
const AUTH = { authorization: `Bearer ${TOKEN}` };
const PROTOBUF = 'application/x-protobuf';
const JSON_TYPE = 'application/json';

/** 200 MB of zeros, gzipped to about 200 kB (streamed: the test never holds the 200 MB). */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 1 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

interface BadInput {
  what: string;
  headers: Record<string, string>;
  body: () => Promise<Buffer | string> | Buffer | string;
  status: number;
  /** The answer's google.rpc.Status, in the request's encoding. */
  encoding: 'protobuf' | 'json';
  message: RegExp;
  reason: string;
}

/**
 * Bad OTLP/HTTP input against a Fleetscope guarded by FLEETSCOPE_INGEST_TOKEN with a 1 MiB body
 * limit: each gets its status and message, is counted by reason in GET :4318/metrics, and the
 * collector keeps answering.
 */
describe('OTLP/HTTP bad input', () => {
  let fleetscope: RunningFleetscope;
  const good = () => encodeTraceRequestProtobuf(lambdaTraceRequest('bad-input-good', [{}]));

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_INGEST_TOKEN: TOKEN,
      FLEETSCOPE_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  const rejected = (signal: string, reason: string) =>
    collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
      signal,
      reason,
    });

  async function post(
    path: string,
    headers: Record<string, string>,
    body: Buffer | string | Uint8Array,
  ) {
    return fetch(`${fleetscope.ingestUrl}${path}`, { method: 'POST', headers, body });
  }

  async function statusOf(response: Response, encoding: 'protobuf' | 'json') {
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('content-type')).toContain(
      encoding === 'json' ? JSON_TYPE : PROTOBUF,
    );
    return encoding === 'json'
      ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as { code: number; message: string })
      : decodeStatusProtobuf(bytes);
  }

  const cases: BadInput[] = [
    {
      what: 'truncated protobuf',
      headers: { ...AUTH, 'content-type': PROTOBUF },
      body: () => Buffer.from(good()).subarray(0, 40),
      status: 400,
      encoding: 'protobuf',
      message: /^invalid protobuf: /,
      reason: 'invalid_protobuf',
    },
    {
      what: 'invalid JSON',
      headers: { ...AUTH, 'content-type': JSON_TYPE },
      body: () => '{"resourceSpans": [{"resource": ',
      status: 400,
      encoding: 'json',
      message: /^invalid JSON: /,
      reason: 'invalid_json',
    },
    {
      what: 'JSON that is not an OTLP request',
      headers: { ...AUTH, 'content-type': JSON_TYPE },
      body: () => '{"resourceSpans": {"not": "an array"}}',
      status: 400,
      encoding: 'json',
      message: /resourceSpans must be an array/,
      reason: 'invalid_json',
    },
    {
      what: 'a content type that is neither protobuf nor JSON',
      headers: { ...AUTH, 'content-type': 'text/plain' },
      body: () => 'hello',
      status: 415,
      encoding: 'json',
      message:
        /Content-Type must be application\/x-protobuf or application\/json, got "text\/plain"/,
      reason: 'unsupported_media_type',
    },
    {
      // Fastify refused it before any route saw it: a generic 415 that no metric counted.
      what: 'an empty Content-Type',
      headers: { ...AUTH, 'content-type': '' },
      body: () => Buffer.from(good()),
      status: 415,
      encoding: 'json',
      message: /Content-Type "" is missing or malformed: send the body's type/,
      reason: 'unsupported_media_type',
    },
    {
      what: 'an unsupported Content-Encoding',
      headers: { ...AUTH, 'content-type': PROTOBUF, 'content-encoding': 'br' },
      body: () => Buffer.from(good()),
      status: 415,
      encoding: 'protobuf',
      message: /Content-Encoding br is not supported/,
      reason: 'unsupported_encoding',
    },
    {
      what: 'a body that is not gzip although it says so',
      headers: { ...AUTH, 'content-type': PROTOBUF, 'content-encoding': 'gzip' },
      body: () => Buffer.from(good()),
      status: 400,
      encoding: 'protobuf',
      message: /the gzip body could not be decompressed/,
      reason: 'bad_compression',
    },
    {
      what: 'a gzip bomb (200 MB of zeros)',
      headers: { ...AUTH, 'content-type': PROTOBUF, 'content-encoding': 'gzip' },
      body: () => gzipBomb(200),
      status: 413,
      encoding: 'protobuf',
      message: new RegExp(`exceeds ${MAX_BODY_BYTES} bytes after decompression`),
      reason: 'too_large',
    },
    {
      what: 'a body over FLEETSCOPE_MAX_BODY_BYTES',
      headers: { ...AUTH, 'content-type': PROTOBUF },
      body: () => Buffer.alloc(MAX_BODY_BYTES + 1, 0x0a),
      status: 413,
      encoding: 'protobuf',
      message: /too large/i,
      reason: 'too_large',
    },
    {
      what: 'no bearer token',
      headers: { 'content-type': PROTOBUF },
      body: () => Buffer.from(good()),
      status: 401,
      encoding: 'protobuf',
      message: /missing or wrong bearer token/,
      reason: 'unauthorized',
    },
    {
      what: 'a wrong bearer token',
      headers: { authorization: `Bearer not-${TOKEN}`, 'content-type': JSON_TYPE },
      body: () => JSON.stringify(lambdaTraceRequest('bad-input-good', [{}])),
      status: 401,
      encoding: 'json',
      message: /missing or wrong bearer token/,
      reason: 'unauthorized',
    },
  ];

  it.each(cases)('answers $what with $status and counts it as $reason', async (c) => {
    const before = await rejected('traces', c.reason);
    const rssBefore = process.memoryUsage().rss;
    const response = await post('/v1/traces', c.headers, await c.body());
    expect(response.status).toBe(c.status);
    const status = await statusOf(response, c.encoding);
    expect(status.message).toMatch(c.message);
    // google.rpc.Code: UNAUTHENTICATED for a bad token, INVALID_ARGUMENT for bad data.
    expect(status.code).toBe(c.status === 401 ? 16 : 3);
    expect(await rejected('traces', c.reason)).toBe(before + 1);
    // Bounded decompression: nowhere near the 200 MB the bomb inflates to.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);

    const health = await fetch(`${fleetscope.ingestUrl}/health`);
    expect(health.status).toBe(200);
    const after = await post('/v1/traces', { ...AUTH, 'content-type': PROTOBUF }, good());
    expect(after.status).toBe(200);
  });

  it('answers in the Content-Type of the request, application/protobuf as application/protobuf', async () => {
    const answer = (contentType: string, body: Uint8Array | string) =>
      post('/v1/traces', { ...AUTH, 'content-type': contentType }, body);
    const ok = await answer('application/protobuf', good());
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/protobuf');
    expect(decodeExportResponseProtobuf('traces', new Uint8Array(await ok.arrayBuffer()))).toEqual({
      rejected: 0,
      errorMessage: '',
    });
    const refused = await answer('application/protobuf', Buffer.from([0x0a, 0xff, 0xff]));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/protobuf');
    expect(decodeStatusProtobuf(new Uint8Array(await refused.arrayBuffer())).code).toBe(3);
    const legacy = await answer('application/x-protobuf', good());
    expect(legacy.headers.get('content-type')).toBe('application/x-protobuf');
    const json = await answer('application/json; charset=utf-8', '{}');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('keeps the good spans of a request with malformed ids and reports the rest as partial success', async () => {
    const request = lambdaTraceRequest('malformed-ids', [
      { requestId: 'good-1' },
      { requestId: 'bad-trace', traceId: 'not-hex-at-all-not-hex-at-all-00' },
      { requestId: 'good-2' },
      { requestId: 'bad-span', spanId: 'ABCDEF' },
    ]);
    const beforeTrace = await rejected('traces', 'invalid_trace_id');
    const beforeSpan = await rejected('traces', 'invalid_span_id');

    const response = await post(
      '/v1/traces',
      { ...AUTH, 'content-type': JSON_TYPE },
      JSON.stringify(request),
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      partialSuccess?: { rejectedSpans?: string; errorMessage?: string };
    };
    expect(answer.partialSuccess?.rejectedSpans).toBe('2');
    expect(answer.partialSuccess?.errorMessage).toMatch(/invalid_trace_id: 1, invalid_span_id: 1/);
    expect(answer.partialSuccess?.errorMessage).toMatch(/spans\[1\]: invalid traceId/);
    expect(await rejected('traces', 'invalid_trace_id')).toBe(beforeTrace + 1);
    expect(await rejected('traces', 'invalid_span_id')).toBe(beforeSpan + 1);

    await fleetscope.flush();
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT request_id FROM spans WHERE name = 'malformed-ids' ORDER BY request_id`,
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ request_id: 'good-1' }, { request_id: 'good-2' }]);
  });

  it('counts entries that are not objects (null, 5, "x", []) as malformed items, at every level', async () => {
    // They were dropped without a word: a request of nothing else was answered 200, as stored.
    const request = lambdaTraceRequest('not-objects', [{ requestId: 'kept' }]) as unknown as {
      resourceSpans: { scopeSpans: unknown[] }[];
    };
    request.resourceSpans[0].scopeSpans.push(null, { spans: [7] });
    const traces = { resourceSpans: [null, 5, ...request.resourceSpans, 'x', []] };
    const before = await rejected('traces', 'malformed');
    const response = await post(
      '/v1/traces',
      { ...AUTH, 'content-type': JSON_TYPE },
      JSON.stringify(traces),
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      partialSuccess?: { rejectedSpans?: string; errorMessage?: string };
    };
    expect(answer.partialSuccess?.rejectedSpans).toBe('6');
    expect(answer.partialSuccess?.errorMessage).toMatch(/resourceSpans\[0\]: not an object/);
    expect(await rejected('traces', 'malformed')).toBe(before + 6);

    // Nothing else in the request: nothing left, 400, as when every span is refused.
    for (const [path, signal, body] of [
      ['/v1/logs', 'logs', { resourceLogs: [null, { scopeLogs: [5, { logRecords: ['x'] }] }] }],
      [
        '/v1/metrics',
        'metrics',
        { resourceMetrics: [[], { scopeMetrics: [null, { metrics: [false] }] }] },
      ],
    ] as const) {
      const was = await rejected(signal, 'malformed');
      const refused = await post(
        path,
        { ...AUTH, 'content-type': JSON_TYPE },
        JSON.stringify(body),
      );
      expect(refused.status).toBe(400);
      expect((await statusOf(refused, 'json')).message).toMatch(
        /^no item could be stored: rejected 3 \(malformed: 3\)/,
      );
      expect(await rejected(signal, 'malformed')).toBe(was + 3);
    }
  });

  it('rejects histogram points that contradict themselves, each counted, and a request of only those with 400', async () => {
    const fn = { account: '123456789012', region: 'eu-west-1', name: 'inconsistent-histograms' };
    const at = Date.now() - 10 * 60_000;
    const point = (change: Record<string, unknown>) => {
      const metric = deltaHistogram('faas.invoke_duration', 100, 5, at, [0.1, 0.5], 1);
      const histogram = metric.histogram as { dataPoints: Record<string, unknown>[] };
      Object.assign(histogram.dataPoints[0], change);
      return metric;
    };
    const bad = [
      point({ bucketCounts: ['1', '2', '3'] }),
      point({ explicitBounds: [0.5, 0.1] }),
      point({ sum: 'NaN' }),
    ];
    const body = (metrics: Record<string, unknown>[]) =>
      JSON.stringify({ resourceMetrics: [lambdaResourceMetrics(fn, metrics)] });
    const buckets = await rejected('metrics', 'invalid_buckets');
    const sums = await rejected('metrics', 'invalid_sum');
    const response = await post(
      '/v1/metrics',
      { ...AUTH, 'content-type': JSON_TYPE },
      body([point({}), ...bad]),
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      partialSuccess?: { rejectedDataPoints?: string; errorMessage?: string };
    };
    expect(answer.partialSuccess?.rejectedDataPoints).toBe('3');
    expect(answer.partialSuccess?.errorMessage).toMatch(/bucketCounts add up to 6, count is 100/);
    expect(await rejected('metrics', 'invalid_buckets')).toBe(buckets + 2);
    expect(await rejected('metrics', 'invalid_sum')).toBe(sums + 1);

    // README: a request with nothing left gets 400, as /v1/traces answers one.
    const refused = await post(
      '/v1/metrics',
      { ...AUTH, 'content-type': JSON_TYPE },
      body([bad[1]]),
    );
    expect(refused.status).toBe(400);
    expect((await statusOf(refused, 'json')).message).toMatch(
      /^no item could be stored: .*explicitBounds must rise strictly: 0.5 then 0.1/,
    );
  });

  it('reports malformed ids in a protobuf request as partial success too', async () => {
    const request = lambdaTraceRequest('malformed-ids-proto', [{}, { spanId: 'abcdef' }]);
    const response = await post(
      '/v1/traces',
      { ...AUTH, 'content-type': PROTOBUF },
      encodeTraceRequestProtobuf(request),
    );
    expect(response.status).toBe(200);
    const answer = decodeExportResponseProtobuf(
      'traces',
      new Uint8Array(await response.arrayBuffer()),
    );
    expect(answer.rejected).toBe(1);
    expect(answer.errorMessage).toMatch(/invalid spanId/);
  });

  it('tells a Firehose delivery with a wrong access key that it must equal the ingest token, without FLEETSCOPE_FIREHOSE_ACCESS_KEY', async () => {
    const answer = await post(
      '/ingest/firehose',
      {
        'content-type': JSON_TYPE,
        'x-amz-firehose-request-id': 'r-1',
        'x-amz-firehose-access-key': 'not-the-token',
      },
      JSON.stringify({ requestId: 'r-1', timestamp: Date.now(), records: [] }),
    );
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { errorMessage: string }).errorMessage).toBe(
      "X-Amz-Firehose-Access-Key is wrong: the delivery stream's access key must equal FLEETSCOPE_INGEST_TOKEN (FLEETSCOPE_FIREHOSE_ACCESS_KEY is not set)",
    );
  });

  it('reads a gzip body sent without Content-Encoding as gzip, as the CloudWatch route does', async () => {
    const protobuf = await post(
      '/v1/traces',
      { ...AUTH, 'content-type': PROTOBUF },
      gzipSync(encodeTraceRequestProtobuf(lambdaTraceRequest('gzip-undeclared', [{}]))),
    );
    expect(protobuf.status).toBe(200);
    const json = await post(
      '/v1/traces',
      { ...AUTH, 'content-type': JSON_TYPE },
      gzipSync('{"resourceSpans":[]}'),
    );
    expect([json.status, await json.text()]).toEqual([200, '{}']);
    await fleetscope.flush();
    const spans = await fleetscope.clickhouse.client.query({
      query: `SELECT toString(count()) AS n FROM spans WHERE name = 'gzip-undeclared'`,
      format: 'JSONEachRow',
    });
    expect(await spans.json()).toEqual([{ n: '1' }]);
  });

  it('stores a retried identical request once and counts its invocations once', async () => {
    const request: OtlpTraceRequest = lambdaTraceRequest('retried-export', [
      { requestId: 'r-1' },
      { requestId: 'r-2' },
      { requestId: 'r-3' },
    ]);
    const body = encodeTraceRequestProtobuf(request);
    const before = await collectorMetric(
      fleetscope.ingestUrl,
      'fleetscope_ingest_duplicate_requests_total',
      {
        signal: 'traces',
      },
    );
    // An exporter whose acknowledgement was lost sends the same bytes again, possibly concurrently.
    const answers = await Promise.all(
      [0, 1, 2].map(() => post('/v1/traces', { ...AUTH, 'content-type': PROTOBUF }, body)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const late = await post('/v1/traces', { ...AUTH, 'content-type': PROTOBUF }, body);
    expect(late.status).toBe(200);
    expect(
      await collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_duplicate_requests_total', {
        signal: 'traces',
      }),
    ).toBe(before + 3);

    await fleetscope.flush();
    const spans = await fleetscope.clickhouse.client.query({
      query: `SELECT toString(count()) AS n FROM spans WHERE name = 'retried-export'`,
      format: 'JSONEachRow',
    });
    expect(await spans.json()).toEqual([{ n: '3' }]);
    const list = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) => r.json())) as {
      functions: { name: string; invocations: number }[];
    };
    expect(list.functions.filter((f) => f.name === 'retried-export')).toEqual([
      expect.objectContaining({ invocations: 3 }),
    ]);
  });

  describe('over OTLP/gRPC', () => {
    const TRACES = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
    let client: Client;

    beforeAll(() => {
      client = new Client(fleetscope.grpcAddress, credentials.createInsecure());
    });

    afterAll(() => {
      client.close();
    });

    /** A unary Export with the message as raw bytes, as the collector receives it. */
    function exportRaw(message: Uint8Array, token: string | undefined): Promise<Buffer> {
      const metadata = new Metadata();
      if (token !== undefined) metadata.set('authorization', `Bearer ${token}`);
      return new Promise((resolve, reject) => {
        client.makeUnaryRequest(
          TRACES,
          (bytes: Uint8Array) => Buffer.from(bytes),
          (bytes: Buffer) => bytes,
          message,
          metadata,
          (error: ServiceError | null, response?: Buffer) =>
            error ? reject(error) : resolve(response ?? Buffer.alloc(0)),
        );
      });
    }

    it('answers garbage bytes with INVALID_ARGUMENT and counts them', async () => {
      const before = await rejected('traces', 'invalid_protobuf');
      await expect(
        exportRaw(Buffer.from('definitely not protobuf \xff\xff\xff'), TOKEN),
      ).rejects.toMatchObject({
        code: grpcStatus.INVALID_ARGUMENT,
        details: expect.stringMatching(/^invalid protobuf: /),
      });
      expect(await rejected('traces', 'invalid_protobuf')).toBe(before + 1);
      expect(
        await collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_requests_total', {
          signal: 'grpc_traces',
          status: '400',
        }),
      ).toBeGreaterThanOrEqual(1);
      // Still serving.
      const answer = await exportRaw(good(), TOKEN);
      expect(decodeExportResponseProtobuf('traces', answer)).toEqual({
        rejected: 0,
        errorMessage: '',
      });
    });

    it('keeps the good spans and reports the rest in partial_success', async () => {
      const request = lambdaTraceRequest('grpc-partial', [
        { requestId: 'g-1' },
        { requestId: 'g-bad', traceId: '00000000000000000000000000000000' },
        { requestId: 'g-2' },
      ]);
      const answer = decodeExportResponseProtobuf(
        'traces',
        await exportRaw(encodeTraceRequestProtobuf(request), TOKEN),
      );
      expect(answer.rejected).toBe(1);
      expect(answer.errorMessage).toMatch(/invalid traceId/);
      await fleetscope.flush();
      const result = await fleetscope.clickhouse.client.query({
        query: `SELECT request_id FROM spans WHERE name = 'grpc-partial' ORDER BY request_id`,
        format: 'JSONEachRow',
      });
      expect(await result.json()).toEqual([{ request_id: 'g-1' }, { request_id: 'g-2' }]);
    });

    it.each([
      ['no token', undefined],
      ['a wrong token', `not-${TOKEN}`],
    ])('answers %s with UNAUTHENTICATED and counts it', async (_what, token) => {
      const before = await rejected('traces', 'unauthorized');
      await expect(exportRaw(good(), token)).rejects.toMatchObject({
        code: grpcStatus.UNAUTHENTICATED,
        details: expect.stringMatching(/missing or wrong bearer token/),
      });
      expect(await rejected('traces', 'unauthorized')).toBe(before + 1);
    });
  });
});
