import {
  FunctionsRepository,
  KeptDays,
  RANGE_TABLES,
  type ClickHouseHandle,
} from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

/**
 * FunctionsRepository.dailyBilled keeps the whole days it read (KeptDays) while the data parts
 * that may hold them are the same: each answer below is compared with a new repository's, which
 * keeps nothing, after every kind of change a past day's parts see (a late insert, a merge, a
 * mutation), on the real engine.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ACCOUNT = 'aws_lambda~123456789012~eu-west-1';
const PREFIXES = [`${ACCOUNT}~`];

/** `count` minute rows of `fn` from `startMs`, one a minute, of `source`. */
async function insertMinutes(
  handle: ClickHouseHandle,
  fn: string,
  source: string,
  startMs: number,
  count: number,
  billedMs = 120,
) {
  await handle.client.command({
    query: `
      INSERT INTO function_minutes (function_id, minute, source, version, memory_size_mb,
        invocations, cold_starts, duration_sum_ms, duration_max_ms, billed_duration_sum_ms,
        init_duration_sum_ms)
      SELECT {fn:String}, toDateTime({start:UInt32} + number * 60, 'UTC'), {source:String}, '1',
             512, 2 + number % 3, number % 7 = 0, {billed:Float64} - 1, 90,
             {billed:Float64} * (1 + number % 4), if(number % 7 = 0, 300, 0)
      FROM numbers({count:UInt32})`,
    query_params: {
      fn: `${ACCOUNT}~${fn}`,
      source,
      start: startMs / 1000,
      count,
      billed: billedMs,
    },
  });
}

describe('whole days kept between reads (KeptDays)', () => {
  jest.setTimeout(120_000);
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  // Four days before today's start: days 0–3 are past.
  const day0 = Math.floor(Date.now() / DAY) * DAY - 4 * DAY;
  let repo: FunctionsRepository;
  let reads: string[];
  let sent: { query: string; query_params?: Record<string, unknown> }[];

  beforeAll(async () => {
    opened = await openTestClickHouse();
    for (let d = 0; d < 4; d++) {
      await insertMinutes(opened.handle, 'api', 'lambda_log', day0 + d * DAY + HOUR, 600);
      await insertMinutes(opened.handle, 'worker', 'lambda_log', day0 + d * DAY + 5 * HOUR, 90);
    }
    // A second source on day 1: that function-day is read minute by minute, by the choice.
    await insertMinutes(opened.handle, 'worker', 'otel_span', day0 + DAY + 5 * HOUR, 120, 200);
    // The queries the repository sends, to tell a kept day from a read one.
    repo = new FunctionsRepository(opened.handle);
    reads = [];
    sent = [];
    const query = opened.handle.client.query.bind(opened.handle.client);
    jest.spyOn(opened.handle.client, 'query').mockImplementation((params) => {
      reads.push(params.query);
      sent.push(params);
      return query(params);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await opened.cleanup();
  });

  /** dailyBilled over `range`, kept, equals a read that keeps nothing. */
  async function expectKeptAsRead(range: { fromMs: number; toMs: number }) {
    const kept = await repo.dailyBilled(range, PREFIXES, { keep: true });
    const read = await new FunctionsRepository(opened.handle).dailyBilled(range, PREFIXES);
    expect(kept).toEqual(read);
    return kept;
  }
  const billedOf = (days: { billedDurationMs: number }[]) =>
    days.reduce((sum, d) => sum + d.billedDurationMs, 0);
  const sumReads = () => reads.filter((q) => q.includes('sumMap(')).length;

  it('reads whole days once, and the partial days at either end every time', async () => {
    const range = { fromMs: day0, toMs: day0 + 3 * DAY + 2 * HOUR };
    const first = await expectKeptAsRead(range);
    expect(new Set(first.map((d) => d.dayStartMs))).toEqual(
      new Set([0, 1, 2, 3].map((d) => day0 + d * DAY)),
    );
    // Each function's days together, in day order.
    const ids = first.map((d) => d.functionId);
    expect(ids).toEqual([...ids].sort());
    reads.length = 0;
    expect(await repo.dailyBilled(range, PREFIXES, { keep: true })).toEqual(first);
    // Day 3's two hours only, where the first call read all four days.
    expect(sumReads()).toBe(1);
    expect(reads.find((q) => q.includes('sumMap('))).toBeDefined();
  });

  it('reads a past day again once a late delivery lands in it', async () => {
    const range = { fromMs: day0, toMs: day0 + 3 * DAY };
    const before = await expectKeptAsRead(range);
    await insertMinutes(opened.handle, 'api', 'lambda_log', day0 + DAY + 20 * HOUR, 10, 5_000);
    const after = await expectKeptAsRead(range);
    expect(billedOf(after)).toBeGreaterThan(billedOf(before) + 10 * 5_000);
  });

  it('keeps the answer through a merge of the past days, and sees a deletion', async () => {
    const range = { fromMs: day0 + 6 * HOUR, toMs: day0 + 3 * DAY };
    const before = await expectKeptAsRead(range);
    for (const table of ['function_days', 'function_hours', 'function_minutes']) {
      await opened.handle.client.command({ query: `OPTIMIZE TABLE ${table} FINAL` });
    }
    expect(await expectKeptAsRead(range)).toEqual(before);
    await opened.handle.client.command({
      query: `ALTER TABLE function_days DELETE WHERE day = toDateTime({day:UInt32})`,
      query_params: { day: (day0 + 2 * DAY) / 1000 },
      clickhouse_settings: { mutations_sync: '2' },
    });
    const after = await expectKeptAsRead(range);
    expect(after.some((d) => d.dayStartMs === day0 + 2 * DAY)).toBe(false);
  });

  it('checks every table the reads of a range take rows from (RANGE_TABLES), as the engine reads them', async () => {
    // Whole days, hours, five minutes and minutes at both ends, and day 1 with two sources.
    const range = {
      fromMs: day0 + 7 * HOUR + 3 * MINUTE,
      toMs: day0 + 3 * DAY + 2 * HOUR + 7 * MINUTE,
    };
    sent.length = 0;
    const fresh = new FunctionsRepository(opened.handle);
    await fresh.dailyBilled(range, PREFIXES);
    await fresh.totals(range);
    const rangeReads = sent.filter((s) => !s.query.includes('system.parts'));
    const tables = new Set<string>();
    for (const { query, query_params } of rangeReads) {
      const explained = await opened.handle.client.query({
        query: `EXPLAIN QUERY TREE ${query}`,
        query_params,
        format: 'TabSeparatedRaw',
      });
      // The analyzer's tree names every table read, subqueries and IN sets included (a SELECT
      // without FROM reads system.one).
      for (const [, db, table] of (await explained.text()).matchAll(/table_name: (\w+)\.(\w+)/g)) {
        if (db !== 'system') tables.add(table);
      }
    }
    expect(rangeReads.length).toBeGreaterThan(1);
    expect([...tables].sort()).toEqual([...RANGE_TABLES].sort());
  });

  it('keeps nothing when a table has no parts of its own (a Distributed table in cluster mode)', async () => {
    await opened.handle.client.command({
      query: 'CREATE VIEW IF NOT EXISTS kept_days_view AS SELECT 1 AS one',
    });
    const kept = new KeptDays<number>(opened.handle.client, ['function_days', 'kept_days_view'], 4);
    let called = 0;
    const read = () => {
      called += 1;
      return Promise.resolve([day0]);
    };
    const range = { fromMs: day0, toMs: day0 + 2 * DAY };
    expect(await kept.rows('k', range, read, (d) => d)).toEqual([day0]);
    expect(await kept.rows('k', range, read, (d) => d)).toEqual([day0]);
    expect(called).toBe(2);
  });

  it('keeps at most its capacity of days, the least recently used dropped first', async () => {
    const kept = new KeptDays<number>(opened.handle.client, ['function_days'], 2);
    const asked: number[] = [];
    const read = (r: { fromMs: number; toMs: number }) => {
      asked.push((r.fromMs - day0) / DAY);
      return Promise.resolve([r.fromMs]);
    };
    const day = (d: number) => ({ fromMs: day0 + d * DAY, toMs: day0 + (d + 1) * DAY });
    for (const d of [0, 1, 0, 2, 0, 1]) await kept.rows('k', day(d), read, (x) => x);
    // Day 1 was dropped for day 2 (day 0 used since); day 0 stayed.
    expect(asked).toEqual([0, 1, 2, 1]);
  });
});
