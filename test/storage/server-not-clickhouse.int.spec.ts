import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@clickhouse/client';
import { StorageUnavailableError, execInserter, openClickHouse } from '@fleetscope/storage';

/**
 * CLICKHOUSE_URL naming an HTTP server that is not ClickHouse and answers 200 to everything (a
 * proxy's or load balancer's page): it took the ping, the migrations and every insert, and the
 * collector acknowledged rows that were stored nowhere.
 */
async function notClickHouse(): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway nginx</body></html>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, requests };
}

describe('a CLICKHOUSE_URL answering 200 without being ClickHouse', () => {
  let http: Awaited<ReturnType<typeof notClickHouse>>;
  beforeEach(async () => {
    http = await notClickHouse();
  });
  afterEach(() => new Promise((resolve) => http.server.close(resolve)));

  it('is refused at open, naming the URL and what it answered', async () => {
    const opening = openClickHouse({
      clickhouseUrl: http.url,
      clickhouseUser: 'default',
      clickhousePassword: '',
      clickhouseDatabase: 'fleetscope',
      dataDir: '/nonexistent',
      embeddedMemoryMb: 1024,
    });
    await expect(opening).rejects.toThrow(
      `CLICKHOUSE_URL ${http.url} is not a ClickHouse server's HTTP interface: SELECT version() was answered "<html><body>502 Bad Gateway nginx</body></html>"`,
    );
    // Refused before any statement: no CREATE DATABASE, no migration.
    expect(http.requests.some((url) => /CREATE/i.test(decodeURIComponent(url)))).toBe(false);
  });

  it('fails an insert it answers, as retryable, so the rows are kept and sent again', async () => {
    const client = createClient({ url: http.url });
    try {
      const insert = execInserter(client);
      const inserting = insert({
        table: 'invocations',
        columns: ['a'],
        body: Buffer.from('[1]\n'),
      });
      await expect(inserting).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(inserting).rejects.toThrow(
        'the insert into invocations was answered without x-clickhouse-summary: what answered is not ClickHouse, and the rows were not stored',
      );
    } finally {
      await client.close();
    }
  });
});
