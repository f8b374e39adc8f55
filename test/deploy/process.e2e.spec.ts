import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const MAIN = 'apps/fleetscope/src/main.ts';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the all-in-one process exactly as `npm start` does. */
function start(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: root,
    env: { ...process.env, FLEETSCOPE_LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The ports the process logs once it listens (it is started on port 0 for each). */
async function listeningPorts(
  started: Started,
  deadlineMs: number,
): Promise<{ http: number; otlp: number; grpc: number }> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const output = started.output();
    const http = /dashboard and API on http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
    const otlp = /OTLP\/HTTP and platform ingest on http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
    const grpc = /OTLP\/gRPC on [^\s]+:(\d+)/.exec(output)?.[1];
    if (http && otlp && grpc) return { http: Number(http), otlp: Number(otlp), grpc: Number(grpc) };
    if (Date.now() > until) throw new Error(`not listening within ${deadlineMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the fleetscope process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-process-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on embedded ClickHouse, exits 0 on SIGINT, and finds its schema and data on restart', async () => {
    const env = {
      FLEETSCOPE_DATA_DIR: dataDir,
      FLEETSCOPE_HTTP_PORT: '0',
      FLEETSCOPE_OTLP_HTTP_PORT: '0',
      FLEETSCOPE_OTLP_GRPC_PORT: '0',
    };
    const first = start(env);
    const { http, otlp, grpc } = await listeningPorts(first, 60_000);
    expect(await (await fetch(`http://127.0.0.1:${http}/api/health`)).json()).toEqual({
      status: 'ok',
      clickhouse: { mode: 'embedded', ok: true },
      version: expect.any(String),
    });
    expect((await fetch(`http://127.0.0.1:${otlp}/health`)).status).toBe(200);
    expect(grpc).toBeGreaterThan(0);
    const put = await fetch(
      `http://127.0.0.1:${http}/api/functions/aws_lambda~123456789012~us-east-1~kept/config`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memoryMb: 768 }),
      },
    );
    expect(put.status).toBe(200);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('1 migration(s) applied');

    const second = start(env);
    const again = await listeningPorts(second, 60_000);
    const kept = (await fetch(
      `http://127.0.0.1:${again.http}/api/functions/aws_lambda~123456789012~us-east-1~kept`,
    ).then((r) => r.json())) as { config: { memoryMb: number } };
    expect(kept.config.memoryMb).toBe(768);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('0 migration(s) applied, 1 already in place');
  }, 120_000);

  it('refuses to listen beyond loopback without tokens, naming them, and exits non-zero', async () => {
    const refused = start({ FLEETSCOPE_HOST: '0.0.0.0', FLEETSCOPE_DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('set FLEETSCOPE_INGEST_TOKEN and FLEETSCOPE_API_TOKEN');
  }, 60_000);

  it('names the variable when a value is invalid', async () => {
    const refused = start({ FLEETSCOPE_HTTP_PORT: 'eighty', FLEETSCOPE_DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('FLEETSCOPE_HTTP_PORT: must be a port number');
  }, 60_000);
});
