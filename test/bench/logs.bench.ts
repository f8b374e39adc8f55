/**
 * Lambda platform log ingest benchmark (issue 4, "Benchmark"): START/END/REPORT lines (with
 * INIT_START on cold sandboxes and some application lines) of 1,000 functions, packed as
 * CloudWatch Logs subscription deliveries (`{"awslogs":{"data": base64(gzip(json))}}`) and as
 * Firehose HTTP endpoint requests, posted into the real all-in-one Fleetscope (child process,
 * embedded ClickHouse). Run: npm run bench:logs   (knobs: BENCH_FUNCTIONS, BENCH_WARMUP_DELIVERIES, BENCH_CW_DELIVERIES,
 * BENCH_FIREHOSE_REQUESTS, BENCH_CW_CONCURRENCY, BENCH_FIREHOSE_CONCURRENCY, BENCH_FLUSH_INTERVAL_MS;
 * BENCH_INGEST_LOG=on|off, BENCH_QUEUE_MAX_BYTES, BENCH_DRAIN_DELIVERIES, BENCH_ENGINE_SAMPLE_MS;
 * BENCH_CPU_PROF=1; BENCH_HEAP_PROF=1 (what the CloudWatch phase promoted); BENCH_HEAP_SNAPSHOT=file (a
 * heap snapshot 0.7 s into it); BENCH_APP_EXTRA='{"FLEETSCOPE_DRAIN_INTERVAL_MS":"500"}', any settings of the server)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LambdaLogStreamAssemblerPool,
  decodeCloudWatchSubscription,
  parseFirehoseRequest,
  type IngestResult,
} from '@fleetscope/ingest';
// The writer's own row encoders are internal to @fleetscope/storage (not in its index); the
// benchmark must measure exactly them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { INVOCATIONS, LOGS } from '../../libs/storage/src/writer/row-columns';
import { AppProcess, type RawInsertJob, type RawInsertResult } from './support/app-process';
import type { WriterAloneResult } from './support/writer-alone';
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
import { runLoad, type LoadRequest } from './support/http-load.driver';
import type { FloorStats } from './support/floor-server';
import { LambdaFleet } from './support/lambda-fleet';
import {
  LambdaLogGenerator,
  cloudWatchBody,
  firehoseBody,
  type SubscriptionDelivery,
} from './support/lambda-log.generator';
import { printPhase, runPhase } from './support/load-phase';
import { writeRequestFile, type RecordedRequest } from './support/request-file';
import { countRows, printFootprint, tableFootprint } from './support/storage-probe';

const FUNCTIONS = knob('FUNCTIONS', 1000);
const CW_DELIVERIES = knob('CW_DELIVERIES', 3000);
// Sent first, on the server just started, and timed apart: the CloudWatch phase after it measures a
// warm server, as the raw rate [4] measures a warm engine. The first 1,500 deliveries ran at
// 0.24–0.31 of raw and the next 3,000 at 0.39–0.41 (BENCHMARKS.md, 2026-12-06 16:00): most of the
// gap was V8 compiling the collector's code while the phase ran.
const WARMUP_DELIVERIES = knob('WARMUP_DELIVERIES', 1500);
const FIREHOSE_REQUESTS = knob('FIREHOSE_REQUESTS', 80);
const RECORDS_PER_FIREHOSE_REQUEST = 50;
const INVOCATIONS_PER_DELIVERY = 20;
const APP_LINES_PER_INVOCATION = 0.3;
// A subscription's Lambda destination runs many forwarders at once; a Firehose stream few.
const CW_CONCURRENCY = knob('CW_CONCURRENCY', 64);
const FIREHOSE_CONCURRENCY = knob('FIREHOSE_CONCURRENCY', 8);
const FLUSH_INTERVAL_MS = knob('FLUSH_INTERVAL_MS', 50);
// Deliveries per flush for [5]: about what one ingest-log drain held in this bench's CloudWatch phase.
const DRAIN_DELIVERIES = knob('DRAIN_DELIVERIES', 350);
// The child's engine-memory sampler costs ~10 ms of engine CPU a sample: every 100 ms (the other
// benches' default) it took ~15 % of a core from the server this bench measures the CPU of.
const ENGINE_SAMPLE_MS = knob('ENGINE_SAMPLE_MS', 1000);
const SEED = 20_260_401;
const PHASE_LIMIT_MS = 50_000;

interface Posted extends LoadRequest {
  route: RecordedRequest['route'];
  region: string;
  lines: number;
  appLines: number;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const perCore = (t: Throughput, unit: string): string =>
  `${fmt(t.perSecond)} ${unit}/s on one core (CPU/wall ${fmt(t.cpuPerWall, 2)}${t.cpuPerWall < 0.9 ? ': PREEMPTED, understated' : ''}; median step without GC ${fmt(t.medianStep)}/s)`;

function serialise(result: IngestResult): number {
  let body = '';
  for (const r of result.invocations) body += JSON.stringify(INVOCATIONS.encode(r)) + '\n';
  for (const l of result.logs) body += JSON.stringify(LOGS.encode(l)) + '\n';
  return body.length;
}

function linesOf(deliveries: SubscriptionDelivery[]): number {
  return deliveries.reduce((s, d) => s + d.message.logEvents.length, 0);
}

async function main(): Promise<void> {
  const figures = new FigureTable();
  const scratch = mkdtempSync(join(tmpdir(), 'fleetscope-bench-'));
  console.log(
    `bench:logs — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load()}\n` +
      `${FUNCTIONS} functions; ${CW_DELIVERIES} CloudWatch deliveries and ${FIREHOSE_REQUESTS} Firehose requests of ` +
      `${RECORDS_PER_FIREHOSE_REQUEST} records, ${INVOCATIONS_PER_DELIVERY} invocations per delivery, from ${CW_CONCURRENCY} and ${FIREHOSE_CONCURRENCY} clients`,
  );

  // Data: deliveries in order (a sandbox's first invocation is its cold start).
  const baseTimeMs = Date.now() - 20 * 60_000;
  const fleet = new LambdaFleet({ functions: FUNCTIONS, seed: SEED, baseTimeMs });
  const generator = new LambdaLogGenerator({
    fleet,
    seed: SEED,
    baseTimeMs,
    invocationsPerDelivery: INVOCATIONS_PER_DELIVERY,
    appLinesPerInvocation: APP_LINES_PER_INVOCATION,
  });
  let t0 = performance.now();
  const cloudwatch: Posted[] = [];
  const warmup: Posted[] = [];
  for (let i = 0; i < WARMUP_DELIVERIES + CW_DELIVERIES; i++) {
    const d = generator.next();
    (i < WARMUP_DELIVERIES ? warmup : cloudwatch).push({
      path: `/ingest/lambda/cloudwatch?region=${d.fn.region}`,
      body: cloudWatchBody(d),
      headers: { 'content-type': 'application/json' },
      items: d.invocations,
      index: i,
      route: 'cloudwatch',
      region: d.fn.region,
      lines: d.message.logEvents.length,
      appLines: d.appLines,
    });
  }
  // Firehose: one delivery stream per region, each request a buffer of that region's deliveries.
  const firehose: Posted[] = [];
  const buckets = new Map<string, SubscriptionDelivery[]>();
  const emit = (region: string, deliveries: SubscriptionDelivery[]): void => {
    const requestId = randomUUID();
    firehose.push({
      path: '/ingest/firehose',
      body: firehoseBody(requestId, Date.now(), deliveries),
      headers: {
        'content-type': 'application/json',
        'x-amz-firehose-protocol-version': '1.0',
        'x-amz-firehose-request-id': requestId,
        'x-amz-firehose-source-arn': `arn:aws:firehose:${region}:123456789012:deliverystream/fleetscope-logs`,
      },
      items: deliveries.reduce((s, d) => s + d.invocations, 0),
      index: firehose.length,
      route: 'firehose',
      region,
      lines: linesOf(deliveries),
      appLines: deliveries.reduce((s, d) => s + d.appLines, 0),
    });
  };
  while (firehose.length < FIREHOSE_REQUESTS) {
    const d = generator.next();
    const bucket = buckets.get(d.fn.region) ?? [];
    bucket.push(d);
    buckets.set(d.fn.region, bucket);
    if (bucket.length === RECORDS_PER_FIREHOSE_REQUEST) {
      emit(d.fn.region, bucket);
      buckets.delete(d.fn.region);
    }
  }
  const all = [...cloudwatch, ...firehose];
  const totalLines = all.reduce((s, p) => s + p.lines, 0);
  const totalInvocations = all.reduce((s, p) => s + p.items, 0);
  console.log(
    `generated in ${fmt((performance.now() - t0) / 1000, 1)} s: ${fmt(totalLines)} log lines, ${fmt(totalInvocations)} invocations ` +
      `(${fmt(totalLines / totalInvocations, 2)} lines each); CloudWatch body ${fmt(cloudwatch[0].body.length / 1024, 1)} KiB, ` +
      `Firehose body ${fmt(firehose[0].body.length / 1024, 1)} KiB`,
  );

  // [1] Parsing cost on this thread, storage left out: the whole body path of each route.
  console.log('\n[1] parsing on one thread, storage left out');
  const cwSample = cloudwatch.slice(0, 300);
  const fhSample = firehose.slice(0, 8);
  const cwPool = new LambdaLogStreamAssemblerPool();
  const cw = throughput(
    3,
    (i) => {
      const p = cwSample[i % cwSample.length];
      const r = decodeCloudWatchSubscription(p.body, { region: p.region, pool: cwPool });
      if (r.failure || r.invocations.length !== p.items)
        throw new Error(`CloudWatch parse: ${r.errors.join('; ')}`);
      return p.lines;
    },
    1,
  );
  const fhPool = new LambdaLogStreamAssemblerPool();
  const fh = throughput(3, (i) => {
    const p = fhSample[i % fhSample.length];
    const r = parseFirehoseRequest(p.body, {
      region: p.region,
      pool: fhPool,
      logSource: 'firehose',
    });
    if (r.failure || r.invocations.length !== p.items)
      throw new Error(`Firehose parse: ${r.errors.join('; ')}`);
    return p.lines;
  });
  let jsonBytes = 0;
  const cws = throughput(3, (i) => {
    const p = cwSample[i % cwSample.length];
    jsonBytes = serialise(decodeCloudWatchSubscription(p.body, { region: p.region, pool: cwPool }));
    return p.lines;
  });
  const linesPerInvocation = totalLines / totalInvocations;
  console.log(
    `  CloudWatch subscription body (JSON, base64, gunzip, JSON, lines): ${perCore(cw, 'lines')}\n` +
      `  Firehose request body (JSON, 50 x base64 + gunzip + JSON, lines):  ${perCore(fh, 'lines')}\n` +
      `  CloudWatch + row encode + JSON (JSONCompactEachRow):               ${perCore(cws, 'lines')}; ` +
      `${fmt(jsonBytes / cwSample[cwSample.length - 1].items)} B per invocation (its log rows included)\n` +
      `  = ${fmt(cw.perSecond / linesPerInvocation)} (CloudWatch) and ${fmt(fh.perSecond / linesPerInvocation)} (Firehose) invocations/s on one core`,
  );
  const slower = cw.perSecond <= fh.perSecond ? cw : fh;
  figures.check(
    'parsing, one core, slower route (lines/s)',
    slower.perSecond,
    500_000,
    true,
    coreFigure(slower),
    '>= 500,000',
  );
  figures.add('  CloudWatch / Firehose (lines/s)', `${coreFigure(cw)} / ${coreFigure(fh)}`);
  figures.add('parse + serialise, CloudWatch (lines/s)', coreFigure(cws));

  // [2] The real app in a child process.
  const cpuProfDir = process.env.BENCH_CPU_PROF
    ? mkdtempSync(join(tmpdir(), 'fleetscope-bench-prof-'))
    : undefined;
  // BENCH_HEAP_PROF=1: what the CloudWatch phase promoted and major GCs collected, by allocation site.
  const heapProfile = process.env.BENCH_HEAP_PROF
    ? join(mkdtempSync(join(tmpdir(), 'fleetscope-bench-heap-')), 'cloudwatch.heapprofile')
    : undefined;
  t0 = performance.now();
  const app = await AppProcess.start(
    {
      FLEETSCOPE_FLUSH_INTERVAL_MS: String(FLUSH_INTERVAL_MS),
      // The ingest log on or off (before/after in the same conditions), and the queue bound.
      ...(process.env.BENCH_INGEST_LOG
        ? { FLEETSCOPE_INGEST_LOG: process.env.BENCH_INGEST_LOG }
        : {}),
      ...(process.env.BENCH_APP_EXTRA
        ? (JSON.parse(process.env.BENCH_APP_EXTRA) as Record<string, string>)
        : {}),
      ...(process.env.BENCH_QUEUE_MAX_BYTES
        ? { FLEETSCOPE_QUEUE_MAX_BYTES: process.env.BENCH_QUEUE_MAX_BYTES }
        : {}),
    },
    { cpuProfDir, engineSampleMs: ENGINE_SAMPLE_MS },
  );
  try {
    const ready = app.ready;
    const idle = await app.call<{ rss: number }>({ cmd: 'memory', reset: true });
    console.log(
      `\n[2] Fleetscope up in ${fmt((performance.now() - t0) / 1000, 1)} s in child pid ${app.pid} (embedded ClickHouse in ${ready.dataDir}; ` +
        `writer flushes at ${ready.flushRows} rows or ${ready.flushIntervalMs} ms); idle RSS ${mib(idle.rss)}; ` +
        `engine memory sampled every ${fmt(ENGINE_SAMPLE_MS)} ms`,
    );
    // With the ingest log, acknowledged rows may still wait in it when a phase ends: the time to
    // store them counts too (the stored rate below).
    const drain = async (): Promise<{ seconds: number; cpuSeconds: number }> => {
      const started = performance.now();
      const cpu0 = await app.call<number>({ cmd: 'cpuSeconds' });
      await app.call({ cmd: 'flush' });
      const cpuSeconds = (await app.call<number>({ cmd: 'cpuSeconds' })) - cpu0;
      return { seconds: (performance.now() - started) / 1000, cpuSeconds };
    };
    // The same deliveries' first ones on the cold server: its JIT has compiled nothing yet.
    const warmPhase = await runPhase(app, warmup, CW_CONCURRENCY, PHASE_LIMIT_MS);
    const warmDrain = await drain();
    printPhase(
      `CloudWatch on the cold server (warm-up), ${CW_CONCURRENCY} clients`,
      warmPhase,
      'invocations',
    );
    // Each timed phase starts with the merges of the one before settled, as the raw runs [4]
    // start on emptied tables: what the warm-up stored is not merged on the phase's time.
    await app.call({ cmd: 'settle' });
    if (heapProfile) await app.call({ cmd: 'heapSampling', action: 'start' });
    const snapshotTaken = process.env.BENCH_HEAP_SNAPSHOT
      ? new Promise((resolve) => setTimeout(resolve, 700)).then(() =>
          app.call({ cmd: 'heapSnapshot', file: process.env.BENCH_HEAP_SNAPSHOT! }),
        )
      : undefined;
    const cwPhase = await runPhase(app, cloudwatch, CW_CONCURRENCY, PHASE_LIMIT_MS);
    await snapshotTaken;
    if (heapProfile) await app.call({ cmd: 'heapSampling', action: 'stop', file: heapProfile });
    const cwDrain = await drain();
    printPhase(`CloudWatch, ${CW_CONCURRENCY} clients`, cwPhase, 'invocations');
    console.log(`    all stored ${fmt(cwDrain.seconds, 2)} s after the last acknowledgement`);
    await app.call({ cmd: 'settle' });
    const fhPhase = await runPhase(app, firehose, FIREHOSE_CONCURRENCY, PHASE_LIMIT_MS);
    const fhDrain = await drain();
    printPhase(`Firehose, ${FIREHOSE_CONCURRENCY} clients`, fhPhase, 'invocations');
    console.log(`    all stored ${fmt(fhDrain.seconds, 2)} s after the last acknowledgement`);

    // [3] Stored against acknowledged.
    await app.call({ cmd: 'flush' });
    const acked = [...cwPhase.load.acked, ...fhPhase.load.acked] as Posted[];
    const allAcked = [...(warmPhase.load.acked as Posted[]), ...acked];
    const ackedInvocations = allAcked.reduce((s, p) => s + p.items, 0);
    const ackedAppLines = allAcked.reduce((s, p) => s + p.appLines, 0);
    const storedInvocations = await countRows(app, 'invocations', "source = 'lambda_log'");
    const storedLogs = await countRows(app, 'logs');
    const lost = storedInvocations !== ackedInvocations || storedLogs !== ackedAppLines;
    console.log(
      `\n[3] stored ${storedInvocations} invocations of ${ackedInvocations} acknowledged, ${storedLogs} application log rows of ${ackedAppLines}` +
        (lost ? '  <-- MISMATCH' : ''),
    );
    const invFootprint = await tableFootprint(app, 'invocations');
    printFootprint(invFootprint, 'invocation');
    const logFootprint = await tableFootprint(app, 'logs');
    printFootprint(logFootprint, 'log row');
    const bytesPerInvocation = invFootprint.compressedBytes / invFootprint.rows;

    // [4] Raw engine: the same bodies through the same parsers, rows straight into emptied tables.
    const file = join(scratch, 'acked.requests');
    writeRequestFile(
      file,
      acked.map((p) => ({ route: p.route, region: p.region, body: p.body })),
    );
    const rawRun = async (
      tables: RawInsertJob['tables'],
      viaRawInsert = false,
    ): Promise<RawInsertResult> => {
      for (const table of ['invocations', 'logs', 'function_minutes', 'function_hours']) {
        await app.call({ cmd: 'exec', sql: `TRUNCATE TABLE ${table}` });
      }
      return app.call<RawInsertResult>({
        cmd: 'raw',
        job: { file, flushRows: ready.flushRows, tables, viaRawInsert },
      });
    };
    // Best of two runs for the invocation rows alone (the cores are shared with other processes).
    const first = await rawRun(['invocations']);
    const rawStored = await countRows(app, 'invocations');
    const rawWithLogs = await rawRun(['invocations', 'logs']);
    const second = await rawRun(['invocations']);
    // The same rows as bytes through chDB's raw insert, the writer's path in embedded mode.
    const viaRaw = await rawRun(['invocations'], true);
    // What the collector stores (invocation and log rows) that way: the engine's CPU per
    // invocation at its best, with no HTTP, decoding or drain bookkeeping.
    const collectorRows = await rawRun(['invocations', 'logs'], true);
    const rateOf = (r: RawInsertResult): number => (r.rows.invocations ?? 0) / r.seconds;
    const raw = rateOf(first) >= rateOf(second) ? first : second;
    const rawRate = rateOf(raw);
    const rawWithLogsRate = rateOf(rawWithLogs);
    console.log(
      `\n[4] raw engine, invocation rows only: ${fmt(raw.rows.invocations ?? 0)} rows, ${raw.inserts} inserts of up to ${fmt(ready.flushRows)} ` +
        `(JSONCompactEachRow) in ${fmt(raw.seconds, 2)} s = ${fmt(rawRate)} invocations/s (best of ${fmt(rateOf(first))} and ${fmt(rateOf(second))}; ` +
        `${rawStored} stored; rows rebuilt in ${fmt(raw.prepareSeconds, 1)} s, not timed)\n` +
        `    with their application log rows too (what the collector stores): ${fmt(rawWithLogs.rows.invocations ?? 0)} + ${fmt(rawWithLogs.rows.logs ?? 0)} rows ` +
        `in ${fmt(rawWithLogs.seconds, 2)} s = ${fmt(rawWithLogsRate)} invocations/s` +
        `\n    invocation rows only, as bytes through chDB's raw insert (the writer's path): ${fmt(rateOf(viaRaw))} invocations/s` +
        `\n    invocation and log rows, the writer's path and settings: ${fmt(rateOf(collectorRows))} invocations/s, ` +
        `${fmt(collectorRows.cpuSeconds, 2)} CPU s (${fmt(collectorRows.cpuSeconds / collectorRows.seconds, 2)} cores busy)`,
    );

    // [5] The writer's side of a drain alone, on the same rows: what the ingest log's drains could
    // store with no HTTP, decoding or senders competing for the cores.
    for (const table of ['invocations', 'logs', 'function_minutes', 'function_hours']) {
      await app.call({ cmd: 'exec', sql: `TRUNCATE TABLE ${table}` });
    }
    const alone = await app.call<WriterAloneResult>({
      cmd: 'writerAlone',
      job: { file, deliveriesPerDrain: DRAIN_DELIVERIES },
    });
    const aloneRate = alone.invocations / alone.seconds;
    console.log(
      `\n[5] the writer alone, CloudWatch deliveries ${DRAIN_DELIVERIES} per flush (journal, source choice, request keys; no HTTP): ` +
        `${fmt(alone.invocations)} invocations in ${alone.drains} flushes, ${fmt(alone.seconds, 2)} s = ${fmt(aloneRate)} invocations/s = ${fmt(aloneRate / rawRate, 2)} of raw`,
    );

    // [6] The floor of this stack (floor-server.ts): the same CloudWatch deliveries from the same
    // senders to a bare node:http server in the same process, storing into the same tables.
    await app.call({ cmd: 'settle' });
    const floorUrl = await app.call<string>({ cmd: 'floorStart' });
    const floorCpu0 = await app.call<number>({ cmd: 'cpuSeconds' });
    const floorDriver0 = process.cpuUsage();
    const floorStarted = performance.now();
    const floorLoad = await runLoad(cloudwatch, {
      baseUrl: floorUrl,
      concurrency: CW_CONCURRENCY,
      timeLimitMs: PHASE_LIMIT_MS,
    });
    const floorDriver = process.cpuUsage(floorDriver0);
    // Acknowledged and stored: until the last acknowledged row is in the tables.
    const floor = await app.call<FloorStats>({ cmd: 'floorStop' });
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    const floorCpu = (await app.call<number>({ cmd: 'cpuSeconds' })) - floorCpu0;
    const floorRate = floor.invocations / floorSeconds;
    const floorSenderCores =
      (floorDriver.user + floorDriver.system) / 1e6 / Math.max(floorLoad.wallSeconds, 1e-9);
    console.log(
      `\n[6] the floor of this stack (a bare node:http server, the collector's decoder and the writer's encoders, group commit ` +
        `into the same tables through the raw insert, acknowledged once in a log file; no fastify, request keys, source choice or journal): ` +
        `${fmt(floor.invocations)} invocations stored of ${fmt(floorLoad.ackedItems)} acknowledged, ${fmt(floor.logs)} log rows, ` +
        `in ${floor.inserts} inserts (${floor.failures} failed), all stored in ${fmt(floorSeconds, 2)} s = ${fmt(floorRate)} invocations/s = ` +
        `${fmt(floorRate / rawRate, 2)} of raw; server ${fmt((floorCpu / Math.max(floor.invocations, 1)) * 1e6, 1)} µs of CPU per invocation; ` +
        `p99 ${fmt(percentile(floorLoad.okLatenciesMs, 99), 1)} ms; the senders ${fmt(floorSenderCores, 2)} cores`,
    );

    const seconds = cwPhase.load.seconds + fhPhase.load.seconds;
    const e2e = (cwPhase.load.ackedItems + fhPhase.load.ackedItems) / seconds;
    const rate = (p: typeof cwPhase): number => p.load.ackedItems / p.load.seconds;
    figures.add('end-to-end, both routes (invocations/s stored)', fmt(e2e));
    figures.add(
      '  CloudWatch / Firehose (invocations/s)',
      `${fmt(rate(cwPhase))} / ${fmt(rate(fhPhase))}`,
    );
    figures.add(
      'request latency p50 / p99, CloudWatch (ms)',
      `${fmt(percentile(cwPhase.load.okLatenciesMs, 50), 1)} / ${fmt(percentile(cwPhase.load.okLatenciesMs, 99), 1)}`,
    );
    figures.add(
      'request latency p50 / p99, Firehose (ms)',
      `${fmt(percentile(fhPhase.load.okLatenciesMs, 50), 1)} / ${fmt(percentile(fhPhase.load.okLatenciesMs, 99), 1)}`,
    );
    figures.add('raw engine, invocation rows (invocations/s)', fmt(rawRate));
    // Issue 11's target: CloudWatch-sized deliveries, acknowledged and stored, >= 0.5 of raw.
    const cwStored = cwPhase.load.ackedItems / (cwPhase.load.seconds + cwDrain.seconds);
    figures.add('CloudWatch acknowledged and stored (invocations/s)', fmt(cwStored));
    const coldStored =
      warmPhase.load.ackedItems / Math.max(warmPhase.load.seconds + warmDrain.seconds, 1e-9);
    figures.add(
      `  the first ${fmt(warmup.length)} deliveries, on the cold server: invocations/s; / raw`,
      warmup.length ? `${fmt(coldStored)}; ${fmt(coldStored / rawRate, 3)}` : 'none sent',
    );
    figures.add(
      `  the writer alone, ${DRAIN_DELIVERIES} deliveries per flush / raw`,
      `${fmt(aloneRate)} / ${fmt(aloneRate / rawRate, 2)}`,
    );
    figures.check(
      'CloudWatch stored / raw',
      cwStored / rawRate,
      0.5,
      true,
      fmt(cwStored / rawRate, 3),
      '>= 0.50',
    );
    figures.add(
      "  raw through chDB's raw insert / CloudWatch stored ratio",
      `${fmt(rateOf(viaRaw))} / ${fmt(cwStored / rateOf(viaRaw), 3)}`,
    );
    // The CPU budget of that target: 0.5 of raw on the cores the senders leave, against what the
    // server spends per invocation, and what the engine alone spends storing the same rows.
    const micros = (cpuSeconds: number, invocations: number): string =>
      fmt((cpuSeconds / invocations) * 1e6, 1);
    const senderCores = cwPhase.driverCpuSeconds / cwPhase.load.wallSeconds;
    const budget = (cpus().length - senderCores) / (0.5 * rawRate);
    figures.add(
      'CPU per invocation, CloudWatch: server end to end (µs)',
      micros(cwPhase.serverCpuSeconds + cwDrain.cpuSeconds, cwPhase.load.ackedItems),
    );
    figures.add(
      "  the engine alone storing the same rows (the writer's path)",
      micros(collectorRows.cpuSeconds, collectorRows.rows.invocations ?? 0),
    );
    figures.add(
      `  0.5 of raw allows, on the ${fmt(cpus().length - senderCores, 2)} cores the senders leave`,
      micros(budget, 1),
    );
    figures.add(
      '  the floor of this stack [6]: stored / raw; µs per invocation',
      `${fmt(floorRate / rawRate, 3)}; ${fmt((floorCpu / Math.max(floor.invocations, 1)) * 1e6, 1)}`,
    );
    figures.check('end-to-end / raw', e2e / rawRate, 0.6, true, fmt(e2e / rawRate, 2), '>= 0.60');
    figures.add(
      '  raw with the log rows too / ratio',
      `${fmt(rawWithLogsRate)} / ${fmt(e2e / rawWithLogsRate, 2)}`,
    );
    figures.check(
      'stored bytes per invocation (OPTIMIZE FINAL)',
      bytesPerInvocation,
      48,
      false,
      fmt(bytesPerInvocation, 1),
      '<= 48',
    );
    figures.add('server peak RSS', mib(Math.max(cwPhase.peakRss, fhPhase.peakRss)));
    figures.add(
      'stored = acknowledged',
      `${storedInvocations}/${ackedInvocations} invocations, ${storedLogs}/${ackedAppLines} logs`,
      'equal',
      lost ? 'MISSED' : 'ok',
    );
    figures.print('bench:logs (server in a child process)');
    console.log(`load average at the end: ${load()} (the cores are shared with other processes)`);
  } finally {
    await app.stop();
    rmSync(scratch, { recursive: true, force: true });
    if (cpuProfDir) console.log(`server CPU profile (.cpuprofile) in ${cpuProfDir}`);
    if (heapProfile) console.log(`the CloudWatch phase's sampling heap profile: ${heapProfile}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
