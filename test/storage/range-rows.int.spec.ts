import {
  FunctionsRepository,
  chosenSourceRows,
  minuteRangeRowsOf,
  rangeParams,
  rebuildChosenHours,
  type ClickHouseHandle,
  type ColdStartRow,
  type DayBilled,
} from '@fleetscope/storage';
import { ZERO_BUCKET, type SortedLogBuckets } from '@fleetscope/model';
import { openTestClickHouse } from '../support/test-clickhouse';

const HOUR = 3600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const ACCOUNT = 'aws_lambda~123456789012~eu-west-1';

/** Minute rows of one source of one function: `when` and `count` are SQL over h (a hash). */
interface SourceRows {
  fn: string;
  source: string;
  when: string;
  count: string;
  version?: string;
  memoryMb?: number;
}

const FLEET: SourceRows[] = [
  // Two sources in every hour, each sometimes seeing more of the traffic than the other.
  { fn: 'mixed', source: 'lambda_log', when: '1', count: '5 + h % 7' },
  { fn: 'mixed', source: 'lambda_telemetry', when: 'h % 3 = 0', count: '3 + h % 9', version: '7' },
  // A second source in one hour of four only: the other hours are read from hour rows.
  { fn: 'canary', source: 'lambda_log', when: '1', count: '2 + h % 3', memoryMb: 1024 },
  { fn: 'canary', source: 'otel_span', when: 'toHour(minute) % 4 = 0', count: '1 + h % 6' },
  // Spans and REPORT lines over different minutes, plus a cold-start-only source.
  { fn: 'traced', source: 'otel_span', when: 'h % 5 < 3', count: '2 + h % 4', memoryMb: 0 },
  { fn: 'traced', source: 'lambda_log', when: 'h % 4 != 0', count: '1 + h % 5' },
  { fn: 'traced', source: 'openfaas_gateway', when: 'h % 11 = 0', count: '0' },
  // One source only (its whole days are read from day rows), deploying versions 1 and 2 in turn.
  { fn: 'single', source: 'lambda_log', when: 'h % 14 = 0', count: '1 + h % 20', version: '1' },
  { fn: 'single', source: 'lambda_log', when: 'h % 14 = 7', count: '1 + h % 20', version: '2' },
];

/** The ids of FLEET's functions. */
const FUNCTIONS = ['mixed', 'canary', 'traced', 'single'].map((f) => `${ACCOUNT}~${f}`);

async function insertFleet(
  handle: ClickHouseHandle,
  startMs: number,
  minutes: number,
  fleet: SourceRows[] = FLEET,
) {
  for (const r of fleet) {
    await handle.client.command({
      query: `
        INSERT INTO function_minutes (function_id, minute, source, version, memory_size_mb,
          invocations, errors, cold_starts, duration_sum_ms, duration_max_ms, duration_buckets,
          billed_duration_sum_ms, init_duration_sum_ms, init_buckets, max_memory_used_mb,
          memory_buckets)
        SELECT {fn:String}, minute, {source:String}, {version:String}, {memoryMb:UInt16},
               n, n % 3, c, n * (20 + h % 50), 20 + h % 50 + n, map(toInt16(30 + h % 9), n, toInt16(-32768), h % 2),
               n * (21 + h % 50), c * (200 + h % 100), if(c > 0, map(toInt16(60 + h % 5), c), map()),
               toUInt16(40 + h % 30), map(toInt16(40 + h % 4), n)
        FROM (
          SELECT toDateTime({start:UInt32} + number * 60, 'UTC') AS minute,
                 cityHash64(number, {source:String}) AS h,
                 toUInt64(${r.count}) AS n, toUInt64(h % 13 = 0 OR n = 0) AS c
          FROM numbers({minutes:UInt32})
        )
        WHERE ${r.when}`,
      query_params: {
        fn: `${ACCOUNT}~${r.fn}`,
        source: r.source,
        version: r.version ?? '$LATEST',
        memoryMb: r.memoryMb ?? 512,
        start: startMs / 1000,
        minutes,
      },
    });
  }
}

/** The per-minute choice over every minute row of the range, as the routes answered before. */
async function reference(handle: ClickHouseHandle, range: { fromMs: number; toMs: number }) {
  const result = await handle.client.query({
    query: `
      SELECT function_id AS functionId, sum(invocations) AS invocations, sum(errors) AS errors,
             sum(cold_starts) AS coldStarts, sum(duration_sum_ms) AS durationSumMs,
             max(duration_max_ms) AS durationMaxMs, sumMap(duration_buckets) AS durationBuckets,
             sumMap(init_buckets) AS initBuckets,
             sumIf(billed_duration_sum_ms * memory_size_mb, memory_size_mb > 0) AS billedMbMs,
             argMax(version, minute) AS version
      FROM (${chosenSourceRows('function_minutes')})
      GROUP BY function_id ORDER BY function_id`,
    query_params: rangeParams(range),
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  return result.json<Record<string, unknown>>();
}

async function referenceColdStarts(
  handle: ClickHouseHandle,
  range: { fromMs: number; toMs: number },
  byHour: boolean,
) {
  const result = await handle.client.query({
    query: `
      SELECT ${byHour ? 'toString(toHour(minute))' : "''"} AS key, function_id AS functionId,
             memory_size_mb AS memorySizeMb, version, sum(invocations) AS invocations,
             sum(cold_starts) AS coldStarts, sumMap(init_buckets) AS initBuckets
      FROM (${chosenSourceRows('function_minutes')})
      GROUP BY key, function_id, memory_size_mb, version`,
    query_params: rangeParams(range),
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  return result.json<Omit<ColdStartRow, 'initBuckets'> & { initBuckets: Record<string, number> }>();
}

/** Sorted buckets as the JSON map sumMap gives (the references read it so). */
const asMap = ({ indexes, counts }: SortedLogBuckets): Record<string, number> =>
  Object.fromEntries(indexes.map((index, i) => [String(index), counts[i]]));

/**
 * The per-minute choice written as two window passes (each minute-source's invocations, then each
 * minute's best rank), as chosenSourceRows() read until it became one pass over a map of
 * invocations by source: the rule spelled out apart from the code under test.
 */
const TWO_PASS_CHOICE = `
  SELECT * EXCEPT (prio, rank, best_rank) FROM (
    SELECT *, max(if(prio = 0, 0, rank)) OVER (PARTITION BY function_id, minute) AS best_rank
    FROM (
      SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
             sum(invocations) OVER (PARTITION BY function_id, minute, source) * 16 + prio AS rank
      FROM function_minutes
      WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
    )
  ) WHERE rank = best_rank OR prio = 0`;

describe('chosenSourceRows()', () => {
  jest.setTimeout(120_000);
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  const start = Math.floor(Date.now() / HOUR) * HOUR - 2 * 24 * HOUR;

  beforeAll(async () => {
    opened = await openTestClickHouse();
    await insertFleet(opened.handle, start, 6 * 60, [
      ...FLEET,
      // Two versions of one source in the same minutes: their sum, not either row, is ranked.
      { fn: 'split', source: 'otel_span', when: '1', count: '4', version: '1' },
      { fn: 'split', source: 'otel_span', when: '1', count: '3 + h % 2', version: '2' },
      { fn: 'split', source: 'lambda_log', when: '1', count: '6 + h % 3' },
      // Equal counts: the more exact source wins; two sources unknown to the priorities both stay.
      { fn: 'tied', source: 'lambda_log', when: '1', count: '5' },
      { fn: 'tied', source: 'lambda_telemetry', when: 'h % 2 = 0', count: '5' },
      { fn: 'tied', source: 'vendor_a', when: 'h % 3 = 0', count: '9' },
      { fn: 'tied', source: 'vendor_b', when: 'h % 3 = 0', count: '9' },
      // A counting source with no invocations, alone in some minutes: its rows stay there.
      { fn: 'idle', source: 'otel_metrics', when: 'h % 2 = 0', count: '0' },
      { fn: 'idle', source: 'lambda_log', when: 'h % 3 = 0', count: '2' },
    ]);
  });
  afterAll(async () => {
    await opened.cleanup();
  });

  /** The rows a choice keeps, one line each, sorted. */
  async function kept(choice: string): Promise<string[]> {
    const result = await opened.handle.client.query({
      query: `SELECT function_id, minute, source, version, invocations FROM (${choice})`,
      query_params: rangeParams({ fromMs: start, toMs: start + 6 * HOUR }),
      format: 'JSONCompactEachRow',
    });
    return (await result.json<unknown[]>()).map((row) => JSON.stringify(row)).sort();
  }

  it('keeps exactly the rows the two-pass choice keeps', async () => {
    const rows = await kept(chosenSourceRows('function_minutes'));
    expect(rows).toEqual(await kept(TWO_PASS_CHOICE));
    // The cases above occur: both versions of a source kept, and both unknown sources.
    const split = rows.filter((r) => r.includes('~split"') && r.includes('otel_span'));
    expect(split.some((r) => r.includes('"1"')) && split.some((r) => r.includes('"2"'))).toBe(true);
    expect(rows.filter((r) => r.includes('vendor_')).length).toBeGreaterThan(0);
    expect(
      rows.filter((r) => r.includes('~idle"') && r.includes('otel_metrics')).length,
    ).toBeGreaterThan(0);
  });
});

describe('minuteRangeRowsOf()', () => {
  jest.setTimeout(120_000);
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  const start = Math.floor(Date.now() / DAY) * DAY - 4 * DAY;

  beforeAll(async () => {
    opened = await openTestClickHouse();
    await insertFleet(opened.handle, start, 3 * 24 * 60, [
      ...FLEET,
      // A second source on the first day only: the function has days with one source and days
      // with two, read apart by the day (the other functions by their id alone).
      { fn: 'first-day', source: 'lambda_log', when: '1', count: '3 + h % 4' },
      {
        fn: 'first-day',
        source: 'lambda_telemetry',
        when: `minute < toDateTime({start:UInt32} + 86400, 'UTC') AND h % 2 = 0`,
        count: '2 + h % 5',
      },
    ]);
  });
  afterAll(async () => {
    await opened.cleanup();
  });

  it('keeps exactly the rows the per-minute choice keeps, with the days of several sources bound', async () => {
    const range = { fromMs: start + 5 * HOUR + 13 * MINUTE, toMs: start + 3 * DAY - 2 * HOUR };
    const asked = rangeParams(range);
    const read = async (query: string, params: Record<string, unknown>) => {
      const result = await opened.handle.client.query({
        query: `SELECT function_id, minute, source, version, invocations FROM (${query})`,
        query_params: params,
        format: 'JSONCompactEachRow',
      });
      return (await result.json<unknown[]>()).map((row) => JSON.stringify(row)).sort();
    };
    const { rows, params } = await minuteRangeRowsOf(opened.handle.client, '', asked);
    const bound = await read(rows, params);
    expect(bound).toEqual(await read(chosenSourceRows('function_minutes'), asked));
    // The cases occur: the first day's two sources chosen per minute, the later days' one source.
    const firstDay = bound.filter((r) => r.includes('~first-day"'));
    expect(firstDay.some((r) => r.includes('lambda_telemetry'))).toBe(true);
    expect(firstDay.filter((r) => r.includes('lambda_log')).length).toBeGreaterThan(
      2 * 24 * 60 - 60,
    );
    expect(params).toHaveProperty('mixedFunctions');
    expect((params.mixedFunctions as string[]).some((id) => id.endsWith('~first-day'))).toBe(true);
  });
});

describe(FunctionsRepository.name, () => {
  jest.setTimeout(120_000);
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  const start = Math.floor(Date.now() / HOUR) * HOUR - 6 * 24 * HOUR;

  beforeAll(async () => {
    opened = await openTestClickHouse();
    await insertFleet(opened.handle, start, 5 * 24 * 60);
  });
  afterAll(async () => {
    await opened.cleanup();
  });

  const ranges: [string, number, number][] = [
    ['24 h, not on hour boundaries', start + 17 * MINUTE, start + 25 * HOUR + 43 * MINUTE],
    ['within one hour', start + 3 * HOUR + 5 * MINUTE, start + 3 * HOUR + 50 * MINUTE],
    ['across one hour boundary', start + 7 * HOUR + 40 * MINUTE, start + 8 * HOUR + 20 * MINUTE],
    ['four and a half days', start + 90 * MINUTE, start + 4 * 24 * HOUR + 13 * HOUR],
    ['whole UTC days and the hours around them', start + 3 * HOUR, start + 5 * 24 * HOUR],
  ];

  /** The fleet page's totals and the cold starts by hour equal the per-minute choice's. */
  async function expectChoiceAnswers(fromMs: number, toMs: number) {
    const range = { fromMs, toMs };
    const repo = new FunctionsRepository(opened.handle);
    const fast = await repo.totals(range);
    const expected = await reference(opened.handle, range);
    // Billing per stretch (a change halfway through every function's range) binds the fleet's
    // days with several sources, read once and shared, as exactly as its own; days read for
    // another range (a month before the data: none) are not bound, or both sources' rows of this
    // range's days would be summed.
    const halfway = Math.floor((fromMs + toMs) / 2 / MINUTE) * MINUTE;
    const splits = new Map(FUNCTIONS.map((id) => [id, [halfway]]));
    const byStretch = await repo.billedByStretch(range, splits);
    expect(byStretch.length).toBeGreaterThan(4);
    expect(await repo.billedByStretch(range, splits, repo.severalSourceDays(range))).toEqual(
      byStretch,
    );
    const before = repo.severalSourceDays({ fromMs: fromMs - 30 * DAY, toMs: fromMs - 29 * DAY });
    expect(await before.days()).toEqual([]);
    expect(await repo.billedByStretch(range, splits, before)).toEqual(byStretch);
    expect(fast.length).toBe(4);
    // Sorted as sumMap keeps them: the zero bucket (Int16's least) first.
    for (const t of fast) {
      expect(t.durationBuckets.indexes[0]).toBe(ZERO_BUCKET);
      expect(t.durationBuckets.indexes).toEqual(
        [...t.durationBuckets.indexes].sort((x, y) => x - y),
      );
    }
    expect(
      [...fast]
        .sort((a, b) => a.functionId.localeCompare(b.functionId))
        .map((t) => ({
          functionId: t.functionId,
          invocations: t.invocations,
          errors: t.errors,
          coldStarts: t.coldStarts,
          durationSumMs: Math.round(t.durationSumMs),
          durationMaxMs: t.durationMaxMs,
          durationBuckets: asMap(t.durationBuckets),
          initBuckets: asMap(t.initBuckets),
          billedMbMs: Math.round(t.billedMbMs),
          version: t.version,
        })),
    ).toEqual(
      expected.map((r) => ({
        ...r,
        durationSumMs: Math.round(r.durationSumMs as number),
        billedMbMs: Math.round(r.billedMbMs as number),
      })),
    );

    // The days of the fleet page's tier walk: read alone (dailyBilled) and beside the totals from
    // the totals' own rows (totalsAndDays), the same days, each function's adding up to its totals.
    const both = await repo.totalsAndDays(range, [`${ACCOUNT}~`]);
    expect(both.totals.map((t) => [t.functionId, t.invocations, t.version])).toEqual(
      fast.map((t) => [t.functionId, t.invocations, t.version]),
    );
    const days = await repo.dailyBilled(range, [`${ACCOUNT}~`]);
    const rounded = (list: DayBilled[]) =>
      list
        .map((d) => ({
          ...d,
          billedDurationMs: Math.round(d.billedDurationMs),
          billedMbMs: Math.round(d.billedMbMs),
        }))
        .sort((a, b) => a.functionId.localeCompare(b.functionId) || a.dayStartMs - b.dayStartMs);
    expect(rounded(both.days)).toEqual(rounded(days));
    for (const t of fast) {
      const own = days.filter((d) => d.functionId === t.functionId);
      expect(own.length).toBeGreaterThan(0);
      for (const d of own) {
        expect(d.dayStartMs % DAY).toBe(0);
        expect(d.dayStartMs).toBeGreaterThan(fromMs - DAY);
        expect(d.dayStartMs).toBeLessThan(toMs);
      }
      const sum = (f: (d: DayBilled) => number) => own.reduce((a, d) => a + f(d), 0);
      expect(sum((d) => d.billedDurationMs)).toBeCloseTo(
        t.billedMsKnownMemory + t.billedMsUnknownMemory,
        3,
      );
      expect(sum((d) => d.billedMbMs)).toBeCloseTo(t.billedMbMs, 0);
      expect(sum((d) => d.unknownMemoryBilledMs)).toBeCloseTo(t.billedMsUnknownMemory, 3);
      expect(sum((d) => d.unbilledInitMs)).toBeCloseTo(t.unbilledInitMs, 3);
    }
    // Another account's prefix: no day, and the same totals.
    const none = await repo.totalsAndDays(range, ['aws_lambda~999999999999~eu-west-1~']);
    expect(none.days).toEqual([]);
    expect(none.totals.map((t) => t.functionId)).toEqual(fast.map((t) => t.functionId));
    expect(await repo.dailyBilled(range, ['aws_lambda~999999999999~eu-west-1~'])).toEqual([]);

    const key = (r: {
      key: unknown;
      functionId: unknown;
      memorySizeMb: unknown;
      version: unknown;
    }) => `${String(r.key)}|${String(r.functionId)}|${String(r.memorySizeMb)}|${String(r.version)}`;
    // By hour, and by function alone (whole days read from day rows).
    for (const byHour of [true, false]) {
      const cold = await repo.coldStarts(range, byHour);
      const coldExpected = await referenceColdStarts(opened.handle, range, byHour);
      expect(
        Object.fromEntries(
          cold.map((r) => [key(r), [r.invocations, r.coldStarts, asMap(r.initBuckets)]]),
        ),
      ).toEqual(
        Object.fromEntries(
          coldExpected.map((r) => [key(r), [r.invocations, r.coldStarts, r.initBuckets]]),
        ),
      );
    }
  }

  it.each(ranges)(
    'reads whole hours from hour rows and answers as the per-minute source choice does: %s',
    async (_name, fromMs, toMs) => {
      await expectChoiceAnswers(fromMs, toMs);
    },
  );

  describe('with the source chosen at write time (function_hours_chosen)', () => {
    const functionIds = FUNCTIONS;
    const allHours = Array.from({ length: 5 * 24 }, (_, i) => start / 1000 + i * 3600);

    beforeAll(async () => {
      await rebuildChosenHours(opened.handle.client, { functionIds, hours: allHours });
    });

    it('keeps rows only for the hours of days with several sources', async () => {
      const result = await opened.handle.client.query({
        query: `SELECT DISTINCT splitByChar('~', function_id)[4] AS fn FROM function_hours_chosen ORDER BY fn`,
        format: 'JSONEachRow',
      });
      expect((await result.json<{ fn: string }>()).map((r) => r.fn)).toEqual([
        'canary',
        'mixed',
        'traced',
      ]);
    });

    it.each(ranges)('answers as the per-minute source choice does: %s', async (_n, from, to) => {
      await expectChoiceAnswers(from, to);
    });

    it('answers as the per-minute choice does after a more exact source arrives late in an hour already chosen, once that hour is rebuilt', async () => {
      // Spans of the single-source function in hour 30 only, seeing more than the REPORT lines.
      const hour = start + 30 * HOUR;
      await insertFleet(opened.handle, hour, 60, [
        { fn: 'single', source: 'otel_span', when: 'h % 2 = 0', count: '15 + h % 9' },
        { fn: 'mixed', source: 'lambda_log', when: 'h % 5 = 0', count: '40' },
      ]);
      await rebuildChosenHours(opened.handle.client, {
        functionIds,
        hours: [hour / 1000],
      });
      await expectChoiceAnswers(start + 2 * HOUR + 7 * MINUTE, start + 47 * HOUR + 3 * MINUTE);
      await expectChoiceAnswers(start + 17 * MINUTE, start + 25 * HOUR + 43 * MINUTE);
    });
  });
});
