import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { FunctionSettingsRepository } from '@fleetscope/storage';
import { insertInvocations, type InvocationRowSpec } from '../analysis/support/invocation-rows';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';
import { withPage } from '../support/chromium-page';

/**
 * The fleet page prices provisioned concurrency and SnapStart as the weekly report does: the
 * allocation for the seconds the settings history shows it in force, the time run on it at the
 * provisioned duration price, and the snapshot cache of a Python function. Found by a review: the
 * page priced every invocation on demand and billed neither the allocation nor the cache, so a
 * week of a function with provisioned concurrency cost $0.24 on the page and $1.99 in the report.
 * Invocation rows are written as the collector stores them (Telemetry API records).
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Two weeks back: whole days of the past, inside every retention.
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const MONDAY = week.fromMs;
const TUESDAY = MONDAY + DAY_MS;
const WEDNESDAY = MONDAY + 2 * DAY_MS;
const FRIDAY = MONDAY + 4 * DAY_MS;

/** us-east-1 x86_64 prices (docs/decisions.md "Billing rules"). */
const GB_SECOND_USD = 0.0000166667;
const REQUEST_USD = 0.2e-6;
const PC_ALLOCATED_USD = 0.0000041667;
const PC_DURATION_USD = 0.0000097222;
const SNAPSTART_CACHE_USD = 0.0000015046;
const SNAPSTART_RESTORE_USD = 0.0001397998;

const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
/**
 * 2 GB, x86_64: provisioned concurrency 2 from Tuesday 12:00 to Wednesday 18:00 (the inventory
 * sync's snapshots). Busy one hour (concurrency 1) on Wednesday 10:00, on its provisioned
 * environments (the first invocation a provisioned-concurrency init), and on Friday 10:00, on demand.
 */
const WARM = `${ACCOUNT}~warm`;
/** Python, 1 GB, x86_64: 5 invocations of 100 ms on Tuesday from 12:00, the first a SnapStart restore. */
const SNAPPY = `${ACCOUNT}~snappy`;

/**
 * 1 GB, x86_64, provisioned concurrency 1 by the inventory alone (no history): allocated all day on
 * a day it ran. One invocation of 100 ms on Monday 09:00.
 */
const ASSUMED = `${ACCOUNT}~assumed`;

/**
 * Python, 1 GB: one invocation today, a SnapStart restore (inside today's part of the function
 * page's last 24 hours, however early today the test runs).
 */
const SNAPPY_TODAY = `${ACCOUNT}~snappy-today`;
const TODAY_RESTORE_MS = Math.max(
  Math.floor(Date.now() / DAY_MS) * DAY_MS + 1_000,
  Date.now() - 2 * MINUTE_MS,
);

/** One invocation a minute for an hour from `startMs`, each busy the whole minute. */
const busyHour = (startMs: number, first: Partial<InvocationRowSpec>): InvocationRowSpec[] =>
  Array.from({ length: 60 }, (_, i) => ({
    functionId: WARM,
    startTimeMs: startMs + i * MINUTE_MS,
    durationMs: 60_000,
    memorySizeMb: 2048,
    coldStart: false,
    ...(i === 0 ? first : {}),
  }));

interface FleetRow {
  id: string;
  invocations: number;
  costUsd: number | null;
  costUsdReason: string | null;
  costUsdNote: string | null;
}

describe('Fleet page cost of provisioned concurrency and SnapStart', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;

  const fleet = async (fromMs: number, toMs: number) => {
    const body = await getJson<{ functions: FleetRow[] }>(
      fleetscope,
      `/api/functions?from=${fromMs}&to=${toMs}`,
    );
    return new Map(body.functions.map((f) => [f.id, f]));
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await insertInvocations(fleetscope.clickhouse.client, [
      ...busyHour(WEDNESDAY + 10 * HOUR_MS, {
        initType: 'provisioned-concurrency',
        initDurationMs: 300,
      }),
      ...busyHour(FRIDAY + 10 * HOUR_MS, {}),
      ...Array.from({ length: 5 }, (_, i) => ({
        functionId: SNAPPY,
        startTimeMs: TUESDAY + 12 * HOUR_MS + i * MINUTE_MS,
        durationMs: 100,
        memorySizeMb: 1024,
        ...(i === 0
          ? {
              coldStart: true,
              initType: 'snap-start' as const,
              restoreDurationMs: 300,
              billedRestoreMs: 100,
            }
          : { coldStart: false }),
      })),
      {
        functionId: ASSUMED,
        startTimeMs: MONDAY + 9 * HOUR_MS,
        durationMs: 100,
        memorySizeMb: 1024,
      },
      {
        functionId: SNAPPY_TODAY,
        startTimeMs: TODAY_RESTORE_MS,
        durationMs: 100,
        memorySizeMb: 1024,
        coldStart: true,
        initType: 'snap-start' as const,
        restoreDurationMs: 300,
        billedRestoreMs: 100,
      },
    ]);
    await fleetscope.app.get(FunctionSettingsRepository).record('api', [
      {
        functionId: WARM,
        observedAtMs: TUESDAY + 12 * HOUR_MS,
        architecture: 'x86_64',
        memoryMb: 2048,
        provisionedConcurrency: 2,
      },
      { functionId: WARM, observedAtMs: WEDNESDAY + 18 * HOUR_MS, provisionedConcurrency: 0 },
    ]);
    const inventory: [string, Record<string, unknown>][] = [
      [WARM, { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 2048 }],
      [SNAPPY, { architecture: 'x86_64', runtime: 'python3.12', memoryMb: 1024 }],
      [SNAPPY_TODAY, { architecture: 'x86_64', runtime: 'python3.12', memoryMb: 1024 }],
      [
        ASSUMED,
        {
          architecture: 'x86_64',
          runtime: 'nodejs22.x',
          memoryMb: 1024,
          provisionedConcurrency: 1,
        },
      ],
    ];
    for (const [id, body] of inventory) {
      const put = await post(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}/config`,
        body,
        {},
        'PUT',
      );
      expect(put.status).toBe(200);
    }
    await fleetscope.flush();
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    report = built.body;
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  // Allocated Tuesday 12:00 to Wednesday 18:00, 30 h: 2 × 2 GB × 108,000 s = 432,000 GB-s.
  const warmAllocatedUsd = 432_000 * PC_ALLOCATED_USD;
  // Wednesday's hour on it: 3,600 s × 2 GB = 7,200 GB-s; Friday's on demand.
  const warmWeekUsd =
    warmAllocatedUsd + 7_200 * PC_DURATION_USD + 7_200 * GB_SECOND_USD + 120 * REQUEST_USD;
  // 5 × 100 ms + 100 ms of Billed Restore Duration at 1 GB; one restore of 1 GB; the snapshot
  // cached from Tuesday to the end of the week, 6 days (the report's assumption: all day on a day
  // with restores and the 13 days after).
  const snappyWeekUsd =
    0.6 * GB_SECOND_USD +
    5 * REQUEST_USD +
    SNAPSTART_RESTORE_USD +
    6 * 86_400 * SNAPSTART_CACHE_USD;

  // Monday allocated all day, 1 GB × 86,400 s; its 100 ms on it.
  const assumedWeekUsd = 86_400 * PC_ALLOCATED_USD + 0.1 * PC_DURATION_USD + REQUEST_USD;

  it('costs a week of a function with provisioned concurrency what the weekly report says, allocation and time on it included', async () => {
    const reported = report.functions.find((f) => f.functionId === WARM)!;
    expect(reported.costUsd).toBeCloseTo(warmWeekUsd, 9);
    const warm = (await fleet(week.fromMs, week.toMs)).get(WARM)!;
    expect(warm.invocations).toBe(120);
    // Before: 14,400 GB-s on demand and 120 requests, $0.24002448.
    expect(warm.costUsd).toBeCloseTo(reported.costUsd, 12);
    expect(warm.costUsdReason).toBeNull();
    expect(warm.costUsdNote).toBeNull();
  });

  it('costs a week of a Python SnapStart function what the weekly report says, the snapshot cache included', async () => {
    const reported = report.functions.find((f) => f.functionId === SNAPPY)!;
    expect(reported.costUsd).toBeCloseTo(snappyWeekUsd, 12);
    const snappy = (await fleet(week.fromMs, week.toMs)).get(SNAPPY)!;
    // Before: the cache left out, $0.00015080.
    expect(snappy.costUsd).toBeCloseTo(reported.costUsd, 12);
  });

  it("adds up over the week to the weekly report's total", async () => {
    const rows = [...(await fleet(week.fromMs, week.toMs)).values()];
    const total = rows.reduce((sum, f) => sum + (f.costUsd ?? 0), 0);
    expect(total).toBeCloseTo(report.totalCostUsd, 12);
    expect(total).toBeCloseTo(warmWeekUsd + snappyWeekUsd + assumedWeekUsd, 9);
  });

  it('bills the allocation for the part of the range it was in force, and runs on it at the provisioned price', async () => {
    // Wednesday 00:00–12:00: 12 h allocated, 2 × 2 GB × 43,200 s = 172,800 GB-s; the busy hour on it.
    const warm = (await fleet(WEDNESDAY, WEDNESDAY + 12 * HOUR_MS)).get(WARM)!;
    expect(warm.costUsd).toBeCloseTo(
      172_800 * PC_ALLOCATED_USD + 7_200 * PC_DURATION_USD + 60 * REQUEST_USD,
      12,
    );
    expect(warm.costUsdNote).toBeNull();
  });

  it('lists a function whose provisioned concurrency was allocated in a range without invocations, with its cost', async () => {
    // Tuesday 12:00–24:00: 2 × 2 GB × 43,200 s, nothing ran.
    const warm = (await fleet(TUESDAY + 12 * HOUR_MS, WEDNESDAY)).get(WARM);
    expect(warm).toMatchObject({ invocations: 0, costUsdReason: null });
    expect(warm?.costUsd).toBeCloseTo(172_800 * PC_ALLOCATED_USD, 12);
  });

  it('bills assumed provisioned concurrency over the half of a day it ran in that holds no invocation', async () => {
    // A review: Monday 12:00–24:00 did not list the function, so the two halves of the day added
    // up to half of its allocation; the morning holds its one invocation.
    const morning = (await fleet(MONDAY, MONDAY + 12 * HOUR_MS)).get(ASSUMED)!;
    const afternoon = (await fleet(MONDAY + 12 * HOUR_MS, TUESDAY)).get(ASSUMED);
    const day = (await fleet(MONDAY, TUESDAY)).get(ASSUMED)!;
    expect(day.costUsd).toBeCloseTo(assumedWeekUsd, 12);
    expect(afternoon).toMatchObject({ invocations: 0, costUsdReason: null });
    expect(afternoon?.costUsd).toBeCloseTo(43_200 * PC_ALLOCATED_USD, 12);
    expect(morning.costUsd! + afternoon!.costUsd!).toBeCloseTo(day.costUsd!, 12);
    // A day the range starts in after the run: not a day it ran in that part, still one it ran.
    const evening = (await fleet(MONDAY + 18 * HOUR_MS, TUESDAY + 6 * HOUR_MS)).get(ASSUMED);
    expect(evening?.costUsd).toBeCloseTo(21_600 * PC_ALLOCATED_USD, 12);
    // Tuesday, when it did not run: nothing allocated.
    expect((await fleet(TUESDAY, WEDNESDAY)).get(ASSUMED)).toBeUndefined();
  });

  it('counts the snapshot cache over the part of a day with restores in the range, and says so', async () => {
    // Tuesday 00:00–13:00: the restore at 12:00; cached 13 h, not the report's whole day.
    const snappy = (await fleet(TUESDAY, TUESDAY + 13 * HOUR_MS)).get(SNAPPY)!;
    expect(snappy.costUsd).toBeCloseTo(
      0.6 * GB_SECOND_USD + 5 * REQUEST_USD + SNAPSTART_RESTORE_USD + 46_800 * SNAPSTART_CACHE_USD,
      12,
    );
    expect(snappy.costUsdNote).toMatch(/SnapStart/);
  });

  it("shows the note of a cost counted over part of a day on the function's page, under its cost", async () => {
    await withPage(async (page) => {
      const costCard = async (id: string) => {
        await page.goto(
          `${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(id)}&range=24h`,
        );
        const card = page.locator('#stats .stat', { has: page.locator('dt', { hasText: 'Cost' }) });
        return card.locator('small').innerText();
      };
      // Today's restore: the snapshot cache is counted over today's part of the range.
      const today = (await fleet(Date.now() - DAY_MS, Date.now())).get(SNAPPY_TODAY)!;
      expect(today.costUsdNote).toMatch(/SnapStart/);
      expect(await costCard(SNAPPY_TODAY)).toContain(today.costUsdNote!);
      expect(await costCard(SNAPPY_TODAY)).toMatch(/GB-s/);
    });
  }, 60_000);
});
