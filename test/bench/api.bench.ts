/**
 * `npm run bench:api [-- --scale 0.1] [-- --fleet narrow|wide] [-- --settings-history heavy|typical|off]`: the dashboard routes over the
 * fleets of issue 11, each timed over HTTP (3 warm-ups, 10 calls, p50/p95) beside the engine's
 * plain aggregate over the same rows, measured in the same run.
 *
 * - narrow: 10 M Lambda invocations of 1,000 functions from one source over 24 h, written into
 *   `invocations` (INSERT … SELECT, so the materialized views fill the aggregates as in production);
 * - wide: 10,000 functions × 7 days written straight into `function_minutes` (test/bench/support/
 *   week-fleet.ts; 100 of them reported by two sources).
 *
 * Each fleet runs in a process of its own (chDB keeps one data directory per process), started
 * with npm start's Node flags and environment (test/support/fleetscope-process.ts). `--scale`
 * multiplies the invocation count (narrow) and the function count (wide) for quick runs.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  insertFleetInventory,
  insertMinuteFleet,
} from '../analysis/support/minute-fleet.generator';
import {
  FunctionsRepository,
  chosenSourceRows,
  rangeParams,
  rebuildChosenHours,
} from '@fleetscope/storage';
import { AnalysisRunner } from '@fleetscope/analysis-jobs';
import { FleetService } from '@fleetscope/dashboard';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { npmStartCommand } from '../support/fleetscope-process';
import { fmt, percentile } from './support/bench-figures';
import { httpCall } from './support/http-load.driver';
import { holdMerges, settleMerges } from './support/settle-merges';
import { WEEK_FLEET_ACCOUNT, weekFleet } from './support/week-fleet';
import { QUIET_SCHEDULES } from './support/quiet-schedules';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const NARROW_FUNCTIONS = 1000;
const NARROW_INVOCATIONS = 10_000_000;
const NARROW_PREFIX = 'aws_lambda~123456789012~us-east-1~api';
/**
 * Generating millions of rows in one INSERT … SELECT needs more than the embedded engine's default
 * bound (FLEETSCOPE_EMBEDDED_MEMORY_MB, sized for the collector's inserts of at most
 * FLEETSCOPE_FLUSH_ROWS rows); the routes' queries stay far below either.
 */
const APP_ENV = {
  ...QUIET_SCHEDULES,
  FLEETSCOPE_LOG_LEVEL: 'warn',
  FLEETSCOPE_EMBEDDED_MEMORY_MB: '1024',
};
/**
 * The wide fleet's week goes in by day-sized INSERT … SELECTs straight into function_minutes,
 * whose views and time-ordered projection (migration 0021) each sort the block: more than 1 GiB
 * (2 GiB was hit once, 2026-12-04).
 */
const WIDE_APP_ENV = { ...APP_ENV, FLEETSCOPE_EMBEDDED_MEMORY_MB: '3072' };

const AGGREGATE_TABLES = [
  'function_minutes',
  'function_five_minutes',
  'function_hours',
  'function_days',
] as const;

/**
 * Active parts of the aggregate tables: a read plans and scans per part, and merges still running
 * in the background after the generation change the count (and the timings) from run to run.
 */
async function activeParts(client: ClickHouseClient): Promise<string> {
  const result = await client.query({
    query: `SELECT table, count() AS n FROM system.parts
            WHERE active AND database = currentDatabase() AND table IN {tables:Array(String)}
            GROUP BY table`,
    query_params: { tables: AGGREGATE_TABLES },
    format: 'JSONEachRow',
  });
  const counts = new Map(
    (await result.json<{ table: string; n: number }>()).map((r) => [r.table, r.n]),
  );
  return AGGREGATE_TABLES.map((table) => counts.get(table) ?? 0).join('/');
}

interface Timing {
  name: string;
  p50: number;
  p95: number;
  target?: number;
}

/** 3 warm-ups, then `calls` timed calls. */
async function timeCalls(name: string, call: () => Promise<unknown>, calls = 10, target?: number) {
  for (let i = 0; i < 3; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return { name, p50: percentile(ms, 50), p95: percentile(ms, 95), target } satisfies Timing;
}

/** What Chromium sends as Accept-Encoding (the API answers Brotli to it). */
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/** Kept-alive connections for the timed calls, as a browser keeps its connection to the API. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One call of a route, timed until its last byte arrives. The answer is not parsed: the bench's
 * client shares the server's process and event loop, and its JSON.parse of a 10,000-function
 * page (7 MB, ~30 ms; timed apart as a stage) is the browser's work, on the browser's CPU. For the
 * same reason the body is read with node:http (httpCall()), not undici's fetch.
 */
function route(
  apiUrl: string,
  path: string,
  headers?: Record<string, string>,
): () => Promise<unknown> {
  const url = new URL(apiUrl);
  return async () => {
    const answer = await httpCall(agent, url, { method: 'GET', path, headers });
    if (answer.status !== 200) throw new Error(`${path}: HTTP ${answer.status} ${answer.text}`);
    return answer;
  };
}

function sql(client: ClickHouseClient, query: string, params: Record<string, unknown> = {}) {
  return async () => {
    const result = await client.query({
      query,
      query_params: params,
      format: 'JSONCompactEachRow',
    });
    return result.json();
  };
}

async function scalar(client: ClickHouseClient, query: string): Promise<number> {
  const [[value]] = (await sql(client, query)()) as [[number]];
  return Number(value);
}

/** The engine's own aggregates, no source choice: what a route cannot beat. */
function plainAggregates(client: ClickHouseClient, fromMs: number, toMs: number) {
  const params = { from: Math.floor(fromMs / 1000), to: Math.floor(toMs / 1000) };
  const hourFrom = Math.ceil(fromMs / HOUR_MS) * HOUR_MS;
  const hourTo = Math.floor(toMs / HOUR_MS) * HOUR_MS;
  const columns = `function_id, sum(invocations), sum(errors), sum(cold_starts),
    sum(duration_sum_ms), max(duration_max_ms), sumMap(duration_buckets), sumMap(init_buckets)`;
  return {
    minutes: sql(
      client,
      `SELECT ${columns} FROM function_minutes
       WHERE minute >= {from:DateTime} AND minute < {to:DateTime} GROUP BY function_id`,
      params,
    ),
    hoursAndEdges: sql(
      client,
      `SELECT ${columns} FROM (
         SELECT * FROM function_hours WHERE minute >= {hf:DateTime} AND minute < {ht:DateTime}
         UNION ALL
         SELECT * FROM function_minutes WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
           AND (minute < {hf:DateTime} OR minute >= {ht:DateTime}))
       GROUP BY function_id`,
      { ...params, hf: Math.floor(hourFrom / 1000), ht: Math.floor(hourTo / 1000) },
    ),
    // The rows the routes read now (whole hours, whole five minutes, minutes), without a choice.
    threeLevels: sql(
      client,
      `SELECT ${columns} FROM (
         SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}
         UNION ALL
         SELECT * FROM function_five_minutes
         WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}
           AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime})
         UNION ALL
         SELECT * FROM function_minutes WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
           AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}))
       GROUP BY function_id`,
      rangeParams({ fromMs, toMs }),
    ),
    // What ranges of up to 3 days read before issue 11: two window passes over every minute row.
    windowChoice: sql(
      client,
      `SELECT ${columns} FROM (${chosenSourceRows('function_minutes')}) GROUP BY function_id`,
      rangeParams({ fromMs, toMs }),
    ),
  };
}

/**
 * The fleet page's stages, each timed inside the process: the repository's read (SQL and rows
 * parsed), the service's list (that read, the inventory, pricing) and the answer serialised. What
 * the route adds beyond the last two is HTTP.
 */
async function fleetPageStages(
  app: RunningFleetscope,
  label: string,
  fromMs: number,
  toMs: number,
  calls: number,
): Promise<Timing[]> {
  const range = { fromMs, toMs };
  const repository = app.app.get(FunctionsRepository, { strict: false });
  const fleet = app.app.get(FleetService, { strict: false });
  const listed = await fleet.list(range);
  const page = JSON.stringify({ functions: listed });
  return [
    await timeCalls(
      `stage, ${label}: totals() (SQL + rows parsed)`,
      () => repository.totals(range),
      calls,
    ),
    await timeCalls(
      `stage, ${label}: coldStarts() (SQL + rows parsed)`,
      () => repository.coldStarts(range, false),
      calls,
    ),
    await timeCalls(
      `stage, ${label}: FleetService.list() (+ inventory, pricing)`,
      () => fleet.list(range),
      calls,
    ),
    await timeCalls(
      `stage, ${label}: JSON.stringify of the page`,
      () => Promise.resolve(JSON.stringify(listed)),
      calls,
    ),
    await timeCalls(
      `client, ${label}: JSON.parse of the page (not in the routes)`,
      () => Promise.resolve(JSON.parse(page)),
      calls,
    ),
  ];
}

function table(title: string, rows: Timing[]): string {
  const lines = [title, `  ${'what'.padEnd(64)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`];
  for (const r of rows) {
    const verdict =
      r.target === undefined ? '' : r.p95 <= r.target ? `  ≤ ${r.target} ✔` : `  > ${r.target} ✘`;
    lines.push(
      `  ${r.name.padEnd(64)} ${fmt(r.p50).padStart(8)} ${fmt(r.p95).padStart(8)}${verdict}`,
    );
  }
  return lines.join('\n');
}

/**
 * Issue 11's own yardstick: on the machine it was measured on, the engine answered "a plain
 * `GROUP BY function_id` over `function_minutes` (sums and `sumMap` of the buckets)" of the narrow
 * fleet's 10 M invocations in about 115 ms.
 */
const ISSUE_PLAIN_MINUTES_MS = 115;
const PLAIN_MINUTES = 'engine: GROUP BY function_id over function_minutes';

/**
 * The bounded routes' p95 scaled by how much slower this machine's engine is than the issue's, by
 * that one query (`plainMinutes`, timed in the same run): an estimate of what the issue's machine
 * would measure, printed beside the measured figures, never in their place. The scale is the
 * engine's; the server's JavaScript may scale otherwise.
 */
function scaledToIssueMachine(rows: readonly Timing[], plainMinutes: Timing): string {
  const factor = ISSUE_PLAIN_MINUTES_MS / plainMinutes.p50;
  const lines = [
    `  scaled to the machine issue 11 measured on (its plain GROUP BY over function_minutes ${ISSUE_PLAIN_MINUTES_MS} ms, here p50 ${fmt(plainMinutes.p50)} ms: × ${fmt(factor, 3)}); an estimate:`,
  ];
  for (const r of rows) {
    if (r.target === undefined) continue;
    const scaled = r.p95 * factor;
    const verdict = scaled <= r.target ? `≤ ${r.target} ✔` : `> ${r.target} ✘`;
    lines.push(`    ${r.name.padEnd(62)} p95 ≈ ${fmt(scaled).padStart(5)} ms  ${verdict}`);
  }
  return lines.join('\n');
}

/** 10 M invocations (× scale) of 1,000 functions, one source, over the 24 h before `toMs`. */
async function generateNarrow(client: ClickHouseClient, toMs: number, total: number) {
  const fromMs = toMs - DAY_MS;
  const chunk = 200_000;
  for (let offset = 0; offset < total; offset += chunk) {
    await client.command({
      query: `
        INSERT INTO invocations (function_id, source, start_time, request_id, platform, version,
          duration_us, billed_duration_ms, init_duration_us, memory_size_mb, max_memory_used_mb,
          cold_start, init_type, status, runtime, architecture)
        SELECT
          concat({prefix:String}, '-', leftPad(toString(f), 4, '0')) AS function_id,
          'lambda_log',
          fromUnixTimestamp64Milli(toInt64({from:Int64} + intDiv(n * {span:UInt64}, {total:UInt64}) + h % 60000), 'UTC'),
          toString(generateUUIDv4(n)),
          'aws_lambda', '$LATEST',
          d AS duration_us,
          toUInt32(ceil(d / 1000)),
          if(cold, toUInt32(150000 + h % 400000), 0),
          toUInt16(128 * (1 + f % 8)),
          toUInt16(40 + h % 80),
          toInt8(cold), if(cold, 'on-demand', ''),
          multiIf(h % 100 = 0, 'error', h % 1000 = 1, 'timeout', 'success'),
          'nodejs22.x', 'x86_64'
        FROM (
          SELECT number AS n, number % {functions:UInt64} AS f, cityHash64(number) AS h,
                 toUInt32(1000 + (h % 1000) * (50 + f % 200) * 3) AS d, h % 200 = 7 AS cold
          FROM numbers({offset:UInt64}, {count:UInt64})
        )`,
      query_params: {
        prefix: NARROW_PREFIX,
        from: fromMs,
        span: DAY_MS - 60_000,
        total,
        functions: NARROW_FUNCTIONS,
        offset,
        count: Math.min(chunk, total - offset),
      },
    });
  }
  await client.command({
    query: `
      INSERT INTO function_configs (function_id, source, platform, account, region, name, runtime,
        architecture, package_type, memory_mb, timeout_ms)
      SELECT concat({prefix:String}, '-', leftPad(toString(number), 4, '0')) AS function_id, 'api',
             'aws_lambda', '123456789012', 'us-east-1', splitByChar('~', function_id)[4],
             'nodejs22.x', 'x86_64', 'Zip', 128 * (1 + number % 8), 30000
      FROM numbers({functions:UInt64})`,
    query_params: { prefix: NARROW_PREFIX, functions: NARROW_FUNCTIONS },
  });
}

/**
 * How many functions change a setting inside the range, one in every: `heavy` (the default) a
 * memory change for one function in five, a move to arm64 for one in ten, provisioned concurrency
 * for one in twenty; `typical` one in fifty, one in two hundred and one in a hundred.
 */
const HISTORIES = {
  heavy: { memory: 5, arm64: 10, provisioned: 20 },
  typical: { memory: 50, arm64: 200, provisioned: 100 },
} as const;
type History = keyof typeof HISTORIES;

/**
 * Settings history of a fleet as deployments leave it (--settings-history): every function's
 * memory size, architecture and provisioned concurrency observed by the inventory a month before
 * the range, then, in the range, the changes of HISTORIES, each at its own hour. The fleet page and
 * the cold starts price and group each stretch at the settings in force then. Returns the rows
 * written.
 */
async function insertSettingsHistory(
  client: ClickHouseClient,
  fromMs: number,
  toMs: number,
  history: History,
): Promise<number> {
  const every = HISTORIES[history];
  const spanHours = Math.max(1, Math.floor((toMs - fromMs) / HOUR_MS) - 1);
  await client.command({
    query: `
      INSERT INTO function_settings_history (function_id, setting, observed_at, source, value)
      SELECT function_id, change.1, change.2, 'api', change.3
      FROM (
        SELECT function_id, toUInt64(rowNumberInAllBlocks()) AS n, memory_mb, architecture,
               fromUnixTimestamp64Milli(toInt64({from:Int64} - 30 * 86400000)) AS first_seen,
               fromUnixTimestamp64Milli(toInt64({from:Int64} + (1 + cityHash64(function_id) % {span:UInt64}) * 3600000)) AS changed_at
        FROM function_configs FINAL
      )
      ARRAY JOIN arrayConcat(
        [('memory_mb', first_seen, toString(memory_mb)),
         ('architecture', first_seen, architecture),
         ('provisioned_concurrency', first_seen, '0')],
        if(n % {memory:UInt32} = 0, [('memory_mb', changed_at, toString(memory_mb * 2))], []),
        if(n % {arm64:UInt32} = 3, [('architecture', changed_at, 'arm64')], []),
        if(n % {provisioned:UInt32} = 7, [('provisioned_concurrency', changed_at, '5')], [])
      ) AS change`,
    query_params: { from: fromMs, span: spanHours, ...every },
  });
  return scalar(client, `SELECT count() FROM function_settings_history`);
}

async function runNarrow(scale: number, history: History | undefined): Promise<string> {
  const app = await startFleetscope(APP_ENV);
  try {
    const client = app.clickhouse.client;
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const fromMs = toMs - DAY_MS;
    const total = Math.round(NARROW_INVOCATIONS * scale);
    const g0 = performance.now();
    await generateNarrow(client, toMs, total);
    const historyRows = history ? await insertSettingsHistory(client, fromMs, toMs, history) : 0;
    await settleMerges(client);
    await holdMerges(client);
    const generatedS = (performance.now() - g0) / 1000;
    const counts = await sql(
      client,
      `SELECT (SELECT count() FROM invocations), (SELECT sum(invocations) FROM function_minutes),
              (SELECT count() FROM function_minutes), (SELECT count() FROM function_hours)`,
    )();
    const [[raw, aggregated, minuteRows, hourRows]] = counts as [[number, number, number, number]];
    const range = `from=${fromMs}&to=${toMs}`;
    const fn = `${NARROW_PREFIX}-0042`;
    const plain = plainAggregates(client, fromMs, toMs);
    const load = loadavg()[0];
    const rows = [
      await timeCalls(
        `GET /api/functions (24 h)`,
        route(app.apiUrl, `/api/functions?${range}`),
        10,
        150,
      ),
      await timeCalls(
        `GET /api/coldstarts?groupBy=function`,
        route(app.apiUrl, `/api/coldstarts?${range}&groupBy=function`),
        10,
        150,
      ),
      await timeCalls(
        `GET /api/coldstarts?groupBy=memory`,
        route(app.apiUrl, `/api/coldstarts?${range}&groupBy=memory`),
        10,
        150,
      ),
      await timeCalls(
        `GET /api/functions/:id/timeseries`,
        route(app.apiUrl, `/api/functions/${encodeURIComponent(fn)}/timeseries?${range}`),
        10,
        150,
      ),
      await timeCalls(
        `GET /api/functions/:id/invocations`,
        route(app.apiUrl, `/api/functions/${encodeURIComponent(fn)}/invocations?${range}`),
        10,
        150,
      ),
      ...(await fleetPageStages(app, '24 h', fromMs, toMs, 10)),
      await timeCalls(PLAIN_MINUTES, plain.minutes),
      await timeCalls('engine: the same over whole hours + edge minutes', plain.hoursAndEdges),
      await timeCalls('engine: the same over hours + five minutes + minutes', plain.threeLevels),
      await timeCalls(
        'SQL before issue 11: window choice over the minute rows',
        plain.windowChoice,
      ),
      await timeCalls(
        'engine: raw invocations, exact quantiles',
        sql(
          client,
          `SELECT function_id, count(), countIf(cold_start = 1),
                  quantilesExact(0.5, 0.95, 0.99)(duration_us)
           FROM invocations
           WHERE start_time >= fromUnixTimestamp64Milli({from:Int64})
             AND start_time < fromUnixTimestamp64Milli({to:Int64})
           GROUP BY function_id`,
          { from: fromMs, to: toMs },
        ),
      ),
    ];
    return [
      `narrow fleet: ${fmt(raw)} invocations (${fmt(aggregated)} in function_minutes), ${NARROW_FUNCTIONS} functions, one source, 24 h; ${fmt(minuteRows)} minute rows, ${fmt(hourRows)} hour rows; ${historyText(historyRows, history)}; generated in ${fmt(generatedS, 1)} s; load average ${load.toFixed(2)} before timing, ${loadavg()[0].toFixed(2)} after`,
      table('', rows),
      // The issue's 115 ms is of the full fleet's 10 M invocations.
      ...(scale === 1
        ? [
            scaledToIssueMachine(
              rows,
              rows.find((r) => r.name === PLAIN_MINUTES)!,
            ),
          ]
        : []),
    ].join('\n');
  } finally {
    await app.stop();
  }
}

/**
 * A route called back to back while the app's analyses run over the same fleet, as each of their
 * scheduled ticks does (FLEETSCOPE_ANALYSIS_CRON). The embedded engine runs one query at a time,
 * so a call waits behind the run's queries: no bound, the figure behind the schedule's advice.
 */
async function besideAnalysisRun(
  app: RunningFleetscope,
  call: () => Promise<unknown>,
): Promise<string> {
  const runner = app.app.get(AnalysisRunner, { strict: false });
  const started = performance.now();
  let done = false;
  const run = runner.run().finally(() => {
    done = true;
  });
  const ms: number[] = [];
  while (!done) {
    const t = performance.now();
    await call();
    ms.push(performance.now() - t);
  }
  await run;
  const runS = (performance.now() - started) / 1000;
  return `beside an analysis run of ${fmt(runS, 1)} s, the 7-day fleet page called ${ms.length} times back to back: p50 ${fmt(percentile(ms, 50))} ms, p95 ${fmt(percentile(ms, 95))} ms, slowest ${fmt(Math.max(...ms))} ms (no bound)`;
}

async function runWide(scale: number, history: History | undefined): Promise<string> {
  const app = await startFleetscope(WIDE_APP_ENV);
  try {
    const client = app.clickhouse.client;
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const weekFrom = toMs - 7 * DAY_MS;
    const dayFrom = toMs - DAY_MS;
    const fleet = weekFleet(weekFrom, scale);
    const g0 = performance.now();
    await insertMinuteFleet(client, fleet);
    await insertFleetInventory(client, fleet);
    const historyRows = history ? await insertSettingsHistory(client, weekFrom, toMs, history) : 0;
    // The rows went around the writer: make the source choice of their hours as each flush would.
    const c0 = performance.now();
    const twoSources = (
      (await sql(
        client,
        `SELECT function_id FROM function_day_sources GROUP BY function_id HAVING uniqExact(source) > 1`,
      )()) as [string][]
    ).map(([id]) => id);
    const weekHours = Array.from(
      { length: 7 * 24 + 1 },
      (_, i) => weekFrom / 1000 - 3600 + i * 3600,
    );
    for (let day = 0; day < weekHours.length; day += 24) {
      const hours = weekHours.slice(day, day + 24).map((h) => Math.floor(h / 3600) * 3600);
      await rebuildChosenHours(client, { functionIds: twoSources, hours });
    }
    const choiceS = (performance.now() - c0) / 1000;
    await settleMerges(client);
    await holdMerges(client);
    const generatedS = (performance.now() - g0) / 1000;
    const functions = await scalar(client, `SELECT uniqExact(function_id) FROM function_minutes`);
    const minuteRows = await scalar(client, `SELECT count() FROM function_minutes`);
    const hourRows = await scalar(client, `SELECT count() FROM function_hours`);
    const week = `from=${weekFrom}&to=${toMs}`;
    const day = `from=${dayFrom}&to=${toMs}`;
    const fn = encodeURIComponent(`${WEEK_FLEET_ACCOUNT}~steady-00007`);
    const plainWeek = plainAggregates(client, weekFrom, toMs);
    const plainDay = plainAggregates(client, dayFrom, toMs);
    const partsBefore = await activeParts(client);
    const load = loadavg()[0];
    const calls = 5;
    const rows = [
      await timeCalls(
        'GET /api/functions, 7 days',
        route(app.apiUrl, `/api/functions?${week}`),
        calls,
        300,
      ),
      await timeCalls(
        'GET /api/functions, 24 h',
        route(app.apiUrl, `/api/functions?${day}`),
        calls,
        300,
      ),
      // As a browser asks: the answer compressed (Brotli at quality 1, 7.6 MB to ~0.2 MB).
      await timeCalls(
        'GET /api/functions, 24 h, Brotli (as a browser asks)',
        route(app.apiUrl, `/api/functions?${day}`, BROWSER_ENCODINGS),
        calls,
        300,
      ),
      await timeCalls(
        'GET /api/coldstarts?groupBy=function, 7 days',
        route(app.apiUrl, `/api/coldstarts?${week}&groupBy=function`),
        calls,
        300,
      ),
      await timeCalls(
        'GET /api/coldstarts?groupBy=function, 24 h',
        route(app.apiUrl, `/api/coldstarts?${day}&groupBy=function`),
        calls,
        300,
      ),
      await timeCalls(
        'GET /api/coldstarts?groupBy=function, 24 h, Brotli',
        route(app.apiUrl, `/api/coldstarts?${day}&groupBy=function`, BROWSER_ENCODINGS),
        calls,
        300,
      ),
      await timeCalls(
        'GET /api/functions/:id/timeseries, 7 days',
        route(app.apiUrl, `/api/functions/${fn}/timeseries?${week}`),
        calls,
        300,
      ),
      ...(await fleetPageStages(app, '7 days', weekFrom, toMs, calls)),
      ...(await fleetPageStages(app, '24 h', dayFrom, toMs, calls)),
      await timeCalls('engine: 7 days, whole hours + edge minutes', plainWeek.hoursAndEdges, calls),
      await timeCalls('engine: 7 days, GROUP BY over function_minutes', plainWeek.minutes, calls),
      await timeCalls('engine: 24 h, whole hours + edge minutes', plainDay.hoursAndEdges, calls),
      await timeCalls('engine: 24 h, hours + five minutes + minutes', plainDay.threeLevels, calls),
      await timeCalls(
        'engine: 7 days, hours + five minutes + minutes',
        plainWeek.threeLevels,
        calls,
      ),
      await timeCalls(
        'SQL before issue 11, 24 h: window choice over minutes',
        plainDay.windowChoice,
        calls,
      ),
      await timeCalls('engine: 24 h, GROUP BY over function_minutes', plainDay.minutes, calls),
    ];
    return [
      `wide fleet: ${fmt(functions)} functions × 7 days straight into function_minutes; ${fmt(minuteRows)} minute rows, ${fmt(hourRows)} hour rows; ${historyText(historyRows, history)}; generated in ${fmt(generatedS, 1)} s (the source choice of ${fmt(twoSources.length)} two-source functions' hours: ${fmt(choiceS, 1)} s); load average ${load.toFixed(2)} before timing, ${loadavg()[0].toFixed(2)} after; active parts (minutes, five minutes, hours, days) ${partsBefore} before timing, ${await activeParts(client)} after`,
      // The page of an account past the first duration tier reads the month's days before its
      // range: its figures depend on the day of the month the bench runs (BENCHMARKS.md).
      `ranges: 7 days from ${new Date(weekFrom).toISOString()}, 24 h from ${new Date(dayFrom).toISOString()} (day ${new Date(dayFrom).getUTCDate()} of its month: the days of the month before a range are read to place it in Lambda's duration tiers)`,
      table('', rows),
      // Last: the run writes recommendations and leaves the engine's caches as it leaves them.
      await besideAnalysisRun(app, route(app.apiUrl, `/api/functions?${week}`)),
    ].join('\n');
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      fleet: { type: 'string' },
      'settings-history': { type: 'string', default: 'heavy' },
    },
  });
  const history = values['settings-history'] ?? 'heavy';
  if (history !== 'off' && !(history in HISTORIES))
    throw new Error(`--settings-history: expected heavy, typical or off, got ${history}`);
  const kind = history === 'off' ? undefined : (history as History);
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1))
    throw new Error(`--scale: expected a number in (0, 1], got ${values.scale}`);
  if (values.fleet !== undefined && values.fleet !== 'narrow' && values.fleet !== 'wide')
    throw new Error(`--fleet: expected narrow or wide, got ${values.fleet}`);
  if (process.env[FLEET_CHILD] && values.fleet) {
    const report =
      values.fleet === 'narrow' ? await runNarrow(scale, kind) : await runWide(scale, kind);
    agent.destroy();
    process.stdout.write(`${report}\n\n`);
    return;
  }
  process.stdout.write(
    `bench:api, scale ${scale}; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, embedded ClickHouse (chDB), Node ${process.version}; the app's scheduled analyses and reports held off (QUIET_SCHEDULES)\n\n`,
  );
  // One process per fleet (chDB keeps one data directory per process), with npm start's Node
  // flags and environment: the server timed is configured as npm start runs it.
  const start = npmStartCommand();
  const startFlags = start.args.filter((arg) => arg.startsWith('--'));
  for (const fleet of values.fleet ? [values.fleet] : ['narrow', 'wide']) {
    const child = spawnSync(
      process.execPath,
      [
        ...startFlags,
        ...process.execArgv,
        __filename,
        '--fleet',
        fleet,
        '--scale',
        String(scale),
        '--settings-history',
        history,
      ],
      { stdio: 'inherit', env: { ...process.env, ...start.env, [FLEET_CHILD]: '1' } },
    );
    if (child.status !== 0) throw new Error(`the ${fleet} fleet failed (exit ${child.status})`);
  }
}

function historyText(rows: number, history: History | undefined): string {
  return history
    ? `${history} settings history, ${fmt(rows)} rows (insertSettingsHistory)`
    : 'no settings history';
}

/** Set in the process that runs one fleet. */
const FLEET_CHILD = 'BENCH_API_FLEET_CHILD';

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
