/**
 * Azure Functions trace import benchmark (issue 12, "Benchmark"): a generated day of 1,000
 * functions in the published 2019 schema (invocation counts by minute, duration and memory
 * percentiles) imported with `fleetscope import azure-functions` into the real all-in-one
 * Fleetscope (child process, embedded ClickHouse); then the same rows inserted straight into the
 * engine. Run: npm run bench:import   (knobs: BENCH_FUNCTIONS, BENCH_INVOCATIONS)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SeededRandom } from '@fleetscope/model';
import { encodeTraceRequestProtobuf } from '@fleetscope/otlp';
import {
  readDurationPercentiles,
  readInvocationCounts,
  readMemoryPercentiles,
  synthesiseAzure2019,
} from '@fleetscope/traces';
import { importAzureFunctions } from '@fleetscope/cli';
import { AppProcess, type RawInsertResult } from './support/app-process';
import { fmt } from './support/bench-figures';
import { writeRequestFile } from './support/request-file';
import { countRows } from './support/storage-probe';

const FUNCTIONS = Number(process.env.BENCH_FUNCTIONS ?? 1000);
const INVOCATIONS = Number(process.env.BENCH_INVOCATIONS ?? 300_000);
const MINUTES = 1440;
const DAY_MS = Date.parse('2026-12-01T00:00:00Z');
const TRIGGERS = ['http', 'timer', 'event', 'queue', 'storage', 'orchestration', 'others'];

const hex = (r: SeededRandom) => r.hex(32);

/**
 * Rates spread over orders of magnitude as in the trace (most functions rare, a few busy): each
 * function's share is log-uniform; its invocations fall in random minutes, timers periodic.
 */
function generate(dir: string): { invocations: string; durations: string; memory: string } {
  const r = new SeededRandom(12);
  const weights = Array.from({ length: FUNCTIONS }, () => Math.exp(r.next() * 12));
  const sum = weights.reduce((a, b) => a + b, 0);
  const header = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger'];
  const inv = [[...header, ...Array.from({ length: MINUTES }, (_, m) => String(m + 1))].join(',')];
  const dur = [
    'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100',
  ];
  const mem = [
    'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100',
  ];
  let owner = hex(r);
  let app = hex(r);
  for (let f = 0; f < FUNCTIONS; f++) {
    if (f % 3 === 0) {
      if (f % 9 === 0) owner = hex(r);
      app = hex(r);
      const base = 100 + r.int(200);
      mem.push(
        [
          owner,
          app,
          1000,
          base,
          base - 40,
          base - 30,
          base - 10,
          base,
          base + 10,
          base + 40,
          base + 60,
          base + 150,
        ].join(','),
      );
    }
    const counts = new Array<number>(MINUTES).fill(0);
    const n = Math.max(1, Math.round((INVOCATIONS * weights[f]) / sum));
    const trigger = r.pick(TRIGGERS);
    if (trigger === 'timer') {
      const period = Math.max(1, Math.floor(MINUTES / n));
      for (let m = 0; m < MINUTES && n > 0; m += period) counts[m]++;
    } else {
      for (let i = 0; i < n; i++) counts[r.int(MINUTES)]++;
    }
    const func = hex(r);
    inv.push([owner, app, func, trigger, ...counts].join(','));
    const p50 = Math.round(r.logNormal(200, 1.5)) + 1;
    dur.push(
      [
        owner,
        app,
        func,
        p50,
        n,
        1,
        p50 * 30,
        1,
        Math.ceil(p50 / 4),
        Math.ceil(p50 / 2),
        p50,
        p50 * 2,
        p50 * 8,
        p50 * 30,
      ].join(','),
    );
  }
  const paths = {
    invocations: join(dir, 'invocations_per_function_md.anon.d01.csv'),
    durations: join(dir, 'function_durations_percentiles.anon.d01.csv'),
    memory: join(dir, 'app_memory_percentiles.anon.d01.csv'),
  };
  writeFileSync(paths.invocations, inv.join('\n'));
  writeFileSync(paths.durations, dur.join('\n'));
  writeFileSync(paths.memory, mem.join('\n'));
  return paths;
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `bench:import — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load()}`,
  );
  const scratch = mkdtempSync(join(tmpdir(), 'fleetscope-bench-import-'));
  const files = generate(scratch);
  const options = {
    ...files,
    dayStartMs: DAY_MS,
    seed: 1,
    batchSpans: 5000,
    concurrency: 6,
  };

  // [1] Reading, checking and synthesising alone, one core: the importer's own cost.
  const t0 = performance.now();
  const counts = await readInvocationCounts(
    Readable.from([await readFile(files.invocations)]),
    'f',
  );
  const durations = await readDurationPercentiles(
    Readable.from([await readFile(files.durations)]),
    'd',
  );
  const memory = await readMemoryPercentiles(Readable.from([await readFile(files.memory)]), 'm');
  const t1 = performance.now();
  const bodies: Buffer[] = [];
  let spans = 0;
  for (const batch of synthesiseAzure2019(counts.rows, durations, memory, options)) {
    bodies.push(Buffer.from(encodeTraceRequestProtobuf(batch.request)));
    spans += batch.spans;
  }
  const t2 = performance.now();
  console.log(
    `\n[1] ${FUNCTIONS} functions × ${MINUTES} minutes, ${fmt(spans)} invocations: read + checked in ${fmt((t1 - t0) / 1000, 2)} s; ` +
      `synthesised + encoded at ${fmt(spans / ((t2 - t1) / 1000))} invocations/s (one core, ${bodies.length} requests)`,
  );

  const app = await AppProcess.start({ FLEETSCOPE_LOG_LEVEL: 'warn' });
  try {
    // [2] End to end: files → CLI import → OTLP/HTTP → collector → ClickHouse, until stored.
    const started = performance.now();
    const summary = await importAzureFunctions(options, {
      apiUrl: 'http://127.0.0.1:1',
      ingestUrl: app.ingestUrl,
    });
    await app.call({ cmd: 'flush' });
    const seconds = (performance.now() - started) / 1000;
    const stored = await countRows(app, 'invocations');
    const e2e = summary.invocations / seconds;
    console.log(
      `[2] end to end: ${fmt(summary.invocations)} invocations in ${summary.requests} requests, ${fmt(seconds, 1)} s = ${fmt(e2e)} invocations/s ` +
        `(stored ${fmt(stored)}${stored === summary.invocations ? '' : ' <-- MISMATCH'}; load average ${load()})`,
    );

    // [3] The raw engine: the same bodies, decoded and inserted straight into the emptied tables.
    const file = join(scratch, 'import.requests');
    writeRequestFile(
      file,
      bodies.map((body) => ({ route: 'traces', region: '', body })),
    );
    const rates: number[] = [];
    for (let run = 0; run < 2; run++) {
      for (const table of ['spans', 'invocations', 'function_minutes', 'function_hours']) {
        await app.call({ cmd: 'exec', sql: `TRUNCATE TABLE ${table}` });
      }
      const raw = await app.call<RawInsertResult>({
        cmd: 'raw',
        job: { file, flushRows: app.ready.flushRows, tables: ['spans', 'invocations'] },
      });
      rates.push((raw.rows.invocations ?? 0) / raw.seconds);
    }
    const rawRate = Math.max(...rates);
    console.log(
      `[3] raw engine, same rows (spans + invocations, ${fmt(app.ready.flushRows)}-row inserts): ${fmt(rawRate)} invocations/s (best of ${rates.map((r) => fmt(r)).join(' and ')})`,
    );
    console.log(`\nend to end / raw: ${fmt(e2e / rawRate, 2)}; load average ${load()}`);
  } finally {
    await app.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function readFile(path: string): Promise<Buffer> {
  const { readFile: read } = await import('node:fs/promises');
  return read(path);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
