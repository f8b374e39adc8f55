import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { functionId } from '@fleetscope/model';
import { encodeTraceRequestProtobuf, type OtlpTraceRequest } from '@fleetscope/otlp';

/*
 * Hostile input for every decoder and the API's query parameters, as fast-check arbitraries. Each
 * arbitrary yields a function of a marker (a name unique to the case), so the rows a case stores
 * can be found and counted, and no two cases are one retried request.
 */

export const FUZZ_TARGETS = [
  'otlp_json',
  'otlp_protobuf',
  'report_lines',
  'telemetry',
  'cloudwatch',
  'firehose',
  'api_query',
] as const;
export type FuzzTarget = (typeof FUZZ_TARGETS)[number];

/** Where a case's accepted items land, and how its answer says how many were accepted. */
export type Accounting =
  | { kind: 'spans'; serviceName: string; sent: number }
  | { kind: 'lambda'; functionId: string }
  | { kind: 'none' };

export interface FuzzCase {
  target: FuzzTarget;
  method: 'GET' | 'POST';
  /** On the collector (ingest) or the API. */
  server: 'ingest' | 'api';
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  accounting: Accounting;
}

export type CaseFactory = (marker: string) => FuzzCase;

/** Any UTF-16 code units: lone surrogates (valid in JSON as "\ud800") and NUL included. */
const codeUnit = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  fc.constantFrom('\ud800', '\udfff', '\u0000'),
);
const text = fc.string({ unit: codeUnit, maxLength: 40 });

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const JSON_TYPE = { 'content-type': 'application/json' };

/** Nanosecond timestamps: mostly plausible, often not (the column limits, units, types). */
const nanos = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .integer({ min: -3_600_000, max: 3_600_000 })
        .map((d) => `${BigInt(Date.now() + d) * 1_000_000n}`),
    },
    fc.constantFrom(
      '0',
      '9999999999999999999',
      '10000000000000000000',
      '18446744073709551615',
      '18446744073709551616',
      '-1',
      '1e18',
      '',
      String(Date.now()),
      String(Date.UTC(2200, 0, 1) * 1e6),
      String(Date.UTC(2022, 0, 1) * 1e6),
    ),
    fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String),
    fc.double(),
    fc.integer(),
    text,
    fc.constant(null),
  );

const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));
const id = (bytes: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 12, arbitrary: hex(bytes) },
    text,
    fc.constant(''),
    fc.integer(),
    fc.constant('0'.repeat(bytes * 2)),
  );

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ stringValue: text }),
  fc.record({
    intValue: fc.oneof(
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
      fc.integer(),
      text,
    ),
  }),
  fc.record({ doubleValue: fc.oneof(fc.double(), fc.constantFrom('NaN', 'Infinity', 'x')) }),
  fc.record({ boolValue: fc.oneof(fc.boolean(), text) }),
  fc.jsonValue({ maxDepth: 2 }),
);
const attributes = fc.array(
  fc.record({
    key: fc.oneof(
      text,
      fc.constantFrom(
        'faas.max_memory',
        'faas.invocation_id',
        'cloud.region',
        '__proto__',
        'faas.coldstart',
      ),
    ),
    value: anyValue,
  }),
  { maxLength: 4 },
);

function lambdaResource(name: string): unknown[] {
  const s = (key: string, value: string) => ({ key, value: { stringValue: value } });
  return [
    s('service.name', name),
    s('cloud.provider', 'aws'),
    s('cloud.platform', 'aws_lambda'),
    s('cloud.region', REGION),
    s('cloud.account.id', ACCOUNT),
    s('faas.name', name),
  ];
}

const span = fc.record(
  {
    traceId: id(16),
    spanId: id(8),
    parentSpanId: fc.oneof(id(8), fc.constant(undefined)),
    name: fc.oneof(text, fc.integer()),
    kind: fc.oneof(fc.constantFrom(1, 2, 5, 'SPAN_KIND_SERVER'), fc.integer(), text),
    startTimeUnixNano: nanos(),
    endTimeUnixNano: nanos(),
    attributes,
    events: fc.array(fc.record({ timeUnixNano: nanos(), name: text }), { maxLength: 2 }),
    status: fc.oneof(
      fc.record({
        code: fc.oneof(fc.integer({ min: 0, max: 3 }), text),
        message: text,
      }),
      fc.constant(null),
    ),
  },
  { requiredKeys: ['traceId', 'spanId', 'startTimeUnixNano', 'endTimeUnixNano'] },
);

const traceRequest = fc.array(fc.array(span, { maxLength: 6 }), { minLength: 1, maxLength: 2 });

function traceBody(name: string, scopes: unknown[][]): { request: unknown; sent: number } {
  return {
    request: {
      resourceSpans: [
        {
          resource: { attributes: lambdaResource(name) },
          scopeSpans: scopes.map((spans) => ({ scope: { name: 'fuzz' }, spans })),
        },
      ],
    },
    sent: scopes.reduce((n, spans) => n + spans.length, 0),
  };
}

const otlpJson: fc.Arbitrary<CaseFactory> = traceRequest.map((scopes) => (marker) => {
  const { request, sent } = traceBody(marker, scopes);
  return {
    target: 'otlp_json',
    method: 'POST',
    server: 'ingest',
    path: '/v1/traces',
    headers: JSON_TYPE,
    body: JSON.stringify(request),
    accounting: { kind: 'spans', serviceName: marker, sent },
  };
});

/** Protobuf-encodable spans (the encoder takes typed values), then maybe damaged byte by byte. */
const protobufSpan = fc.record({
  traceId: hex(16),
  spanId: hex(8),
  name: text,
  kind: fc.integer({ min: 0, max: 5 }),
  startTimeUnixNano: fc.oneof(
    nanos().filter((v) => typeof v === 'string' && /^\d{1,20}$/.test(v) && BigInt(v) < 2n ** 64n),
  ),
  endTimeUnixNano: fc.oneof(
    nanos().filter((v) => typeof v === 'string' && /^\d{1,20}$/.test(v) && BigInt(v) < 2n ** 64n),
  ),
});
const damage = fc.array(
  fc.record({
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
    kind: fc.constantFrom('set', 'cut', 'insert'),
  }),
  { maxLength: 3 },
);

const otlpProtobuf: fc.Arbitrary<CaseFactory> = fc
  .tuple(fc.array(protobufSpan, { maxLength: 6 }), damage)
  .map(([spans, damages]) => (marker) => {
    const { request, sent } = traceBody(marker, [spans]);
    let bytes = Buffer.from(encodeTraceRequestProtobuf(request as OtlpTraceRequest));
    for (const d of damages) {
      const at = bytes.length === 0 ? 0 : d.at % bytes.length;
      if (d.kind === 'set' && bytes.length > 0) bytes[at] = d.byte;
      else if (d.kind === 'cut') bytes = bytes.subarray(0, at);
      else
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([d.byte]), bytes.subarray(at)]);
    }
    return {
      target: 'otlp_protobuf',
      method: 'POST',
      server: 'ingest',
      path: '/v1/traces',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array(bytes),
      // Damaged bytes may still decode, into other spans of other services: only intact ones count.
      accounting:
        damages.length === 0 ? { kind: 'spans', serviceName: marker, sent } : { kind: 'none' },
    };
  });

/** Numbers as Lambda prints them, and as it never does. */
const figure = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.double({ min: 0, max: 900_000, noNaN: true }).map((n) => n.toFixed(2)),
  },
  fc.constantFrom('-1', '1e309', 'NaN', '99999999999999999999', '4294967296', ''),
  text,
);
const reportLine = (requestId: string) =>
  fc
    .tuple(figure, figure, figure, figure, fc.option(figure), fc.option(text))
    .map(
      ([duration, billed, memory, used, init, tail]) =>
        `REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${billed} ms\tMemory Size: ${memory} MB\tMax Memory Used: ${used} MB\t${init === null ? '' : `Init Duration: ${init} ms\t`}${tail ?? ''}`,
    );
const requestIdOf = (marker: string, i: number) =>
  `${marker
    .replace(/[^0-9a-f]/g, '')
    .padEnd(8, '0')
    .slice(0, 8)}-${String(i).padStart(4, '0')}-4000-8000-000000000000`;

const logLines = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('report') },
    fc.constant('start'),
    fc.constant('end'),
    text,
    fc.constantFrom(
      'INIT_START Runtime Version: nodejs:20.v13',
      'Task timed out after 3.00 seconds',
      '\u0000\u0001',
    ),
  ),
  { maxLength: 8 },
);

function lambdaFunctionId(name: string): string {
  return functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name });
}

const reportLines: fc.Arbitrary<CaseFactory> = fc
  .tuple(logLines, fc.array(reportLine('@'), { minLength: 8, maxLength: 8 }))
  .map(([kinds, reports]) => (marker) => {
    const lines = kinds.map((kind, i) => {
      const rid = requestIdOf(marker, i);
      if (kind === 'report') return reports[i].replace('@', rid);
      if (kind === 'start') return `START RequestId: ${rid} Version: $LATEST`;
      if (kind === 'end') return `END RequestId: ${rid}`;
      return kind;
    });
    return {
      target: 'report_lines',
      method: 'POST',
      server: 'ingest',
      path: `/ingest/lambda/logs?function=${marker}&region=${REGION}&account=${ACCOUNT}&instance=i-${marker}`,
      headers: { 'content-type': 'text/plain' },
      body: lines.join('\n'),
      accounting: { kind: 'lambda', functionId: lambdaFunctionId(marker) },
    };
  });

const isoTime = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: -3_600_000, max: 3_600_000 })
      .map((d) => new Date(Date.now() + d).toISOString()),
  },
  fc.constantFrom(
    '+275760-09-13T00:00:00.000Z',
    '1970-01-01T00:00:00Z',
    '2200-01-01T00:00:00Z',
    'yesterday',
    '',
  ),
  text,
  fc.integer(),
);
const telemetryEvent = (i: number) =>
  fc.record({
    time: isoTime,
    type: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'platform.report',
          'platform.start',
          'platform.runtimeDone',
          'platform.initStart',
          'function',
        ),
      },
      text,
    ),
    record: fc.oneof(
      fc.record({
        requestId: fc.constant(String(i)),
        status: fc.constantFrom('success', 'error', 'timeout', 'x'),
        metrics: fc.record({
          durationMs: fc.oneof(fc.double(), text),
          billedDurationMs: fc.oneof(fc.double(), fc.integer()),
          memorySizeMB: fc.oneof(fc.integer(), fc.double()),
          maxMemoryUsedMB: fc.oneof(fc.integer(), fc.double()),
          initDurationMs: fc.oneof(fc.double(), fc.constant(undefined)),
        }),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  });

const telemetry: fc.Arbitrary<CaseFactory> = fc
  .array(fc.nat(), { maxLength: 6 })
  .chain((slots) => fc.tuple(...slots.map((_, i) => telemetryEvent(i))))
  .map((events) => (marker) => ({
    target: 'telemetry' as const,
    method: 'POST' as const,
    server: 'ingest' as const,
    path: `/ingest/lambda/telemetry?function-arn=${encodeURIComponent(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:${marker}`)}&instance=i-${marker}`,
    headers: JSON_TYPE,
    body: JSON.stringify(
      events.map((e) =>
        typeof e.record === 'object' && e.record !== null && 'requestId' in e.record
          ? {
              ...e,
              record: { ...e.record, requestId: requestIdOf(marker, Number(e.record.requestId)) },
            }
          : e,
      ),
    ),
    accounting: { kind: 'lambda' as const, functionId: lambdaFunctionId(marker) },
  }));

const logEvents = (marker: string, kinds: string[], reports: string[], stamps: unknown[]) =>
  kinds.map((kind, i) => ({
    id: `${i}`,
    timestamp: stamps[i],
    message:
      kind === 'report'
        ? reports[i].replace('@', requestIdOf(marker, i))
        : kind === 'start'
          ? `START RequestId: ${requestIdOf(marker, i)} Version: $LATEST`
          : kind,
  }));
const stamp = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.integer({ min: -3_600_000, max: 3_600_000 }).map((d) => Date.now() + d),
  },
  fc.constantFrom(0, -1, 8.64e15, 1e20, Date.UTC(2200, 0, 1)),
  text,
  fc.double(),
);
const cloudWatchParts = fc.tuple(
  logLines,
  fc.array(reportLine('@'), { minLength: 8, maxLength: 8 }),
  fc.array(stamp, { minLength: 8, maxLength: 8 }),
  fc.constantFrom('intact', 'intact', 'intact', 'not-gzip', 'not-base64', 'not-json'),
);

function encodeDelivery(message: unknown, damage: string): string {
  const json = JSON.stringify(message);
  if (damage === 'not-gzip') return Buffer.from(json).toString('base64');
  if (damage === 'not-base64') return '@@@' + json;
  if (damage === 'not-json') return gzipSync('{"messageType": ').toString('base64');
  return gzipSync(json).toString('base64');
}

function dataMessage(marker: string, events: unknown[]): unknown {
  return {
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: `/aws/lambda/${marker}`,
    logStream: `2026/12/04/[$LATEST]${marker}`,
    subscriptionFilters: ['fuzz'],
    logEvents: events,
  };
}

const cloudwatch: fc.Arbitrary<CaseFactory> = cloudWatchParts.map(
  ([kinds, reports, stamps, damage]) =>
    (marker) => ({
      target: 'cloudwatch',
      method: 'POST',
      server: 'ingest',
      path: `/ingest/lambda/cloudwatch?region=${REGION}`,
      headers: JSON_TYPE,
      body: JSON.stringify({
        awslogs: {
          data: encodeDelivery(
            dataMessage(marker, logEvents(marker, kinds, reports, stamps)),
            damage,
          ),
        },
      }),
      accounting: { kind: 'lambda', functionId: lambdaFunctionId(marker) },
    }),
);

const firehose: fc.Arbitrary<CaseFactory> = fc
  .tuple(cloudWatchParts, fc.oneof(fc.integer(), fc.constant(Date.now()), text), fc.boolean())
  .map(([[kinds, reports, stamps, damage], timestamp, asArray]) => (marker) => {
    const data = encodeDelivery(
      dataMessage(marker, logEvents(marker, kinds, reports, stamps)),
      damage,
    );
    return {
      target: 'firehose',
      method: 'POST',
      server: 'ingest',
      path: '/ingest/firehose',
      headers: {
        ...JSON_TYPE,
        'x-amz-firehose-request-id': `fuzz-${marker}`,
        'x-amz-firehose-source-arn': `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/fuzz`,
      },
      body: JSON.stringify({
        requestId: `fuzz-${marker}`,
        timestamp,
        records: asArray ? [{ data }] : { data },
      }),
      accounting: { kind: 'none' },
    };
  });

const paramValue = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '86400000',
    '99999999999999999999',
    '1e3',
    'NaN',
    '2026-12-03T10:00:00',
    '2026-02-30',
    '+275760-09-13T00:00:00Z',
    '',
    '5m',
    '0m',
    '99999999999999999999d',
    'initType',
    'memory',
    '__proto__',
  ),
  text,
  fc.integer().map(String),
  fc.double().map(String),
);
/** Percent-encoded; a lone surrogate, which no URL can carry, becomes invalid UTF-8 (%ED%A0%80). */
function uriPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'))}%ED%A0%80`;
  }
}

const apiPath = fc.constantFrom(
  '/api/functions',
  '/api/coldstarts',
  '/api/recommendations',
  '/api/functions/{id}',
  '/api/functions/{id}/timeseries',
  '/api/functions/{id}/invocations',
  '/api/reports',
  '/api/health',
);
const apiId = fc.oneof(
  fc.constant(lambdaFunctionId('fuzz-api')),
  fc.string({ maxLength: 700 }),
  fc.constant('x'.repeat(600)),
  fc.constant('aws_lambda~1~r~%E0%A4%A'),
);

const apiQuery: fc.Arbitrary<CaseFactory> = fc
  .tuple(
    apiPath,
    apiId,
    fc.dictionary(
      fc.constantFrom(
        'from',
        'to',
        'step',
        'groupBy',
        'kind',
        'functionId',
        'limit',
        'requestId',
        'format',
        'x',
      ),
      paramValue,
      { maxKeys: 4 },
    ),
  )
  .map(([template, rawId, params]) => () => {
    const query = Object.entries(params)
      .map(([k, v]) => `${k}=${uriPart(v)}`)
      .join('&');
    return {
      target: 'api_query',
      method: 'GET',
      server: 'api',
      path: `${template.replace('{id}', uriPart(rawId) || 'x')}${query ? `?${query}` : ''}`,
      headers: {},
      accounting: { kind: 'none' },
    };
  });

export const FUZZ_ARBITRARIES: Record<FuzzTarget, fc.Arbitrary<CaseFactory>> = {
  otlp_json: otlpJson,
  otlp_protobuf: otlpProtobuf,
  report_lines: reportLines,
  telemetry,
  cloudwatch,
  firehose,
  api_query: apiQuery,
};
