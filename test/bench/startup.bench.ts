/**
 * `npm run bench:startup`: time from launch to a healthy /api/health, and resident memory after
 * 10 s idle, of the all-in-one process run two ways: `npm start` (its prestart `npm run build`
 * into dist/, then the compiled app) and compiled (`npm run build` into an empty folder with
 * node_modules beside it, started with the Dockerfile's CMD, as the image runs it). Each
 * round starts each on an empty data directory (migrations applied), then restarts it on it; the
 * compiled process also runs without --enable-source-maps, to show what the maps cost.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execCommand, readDockerfile } from '../support/dockerfile';
import {
  ANY_FREE_PORTS,
  buildApp,
  listeningOn,
  npmStartCommand,
  REPOSITORY_ROOT,
  spawnFleetscope,
  waitUntilHealthy,
  type FleetscopeProcess,
} from '../support/fleetscope-process';
import { fmt, knob, percentile } from './support/bench-figures';

const ROUNDS = knob('ROUNDS', 3);
const IDLE_MS = knob('IDLE_MS', 10_000);

interface Mode {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  /** Marks the server process's command line (npm start runs it under npm and sh). */
  marker: string;
}

interface Sample {
  firstMs: number;
  restartMs: number;
  firstCpuMs: number;
  restartCpuMs: number;
  rssKiB: number;
  rssAnonKiB: number;
  rssFileKiB: number;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`))
      children = children.concat(
        readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
          .split(' ')
          .filter(Boolean)
          .map(Number),
      );
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** The pid whose command line carries the marker: the server itself, not npm or sh. */
function serverPid(started: FleetscopeProcess, marker: string): number {
  const root = started.child.pid ?? 0;
  const pid = [root, ...descendants(root)].find((p) => {
    try {
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      return argv[0].endsWith('node') && argv.some((a) => a.includes(marker));
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error(`no process running ${marker}`);
  return pid;
}

/**
 * CPU time the server (all its threads) used so far, in ms: unlike the wall time to healthy, it
 * hardly depends on what else runs on the machine.
 */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th (man 5 proc).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on Linux x86-64 (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

function memoryKiB(pid: number): { rss: number; anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS'), anon: kib('RssAnon'), file: kib('RssFile') };
}

/** Starts, waits for health (ms from launch), optionally idles and samples memory, stops. */
async function run(
  mode: Mode,
  dataDir: string,
  sample: boolean,
): Promise<{ ms: number; cpuMs: number; memory?: ReturnType<typeof memoryKiB> }> {
  const t0 = performance.now();
  const started = spawnFleetscope(
    mode.args,
    { ...ANY_FREE_PORTS, FLEETSCOPE_DATA_DIR: dataDir, NODE_ENV: 'production' },
    mode.cwd,
    mode.command,
  );
  try {
    const ports = await listeningOn(started, 120_000);
    await waitUntilHealthy(started, `${ports.apiUrl}/api/health`, 120_000, 20);
    const ms = performance.now() - t0;
    const pid = serverPid(started, mode.marker);
    const cpu = cpuMs(pid);
    let memory: ReturnType<typeof memoryKiB> | undefined;
    if (sample) {
      await new Promise((r) => setTimeout(r, IDLE_MS));
      memory = memoryKiB(pid);
    }
    process.kill(pid, 'SIGTERM');
    const code = await started.exited;
    if (code !== 0) throw new Error(`${mode.name} exited ${code}:\n${started.output()}`);
    return { ms, cpuMs: cpu, memory };
  } catch (error) {
    started.child.kill('SIGKILL');
    throw error;
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'fleetscope-startup-bench-'));
  try {
    buildApp(work);
    const [node, ...cmd] = execCommand(readDockerfile(REPOSITORY_ROOT).at(-1)!);
    if (node !== 'node') throw new Error(`the image's CMD does not start node: ${node}`);
    const modes: Mode[] = [
      {
        name: 'npm start',
        cwd: REPOSITORY_ROOT,
        command: 'npm',
        args: ['start', '--silent'],
        marker: npmStartCommand().args.at(-1)!,
      },
      {
        name: `compiled (${cmd.join(' ')})`,
        cwd: work,
        command: process.execPath,
        args: cmd,
        marker: cmd.at(-1)!,
      },
      // What source maps cost (Node reads a module's map as it loads it when they are enabled).
      {
        name: 'compiled, without --enable-source-maps',
        cwd: work,
        command: process.execPath,
        args: cmd.filter((a) => a !== '--enable-source-maps'),
        marker: cmd.at(-1)!,
      },
    ];
    console.log(
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}; ${ROUNDS} rounds, RSS after ${IDLE_MS / 1000} s idle; load average ${load()}`,
    );
    const samples = new Map<string, Sample[]>(modes.map((m) => [m.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const mode of modes) {
        const dataDir = mkdtempSync(join(work, 'data-'));
        const first = await run(mode, dataDir, false);
        const restart = await run(mode, dataDir, true);
        const m = restart.memory!;
        samples.get(mode.name)!.push({
          firstMs: first.ms,
          restartMs: restart.ms,
          firstCpuMs: first.cpuMs,
          restartCpuMs: restart.cpuMs,
          rssKiB: m.rss,
          rssAnonKiB: m.anon,
          rssFileKiB: m.file,
        });
        console.log(
          `round ${round} ${mode.name}: healthy after ${fmt(first.ms)} ms (empty data dir; ${fmt(first.cpuMs)} ms CPU), ${fmt(restart.ms)} ms (restart; ${fmt(restart.cpuMs)} ms CPU); idle RSS ${fmt(m.rss / 1024, 1)} MiB (anon ${fmt(m.anon / 1024, 1)}, file ${fmt(m.file / 1024, 1)}); load ${load()}`,
        );
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const summary = (values: number[], digits = 0, scale = 1): string =>
      `${fmt(percentile(values, 50) / scale, digits)} (${fmt(Math.min(...values) / scale, digits)}–${fmt(Math.max(...values) / scale, digits)})`;
    console.log('\n=== start-up to healthy and idle RSS: median (min–max) ===');
    for (const [name, s] of samples) {
      console.log(`${name}`);
      console.log(`  first start, empty data dir (ms)  ${summary(s.map((x) => x.firstMs))}`);
      console.log(`  restart on its data (ms)          ${summary(s.map((x) => x.restartMs))}`);
      console.log(`  server CPU to healthy, first (ms) ${summary(s.map((x) => x.firstCpuMs))}`);
      console.log(`  server CPU to healthy, restart    ${summary(s.map((x) => x.restartCpuMs))}`);
      console.log(
        `  idle RSS (MiB)                    ${summary(
          s.map((x) => x.rssKiB),
          1,
          1024,
        )}; anon ${summary(
          s.map((x) => x.rssAnonKiB),
          1,
          1024,
        )}, file-backed ${summary(
          s.map((x) => x.rssFileKiB),
          1,
          1024,
        )}`,
      );
    }
    console.log(`load average at the end ${load()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
