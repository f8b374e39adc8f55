import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './fleetscope-app';

export const REPOSITORY_ROOT = join(__dirname, '..', '..');

export interface FleetscopeProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** A Fleetscope process as an operator starts it: `node <args>` in `cwd`, output captured. */
export function spawnFleetscope(
  args: string[],
  env: Record<string, string>,
  cwd = REPOSITORY_ROOT,
): FleetscopeProcess {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, FLEETSCOPE_LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export interface ProcessPorts {
  /** FLEETSCOPE_*_PORT variables on free loopback ports. */
  env: Record<string, string>;
  apiUrl: string;
  ingestUrl: string;
}

export async function freeProcessPorts(): Promise<ProcessPorts> {
  const [http, otlp, grpc] = [await freePort(), await freePort(), await freePort()];
  return {
    env: {
      FLEETSCOPE_HTTP_PORT: String(http),
      FLEETSCOPE_OTLP_HTTP_PORT: String(otlp),
      FLEETSCOPE_OTLP_GRPC_PORT: String(grpc),
    },
    apiUrl: `http://127.0.0.1:${http}`,
    ingestUrl: `http://127.0.0.1:${otlp}`,
  };
}

/** Polls `url` until it answers 2xx (returns the JSON body); throws after `deadlineMs`. */
export async function waitForHealth(
  url: string,
  deadlineMs: number,
  intervalMs = 250,
): Promise<unknown> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`no health at ${url} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** waitForHealth, failing at once with the process's output if it exits first. */
export function waitUntilHealthy(
  server: FleetscopeProcess,
  url: string,
  deadlineMs: number,
  intervalMs = 100,
): Promise<unknown> {
  return Promise.race([
    waitForHealth(url, deadlineMs, intervalMs),
    server.exited.then((code) => {
      throw new Error(`exited (${code}) before healthy:\n${server.output()}`);
    }),
  ]);
}

/**
 * What Node (`(node:PID) …Warning: …`, process.emitWarning) and SDK notices look like in a
 * process's output; a start-up prints none of it.
 */
export const RUNTIME_WARNING = /\(node:\d+\)|warning|deprecat/i;
