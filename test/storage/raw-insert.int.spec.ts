import type { ClickHouseClient } from '@clickhouse/client';
import { LambdaLogStreamAssemblerPool, decodeCloudWatchSubscription } from '@fleetscope/ingest';
import type { LogRow, MetricPointRow, SpanRow } from '@fleetscope/model';
import {
  IngestWriter,
  StorageQueryError,
  toStorageError,
  type ClickHouseHandle,
  type RawInsert,
} from '@fleetscope/storage';
// The writer's encoders and body buffer are internal to @fleetscope/storage (not in its index);
// these specs hold exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LineBuffer } from '../../libs/storage/src/writer/line-buffer';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  INVOCATIONS,
  LOGS,
  METRIC_POINTS,
  SPANS,
  putRows,
  type TableEncoder,
} from '../../libs/storage/src/writer/row-columns';
import { LambdaFleet } from '../bench/support/lambda-fleet';
import { LambdaLogGenerator, cloudWatchBody } from '../bench/support/lambda-log.generator';
import { openTestClickHouse } from '../support/test-clickhouse';

const NOW_MS = Date.parse('2026-12-04T10:00:00Z');
const nanos = (ms: number): string => `${ms}000000`;

/** Strings that JSON and ClickHouse's JSON parser each treat specially. */
const AWKWARD = [
  'quote " backslash \\ slash / tab \t newline \n return \r',
  'unicode é 漢字 😀 and a lone surrogate \ud800',
  "single ' quote, control \u0001 and NUL \u0000",
];

function cloudWatchRows() {
  const fleet = new LambdaFleet({ functions: 20, seed: 7, baseTimeMs: NOW_MS });
  const generator = new LambdaLogGenerator({
    fleet,
    seed: 7,
    baseTimeMs: NOW_MS,
    invocationsPerDelivery: 20,
    appLinesPerInvocation: 0.3,
  });
  const pool = new LambdaLogStreamAssemblerPool();
  const invocations = [];
  const logs = [];
  for (let i = 0; i < 30; i++) {
    const d = generator.next();
    const decoded = decodeCloudWatchSubscription(cloudWatchBody(d), { region: d.fn.region, pool });
    invocations.push(...decoded.invocations);
    logs.push(...decoded.logs);
  }
  return { invocations, logs };
}

function awkwardLog(body: string, n: number): LogRow {
  return {
    timeUnixNano: nanos(NOW_MS + n),
    observedTimeUnixNano: String(NOW_MS + n),
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    severityText: 'WARN',
    severityNumber: 13,
    serviceName: 'svc',
    functionId: 'aws_lambda~123456789012~eu-west-1~checkout',
    requestId: `req-${n}`,
    source: 'otlp',
    body,
    resourceAttributes: { 'service.name': body },
    logAttributes: { [body]: body },
  };
}

function span(n: number): SpanRow {
  return {
    timeUnixNano: nanos(NOW_MS + n),
    durationNano: '1500000',
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: `b7ad6b71692033${String(n).padStart(2, '0')}`,
    parentSpanId: '',
    traceState: '',
    name: AWKWARD[n % AWKWARD.length],
    kind: 'server',
    serviceName: 'svc',
    functionId: '',
    statusCode: 'error',
    statusMessage: AWKWARD[(n + 1) % AWKWARD.length],
    scopeName: 'scope',
    scopeVersion: '1.0',
    resourceAttributes: { 'cloud.region': 'eu-west-1' },
    spanAttributes: { 'faas.invocation_id': `req-${n}`, 'http.route': '/x' },
    events: [{ timeUnixNano: nanos(NOW_MS + n + 1), name: 'exception', attributes: { a: 'b' } }],
    links: [
      { traceId: '0af7651916cd43dd8448eb211c80319d', spanId: 'b7ad6b7169203332', attributes: {} },
    ],
  };
}

function point(n: number): MetricPointRow {
  return {
    timeUnixNano: nanos(NOW_MS + n),
    startTimeUnixNano: '',
    metricName: 'faas.invoke_duration',
    metricType: 'histogram',
    unit: 's',
    serviceName: 'svc',
    functionId: '',
    temporality: 'delta',
    isMonotonic: false,
    value: 0,
    count: 3,
    sum: 0.25 + n,
    min: n % 2 === 0 ? null : 0.01,
    max: Number.POSITIVE_INFINITY,
    bucketCounts: [1, 2, 0],
    explicitBounds: [0.1, Number.NaN],
    resourceAttributes: {},
    attributes: { awkward: AWKWARD[n % AWKWARD.length] },
  };
}

/** Every row of `table`, in a stable order, as JSON text. */
async function rowsOf(
  client: ClickHouseClient,
  table: string,
  columns: readonly string[] = ['*'],
): Promise<string[]> {
  const result = await client.query({
    query: `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ALL`,
    format: 'JSONEachRow',
  });
  return (await result.json()).map((row) => JSON.stringify(row));
}

/** Two empty copies of `table`: one filled through `client.insert`, one through the raw insert. */
async function insertBothWays<T>(
  handle: ClickHouseHandle,
  rawInsert: RawInsert,
  encoder: TableEncoder<T>,
  rows: T[],
): Promise<{ viaClient: string[]; viaRaw: string[] }> {
  const { client } = handle;
  const [a, b] = [`${encoder.table}_via_client`, `${encoder.table}_via_raw`];
  for (const copy of [a, b]) {
    await client.command({ query: `CREATE TABLE ${copy} AS ${encoder.table}` });
  }
  await client.insert({
    table: a,
    columns: encoder.columns as [string, ...string[]],
    values: rows.map((row) => encoder.encode(row)),
    format: 'JSONCompactEachRow',
    clickhouse_settings: { input_format_json_throw_on_bad_escape_sequence: 0 },
  });
  const body = new LineBuffer();
  putRows(encoder, rows, body);
  await rawInsert({
    table: b,
    columns: encoder.columns,
    body: body.bytes(),
    settings: { input_format_json_throw_on_bad_escape_sequence: 0 },
  });
  // The columns inserted: a default such as ingested_at (now()) differs when the two inserts fall
  // in different seconds, as they did once in CI.
  return {
    viaClient: await rowsOf(client, a, encoder.columns),
    viaRaw: await rowsOf(client, b, encoder.columns),
  };
}

describe('the raw insert (embedded chDB)', () => {
  let handle: ClickHouseHandle;
  let rawInsert: RawInsert;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await openTestClickHouse());
    if (!handle.rawInsert) throw new Error('the embedded engine offers no raw insert');
    rawInsert = handle.rawInsert;
  });
  afterAll(() => cleanup());

  it('writes as the body exactly the bytes @clickhouse/client sends for the encoded rows', () => {
    const { invocations, logs } = cloudWatchRows();
    const check = <T>(encoder: TableEncoder<T>, rows: T[]) => {
      const body = new LineBuffer();
      putRows(encoder, rows, body);
      // The client's JSONCompactEachRow encoding: JSON.stringify of each row and a newline.
      const sent = rows.map((row) => `${JSON.stringify(encoder.encode(row))}\n`).join('');
      expect(body.bytes().equals(Buffer.from(sent))).toBe(true);
    };
    check(INVOCATIONS, invocations);
    check(LOGS, [...logs, ...AWKWARD.map(awkwardLog)]);
    check(SPANS, [0, 1, 2].map(span));
    check(METRIC_POINTS, [0, 1, 2].map(point));
  });

  it('stores the same rows as client.insert does, table by table', async () => {
    const { invocations, logs } = cloudWatchRows();
    expect(invocations.length).toBe(600);
    const cases: [TableEncoder<never>, unknown[]][] = [
      [INVOCATIONS, invocations],
      [LOGS, [...logs, ...AWKWARD.map(awkwardLog)]],
      [SPANS, [0, 1, 2, 3].map(span)],
      [METRIC_POINTS, [0, 1, 2, 3].map(point)],
    ];
    for (const [encoder, rows] of cases) {
      const { viaClient, viaRaw } = await insertBothWays(
        handle,
        rawInsert,
        encoder,
        rows as never[],
      );
      expect(viaRaw).toHaveLength(rows.length);
      expect(viaRaw).toEqual(viaClient);
    }
  });

  it('refuses a body with a row ClickHouse cannot read, stores none of it, and says it is permanent', async () => {
    await handle.client.command({ query: 'CREATE TABLE logs_refused AS logs' });
    const body = new LineBuffer();
    const bad = { ...awkwardLog('bad', 1), timeUnixNano: 'nineteen-chars-long' };
    putRows(LOGS, [awkwardLog('good', 0), bad, awkwardLog('good too', 2)], body);
    const failure = await rawInsert({
      table: 'logs_refused',
      columns: LOGS.columns,
      body: body.bytes(),
    }).then(
      () => undefined,
      (error: unknown) => toStorageError(error, 'insert'),
    );
    expect(failure).toBeInstanceOf(StorageQueryError);
    expect((failure as StorageQueryError).retryable).toBe(false);
    expect(await rowsOf(handle.client, 'logs_refused')).toEqual([]);
  });
});

describe(`${IngestWriter.name}: the logs table's skip indexes (embedded chDB)`, () => {
  it('builds them when parts merge, not on insert, and a body search finds the same rows before and after', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const writer = new IngestWriter(handle.client, {
        maxQueueBytes: 1 << 24,
        flushIntervalMs: 20,
        flushRows: 1_000,
        rawInsert: handle.rawInsert,
      });
      for (let n = 0; n < 3; n++) {
        await writer.write({
          logs: [awkwardLog(`request ${n} failed: Timeout after 3000 ms`, n), awkwardLog('ok', n)],
        });
      }
      await writer.close();
      const search = async () => {
        const result = await handle.client.query({
          query: `SELECT body FROM logs WHERE hasToken(lower(body), 'timeout') ORDER BY body`,
          format: 'JSONCompactEachRow',
        });
        return result.json<[string]>();
      };
      const indexBytes = async () => {
        const result = await handle.client.query({
          query: `SELECT sum(secondary_indices_uncompressed_bytes) FROM system.parts
                  WHERE database = currentDatabase() AND table = 'logs' AND active`,
          format: 'JSONCompactEachRow',
        });
        return Number((await result.json<[number]>())[0][0]);
      };
      const found = [0, 1, 2].map((n) => [`request ${n} failed: Timeout after 3000 ms`]);
      expect(await indexBytes()).toBe(0);
      expect(await search()).toEqual(found);
      await handle.client.command({ query: 'OPTIMIZE TABLE logs FINAL' });
      expect(await indexBytes()).toBeGreaterThan(0);
      expect(await search()).toEqual(found);
    } finally {
      await cleanup();
    }
  });
});
