import type { ClickHouseClient } from '@clickhouse/client';
import {
  IngestWriter,
  StorageQueryError,
  execInserter,
  type IngestBatch,
  type RawInsert,
} from '@fleetscope/storage';
import type { LogRow } from '@fleetscope/model';
import { lambdaInvocation as invocation } from '../support/invocation-records';
import { openTestClickHouse } from '../support/test-clickhouse';

const SENDERS = 64;
const DELIVERIES_PER_SENDER = 4;
const INVOCATIONS_PER_DELIVERY = 20;

function log(functionId: string, requestId: string, timeNano: string): LogRow {
  return {
    timeUnixNano: timeNano,
    observedTimeUnixNano: timeNano,
    traceId: '',
    spanId: '',
    severityText: 'INFO',
    severityNumber: 9,
    serviceName: 'svc',
    functionId,
    requestId,
    source: 'lambda_log',
    body: `line of ${requestId}`,
    resourceAttributes: {},
    logAttributes: {},
  };
}

/**
 * The server path's insert (the body as `client.exec` values) on the real engine, recording which
 * request ids each insert into `invocations` carried.
 */
function recordingInsert(client: ClickHouseClient, inserted: { ids: Set<string> }[]): RawInsert {
  const insert = execInserter(client);
  return async (params) => {
    await insert(params);
    if (params.table === 'invocations') {
      const rows = params.body
        .toString('utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as unknown[]);
      // request_id is the fourth column of the writer's invocation encoder.
      inserted.push({ ids: new Set(rows.map((row) => String(row[3]))) });
    }
  };
}

async function readable(client: ClickHouseClient, functionId: string) {
  const result = await client.query({
    query: `SELECT (SELECT count() FROM invocations WHERE function_id = {f:String}) AS raw,
                   (SELECT sum(invocations) FROM function_minutes WHERE function_id = {f:String}) AS minutes,
                   (SELECT sum(invocations) FROM function_hours WHERE function_id = {f:String}) AS hours,
                   (SELECT count() FROM logs WHERE function_id = {f:String}) AS logs,
                   (SELECT count() FROM ingest_requests WHERE key LIKE {k:String}) AS keys`,
    query_params: { f: functionId, k: `${functionId}:%` },
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  const [row] = await result.json<Record<string, number>>();
  return row;
}

describe(`${IngestWriter.name} group commit`, () => {
  jest.setTimeout(120_000);

  it('coalesces many concurrent small deliveries into few inserts and acknowledges each only after its rows are readable', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const inserted: { ids: Set<string> }[] = [];
      const writer = new IngestWriter(handle.client, {
        maxQueueBytes: 1 << 26,
        flushIntervalMs: 50,
        flushRows: 20_000,
        rawInsert: recordingInsert(handle.client, inserted),
      });
      const now = Date.now();
      const nowNano = `${now}000000`;
      const delivery = (sender: number, n: number, ids: string[]): IngestBatch => {
        const functionId = `aws_lambda~123456789012~eu-west-1~sender-${sender}`;
        return {
          invocations: ids.map((id, i) => invocation(functionId, id, now - (n * 20 + i) * 1000)),
          logs: [log(functionId, ids[0], nowNano)],
          requestKeys: [{ key: `${functionId}:${n}`, source: 'cloudwatch' }],
        };
      };
      const ackedBeforeStored: string[] = [];
      const unreadableAtAck: string[] = [];
      // Closed-loop senders, as the bench's: each sends its next delivery once the last is acknowledged.
      const senders = Array.from({ length: SENDERS }, async (_, sender) => {
        const functionId = `aws_lambda~123456789012~eu-west-1~sender-${sender}`;
        for (let n = 0; n < DELIVERIES_PER_SENDER; n++) {
          const ids = Array.from(
            { length: INVOCATIONS_PER_DELIVERY },
            (_, i) => `s${sender}-d${n}-i${i}`,
          );
          // One retried invocation per delivery (the previous delivery's last one): stored once.
          const batch = delivery(sender, n, ids);
          if (n > 0) {
            batch.invocations!.push(
              invocation(functionId, `s${sender}-d${n - 1}-i${INVOCATIONS_PER_DELIVERY - 1}`, now),
            );
          }
          await writer.write(batch);
          // At the acknowledgement, the insert holding every one of its invocations has returned…
          const stored = new Set(inserted.flatMap((insert) => [...insert.ids]));
          if (ids.some((id) => !stored.has(id))) ackedBeforeStored.push(`${sender}/${n}`);
        }
        // …and every read path shows them: raw rows, the per-minute and hourly aggregate, logs and
        // keys (asked once per sender, so the queries do not hold the senders apart).
        const seen = await readable(handle.client, functionId);
        const expected = DELIVERIES_PER_SENDER * INVOCATIONS_PER_DELIVERY;
        if (
          seen.raw !== expected ||
          seen.minutes !== expected ||
          seen.hours !== expected ||
          seen.logs !== DELIVERIES_PER_SENDER ||
          seen.keys !== DELIVERIES_PER_SENDER
        ) {
          unreadableAtAck.push(`${sender}: ${JSON.stringify(seen)}`);
        }
      });
      await Promise.all(senders);
      expect(ackedBeforeStored).toEqual([]);
      expect(unreadableAtAck).toEqual([]);
      const deliveries = SENDERS * DELIVERIES_PER_SENDER;
      // Many deliveries share each insert (one per delivery without group commit).
      expect(inserted.length).toBeLessThanOrEqual(deliveries / 4);
      expect(Math.max(...writer.stats.requestsPerFlush)).toBeGreaterThan(SENDERS / 2);
      // Exact: each invocation once, the retried ones included, in the raw rows and the aggregate.
      const totals = await handle.client.query({
        query: `SELECT (SELECT count() FROM invocations) AS raw,
                       (SELECT uniqExact(function_id, request_id) FROM invocations) AS distinct_ids,
                       (SELECT sum(invocations) FROM function_minutes) AS minutes`,
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      });
      const expected = deliveries * INVOCATIONS_PER_DELIVERY;
      expect(await totals.json()).toEqual([
        { raw: expected, distinct_ids: expected, minutes: expected },
      ]);
      expect(writer.stats.duplicateInvocations).toBe(SENDERS * (DELIVERIES_PER_SENDER - 1));
      await writer.close();
    } finally {
      await cleanup();
    }
  });

  it('fails only the delivery ClickHouse refuses when it shares a flush with many others', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const writer = new IngestWriter(handle.client, {
        maxQueueBytes: 1 << 26,
        flushIntervalMs: 50,
        flushRows: 20_000,
      });
      const now = Date.now();
      const nowNano = `${now}000000`;
      const batches: IngestBatch[] = Array.from({ length: SENDERS }, (_, sender) => {
        const functionId = `aws_lambda~123456789012~eu-west-1~poison-${sender}`;
        return {
          invocations: Array.from({ length: INVOCATIONS_PER_DELIVERY }, (_, i) =>
            invocation(functionId, `p${sender}-${i}`, now - i * 1000),
          ),
          // Delivery 17's log time is no DateTime64(9): ClickHouse refuses that insert.
          logs: [log(functionId, `p${sender}-0`, sender === 17 ? 'nineteen-chars-long' : nowNano)],
        };
      });
      const results = await Promise.allSettled(batches.map((batch) => writer.write(batch)));
      const rejected = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
      expect(rejected).toEqual([17]);
      const reason = (results[17] as PromiseRejectedResult).reason as StorageQueryError;
      expect(reason).toBeInstanceOf(StorageQueryError);
      expect(reason.retryable).toBe(false);
      const stored = await handle.client.query({
        query: `SELECT (SELECT count() FROM logs) AS logs,
                       (SELECT count() FROM invocations) AS raw,
                       (SELECT sum(invocations) FROM function_minutes) AS minutes`,
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      });
      // Every other delivery's rows, once (the invocations went in with the first, shared insert).
      expect(await stored.json()).toEqual([
        {
          logs: SENDERS - 1,
          raw: SENDERS * INVOCATIONS_PER_DELIVERY,
          minutes: SENDERS * INVOCATIONS_PER_DELIVERY,
        },
      ]);
      await writer.close();
    } finally {
      await cleanup();
    }
  });
});
