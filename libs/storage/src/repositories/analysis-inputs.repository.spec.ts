import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import {
  bucketIndex,
  histogramQuantile,
  histogramQuantileSql,
  sortedBucketCountsSql,
} from '@fleetscope/model';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { openAndMigrate } from '../storage.module';
import { AnalysisInputsRepository, minutesPerHourOfWeek } from './analysis-inputs.repository';
import { rangeParams } from './minute-source.sql';

const MONDAY = Date.parse('2026-11-16T00:00:00Z');
const HOUR = 3_600_000;
const MINUTE = 60_000;
const F = 'aws_lambda~123456789012~us-east-1~orders';

interface MinuteRow {
  functionId?: string;
  minuteMs: number;
  source?: string;
  memoryMb?: number;
  invocations: number;
  durationSumMs: number;
  /** The minute's longest duration; its mean when unset. */
  durationMaxMs?: number;
  buckets?: Record<number, number>;
  billedMs?: number;
  coldStarts?: number;
  initMs?: number;
  initBuckets?: Record<number, number>;
  timeouts?: number;
  ooms?: number;
  maxMemoryUsedMb?: number;
  memoryBuckets?: Record<number, number>;
}

describe(AnalysisInputsRepository.name, () => {
  let config: Config;
  let handle: ClickHouseHandle;
  let repo: AnalysisInputsRepository;

  const insertMinutes = (rows: MinuteRow[]) =>
    handle.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: rows.map((r) => ({
        function_id: r.functionId ?? F,
        minute: Math.floor(r.minuteMs / 1000),
        source: r.source ?? 'lambda_telemetry',
        version: '1',
        memory_size_mb: r.memoryMb ?? 512,
        invocations: r.invocations,
        timeouts: r.timeouts ?? 0,
        ooms: r.ooms ?? 0,
        cold_starts: r.coldStarts ?? 0,
        duration_sum_ms: r.durationSumMs,
        duration_max_ms: r.durationMaxMs ?? r.durationSumMs / Math.max(1, r.invocations),
        duration_buckets: r.buckets ?? {},
        billed_duration_sum_ms: r.billedMs ?? 0,
        init_duration_sum_ms: r.initMs ?? 0,
        init_buckets: r.initBuckets ?? {},
        max_memory_used_mb: r.maxMemoryUsedMb ?? 0,
        memory_buckets: r.memoryBuckets ?? {},
      })),
    });

  const insertRaw = (
    rows: {
      startMs: number;
      durationMs: number;
      id: string;
      source?: string;
      functionId?: string;
    }[],
  ) =>
    handle.client.insert({
      table: 'invocations',
      format: 'JSONEachRow',
      values: rows.map((r) => ({
        function_id: r.functionId ?? F,
        platform: 'aws_lambda',
        version: '1',
        memory_size_mb: 512,
        source: r.source ?? 'lambda_telemetry',
        request_id: r.id,
        start_time: r.startMs,
        duration_us: r.durationMs * 1000,
      })),
    });

  beforeAll(async () => {
    config = loadConfig({
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-inputs-')),
      CLICKHOUSE_DATABASE: `inputs_${process.pid}`,
      CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
    });
    handle = await openAndMigrate(config);
    repo = new AnalysisInputsRepository(handle);
  });

  afterAll(async () => {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    for (const table of [
      'function_minutes',
      'function_five_minutes',
      'function_hours',
      'invocations',
    ]) {
      await handle.client.command({ query: `TRUNCATE TABLE ${table}` });
    }
  });

  describe(histogramQuantileSql.name, () => {
    it('computes the quantiles histogramQuantile() computes in TypeScript', async () => {
      const maps: Record<number, number>[] = [
        { 3: 5, 10: 5, 20: 90 },
        { [-32768]: 4, 40: 1 },
        { 55: 1 },
        { 61: 200, 57: 3, 69: 7 },
      ];
      for (const buckets of maps) {
        const keys = Object.keys(buckets).join(',');
        const values = Object.values(buckets).join(',');
        const sql = `CAST((arrayMap(x -> toInt16(x), [${keys}]), arrayMap(x -> toUInt64(x), [${values}])), 'Map(Int16, UInt64)')`;
        const result = await handle.client.query({
          query: `SELECT ${histogramQuantileSql(sql, 0.5)} AS p50, ${histogramQuantileSql(sql, 0.99)} AS p99`,
          format: 'JSONEachRow',
        });
        const [row] = await result.json<{ p50: number; p99: number }>();
        expect(row.p50).toBeCloseTo(histogramQuantile(buckets, 0.5)!, 9);
        expect(row.p99).toBeCloseTo(histogramQuantile(buckets, 0.99)!, 9);
      }
    });
  });

  describe(sortedBucketCountsSql.name, () => {
    it('counts each bucket of a sorted array as sumMap([bucket], [1]) does', async () => {
      const arrays = [[7], [3, 3, 3], [-32768, -5, -5, 0, 2, 2, 2, 9, 9, 40], [1, 2, 3, 4]];
      for (const values of arrays) {
        const result = await handle.client.query({
          query: `SELECT ${sortedBucketCountsSql('arraySort(groupArray(b))')} AS counts,
                         CAST(sumMap([b], [toUInt64(1)]), 'Map(Int16, UInt64)') AS expected
                  FROM (SELECT toInt16(arrayJoin({values:Array(Int16)})) AS b)`,
          query_params: { values: [...values].reverse() },
          format: 'JSONEachRow',
        });
        const [row] = await result.json<{ counts: unknown; expected: unknown }>();
        expect(row.counts).toEqual(row.expected);
      }
    });
  });

  describe('windowStats', () => {
    it('sums the window per function, per memory size and per UTC day, with each day\u2019s p99', async () => {
      const day1 = { 60: 98, 70: 2 };
      const day2 = { 60: 50, 80: 50 };
      await insertMinutes([
        {
          minuteMs: MONDAY + 10 * HOUR,
          invocations: 100,
          durationSumMs: 2000,
          durationMaxMs: 500,
          buckets: day1,
          billedMs: 2100,
          timeouts: 1,
          maxMemoryUsedMb: 90,
        },
        { minuteMs: MONDAY + 10 * HOUR + MINUTE, invocations: 0, durationSumMs: 0, coldStarts: 0 },
        {
          minuteMs: MONDAY + 30 * HOUR + 5 * MINUTE,
          memoryMb: 1024,
          invocations: 100,
          durationSumMs: 3000,
          durationMaxMs: 1100,
          buckets: day2,
          billedMs: 3100,
          coldStarts: 2,
          initMs: 500,
          maxMemoryUsedMb: 120,
        },
      ]);
      const stats = await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 2 * 24 * HOUR });
      const s = stats.get(F)!;
      expect(s).toMatchObject({
        invocations: 200,
        timeouts: 1,
        coldStarts: 2,
        durationSumMs: 5000,
        billedDurationSumMs: 5200,
        initDurationSumMs: 500,
        maxMemoryUsedMb: 120,
        durationBuckets: { 60: 148, 70: 2, 80: 50 },
      });
      expect(s.byMemory.map((m) => [m.memoryMb, m.invocations, m.durationSumMs])).toEqual([
        [512, 100, 2000],
        [1024, 100, 3000],
      ]);
      expect(s.daily.map((d) => [d.dayStartMs, d.invocations, d.timeouts])).toEqual([
        [MONDAY, 100, 1],
        [MONDAY + 24 * HOUR, 100, 0],
      ]);
      expect(s.daily[0].p99Ms).toBeCloseTo(histogramQuantile(day1, 0.99)!, 9);
      // The second day's buckets put its p99 at ~1,115 ms, above its longest duration: the
      // longest (a timeout-risk trend read the unclamped one).
      expect(histogramQuantile(day2, 0.99)).toBeGreaterThan(1100);
      expect(s.daily[1].p99Ms).toBe(1100);
    });

    it('never puts the memory used p95 above the most any invocation used', async () => {
      // Every invocation used 200 MB: the bucket holding 200 reaches past it, and the quantile
      // interpolated inside the bucket read ~214 MB, memory no invocation ever used.
      const bucket = bucketIndex(200);
      await insertMinutes([
        {
          minuteMs: MONDAY + 10 * HOUR,
          invocations: 600,
          durationSumMs: 1_200_000,
          maxMemoryUsedMb: 200,
          memoryBuckets: { [bucket]: 600 },
        },
      ]);
      expect(histogramQuantile({ [bucket]: 600 }, 0.95)).toBeGreaterThan(200);
      const s = (await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 24 * HOUR })).get(F)!;
      expect(s.maxMemoryUsedMb).toBe(200);
      expect(s.memoryUsedP95Mb).toBe(200);
    });

    it('gives each memory size its own UTC days, the repeated windows its mean is judged over', async () => {
      await insertMinutes([
        { minuteMs: MONDAY + 10 * HOUR, invocations: 100, durationSumMs: 2000 },
        { minuteMs: MONDAY + 11 * HOUR, invocations: 50, durationSumMs: 1500 },
        { minuteMs: MONDAY + 34 * HOUR, invocations: 100, durationSumMs: 2600 },
        { minuteMs: MONDAY + 35 * HOUR, memoryMb: 1024, invocations: 80, durationSumMs: 800 },
      ]);
      const s = (await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 2 * 24 * HOUR })).get(F)!;
      const days = (mb: number) =>
        s.byMemory
          .find((m) => m.memoryMb === mb)
          ?.daily?.map((d) => [d.dayStartMs, d.invocations, d.durationSumMs]);
      expect(days(512)).toEqual([
        [MONDAY, 150, 3500],
        [MONDAY + 24 * HOUR, 100, 2600],
      ]);
      expect(days(1024)).toEqual([[MONDAY + 24 * HOUR, 80, 800]]);
      // The per-day rows do not disturb the totals or the days across sizes.
      expect(s.byMemory.map((m) => [m.memoryMb, m.invocations])).toEqual([
        [512, 250],
        [1024, 80],
      ]);
      expect(s.daily.map((d) => d.invocations)).toEqual([150, 180]);
    });

    it('counts out-of-memory kills per memory size, so OOMs at a size since raised are told from OOMs at the size configured now', async () => {
      await insertMinutes([
        { minuteMs: MONDAY + 10 * HOUR, invocations: 100, durationSumMs: 2000, ooms: 7 },
        { minuteMs: MONDAY + 11 * HOUR, invocations: 100, durationSumMs: 2000, ooms: 3 },
        { minuteMs: MONDAY + 30 * HOUR, memoryMb: 1024, invocations: 100, durationSumMs: 1500 },
      ]);
      const s = (await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 2 * 24 * HOUR })).get(F)!;
      expect(s.ooms).toBe(10);
      expect(s.byMemory.map((m) => [m.memoryMb, m.ooms])).toEqual([
        [512, 10],
        [1024, 0],
      ]);
    });

    it('counts each function-minute from one source, hourly rows inside the window and minutes at its edges', async () => {
      const rows: MinuteRow[] = [];
      for (const minuteMs of [
        MONDAY + 5 * MINUTE,
        MONDAY + HOUR + 30 * MINUTE,
        MONDAY + 2 * HOUR + 10 * MINUTE,
      ]) {
        rows.push({ minuteMs, invocations: 10, durationSumMs: 100, billedMs: 100 });
        rows.push({ minuteMs, source: 'otel_span', invocations: 10, durationSumMs: 100 });
      }
      rows.push({ minuteMs: MONDAY + 2 * HOUR + 40 * MINUTE, invocations: 99, durationSumMs: 1 });
      await insertMinutes(rows);
      // [00:03, 02:30): a partial first hour, one whole hour, a partial last hour.
      const stats = await repo.windowStats({
        fromMs: MONDAY + 3 * MINUTE,
        toMs: MONDAY + 2 * HOUR + 30 * MINUTE,
      });
      expect(stats.get(F)).toMatchObject({
        invocations: 30,
        durationSumMs: 300,
        billedDurationSumMs: 300,
      });
    });

    it('defect 13 (span-only functions billed as ceil(duration)): their ceil(duration) is not taken as the bill, so INIT is billed by the rules', async () => {
      await insertMinutes([
        {
          minuteMs: MONDAY,
          source: 'otel_span',
          invocations: 2,
          durationSumMs: 20,
          billedMs: 20,
          coldStarts: 1,
          initMs: 300,
        },
      ]);
      const stats = await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 2 * HOUR });
      expect(stats.get(F)).toMatchObject({
        invocations: 2,
        billedDurationSumMs: 0,
        initDurationSumMs: 300,
      });
    });

    it('dates a memory size by its minutes with invocations, whatever its days without any', async () => {
      await insertMinutes([
        // Day 1 holds only a row without invocations (a cold-start-only source, say).
        { minuteMs: MONDAY + 10 * MINUTE, invocations: 0, durationSumMs: 0, coldStarts: 1 },
        { minuteMs: MONDAY + 24 * HOUR + 30 * MINUTE, invocations: 5, durationSumMs: 50 },
        { minuteMs: MONDAY + 48 * HOUR + 20 * MINUTE, invocations: 2, durationSumMs: 20 },
      ]);
      const stats = await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 3 * 24 * HOUR });
      expect(stats.get(F)!.byMemory).toMatchObject([
        {
          memoryMb: 512,
          invocations: 7,
          firstSeenMs: MONDAY + 24 * HOUR,
          lastSeenMs: MONDAY + 48 * HOUR,
        },
      ]);
    });

    it('reports no billed duration unless every minute has one', async () => {
      await insertMinutes([
        { minuteMs: MONDAY, invocations: 1, durationSumMs: 10, billedMs: 10 },
        { minuteMs: MONDAY + HOUR, source: 'otel_span', invocations: 1, durationSumMs: 10 },
      ]);
      const stats = await repo.windowStats({ fromMs: MONDAY, toMs: MONDAY + 2 * HOUR });
      expect(stats.get(F)).toMatchObject({ invocations: 2, billedDurationSumMs: 0 });
    });
  });

  describe('concurrencyProfiles', () => {
    it('folds per-minute concurrency by hour of week with Σ min(c, L) per level and the p95 over all minutes', async () => {
      // Monday 00:xx: 30 minutes at c = 4 (4 × 60,000 busy ms); Tuesday 01:xx: 10 minutes at c = 0.5.
      const rows: MinuteRow[] = [];
      for (let m = 0; m < 30; m++)
        rows.push({
          minuteMs: MONDAY + m * MINUTE,
          invocations: 2400,
          durationSumMs: 240_000,
          // Three cold starts, two with an Init Duration (450 ms each).
          coldStarts: m === 0 ? 3 : 0,
          initMs: m === 0 ? 900 : 0,
          initBuckets: m === 0 ? { 70: 2 } : {},
        });
      for (let m = 0; m < 10; m++)
        rows.push({
          minuteMs: MONDAY + 25 * HOUR + m * MINUTE,
          invocations: 300,
          durationSumMs: 30_000,
        });
      // A second source of the same minutes must not double the concurrency.
      for (let m = 0; m < 10; m++)
        rows.push({
          minuteMs: MONDAY + 25 * HOUR + m * MINUTE,
          source: 'otel_span',
          invocations: 300,
          durationSumMs: 30_000,
        });
      await insertMinutes(rows);

      const window = { fromMs: MONDAY, toMs: MONDAY + 7 * 24 * HOUR };
      const profiles = await repo.concurrencyProfiles(window, [1, 2, 5]);
      const p = profiles.get(F)!;
      expect(p.levels).toEqual([1, 2, 5]);
      expect(p.weeksCovered).toBe(1);
      const week0 = {
        hourOfWeek: 0,
        minutesObserved: 60,
        concurrencyMinutes: 120,
        coveredMinutesByLevel: [30, 60, 120],
        coldStarts: 3,
        onDemandInitMs: 900,
        timedColdStarts: 2,
      };
      const week25 = {
        hourOfWeek: 25,
        minutesObserved: 60,
        concurrencyMinutes: 5,
        coveredMinutesByLevel: [5, 5, 5],
        coldStarts: 0,
        onDemandInitMs: 0,
        timedColdStarts: 0,
      };
      // One week has no held-out week (schedules need two).
      expect(p.hours).toEqual([week0, week25]);
      // 40 busy minutes of 10,080: the 95th percentile minute is idle.
      expect(p.p95Concurrency).toBe(0);
    });

    it('defect 6 (utilisation from per-minute average concurrency): 60 simultaneous 1-second requests a minute are a peak of 60, not an average of 1', async () => {
      const raw = [];
      for (let m = 0; m < 10; m++)
        for (let i = 0; i < 60; i++)
          raw.push({ startMs: MONDAY + m * MINUTE + 5000, durationMs: 1000, id: `${m}-${i}` });
      await insertRaw(raw);
      // The aggregate as the materialized view fills it: 60 s busy per minute, average 1.
      const rows: MinuteRow[] = [];
      for (let m = 0; m < 10; m++)
        rows.push({ minuteMs: MONDAY + m * MINUTE, invocations: 60, durationSumMs: 60_000 });
      await insertMinutes(rows);
      const p = (
        await repo.concurrencyProfiles({ fromMs: MONDAY, toMs: MONDAY + 7 * 24 * HOUR }, [1, 60])
      ).get(F)!;
      // Ten minutes at peak 60: Σ c = 600; level 1 covers 10 concurrency-minutes of them.
      expect(p.hours[0]).toMatchObject({
        hourOfWeek: 0,
        concurrencyMinutes: 600,
        coveredMinutesByLevel: [10, 600],
      });
    });

    it('reads raw peaks for the functions that fit the budget, fewest invocations first, and averages for the rest', async () => {
      // Found by a review: one function of 13 M raw invocations exhausted the engine's memory
      // and every analysis run failed. Here a budget of 60 stands in for RAW_PEAK_BUDGET.
      const busy = `${F}-busy`;
      const raw = [];
      for (const [fn, count] of [
        [F, 60],
        [busy, 61],
      ] as const) {
        for (let i = 0; i < count; i++)
          raw.push({ startMs: MONDAY + 5000, durationMs: 1000, id: `${fn}-${i}`, functionId: fn });
      }
      // The materialized view makes their minute rows: 60 and 61 s of work in Monday's first minute.
      await insertRaw(raw);
      const window = { fromMs: MONDAY, toMs: MONDAY + 7 * 24 * HOUR };
      const profiles = await repo.concurrencyProfiles(window, [1, 100], undefined, 60);
      // F fits: its 60 simultaneous requests are a peak of 60 in that minute.
      expect(profiles.get(F)!.hours[0]).toMatchObject({ concurrencyMinutes: 60 });
      // The busier one does not: its minute's average, 61 s of work over 60 s.
      expect(profiles.get(busy)!.hours[0].concurrencyMinutes).toBeCloseTo(61 / 60, 4);
      // With the default budget both read their peaks.
      const all = await repo.concurrencyProfiles(window, [1, 100]);
      expect(all.get(busy)!.hours[0]).toMatchObject({ concurrencyMinutes: 61 });
    });

    it('defect 6: back-to-back 5-minute jobs keep every minute they run busy, not only their start minutes', async () => {
      const raw = [];
      for (let j = 0; j < 6; j++)
        raw.push({ startMs: MONDAY + j * 5 * MINUTE, durationMs: 5 * 60_000, id: `job-${j}` });
      await insertRaw(raw);
      const rows: MinuteRow[] = [];
      for (let j = 0; j < 6; j++)
        rows.push({ minuteMs: MONDAY + j * 5 * MINUTE, invocations: 1, durationSumMs: 300_000 });
      await insertMinutes(rows);
      const p = (
        await repo.concurrencyProfiles({ fromMs: MONDAY, toMs: MONDAY + 7 * 24 * HOUR }, [1, 2])
      ).get(F)!;
      // 30 minutes at concurrency 1 (the average booked to start minutes would say 6 minutes at 5).
      expect(p.hours[0]).toMatchObject({ concurrencyMinutes: 30, coveredMinutesByLevel: [30, 30] });
    });

    it('defect 7 (schedules judged on the week they were fitted to): a two-week window carries the last week apart', async () => {
      const rows: MinuteRow[] = [];
      // Monday 00:00–00:09 of week 1 at c = 1, of week 2 at c = 3.
      for (let m = 0; m < 10; m++) {
        rows.push({ minuteMs: MONDAY + m * MINUTE, invocations: 600, durationSumMs: 60_000 });
        rows.push({
          minuteMs: MONDAY + 7 * 24 * HOUR + m * MINUTE,
          invocations: 1800,
          durationSumMs: 180_000,
        });
      }
      await insertMinutes(rows);
      const p = (
        await repo.concurrencyProfiles({ fromMs: MONDAY, toMs: MONDAY + 14 * 24 * HOUR }, [1, 2])
      ).get(F)!;
      expect(p.hours[0]).toMatchObject({
        minutesObserved: 120,
        concurrencyMinutes: 40,
        coveredMinutesByLevel: [20, 30],
        heldOut: { minutesObserved: 60, concurrencyMinutes: 30, coveredMinutesByLevel: [10, 20] },
      });
    });

    it('defect (found by a review): the held-out week counts the minutes that start in it, as its minutes observed do', async () => {
      const rows: MinuteRow[] = [];
      // Monday 00:00–00:09 of week 2 at c = 3; the window ends 300 ms into week 3's Monday.
      for (let m = 0; m < 10; m++)
        rows.push({
          minuteMs: MONDAY + 7 * 24 * HOUR + m * MINUTE,
          invocations: 1800,
          durationSumMs: 180_000,
        });
      await insertMinutes(rows);
      const window = { fromMs: MONDAY, toMs: MONDAY + 14 * 24 * HOUR + 300 };
      const p = (await repo.concurrencyProfiles(window, [1, 2])).get(F)!;
      // The held-out week starts at 00:00:00.300 of week 2's Monday: the minute of 00:00 began
      // before it. Counted with the start rounded down, its busy minutes read 30 (and covered 10 /
      // 20) over minutes observed that leave it out.
      expect(p.hours[0].heldOut).toMatchObject({
        concurrencyMinutes: 27,
        coveredMinutesByLevel: [9, 18],
      });
      expect(p.hours[0].heldOut?.minutesObserved).toBe(
        minutesPerHourOfWeek({ fromMs: window.toMs - 7 * 24 * HOUR, toMs: window.toMs })[0],
      );
    });

    it('gives a constant load its own value as p95', async () => {
      const rows: MinuteRow[] = [];
      for (let m = 0; m < 120; m++)
        rows.push({ minuteMs: MONDAY + m * MINUTE, invocations: 12_000, durationSumMs: 1_200_000 });
      await insertMinutes(rows);
      const profiles = await repo.concurrencyProfiles({ fromMs: MONDAY, toMs: MONDAY + 2 * HOUR });
      expect(profiles.get(F)!.p95Concurrency).toBeCloseTo(20, 9);
    });
  });

  describe('functionBatches', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'].map(
      (n) => `aws_lambda~123456789012~us-east-1~batch-${n}`,
    );
    const window = { fromMs: MONDAY + 3 * MINUTE, toMs: MONDAY + 8 * 24 * HOUR + 7 * MINUTE };

    beforeEach(async () => {
      // Five functions over eight days: two sources on some, several memory sizes, minutes at both
      // edges of the window and raw invocations for the peaks.
      const rows: MinuteRow[] = [];
      const raw: Parameters<typeof insertRaw>[0] = [];
      ids.forEach((functionId, f) => {
        for (let m = 0; m < 8 * 24 * 60 + 20; m += 7 + f) {
          const minuteMs = MONDAY + m * MINUTE;
          const invocations = 1 + ((m * (f + 3)) % 40);
          rows.push({
            functionId,
            minuteMs,
            memoryMb: m < 3 * 24 * 60 ? 512 : 1024 + 256 * f,
            invocations,
            durationSumMs: invocations * (50 + f * 30 + (m % 13)),
            buckets: { [40 + (m % 5)]: invocations },
            billedMs: invocations * 100,
            coldStarts: m % 11 === 0 ? 1 : 0,
            initMs: m % 11 === 0 ? 300 : 0,
            timeouts: m % 17 === 0 ? 1 : 0,
            maxMemoryUsedMb: 100 + (m % 50),
          });
          if (f % 2 === 0 && m % 3 === 0)
            rows.push({ functionId, minuteMs, source: 'otel_span', invocations, durationSumMs: 9 });
          // A cold-start-only source beside batch-b's one: no choice to make (one counting source).
          if (f === 1 && m % 4 === 0)
            rows.push({
              functionId,
              minuteMs,
              source: 'openfaas_gateway',
              invocations: 0,
              durationSumMs: 0,
            });
          if (f === 1 && m % 5 === 0)
            raw.push({ functionId, startMs: minuteMs + 1000, durationMs: 90_000, id: `r${m}` });
        }
      });
      await insertMinutes(rows);
      await insertRaw(raw);
    });

    it('splits the window\u2019s functions into ranges of whole functions that together hold every function', async () => {
      const batches = await repo.functionBatches(window, 1500);
      expect(batches.length).toBeGreaterThan(2);
      const seen = new Map<string, number>();
      for (const batch of batches) {
        const found = await handle.client.query({
          query: `SELECT DISTINCT function_id AS id FROM function_minutes WHERE 1 ${batch.where}`,
          query_params: batch.params,
          format: 'JSONEachRow',
        });
        for (const { id } of await found.json<{ id: string }>())
          seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      expect([...seen.keys()].sort()).toEqual(ids);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    });

    it('holds at most maxFunctions functions in a batch, however few rows they have', async () => {
      const batches = await repo.functionBatches(window, 10_000_000, 2);
      const sizes: number[] = [];
      for (const batch of batches) {
        const found = await handle.client.query({
          query: `SELECT uniqExact(function_id) AS n FROM function_minutes WHERE 1 ${batch.where}`,
          query_params: batch.params,
          format: 'JSONEachRow',
        });
        sizes.push(Number((await found.json<{ n: number }>())[0]?.n));
      }
      expect(sizes).toEqual([2, 2, 1]);
      expect(await repo.functionBatches(window, 10_000_000)).toHaveLength(1);
    });

    it('counts the rows of a function with several sources twice', async () => {
      const counted = await handle.client.query({
        query: `SELECT function_id AS id, count() AS n FROM function_minutes
                WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
                GROUP BY id ORDER BY id`,
        query_params: rangeParams(window),
        format: 'JSONEachRow',
      });
      const [a, b] = (await counted.json<{ id: string; n: number | string }>()).map((r) =>
        Number(r.n),
      );
      // batch-a has a second counting source, batch-b a cold-start-only one: together they fit
      // unweighted, not with batch-a's rows counted twice; with them, the next batch starts at c.
      const batches = await repo.functionBatches(window, a + b);
      expect(batches[0]).toEqual({
        where: 'AND function_id < {batchTo:String}',
        params: { batchTo: ids[1] },
      });
      expect((await repo.functionBatches(window, 2 * a + b))[0]?.params).toEqual({
        batchTo: ids[2],
      });
    });

    it('gives the same window statistics and concurrency profiles in batches as in one query', async () => {
      const batches = await repo.functionBatches(window, 1500);
      const [one] = await repo.functionBatches(window);
      expect(batches.length).toBeGreaterThan(2);
      expect(one).toEqual({ where: '', params: {} });
      const byBatches = await repo.windowStats(window, batches);
      expect(byBatches).toEqual(await repo.windowStats(window, [one]));
      expect(byBatches.size).toBe(ids.length);
      const profiles = await repo.concurrencyProfiles(window, [1, 2, 5], batches);
      expect(profiles).toEqual(await repo.concurrencyProfiles(window, [1, 2, 5], [one]));
      expect(profiles.size).toBe(ids.length);
    });
  });

  describe('coldStartExtras', () => {
    it('counts a proactive init once across sources and buckets SnapStart restores', async () => {
      const base = {
        function_id: F,
        platform: 'aws_lambda',
        version: '1',
        memory_size_mb: 512,
        duration_us: 1000,
      };
      await handle.client.insert({
        table: 'invocations',
        format: 'JSONEachRow',
        values: [
          {
            ...base,
            source: 'lambda_telemetry',
            request_id: 'a',
            start_time: MONDAY + 1000,
            init_type: 'proactive',
            init_duration_us: 250_000,
          },
          {
            ...base,
            source: 'lambda_log',
            request_id: 'a',
            start_time: MONDAY + 1000,
            init_type: 'proactive',
            init_duration_us: 250_000,
          },
          {
            ...base,
            source: 'lambda_telemetry',
            request_id: 'b',
            start_time: MONDAY + 2000,
            init_type: 'snap-start',
            cold_start: 1,
            restore_duration_us: 150_000,
          },
          { ...base, source: 'lambda_telemetry', request_id: 'c', start_time: MONDAY + 3000 },
        ],
      });
      const [row] = await repo.coldStartExtras({ fromMs: MONDAY, toMs: MONDAY + HOUR }, false);
      expect(row).toMatchObject({
        functionId: F,
        proactiveInits: 1,
        timedProactiveInits: 1,
        proactiveInitSumMs: 250,
        restores: 1,
      });
      // 150 ms falls in the log-scale bucket [139, 152) ms.
      expect(histogramQuantile(row.restoreBuckets, 0.5)).toBeGreaterThan(139);
      expect(histogramQuantile(row.restoreBuckets, 0.5)).toBeLessThan(152);
    });

    it('describes the records of the source each function-minute is counted from', async () => {
      const twoSources = 'aws_lambda~123456789012~us-east-1~two-sources';
      const oneSource = 'aws_lambda~123456789012~us-east-1~one-source';
      const record = (
        functionId: string,
        source: string,
        id: string,
        startMs: number,
        restoreMs = 0,
      ) => ({
        function_id: functionId,
        platform: 'aws_lambda',
        // Sources name versions differently: a log stream `$LATEST`, a span `3`.
        version: source === 'otel_span' ? '3' : '$LATEST',
        memory_size_mb: 512,
        duration_us: 1000,
        source,
        request_id: id,
        start_time: startMs,
        ...(restoreMs > 0
          ? { init_type: 'snap-start', cold_start: 1, restore_duration_us: restoreMs * 1000 }
          : {}),
      });
      const spanMinute = MONDAY + 10 * MINUTE;
      const logMinute = MONDAY + 20 * MINUTE;
      await handle.client.insert({
        table: 'invocations',
        format: 'JSONEachRow',
        values: [
          // Counted from the spans (2 invocations against the log's 1): the log's restore is not.
          record(twoSources, 'otel_span', 'x', spanMinute + 1000),
          record(twoSources, 'otel_span', 'y', spanMinute + 2000),
          record(twoSources, 'lambda_log', 'x', spanMinute + 1000, 300),
          // Counted from the log, the only source of this minute.
          record(twoSources, 'lambda_log', 'z', logMinute + 1000, 200),
          record(oneSource, 'lambda_log', 'w', spanMinute + 1000, 100),
        ],
      });
      const rows = await repo.coldStartExtras({ fromMs: MONDAY, toMs: MONDAY + HOUR }, false);
      const restores = rows.map((r) => [r.functionId, r.version, r.restores]).sort();
      expect(restores).toEqual([
        [oneSource, '$LATEST', 1],
        [twoSources, '$LATEST', 1],
      ]);
      // The 200 ms restore of the log's own minute, not the 300 ms one of the spans' minute: 200
      // ms falls in the log-scale bucket [197, 215) ms.
      const counted = rows.find((r) => r.functionId === twoSources)!;
      expect(histogramQuantile(counted.restoreBuckets, 1)).toBeGreaterThan(197);
      expect(histogramQuantile(counted.restoreBuckets, 1)).toBeLessThan(216);
    });
  });
});

describe(minutesPerHourOfWeek.name, () => {
  it('counts the window minutes in each hour of week, 0 being Monday 00:00 UTC', () => {
    const minutes = minutesPerHourOfWeek({
      fromMs: MONDAY + 30 * MINUTE,
      toMs: MONDAY + 8 * 24 * HOUR,
    });
    expect(minutes[0]).toBe(30 + 60);
    expect(minutes[1]).toBe(120);
    expect(minutes[24]).toBe(60);
    expect(minutes[167]).toBe(60);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(8 * 24 * 60 - 30);
  });
});
