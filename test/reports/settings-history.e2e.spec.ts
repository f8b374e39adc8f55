import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { FunctionSettingsRepository } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { SDK_ACCOUNT, SDK_REGION, sendLambdaSpans } from '../support/lambda-sdk-spans';
import { deliver, reportLines } from './support/report-lines';

/**
 * The settings history behind the weekly report, end to end: spans from the OpenTelemetry SDK
 * report their function's architecture (host.arch) and memory (faas.max_memory), the collector
 * records each change with its time, and the report prices every hour at the settings in force
 * then. Provisioned concurrency comes from the platform inventory's snapshots, as the inventory
 * sync records them (written here with the times a sync would have had).
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ACCOUNT = SDK_ACCOUNT;
const REGION = SDK_REGION;
// Two weeks back: whole weeks of the past, inside every retention.
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const priorWeek = previousIsoWeek(week);
const MOVER = `aws_lambda~${ACCOUNT}~${REGION}~mover`;
const WARM = `aws_lambda~${ACCOUNT}~${REGION}~warm`;
const STEADY = `aws_lambda~${ACCOUNT}~${REGION}~steady`;
const BURST = `aws_lambda~${ACCOUNT}~${REGION}~burst`;
const SWITCH = `aws_lambda~${ACCOUNT}~${REGION}~switch`;
const EARLY = `aws_lambda~${ACCOUNT}~${REGION}~early`;

/** `count` invocations of `durationMs` a day, every 10 minutes from 01:00 UTC. */
const daysOf = (fromMs: number, days: number, count: number, durationMs: number) =>
  Array.from({ length: days }, (_, d) =>
    Array.from({ length: count }, (_, i) => ({
      startMs: fromMs + d * DAY_MS + HOUR_MS + i * 600_000,
      durationMs,
    })),
  ).flat();

/** `count` invocations of 1 s, every 5 minutes from `startMs`. */
const everyFive = (startMs: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ startMs: startMs + i * 300_000, durationMs: 1000 }));

/** One invocation a minute for an hour from `startMs`, each busy the whole minute (concurrency 1). */
const busyHour = (startMs: number) =>
  Array.from({ length: 60 }, (_, i) => ({ startMs: startMs + i * 60_000, durationMs: 60_000 }));

describe('Settings history in the weekly report', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const monday = week.fromMs;
  const tuesday = monday + DAY_MS;
  const wednesday = monday + 2 * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const friday = monday + 4 * DAY_MS;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const ingest = fleetscope.ingestUrl;
    // mover, 1 GB, 100 invocations of 600 s a day: x86_64 all of the week before and until
    // Wednesday, arm64 from Thursday (a redeploy on arm64).
    await sendLambdaSpans(ingest, 'mover', 1024, 'amd64', [
      ...daysOf(priorWeek.fromMs, 7, 100, 600_000),
      ...daysOf(monday, 3, 100, 600_000),
    ]);
    await sendLambdaSpans(ingest, 'mover', 1024, 'arm64', daysOf(thursday, 4, 100, 600_000));

    // warm, 2 GB x86_64: busy 10:00–11:00 on Wednesday and on Friday.
    await sendLambdaSpans(ingest, 'warm', 2048, 'amd64', [
      ...busyHour(monday + 2 * DAY_MS + 10 * HOUR_MS),
      ...busyHour(monday + 4 * DAY_MS + 10 * HOUR_MS),
    ]);
    // Only spans say what these run on. steady, 1 GB arm64: every 5 minutes for 2 hours from
    // Wednesday 10:30 (6 invocations in its first hour). burst, 1 GB arm64: 6 invocations from
    // Friday 14:10, all in one hour. Both moved to x86_64 the week after, which is what the
    // inventory says today. switch, 1 GB: x86_64 every 5 minutes from Tuesday 08:00, arm64 from
    // 10:30 (hour 10 holds 6 of each).
    await sendLambdaSpans(
      ingest,
      'steady',
      1024,
      'arm64',
      everyFive(wednesday + 10.5 * HOUR_MS, 24),
    );
    await sendLambdaSpans(
      ingest,
      'burst',
      1024,
      'arm64',
      everyFive(friday + 14 * HOUR_MS + 600_000, 6),
    );
    for (const name of ['steady', 'burst']) {
      await sendLambdaSpans(ingest, name, 1024, 'amd64', everyFive(week.toMs + 2 * DAY_MS, 12));
    }
    await sendLambdaSpans(ingest, 'switch', 1024, 'amd64', everyFive(tuesday + 8 * HOUR_MS, 30));
    await sendLambdaSpans(ingest, 'switch', 1024, 'arm64', everyFive(tuesday + 10.5 * HOUR_MS, 18));

    // The inventory's snapshots: provisioned concurrency 2 from Tuesday 12:00 until Wednesday
    // 18:00, then none.
    const history = fleetscope.app.get(FunctionSettingsRepository);
    await history.record('api', [
      {
        functionId: WARM,
        observedAtMs: monday + DAY_MS + 12 * HOUR_MS,
        architecture: 'x86_64',
        memoryMb: 2048,
        provisionedConcurrency: 2,
      },
      {
        functionId: WARM,
        observedAtMs: monday + 2 * DAY_MS + 18 * HOUR_MS,
        provisionedConcurrency: 0,
      },
    ]);
    // early: REPORT lines (which never name the architecture) on Monday and on Friday. The
    // inventory sync first saw it on Tuesday, on x86_64, and saw it move to arm64 on Thursday,
    // which is what the inventory says today.
    await deliver(ingest, [reportLines('early', monday, 0, 2), reportLines('early', monday, 4, 2)]);
    await history.record('api', [
      { functionId: EARLY, observedAtMs: tuesday, architecture: 'x86_64' },
      { functionId: EARLY, observedAtMs: thursday, architecture: 'arm64' },
    ]);
    const early = await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(EARLY)}/config`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ architecture: 'arm64' }),
      },
    );
    expect(early.status).toBe(200);
    // Today the inventory says 2: without the history the report would bill it all day on both
    // days warm ran.
    const put = await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(WARM)}/config`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memoryMb: 2048, provisionedConcurrency: 2 }),
      },
    );
    expect(put.status).toBe(200);
    await fleetscope.flush();

    const response = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(response.status).toBe(200);
    report = (await response.json()) as WeeklyReport;
  }, 120_000);

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('records when the spans showed a new architecture', async () => {
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT value, toUnixTimestamp64Milli(observed_at) AS at FROM function_settings_history
              WHERE function_id = {id:String} AND setting = 'architecture' ORDER BY observed_at`,
      query_params: { id: MOVER },
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ value: string; at: number | string }>();
    expect(rows.map((r) => [r.value, Number(r.at)])).toEqual([
      ['x86_64', priorWeek.fromMs + HOUR_MS],
      ['arm64', thursday + HOUR_MS],
    ]);
  });

  it('records settings typed by hand from the time they were typed', async () => {
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT setting, value, toUnixTimestamp64Milli(observed_at) AS at
              FROM function_settings_history
              WHERE function_id = {id:String} AND source = 'manual' ORDER BY setting`,
      query_params: { id: WARM },
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ setting: string; value: string; at: number | string }>();
    expect(rows.map((r) => [r.setting, r.value])).toEqual([
      ['memory_mb', '2048'],
      ['provisioned_concurrency', '2'],
    ]);
    expect(Number(rows[0].at)).toBeGreaterThan(week.toMs);
  });

  it('prices each day at the architecture in force and gives the move to the architecture part, to the cent', () => {
    const mover = report.functions.find((f) => f.functionId === MOVER)!;
    // A day: 100 × 600 s × 1 GB = 60,000 GB-s, 100 requests ($0.00002).
    // Week before: 7 × (60,000 × $0.0000166667 + $0.00002) = 7 × $1.000022 = $7.000154.
    // This week: 3 × $1.000022 + 4 × (60,000 × $0.0000133334 + $0.00002) = $3.000066 + $3.200096.
    expect(mover.previousCostUsd).toBeCloseTo(7.000154, 9);
    expect(mover.costUsd).toBeCloseTo(6.200162, 9);
    expect(mover.computeLines.map((l) => [l.architecture, l.gbSeconds])).toEqual([
      ['x86_64', expect.closeTo(180_000, 6)],
      ['arm64', expect.closeTo(240_000, 6)],
    ]);
    expect(mover.architecture).toBe('arm64');
    const moved = report.movers.find((m) => m.functionId === MOVER)!;
    // 240,000 GB-s × ($0.0000133334 − $0.0000166667) = −$0.799992: the whole change.
    expect(moved.changeUsd).toBeCloseTo(-0.799992, 9);
    expect(moved.parts.architecture).toBeCloseTo(-0.799992, 9);
    expect(moved.parts.architecture.toFixed(2)).toBe('-0.80');
    for (const part of ['invocations', 'duration', 'memorySize', 'price', 'other'] as const) {
      expect(moved.parts[part]).toBeCloseTo(0, 9);
    }
    expect(moved.factors.current.architecture).toBe('arm64 57% / x86_64 43%');
  });

  it('bills provisioned concurrency only for the hours it was allocated', () => {
    const warm = report.functions.find((f) => f.functionId === WARM)!;
    // Allocated Tuesday 12:00 to Wednesday 18:00, 30 h: 2 × 2 GB × 108,000 s = 432,000 GB-s ×
    // $0.0000041667 = $1.8000144 (all day on Wednesday and Friday would be $2.88002304).
    expect(warm.breakdown.provisionedConcurrency).toBeCloseTo(1.8000144, 10);
    // Wednesday's busy hour ran on it: 3,600 s × 2 GB = 7,200 GB-s × $0.0000097222 = $0.06999984;
    // Friday's, after it was removed, on demand: 7,200 GB-s × $0.0000166667 = $0.12000024.
    expect(warm.provisionedConcurrencyDetail.durationUsd).toBeCloseTo(0.06999984, 10);
    expect(warm.breakdown.compute).toBeCloseTo(0.06999984 + 0.12000024, 10);
    // 120 requests × $0.0000002
    expect(warm.breakdown.requests).toBeCloseTo(0.000024, 12);
    expect(warm.costUsd).toBeCloseTo(1.8000144 + 0.06999984 + 0.12000024 + 0.000024, 9);
    const idle = report.idleProvisionedConcurrency.find((p) => p.functionId === WARM)!;
    expect(idle.allocatedGbSeconds).toBeCloseTo(432_000, 6);
    expect(idle.utilisation).toBeCloseTo(7_200 / 432_000, 12);
  });

  /** A function's GB-s per architecture, as its compute lines price them. */
  const gbSecondsByArchitecture = (id: string) => {
    const fn = report.functions.find((f) => f.functionId === id)!;
    const by: Record<string, number> = {};
    for (const l of fn.computeLines) by[l.architecture] = (by[l.architecture] ?? 0) + l.gbSeconds;
    return by;
  };

  it("prices the hour that holds the first span at the architecture it showed, not at the inventory's", () => {
    // 24 invocations × 1 s × 1 GB, all on arm64: the first hour's 6 as well.
    expect(gbSecondsByArchitecture(STEADY)).toEqual({ arm64: expect.closeTo(24, 9) });
    const steady = report.functions.find((f) => f.functionId === STEADY)!;
    // 24 GB-s × $0.0000133334 + 24 requests × $0.0000002
    expect(steady.costUsd).toBeCloseTo(24 * 0.0000133334 + 24 * 0.0000002, 12);
    expect(steady.architecture).toBe('arm64');
  });

  it("prices a function whose traffic all fell in one hour at the architecture its spans showed, not at the inventory's", () => {
    expect(gbSecondsByArchitecture(BURST)).toEqual({ arm64: expect.closeTo(6, 9) });
  });

  it('prices an hour with a change in it at the setting in force at its end', () => {
    // Hours 08 and 09 on x86_64 (24 invocations); hour 10, which holds the move at 10:30 (6 of
    // each), and hour 11 on arm64.
    expect(gbSecondsByArchitecture(SWITCH)).toEqual({
      x86_64: expect.closeTo(24, 9),
      arm64: expect.closeTo(24, 9),
    });
  });

  it("prices the hours before the history's first observation at the value it observed first, not at the inventory's today", () => {
    // Monday's 2 × 600 s at 10 GB ran before Tuesday's first observation (x86_64); Friday's after
    // Thursday's move to arm64. The inventory's arm64 is what it says today, not on Monday.
    expect(gbSecondsByArchitecture(EARLY)).toEqual({
      x86_64: expect.closeTo(12_000, 6),
      arm64: expect.closeTo(12_000, 6),
    });
    expect(report.coverage.assumptions.join(' ')).toContain(
      'before the history knows one, the value it observed first',
    );
  });
});
