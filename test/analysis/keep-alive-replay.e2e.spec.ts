import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedPolicy, hybridPolicy, replayPolicy } from '@fleetscope/analysis';
import { buildProgram, importCommand, replayCommand, type ReplayReport } from '@fleetscope/cli';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const SAMPLE = join(__dirname, '..', 'fixtures', 'azure-functions', '2019-10fn', 'invocations.csv');
const DAY = '2026-12-01';
const DAY_MINUTE = Date.parse(`${DAY}T00:00:00Z`) / 60_000;

jest.setTimeout(240_000);

/** The sample's functions with the fewest invocations: the ones that go idle. */
function sparseRows(): string[][] {
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const total = (r: string[]) => r.slice(4).reduce((s, c) => s + Number(c), 0);
  return [header, ...rows.sort((a, b) => total(a) - total(b)).slice(0, 2)];
}

async function run(args: string[]): Promise<string> {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await buildProgram([importCommand, replayCommand]).parseAsync(args, { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('npx fleetscope replay and GET /api/keepalive/replay', () => {
  let fs: RunningFleetscope;
  let scratch: string;
  let rows: string[][];

  beforeAll(async () => {
    fs = await startFleetscope();
    scratch = mkdtempSync(join(tmpdir(), 'fleetscope-replay-'));
    rows = sparseRows();
    const file = join(scratch, 'sparse.csv');
    writeFileSync(file, rows.map((r) => r.join(',')).join('\n'));
    await run([
      'import',
      'azure-functions',
      '--invocations',
      file,
      '--day',
      DAY,
      '--ingest-url',
      fs.ingestUrl,
    ]);
    await fs.flush();
  });

  afterAll(async () => {
    await fs?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("replays each policy over each function's stored minutes exactly as over the file's", async () => {
    const out = await run([
      'replay',
      '--policy',
      'fixed:10m',
      '--policy',
      'hybrid',
      '--from',
      `${DAY}T00:00:00Z`,
      '--to',
      `${DAY}T23:59:59Z`,
      '--json',
      '--url',
      fs.apiUrl,
    ]);
    const report = JSON.parse(out) as ReplayReport;
    expect(report.policies).toEqual(['fixed:10m', 'hybrid']);
    expect(report.functions).toHaveLength(2);
    let fixedCold = 0;
    for (const [owner, app, func, , ...counts] of rows.slice(1)) {
      const active = counts.flatMap((c, m) => (Number(c) > 0 ? [DAY_MINUTE + m] : []));
      const id = functionId({
        platform: 'azure_functions',
        account: owner.slice(0, 16),
        region: app.slice(0, 16),
        name: func.slice(0, 16),
      });
      const stored = report.functions.find((f) => f.id === id)!;
      expect(stored.activeMinutes).toBe(active.length);
      // The range ends at the day's last minute: idle time is counted up to it.
      const end = DAY_MINUTE + 1440;
      const fixed = replayPolicy(active, fixedPolicy(10), end);
      const hybrid = replayPolicy(active, hybridPolicy(active).policy, end);
      expect(stored.results['fixed:10m']).toMatchObject(fixed);
      expect(stored.results.hybrid).toMatchObject(hybrid);
      fixedCold += fixed.coldStarts;
    }
    expect(report.totals['fixed:10m'].coldStarts).toBe(fixedCold);
  });

  it('prints a table with a row per function and the totals', async () => {
    const out = await run([
      'replay',
      '--url',
      fs.apiUrl,
      '--from',
      `${DAY}T00:00:00Z`,
      '--to',
      `${DAY}T23:59:59Z`,
    ]);
    expect(out).toMatch(
      /function\s+fixed:10m cold\s+fixed:10m GB-s\s+fixed:10m \$\s+hybrid cold\s+hybrid GB-s\s+hybrid \$/,
    );
    // The title, the header, a row per function, the totals, and the one note of both rows:
    // Azure Functions has no keep-alive setting Fleetscope models.
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2 + 2 + 1 + 1);
    expect(lines[5]).toMatch(
      /^\?1 fixed:10m: 2 functions, hybrid: 2 functions\. No keep-alive setting is modelled/,
    );
    // Azure Functions bills no idle instance: no dollars. Neither memory size is known: no
    // idle GB-s in the rows, nor in the total (the API's null).
    expect(out).toMatch(/^total\s+\d+\s+\?\s+-\s+\d+\s+\?\s+-$/m);
  });

  it('fails naming the problem the API found in its arguments', async () => {
    await expect(run(['replay', '--policy', 'fixed:ten', '--url', fs.apiUrl])).rejects.toThrow(
      /answered 400: policy: expected fixed:<n>s\|m\|h or hybrid, got "fixed:ten"/,
    );
    await expect(run(['replay', '--policy', 'fixed:30s', '--url', fs.apiUrl])).rejects.toThrow(
      /answered 400: policy: "fixed:30s" is under a minute: the replay works on minutes/,
    );
    await expect(run(['replay', '--from', 'monday', '--url', fs.apiUrl])).rejects.toThrow(
      /answered 400: from: expected ISO-8601/,
    );
  });

  it("prints totals equal to the API's", async () => {
    const query = `from=${DAY}T00:00:00Z&to=${DAY}T23:59:59Z`;
    const api = (await (
      await fetch(`${fs.apiUrl}/api/keepalive/replay?${query}`)
    ).json()) as ReplayReport;
    const out = await run([
      'replay',
      '--url',
      fs.apiUrl,
      '--from',
      `${DAY}T00:00:00Z`,
      '--to',
      `${DAY}T23:59:59Z`,
    ]);
    const total = out
      .trim()
      .split('\n')
      .find((line) => line.startsWith('total'))!
      .split(/\s+/);
    // The CLI prints an unknown (null) total as '?'.
    const gbs = (v: number | null) => (v === null ? '?' : v.toFixed(1));
    expect(total).toEqual([
      'total',
      String(api.totals['fixed:10m'].coldStarts),
      gbs(api.totals['fixed:10m'].wastedGbSeconds),
      '-',
      String(api.totals.hybrid.coldStarts),
      gbs(api.totals.hybrid.wastedGbSeconds),
      '-',
    ]);
  });

  it('answers 400 naming a policy it cannot read', async () => {
    const response = await fetch(`${fs.apiUrl}/api/keepalive/replay?policy=fixed:ten`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/fixed:ten/);
  });
});
