import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, type WriterStatsSnapshot } from '../bench/support/app-process';
import { LambdaFleet } from '../bench/support/lambda-fleet';
import { LambdaLogGenerator, cloudWatchBody } from '../bench/support/lambda-log.generator';

const DELIVERIES = 600;
const SENDERS = 16;
const KILLS = 3;

interface Delivery {
  path: string;
  body: Buffer;
  name: string;
  invocations: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` CloudWatch deliveries of a seeded fleet, and the invocations each function was sent. */
function cloudWatchDeliveries(functions: number, seed: number, count: number, baseTimeMs: number) {
  const fleet = new LambdaFleet({ functions, seed, baseTimeMs });
  const generator = new LambdaLogGenerator({ fleet, seed, baseTimeMs });
  let appLines = 0;
  const deliveries: Delivery[] = Array.from({ length: count }, () => {
    const d = generator.next();
    appLines += d.appLines;
    return {
      path: `/ingest/lambda/cloudwatch?region=${d.fn.region}`,
      body: cloudWatchBody(d),
      name: d.fn.name,
      invocations: d.invocations,
    };
  });
  const sent: Record<string, number> = {};
  for (const d of deliveries) sent[d.name] = (sent[d.name] ?? 0) + d.invocations;
  const total = deliveries.reduce((n, d) => n + d.invocations, 0);
  return { deliveries, sent, total, appLines };
}

/**
 * `senders` loops posting deliveries in order, resending after 429/503 as CloudWatch does. With
 * `tolerateDeath`, a refused or reset connection ends the loop (the server was killed).
 */
async function send(
  baseUrl: string,
  deliveries: Delivery[],
  tolerateDeath: boolean,
): Promise<number> {
  let next = 0;
  let acknowledged = 0;
  const loop = async () => {
    while (next < deliveries.length) {
      const d = deliveries[next++];
      for (;;) {
        let response: Response;
        try {
          response = await fetch(`${baseUrl}${d.path}`, {
            method: 'POST',
            body: d.body,
            headers: { 'content-type': 'application/json' },
          });
        } catch (error) {
          if (tolerateDeath) return;
          throw error;
        }
        const text = await response.text();
        if (response.status === 429 || response.status === 503) {
          await sleep(1000 * Number(response.headers.get('retry-after') ?? 1));
          continue;
        }
        if (!response.ok) throw new Error(`${d.path}: HTTP ${response.status} ${text}`);
        acknowledged += d.invocations;
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, loop));
  return acknowledged;
}

async function perFunction(app: AppProcess, sql: string): Promise<Record<string, number>> {
  const rows = await app.query<[string, number]>(sql);
  return Object.fromEntries(rows.map(([id, n]) => [id.split('~').pop()!, Number(n)]));
}

/**
 * Invocations per function on every read path: raw, minute, five-minute, hour, day, fleet page
 * (over hours and over whole days), analyses.
 */
async function readPaths(app: AppProcess, baseTimeMs: number) {
  const raw = await perFunction(
    app,
    `SELECT function_id, count() FROM invocations GROUP BY function_id`,
  );
  const minutes = await perFunction(
    app,
    `SELECT function_id, sum(invocations) FROM function_minutes GROUP BY function_id`,
  );
  const hours = await perFunction(
    app,
    `SELECT function_id, sum(invocations) FROM function_hours GROUP BY function_id`,
  );
  const fives = await perFunction(
    app,
    `SELECT function_id, sum(invocations) FROM function_five_minutes GROUP BY function_id`,
  );
  const days = await perFunction(
    app,
    `SELECT function_id, sum(invocations) FROM function_days GROUP BY function_id`,
  );
  const from = baseTimeMs - 3600_000;
  const to = Date.now() + 3600_000;
  const fleetPage = await fleetPageInvocations(app, from, to);
  // Whole UTC days around the sends: the page reads their day rows.
  const DAY = 86_400_000;
  const fleetPageByDays = await fleetPageInvocations(
    app,
    Math.floor(from / DAY) * DAY - DAY,
    Math.ceil(to / DAY) * DAY + DAY,
  );
  const analyses = Object.fromEntries(
    Object.entries(
      await app.call<Record<string, number>>({
        cmd: 'analysisInvocations',
        fromMs: from,
        toMs: to,
      }),
    ).map(([id, n]) => [id.split('~').pop()!, n]),
  );
  return { raw, minutes, fives, hours, days, fleetPage, fleetPageByDays, analyses };
}

async function fleetPageInvocations(
  app: AppProcess,
  from: number,
  to: number,
): Promise<Record<string, number>> {
  const response = await fetch(`${app.apiUrl}/api/functions?from=${from}&to=${to}`);
  const page = (await response.json()) as { functions: { id: string; invocations: number }[] };
  return Object.fromEntries(page.functions.map((f) => [f.id.split('~').pop()!, f.invocations]));
}

/** The application log lines stored (each delivery's are stored as `logs` rows). */
async function logLines(app: AppProcess): Promise<number> {
  const [[count]] = await app.query<[number]>(`SELECT count() FROM logs`);
  return Number(count);
}

/** What readPaths returns when every read path shows exactly `sent`. */
const onEveryPath = (sent: Record<string, number>) => ({
  raw: sent,
  minutes: sent,
  fives: sent,
  hours: sent,
  days: sent,
  fleetPage: sent,
  fleetPageByDays: sent,
  analyses: sent,
});

describe('after kill -9, the aggregates miss what the raw table holds', () => {
  jest.setTimeout(600_000);

  it('shows on every read path exactly what was sent, after kills at random moments and full re-sends', async () => {
    const baseTimeMs = Math.floor(Date.now() / 3600_000) * 3600_000 - 2 * 3600_000;
    const { deliveries, sent, total, appLines } = cloudWatchDeliveries(
      25,
      11,
      DELIVERIES,
      baseTimeMs,
    );

    const env = {
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-kill-')),
      CLICKHOUSE_DATABASE: `fleetscope_kill_${process.pid}`,
    };
    let app = await AppProcess.start(env);
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        // Each round starts from a later offset, as a sender resuming after a lost connection.
        const from = Math.floor((kill * DELIVERIES) / KILLS);
        const sending = send(app.ingestUrl, deliveries.slice(from), true);
        await sleep(300 + Math.random() * 2500);
        await app.kill();
        await sending;
        app = await AppProcess.start(env);
      }
      // Every sender re-sends everything: all of it must be acknowledged.
      expect(await send(app.ingestUrl, deliveries, false)).toBe(total);
      await app.call({ cmd: 'flush' });

      expect(await readPaths(app, baseTimeMs)).toEqual(onEveryPath(sent));
      // Each application log line once: none lost, none stored again by a replay or a re-send.
      expect(await logLines(app)).toBe(appLines);
    } finally {
      await app.stop();
    }
  });
});

describe('a kill -9 while acknowledged rows sit only in the ingest log', () => {
  jest.setTimeout(600_000);

  it('loses none of them: the restart stores them before it serves, and a full re-send adds nothing', async () => {
    const baseTimeMs = Math.floor(Date.now() / 3600_000) * 3600_000 - 2 * 3600_000;
    const { deliveries, sent, total, appLines } = cloudWatchDeliveries(10, 12, 120, baseTimeMs);
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-kill-log-'));
    const env = {
      FLEETSCOPE_DATA_DIR: dataDir,
      CLICKHOUSE_DATABASE: `fleetscope_kill_log_${process.pid}`,
    };

    // No drain starts on its own for an hour: what is acknowledged stays in the log.
    let app = await AppProcess.start({
      ...env,
      FLEETSCOPE_FLUSH_INTERVAL_MS: '3600000',
      FLEETSCOPE_FLUSH_ROWS: '10000000',
    });
    try {
      expect(await send(app.ingestUrl, deliveries, false)).toBe(total);
      const before = await app.call<WriterStatsSnapshot>({ cmd: 'writerStats' });
      // (The settings history's first read waits at the barrier once, draining what came first.)
      expect(before.insertedRows.invocations ?? 0).toBeLessThan(total / 2);
      const logged = readdirSync(join(dataDir, 'ingest-log'))
        .filter((f) => f.endsWith('.log'))
        .reduce((n, f) => n + statSync(join(dataDir, 'ingest-log', f)).size, 0);
      expect(logged).toBeGreaterThan(0);
      await app.kill();

      app = await AppProcess.start(env);
      const expected = onEveryPath(sent);
      expect(await readPaths(app, baseTimeMs)).toEqual(expected);
      // A sender that lost its connections sends everything again: all acknowledged, none twice.
      expect(await send(app.ingestUrl, deliveries, false)).toBe(total);
      await app.call({ cmd: 'flush' });
      expect(await readPaths(app, baseTimeMs)).toEqual(expected);
      expect(await logLines(app)).toBe(appLines);
    } finally {
      await app.stop();
    }
  });
});
