/**
 * Runs in the child process started by AppProcess: the real all-in-one Fleetscope on free ports
 * with a fresh embedded ClickHouse, driven over IPC. Not a test; see test/bench/*.bench.ts.
 */
import { readFileSync } from 'node:fs';
import { AnalysisInputsRepository, IngestWriter } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../../support/fleetscope-app';
import type { AppCommand, MemorySnapshot } from './app-process';
import { runRawInsert } from './raw-insert';
import { runWriterAlone } from './writer-alone';

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
  };
}

let peak = snapshot();
const sampler = setInterval(() => {
  if (process.memoryUsage.rss() > peak.rss) peak = snapshot();
}, 20);
sampler.unref();

let stopping: Promise<void> | undefined;

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
    case 'memory': {
      const now = snapshot();
      const result = now.rss > peak.rss ? now : peak;
      if (command.reset) peak = now;
      return result;
    }
    case 'cpuSeconds': {
      const cpu = process.cpuUsage();
      return (cpu.user + cpu.system) / 1e6;
    }
    case 'raw':
      return runRawInsert(client, command.job);
    case 'writerAlone':
      return runWriterAlone(client, command.job);
    case 'analysisInvocations': {
      const stats = await app.app.get(AnalysisInputsRepository).windowStats(command);
      return Object.fromEntries([...stats].map(([id, s]) => [id, s.invocations]));
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
