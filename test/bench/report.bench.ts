/**
 * `npm run bench:report [-- --scale 0.1]`: the weekly report over the wide fleet of
 * test/bench/support/week-fleet.ts (10,000 functions at scale 1) written straight into
 * function_minutes for two whole ISO weeks (the report week and the one before), timed over HTTP:
 * the build (POST /api/reports/weekly: read the aggregates, price every function-day, store) and
 * each format rendered from the stored JSON. A tenth of the functions move from x86_64 to arm64
 * on the report week's Thursday and a hundredth had provisioned concurrency 5 from Tuesday noon to
 * Wednesday noon (the settings history, as the inventory sync records it), so the build splits
 * their days. 1 warm-up, then 5 calls, p50/p95.
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { FunctionSettingsRepository, type SettingsSnapshot } from '@fleetscope/storage';
import {
  insertFleetInventory,
  insertMinuteFleet,
} from '../analysis/support/minute-fleet.generator';
import { startFleetscope } from '../support/fleetscope-app';
import { fmt, percentile } from './support/bench-figures';
import { settleMerges } from './support/settle-merges';
import { weekFleet } from './support/week-fleet';
import { QUIET_SCHEDULES } from './support/quiet-schedules';

const DAY_MS = 86_400_000;

async function time(name: string, call: () => Promise<number>, calls = 5) {
  await call();
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    bytes = await call();
    ms.push(performance.now() - started);
  }
  return `| ${name} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} | ${fmt(bytes / 1024)} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`--scale: expected a number in (0, 1], got ${values.scale}`);
  }
  const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
  const app = await startFleetscope({ ...QUIET_SCHEDULES, FLEETSCOPE_LOG_LEVEL: 'warn' });
  try {
    const client = app.clickhouse.client;
    const g0 = performance.now();
    for (const from of [previousIsoWeek(week).fromMs, week.fromMs]) {
      const fleet = weekFleet(from, scale);
      await insertMinuteFleet(client, fleet);
      if (from === week.fromMs) await insertFleetInventory(client, fleet);
    }
    const ids = await (
      await client.query({
        query: 'SELECT DISTINCT function_id AS id FROM function_configs ORDER BY id',
        format: 'JSONEachRow',
      })
    ).json<{ id: string }>();
    const history: SettingsSnapshot[] = [];
    ids.forEach(({ id }, i) => {
      if (i % 10 === 0) {
        history.push({ functionId: id, observedAtMs: week.fromMs, architecture: 'x86_64' });
        history.push({
          functionId: id,
          observedAtMs: week.fromMs + 3 * DAY_MS,
          architecture: 'arm64',
        });
      }
      if (i % 100 === 0) {
        const noon = week.fromMs + DAY_MS + DAY_MS / 2;
        history.push({ functionId: id, observedAtMs: noon, provisionedConcurrency: 5 });
        history.push({ functionId: id, observedAtMs: noon + DAY_MS, provisionedConcurrency: 0 });
      }
    });
    await app.app.get(FunctionSettingsRepository).record('api', history);
    await settleMerges(client);
    const generatedS = (performance.now() - g0) / 1000;
    const call = (method: string, path: string, body?: unknown) => async () => {
      const response = await fetch(`${app.apiUrl}${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
      return text.length;
    };
    const load = loadavg()[0];
    const rows = [
      await time(
        'POST /api/reports/weekly (build and store)',
        call('POST', '/api/reports/weekly', { week: week.label }),
      ),
    ];
    for (const format of ['json', 'html', 'md', 'csv']) {
      rows.push(
        await time(
          `GET /api/reports/:week?format=${format}`,
          call('GET', `/api/reports/${week.label}?format=${format}`),
        ),
      );
    }
    const report = JSON.parse(
      await (await fetch(`${app.apiUrl}/api/reports/${week.label}`)).text(),
    ) as { functions: unknown[]; totalCostUsd: number };
    process.stdout.write(
      [
        `bench:report, scale ${scale}; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, embedded ClickHouse (chDB), Node ${process.version}`,
        `${fmt(ids.length / 10)} moved to arm64 mid-week, ${fmt(ids.length / 100)} with provisioned concurrency for a day`,
        `${fmt(report.functions.length)} functions × 2 weeks generated in ${fmt(generatedS, 1)} s; week ${week.label} costs $${report.totalCostUsd.toFixed(2)}; load average ${load.toFixed(2)} before timing, ${loadavg()[0].toFixed(2)} after`,
        '',
        '| call | p50 ms | p95 ms | KiB |',
        '| --- | ---: | ---: | ---: |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
