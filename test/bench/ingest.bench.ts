/**
 * OTLP trace ingest benchmark (issue 3, "Benchmark"): realistic Lambda spans posted as
 * OTLP/protobuf batches of 512 by concurrent clients into the real all-in-one Fleetscope with its
 * embedded ClickHouse, which runs in a child process (so the RSS printed is the server's).
 * Run: npm run bench:ingest   (knobs: BENCH_FUNCTIONS, BENCH_BATCHES, BENCH_CONCURRENCY,
 * BENCH_OVERLOAD_BATCHES, BENCH_OVERLOAD_CONCURRENCY, BENCH_FLUSH_INTERVAL_MS (the app's default,
 * 50), BENCH_SERVER_MAX_OLD_SPACE_MB (none by default, as `npm start`); BENCH_CPU_PROF=1 profiles
 * the server; FLEETSCOPE_* variables are passed to the server)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeTracesProtobuf,
  encodeTraceRequestProtobuf,
  isDecodeError,
  normaliseTraces,
  type OtlpTraceRequest,
} from '@fleetscope/otlp';
// The writer's own row encoders are internal to @fleetscope/storage (not in its index); the
// benchmark must measure exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { INVOCATIONS, SPANS } from '../../libs/storage/src/writer/row-columns';
import { AppProcess, type RawInsertResult } from './support/app-process';
import {
  FigureTable,
  coreFigure,
  fmt,
  knob,
  mib,
  percentile,
  throughput,
  type Throughput,
} from './support/bench-figures';
import { FaasTraceGenerator } from './support/faas-trace.generator';
import type { LoadRequest } from './support/http-load.driver';
import { LambdaFleet } from './support/lambda-fleet';
import { printPhase, runPhase } from './support/load-phase';
import { writeRequestFile } from './support/request-file';
import { countRows, printFootprint, tableFootprint } from './support/storage-probe';

const FUNCTIONS = knob('FUNCTIONS', 500);
const BATCHES = knob('BATCHES', 400);
const CONCURRENCY = knob('CONCURRENCY', 32);
const OVERLOAD_BATCHES = knob('OVERLOAD_BATCHES', 200);
const OVERLOAD_CONCURRENCY = knob('OVERLOAD_CONCURRENCY', 128);
const SPANS_PER_BATCH = 512;
const RESOURCES_PER_BATCH = 8;
const SEED = 20_260_301;
const PHASE_LIMIT_MS = 50_000;
const FLUSH_INTERVAL_MS = knob('FLUSH_INTERVAL_MS', 50);
const MAX_OLD_SPACE_MB = knob('SERVER_MAX_OLD_SPACE_MB', 0);

/** What @clickhouse/client does with JSONCompactEachRow values: one JSON line per row. */
function serialise(rows: unknown[][]): number {
  let body = '';
  for (const row of rows) body += JSON.stringify(row) + '\n';
  return body.length;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const perCore = (t: Throughput): string =>
  `${fmt(t.perSecond)} spans/s on one core (CPU/wall ${fmt(t.cpuPerWall, 2)}${t.cpuPerWall < 0.9 ? ': PREEMPTED, understated' : ''}; median step without GC ${fmt(t.medianStep)}/s)`;

async function main(): Promise<void> {
  const figures = new FigureTable();
  const scratch = mkdtempSync(join(tmpdir(), 'fleetscope-bench-'));
  console.log(
    `bench:ingest — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load()}\n` +
      `${FUNCTIONS} functions; steady: ${BATCHES} batches x ${SPANS_PER_BATCH} spans from ${CONCURRENCY} clients; ` +
      `overload: ${OVERLOAD_BATCHES} more batches from ${OVERLOAD_CONCURRENCY} clients`,
  );

  // Data: OTLP/protobuf bodies as the Lambda layer (through a gateway collector) sends them.
  const baseTimeMs = Date.now() - 15 * 60_000;
  const fleet = new LambdaFleet({ functions: FUNCTIONS, seed: SEED, baseTimeMs });
  const generator = new FaasTraceGenerator({
    fleet,
    seed: SEED,
    baseTimeMs,
    spansPerBatch: SPANS_PER_BATCH,
    resourcesPerBatch: RESOURCES_PER_BATCH,
  });
  let t0 = performance.now();
  const requests: LoadRequest[] = [];
  const invocationsOf: number[] = [];
  for (let i = 0; i < BATCHES + OVERLOAD_BATCHES; i++) {
    const batch = generator.batch(i);
    invocationsOf.push(batch.invocations);
    requests.push({
      path: '/v1/traces',
      body: Buffer.from(encodeTraceRequestProtobuf(batch.request)),
      headers: { 'content-type': 'application/x-protobuf' },
      items: batch.spans,
      index: i,
    });
  }
  const bodyBytes = requests.reduce((s, r) => s + r.body.length, 0) / requests.length;
  console.log(
    `generated ${requests.length} batches in ${fmt((performance.now() - t0) / 1000, 1)} s: ${fmt(bodyBytes / 1024, 1)} KiB each ` +
      `(${fmt(bodyBytes / SPANS_PER_BATCH)} B/span); per batch ${RESOURCES_PER_BATCH} functions, ${invocationsOf[0]} SERVER spans ` +
      `(invocations) + ${SPANS_PER_BATCH - invocationsOf[0]} DynamoDB CLIENT spans`,
  );

  // [1] The collector's own cost on this thread, no server running.
  console.log('\n[1] collector cost on one thread, storage left out');
  const bodies = requests.slice(0, 64).map((r) => r.body);
  const dn = throughput(
    4,
    (i) => {
      const req = decodeTracesProtobuf(bodies[i % bodies.length]);
      if (isDecodeError(req)) throw new Error(req.error);
      return normaliseTraces(req).spans.length;
    },
    1,
  );
  let jsonBytes = 0;
  const dns = throughput(4, (i) => {
    const req = decodeTracesProtobuf(bodies[i % bodies.length]);
    if (isDecodeError(req)) throw new Error(req.error);
    const n = normaliseTraces(req);
    jsonBytes =
      serialise(n.spans.map(SPANS.encode)) + serialise(n.invocations.map(INVOCATIONS.encode));
    return n.spans.length;
  });
  const decoded = bodies.map((b) => decodeTracesProtobuf(b) as OtlpTraceRequest);
  const normalised = decoded.map((d) => normaliseTraces(d));
  const decodeOnly = throughput(2, (i) => {
    decodeTracesProtobuf(bodies[i % bodies.length]);
    return SPANS_PER_BATCH;
  });
  const normaliseOnly = throughput(
    2,
    (i) => normaliseTraces(decoded[i % decoded.length]).spans.length,
  );
  const serialiseOnly = throughput(2, (i) => {
    const n = normalised[i % normalised.length];
    serialise(n.spans.map(SPANS.encode));
    serialise(n.invocations.map(INVOCATIONS.encode));
    return n.spans.length;
  });
  console.log(
    `  decode + normalise:             ${perCore(dn)}\n` +
      `  decode + normalise + serialise: ${perCore(dns)}; ${fmt(jsonBytes / SPANS_PER_BATCH)} B of JSONCompactEachRow per span (its invocation row included)\n` +
      `  alone: protobuf decode ${fmt(decodeOnly.perSecond)}, normalise ${fmt(normaliseOnly.perSecond)}, ` +
      `row encode + JSON ${fmt(serialiseOnly.perSecond)} spans/s on one core`,
  );
  figures.check(
    'decode + normalise, one core (spans/s)',
    dn.perSecond,
    200_000,
    true,
    coreFigure(dn),
    '>= 200,000',
  );
  figures.add('decode + normalise + serialise, one core (spans/s)', coreFigure(dns));

  // [2] The real app in a child process.
  const cpuProfDir = process.env.BENCH_CPU_PROF
    ? mkdtempSync(join(tmpdir(), 'fleetscope-bench-prof-'))
    : undefined;
  t0 = performance.now();
  // FLEETSCOPE_* variables set for the bench reach the server (e.g. FLEETSCOPE_EMBEDDED_MEMORY_MB).
  const appEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0].startsWith('FLEETSCOPE_') && e[1] !== undefined,
    ),
  );
  const app = await AppProcess.start(
    { ...appEnv, FLEETSCOPE_FLUSH_INTERVAL_MS: String(FLUSH_INTERVAL_MS) },
    { cpuProfDir, maxOldSpaceMb: MAX_OLD_SPACE_MB },
  );
  try {
    const ready = app.ready;
    const idle = await app.call<{ rss: number }>({ cmd: 'memory', reset: true });
    console.log(
      `\n[2] Fleetscope up in ${fmt((performance.now() - t0) / 1000, 1)} s in child pid ${app.pid} (embedded ClickHouse in ${ready.dataDir}; ` +
        `writer flushes at ${ready.flushRows} rows or ${ready.flushIntervalMs} ms, queue bound ${mib(ready.maxQueueBytes)}` +
        `${MAX_OLD_SPACE_MB ? `, --max-old-space-size=${MAX_OLD_SPACE_MB}` : ''}); idle RSS ${mib(idle.rss)}`,
    );
    const steady = await runPhase(app, requests.slice(0, BATCHES), CONCURRENCY, PHASE_LIMIT_MS);
    printPhase(`steady, ${CONCURRENCY} clients`, steady, 'spans');
    const overload = await runPhase(
      app,
      requests.slice(BATCHES),
      OVERLOAD_CONCURRENCY,
      PHASE_LIMIT_MS,
    );
    printPhase(`overload, ${OVERLOAD_CONCURRENCY} clients`, overload, 'spans');

    // [3] Nothing lost: what was acknowledged is stored, once.
    await app.call({ cmd: 'flush' });
    const acked = [...steady.load.acked, ...overload.load.acked];
    const ackedSpans = steady.load.ackedItems + overload.load.ackedItems;
    const ackedInvocations = acked.reduce((s, r) => s + invocationsOf[r.index], 0);
    const storedSpans = await countRows(app, 'spans');
    const storedInvocations = await countRows(app, 'invocations', "source = 'otel_span'");
    const lost = storedSpans !== ackedSpans || storedInvocations !== ackedInvocations;
    console.log(
      `\n[3] stored ${storedSpans} spans of ${ackedSpans} acknowledged, ${storedInvocations} invocations of ${ackedInvocations} acknowledged SERVER spans` +
        (lost ? '  <-- MISMATCH' : ''),
    );
    const spansFootprint = await tableFootprint(app, 'spans');
    printFootprint(spansFootprint, 'span');
    const invFootprint = await tableFootprint(app, 'invocations');
    printFootprint(invFootprint, 'invocation');
    const bytesPerSpan = spansFootprint.compressedBytes / spansFootprint.rows;

    // [4] The raw engine rate: the steady phase's bodies again, rows straight into the emptied
    // tables. Best of two runs (the cores are shared, so a run can be slowed by others).
    const file = join(scratch, 'steady.requests');
    writeRequestFile(
      file,
      steady.load.acked.map((r) => ({ route: 'traces', region: '', body: r.body })),
    );
    const runs: { raw: RawInsertResult; stored: number }[] = [];
    for (let run = 0; run < 2; run++) {
      for (const table of ['spans', 'invocations', 'function_minutes', 'function_hours']) {
        await app.call({ cmd: 'exec', sql: `TRUNCATE TABLE ${table}` });
      }
      const raw = await app.call<RawInsertResult>({
        cmd: 'raw',
        job: { file, flushRows: ready.flushRows, tables: ['spans', 'invocations'] },
      });
      runs.push({ raw, stored: await countRows(app, 'spans') });
    }
    const rates = runs.map(({ raw }) => (raw.rows.spans ?? 0) / raw.seconds);
    const rawRate = Math.max(...rates);
    const { raw, stored: rawStored } = runs[rates.indexOf(rawRate)];
    console.log(
      `\n[4] raw engine: ${fmt(raw.rows.spans ?? 0)} spans + ${fmt(raw.rows.invocations ?? 0)} invocation rows, ${raw.inserts} inserts of up to ` +
        `${fmt(ready.flushRows)} rows (JSONCompactEachRow, the two tables in parallel) in ${fmt(raw.seconds, 2)} s = ${fmt(rawRate)} spans/s ` +
        `(best of ${rates.map((r) => fmt(r)).join(' and ')}; ${rawStored} stored; rows rebuilt in ${fmt(raw.prepareSeconds, 1)} s, not timed)`,
    );

    const e2e = steady.load.ackedItems / steady.load.seconds;
    figures.add('end-to-end, steady (spans/s stored)', fmt(e2e));
    figures.add(
      'request latency p50 / p99, steady (ms)',
      `${fmt(percentile(steady.load.okLatenciesMs, 50), 1)} / ${fmt(percentile(steady.load.okLatenciesMs, 99), 1)}`,
    );
    figures.add(
      'end-to-end, overload (spans/s stored)',
      fmt(overload.load.ackedItems / overload.load.seconds),
    );
    figures.add('raw engine, same rows (spans/s)', fmt(rawRate));
    figures.check('end-to-end / raw', e2e / rawRate, 0.6, true, fmt(e2e / rawRate, 2), '>= 0.60');
    figures.add('server RSS idle / peak steady', `${mib(idle.rss)} / ${mib(steady.peakRss)}`);
    figures.check(
      'server peak RSS under overload',
      overload.peakRss,
      768 * 1048576,
      false,
      mib(overload.peakRss),
      '<= 768 MiB',
    );
    const atPeak = overload.memoryAtPeak;
    figures.add(
      'at the overload peak: engine tracked / jemalloc resident / V8 heap / code',
      `${mib(atPeak.engine.tracked)} / ${mib(atPeak.engine.jemallocResident)} / ${mib(atPeak.heapTotal)} / ${mib(atPeak.rssFile)}`,
    );
    figures.add(
      '429/503 answers under overload (all retried)',
      String(overload.load.throttled429 + overload.load.unavailable503),
    );
    figures.check(
      'stored bytes per span (after OPTIMIZE FINAL)',
      bytesPerSpan,
      100,
      false,
      fmt(bytesPerSpan, 1),
      '<= 100',
    );
    figures.add(
      'stored bytes per invocation (otel_span rows)',
      fmt(invFootprint.compressedBytes / invFootprint.rows, 1),
    );
    figures.add(
      'stored = acknowledged',
      `${storedSpans}/${ackedSpans} spans, ${storedInvocations}/${ackedInvocations} invocations`,
      'equal',
      lost ? 'MISSED' : 'ok',
    );
    figures.print('bench:ingest (server in a child process; RSS = its kernel VmHWM)');
    console.log(`load average at the end: ${load()} (the cores are shared with other processes)`);
  } finally {
    await app.stop();
    rmSync(scratch, { recursive: true, force: true });
    if (cpuProfDir) console.log(`server CPU profile (.cpuprofile) in ${cpuProfDir}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
