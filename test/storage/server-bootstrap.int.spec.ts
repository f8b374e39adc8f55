import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openClickHouse } from '@fleetscope/storage';

/**
 * A stand-in for a ClickHouse server's HTTP interface: answers the ping, SELECT version() (asked
 * at open: what answers must be ClickHouse) with a version, every other statement with an empty
 * 200, and records each statement.
 */
async function standIn(): Promise<{
  url: string;
  statements: string[];
  users: Set<string>;
  server: Server;
}> {
  const statements: string[] = [];
  const users = new Set<string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (url.pathname === '/ping') {
        res.end('Ok.\n');
        return;
      }
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (basic) users.add(Buffer.from(basic, 'base64').toString().split(':')[0]);
      statements.push((url.searchParams.get('query') ?? body).replace(/\s+/g, ' ').trim());
      res.setHeader('X-ClickHouse-Summary', '{}');
      res.end(/SELECT version\(\)/.test(statements.at(-1) ?? '') ? '{"version":"25.8.1.1"}\n' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, statements, users, server };
}

describe('openClickHouse on a server', () => {
  let ch: Awaited<ReturnType<typeof standIn>>;
  beforeEach(async () => {
    ch = await standIn();
  });
  afterEach(() => new Promise((resolve) => ch.server.close(resolve)));

  const config = (cluster?: string) => ({
    clickhouseUrl: ch.url,
    clickhouseUser: 'default',
    clickhousePassword: '',
    clickhouseDatabase: 'fleetscope',
    clickhouseCluster: cluster,
    dataDir: '/nonexistent',
    embeddedMemoryMb: 1024,
  });

  it('creates the database on every host of the cluster in cluster mode', async () => {
    // Every later statement is ON CLUSTER: a database on the reached host alone failed them
    // with UNKNOWN_DATABASE on the other hosts of a fresh cluster.
    const handle = await openClickHouse(config('fleet'));
    await handle.close();
    expect(ch.statements.filter((s) => /CREATE DATABASE/i.test(s))).toEqual([
      "CREATE DATABASE IF NOT EXISTS fleetscope ON CLUSTER 'fleet'",
    ]);
  });

  it('creates the database on the one server without a cluster', async () => {
    const handle = await openClickHouse(config());
    await handle.close();
    expect(ch.statements.filter((s) => /CREATE DATABASE/i.test(s))).toEqual([
      'CREATE DATABASE IF NOT EXISTS fleetscope',
    ]);
  });

  it('connects with the credentials a CLICKHOUSE_URL holds, to the server alone', async () => {
    // A URL with a path is refused at start (loadConfig); credentials in it stay the client's.
    const handle = await openClickHouse({
      ...config(),
      clickhouseUrl: ch.url.replace('//', '//alice:secret@'),
      clickhouseUser: 'bob',
    });
    await handle.client.command({ query: 'SELECT 1' });
    await handle.close();
    expect([...ch.users]).toEqual(['alice']);
  });
});
