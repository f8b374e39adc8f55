import type { ClickHouseClient } from '@clickhouse/client';
import { logBucketSql } from '@fleetscope/model';

/**
 * Generates fleets straight into function_minutes with INSERT … SELECT FROM numbers(), so a week
 * of 10,000 functions takes seconds. Every function-minute of a class is deterministic (hashes, no
 * randomness): its average concurrency is exactly invocations × meanMs / 60,000.
 */
export interface MinuteFleetClass {
  /** Function id when count is 1, else the prefix of `<prefix>-00042`. */
  id: string;
  count: number;
  /** Which minutes of the window carry traffic. */
  activity:
    | { kind: 'every-minute' }
    /** n minutes per function, placed by hash (collisions add up). */
    | { kind: 'random-minutes'; perFunction: number }
    /** Monday–Friday, fromHour ≤ UTC hour < toHour. */
    | { kind: 'business-hours'; fromHour: number; toHour: number };
  /** Average concurrency in an active minute; at least one invocation per active minute. */
  concurrency: number;
  /** Concurrency grows by this share of itself across the class (function index / count). */
  concurrencySpread?: number;
  meanMs: number;
  /** Each day's mean duration as a share of meanMs, day by day from the start (cycled). */
  meanMsDailyFactors?: number[];
  memoryMb: number;
  maxMemoryUsedMb: number;
  /** Cold starts per active minute (0.02 = one every 50 active minutes). */
  coldStartsPerMinute: number;
  initMs?: number;
  /** The cold starts are SnapStart restores (restores column, Restore Duration initMs, no INIT). */
  snapStart?: boolean;
  timeoutsPerMinute?: number;
  source?: string;
  version?: string;
  /** Inventory written by insertFleetInventory (source 'api'). */
  timeoutMs?: number;
  runtime?: string;
  architecture?: 'x86_64' | 'arm64';
}

export interface MinuteFleet {
  /** Epoch ms of the first minute. */
  startMs: number;
  minutes: number;
  classes: MinuteFleetClass[];
}

const COLUMNS = `function_id, minute, source, version, memory_size_mb, invocations, errors, timeouts,
  ooms, cold_starts, provisioned_inits, restores, duration_sum_ms, duration_max_ms, duration_buckets,
  billed_duration_sum_ms, init_duration_sum_ms, init_buckets, restore_duration_sum_ms,
  billed_restore_sum_ms, max_memory_used_mb, memory_buckets`;

function minuteSource(c: MinuteFleetClass): { from: string; where: string } {
  switch (c.activity.kind) {
    case 'every-minute':
      return {
        from: `SELECT intDiv(number, {minutes:UInt64}) AS f, number % {minutes:UInt64} AS m FROM numbers({count:UInt64} * {minutes:UInt64})`,
        where: '1',
      };
    case 'random-minutes':
      return {
        from: `SELECT intDiv(number, {perFunction:UInt64}) AS f, cityHash64(number, 'minute') % {minutes:UInt64} AS m FROM numbers({count:UInt64} * {perFunction:UInt64})`,
        where: '1',
      };
    case 'business-hours':
      return {
        from: `SELECT intDiv(number, {minutes:UInt64}) AS f, number % {minutes:UInt64} AS m FROM numbers({count:UInt64} * {minutes:UInt64})`,
        where: `toDayOfWeek(t, 0, 'UTC') <= 5 AND toHour(t, 'UTC') >= {fromHour:UInt8} AND toHour(t, 'UTC') < {toHour:UInt8}`,
      };
  }
}

const FUNCTION_ID = `if({count:UInt64} = 1, {id:String}, concat({id:String}, '-', leftPad(toString(f), 5, '0')))`;

/** One function_configs row per function of each class, as the platform API would report it. */
export async function insertFleetInventory(
  client: ClickHouseClient,
  fleet: MinuteFleet,
): Promise<void> {
  for (const c of fleet.classes) {
    await client.command({
      query: `
        INSERT INTO function_configs (function_id, source, platform, account, region, name, runtime,
          architecture, package_type, memory_mb, timeout_ms)
        SELECT ${FUNCTION_ID} AS function_id, 'api', 'aws_lambda', '123456789012', 'us-east-1',
               splitByChar('~', function_id)[4], {runtime:String}, {architecture:String}, 'Zip',
               {memoryMb:UInt32}, {timeoutMs:UInt32}
        FROM (SELECT number AS f FROM numbers({count:UInt64}))`,
      query_params: {
        id: c.id,
        count: c.count,
        runtime: c.runtime ?? 'nodejs22.x',
        architecture: c.architecture ?? 'x86_64',
        memoryMb: c.memoryMb,
        timeoutMs: c.timeoutMs ?? 30_000,
      },
    });
  }
}

export async function insertMinuteFleet(
  client: ClickHouseClient,
  fleet: MinuteFleet,
): Promise<void> {
  for (const c of fleet.classes) {
    const { from, where } = minuteSource(c);
    const params = {
      id: c.id,
      count: c.count,
      minutes: fleet.minutes,
      start: Math.floor(fleet.startMs / 1000),
      perFunction: c.activity.kind === 'random-minutes' ? c.activity.perFunction : 0,
      fromHour: c.activity.kind === 'business-hours' ? c.activity.fromHour : 0,
      toHour: c.activity.kind === 'business-hours' ? c.activity.toHour : 0,
      concurrency: c.concurrency,
      spread: c.concurrencySpread ?? 0,
      meanMs: c.meanMs,
      dailyFactors: c.meanMsDailyFactors ?? [1],
      memoryMb: c.memoryMb,
      usedMb: c.maxMemoryUsedMb,
      coldRate: c.coldStartsPerMinute,
      initMs: c.initMs ?? 300,
      snap: c.snapStart ? 1 : 0,
      timeoutRate: c.timeoutsPerMinute ?? 0,
      source: c.source ?? 'lambda_telemetry',
      version: c.version ?? '$LATEST',
    };
    await client.command({
      query: `
        INSERT INTO function_minutes (${COLUMNS})
        SELECT
          ${FUNCTION_ID} AS function_id,
          t AS minute,
          {source:String}, {version:String}, {memoryMb:UInt16},
          n AS invocations,
          0 AS errors,
          toUInt64(floor((m + 1) * {timeoutRate:Float64}) - floor(m * {timeoutRate:Float64})) AS timeouts,
          0 AS ooms,
          cold,
          0, cold * {snap:UInt8} AS restores,
          n * {meanMs:Float64} * dayFactor AS duration_sum_ms,
          {meanMs:Float64} * dayFactor * 2.5 AS duration_max_ms,
          map(toInt16(b - 4), toUInt64(intDiv(n, 5)), toInt16(b), n - intDiv(n, 5) - intDiv(n, 50),
              toInt16(b + 8), toUInt64(intDiv(n, 50))) AS duration_buckets,
          n * ceil({meanMs:Float64} * dayFactor) + cold * ceil({initMs:Float64}) * (1 - {snap:UInt8}) AS billed_duration_sum_ms,
          cold * {initMs:Float64} * (1 - {snap:UInt8}) AS init_duration_sum_ms,
          if(cold > 0 AND {snap:UInt8} = 0, map(${logBucketSql('{initMs:Float64}')}, cold), map()) AS init_buckets,
          cold * {initMs:Float64} * {snap:UInt8} AS restore_duration_sum_ms,
          cold * ceil({initMs:Float64}) * {snap:UInt8} AS billed_restore_sum_ms,
          {usedMb:UInt16} AS max_memory_used_mb,
          map(${logBucketSql('{usedMb:UInt16}')}, n) AS memory_buckets
        FROM (
          SELECT f, m, toDateTime({start:UInt32} + m * 60, 'UTC') AS t,
                 {concurrency:Float64} * (1 + {spread:Float64} * f / {count:UInt64}) AS c,
                 toUInt64(greatest(1, round(c * 60000 / {meanMs:Float64}))) AS n,
                 toUInt64(floor((m + 1 + f) * {coldRate:Float64}) - floor((m + f) * {coldRate:Float64})) AS cold,
                 {dailyFactors:Array(Float64)}[intDiv(m, 1440) % length({dailyFactors:Array(Float64)}) + 1] AS dayFactor,
                 ${logBucketSql('{meanMs:Float64} * dayFactor')} AS b
          FROM (${from})
        )
        WHERE ${where}`,
      query_params: params,
    });
  }
}
