import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import {
  ANY_FREE_PORTS,
  listeningOn,
  spawnFleetscope,
  type FleetscopeProcess,
  type ProcessPorts,
} from '../support/fleetscope-process';

/**
 * A scheduled weekly report whose webhook answers 503 while the process is stopped (SIGINT, as
 * Ctrl-C or a supervisor sends it) or killed (kill -9) during the delivery's retries: the week was
 * lost, with `deliveries: []` in GET /api/reports (as if no channel were configured) and nothing
 * sending it after a restart, since the catch-up counted the build and the next tick builds the
 * next week. Each channel's delivery is now stored as pending before its first attempt and sent
 * once at the next start; one stored as delivered is not sent again.
 */
interface Hook {
  server: Server;
  url: string;
  /** The week each POST was about, and the status it was answered. */
  posts: { text: string; status: number }[];
  status: number;
}

async function startHook(): Promise<Hook> {
  const hook: Hook = { server: undefined as unknown as Server, url: '', posts: [], status: 503 };
  hook.server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const status = hook.status;
      hook.posts.push({ text: (JSON.parse(body) as { text: string }).text, status });
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`;
  return hook;
}

interface Delivery {
  channel: string;
  status: string;
  attempts: number;
  error: string | null;
}

async function deliveries(ports: ProcessPorts, week: string): Promise<Delivery[] | undefined> {
  const list = (await (await fetch(`${ports.apiUrl}/api/reports`)).json()) as {
    reports: { week: string; deliveries: Delivery[] }[];
  };
  return list.reports.find((r) => r.week === week)?.deliveries;
}

async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a scheduled report delivery cut short by a stop', () => {
  let hook: Hook;
  let running: FleetscopeProcess | undefined;
  let dataDir = '';

  beforeAll(async () => {
    hook = await startHook();
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => hook?.server.close(() => resolve()));
  });

  const start = (cron: string): FleetscopeProcess => {
    running = spawnFleetscope(['-r', '@swc-node/register', 'apps/fleetscope/src/main.ts'], {
      ...ANY_FREE_PORTS,
      FLEETSCOPE_DATA_DIR: dataDir,
      CLICKHOUSE_URL: '',
      FLEETSCOPE_ANALYSIS_CRON: '0 0 0 1 1 *',
      FLEETSCOPE_REPORT_CRON: cron,
      FLEETSCOPE_REPORT_TIME_ZONE: 'UTC',
      FLEETSCOPE_REPORT_WEBHOOK_URL: hook.url,
      FLEETSCOPE_REPORT_BASE_URL: 'https://fleetscope.example',
      // The defaults: 5 attempts, 2 s then 4, 8 and 16 s apart.
      FLEETSCOPE_REPORT_DELIVERY_ATTEMPTS: '5',
      FLEETSCOPE_REPORT_RETRY_BASE_MS: '2000',
    });
    return running;
  };

  it.each([
    ['SIGINT', 'SIGINT' as const],
    ['kill -9', 'SIGKILL' as const],
  ])(
    '%s during the retries: the restart sends the week once, and the next start not again',
    async (_, signal) => {
      dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-report-stop-'));
      hook.posts = [];
      hook.status = 503;
      const week = previousIsoWeek(isoWeekOf(Date.now())).label;
      const mine = () => hook.posts.filter((p) => p.text.includes(`Fleetscope ${week}:`));

      // Every 2 s: the first tick after the start builds last week's report and delivers it.
      const first = start('*/2 * * * * *');
      const ports = await listeningOn(first, 90_000);
      await until('the second attempt', () =>
        Promise.resolve(mine().length >= 2 ? true : undefined),
      );
      // Between attempts the week shows its delivery under way, not no delivery at all, with the
      // attempts made so far and why the last failed (it read "0 attempts so far" for minutes).
      const underWay = await until('the attempts so far', async () => {
        const list = await deliveries(ports, week);
        return list && list[0]?.attempts >= 2 ? list : undefined;
      });
      expect(underWay).toEqual([
        expect.objectContaining({
          channel: 'webhook',
          status: 'pending',
          error: expect.stringMatching(/503/) as string,
        }),
      ]);
      const signalled = Date.now();
      first.child.kill(signal);
      const code = await first.exited;
      if (signal === 'SIGINT') {
        // The stop does not sit out the 8 and 16 s retries left.
        expect(code).toBe(0);
        expect(Date.now() - signalled).toBeLessThan(10_000);
        expect(first.output()).toContain('it stays pending and is sent at the next start');
      }
      const refused = mine().length;
      expect(refused).toBeLessThan(5);
      expect(mine().every((p) => p.status === 503)).toBe(true);

      // Restarted with no tick due and a webhook that answers.
      hook.status = 200;
      const second = start('0 0 0 1 1 *');
      const again = await listeningOn(second, 90_000);
      const delivered = await until('the delivery', async () => {
        const list = await deliveries(again, week);
        return list?.some((d) => d.status === 'delivered') ? list : undefined;
      });
      expect(delivered).toEqual([
        expect.objectContaining({ channel: 'webhook', status: 'delivered', attempts: 1 }),
      ]);
      expect(mine().slice(refused)).toEqual([expect.objectContaining({ status: 200 })]);
      expect(second.output()).toContain(
        `${week} webhook delivery was cut short when the process stopped: sending it now`,
      );
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);

      // Delivered and stored as such: a further start sends nothing.
      const third = start('0 0 0 1 1 *');
      const last = await listeningOn(third, 90_000);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(mine().slice(refused)).toHaveLength(1);
      expect(await deliveries(last, week)).toEqual(delivered);
      third.child.kill('SIGINT');
      expect(await third.exited).toBe(0);
    },
    300_000,
  );
});
