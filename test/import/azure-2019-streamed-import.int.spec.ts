import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAzureFunctions, type AzureImportOptions } from '@fleetscope/cli';

const SAMPLE_2019 = join(__dirname, '..', 'fixtures', 'azure-functions', '2019-10fn');
const DAY_MS = Date.UTC(2026, 11, 1);

jest.setTimeout(120_000);

/**
 * What `import azure-functions` sent for the 2019 sample while it held every row (at 0bbb44a):
 * the summary, and the SHA-256 of the request bodies in the order they were sent.
 */
const BEFORE = {
  dayCapped: {
    summary: { schema: 'azure-2019', functions: 10, invocations: 67906, requests: 68 },
    bodies: '489dbffc2ae156a95c9902df2d438777d00d287f1c1e1fc4e62b721adb296311',
  },
  twelveMinutes: {
    summary: { schema: 'azure-2019', functions: 9, invocations: 108643, requests: 22 },
    bodies: 'e0da665a95c11d2e59a7c2dc06a9ae6695612e38638b1887782545e0903ed63e',
  },
};

/** A collector that answers every request as stored and keeps a digest of the bodies. */
class Recorder {
  private readonly server: Server;
  private hash = createHash('sha256');

  constructor() {
    this.server = createServer((request, response) => {
      const parts: Buffer[] = [];
      request.on('data', (part: Buffer) => parts.push(part));
      request.on('end', () => {
        this.hash.update(Buffer.concat(parts));
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The digest of the bodies received since the last call. */
  take(): string {
    const digest = this.hash.digest('hex');
    this.hash = createHash('sha256');
    return digest;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('import azure-functions of a 2019 file, streamed', () => {
  const recorder = new Recorder();
  let url: string;
  let dir: string;

  beforeAll(async () => {
    url = await recorder.start();
    dir = mkdtempSync(join(tmpdir(), 'fleetscope-2019-streamed-'));
  });

  afterAll(async () => {
    await recorder.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(options: Partial<AzureImportOptions> & { invocations: string }) {
    const summary = await importAzureFunctions(
      {
        durations: join(SAMPLE_2019, 'durations.csv'),
        memory: join(SAMPLE_2019, 'memory.csv'),
        dayStartMs: DAY_MS,
        seed: 1,
        batchSpans: 5000,
        // One request at a time: the bodies arrive in the order they were sent.
        concurrency: 1,
        ...options,
      },
      { apiUrl: url, ingestUrl: url },
    );
    const { schema, functions, invocations, requests } = summary;
    return { summary: { schema, functions, invocations, requests }, bodies: recorder.take() };
  }

  it('sends the requests it sent when it held the whole day (capped, with a prefix)', async () => {
    expect(
      await run({
        invocations: join(SAMPLE_2019, 'invocations.csv'),
        capPerMinute: 5,
        batchSpans: 1000,
        prefix: 'x-',
      }),
    ).toEqual(BEFORE.dayCapped);
  });

  it('sends the requests it sent when it held the file, every invocation of 12 minutes', async () => {
    const twelve = join(dir, 'invocations-12.csv');
    const lines = readFileSync(join(SAMPLE_2019, 'invocations.csv'), 'utf8').trim().split('\n');
    writeFileSync(twelve, lines.map((l) => l.split(',').slice(0, 16).join(',')).join('\n'));
    expect(await run({ invocations: twelve })).toEqual(BEFORE.twelveMinutes);
  });
});
