import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** What `npm start` runs after its `prestart` build (package.json): `VAR=value … node <args>`. */
export interface NpmStartCommand {
  /** The variables set in front of `node` (the allocator's). */
  env: Record<string, string>;
  /** Node's flags, then the compiled entry point (relative to the folder dist/ is in). */
  args: string[];
}

/**
 * `npm run build` into `app/dist` with the repository's node_modules linked beside it: the layout
 * `npm start` runs in (dist/ in the repository) and the image's (`/app/dist`, `/app/node_modules`).
 */
export function buildApp(app: string): void {
  symlinkSync(realpathSync(join(REPOSITORY_ROOT, 'node_modules')), join(app, 'node_modules'));
  const build = spawnSync('npm', ['run', '--silent', 'build', '--', join(app, 'dist')], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0 || build.stderr) throw new Error(`npm run build failed:\n${build.stderr}`);
}

export function npmStartCommand(): NpmStartCommand {
  const pkg = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  // `exec env VAR=value … node …`: npm's shell replaced by node, which gets npm's signals.
  const words = pkg.scripts.start
    .trim()
    .split(/\s+/)
    .filter((word, i) => !(i === 0 && word === 'exec') && !(i <= 1 && word === 'env'));
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  const env: Record<string, string> = {};
  for (const word of words.slice(0, node)) {
    const [name, value] = word.split('=');
    if (value === undefined) throw new Error(`npm start: "${word}" is not VAR=value`);
    env[name] = value;
  }
  return { env, args: words.slice(node + 1) };
}

export interface FleetscopeProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * A Fleetscope process as an operator starts it: `node <args>` (or `command <args>`, e.g. npm)
 * in `cwd`, output captured.
 */
export function spawnFleetscope(
  args: string[],
  env: Record<string, string>,
  cwd = REPOSITORY_ROOT,
  command = process.execPath,
): FleetscopeProcess {
  let output = '';
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, FLEETSCOPE_LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Every listener on port 0: the system picks free ports, read back from the log by listeningOn. */
export const ANY_FREE_PORTS: Record<string, string> = {
  FLEETSCOPE_HTTP_PORT: '0',
  FLEETSCOPE_OTLP_HTTP_PORT: '0',
  FLEETSCOPE_OTLP_GRPC_PORT: '0',
};

export interface ProcessPorts {
  /** The dashboard and API port. */
  httpPort: number;
  apiUrl: string;
  ingestUrl: string;
  grpcAddress: string;
}

/**
 * The addresses a process started with ANY_FREE_PORTS logs once every server listens; fails at
 * once, with the process's output, if it exits first.
 */
export async function listeningOn(
  server: FleetscopeProcess,
  deadlineMs: number,
): Promise<ProcessPorts> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const until = Date.now() + deadlineMs;
  for (;;) {
    const output = server.output();
    const http = /dashboard and API on http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
    const otlp = /OTLP\/HTTP and platform ingest on http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
    const grpc = /OTLP\/gRPC on [^\s]+:(\d+)/.exec(output)?.[1];
    if (http && otlp && grpc) {
      return {
        httpPort: Number(http),
        apiUrl: `http://127.0.0.1:${http}`,
        ingestUrl: `http://127.0.0.1:${otlp}`,
        grpcAddress: `127.0.0.1:${grpc}`,
      };
    }
    if (exited) throw new Error(`exited before listening:\n${output}`);
    if (Date.now() > until) throw new Error(`not listening within ${deadlineMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
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
