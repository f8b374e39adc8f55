import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { openAndMigrate } from '../storage.module';
import { WeeklyReportsRepository } from './weekly-reports.repository';

const MONDAY = Date.parse('2026-11-16T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// One source: hours come from function_hours.
const F = 'aws_lambda~123456789012~us-east-1~one-source';
// Two sources every minute: its hours are read as chosen minute rows (none rolled up yet).
const G = 'aws_lambda~123456789012~us-east-1~two-sources';

describe(WeeklyReportsRepository.name, () => {
  let config: Config;
  let handle: ClickHouseHandle;

  beforeAll(async () => {
    config = loadConfig({
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-weekly-reports-')),
      CLICKHOUSE_DATABASE: `weekly_reports_${process.pid}`,
      CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
    });
    handle = await openAndMigrate(config);
  });

  afterAll(async () => {
    await handle?.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('puts each stored row in the stretch in force at its end, usage and concurrency alike', async () => {
    // One invocation a minute, 09:00–14:06, busy the whole minute.
    const row = (functionId: string, minuteMs: number, source: string) => ({
      function_id: functionId,
      minute: Math.floor(minuteMs / 1000),
      source,
      version: '$LATEST',
      memory_size_mb: 1024,
      invocations: 1,
      duration_sum_ms: 60_000,
      billed_duration_sum_ms: 1000,
    });
    const minutes = Array.from({ length: 307 }, (_, i) => MONDAY + 9 * HOUR + i * MINUTE);
    await handle.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: minutes.flatMap((m) => [
        row(F, m, 'otel_span'),
        row(G, m, 'otel_span'),
        row(G, m, 'lambda_log'),
      ]),
    });
    // Whole hours to 14:00, the five minutes 14:00–14:05, then the minutes 14:05 and 14:06.
    const range = { fromMs: MONDAY, toMs: MONDAY + 14 * HOUR + 7 * MINUTE };
    const changesAtMs = [
      MONDAY + 10.5 * HOUR, // inside hour 10: hour 10 is after it
      MONDAY + 12 * HOUR, // on the hour: hour 11 before it, hour 12 after
      MONDAY + 14 * HOUR - 500, // the last half second of hour 13: hour 13 is after it
      MONDAY + 14 * HOUR + 5.5 * MINUTE, // inside the minute 14:05
    ];
    const splits = new Map([F, G].map((id) => [id, changesAtMs]));
    const repo = new WeeklyReportsRepository(handle);
    // Per stretch: hour 09; hours 10 and 11; hour 12; hour 13 and 14:00–14:05; 14:05 and 14:06.
    const expected = [60, 120, 60, 65, 2];

    const usage = await repo.dailyUsage(range, splits);
    for (const id of [F, G]) {
      expect(
        usage
          .filter((r) => r.functionId === id)
          .map((r) => [Number(r.dayStartMs), Number(r.stretch), Number(r.invocations)]),
      ).toEqual(expected.map((n, stretch) => [MONDAY, stretch, n]));
    }

    const levels = new Map(
      [F, G].map((id) => [id, { changesAtMs, levels: expected.map(() => 1) }]),
    );
    const concurrency = await repo.dailyConcurrency(range, levels);
    for (const id of [F, G]) {
      expect(
        concurrency
          .filter((r) => r.functionId === id)
          .map((r) => [Number(r.stretch), Number(r.activeMinutes), Number(r.busyUnderLevelMs)])
          .sort((a, b) => a[0] - b[0]),
      ).toEqual(expected.map((n, stretch) => [stretch, n, n * MINUTE]));
    }
  });

  it('knows when each pod function was first seen and when the inventory sync stopped listing it', async () => {
    const DAY = 24 * HOUR;
    // Cluster c1 was last read on Friday: every function it still had was listed then.
    const ids = {
      data: 'knative~shop~c1~first-data', // first minute Monday 09:00, a later inventory row
      history: 'knative~shop~c1~history', // a settings observation the Saturday before
      inventory: 'openfaas~fn~gw~inventory', // only an inventory row, Thursday
      gone: 'knative~shop~c1~gone', // last listed Tuesday, last minute Monday 10:04
      late: 'knative~shop~c1~late', // last listed Tuesday, a minute after it on Wednesday 10:04
      listed: 'knative~shop~c1~listed', // listed on Friday, the cluster's last read
      alone: 'knative~shop~c2~alone', // the only function of cluster c2, listed Tuesday
    };
    const minute = (functionId: string, minuteMs: number) => ({
      function_id: functionId,
      minute: Math.floor(minuteMs / 1000),
      source: 'knative',
      version: '',
      memory_size_mb: 0,
      invocations: 1,
      duration_sum_ms: 1000,
      billed_duration_sum_ms: 1000,
    });
    const config = (functionId: string, source: string, region: string, atMs: number) => ({
      function_id: functionId,
      source,
      platform: functionId.split('~')[0],
      region,
      min_scale: 1,
      updated_at: atMs,
    });
    await handle.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [
        ...[0, 1, 2].map((i) => minute(ids.data, MONDAY + 9 * HOUR + i * MINUTE)),
        minute(ids.data, MONDAY + 2 * DAY + 14 * HOUR),
        minute(ids.history, MONDAY + DAY),
        ...[0, 4].map((i) => minute(ids.gone, MONDAY + 10 * HOUR + i * MINUTE)),
        minute(ids.late, MONDAY + 10 * HOUR),
        minute(ids.late, MONDAY + 2 * DAY + 10 * HOUR + 4 * MINUTE),
      ],
    });
    await handle.client.insert({
      table: 'function_configs',
      format: 'JSONEachRow',
      values: [
        config(ids.data, 'manual', 'c1', MONDAY + 4 * DAY),
        config(ids.history, 'manual', 'c1', MONDAY + 4 * DAY),
        config(ids.inventory, 'manual', 'gw', MONDAY + 3 * DAY),
        config(ids.gone, 'api', 'c1', MONDAY + DAY),
        config(ids.late, 'api', 'c1', MONDAY + DAY),
        config(ids.listed, 'api', 'c1', MONDAY + 4 * DAY),
        config(ids.alone, 'api', 'c2', MONDAY + DAY),
      ],
    });
    await handle.client.insert({
      table: 'function_settings_history',
      format: 'JSONEachRow',
      values: [
        {
          function_id: ids.history,
          setting: 'memory_mb',
          observed_at: MONDAY - 2 * DAY,
          source: 'api',
          value: '512',
        },
      ],
    });
    const repo = new WeeklyReportsRepository(handle);
    // `listed` is not asked for: it still tells when its cluster was last read.
    const asked = [ids.data, ids.history, ids.inventory, ids.gone, ids.late, ids.alone];
    const lifetimes = await repo.podLifetimes(asked);
    expect(
      [...lifetimes.values()].sort((a, b) => a.functionId.localeCompare(b.functionId)),
    ).toEqual(
      [
        { functionId: ids.data, firstSeenMs: MONDAY + 9 * HOUR, removedAtMs: null },
        { functionId: ids.history, firstSeenMs: MONDAY - 2 * DAY, removedAtMs: null },
        { functionId: ids.inventory, firstSeenMs: MONDAY + 3 * DAY, removedAtMs: null },
        { functionId: ids.gone, firstSeenMs: MONDAY + 10 * HOUR, removedAtMs: MONDAY + DAY },
        {
          functionId: ids.late,
          firstSeenMs: MONDAY + 10 * HOUR,
          removedAtMs: MONDAY + 2 * DAY + 10 * HOUR + 5 * MINUTE,
        },
        { functionId: ids.alone, firstSeenMs: MONDAY + DAY, removedAtMs: null },
      ].sort((a, b) => a.functionId.localeCompare(b.functionId)),
    );
    expect(await repo.podLifetimes([])).toEqual(new Map());
  });

  it("counts a scheduled build as done once it stored its week, failed, or was its week's second start", async () => {
    const repo = new WeeklyReportsRepository(handle);
    await handle.client.command({ query: 'TRUNCATE TABLE weekly_report_builds' });
    await handle.client.command({ query: 'TRUNCATE TABLE weekly_reports' });
    const stored = (week: string, builtAtMs: number) =>
      repo.save({
        week,
        fromMs: 0,
        toMs: 0,
        builtAtMs,
        catalogueVersion: 'test',
        totalCostUsd: 0,
        previousTotalCostUsd: 0,
        coverageStatus: 'none',
        report: '{}',
        deliveries: [],
      });
    expect(await repo.lastBuildStartedAtMs()).toBeUndefined();
    // The first scheduled build ever was cut short: the latest tick counts as missed.
    await repo.saveBuildStart('2026-W45', MONDAY - 7 * 24 * HOUR, 'schedule');
    expect(await repo.lastBuildStartedAtMs()).toBe(0);
    await stored('2026-W45', MONDAY - 7 * 24 * HOUR);
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY - 7 * 24 * HOUR);
    // Cut short (the process stopped or was killed): the build before it is the last one done.
    await repo.saveBuildStart('2026-W46', MONDAY, 'schedule');
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY - 7 * 24 * HOUR);
    // A build on demand of the week stands for nothing.
    await repo.saveBuildStart('2026-W46', MONDAY + HOUR, 'api');
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY - 7 * 24 * HOUR);
    // Built again once (the catch-up) and cut short again: not built a third time.
    await repo.saveBuildStart('2026-W46', MONDAY + 2 * HOUR, 'schedule');
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY + 2 * HOUR);
    // A failed build counts: the next tick tries again.
    await repo.saveBuildStart('2026-W47', MONDAY + 7 * 24 * HOUR, 'schedule');
    await repo.saveBuildFailure('2026-W47', MONDAY + 7 * 24 * HOUR, 'schedule');
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY + 7 * 24 * HOUR);
    // A week stored before its scheduled build began does not make that build done.
    await stored('2026-W48', MONDAY + 14 * 24 * HOUR - HOUR);
    await repo.saveBuildStart('2026-W48', MONDAY + 14 * 24 * HOUR, 'schedule');
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY + 7 * 24 * HOUR);
    await stored('2026-W48', MONDAY + 14 * 24 * HOUR);
    expect(await repo.lastBuildStartedAtMs()).toBe(MONDAY + 14 * 24 * HOUR);
  });
});
