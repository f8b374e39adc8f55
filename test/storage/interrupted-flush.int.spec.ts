import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  FlushJournal,
  FunctionsRepository,
  IngestWriter,
  rebuildChosenHours,
  repairAggregates,
  repairUncleanFlushes,
} from '@fleetscope/storage';
import type { InvocationRecord } from '@fleetscope/model';
import { openTestClickHouse } from '../support/test-clickhouse';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const A = 'aws_lambda~123456789012~eu-west-1~a';
const B = 'aws_lambda~123456789012~eu-west-1~b';

async function sums(client: ClickHouseClient): Promise<Record<string, number>> {
  const result = await client.query({
    query: `SELECT (SELECT count() FROM invocations) AS raw,
                   (SELECT sum(invocations) FROM function_minutes WHERE source != 'knative') AS minutes,
                   (SELECT sum(invocations) FROM function_hours WHERE source != 'knative') AS hours,
                   (SELECT sum(invocations) FROM function_five_minutes WHERE source != 'knative') AS fives,
                   (SELECT sum(invocations) FROM function_minutes WHERE source = 'knative') AS scraped,
                   (SELECT sum(invocations) FROM function_hours WHERE source = 'knative') AS scrapedHours,
                   (SELECT sum(invocations) FROM function_days WHERE source != 'knative') AS days,
                   (SELECT sum(invocations) FROM function_days WHERE source = 'knative') AS scrapedDays`,
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  const [row] = await result.json<Record<string, number>>();
  return row;
}

function rows(functionId: string, startMs: number, n: number, prefix: string) {
  return Array.from({ length: n }, (_, i) => ({
    function_id: functionId,
    source: 'lambda_log',
    start_time: startMs + i * 30_000,
    request_id: `${prefix}-${i}`,
    duration_us: 12_000,
    memory_size_mb: 256,
    cold_start: 0,
    status: 'success',
  }));
}

/** How many rows of ingest_requests hold a request key. */
async function storedRequestKeys(client: ClickHouseClient, key: string): Promise<number> {
  const result = await client.query({
    query: `SELECT count() AS n FROM ingest_requests WHERE key = {key:String}`,
    query_params: { key },
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  const [row] = await result.json<{ n: number }>();
  return row.n;
}

/** Invocations in the newest chosen-source rows of one function-hour. */
async function chosenInvocations(client: ClickHouseClient, fn: string, hour: number) {
  const result = await client.query({
    query: `SELECT sum(invocations) AS n FROM function_hours_chosen
            WHERE function_id = {fn:String} AND minute = {hour:DateTime}
              AND rev = (SELECT max(rev) FROM function_hours_chosen
                         WHERE function_id = {fn:String} AND minute = {hour:DateTime})`,
    query_params: { fn, hour },
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  const [row] = await result.json<{ n: number }>();
  return row.n;
}

function record(source: string, requestId: string, startTimeMs: number): InvocationRecord {
  return {
    source,
    functionId: A,
    platform: 'aws_lambda',
    account: '123456789012',
    region: 'eu-west-1',
    name: 'a',
    version: '1',
    requestId,
    startTimeMs,
    durationMs: 10,
    billedDurationMs: 10,
    memorySizeMb: 128,
    coldStart: false,
    status: 'success',
  } as InvocationRecord;
}

describe('after kill -9, the aggregates miss what the raw table holds', () => {
  jest.setTimeout(60_000);
  // chDB keeps one data directory per process: one store for the file, a table cleared per test.
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  beforeAll(async () => {
    opened = await openTestClickHouse();
  });
  afterAll(async () => {
    await opened.cleanup();
  });
  afterEach(async () => {
    for (const table of [
      'invocations',
      'function_minutes',
      'function_five_minutes',
      'function_hours',
      'function_hours_chosen',
      'function_day_sources',
      'function_days',
    ]) {
      await opened.handle.client.command({ query: `TRUNCATE TABLE ${table}` });
    }
  });

  it('rebuilds at start-up, from the raw rows, the aggregate of a flush that stopped between the raw insert and its views', async () => {
    const { handle, config } = opened;
    const client = handle.client;
    {
      // Yesterday 10:00 UTC: the scraped minute and the repaired hour share a UTC day (and so
      // its two sources) at any time of day the test runs; five hours before now, they did not
      // between 04:00 and 05:00.
      const base = Math.floor(Date.now() / DAY) * DAY - DAY + 10 * HOUR;
      // Earlier flushes, complete: A and B over two hours, and a scraped minute row in A's hour.
      await client.insert({
        table: 'invocations',
        values: [...rows(A, base, 100, 'a'), ...rows(B, base, 40, 'b')],
        format: 'JSONEachRow',
      });
      await client.insert({
        table: 'function_minutes',
        values: [{ function_id: A, minute: base / 1000 + 600, source: 'knative', invocations: 7 }],
        format: 'JSONEachRow',
      });
      // The interrupted flush: its raw rows committed, its view's rows never written.
      const lost = rows(A, base + HOUR + 5 * 60_000, 30, 'a2');
      new FlushJournal(join(config.dataDir, 'flush-journal')).begin({
        functionIds: [A],
        hours: [(base + HOUR) / 1000],
        sources: ['lambda_log'],
      });
      await client.command({ query: 'DETACH TABLE function_minutes_from_invocations_mv' });
      await client.insert({ table: 'invocations', values: lost, format: 'JSONEachRow' });
      await client.command({ query: 'ATTACH TABLE function_minutes_from_invocations_mv' });
      expect(await sums(client)).toMatchObject({
        raw: 170,
        minutes: 140,
        hours: 140,
        fives: 140,
        days: 140,
      });

      await repairUncleanFlushes(handle, config);

      // The repair's inserts feed the day rows through the views too: rebuilt, not added to.
      expect(await sums(client)).toMatchObject({
        raw: 170,
        minutes: 170,
        hours: 170,
        fives: 170,
        days: 170,
        scraped: 7,
        scrapedHours: 7,
        scrapedDays: 7,
      });
      const repository = new FunctionsRepository(handle);
      const totals = await repository.totals({ fromMs: base - HOUR, toMs: base + 5 * HOUR });
      // A's day has two sources (the scrape): the repaired hour's source choice is stored again.
      expect(await chosenInvocations(client, A, (base + HOUR) / 1000)).toBe(30);
      // A's 130 records, but in the scraped minute the scrape (7) outweighs the 2 records it saw.
      const expected = { [A]: 135, [B]: 40 };
      expect(Object.fromEntries(totals.map((t) => [t.functionId, t.invocations]))).toEqual(
        expected,
      );
      // Whole days: B's from its day rows, A's (two sources) from its chosen hours.
      const dayStart = Math.floor(base / DAY) * DAY;
      const byDays = await repository.totals({ fromMs: dayStart - DAY, toMs: dayStart + 3 * DAY });
      expect(Object.fromEntries(byDays.map((t) => [t.functionId, t.invocations]))).toEqual(
        expected,
      );
      expect(readdirSync(join(config.dataDir, 'flush-journal'))).toEqual([]);
    }
  });

  it('leaves the session settings of the embedded engine as they were after a repair (its mutations_sync stayed 2 for the rest of the process)', async () => {
    const { handle, config } = opened;
    const client = handle.client;
    const mutationsSync = async () => {
      const result = await client.query({
        query: `SELECT toUInt8(getSetting('mutations_sync')) AS value`,
        format: 'JSONEachRow',
      });
      return (await result.json<{ value: number }>())[0].value;
    };
    const before = await mutationsSync();
    const base = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
    await client.insert({
      table: 'invocations',
      values: rows(A, base, 5, 's'),
      format: 'JSONEachRow',
    });
    new FlushJournal(join(config.dataDir, 'flush-journal')).begin({
      functionIds: [A],
      hours: [base / 1000],
      sources: ['lambda_log'],
    });

    await repairUncleanFlushes(handle, config);

    expect(await sums(client)).toMatchObject({ raw: 5, minutes: 5, hours: 5, days: 5 });
    expect(await mutationsSync()).toBe(before);
  });

  it('clears its record of a flush once every insert of it is stored', async () => {
    const { handle, config } = opened;
    {
      const journal = await repairUncleanFlushes(handle, config);
      const writer = new IngestWriter(handle.client, {
        maxQueueBytes: 1 << 24,
        flushIntervalMs: 10,
        flushRows: 1000,
        journal,
      });
      await writer.write({ invocations: [record('lambda_log', 'r-1', Date.now() - HOUR)] });
      expect(readdirSync(journal.dir)).toEqual([]);
      expect(await sums(handle.client)).toMatchObject({ raw: 1, minutes: 1, hours: 1 });
      await writer.close();
    }
  });

  it('stores the request keys of a flush while its source choice is being made, its record kept until the choice is made and enough to rebuild the choice after a kill', async () => {
    const { handle, config } = opened;
    const client = handle.client;
    const journal = await repairUncleanFlushes(handle, config);
    let choose: () => void = () => undefined;
    const chosen = new Promise<void>((resolve) => (choose = resolve));
    let gated = false;
    let choosing = false;
    const writer = new IngestWriter(client, {
      maxQueueBytes: 1 << 24,
      flushIntervalMs: 10,
      flushRows: 1000,
      journal,
      chooseSources: async (window) => {
        choosing = gated;
        if (gated) await chosen;
        await rebuildChosenHours(client, window);
      },
    });
    const hour = Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR;
    const keys = () => storedRequestKeys(client, 'delivery-2');
    try {
      // The Telemetry API saw the invocation first; its REPORT line comes in a delivery of its own,
      // whose flush has a choice to make (two sources in the hour).
      await writer.write({ invocations: [record('lambda_telemetry', 'keyed-1', hour + 60_000)] });
      gated = true;
      const stored = writer.write({
        invocations: [record('lambda_log', 'keyed-1', hour + 60_000)],
        requestKeys: [{ key: 'delivery-2', source: 'lambda_log' }],
      });
      // Before: the request keys waited for the choice, one wait after another in every drain.
      for (let i = 0; i < 200 && (!choosing || (await keys()) === 0); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(choosing).toBe(true);
      expect(await keys()).toBe(1);
      expect(await chosenInvocations(client, A, hour / 1000)).toBe(0);
      // A replay would skip the delivery now: its recorded window must bring the choice back. What
      // the next start does with it (repairUncleanFlushes) counts the invocation once.
      const [marker] = journal.pending();
      expect(marker.window).toMatchObject({ functionIds: [A], hours: [hour / 1000] });
      await repairAggregates(client, marker.window);
      expect(await chosenInvocations(client, A, hour / 1000)).toBe(1);
      choose();
      await stored;
      expect(readdirSync(journal.dir)).toEqual([]);
      expect(await chosenInvocations(client, A, hour / 1000)).toBe(1);
    } finally {
      choose();
      await writer.close();
    }
  });

  it('without a flush journal, stores the request keys only once the source choice is made (nothing else would bring the choice back after a kill)', async () => {
    const client = opened.handle.client;
    let choose: () => void = () => undefined;
    const chosen = new Promise<void>((resolve) => (choose = resolve));
    let choosing = false;
    const writer = new IngestWriter(client, {
      maxQueueBytes: 1 << 24,
      flushIntervalMs: 10,
      flushRows: 1000,
      chooseSources: async (window) => {
        choosing = true;
        await chosen;
        await rebuildChosenHours(client, window);
      },
    });
    const keys = () => storedRequestKeys(client, 'delivery-3');
    try {
      const stored = writer.write({
        invocations: [record('lambda_log', 'unjournaled-1', Date.now() - HOUR)],
        requestKeys: [{ key: 'delivery-3', source: 'lambda_log' }],
      });
      for (let i = 0; i < 200 && !choosing; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(choosing).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await keys()).toBe(0);
      choose();
      await stored;
      expect(await keys()).toBe(1);
    } finally {
      choose();
      await writer.close();
    }
  });

  it('stores, with each flush, the source choice of the function-hours it wrote, and reads count an invocation two sources saw once', async () => {
    const { handle } = opened;
    const client = handle.client;
    const writer = new IngestWriter(client, {
      maxQueueBytes: 1 << 24,
      flushIntervalMs: 10,
      flushRows: 1000,
      chooseSources: (window) => rebuildChosenHours(client, window),
    });
    const hour = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
    // 12 invocations in the hour's first minutes, seen by the Telemetry API; 8 of them also in
    // REPORT lines, delivered later in a flush of their own.
    const at = (i: number) => hour + i * 20_000;
    await writer.write({
      invocations: Array.from({ length: 12 }, (_, i) =>
        record('lambda_telemetry', `r-${i}`, at(i)),
      ),
    });
    // One source so far: nothing to choose, nothing stored.
    expect(await chosenInvocations(client, A, hour / 1000)).toBe(0);
    await writer.write({
      invocations: Array.from({ length: 8 }, (_, i) => record('lambda_log', `r-${i}`, at(i))),
    });
    expect(await chosenInvocations(client, A, hour / 1000)).toBe(12);
    const totals = await new FunctionsRepository(handle).totals({
      fromMs: hour - HOUR,
      toMs: hour + 2 * HOUR,
    });
    expect(totals.map((t) => t.invocations)).toEqual([12]);
    await writer.close();
  });
});
