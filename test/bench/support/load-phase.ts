import type { AppProcess, MemorySnapshot, WriterStatsSnapshot } from './app-process';
import { fmt, mib, percentile } from './bench-figures';
import { runLoad, type LoadRequest, type LoadResult } from './http-load.driver';

export interface PhaseResult {
  load: LoadResult;
  /** Peak RSS of the server process in the phase: kernel VmHWM, or the sampled peak if higher. */
  peakRss: number;
  /** process.memoryUsage() of the server at its sampled peak. */
  memoryAtPeak: MemorySnapshot;
  /** CPU seconds the server process (all its threads, ClickHouse's included) used. */
  serverCpuSeconds: number;
  /** CPU seconds this process (the senders) used meanwhile, on the same cores. */
  driverCpuSeconds: number;
  writer: WriterStatsSnapshot;
}

/** One load phase against the server, with its memory peak and CPU use. */
export async function runPhase(
  app: AppProcess,
  requests: LoadRequest[],
  concurrency: number,
  timeLimitMs: number,
): Promise<PhaseResult> {
  await app.call({ cmd: 'memory', reset: true });
  app.resetPeakRss();
  const cpu0 = await app.call<number>({ cmd: 'cpuSeconds' });
  const driverCpu0 = process.cpuUsage();
  const load = await runLoad(requests, { baseUrl: app.ingestUrl, concurrency, timeLimitMs });
  const driverCpu = process.cpuUsage(driverCpu0);
  const serverCpuSeconds = (await app.call<number>({ cmd: 'cpuSeconds' })) - cpu0;
  const memoryAtPeak = await app.call<MemorySnapshot>({ cmd: 'memory', reset: true });
  const writer = await app.call<WriterStatsSnapshot>({ cmd: 'writerStats' });
  return {
    load,
    peakRss: Math.max(app.peakRssBytes(), memoryAtPeak.rss),
    memoryAtPeak,
    serverCpuSeconds,
    driverCpuSeconds: (driverCpu.user + driverCpu.system) / 1e6,
    writer,
  };
}

/**
 * Where the RSS peak is: the engine's tracked memory and jemalloc's resident pages (its sample
 * before the peak, and the phase's highest), the V8 heap, the rest of the anonymous memory
 * (Node's buffers, thread stacks, allocator slack), and the mapped code; then the engine's
 * statements and merges that used the most memory in the phase.
 */
export function peakBreakdown(m: MemorySnapshot): string {
  const e = m.engine;
  const rest = m.rssAnon - m.heapTotal - e.jemallocResident;
  return (
    `at the peak: engine tracked ${mib(e.tracked)} (jemalloc allocated ${mib(e.jemallocAllocated)}, ` +
    `resident ${mib(e.jemallocResident)}), V8 heap ${mib(m.heapTotal)}, other anonymous ${mib(rest)}, code ${mib(m.rssFile)}; ` +
    `phase's highest engine samples: tracked ${mib(m.engineMax.tracked)}, jemalloc resident ${mib(m.engineMax.jemallocResident)}` +
    (m.statements ?? []).map((s) => `\n      ${mib(s.bytes)} peak: ${s.statement}`).join('')
  );
}

const mean = (values: number[]): number =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export function printPhase(label: string, p: PhaseResult, unit: string): void {
  const r = p.load;
  console.log(
    `  ${label}: ${r.acked.length} requests, ${fmt(r.ackedItems)} ${unit} acknowledged in ${fmt(r.seconds, 2)} s ` +
      `= ${fmt(r.ackedItems / r.seconds)} ${unit}/s\n` +
      `    request latency p50 ${fmt(percentile(r.okLatenciesMs, 50), 1)} ms, p99 ${fmt(percentile(r.okLatenciesMs, 99), 1)} ms ` +
      `(200s; all attempts p99 ${fmt(percentile(r.allLatenciesMs, 99), 1)} ms); 429: ${r.throttled429}, 503: ${r.unavailable503} ` +
      `(clients waited ${fmt(r.retryWaitSeconds)} s in Retry-After); unacknowledged: ${r.unacknowledged}`,
  );
  for (const [status, f] of Object.entries(r.failures))
    console.log(`    FAILED ${status} x${f.count}: ${f.sample}`);
  const w = p.writer;
  const sizes = w.batchSizes;
  console.log(
    `    server: ${fmt(p.serverCpuSeconds, 1)} CPU s (${fmt(p.serverCpuSeconds / r.wallSeconds, 2)} cores busy), ` +
      `peak RSS ${mib(p.peakRss)} (at the sampled peak: heap used ${mib(p.memoryAtPeak.heapUsed)} of ${mib(p.memoryAtPeak.heapTotal)}, ` +
      `external ${mib(p.memoryAtPeak.external)}; anonymous ${mib(p.memoryAtPeak.rssAnon)}, file-backed (code) ${mib(p.memoryAtPeak.rssFile)})\n` +
      `    ${peakBreakdown(p.memoryAtPeak)}\n` +
      `    writer so far: ${w.insertBatches} inserts ${JSON.stringify(w.insertedRows)}; last ${sizes.length} inserts: ` +
      `mean ${fmt(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length))} rows, latency p50 ${fmt(percentile(w.insertLatenciesMs, 50))} ms ` +
      `p99 ${fmt(percentile(w.insertLatenciesMs, 99))} ms; failures ${w.insertFailures}, duplicate invocations dropped ${w.duplicateInvocations}\n` +
      `    flushes so far: ${w.flushes}; last ${w.requestsPerFlush.length}: mean ${fmt(mean(w.requestsPerFlush), 1)} requests each, ` +
      `flush time p50 ${fmt(percentile(w.flushMs, 50))} ms p99 ${fmt(percentile(w.flushMs, 99))} ms`,
  );
}
