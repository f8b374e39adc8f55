import {
  PC_LEVEL_UNKNOWN,
  isoWeekOf,
  previousIsoWeek,
  type WeeklyReport,
} from '@fleetscope/reports';
import { insertInvocations } from '../analysis/support/invocation-rows';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';

/**
 * What the fleet page and the weekly report cannot know of a Lambda function known only from its
 * records, and must say: a provisioned-concurrency level (its records show provisioned-concurrency
 * inits, no setting holds one) and its architecture (REPORT and Telemetry records name none).
 * Found by a review: both were priced on demand at x86_64 with no note, the report marking the
 * function priced "all".
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const WEDNESDAY = week.fromMs + 2 * DAY_MS;

/** us-east-1 x86_64 prices (docs/decisions.md "Billing rules"). */
const GB_SECOND_USD = 0.0000166667;
const REQUEST_USD = 0.2e-6;
const ARCHITECTURE_UNKNOWN =
  'Architecture unknown: priced as x86_64; on arm64 the figures are up to 20 % lower (requests cost the same).';

const ACCOUNT = 'aws_lambda~123456789012~us-east-1';
/** 1 GB, two invocations of 100 ms on Wednesday 10:00, the first after a provisioned-concurrency init. */
const PC = `${ACCOUNT}~pc-from-records`;
/** 1 GB, two on-demand invocations of 100 ms on Wednesday 10:00, no inventory. */
const LOGS_ONLY = `${ACCOUNT}~logs-only`;
/** One invocation on Wednesday 10:00, a SnapStart restore, no inventory. */
const SNAP = `${ACCOUNT}~snap-logs-only`;
/** The same as LOGS_ONLY, with the inventory's architecture. */
const KNOWN = `${ACCOUNT}~known-architecture`;

interface FleetRow {
  id: string;
  architecture: string;
  costUsd: number | null;
  costUsdReason: string | null;
  costUsdNote: string | null;
}

describe('Fleet page and weekly report: a cost priced without a setting says so', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  let fleet: Map<string, FleetRow>;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const twoCalls = (functionId: string, first: { initType?: 'provisioned-concurrency' }) =>
      [0, 60_000].map((offsetMs, i) => ({
        functionId,
        startTimeMs: WEDNESDAY + 10 * HOUR_MS + offsetMs,
        durationMs: 100,
        memorySizeMb: 1024,
        coldStart: false,
        ...(i === 0 && first.initType ? { initType: first.initType, initDurationMs: 800 } : {}),
      }));
    await insertInvocations(fleetscope.clickhouse.client, [
      ...twoCalls(PC, { initType: 'provisioned-concurrency' }),
      ...twoCalls(LOGS_ONLY, {}),
      ...twoCalls(KNOWN, {}),
      {
        functionId: SNAP,
        startTimeMs: WEDNESDAY + 10 * HOUR_MS,
        durationMs: 100,
        memorySizeMb: 1024,
        coldStart: true,
        initType: 'snap-start',
        restoreDurationMs: 300,
        billedRestoreMs: 100,
      },
    ]);
    const put = await post(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(KNOWN)}/config`,
      { architecture: 'x86_64', runtime: 'nodejs22.x', memoryMb: 1024 },
      {},
      'PUT',
    );
    expect(put.status).toBe(200);
    await fleetscope.flush();
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    report = built.body;
    const body = await getJson<{ functions: FleetRow[] }>(
      fleetscope,
      `/api/functions?from=${week.fromMs}&to=${week.toMs}`,
    );
    fleet = new Map(body.functions.map((f) => [f.id, f]));
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  // 2 × 0.1 s at 1 GB on demand, and two requests.
  const onDemandUsd = 0.2 * GB_SECOND_USD + 2 * REQUEST_USD;

  it('defect: provisioned-concurrency inits with no level known were priced on demand, costUsdNote null; the page says the allocation is not priced', () => {
    const pc = fleet.get(PC)!;
    expect(pc.costUsd).toBeCloseTo(onDemandUsd, 12);
    expect(pc.costUsdReason).toBeNull();
    expect(pc.costUsdNote).toContain(PC_LEVEL_UNKNOWN);
  });

  it('defect: the report marked such a function priced "all"; it is priced "part", saying why, with no level invented', () => {
    const row = report.functions.find((f) => f.functionId === PC)!;
    expect(row.priced).toBe('part');
    expect(row.unpriced).toContain(PC_LEVEL_UNKNOWN);
    expect(row.costUsd).toBeCloseTo(onDemandUsd, 12);
    expect(row.breakdown.provisionedConcurrency).toBe(0);
    expect(report.coverage.unpriced).toContainEqual({ functionId: PC, reason: PC_LEVEL_UNKNOWN });
    // Its on-demand twin is priced all.
    expect(report.functions.find((f) => f.functionId === LOGS_ONLY)!.priced).toBe('all');
  });

  it('defect: an architecture no record or setting names was priced as x86_64 with costUsdNote null; the note says so, as recommendations do', () => {
    const unknown = fleet.get(LOGS_ONLY)!;
    expect(unknown.architecture).toBe('');
    expect(unknown.costUsd).toBeCloseTo(onDemandUsd, 12);
    expect(unknown.costUsdNote).toBe(ARCHITECTURE_UNKNOWN);
    expect(fleet.get(PC)!.costUsdNote).toBe(`${PC_LEVEL_UNKNOWN} ${ARCHITECTURE_UNKNOWN}`);
    const known = fleet.get(KNOWN)!;
    expect(known.costUsd).toBeCloseTo(onDemandUsd, 12);
    expect(known.costUsdNote).toBeNull();
  });

  it("says so of a function priced by the report's days (a SnapStart restore)", () => {
    const snap = fleet.get(SNAP)!;
    expect(snap.costUsd).not.toBeNull();
    expect(snap.costUsdNote).toBe(ARCHITECTURE_UNKNOWN);
  });
});
