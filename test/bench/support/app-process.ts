import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '@fleetscope/build';
import { npmStartCommand, REPOSITORY_ROOT } from '../../support/fleetscope-process';
import type { WriterAloneJob } from './writer-alone';
import { QUIET_SCHEDULES } from './quiet-schedules';

/** Requests the benchmark sends to the Fleetscope process (see app-child.main.ts). */
export type AppCommand =
  | { cmd: 'flush' }
  | { cmd: 'writerStats' }
  | { cmd: 'query'; sql: string }
  | { cmd: 'exec'; sql: string }
  /** Until the engine's merges have settled (settle-merges.ts). */
  | { cmd: 'settle' }
  /** A sampling heap profile of what major GCs collect, written to `file` on stop. */
  | { cmd: 'heapSampling'; action: 'start' | 'stop'; file?: string }
  /** A heap snapshot written to `file` (the server stops meanwhile). */
  | { cmd: 'heapSnapshot'; file: string }
  | { cmd: 'memory'; reset: boolean }
  | { cmd: 'cpuSeconds' }
  | { cmd: 'raw'; job: RawInsertJob }
  /** The writer alone storing the acknowledged CloudWatch deliveries (see writer-alone.ts). */
  | { cmd: 'writerAlone'; job: WriterAloneJob }
  /** Invocations per function as the analyses read them (AnalysisInputsRepository). */
  | { cmd: 'analysisInvocations'; fromMs: number; toMs: number }
  /** The floor server of small deliveries on the same store (floor-server.ts): its URL, then its counts. */
  | { cmd: 'floorStart' }
  | { cmd: 'floorStop' }
  | { cmd: 'stop' };

/** Rows rebuilt in the server process from the acknowledged bodies and inserted straight into its ClickHouse. */
export interface RawInsertJob {
  /** Written by writeRequestFile(). */
  file: string;
  flushRows: number;
  tables: ('spans' | 'invocations' | 'logs')[];
  /** Through the embedded engine's raw insert (the writer's path) instead of `client.insert`. */
  viaRawInsert?: boolean;
}

export interface RawInsertResult {
  seconds: number;
  /** CPU seconds of the server process (the engine's threads included) over the inserts. */
  cpuSeconds: number;
  rows: Record<string, number>;
  inserts: number;
  /** Seconds spent building the rows (decode + normalise), not part of the rate. */
  prepareSeconds: number;
}

export interface WriterStatsSnapshot {
  insertedRows: Record<string, number>;
  insertBatches: number;
  insertFailures: number;
  duplicateInvocations: number;
  insertLatenciesMs: number[];
  batchSizes: number[];
  flushes: number;
  requestsPerFlush: number[];
  flushMs: number[];
  queueBytes: number;
}

/** The server's memory at its sampled RSS peak (process.memoryUsage(), bytes). */
export interface MemorySnapshot {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** From /proc/self/status at the same moment: anonymous memory vs mapped files (code). */
  rssAnon: number;
  rssFile: number;
  /** The embedded engine at its last sample before this moment (see EngineMemory). */
  engine: EngineMemory;
  /** Each engine figure's highest sample since the last reset (not necessarily at the RSS peak). */
  engineMax: EngineMemory;
  /** The engine's statements with the highest sampled peak_memory_usage since the last reset. */
  statements?: { statement: string; bytes: number }[];
}

/**
 * The embedded engine's own view of its memory, sampled every 100 ms on a chDB session of its own
 * (bytes; zeros before the first sample or with a ClickHouse server).
 */
export interface EngineMemory {
  /** system.metrics MemoryTracking: what the engine's memory tracker counts (max_server_memory_usage bounds it). */
  tracked: number;
  /** jemalloc's allocated and resident bytes (system.jemalloc_stats): live, and live + freed pages not yet returned. */
  jemallocAllocated: number;
  jemallocResident: number;
}

interface Ready {
  type: 'ready';
  ingestUrl: string;
  apiUrl: string;
  dataDir: string;
  flushRows: number;
  flushIntervalMs: number;
  maxQueueBytes: number;
}

let compiledChild: Promise<string> | undefined;

/**
 * app-child.main.ts compiled, with the app and the test support it imports, by `npm run build`'s
 * compiler (once per benchmark process, into tmp/, removed at exit): `npm start` runs the compiled
 * app, and a child transpiling on load with @swc-node/register would also hold the TypeScript
 * compiler that register loads (~30 MiB of V8 heap, ~60 MiB of RSS at idle).
 */
function appChildScript(): Promise<string> {
  compiledChild ??= (async () => {
    const out = join(REPOSITORY_ROOT, 'tmp', `app-child-${process.pid}`);
    process.once('exit', () => rmSync(out, { recursive: true, force: true }));
    await build(out, REPOSITORY_ROOT, ['test/support', 'test/bench/support']);
    return join(out, 'test', 'bench', 'support', 'app-child.main.js');
  })();
  return compiledChild;
}

/**
 * The real all-in-one Fleetscope (test/support/fleetscope-app.ts startFleetscope(), embedded
 * ClickHouse in a fresh temp dir) in a child process, so the RSS measured is the server's alone and
 * the load generator does not share its event loop. Talks over the IPC channel.
 */
export class AppProcess {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly ready: Ready,
  ) {
    child.on('message', (msg: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'command failed'));
    });
    child.on('exit', (code) => {
      this.exited = true;
      for (const p of this.pending.values())
        p.reject(new Error(`Fleetscope process exited (${code})`));
      this.pending.clear();
    });
  }

  static async start(
    env: Record<string, string>,
    options: {
      cpuProfDir?: string;
      maxOldSpaceMb?: number;
      /** How often the child samples the engine's memory (app-child sampleEngine); 0: never. */
      engineSampleMs?: number;
    } = {},
  ): Promise<AppProcess> {
    // npm start's allocator variables and Node flags, so the child's memory is what npm start's
    // would be; the entry point is the child's own.
    const start = npmStartCommand();
    const execArgv = start.args.filter((arg) => arg.startsWith('--'));
    if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
    if (options.maxOldSpaceMb) execArgv.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
    // Extra Node/V8 flags to try on the server (BENCH_SERVER_NODE_FLAGS, space-separated).
    execArgv.push(...(process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean));
    const child = fork(await appChildScript(), [], {
      execArgv,
      env: {
        ...process.env,
        ...start.env,
        BENCH_APP_ENV: JSON.stringify({ ...QUIET_SCHEDULES, ...env }),
        ...(options.engineSampleMs === undefined
          ? {}
          : { BENCH_ENGINE_SAMPLE_MS: String(options.engineSampleMs) }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`Fleetscope process exited during start-up (${code})`));
      child.once('exit', onExit);
      child.once('message', (msg: Ready) => {
        child.off('exit', onExit);
        resolve(msg);
      });
    });
    return new AppProcess(child, ready);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get ingestUrl(): string {
    return this.ready.ingestUrl;
  }

  get apiUrl(): string {
    return this.ready.apiUrl;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or removed. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  call<T>(command: AppCommand): Promise<T> {
    if (this.exited) return Promise.reject(new Error('Fleetscope process is not running'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, ...command });
    });
  }

  query<T extends unknown[]>(sql: string): Promise<T[]> {
    return this.call<T[]>({ cmd: 'query', sql });
  }

  /** Peak resident set size since the last reset, in bytes (kernel VmHWM: exact, not sampled). */
  peakRssBytes(): number {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status);
      return kb ? Number(kb[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  }

  resetPeakRss(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      // Not Linux, or not permitted: the sampled peak (rssPeak) still works.
    }
  }

  /** Stops the app (which removes its data directory); kills it if it does not stop in time. */
  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
      try {
        await this.call({ cmd: 'stop' });
      } catch {
        this.child.kill('SIGKILL');
      }
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.ready.dataDir, { recursive: true, force: true });
  }
}
