import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import { buildProgram, endpointsFrom, importAzureFunctions, importCommand } from '@fleetscope/cli';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'azure-functions');
const SAMPLE_2019 = join(FIXTURES, '2019-10fn');
const SAMPLE_2021 = join(FIXTURES, '2021', 'Azure2021_200.csv');
const DAY = '2026-12-01';
const DAY_MS = Date.parse(`${DAY}T00:00:00Z`);
/** The sample's first minutes: every function and trigger, ~9k invocations a minute. */
const MINUTES = 12;

const short = (hash: string) => hash.slice(0, 16);

// Each import sends 10^4–10^5 spans through the real collector on a shared 2-core machine.
jest.setTimeout(240_000);

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
}

/**
 * The sample cut to `minutes` minute columns (from minute `from` + 1 on, renumbered from 1: a
 * day's file of its own), optionally in the vHive variant.
 */
function sampleFile(
  dir: string,
  minutes: number,
  variant: 'azure-2019' | 'vhive',
  from = 0,
): string {
  const [header, ...rows] = csvRows(join(SAMPLE_2019, 'invocations.csv'));
  const cut = (row: string[], isHeader: boolean) => {
    const minuteCols = isHeader
      ? header.slice(4, 4 + minutes)
      : row.slice(4 + from, 4 + from + minutes);
    if (variant === 'azure-2019') return [...row.slice(0, 4), ...minuteCols];
    return [...row.slice(0, 3), ...(isHeader ? minuteCols.map((m) => `minute_${m}`) : minuteCols)];
  };
  const path = join(dir, `invocations-${variant}-${from === 0 ? '' : `${from}+`}${minutes}.csv`);
  writeFileSync(
    path,
    [cut(header, true), ...rows.map((r) => cut(r, false))].map((r) => r.join(',')).join('\n'),
  );
  return path;
}

async function runImport(fs: RunningFleetscope, args: string[]): Promise<void> {
  const program = buildProgram([importCommand]).configureOutput({ writeErr: () => undefined });
  await program.parseAsync(['import', 'azure-functions', ...args, '--ingest-url', fs.ingestUrl], {
    from: 'user',
  });
  await fs.flush();
}

async function query<T>(fs: RunningFleetscope, sql: string): Promise<T[]> {
  const result = await fs.clickhouse.client.query({ query: sql, format: 'JSONEachRow' });
  return result.json<T>();
}

/** Per (function, minute, trigger) → invocations, as stored. */
async function storedCounts(fs: RunningFleetscope, prefix: string): Promise<Map<string, number>> {
  const rows = await query<{ f: string; m: string; t: string; n: string }>(
    fs,
    `SELECT function_id AS f, toString(toUnixTimestamp(toStartOfMinute(start_time))) AS m,
            trigger AS t, count() AS n
       FROM invocations
      WHERE platform = 'azure_functions' AND startsWith(function_id, 'azure_functions~${prefix}')
      GROUP BY f, m, t`,
  );
  return new Map(rows.map((r) => [`${r.f} ${Number(r.m) * 1000} ${r.t}`, Number(r.n)]));
}

/** Per (function, minute) → invocations in the per-minute aggregate the pages read. */
async function aggregateCounts(
  fs: RunningFleetscope,
  prefix: string,
): Promise<Map<string, number>> {
  const rows = await query<{ f: string; m: string; n: string }>(
    fs,
    `SELECT function_id AS f, toString(toUnixTimestamp(minute)) AS m, sum(invocations) AS n
       FROM function_minutes
      WHERE source = 'otel_span' AND startsWith(function_id, 'azure_functions~${prefix}')
      GROUP BY f, m HAVING n > 0`,
  );
  return new Map(rows.map((r) => [`${r.f} ${Number(r.m) * 1000}`, Number(r.n)]));
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function total(map: Map<string, number>): number {
  let sum = 0;
  for (const n of map.values()) sum += n;
  return sum;
}

describe('npx fleetscope import azure-functions', () => {
  let fs: RunningFleetscope;
  let scratch: string;

  beforeAll(async () => {
    fs = await startFleetscope();
    scratch = mkdtempSync(join(tmpdir(), 'fleetscope-import-'));
  });

  afterAll(async () => {
    await fs?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stores each minute of the 2019 sample exactly: per function, per trigger and overall', async () => {
    const file = sampleFile(scratch, MINUTES, 'azure-2019');
    await runImport(fs, [
      '--invocations',
      file,
      '--durations',
      join(SAMPLE_2019, 'durations.csv'),
      '--memory',
      join(SAMPLE_2019, 'memory.csv'),
      '--day',
      DAY,
      '--prefix',
      'a-',
    ]);

    const expected = new Map<string, number>();
    const expectedMinutes = new Map<string, number>();
    const perTrigger = new Map<string, number>();
    for (const row of csvRows(file).slice(1)) {
      const [owner, app, func, trigger] = row;
      const id = functionId({
        platform: 'azure_functions',
        account: `a-${short(owner)}`,
        region: short(app),
        name: `a-${short(func)}`,
      });
      row.slice(4).forEach((count, m) => {
        const n = Number(count);
        if (n === 0) return;
        add(expected, `${id} ${DAY_MS + m * 60_000} ${trigger}`, n);
        add(expectedMinutes, `${id} ${DAY_MS + m * 60_000}`, n);
        add(perTrigger, trigger, n);
      });
    }
    const stored = await storedCounts(fs, 'a-');
    expect(stored).toEqual(expected);
    expect(await aggregateCounts(fs, 'a-')).toEqual(expectedMinutes);
    const storedPerTrigger = new Map<string, number>();
    for (const [key, n] of stored) add(storedPerTrigger, key.split(' ')[2], n);
    expect(storedPerTrigger).toEqual(perTrigger);
    expect(total(stored)).toBe(total(expected));
    expect(total(expected)).toBeGreaterThan(100_000);
  });

  it('draws durations from the published percentiles and memory from the app, as Azure bills it', async () => {
    const rows = await query<{ f: string; n: string; p50: number; mem: number[] }>(
      fs,
      `SELECT function_id AS f, count() AS n, quantile(0.5)(duration_us / 1000) AS p50,
              groupUniqArray(memory_size_mb) AS mem
         FROM invocations WHERE startsWith(function_id, 'azure_functions~a-')
        GROUP BY function_id`,
    );
    const published = new Map(
      csvRows(join(SAMPLE_2019, 'durations.csv'))
        .slice(1)
        .map((r) => [`a-${short(r[2])}`, { p25: Number(r[9]), p75: Number(r[11]) }]),
    );
    const memoryMax = new Map(
      csvRows(join(SAMPLE_2019, 'memory.csv'))
        .slice(1)
        .map((r) => [`a-${short(r[2])}`, Number(r[12])]),
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const r of rows) {
      const name = decodeURIComponent(r.f.split('~')[3]);
      const { p25, p75 } = published.get(name)!;
      // The median of thousands of draws lies between the published quartiles.
      if (Number(r.n) >= 1000) {
        expect(r.p50).toBeGreaterThanOrEqual(p25);
        expect(r.p50).toBeLessThanOrEqual(p75);
      }
      // Billed memory: the app's allocation rounded up to 128 MB, never above its maximum's step.
      for (const mb of r.mem) {
        expect(mb % 128).toBe(0);
        expect(mb).toBeLessThanOrEqual(Math.ceil(memoryMax.get(name)! / 128) * 128);
      }
    }
  });

  it('imports the vHive variant (minute_1.., no Trigger) with the same per-minute counts', async () => {
    const file = sampleFile(scratch, 3, 'vhive');
    await runImport(fs, ['--invocations', file, '--day', DAY, '--prefix', 'v-']);
    const expected = new Map<string, number>();
    for (const [owner, app, func, ...counts] of csvRows(file).slice(1)) {
      const id = functionId({
        platform: 'azure_functions',
        account: `v-${short(owner)}`,
        region: short(app),
        name: `v-${short(func)}`,
      });
      counts.forEach(
        (c, m) => Number(c) > 0 && add(expected, `${id} ${DAY_MS + m * 60_000}`, Number(c)),
      );
    }
    expect(await aggregateCounts(fs, 'v-')).toEqual(expected);
  });

  it('imports the 2021 sample with every invocation at its own start and duration', async () => {
    await runImport(fs, ['--invocations', SAMPLE_2021, '--day', DAY, '--prefix', 'n-']);
    const expected = new Map<string, number>();
    let durationSum = 0;
    for (const [app, func, end, duration] of csvRows(SAMPLE_2021).slice(1)) {
      const id = functionId({
        platform: 'azure_functions',
        account: 'n',
        region: short(app),
        name: `n-${short(func)}`,
      });
      const startMs = DAY_MS + Math.floor(Math.round((Number(end) - Number(duration)) * 1e9) / 1e6);
      add(expected, `${id} ${Math.floor(startMs / 60_000) * 60_000}`, 1);
      durationSum += Number(duration) * 1000;
    }
    // The 2021 trace names no owner: the account is the prefix alone.
    expect(await aggregateCounts(fs, 'n~')).toEqual(expected);
    const [{ ms }] = await query<{ ms: number }>(
      fs,
      `SELECT sum(duration_us) / 1000 AS ms FROM invocations WHERE startsWith(function_id, 'azure_functions~n~')`,
    );
    expect(ms).toBeCloseTo(durationSum, 0);
  });

  it('another day of the trace, or the same file on another --day, is stored, not dropped as already stored', async () => {
    // Two day files of one fleet (the same functions): the k-th invocation of a function is in both.
    const dayA = sampleFile(scratch, 4, 'azure-2019');
    const dayB = sampleFile(scratch, 4, 'azure-2019', 4);
    const invocationsOf = (file: string) =>
      csvRows(file)
        .slice(1)
        .reduce((n, row) => n + row.slice(4).reduce((m, c) => m + Number(c), 0), 0);
    const days = ['2026-12-02', '2026-12-03', '2026-12-04'];
    await runImport(fs, ['--invocations', dayA, '--day', days[0], '--prefix', 'd-']);
    await runImport(fs, ['--invocations', dayB, '--day', days[1], '--prefix', 'd-']);
    await runImport(fs, ['--invocations', dayA, '--day', days[2], '--prefix', 'd-']);
    const apiTotal = async (from: string, to: string) => {
      const { functions } = await getJson<{ functions: { name: string; invocations: number }[] }>(
        fs,
        `/api/functions?from=${from}T00:00:00Z&to=${to}T00:00:00Z`,
      );
      return functions
        .filter((f) => f.name.startsWith('d-'))
        .reduce((n, f) => n + f.invocations, 0);
    };
    const [a, b] = [invocationsOf(dayA), invocationsOf(dayB)];
    expect(a).toBeGreaterThan(10_000);
    expect(b).toBeGreaterThan(10_000);
    expect(await apiTotal(days[0], days[1])).toBe(a);
    expect(await apiTotal(days[1], days[2])).toBe(b);
    expect(await apiTotal(days[2], '2026-12-05')).toBe(a);
    expect(await apiTotal(days[0], '2026-12-05')).toBe(a + b + a);
  });

  it('re-running the same import stores nothing twice', async () => {
    await runImport(fs, ['--invocations', SAMPLE_2021, '--day', DAY, '--prefix', 'n-']);
    const stored = await aggregateCounts(fs, 'n~');
    expect(total(stored)).toBe(csvRows(SAMPLE_2021).length - 1);
  });

  describe('spans the collector refuses', () => {
    /** What `import` says when it fails, and the exit it gives (main.ts: exit 1 on a throw). */
    async function failedImport(args: string[]): Promise<string> {
      const error: unknown = await runImport(fs, args).then(
        () => undefined,
        (e: unknown) => e,
      );
      await fs.flush();
      expect(error).toBeInstanceOf(Error);
      return (error as Error).message;
    }

    async function storedOf(prefix: string): Promise<number> {
      return total(await aggregateCounts(fs, prefix));
    }

    it('an import partly older than the retention reports what was stored and what was rejected, fails, and a re-run says the same instead of "imported"', async () => {
      const invocations = csvRows(SAMPLE_2021).length - 1;
      // Minute 1 ten minutes before the retention's start: the trace's first minutes are too old.
      const retentionStart = Date.now() - fs.config.rawRetentionDays * 86_400_000;
      const day = String(Math.floor(retentionStart / 60_000) * 60_000 - 10 * 60_000);
      const args = ['--invocations', SAMPLE_2021, '--day', day, '--prefix', 'r-'];

      const first = await failedImport(args);
      const stored = await storedOf('r~');
      const said =
        /^stored (\d+) of (\d+) invocations .*the collector rejected (\d+) spans \(time_before_retention: (\d+)\); first: .*older than the retention window/.exec(
          first,
        );
      expect(said).not.toBeNull();
      const [, saidStored, saidTotal, saidRejected] = said!.map(Number);
      expect(saidTotal).toBe(invocations);
      expect(saidStored).toBe(stored);
      expect(saidRejected).toBe(invocations - stored);
      expect(stored).toBeGreaterThan(0);
      expect(saidRejected).toBeGreaterThan(0);
      expect(first).not.toMatch(/nothing was imported|send the rest/);
      expect(first).toMatch(/sends the same spans and they are rejected again.*pass a later --day/);

      // Re-running as a retry would: the collector recognises the requests and still reports the
      // refused spans, so the CLI fails again and stores nothing twice.
      const again = await failedImport(args);
      expect(again).toMatch(/^stored \d+ of \d+ invocations .*the collector rejected \d+ spans/);
      const [, againStored, , againRejected] = /^stored (\d+) of (\d+) .*rejected (\d+) spans/
        .exec(again)!
        .map(Number);
      expect(againStored + againRejected).toBe(invocations);
      // The window moved by the seconds between the runs: at most a few more are now too old.
      expect(againRejected).toBeGreaterThanOrEqual(saidRejected);
      expect(await storedOf('r~')).toBe(stored);
    });

    it('an import entirely older than the retention reports every span rejected, not "nothing was imported" of a failed request', async () => {
      const invocations = csvRows(SAMPLE_2021).length - 1;
      const day = String(
        Math.floor((Date.now() - (fs.config.rawRetentionDays + 2) * 86_400_000) / 60_000) * 60_000,
      );
      const message = await failedImport([
        '--invocations',
        SAMPLE_2021,
        '--day',
        day,
        '--prefix',
        'o-',
        '--batch-spans',
        '50',
      ]);
      expect(message).toMatch(
        new RegExp(
          `^stored 0 of ${invocations} invocations .* in 4 requests; the collector rejected ${invocations} spans \\(time_before_retention: ${invocations}\\)`,
        ),
      );
      expect(await storedOf('o~')).toBe(0);
    });
  });

  it('--speed-up paces the trace: nothing of minute m is stored before m minutes ÷ N, and nothing is lost', async () => {
    // One invocation a minute per function (--cap-per-minute 1), ten spans per request: about one
    // request per trace minute. 5 minutes at 30× take 8 s; unpaced, the 5 requests take well under 2.
    const minutes = 5;
    const speedUp = 30;
    const file = sampleFile(scratch, minutes, 'azure-2019');
    const perMinute = new Array<number>(minutes).fill(0);
    for (const row of csvRows(file).slice(1)) {
      row.slice(4).forEach((count, m) => (perMinute[m] += Math.min(Number(count), 1)));
    }
    const arrivals: { atMs: number; stored: number }[] = [];
    let stored = 0;
    const started = Date.now();
    const summary = await importAzureFunctions(
      {
        invocations: file,
        dayStartMs: DAY_MS,
        speedUp,
        seed: 1,
        prefix: 's-',
        batchSpans: 10,
        concurrency: 6,
        capPerMinute: 1,
      },
      endpointsFrom({ url: fs.apiUrl, ingestUrl: fs.ingestUrl }),
      {
        start: () => undefined,
        advance: (n) => arrivals.push({ atMs: Date.now() - started, stored: (stored += n) }),
        stop: () => undefined,
      },
    );
    await fs.flush();

    // By each moment, at most the invocations of the trace minutes already due.
    const dueBy = (elapsedMs: number) => {
      const lastDue = Math.floor((elapsedMs * speedUp) / 60_000);
      return perMinute.slice(0, lastDue + 1).reduce((a, b) => a + b, 0);
    };
    for (const a of arrivals) expect(a.stored).toBeLessThanOrEqual(dueBy(a.atMs));
    expect(Date.now() - started).toBeGreaterThanOrEqual(((minutes - 1) * 60_000) / speedUp);
    expect(perMinute.every((n) => n > 0)).toBe(true);
    expect(summary.invocations).toBe(total(new Map(perMinute.map((n, m) => [String(m), n]))));
    expect(total(await storedCounts(fs, 's-'))).toBe(summary.invocations);
  });

  describe('malformed input', () => {
    async function rowsStored(): Promise<number> {
      const [{ n }] = await query<{ n: string }>(fs, 'SELECT count() AS n FROM invocations');
      return Number(n);
    }

    async function expectRefused(args: string[], message: RegExp): Promise<void> {
      const before = await rowsStored();
      await expect(runImport(fs, [...args, '--day', DAY, '--prefix', 'bad-'])).rejects.toThrow(
        message,
      );
      expect(await rowsStored()).toBe(before);
    }

    it('a count that is not a number names the file and the line, and imports nothing', async () => {
      const file = sampleFile(scratch, 5, 'azure-2019');
      const lines = readFileSync(file, 'utf8').split('\n');
      // The last function's third minute: every earlier row is valid and would be sendable.
      const cells = lines[10].split(',');
      cells[6] = '12x';
      lines[10] = cells.join(',');
      writeFileSync(file, lines.join('\n'));
      await expectRefused(
        ['--invocations', file],
        /invocations-azure-2019-5\.csv:11: column '3' \("12x"\) is not a non-negative integer/,
      );
    });

    it('a count too large for a counter says so, naming the file and the line', async () => {
      const file = sampleFile(scratch, 5, 'azure-2019');
      const lines = readFileSync(file, 'utf8').split('\n');
      const cells = lines[10].split(',');
      cells[6] = '4294967297';
      lines[10] = cells.join(',');
      writeFileSync(file, lines.join('\n'));
      await expectRefused(
        ['--invocations', file],
        /invocations-azure-2019-5\.csv:11: column '3' \("4294967297"\) is more than 4294967295/,
      );
    });

    it('a row with missing columns is refused with its line', async () => {
      const file = join(scratch, 'short-row.csv');
      writeFileSync(
        file,
        'HashOwner,HashApp,HashFunction,Trigger,1,2\no,a,f,http,1,2\no,a,g,http,1\n',
      );
      await expectRefused(['--invocations', file], /short-row\.csv:3: .*(column|record)/i);
    });

    it('a header that is not the trace schema is refused at line 1', async () => {
      const file = join(scratch, 'header.csv');
      writeFileSync(file, 'Owner,App,Function,Trigger,1\no,a,f,http,1\n');
      await expectRefused(['--invocations', file], /header\.csv:1: not an invocation-count file/);
    });

    it('the durations file given as --invocations is named for what it looks like, with the headers --invocations takes', async () => {
      await expectRefused(
        ['--invocations', join(SAMPLE_2019, 'durations.csv')],
        /durations\.csv:1: not an invocation-count file: it looks like a function-durations file .*\(pass it as --durations\); --invocations takes HashOwner,HashApp,HashFunction,Trigger,1,2,… \(2019\), HashOwner,HashApp,HashFunction,minute_1,minute_2,… \(vHive\) or app,func,end_timestamp,duration \(2021\)/,
      );
      await expectRefused(
        ['--invocations', join(SAMPLE_2019, 'memory.csv')],
        /memory\.csv:1: not an invocation-count file: it looks like an app-memory file .*\(pass it as --memory\)/,
      );
      const file = sampleFile(scratch, 2, 'azure-2019');
      await expectRefused(
        ['--invocations', file, '--durations', join(SAMPLE_2019, 'memory.csv')],
        /memory\.csv:1: not a function-durations file .*: it looks like an app-memory file/,
      );
    });

    it('an unknown column 4 lists every header --invocations takes, not only minute_1', async () => {
      const file = join(scratch, 'kind.csv');
      writeFileSync(file, 'HashOwner,HashApp,HashFunction,Kind,1\no,a,f,http,1\n');
      await expectRefused(
        ['--invocations', file],
        /kind\.csv:1: .*column 4 is 'Kind'.*; --invocations takes HashOwner,HashApp,HashFunction,Trigger,1,2,… \(2019\), .*minute_1.* or app,func,end_timestamp,duration \(2021\)/,
      );
    });

    it('a --speed-up that is not a positive number is refused by name', async () => {
      const file = sampleFile(scratch, 2, 'azure-2019');
      await expectRefused(
        ['--invocations', file, '--speed-up', '0'],
        /--speed-up <n>' argument '0' is invalid\. expected a positive number/,
      );
    });

    it('minute columns with a gap are refused', async () => {
      const file = join(scratch, 'gap.csv');
      writeFileSync(file, 'HashOwner,HashApp,HashFunction,Trigger,1,3\no,a,f,http,1,1\n');
      await expectRefused(['--invocations', file], /gap\.csv:1: column 6 is '3', expected '2'/);
    });

    it('a valid invocation file with a malformed duration file imports nothing', async () => {
      const file = sampleFile(scratch, 2, 'azure-2019');
      const durations = join(scratch, 'durations.csv');
      const lines = readFileSync(join(SAMPLE_2019, 'durations.csv'), 'utf8').split('\n');
      lines[4] = lines[4].replace(/,(\d+),(\d+)$/, ',$2,$1'); // p99 above p100
      writeFileSync(durations, lines.join('\n'));
      await expectRefused(
        ['--invocations', file, '--durations', durations],
        /durations\.csv:5: percentiles decrease/,
      );
    });

    it('an app listed twice in the memory file with different figures is refused with its line, not the last row kept', async () => {
      const file = sampleFile(scratch, 2, 'azure-2019');
      const memory = join(scratch, 'memory-twice.csv');
      const lines = readFileSync(join(SAMPLE_2019, 'memory.csv'), 'utf8').trim().split('\n');
      const cells = lines[1].split(',');
      const app = cells[1];
      // The same app under another function (as the vHive copy lists it), its maximum changed.
      cells[2] = 'f'.repeat(64);
      cells[cells.length - 1] = String(Number(cells[cells.length - 1]) + 100);
      writeFileSync(memory, [...lines, cells.join(',')].join('\n'));
      await expectRefused(
        ['--invocations', file, '--memory', memory],
        new RegExp(
          `memory-twice\\.csv:${lines.length + 1}: app ${app} is listed twice with different figures \\(first at line 2\\)`,
        ),
      );
    });

    it('refuses --cap-per-minute, --durations and --memory with a 2021 trace instead of ignoring them', async () => {
      await expectRefused(
        ['--invocations', SAMPLE_2021, '--cap-per-minute', '2'],
        /Azure2021_200\.csv is the 2021 per-invocation trace: --cap-per-minute applies to the 2019 trace only/,
      );
      await expectRefused(
        ['--invocations', SAMPLE_2021, '--durations', join(SAMPLE_2019, 'durations.csv')],
        /--durations applies to the 2019 trace only/,
      );
      await expectRefused(
        ['--invocations', SAMPLE_2021, '--memory', join(SAMPLE_2019, 'memory.csv')],
        /--memory applies to the 2019 trace only/,
      );
    });

    it('a 2021 row with a negative duration names its line', async () => {
      const file = join(scratch, '2021.csv');
      const lines = readFileSync(SAMPLE_2021, 'utf8').split('\n');
      lines[150] = lines[150].replace(/,[^,]+$/, ',-1');
      writeFileSync(file, lines.join('\n'));
      await expectRefused(
        ['--invocations', file],
        /2021\.csv:151: column 'duration' \("-1"\) is not a non-negative number/,
      );
    });

    it('a 2021 row that would start before the trace (a duration past its end) names its line', async () => {
      // end_timestamp − duration is the start: 20 − 1e12 s is 31,700 years before the trace, and
      // was sent as a span ending before it started.
      const file = join(scratch, '2021.csv');
      const lines = readFileSync(SAMPLE_2021, 'utf8').split('\n');
      lines[150] = lines[150].replace(/,[^,]+,[^,]+$/, ',20,1e12');
      writeFileSync(file, lines.join('\n'));
      await expectRefused(
        ['--invocations', file],
        /2021\.csv:151: duration 1e12 s is longer than end_timestamp 20 s: the invocation would start before the trace/,
      );
    });
  });
});
