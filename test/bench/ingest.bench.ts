/**
 * OTLP trace ingest benchmark (issue 3, "Benchmark"): realistic Lambda spans posted as
 * OTLP/protobuf batches of 512 by concurrent clients into the real all-in-one Fleetscope with its
 * embedded ClickHouse, which runs in a child process (so the RSS printed is the server's).
 * Run: npm run bench:ingest   (knobs: BENCH_FUNCTIONS, BENCH_BATCHES, BENCH_CONCURRENCY,
 * BENCH_OVERLOAD_BATCHES, BENCH_OVERLOAD_CONCURRENCY, BENCH_CPU_PROF=1 to profile the server)
 */
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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
import { AppProcess, type RawInsertResult, type WriterStatsSnapshot } from './support/app-process';
import { FigureTable, fmt, knob, mib, percentile, throughput } from './support/bench-figures';
import { FaasTraceGenerator } from './support/faas-trace.generator';
import { runLoad, type LoadRequest, type LoadResult } from './support/http-load.driver';
import { LambdaFleet } from './support/lambda-fleet';
import { countRows, printFootprint, tableFootprint } from './support/storage-probe';

const FUNCTIONS = knob('FUNCTIONS', 500);
const BATCHES = knob('BATCHES', 400);
const CONCURRENCY = knob('CONCURRENCY', 8);
const OVERLOAD_BATCHES = knob('OVERLOAD_BATCHES', 240);
const OVERLOAD_CONCURRENCY = knob('OVERLOAD_CONCURRENCY', 128);
const SPANS_PER_BATCH = 512;
const RESOURCES_PER_BATCH = 8;
const SEED = 20_260_301;
const PHASE_LIMIT_MS = 60_000;

function serialise(rows: unknown[][]): number {
  // What @clickhouse/client does with JSONCompactEachRow values: one JSON line per row.
  let bytes = 0;
  let body = '';
  for (const row of rows) body += JSON.stringify(row) + '\n';
  bytes += body.length;
  return bytes;
}

function printLoad(label: string, r: LoadResult, unit: string): void {
  console.log(
    `  ${label}: ${r.acked.length} requests / ${fmt(r.ackedItems)} ${unit} acknowledged in ${fmt(r.seconds, 2)} s ` +
      `= ${fmt(r.ackedItems / r.seconds)} ${unit}/s; latency p50 ${fmt(percentile(r.okLatenciesMs, 50), 1)} ms, ` +
      `p99 ${fmt(percentile(r.okLatenciesMs, 99), 1)} ms (all attempts p99 ${fmt(percentile(r.allLatenciesMs, 99), 1)} ms); ` +
      `429: ${r.throttled429}, 503: ${r.unavailable503} (clients waited ${fmt(r.retryWaitSeconds)} s in Retry-After); ` +
      `unacknowledged: ${r.unacknowledged}`,
  );
  for (const [status, f] of Object.entries(r.failures))
    console.log(`  FAILED ${status} x${f.count}: ${f.sample}`);
}

function printWriter(s: WriterStatsSnapshot): void {
  const sizes = s.batchSizes;
  const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
  console.log(
    `  writer: ${s.insertBatches} inserts, rows ${JSON.stringify(s.insertedRows)}, mean rows/insert (last ${sizes.length}) ${fmt(mean)}, ` +
      `insert latency p50 ${fmt(percentile(s.insertLatenciesMs, 50))} ms p99 ${fmt(percentile(s.insertLatenciesMs, 99))} ms, ` +
      `failures ${s.insertFailures}, duplicates dropped ${s.duplicateInvocations}`,
  );
}

async function main(): Promise<void> {
  const figures = new FigureTable();
  console.log(
    `bench:ingest — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}); ` +
      `${FUNCTIONS} functions, ${BATCHES} batches x ${SPANS_PER_BATCH} spans from ${CONCURRENCY} clients, ` +
      `then overload: ${OVERLOAD_BATCHES} batches from ${OVERLOAD_CONCURRENCY} clients`,
  );

  // 1. Data: the same generator (and seed) the raw phase uses in the server process.
  const baseTimeMs = Date.now() - 15 * 60_000;
  const generatorOptions = {
    seed: SEED,
    functions: FUNCTIONS,
    baseTimeMs,
    spansPerBatch: SPANS_PER_BATCH,
    resourcesPerBatch: RESOURCES_PER_BATCH,
  };
  const fleet = new LambdaFleet({ functions: FUNCTIONS, seed: SEED, baseTimeMs });
  const generator = new FaasTraceGenerator({ ...generatorOptions, fleet });
  let t0 = performance.now();
  const total = BATCHES + OVERLOAD_BATCHES;
  const requests: LoadRequest[] = [];
  const sample: OtlpTraceRequest[] = [];
  let invocationsPerIndex: number[] = [];
  for (let i = 0; i < total; i++) {
    const batch = generator.batch(i);
    if (i < 16) sample.push(batch.request);
    invocationsPerIndex.push(batch.invocations);
    requests.push({
      path: '/v1/traces',
      body: Buffer.from(encodeTraceRequestProtobuf(batch.request)),
      headers: { 'content-type': 'application/x-protobuf' },
      items: batch.spans,
      index: i,
    });
  }
  invocationsPerIndex = [...invocationsPerIndex];
  const bodyBytes = requests.reduce((s, r) => s + r.body.length, 0) / requests.length;
  console.log(
    `generated ${total} OTLP/protobuf batches in ${fmt((performance.now() - t0) / 1000, 1)} s; ` +
      `${fmt(bodyBytes / 1024, 1)} KiB per batch (${fmt(bodyBytes / SPANS_PER_BATCH)} B/span), ` +
      `${invocationsPerIndex[0]} invocation (SERVER) spans + ${SPANS_PER_BATCH - invocationsPerIndex[0]} DynamoDB CLIENT spans per batch, ` +
      `${RESOURCES_PER_BATCH} functions per batch`,
  );

  // 2. The collector's own cost, on this thread, with no server running.
  console.log('\n[1] collector cost, one thread, storage left out');
  const bodies = requests.slice(0, 64).map((r) => r.body);
  const decodeNormalise = (i: number): number => {
    const req = decodeTracesProtobuf(bodies[i % bodies.length]);
    if (isDecodeError(req)) throw new Error(req.error);
    return normaliseTraces(req).spans.length;
  };
  const dn = throughput(4, decodeNormalise, 1);
  let serialisedBytes = 0;
  const dns = throughput(4, (i) => {
    const req = decodeTracesProtobuf(bodies[i % bodies.length]);
    if (isDecodeError(req)) throw new Error(req.error);
    const n = normaliseTraces(req);
    serialisedBytes =
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
    `  decode + normalise:             ${fmt(dn.perSecond)} spans/s (CPU/wall ${fmt(dn.cpuPerWall, 2)})\n` +
      `  decode + normalise + serialise: ${fmt(dns.perSecond)} spans/s (CPU/wall ${fmt(dns.cpuPerWall, 2)}; ` +
      `${fmt(serialisedBytes / SPANS_PER_BATCH)} B of JSONCompactEachRow per span incl. its invocation row)\n` +
      `  breakdown: protobuf decode ${fmt(decodeOnly.perSecond)}/s, normalise ${fmt(normaliseOnly.perSecond)}/s, ` +
      `row encode + JSON ${fmt(serialiseOnly.perSecond)}/s`,
  );
  figures.check(
    'decode + normalise (spans/s, one core)',
    dn.perSecond,
    200_000,
    true,
    fmt(dn.perSecond),
    '>= 200,000',
  );
  figures.add('decode + normalise + serialise (spans/s, one core)', fmt(dns.perSecond));

  // 3. The real app in a child process.
  const cpuProfDir = process.env.BENCH_CPU_PROF
    ? mkdtempSync(join(tmpdir(), 'fleetscope-bench-prof-'))
    : undefined;
  t0 = performance.now();
  const app = await AppProcess.start({ FLEETSCOPE_FLUSH_INTERVAL_MS: '250' }, { cpuProfDir });
  try {
    const ready = app.ready;
    console.log(
      `\n[2] Fleetscope started in ${fmt((performance.now() - t0) / 1000, 1)} s (child pid ${app.pid}, embedded ClickHouse in ${ready.dataDir}; ` +
        `flush ${ready.flushRows} rows / ${ready.flushIntervalMs} ms, queue bound ${mib(ready.maxQueueBytes)})`,
    );
    const idleRss = await app.call<number>({ cmd: 'rssPeak', reset: true });
    console.log(`  server RSS after start: ${mib(idleRss)}`);

    app.resetPeakRss();
    const steady = await runLoad(requests.slice(0, BATCHES), {
      baseUrl: app.ingestUrl,
      concurrency: CONCURRENCY,
      timeLimitMs: PHASE_LIMIT_MS,
    });
    const steadyPeak = Math.max(
      app.peakRssBytes(),
      await app.call<number>({ cmd: 'rssPeak', reset: true }),
    );
    printLoad(`steady, ${CONCURRENCY} clients`, steady, 'spans');
    printWriter(await app.call<WriterStatsSnapshot>({ cmd: 'writerStats' }));
    console.log(`  server peak RSS: ${mib(steadyPeak)}`);

    app.resetPeakRss();
    const overload = await runLoad(requests.slice(BATCHES), {
      baseUrl: app.ingestUrl,
      concurrency: OVERLOAD_CONCURRENCY,
      timeLimitMs: PHASE_LIMIT_MS,
    });
    const overloadPeak = Math.max(
      app.peakRssBytes(),
      await app.call<number>({ cmd: 'rssPeak', reset: true }),
    );
    printLoad(`overload, ${OVERLOAD_CONCURRENCY} clients`, overload, 'spans');
    console.log(`  server peak RSS under overload: ${mib(overloadPeak)}`);

    // 4. Nothing lost: everything acknowledged is stored, and only that.
    await app.call({ cmd: 'flush' });
    const ackedSpans = steady.ackedItems + overload.ackedItems;
    const ackedInvocations = [...steady.acked, ...overload.acked].reduce(
      (s, r) => s + invocationsPerIndex[r.index],
      0,
    );
    const storedSpans = await countRows(app, 'spans');
    const storedInvocations = await countRows(app, 'invocations', "source = 'otel_span'");
    console.log(
      `\n[3] stored: spans ${storedSpans} of ${ackedSpans} acknowledged; invocations ${storedInvocations} of ${ackedInvocations} SERVER spans acknowledged`,
    );
    const lost = storedSpans !== ackedSpans || storedInvocations !== ackedInvocations;

    // 5. Stored bytes after OPTIMIZE FINAL.
    const spansFootprint = await tableFootprint(app, 'spans');
    printFootprint(spansFootprint, 'span');
    const invFootprint = await tableFootprint(app, 'invocations');
    printFootprint(invFootprint, 'invocation');
    const bytesPerSpan = spansFootprint.compressedBytes / spansFootprint.rows;

    // 6. The raw engine rate, same rows, same tables (emptied first), same format and batch size.
    for (const table of ['spans', 'invocations', 'function_minutes', 'function_hours']) {
      await app.call({ cmd: 'exec', sql: `TRUNCATE TABLE ${table}` });
    }
    const raw = await app.call<RawInsertResult>({
      cmd: 'raw',
      job: {
        kind: 'traces',
        generator: generatorOptions,
        batches: steady.acked.map((r) => r.index).sort((a, b) => a - b),
        flushRows: ready.flushRows,
      },
    });
    const rawSpans = raw.rows.spans ?? 0;
    const rawRate = rawSpans / raw.seconds;
    const rawStored = await countRows(app, 'spans');
    console.log(
      `\n[4] raw engine: ${fmt(rawSpans)} spans + ${fmt(raw.rows.invocations ?? 0)} invocation rows in ${raw.inserts} inserts ` +
        `(${fmt(ready.flushRows)} rows per insert, JSONCompactEachRow, tables in parallel) in ${fmt(raw.seconds, 2)} s ` +
        `= ${fmt(rawRate)} spans/s (rows rebuilt in ${fmt(raw.prepareSeconds, 1)} s, not timed; ${rawStored} stored)`,
    );

    const e2e = steady.ackedItems / steady.seconds;
    figures.add('end-to-end (spans/s stored, steady)', fmt(e2e));
    figures.add(
      'request latency p50 / p99 (ms)',
      `${fmt(percentile(steady.okLatenciesMs, 50), 1)} / ${fmt(percentile(steady.okLatenciesMs, 99), 1)}`,
    );
    figures.add('raw engine (spans/s, same rows)', fmt(rawRate));
    figures.check('end-to-end / raw', e2e / rawRate, 0.6, true, fmt(e2e / rawRate, 2), '>= 0.60');
    figures.add('peak RSS, steady (server process)', mib(steadyPeak));
    figures.check(
      'peak RSS under overload (server process)',
      overloadPeak,
      512 * 1048576,
      false,
      mib(overloadPeak),
      '<= 512 MiB',
    );
    figures.add(
      '429 answers under overload (retried)',
      String(overload.throttled429 + overload.unavailable503),
    );
    figures.check(
      'stored bytes per span (OPTIMIZE FINAL)',
      bytesPerSpan,
      100,
      false,
      fmt(bytesPerSpan, 1),
      '<= 100',
    );
    figures.add(
      'stored bytes per invocation (otel_span)',
      fmt(invFootprint.compressedBytes / invFootprint.rows, 1),
    );
    figures.add(
      'nothing lost (stored = acknowledged)',
      `${storedSpans}/${ackedSpans} spans, ${storedInvocations}/${ackedInvocations} inv.`,
      'equal',
      lost ? 'MISSED' : 'ok',
    );
    figures.print('bench:ingest summary (server in a child process; RSS is its VmHWM)');
  } finally {
    await app.stop();
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
