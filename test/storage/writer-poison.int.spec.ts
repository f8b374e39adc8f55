import {
  IngestWriter,
  StorageQueryError,
  type ClickHouseHandle,
  type IngestBatch,
} from '@fleetscope/storage';
import type { LogRow } from '@fleetscope/model';
import { withWriterHarness } from './support/writer-harness';

function log(body: string, time: string): LogRow {
  return {
    timeUnixNano: time,
    observedTimeUnixNano: time,
    traceId: '',
    spanId: '',
    severityText: 'INFO',
    severityNumber: 9,
    serviceName: 'svc',
    functionId: '',
    requestId: '',
    source: 'otlp',
    body,
    resourceAttributes: {},
    logAttributes: {},
  };
}

/**
 * Each spec runs on both insert paths: embedded chDB's raw insert of the body's bytes (the writer's
 * default there) and the same bytes as the values of `client.exec` (execInserter(), the path of a
 * ClickHouse server, here through the embedded engine's client connection).
 */
const PATHS = [
  ['raw insert', (h: ClickHouseHandle) => h.rawInsert],
  ['client.exec', () => undefined],
] as const;

/** Runs `spec` on a fresh ClickHouse with a writer on `path`'s inserts, draining 50 ms after a write. */
function withWriter(
  rawInsertOf: (typeof PATHS)[number][1],
  spec: (context: { handle: ClickHouseHandle; writer: IngestWriter }) => Promise<void>,
): Promise<void> {
  return withWriterHarness(({ handle, writer }) =>
    spec({
      handle,
      writer: writer({
        maxQueueBytes: 1 << 24,
        flushIntervalMs: 50,
        flushRows: 1_000,
        rawInsert: rawInsertOf(handle),
      }),
    }),
  );
}

describe.each(PATHS)(`${IngestWriter.name} (%s)`, (_path, rawInsertOf) => {
  it('stores the other requests of a flush when ClickHouse refuses one request’s rows', () =>
    withWriter(rawInsertOf, async ({ handle, writer }) => {
      const now = `${Date.now()}000000`;
      const minuteMs = Math.floor(Date.now() / 60_000) * 60_000;
      const good: IngestBatch = {
        logs: [log('good one', now)],
        functionMinutes: [
          {
            source: 'openfaas',
            functionId: 'openfaas~openfaas-fn~edge~figlet',
            version: '',
            memorySizeMb: 0,
            minuteMs,
            invocations: 10,
            errors: 0,
            timeouts: 0,
            coldStarts: 0,
            unknownStarts: 0,
            durationSumMs: 100,
            durationBuckets: { 26: 10 },
            initDurationSumMs: 0,
            initBuckets: {},
            maxMemoryUsedMb: 0,
          },
        ],
      };
      const alsoGood: IngestBatch = { logs: [log('good two', now)] };
      // A timestamp ClickHouse cannot read as DateTime64(9): the rows themselves are wrong.
      const bad: IngestBatch = { logs: [log('bad', 'nineteen-chars-long')] };
      const results = await Promise.allSettled([
        writer.write(good),
        writer.write(bad),
        writer.write(alsoGood),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const reason = (results[1] as PromiseRejectedResult).reason as StorageQueryError;
      expect(reason).toBeInstanceOf(StorageQueryError);
      expect(reason.retryable).toBe(false);
      const stored = await handle.client.query({
        query: 'SELECT body FROM logs ORDER BY body',
        format: 'JSONEachRow',
      });
      expect(await stored.json()).toEqual([{ body: 'good one' }, { body: 'good two' }]);
      // The minute rows went in with the failed flush; retrying request by request skips them.
      const minutes = await handle.client.query({
        query: 'SELECT sum(invocations) AS n FROM function_minutes',
        format: 'JSONEachRow',
      });
      expect(await minutes.json()).toEqual([{ n: 10 }]);
    }));
});

describe.each(PATHS)('Storage errors caused by data (%s)', (_path, rawInsertOf) => {
  it('a Decimal math overflow (a DateTime64 beyond 2262) is permanent, not retryable, and fails no other request of its flush', () =>
    withWriter(rawInsertOf, async ({ writer }) => {
      const now = `${Date.now()}000000`;
      const results = await Promise.allSettled([
        writer.write({ logs: [log('before', now)] }),
        writer.write({ logs: [log('overflow', '9999999999999999999')] }),
        writer.write({ logs: [log('after', now)] }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const reason = (results[1] as PromiseRejectedResult).reason as StorageQueryError;
      expect(reason.message).toMatch(/Decimal math overflow/);
      expect(reason.retryable).toBe(false);
    }));
});

describe.each(PATHS)('Strings JSON can carry (%s)', (_path, rawInsertOf) => {
  it('stores a lone UTF-16 surrogate (valid OTLP/JSON "\\ud800") instead of failing the request', () =>
    withWriter(rawInsertOf, async ({ handle, writer }) => {
      const now = `${Date.now()}000000`;
      const lone = { ...log('lone \ud800 surrogate', now), logAttributes: { '\udfff': 'x\ud800' } };
      await expect(writer.write({ logs: [lone] })).resolves.toBeUndefined();
      const stored = await handle.client.query({
        query: 'SELECT count() AS n FROM logs',
        format: 'JSONEachRow',
      });
      expect(await stored.json()).toEqual([{ n: 1 }]);
    }));
});
