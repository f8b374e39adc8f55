/**
 * Runs in the child process started by AppProcess: the real all-in-one Fleetscope on free ports
 * with a fresh embedded ClickHouse, driven over IPC. Not a test; see test/bench/*.bench.ts.
 */
import { IngestWriter } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../../support/fleetscope-app';
import type { AppCommand } from './app-process';
import { runRawInsert } from './raw-insert';

let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
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
      return { ...s, insertLatenciesMs: [...s.insertLatenciesMs], batchSizes: [...s.batchSizes] };
    }
    case 'query': {
      const result = await client.query({ query: command.sql, format: 'JSONCompactEachRow' });
      return result.json();
    }
    case 'exec':
      await client.command({ query: command.sql });
      return null;
    case 'rssPeak': {
      const peak = Math.max(sampledPeak, process.memoryUsage.rss());
      if (command.reset) sampledPeak = 0;
      return peak;
    }
    case 'raw':
      return runRawInsert(client, command.job);
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
