/**
 * `npm run bench:analyze`: every analysis over a generated fleet of 10,000 Lambda functions × 7
 * days written straight into function_minutes of a fresh embedded ClickHouse (the materialized
 * view fills function_hours as in production). Times each stage of a run — input SQL, the maths,
 * storing — and prints the figures. Target: the whole run in ≤ 30 s on this machine.
 */
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { ClickHouseClient } from '@clickhouse/client';
import { defaultAnalyzers } from '@fleetscope/analysis';
import { AnalysisRunner, configuredCatalogue } from '@fleetscope/analysis-jobs';
import {
  AnalysisInputsRepository,
  FunctionConfigRepository,
  RecommendationsRepository,
  openAndMigrate,
} from '@fleetscope/storage';
import {
  insertFleetInventory,
  insertMinuteFleet,
  type MinuteFleet,
} from '../analysis/support/minute-fleet.generator';
import { testConfig } from '../support/test-clickhouse';

const TARGET_MS = 30_000;
const DAY_MS = 86_400_000;
const ACCOUNT = 'aws_lambda~123456789012~us-east-1';

/** Mostly idle functions, office-hours APIs, and a minority that is busy all the time. */
function fleet(startMs: number): MinuteFleet {
  return {
    startMs,
    minutes: 7 * 24 * 60,
    classes: [
      {
        id: `${ACCOUNT}~sporadic`,
        count: 7000,
        activity: { kind: 'random-minutes', perFunction: 100 },
        concurrency: 0.003,
        meanMs: 200,
        memoryMb: 512,
        maxMemoryUsedMb: 90,
        coldStartsPerMinute: 0.9,
        initMs: 450,
        timeoutMs: 6000,
      },
      {
        id: `${ACCOUNT}~office`,
        count: 2000,
        activity: { kind: 'business-hours', fromHour: 8, toHour: 18 },
        concurrency: 0.5,
        concurrencySpread: 4,
        meanMs: 120,
        memoryMb: 1024,
        maxMemoryUsedMb: 200,
        coldStartsPerMinute: 0.05,
        timeoutMs: 3000,
        architecture: 'arm64',
      },
      {
        id: `${ACCOUNT}~steady`,
        count: 900,
        activity: { kind: 'every-minute' },
        concurrency: 2,
        concurrencySpread: 20,
        meanMs: 80,
        memoryMb: 1769,
        maxMemoryUsedMb: 300,
        coldStartsPerMinute: 0.02,
        timeoutMs: 10_000,
        runtime: 'python3.12',
      },
      // Reported twice, by the Telemetry API and by OTel spans: one source per minute is read.
      ...(['lambda_telemetry', 'otel_span'] as const).map((source) => ({
        id: `${ACCOUNT}~traced`,
        count: 100,
        activity: { kind: 'every-minute' as const },
        concurrency: 5,
        meanMs: 150,
        memoryMb: 2048,
        maxMemoryUsedMb: 700,
        coldStartsPerMinute: 0.01,
        timeoutMs: 200,
        source,
      })),
    ],
  };
}

/** Waits until ClickHouse has no merge running (at most two minutes). */
async function settle(client: ClickHouseClient): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const result = await client.query({
      query: `SELECT count() AS n FROM system.merges WHERE database = currentDatabase()`,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    const [row] = await result.json<{ n: number }>();
    if (!row || row.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = Date.now();
  const value = await fn();
  return [value, Date.now() - start];
}

async function main(): Promise<void> {
  const config = testConfig({ FLEETSCOPE_LOG_LEVEL: 'warn' });
  const handle = await openAndMigrate(config);
  try {
    const toMs = Math.floor(Date.now() / 60_000) * 60_000;
    const fromMs = toMs - 7 * DAY_MS;
    const generated = fleet(fromMs);
    process.stdout.write(`generating 10,000 functions × 7 days into function_minutes …\n`);
    const [, generateMs] = await time(async () => {
      await insertMinuteFleet(handle.client, generated);
      await insertFleetInventory(handle.client, generated);
    });
    const counts = await handle.client.query({
      query: `SELECT (SELECT count() FROM function_minutes) AS minutes,
                     (SELECT count() FROM function_hours) AS hours,
                     (SELECT uniqExact(function_id) FROM function_minutes) AS functions,
                     (SELECT sum(invocations) FROM function_minutes WHERE source = 'lambda_telemetry') AS invocations`,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    const [rows] = await counts.json<{
      minutes: number;
      hours: number;
      functions: number;
      invocations: number;
    }>();

    // A freshly loaded week is still being merged in the background; a live deployment's data
    // was written over the week and is merged by the time the analyses read it.
    const [, settleMs] = await time(() => settle(handle.client));

    const inputs = new AnalysisInputsRepository(handle);
    const configs = new FunctionConfigRepository(handle);
    const runner = new AnalysisRunner(
      inputs,
      configs,
      new RecommendationsRepository(handle),
      config,
      configuredCatalogue(config),
      defaultAnalyzers(),
    );
    const loadBefore = loadavg()[0];
    const summary = await runner.run({ nowMs: toMs });

    // The input stage again, query by query (warm), to show where its time goes.
    const window = { fromMs, toMs };
    const [, statsMs] = await time(() => inputs.windowStats(window));
    const [, concurrencyMs] = await time(() => inputs.concurrencyProfiles(window));
    const [, inventoryMs] = await time(() => configs.merged());

    const t = summary.timings;
    const lines = [
      '',
      `fleet: ${rows.functions.toLocaleString('en')} functions, ${rows.minutes.toLocaleString('en')} function-minute rows, ${rows.hours.toLocaleString('en')} function-hour rows, ${Math.round(rows.invocations / 1e6).toLocaleString('en')} M invocations (generated in ${seconds(generateMs)}, background merges settled in ${seconds(settleMs)})`,
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, embedded ClickHouse (chDB); load average before the run ${loadBefore.toFixed(2)}, after ${loadavg()[0].toFixed(2)}`,
      '',
      'analysis run (POST /api/analyses/run does the same):',
      `  input SQL (aggregates + inventory)  ${seconds(t.inputsMs)}`,
      `  maths (${summary.functions} functions × 4 analyzers)  ${seconds(t.analysisMs)}`,
      `  storing ${summary.recommendations} recommendations  ${seconds(t.storeMs)}`,
      `  total                               ${seconds(t.totalMs)}  (target ≤ ${seconds(TARGET_MS)}: ${t.totalMs <= TARGET_MS ? 'met' : 'NOT met'})`,
      `  recommendations by kind: ${JSON.stringify(summary.byKind)}; analyzer failures: ${summary.failureCount}`,
      '',
      'input SQL query by query (second, warm run):',
      `  window stats (function_hours + edge minutes)  ${seconds(statsMs)}`,
      `  concurrency profiles (function_minutes)       ${seconds(concurrencyMs)}`,
      `  inventory (function_configs)                  ${seconds(inventoryMs)}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:analyze failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
