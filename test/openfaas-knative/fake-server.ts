import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface FakeServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export interface FakeAnswer {
  status?: number;
  type?: string;
  headers?: Record<string, string>;
  body: string;
}

export type FakeHandler = (request: SeenRequest) => FakeAnswer;

/** A platform API stand-in on a free loopback port: every request is recorded and answered by `handler`. */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const seen = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    req.resume();
    req.on('end', () => {
      const answer = handler(seen);
      res.writeHead(answer.status ?? 200, {
        'content-type': answer.type ?? 'application/json',
        ...answer.headers,
      });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
