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
import { defaultAnalyzers, runAnalyzers } from '@fleetscope/analysis';
import {
  AnalysisRunner,
  accountMonthlyGbSeconds,
  assembleAnalysisInputs,
  configuredCatalogue,
} from '@fleetscope/analysis-jobs';
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

/** Wall and CPU time (this process: JavaScript and the embedded engine's threads). */
async function measure<T>(
  fn: () => Promise<T> | T,
): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const start = Date.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: Date.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const figures = (m: { wallMs: number; cpuMs: number }) =>
  `${seconds(m.wallMs).padStart(8)} wall  ${seconds(m.cpuMs).padStart(8)} CPU`;

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
    const first = await measure(() => runner.run({ nowMs: toMs }));
    const summary = first.value;

    // The same stages again (warm), each with its CPU time, to show where a run's time goes.
    const window = { fromMs, toMs };
    const stats = await measure(() => inputs.windowStats(window));
    const concurrency = await measure(() => inputs.concurrencyProfiles(window));
    const inventory = await measure(() => configs.merged());
    const assembled = assembleAnalysisInputs(
      new Map(
        [...stats.value].map(([id, s]) => [
          id,
          { stats: s, concurrency: concurrency.value.get(id) ?? null },
        ]),
      ),
      inventory.value,
    );
    const catalogue = configuredCatalogue(config);
    const maths = await measure(() =>
      runAnalyzers(defaultAnalyzers(), assembled, {
        catalogue,
        at: new Date(toMs),
        monthlyGbSecondsBefore: accountMonthlyGbSeconds(assembled),
      }),
    );
    const results = new RecommendationsRepository(handle);
    const store = await measure(() =>
      results.saveRun(
        {
          runId: 'bench-warm',
          startedAtMs: toMs,
          finishedAtMs: toMs,
          windowFromMs: fromMs,
          windowToMs: toMs,
          status: 'ok',
          message: 'bench',
          recommendations: maths.value.recommendations.length,
          catalogueVersion: catalogue.version,
        },
        maths.value.recommendations,
      ),
    );
    const warmTotal = [stats, concurrency, inventory, maths, store].reduce(
      (sum, m) => ({ wallMs: sum.wallMs + m.wallMs, cpuMs: sum.cpuMs + m.cpuMs }),
      { wallMs: 0, cpuMs: 0 },
    );

    const t = summary.timings;
    const lines = [
      '',
      `fleet: ${rows.functions.toLocaleString('en')} functions, ${rows.minutes.toLocaleString('en')} function-minute rows, ${rows.hours.toLocaleString('en')} function-hour rows, ${Math.round(rows.invocations / 1e6).toLocaleString('en')} M invocations (generated in ${seconds(generateMs)}, background merges settled in ${seconds(settleMs)})`,
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, embedded ClickHouse (chDB); load average before the run ${loadBefore.toFixed(2)}, after ${loadavg()[0].toFixed(2)}`,
      '',
      'analysis run (AnalysisRunner.run, what POST /api/analyses/run and the schedule call):',
      `  input SQL (aggregates + inventory)        ${seconds(t.inputsMs).padStart(8)} wall`,
      `  maths (${summary.functions} functions × 4 analyzers)   ${seconds(t.analysisMs).padStart(8)} wall`,
      `  storing ${summary.recommendations} recommendations          ${seconds(t.storeMs).padStart(8)} wall`,
      `  total                                     ${figures({ wallMs: t.totalMs, cpuMs: first.cpuMs })}  (target ≤ ${seconds(TARGET_MS)}: ${t.totalMs <= TARGET_MS ? 'met' : 'NOT met'})`,
      `  recommendations by kind: ${JSON.stringify(summary.byKind)}; analyzer failures: ${summary.failureCount}`,
      '',
      'the same stages again, warm:',
      `  input SQL: window stats (function_hours + edge minutes)  ${figures(stats)}`,
      `  input SQL: concurrency profiles (function_minutes)       ${figures(concurrency)}`,
      `  input SQL: inventory (function_configs)                  ${figures(inventory)}`,
      `  maths: runAnalyzers                                      ${figures(maths)}`,
      `  storing                                                  ${figures(store)}`,
      `  total                                                    ${figures(warmTotal)}`,
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
