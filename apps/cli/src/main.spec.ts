import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'fleetscope.js');

// The CLI starts through @swc-node/register: a few seconds on a busy machine.
jest.setTimeout(60_000);

describe('fleetscope writing to a pipe its reader closed (| head -1)', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    // A report far longer than a pipe holds, so the CLI is still writing when the reader is gone.
    const csv = `${'a,b,c,d,e,f,g,h\n'.repeat(400_000)}`;
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/csv');
      res.end(csv);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('exits quietly (status 0, nothing on stderr), not with an EPIPE stack trace and status 1', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'report', '--week', '2026-W48', '--format', 'csv', '--no-build', '--url', url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Reads the first chunk, then closes its end, as head -1 does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
