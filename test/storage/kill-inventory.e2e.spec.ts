import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, type WriterStatsSnapshot } from '../bench/support/app-process';
import { LambdaFleet } from '../bench/support/lambda-fleet';
import { LambdaLogGenerator, cloudWatchBody } from '../bench/support/lambda-log.generator';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CloudWatch deliveries of a seeded fleet (each sandbox's first one opens with INIT_START, whose
 * Runtime Version is the function's runtime, and every REPORT names the memory size), and what
 * the inventory should say of each function sent.
 */
function deliveries(count: number, baseTimeMs: number) {
  const fleet = new LambdaFleet({ functions: 8, seed: 5, baseTimeMs });
  const generator = new LambdaLogGenerator({ fleet, seed: 5, baseTimeMs });
  const expected: Record<string, { runtime: string; memoryMb: number }> = {};
  const sent = Array.from({ length: count }, () => {
    const d = generator.next();
    expected[d.fn.name] = { runtime: d.fn.runtime, memoryMb: d.fn.memoryMb };
    return { path: `/ingest/lambda/cloudwatch?region=${d.fn.region}`, body: cloudWatchBody(d) };
  });
  return { sent, expected };
}

/** Posts every delivery (4 at a time); resolves once all are acknowledged. */
async function send(ingestUrl: string, sent: { path: string; body: Buffer }[]): Promise<void> {
  let next = 0;
  const loop = async (): Promise<void> => {
    while (next < sent.length) {
      const d = sent[next++];
      const response = await fetch(`${ingestUrl}${d.path}`, {
        method: 'POST',
        body: d.body,
        headers: { 'content-type': 'application/json' },
      });
      if (!response.ok)
        throw new Error(`${d.path}: HTTP ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, loop));
}

/** Each Lambda function's runtime on the fleet page, by name. */
async function runtimes(app: AppProcess, baseTimeMs: number): Promise<Record<string, string>> {
  const from = baseTimeMs - 3600_000;
  const to = Date.now() + 3600_000;
  const response = await fetch(`${app.apiUrl}/api/functions?from=${from}&to=${to}`);
  const page = (await response.json()) as { functions: { name: string; runtime: string }[] };
  return byName(page.functions.map((f) => [f.name, f.runtime]));
}

/** The memory sizes the settings history holds from the invocations' REPORT lines, by name. */
async function memoryHistory(app: AppProcess): Promise<Record<string, number>> {
  const rows = await app.query<[string, string]>(
    `SELECT function_id, any(value) FROM function_settings_history FINAL
     WHERE setting = 'memory_mb' AND source = 'records' GROUP BY function_id`,
  );
  return byName(rows.map(([id, value]) => [id.split('~').pop()!, Number(value)]));
}

function byName<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** Polls until `read` returns `expected` (the recorders store what they learn a second later). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (Date.now() < deadline && JSON.stringify(last) !== JSON.stringify(expected)) {
    await sleep(250);
    last = await read();
  }
  return last;
}

describe('a kill -9 within a second of acknowledging deliveries', () => {
  jest.setTimeout(600_000);

  it.each<[string, Record<string, string>, boolean]>([
    // No drain starts on its own for an hour: the rows are in the ingest log only.
    ['their rows are in the ingest log only', { FLEETSCOPE_FLUSH_INTERVAL_MS: '3600000' }, false],
    // Drains back to back: the rows are in ClickHouse before the inventory stores their facts.
    [
      'their rows are already in ClickHouse',
      { FLEETSCOPE_FLUSH_INTERVAL_MS: '10', FLEETSCOPE_DRAIN_INTERVAL_MS: '0' },
      true,
    ],
  ])(
    'keeps the runtimes and memory sizes the deliveries named when %s',
    async (_when, writerEnv, drained) => {
      const baseTimeMs = Math.floor(Date.now() / 3600_000) * 3600_000 - 2 * 3600_000;
      const { sent, expected } = deliveries(24, baseTimeMs);
      const env = {
        FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-kill-inventory-')),
        CLICKHOUSE_DATABASE: `fleetscope_kill_inventory_${process.pid}`,
        FLEETSCOPE_FLUSH_ROWS: '10000000',
      };
      let app = await AppProcess.start({ ...env, ...writerEnv });
      try {
        await send(app.ingestUrl, sent);
        if (drained) {
          // Every invocation drained (no read: a read would wait at the barrier).
          for (;;) {
            const stats = await app.call<WriterStatsSnapshot>({ cmd: 'writerStats' });
            if ((stats.insertedRows.invocations ?? 0) >= sent.length * 20) break;
            await sleep(10);
          }
        }
        // Within the second the recorders gather what they learn before storing it.
        await app.kill();

        app = await AppProcess.start(env);
        const names = Object.keys(expected);
        const runtimeOf = byName(names.map((n) => [n, expected[n].runtime]));
        const memoryOf = byName(names.map((n) => [n, expected[n].memoryMb]));
        const facts = async () => ({
          runtimes: await runtimes(app, baseTimeMs),
          memoryHistory: await memoryHistory(app),
        });
        const want = { runtimes: runtimeOf, memoryHistory: memoryOf };
        expect(await eventually(facts, want)).toEqual(want);
      } finally {
        await app.stop();
      }
    },
  );
});
