import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { post } from '../platform/platform-ingest.helpers';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * FLEETSCOPE_PRICING_TIER_GROUPING=organization: Lambda's duration tiers are totalled across the
 * Organization's accounts (per region and architecture, from the first of the month), so the
 * weekly report prices two accounts' GB-seconds as one consolidated bill does.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const A = 'aws_lambda~111111111111~us-east-1~a';
const B = 'aws_lambda~222222222222~us-east-1~b';

/** Both accounts run 4e9 GB-s (10 GB × 4e8 s) on the Tuesday of the week, x86_64. */
async function tuesdayOfTwoAccounts(fleetscope: RunningFleetscope): Promise<WeeklyReport> {
  const at = Math.floor((week.fromMs + DAY_MS + 12 * HOUR_MS) / 1000);
  const row = (id: string) => ({
    function_id: id,
    minute: at,
    version: '',
    source: 'lambda_log',
    memory_size_mb: 10240,
    invocations: 1000,
    duration_sum_ms: 4e11,
    billed_duration_sum_ms: 4e11,
  });
  await fleetscope.clickhouse.client.insert({
    table: 'function_minutes',
    format: 'JSONEachRow',
    values: [row(A), row(B)],
  });
  const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
    week: week.label,
  });
  expect(built.status).toBe(200);
  return built.body;
}

const compute = (r: WeeklyReport) => r.breakdown.compute;

describe('Weekly report Lambda duration tiers by FLEETSCOPE_PRICING_TIER_GROUPING', () => {
  let fleetscope: RunningFleetscope | undefined;
  afterEach(async () => {
    await fleetscope?.stop();
    fleetscope = undefined;
  });

  it('organization: the second account reaches tier 2 after the first one’s 4e9 GB-s ($130,000.20 of compute, not $133,333.60)', async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '60',
      FLEETSCOPE_PRICING_TIER_GROUPING: 'organization',
    });
    const report = await tuesdayOfTwoAccounts(fleetscope);
    // 6e9 GB-s at $0.0000166667, then 2e9 at $0.000015 (us-east-1 x86_64).
    expect(compute(report)).toBeCloseTo(6e9 * 0.0000166667 + 2e9 * 0.000015, 2);
    expect(compute(report)).toBeCloseTo(130_000.2, 2);
    const tiers = report.computeByTier.filter((l) => l.kind === 'on-demand');
    expect(tiers.map((l) => [l.usdPerGbSecond, l.gbSeconds])).toEqual([
      [0.0000166667, 6e9],
      [0.000015, 2e9],
    ]);
    expect(report.coverage.assumptions[0]).toMatch(/across the accounts/);
  });

  it('account: each account starts at tier 1 ($66,666.80 each)', async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    const report = await tuesdayOfTwoAccounts(fleetscope);
    expect(compute(report)).toBeCloseTo(2 * 4e9 * 0.0000166667, 2);
    expect(report.functions.map((f) => f.costUsd)).toEqual([
      expect.closeTo(66_666.8, 2),
      expect.closeTo(66_666.8, 2),
    ]);
    expect(report.coverage.assumptions[0]).toMatch(/per account/);
  });
});
