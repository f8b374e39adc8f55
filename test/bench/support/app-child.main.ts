/**
 * Runs in the child process started by AppProcess: the real all-in-one Fleetscope on free ports
 * with a fresh embedded ClickHouse, driven over IPC. Not a test; see test/bench/*.bench.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { writeHeapSnapshot } from 'node:v8';
import type { Session as ChdbSession } from 'chdb';
import { AnalysisInputsRepository, IngestWriter } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../../support/fleetscope-app';
import type { AppCommand, EngineMemory, MemorySnapshot } from './app-process';
import { runRawInsert } from './raw-insert';
import { settleMerges } from './settle-merges';
import { startFloorServer, type FloorStats } from './floor-server';
import { runWriterAlone } from './writer-alone';

const noEngine = (): EngineMemory => ({
  tracked: 0,
  jemallocAllocated: 0,
  jemallocResident: 0,
});
let engineNow = noEngine();
let engineMax = noEngine();
/** The highest peak_memory_usage sampled per statement (its first 60 characters) since the last reset. */
let statementPeaks = new Map<string, number>();

/**
 * Samples the embedded engine's memory every `intervalMs` on a chDB session of its own, so the
 * samples do not queue behind the writer's inserts on the app's connection. A sample is not free:
 * its reads take ~10 ms of engine CPU (system.jemalloc_stats ~5, system.processes and merges ~3),
 * so every 100 ms is ~10 % of a core taken from the app being measured. Merges show in
 * system.merges; chDB leaves MergesMutationsMemoryTracking at 0.
 */
function sampleEngine(dataDir: string, intervalMs: number): void {
  // Loaded only with the embedded engine: against a server the process must not map chDB.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Session } = require('chdb') as { Session: typeof ChdbSession };
  const session = new Session(dataDir);
  const sql = `SELECT
      (SELECT value FROM system.metrics WHERE metric = 'MemoryTracking'),
      (SELECT extract(stats, 'Allocated: ([0-9]+)') FROM system.jemalloc_stats),
      (SELECT extract(stats, 'resident: ([0-9]+)') FROM system.jemalloc_stats)`;
  const statementsSql = `SELECT substring(replaceRegexpAll(query, '[[:space:]]+', ' '), 1, 60), peak_memory_usage
      FROM system.processes WHERE query NOT LIKE '%system.processes%'
    UNION ALL
    SELECT concat('merge of ', toString(num_parts), ' parts of ', table, if(is_mutation, ' (mutation)', '')), memory_usage
      FROM system.merges`;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    session
      .queryAsync(statementsSql, { format: 'TSV' })
      .then((result) => {
        for (const line of result.bytes().toString().split('\n')) {
          const [statement, peakBytes] = line.split('\t');
          if (!statement) continue;
          const bytes = Number(peakBytes);
          if (bytes > (statementPeaks.get(statement) ?? 0)) statementPeaks.set(statement, bytes);
        }
        return session.queryAsync(sql, { format: 'TSV' });
      })
      .then((result) => {
        const [tracked, allocated, resident] = result
          .bytes()
          .toString()
          .trim()
          .split('\t')
          .map(Number);
        engineNow = { tracked, jemallocAllocated: allocated, jemallocResident: resident };
        for (const key of Object.keys(engineMax) as (keyof EngineMemory)[]) {
          engineMax[key] = Math.max(engineMax[key], engineNow[key]);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  process.once('exit', () => {
    clearInterval(timer);
    session.close();
  });
}

function snapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  const kb = (name: string, status: string): number =>
    Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // Not Linux: no split.
  }
  return {
    rss: m.rss,
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    rssAnon: kb('RssAnon', status),
    rssFile: kb('RssFile', status),
    engine: { ...engineNow },
    engineMax: { ...engineMax },
  };
}

let peak = snapshot();
const sampler = setInterval(() => {
  if (process.memoryUsage.rss() > peak.rss) peak = snapshot();
}, 20);
sampler.unref();

let inspector: Session | undefined;
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) =>
    inspector!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

/**
 * A sampling heap profile (every 32 KiB allocated) of the objects a major GC collected or that
 * are still alive: what was promoted out of the young generation and died there (BENCH_HEAP_PROF).
 */
async function heapSampling(action: 'start' | 'stop', file?: string): Promise<null> {
  if (action === 'start') {
    inspector ??= new Session();
    inspector.connect();
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', {
      samplingInterval: 32 * 1024,
      includeObjectsCollectedByMajorGC: true,
    });
    return null;
  }
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
  writeFileSync(file!, JSON.stringify(profile));
  inspector?.disconnect();
  return null;
}

let stopping: Promise<void> | undefined;
let floor: { url: string; stop: () => Promise<FloorStats> } | undefined;

/** Stops the app once (it removes its data directory), whoever asks first. */
function shutdown(app: RunningFleetscope): Promise<void> {
  stopping ??= app.stop();
  return stopping;
}

async function handle(app: RunningFleetscope, command: AppCommand): Promise<unknown> {
  const client = app.clickhouse.client;
  switch (command.cmd) {
    case 'flush':
      await app.flush();
      return null;
    case 'writerStats': {
      const s = app.app.get(IngestWriter).stats;
      return {
        ...s,
        insertLatenciesMs: [...s.insertLatenciesMs],
        batchSizes: [...s.batchSizes],
        requestsPerFlush: [...s.requestsPerFlush],
        flushMs: [...s.flushMs],
      };
    }
    case 'query': {
      const result = await client.query({ query: command.sql, format: 'JSONCompactEachRow' });
      return result.json();
    }
    case 'exec':
      await client.command({ query: command.sql });
      return null;
    case 'settle':
      await settleMerges(client);
      return null;
    case 'heapSnapshot':
      return writeHeapSnapshot(command.file);
    case 'heapSampling':
      return heapSampling(command.action, command.file);
    case 'memory': {
      const now = snapshot();
      const result = now.rss > peak.rss ? now : peak;
      const statements = [...statementPeaks]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([statement, bytes]) => ({ statement, bytes }));
      if (command.reset) {
        peak = now;
        engineMax = { ...engineNow };
        statementPeaks = new Map();
      }
      return { ...result, engineMax: now.engineMax, statements };
    }
    case 'cpuSeconds': {
      const cpu = process.cpuUsage();
      return (cpu.user + cpu.system) / 1e6;
    }
    case 'raw':
      return runRawInsert(app.clickhouse, command.job);
    case 'writerAlone':
      return runWriterAlone(app.clickhouse, command.job);
    case 'analysisInvocations': {
      const stats = await app.app.get(AnalysisInputsRepository).windowStats(command);
      return Object.fromEntries([...stats].map(([id, s]) => [id, s.invocations]));
    }
    case 'floorStart':
      floor ??= await startFloorServer(app.clickhouse);
      return floor.url;
    case 'floorStop': {
      const stats = await floor?.stop();
      floor = undefined;
      return stats ?? null;
    }
    case 'stop':
      await shutdown(app);
      setImmediate(() => process.exit(0));
      return null;
  }
}

async function main(): Promise<void> {
  const env = JSON.parse(process.env.BENCH_APP_ENV ?? '{}') as Record<string, string>;
  const app = await startFleetscope(env);
  const sampleMs = Number(process.env.BENCH_ENGINE_SAMPLE_MS ?? 100);
  if (app.clickhouse.mode === 'embedded' && sampleMs > 0)
    sampleEngine(app.config.dataDir, sampleMs);
  const stopOnSignal = (): void => {
    void shutdown(app).finally(() => process.exit(1));
  };
  process.once('SIGTERM', stopOnSignal);
  process.once('SIGINT', stopOnSignal);
  // The parent went away (crash or Ctrl-C): do not leave the data directory behind.
  process.once('disconnect', stopOnSignal);
  process.on('message', (msg: AppCommand & { id: number }) => {
    handle(app, msg).then(
      (result) => process.send?.({ id: msg.id, ok: true, result }),
      (error: unknown) =>
        process.send?.({ id: msg.id, ok: false, error: (error as Error).stack ?? String(error) }),
    );
  });
  process.send?.({
    type: 'ready',
    ingestUrl: app.ingestUrl,
    apiUrl: app.apiUrl,
    dataDir: app.config.dataDir,
    flushRows: app.config.flushRows,
    flushIntervalMs: app.config.flushIntervalMs,
    maxQueueBytes: app.config.queueMaxBytes,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
