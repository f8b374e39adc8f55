import type { ColdStartGroupReport, ColdStartReport } from '@fleetscope/analysis-jobs';
import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { FunctionSettingsRepository } from '@fleetscope/storage';
import { upgradedSandbox } from '../support/lambda-sandbox';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { SDK_ACCOUNT, SDK_REGION, sendLambdaSpans } from '../support/lambda-sdk-spans';
import { awslogs, dataMessage, post, reportLine } from '../platform/platform-ingest.helpers';

/**
 * The fleet page and GET /api/coldstarts after a function moved from x86_64 to arm64 (and from
 * Node.js 20 to 22): usage is priced, and cold starts grouped, at the settings in force when it
 * was recorded, by the weekly report's rule (each stored row at the settings in force at its end,
 * from the settings history), not at today's inventory. Found by a review: the fleet page priced
 * three x86_64 days at the arm64 price once one arm64 span came in, and the cold starts filed the
 * whole history under today's runtime and architecture.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** us-east-1 first-tier prices (docs/decisions.md "Billing rules"). */
const X86_GB_SECOND_USD = 0.0000166667;
const ARM_GB_SECOND_USD = 0.0000133334;
const REQUEST_USD = 0.2e-6;

// Two weeks back: whole days of the past, inside every retention.
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const monday = week.fromMs;
const tuesday = monday + DAY_MS;
const wednesday = monday + 2 * DAY_MS;
const thursday = monday + 3 * DAY_MS;
const friday = monday + 4 * DAY_MS;

/** Known from OpenTelemetry spans only: x86_64 Monday to Wednesday, arm64 from Thursday. */
const MOVED = `aws_lambda~${SDK_ACCOUNT}~${SDK_REGION}~moved`;
/** Known from its logs: Node.js 20 on x86_64 on Tuesday, Node.js 22 on arm64 on Thursday. */
const UPGRADED = `aws_lambda~${SDK_ACCOUNT}~${SDK_REGION}~upgraded`;
/** A SnapStart function (arm64, Java) with one restore on Tuesday. */
const SNAPPY = `aws_lambda~${SDK_ACCOUNT}~${SDK_REGION}~snappy`;

/** 10 invocations of 1 s a day, every 10 minutes from 01:00 UTC, for `days` days. */
const tenADay = (fromMs: number, days: number) =>
  Array.from({ length: days * 10 }, (_, i) => ({
    startMs: fromMs + Math.floor(i / 10) * DAY_MS + HOUR_MS + (i % 10) * 600_000,
    durationMs: 1000,
  }));

describe('GET /api/functions and /api/coldstarts at the settings in force', () => {
  let fleetscope: RunningFleetscope;

  const coldStarts = (fromMs: number, toMs: number, groupBy: string) =>
    getJson<ColdStartReport>(
      fleetscope,
      `/api/coldstarts?from=${fromMs}&to=${toMs}&groupBy=${groupBy}`,
    );
  const groups = (report: ColdStartReport) =>
    Object.fromEntries(report.groups.map((g) => [g.key, g])) as Record<
      string,
      ColdStartGroupReport
    >;
  const fleet = (fromMs: number, toMs: number) =>
    getJson<{
      functions: { id: string; billedGbSeconds: number; costUsd: number | null }[];
      fleet: { coldStartRate: number | null; coldStartRateReason: string | null };
    }>(fleetscope, `/api/functions?from=${fromMs}&to=${toMs}`);

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const ingest = fleetscope.ingestUrl;
    await sendLambdaSpans(ingest, 'moved', 1024, 'amd64', tenADay(monday, 3));
    await sendLambdaSpans(ingest, 'moved', 1024, 'arm64', tenADay(thursday, 4));

    // UPGRADED on Tuesday: two sandboxes of 20 invocations from 10:00 and 10:30 on Node.js 20,
    // each started by a 500 ms INIT; on Thursday one sandbox of 10 on Node.js 22, a 400 ms INIT.
    const sandboxes = [
      upgradedSandbox('nodejs:20.v13', tuesday + 10 * HOUR_MS + 5_000, 20, 500, 1024),
      upgradedSandbox('nodejs:20.v13', tuesday + 10.5 * HOUR_MS + 5_000, 20, 500, 1024),
      upgradedSandbox('nodejs:22.v41', thursday + 10 * HOUR_MS + 5_000, 10, 400, 1024),
    ];
    for (const message of sandboxes) {
      const answer = await post(
        `${ingest}/ingest/lambda/cloudwatch?region=${SDK_REGION}`,
        awslogs(message),
      );
      expect(answer.status).toBe(200);
    }
    // SNAPPY on Tuesday: 5 invocations, the first one a SnapStart restore.
    const restoredAt = tuesday + 12 * HOUR_MS;
    const snappy = dataMessage(
      SDK_ACCOUNT,
      'snappy',
      '2026/01/01/[7]0123456789abcdef',
      Array.from({ length: 5 }, (_, i) => ({
        timestamp: restoredAt + i * MINUTE_MS + 100,
        message:
          reportLine(`5a0b0000-0000-4000-8000-00000000000${i}`, {
            durationMs: 100,
            billedMs: 100,
            memoryMb: 1024,
            maxUsedMb: 80,
          }) + (i === 0 ? 'Restore Duration: 300.00 ms\tBilled Restore Duration: 100 ms\t' : ''),
      })),
    );
    const answer = await post(
      `${ingest}/ingest/lambda/cloudwatch?region=${SDK_REGION}`,
      awslogs(snappy),
    );
    expect(answer.status).toBe(200);

    // The platform inventory's snapshots of UPGRADED, as its sync would have recorded them: x86_64
    // from the Sunday before, arm64 from the redeploy on Thursday 00:30.
    await fleetscope.app.get(FunctionSettingsRepository).record('api', [
      {
        functionId: UPGRADED,
        observedAtMs: monday - DAY_MS,
        architecture: 'x86_64',
        memoryMb: 1024,
      },
      { functionId: UPGRADED, observedAtMs: thursday + 0.5 * HOUR_MS, architecture: 'arm64' },
    ]);
    // Today's inventory: what the functions are now.
    const inventory: [string, Record<string, unknown>][] = [
      [MOVED, { architecture: 'arm64', memoryMb: 1024 }],
      [
        UPGRADED,
        { architecture: 'arm64', runtime: 'nodejs22.x', memoryMb: 1024, packageType: 'Zip' },
      ],
      [SNAPPY, { architecture: 'arm64', runtime: 'java21', memoryMb: 1024, packageType: 'Zip' }],
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
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  it('prices days that ran on x86_64 at the x86_64 price after the function moved to arm64', async () => {
    // Tuesday and Wednesday: 20 × 1 s × 1 GB = 20 GB-s and 20 requests, all on x86_64; the range
    // ends where the arm64 spans begin (the history knows x86_64 from Monday).
    const before = (await fleet(tuesday, thursday)).functions.find((f) => f.id === MOVED)!;
    expect(before.billedGbSeconds).toBeCloseTo(20, 9);
    // 20 × $0.0000166667 + 20 × $0.0000002 = $0.000337334 (at arm64: $0.000270668).
    expect(before.costUsd).toBeCloseTo(20 * X86_GB_SECOND_USD + 20 * REQUEST_USD, 12);
  });

  it("prices a week with a move in it at each stretch's architecture, as the weekly report does", async () => {
    const moved = (await fleet(week.fromMs, week.toMs)).functions.find((f) => f.id === MOVED)!;
    // 30 GB-s on x86_64 (Monday to Wednesday), 40 on arm64, 70 requests:
    // $0.000500001 + $0.000533336 + $0.000014 = $0.001047337 (all at arm64: $0.000947338).
    expect(moved.billedGbSeconds).toBeCloseTo(70, 9);
    const expected = 30 * X86_GB_SECOND_USD + 40 * ARM_GB_SECOND_USD + 70 * REQUEST_USD;
    expect(moved.costUsd).toBeCloseTo(expected, 12);

    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    const reported = built.body.functions.find((f) => f.functionId === MOVED)!;
    expect(reported.costUsd).toBeCloseTo(moved.costUsd!, 12);
  });

  it('prices cold starts at the architecture in force when they happened', async () => {
    // Tuesday: 2 INITs of 0.5 s at 1 GB = 1 GB-s × $0.0000166667 (at arm64: × $0.0000133334,
    // exactly 0.8 of it).
    const tue = groups(await coldStarts(tuesday, wednesday, 'function'))[UPGRADED];
    expect(tue).toMatchObject({ invocations: 40, coldStarts: 2 });
    expect(tue.onDemand.costUsd).toBeCloseTo(1 * X86_GB_SECOND_USD, 12);
    // Tuesday to Thursday: and Thursday's 0.4 s INIT at 1 GB on arm64.
    const both = groups(await coldStarts(tuesday, friday, 'function'))[UPGRADED];
    expect(both.onDemand.costUsd).toBeCloseTo(X86_GB_SECOND_USD + 0.4 * ARM_GB_SECOND_USD, 12);
  });

  it('groups cold starts by the architecture in force when they happened', async () => {
    // Tuesday: MOVED's 10 invocations and UPGRADED's 40 on x86_64, SNAPPY's 5 on arm64.
    const tue = groups(await coldStarts(tuesday, wednesday, 'architecture'));
    expect(Object.keys(tue).sort()).toEqual(['arm64', 'x86_64']);
    expect(tue.x86_64).toMatchObject({ functions: 2, invocations: 50, coldStarts: 2 });
    expect(tue.arm64).toMatchObject({ functions: 1, invocations: 5, coldStarts: 1 });

    // Tuesday to Thursday: MOVED's Thursday and UPGRADED's Thursday ran on arm64.
    const both = groups(await coldStarts(tuesday, friday, 'architecture'));
    expect(both.x86_64).toMatchObject({ functions: 2, invocations: 60, coldStarts: 2 });
    expect(both.arm64).toMatchObject({ functions: 3, invocations: 25, coldStarts: 2 });
    expect(both.x86_64.costUsd).toBeCloseTo(X86_GB_SECOND_USD, 12);
  });

  it('groups cold starts by the runtime the records named when they happened', async () => {
    // MOVED's spans name no runtime, nor does the inventory: unknown.
    const tue = groups(await coldStarts(tuesday, wednesday, 'runtime'));
    expect(Object.keys(tue).sort()).toEqual(['java21', 'nodejs20.x', 'unknown']);
    expect(tue['nodejs20.x']).toMatchObject({ functions: 1, invocations: 40, coldStarts: 2 });

    const both = groups(await coldStarts(tuesday, friday, 'runtime'));
    expect(Object.keys(both).sort()).toEqual(['java21', 'nodejs20.x', 'nodejs22.x', 'unknown']);
    expect(both['nodejs20.x']).toMatchObject({ functions: 1, invocations: 40, coldStarts: 2 });
    expect(both['nodejs22.x']).toMatchObject({ functions: 1, invocations: 10, coldStarts: 1 });
  });

  it('counts in each init type only the functions and invocations that had such inits', async () => {
    const byInit = groups(await coldStarts(tuesday, wednesday, 'initType'));
    expect(byInit['on-demand']).toMatchObject({ functions: 1, invocations: 40, coldStarts: 2 });
    expect(byInit['on-demand'].coldStartRate).toBeCloseTo(2 / 40, 12);
    expect(byInit['snap-start']).toMatchObject({ functions: 1, invocations: 5, coldStarts: 1 });
    expect(byInit['snap-start'].snapStart).toMatchObject({ restores: 1, rate: 0.2 });
    for (const none of ['provisioned-concurrency', 'proactive']) {
      expect(byInit[none]).toMatchObject({ functions: 0, invocations: 0, coldStartRate: null });
    }
  });

  it('gives no cold-start rate (null, with a reason) over a range without invocations', async () => {
    const emptyFrom = monday + 20 * HOUR_MS;
    const empty = await coldStarts(emptyFrom, emptyFrom + HOUR_MS, 'function');
    expect(empty.groups).toEqual([]);
    expect(empty.totals).toMatchObject({ invocations: 0, coldStartRate: null });
    expect(empty.totals.coldStartRateReason).toEqual(expect.any(String));
    expect(empty.totals.onDemand.rate).toBeNull();
    expect(empty.totals.snapStart.rate).toBeNull();

    const page = await fleet(emptyFrom, emptyFrom + HOUR_MS);
    expect(page.functions).toEqual([]);
    expect(page.fleet.coldStartRate).toBeNull();
    expect(page.fleet.coldStartRateReason).toEqual(expect.any(String));
  });
});
