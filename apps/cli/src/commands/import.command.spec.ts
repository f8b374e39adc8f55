import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../cli.program';
import { endpointsFrom } from '../fleetscope.client';
import { importAzureFunctions, importCommand, parseDay } from './import.command';

/** A stand-in collector: `answer` gives each request's status and body, by its number (from 1). */
async function fakeCollector(
  answer: (n: number) => { status: number; body?: Buffer | string; type?: string },
): Promise<{ url: string; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { status, body, type } = answer(++n);
      res.statusCode = status;
      res.setHeader('content-type', type ?? 'application/x-protobuf');
      res.end(body ?? Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'fleetscope-import-spec-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A 2019 invocation-count file of `counts` per function (one line each, minutes 1..n). */
function countsFile(name: string, rows: number[][]): string {
  const path = join(scratch, name);
  const minutes = Math.max(...rows.map((r) => r.length));
  writeFileSync(
    path,
    [
      `HashOwner,HashApp,HashFunction,Trigger,${Array.from({ length: minutes }, (_, i) => i + 1).join(',')}`,
      ...rows.map((r, i) => `o,a,f${i},http,${r.join(',')}`),
    ].join('\n'),
  );
  return path;
}

/** What importAzureFunctions throws with, against a collector at `ingestUrl`. */
async function importFailure(file: string, ingestUrl: string, batchSpans = 5000): Promise<string> {
  const error: unknown = await importAzureFunctions(
    {
      invocations: file,
      dayStartMs: Date.UTC(2026, 11, 1),
      seed: 1,
      batchSpans,
      concurrency: 1,
    },
    endpointsFrom({ ingestUrl, url: 'http://127.0.0.1:1' }, {}),
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

/** What the CLI says of `--day <value>`, or undefined when it is accepted. */
async function dayRefusal(value: string): Promise<string | undefined> {
  const program = buildProgram([importCommand]);
  // Quiet: the error comes back as the rejection (exitOverride), and the message is checked there.
  for (const c of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    c.configureOutput({ writeErr: () => undefined });
  }
  // A file that does not exist: an accepted --day gets as far as opening it.
  const error: unknown = await program
    .parseAsync(
      ['import', 'azure-functions', '--invocations', '/nonexistent/trace.csv', '--day', value],
      { from: 'user' },
    )
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  const message = error instanceof Error ? error.message : '';
  return /--day/.test(message) ? message : undefined;
}

describe(parseDay.name, () => {
  it('takes a UTC day, an ISO-8601 time (no offset means UTC) or epoch ms', () => {
    expect(parseDay('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
    expect(parseDay('2026-12-01T06:30')).toBe(Date.UTC(2026, 11, 1, 6, 30));
    expect(parseDay('2026-12-01T06:30:00+01:00')).toBe(Date.UTC(2026, 11, 1, 5, 30));
    expect(parseDay(String(Date.UTC(2026, 11, 1)))).toBe(Date.UTC(2026, 11, 1));
  });

  it('refuses --day values that are not a real day or an ISO-8601 time, naming the flag, instead of importing on another day', async () => {
    // Date.parse rolls 2026-02-30 over to 2 March, and reads "1.5" as 5 January 2001 local time.
    for (const value of ['2026-02-30', '2026-13-01', '1.5', '12/01/2026', 'December 1, 2026']) {
      expect(await dayRefusal(value)).toMatch(
        /option '--day <day>' argument '.*' is invalid\. expected a day \(2026-12-01\)/,
      );
    }
    expect(await dayRefusal('2026-12-01')).toBeUndefined();
  });
});

describe('an import that stops part-way', () => {
  it('says a re-run stores nothing twice only as the same command (--batch-spans included), not whatever it is', async () => {
    // The first request is stored, the second fails for good.
    const collector = await fakeCollector((n) => ({ status: n === 1 ? 200 : 500 }));
    try {
      const message = await importFailure(countsFile('stop.csv', [[3, 3, 3]]), collector.url, 4);
      expect(message).toMatch(/the import stopped: 1 of the 2 requests .*\(4 invocations stored\)/);
      expect(message).toMatch(
        /Running the same command again \(the same files and options, --batch-spans included\) within 2 days sends the same requests.*another --batch-spans, --seed, --day, --prefix or --cap-per-minute sends other requests, and invocations already stored may be stored twice/,
      );
      expect(message).not.toMatch(
        /sends every request again; the collector recognises those it has stored and does not store them twice/,
      );
    } finally {
      await collector.close();
    }
  });
});

describe('a header in quotes', () => {
  it('is read as the readers read it: a quoted 2021 header is the 2021 trace, not a bad invocation-count file', async () => {
    const collector = await fakeCollector(() => ({ status: 200 }));
    try {
      const endpoints = endpointsFrom({ ingestUrl: collector.url }, {});
      const options = {
        dayStartMs: Date.UTC(2026, 11, 1),
        seed: 1,
        batchSpans: 100,
        concurrency: 1,
      };
      const quoted2021 = join(scratch, 'quoted2021.csv');
      writeFileSync(quoted2021, '"app","func","end_timestamp","duration"\na,b,10,2\na,c,12,1\n');
      await expect(
        importAzureFunctions({ ...options, invocations: quoted2021 }, endpoints),
      ).resolves.toMatchObject({ schema: 'azure-2021', invocations: 2, stored: 2, functions: 2 });

      const quoted2019 = join(scratch, 'quoted2019.csv');
      writeFileSync(
        quoted2019,
        '"HashOwner","HashApp","HashFunction","Trigger","1","2"\no,a,f,http,1,2\n',
      );
      await expect(
        importAzureFunctions({ ...options, invocations: quoted2019 }, endpoints),
      ).resolves.toMatchObject({ schema: 'azure-2019', invocations: 3, stored: 3 });

      // A quoted durations file given as --invocations is still named for what it is.
      const durations = join(scratch, 'quoted-durations.csv');
      writeFileSync(
        durations,
        '"HashOwner","HashApp","HashFunction","Average","Count","Minimum","Maximum","percentile_Average_0"\n',
      );
      await expect(
        importAzureFunctions({ ...options, invocations: durations }, endpoints),
      ).rejects.toThrow(/not an invocation-count file: it looks like a function-durations file/);
    } finally {
      await collector.close();
    }
  });
});

describe('what the import says', () => {
  it('names a 200 that is not an OTLP collector answer as such, not only "invalid wire type"', async () => {
    const page = await fakeCollector(() => ({
      status: 200,
      type: 'text/html',
      body: '<!doctype html><title>It works!</title>',
    }));
    try {
      const message = await importFailure(countsFile('page.csv', [[1]]), page.url);
      expect(message).toMatch(
        new RegExp(
          `^${page.url}/v1/traces did not answer as a Fleetscope collector \\(OTLP/HTTP /v1/traces\\): .*wire type.*; check --ingest-url or FLEETSCOPE_INGEST_URL; nothing was imported$`,
        ),
      );
    } finally {
      await page.close();
    }
  });

  it('counts the functions it imported, not rows without an invocation', async () => {
    const collector = await fakeCollector(() => ({ status: 200 }));
    try {
      const summary = await importAzureFunctions(
        {
          invocations: countsFile('zeros.csv', [
            [0, 2, 0],
            [0, 0, 0],
            [1, 0, 0],
          ]),
          dayStartMs: Date.UTC(2026, 11, 1),
          seed: 1,
          batchSpans: 100,
          concurrency: 1,
        },
        endpointsFrom({ ingestUrl: collector.url }, {}),
      );
      expect(summary).toMatchObject({ functions: 2, invocations: 3, stored: 3 });
    } finally {
      await collector.close();
    }
  });

  it('has no --url: the import talks to the collector only', () => {
    const program = buildProgram([importCommand]);
    const azure = program.commands[0].commands[0];
    expect(azure.options.map((o) => o.long)).toContain('--ingest-url');
    expect(azure.options.map((o) => o.long)).not.toContain('--url');
  });
});
