import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';

/**
 * A ClickHouse server's HTTP interface for tests of server mode (CLICKHOUSE_URL): the statements
 * run in a real chDB engine in this process (the app under test, in server mode, never loads
 * chDB), answered as ClickHouse answers: X-ClickHouse-Summary on success, a 500 with
 * X-ClickHouse-Exception-Code and the engine's message on failure. It can be stopped and started
 * again on the same port, its data kept, as a server going away and coming back.
 */
export interface ClickHouseOverHttp {
  url: string;
  port: number;
  /** Starts listening (again) on `port`. */
  start(): Promise<void>;
  /** Stops listening and drops the open connections: requests are refused. */
  stop(): Promise<void>;
  /** Stops, closes the engine and removes its data. */
  dispose(): Promise<void>;
}

/** Parameters of the HTTP interface that are not settings. */
const RESERVED = new Set([
  'query',
  'query_id',
  'database',
  'session_id',
  'default_format',
  'enable_http_compression',
  'wait_end_of_query',
  'session_timeout',
  'session_check',
  'role',
]);

const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A port the system handed out and took back: nothing listens on it until start(). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function clickHouseOverHttp(port?: number): Promise<ClickHouseOverHttp> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-ch-http-'));
  const session = new Session(dir);
  const listenPort = port ?? (await freePort());
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  const handle = (body: string, search: URLSearchParams) => {
    const sql = [search.get('query'), body].filter(Boolean).join('\n');
    const database = search.get('database');
    if (database) {
      try {
        session.query(`USE ${database}`);
      } catch {
        // Not created yet: the statement itself may create it.
      }
    }
    for (const [name, value] of search) {
      if (RESERVED.has(name)) continue;
      const literal =
        name.startsWith('param_') || !/^-?[0-9.]+$/.test(value) ? quoted(value) : value;
      try {
        session.query(`SET ${name} = ${literal}`);
      } catch {
        // A setting the engine does not know: a server would refuse it, the tests never send one.
      }
    }
    return session.queryAsync(sql, { format: 'TabSeparated' });
  };

  const start = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/ping') {
          res.end('Ok.\n');
          return;
        }
        handle(Buffer.concat(chunks).toString('utf8'), url.searchParams).then(
          (result) => {
            res.setHeader('X-ClickHouse-Summary', '{"read_rows":"0","written_rows":"0"}');
            res.end(Buffer.from(result.bytes()));
          },
          (error: unknown) => {
            const message = String((error as Error)?.message ?? error);
            const code = /Code: (\d+)/.exec(message)?.[1] ?? '1';
            res.writeHead(500, { 'X-ClickHouse-Exception-Code': code });
            res.end(
              message.startsWith('Code:') ? message : `Code: ${code}. DB::Exception: ${message}`,
            );
          },
        );
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server!.listen(listenPort, '127.0.0.1', resolve));
  };

  const stop = async () => {
    const running = server;
    server = undefined;
    if (!running) return;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => running.close(resolve));
  };

  return {
    url: `http://127.0.0.1:${listenPort}`,
    port: listenPort,
    start,
    stop,
    dispose: async () => {
      await stop();
      session.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
