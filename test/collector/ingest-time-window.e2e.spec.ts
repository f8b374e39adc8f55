import { randomBytes } from 'node:crypto';
import type { OtlpTraceRequest } from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from './support/collector-metrics';
import { lambdaTraceRequest } from './support/otlp-requests';

interface ExportAnswer {
  status: number;
  body: {
    partialSuccess?: {
      rejectedSpans?: string | number;
      rejectedLogRecords?: string | number;
      rejectedDataPoints?: string | number;
      errorMessage?: string;
    };
    message?: string;
  };
}

const NOW_NS = () => BigInt(Date.now()) * 1_000_000n;

/** One span of `lambdaTraceRequest` with its times replaced. */
function withTimes(request: OtlpTraceRequest, start: string, end: string): OtlpTraceRequest {
  const span = request.resourceSpans![0].scopeSpans![0].spans![0];
  span.startTimeUnixNano = start;
  span.endTimeUnixNano = end;
  return request;
}

function logsRequest(times: string[]): unknown {
  return {
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'edge-logs' } }] },
        scopeLogs: [
          {
            logRecords: times.map((t, i) => ({
              timeUnixNano: t,
              observedTimeUnixNano: t,
              body: { stringValue: `line ${i}` },
            })),
          },
        ],
      },
    ],
  };
}

function gaugeRequest(times: string[]): unknown {
  return {
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'edge-metrics' } }] },
        scopeMetrics: [
          {
            metrics: [
              {
                name: 'edge.gauge',
                gauge: { dataPoints: times.map((t) => ({ timeUnixNano: t, asDouble: 1 })) },
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * Times and numbers the tables cannot hold are refused item by item before the writer (issue 15,
 * items 1–4): the sender is told in partial_success, the other items and the other senders of the
 * same flush are stored, and nothing is dropped silently.
 */
describe('Ingest time window', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '30',
      FLEETSCOPE_INGEST_MAX_FUTURE_HOURS: '168',
      // One flush gathers the concurrent senders below.
      FLEETSCOPE_FLUSH_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function post(path: string, body: unknown): Promise<ExportAnswer> {
    const response = await fetch(`${fleetscope.ingestUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as ExportAnswer['body']) : {},
    };
  }

  async function count(query: string, params: Record<string, unknown>): Promise<number> {
    await fleetscope.flush();
    const result = await fleetscope.clickhouse.client.query({
      query,
      query_params: params,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ n: string | number }>();
    return Number(row.n);
  }

  const rejected = (signal: string, reason: string) =>
    collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_rejected_items_total', {
      signal,
      reason,
    });

  it('one span dated 9999999999999999999 no longer fails every sender of its flush with 503', async () => {
    const good = Array.from({ length: 19 }, (_, i) => lambdaTraceRequest(`edge-good-${i}`, [{}]));
    const bad = withTimes(
      lambdaTraceRequest('edge-overflow', [{}]),
      '9999999999999999999',
      '9999999999999999999',
    );
    const answers = await Promise.all([...good, bad].map((r) => post('/v1/traces', r)));
    expect(answers.map((a) => a.status)).toEqual([...good.map(() => 200), 400]);
    expect(answers[19].body.message).toMatch(/time_in_future: 1.*9999999999999999999/);
    expect(
      await count(`SELECT count() AS n FROM spans WHERE service_name LIKE 'edge-good-%'`, {}),
    ).toBe(19);
    expect(await rejected('traces', 'time_in_future')).toBeGreaterThanOrEqual(1);
  });

  it('a batch with one good and one overflowing span stores the good one and reports the other in partial_success', async () => {
    const request = lambdaTraceRequest('edge-mixed', [{}, {}]);
    const spans = request.resourceSpans![0].scopeSpans![0].spans!;
    spans[1].startTimeUnixNano = '9999999999999999999';
    spans[1].endTimeUnixNano = '9999999999999999999';
    const answer = await post('/v1/traces', request);
    expect(answer.status).toBe(200);
    expect(Number(answer.body.partialSuccess?.rejectedSpans)).toBe(1);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(/time_in_future: 1/);
    // The sender's retry of the same body is acknowledged without a second copy.
    expect((await post('/v1/traces', request)).status).toBe(200);
    expect(
      await count(`SELECT count() AS n FROM spans WHERE service_name = 'edge-mixed'`, {}),
    ).toBe(1);
  });

  it('a retried request is answered with the same partial_success as the first, not {}', async () => {
    const request = lambdaTraceRequest('edge-retried', [{}, {}]);
    const old = String(NOW_NS() - 40n * 86_400_000_000_000n);
    const spans = request.resourceSpans![0].scopeSpans![0].spans!;
    spans[0].startTimeUnixNano = old;
    spans[0].endTimeUnixNano = old;
    const first = await post('/v1/traces', request);
    expect(first.status).toBe(200);
    expect(Number(first.body.partialSuccess?.rejectedSpans)).toBe(1);
    expect(first.body.partialSuccess?.errorMessage).toMatch(/time_too_old|retention|older/);
    // The sender lost the first answer and sends the same body again.
    const retry = await post('/v1/traces', request);
    expect(retry).toEqual(first);
    expect(
      await count(`SELECT count() AS n FROM spans WHERE service_name = 'edge-retried'`, {}),
    ).toBe(1);

    // Sent three times at once: the copies that wait for the first one's write get its answer too.
    const again = lambdaTraceRequest('edge-retried-at-once', [{}, {}]);
    const againSpans = again.resourceSpans![0].scopeSpans![0].spans!;
    againSpans[1].startTimeUnixNano = old;
    againSpans[1].endTimeUnixNano = old;
    const answers = await Promise.all([1, 2, 3].map(() => post('/v1/traces', again)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(Number(answer.body.partialSuccess?.rejectedSpans)).toBe(1);
      expect(answer).toEqual(answers[0]);
    }
    expect(
      await count(`SELECT count() AS n FROM spans WHERE service_name = 'edge-retried-at-once'`, {}),
    ).toBe(1);
  });

  it('a retried request with nothing refused is still answered {}', async () => {
    const request = lambdaTraceRequest('edge-retried-clean', [{}, {}]);
    expect(await post('/v1/traces', request)).toEqual({ status: 200, body: {} });
    expect(await post('/v1/traces', request)).toEqual({ status: 200, body: {} });
  });

  it('logs and metric points with an overflowing time are refused with 400, not 503', async () => {
    const logs = await post('/v1/logs', logsRequest(['9999999999999999999']));
    expect(logs.status).toBe(400);
    const metrics = await post('/v1/metrics', gaugeRequest(['9999999999999999999']));
    expect(metrics.status).toBe(400);
    const mixed = await post('/v1/logs', logsRequest(['9999999999999999999', String(NOW_NS())]));
    expect(mixed.status).toBe(200);
    expect(Number(mixed.body.partialSuccess?.rejectedLogRecords)).toBe(1);
  });

  it('a span dated 2200 is refused in partial_success instead of wrapping to 2063 in the per-minute rows', async () => {
    const at2200 = String(BigInt(Date.UTC(2200, 0, 1)) * 1_000_000n);
    const request = lambdaTraceRequest('edge-2200', [{}, {}]);
    const spans = request.resourceSpans![0].scopeSpans![0].spans!;
    spans[0].startTimeUnixNano = at2200;
    spans[0].endTimeUnixNano = at2200;
    const answer = await post('/v1/traces', request);
    expect(answer.status).toBe(200);
    expect(Number(answer.body.partialSuccess?.rejectedSpans)).toBe(1);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(/beyond 2106-02-07|ahead of now/);
    expect(
      await count(
        `SELECT count() AS n FROM function_minutes WHERE function_id LIKE '%edge-2200%' AND minute > now() + INTERVAL 8 DAY`,
        {},
      ),
    ).toBe(0);
  });

  it('a span more than FLEETSCOPE_INGEST_MAX_FUTURE_HOURS ahead is refused as time_in_future', async () => {
    const inTenDays = String(NOW_NS() + 10n * 86_400_000_000_000n);
    const answer = await post(
      '/v1/traces',
      withTimes(lambdaTraceRequest('edge-future', [{}, {}]), inTenDays, inTenDays),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(
      /time_in_future: 1.*FLEETSCOPE_INGEST_MAX_FUTURE_HOURS/,
    );
    expect(await rejected('traces', 'time_in_future')).toBeGreaterThanOrEqual(1);
  });

  it('a Telemetry API event dated +275760 is refused and reported instead of stored as 9999', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:edge-telemetry';
    const response = await fetch(
      `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(arn)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            time: '+275760-09-13T00:00:00.000Z',
            type: 'platform.report',
            record: {
              requestId: 'edge-far-future',
              metrics: {
                durationMs: 10,
                billedDurationMs: 10,
                memorySizeMB: 128,
                maxMemoryUsedMB: 60,
              },
              status: 'success',
            },
          },
          {
            time: new Date().toISOString(),
            type: 'platform.report',
            record: {
              requestId: 'edge-now',
              metrics: {
                durationMs: 10,
                billedDurationMs: 10,
                memorySizeMB: 128,
                maxMemoryUsedMB: 60,
              },
              status: 'success',
            },
          },
        ]),
      },
    );
    const body = (await response.json()) as {
      invocations: number;
      rejected: number;
      errors: string[];
    };
    expect(response.status).toBe(200);
    expect(body.invocations).toBe(1);
    expect(body.rejected).toBe(1);
    expect(body.errors.join('\n')).toMatch(/edge-far-future/);
    expect(
      await count(
        `SELECT count() AS n FROM invocations WHERE request_id IN ('edge-far-future', 'edge-now')`,
        {},
      ),
    ).toBe(1);
  });

  it('10000000000000000000 and milliseconds sent as nanoseconds are reported as rejected, not dropped silently', async () => {
    const request = lambdaTraceRequest('edge-units', [{}, {}, {}]);
    const spans = request.resourceSpans![0].scopeSpans![0].spans!;
    spans[0].startTimeUnixNano = '10000000000000000000';
    spans[0].endTimeUnixNano = '10000000000000000000';
    const ms = String(Date.now());
    spans[1].startTimeUnixNano = ms;
    spans[1].endTimeUnixNano = ms;
    const answer = await post('/v1/traces', request);
    expect(answer.status).toBe(200);
    expect(Number(answer.body.partialSuccess?.rejectedSpans)).toBe(2);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(/time_in_future: 1/);
    // 1970 is a unit error, not data older than the retention window ("would expire at once").
    expect(answer.body.partialSuccess?.errorMessage).toMatch(/time_out_of_range: 1/);
    expect(answer.body.partialSuccess?.errorMessage).not.toMatch(/time_before_retention/);
    const alone = lambdaTraceRequest('edge-units-ms', [{}]);
    const span = alone.resourceSpans![0].scopeSpans![0].spans![0];
    span.startTimeUnixNano = ms;
    span.endTimeUnixNano = ms;
    const answered = await post('/v1/traces', alone);
    expect(answered.status).toBe(400);
    expect(JSON.stringify(answered.body)).toContain(
      'is before 2000-01-01: a unit error (milliseconds or seconds sent as nanoseconds?)',
    );
  });

  it('data older than the retention window is counted and reported, not accepted to expire at once', async () => {
    const in2022 = String(BigInt(Date.UTC(2022, 5, 1)) * 1_000_000n);
    const answer = await post('/v1/logs', logsRequest([in2022, String(NOW_NS())]));
    expect(answer.status).toBe(200);
    expect(Number(answer.body.partialSuccess?.rejectedLogRecords)).toBe(1);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(
      /time_before_retention: 1.*FLEETSCOPE_RETENTION_DAYS=30/,
    );
    expect(await rejected('logs', 'time_before_retention')).toBeGreaterThanOrEqual(1);
  });

  it('a span whose end is before its start is reported instead of stored with no duration', async () => {
    const start = NOW_NS();
    const request = lambdaTraceRequest('edge-backwards', [{}, {}]);
    const span = request.resourceSpans![0].scopeSpans![0].spans![0];
    span.startTimeUnixNano = String(start);
    span.endTimeUnixNano = String(start - 5_000_000n);
    span.spanId = randomBytes(8).toString('hex');
    const answer = await post('/v1/traces', request);
    expect(answer.status).toBe(200);
    expect(Number(answer.body.partialSuccess?.rejectedSpans)).toBe(1);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(/end_before_start: 1/);
    expect(await rejected('traces', 'end_before_start')).toBe(1);
  });
  it('defect (a request whose only span the decoder refused answered 200): a request with nothing left gets 400 naming why', async () => {
    // README: "a request with nothing left gets 400"; only the screen's refusals were answered so.
    const start = NOW_NS();
    const request = lambdaTraceRequest('edge-backwards-only', [{}]);
    const span = request.resourceSpans![0].scopeSpans![0].spans![0];
    span.startTimeUnixNano = String(start);
    span.endTimeUnixNano = String(start - 5_000_000n);
    const before = await rejected('traces', 'end_before_start');
    const answer = await post('/v1/traces', request);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/no item could be stored: .*end_before_start: 1/);
    expect(await rejected('traces', 'end_before_start')).toBe(before + 1);
    expect(
      await count(`SELECT count() AS n FROM spans WHERE service_name = 'edge-backwards-only'`, {}),
    ).toBe(0);
  });

  it('a histogram point with fractional bucket counts is refused in partial_success instead of being acknowledged and then dropped with the good points of its request', async () => {
    const now = String(NOW_NS());
    const request = gaugeRequest([now]) as {
      resourceMetrics: { scopeMetrics: { metrics: unknown[] }[] }[];
    };
    request.resourceMetrics[0].scopeMetrics[0].metrics.push({
      name: 'edge.fractional',
      histogram: {
        aggregationTemporality: 1,
        dataPoints: [
          {
            startTimeUnixNano: now,
            timeUnixNano: now,
            count: '2',
            sum: 1,
            bucketCounts: [1.5, '0.5'],
            explicitBounds: [1],
          },
        ],
      },
    });
    // Another sender of the same flush.
    const other = {
      resourceMetrics: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'edge-other' } }] },
          scopeMetrics: [
            {
              metrics: [
                { name: 'edge.gauge', gauge: { dataPoints: [{ timeUnixNano: now, asInt: '3' }] } },
              ],
            },
          ],
        },
      ],
    };
    const [answer, otherAnswer] = await Promise.all([
      post('/v1/metrics', request),
      post('/v1/metrics', other),
    ]);
    expect(otherAnswer.status).toBe(200);
    expect(answer.status).toBe(200);
    expect(Number(answer.body.partialSuccess?.rejectedDataPoints)).toBe(1);
    expect(answer.body.partialSuccess?.errorMessage).toMatch(/bucketCounts.*1\.5/);
    expect(
      await count(
        `SELECT count() AS n FROM metric_points WHERE service_name = 'edge-metrics' AND time = fromUnixTimestamp64Nano(toInt64({t:String}))`,
        { t: now },
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count() AS n FROM metric_points WHERE service_name = 'edge-other'`, {}),
    ).toBe(1);
  });
});
