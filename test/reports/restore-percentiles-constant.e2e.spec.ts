import { insertInvocations } from '../analysis/support/invocation-rows';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * SnapStart restore durations on GET /api/coldstarts: the percentiles come from ~9 % histogram
 * buckets, and the quantile rule reads the sum to keep a constant duration from showing a spread
 * it does not have.
 */
const FUNCTION = 'aws_lambda~123456789012~us-east-1~constant-restore';

interface DurationFigures {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

describe('restore-duration percentiles of a constant restore (GET /api/coldstarts)', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  }, 60_000);
  afterAll(() => fleetscope?.stop());

  it('defect: 3 restores of exactly 300 ms read percentiles spread around a mean of 300; every percentile is 300 ms', async () => {
    const startMs = Date.now() - 10 * 60_000;
    await insertInvocations(
      fleetscope.clickhouse.client,
      [0, 1, 2].map((i) => ({
        functionId: FUNCTION,
        startTimeMs: startMs + i * 60_000,
        durationMs: 100,
        memorySizeMb: 1024,
        coldStart: true,
        initType: 'snap-start' as const,
        restoreDurationMs: 300,
        billedRestoreMs: 300,
        runtime: 'java21',
      })),
    );
    const toMs = Date.now() + 60_000;
    const answer = await fetch(
      `${fleetscope.apiUrl}/api/coldstarts?from=${toMs - 3_600_000}&to=${toMs}&groupBy=function`,
    );
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as {
      groups: {
        key: string;
        snapStart: { restoresWithDuration: number; restoreDurationMs: DurationFigures };
      }[];
    };
    const group = report.groups.find((g) => g.key === FUNCTION)!;
    expect(group.snapStart.restoresWithDuration).toBe(3);
    expect(group.snapStart.restoreDurationMs).toEqual({ mean: 300, p50: 300, p95: 300, p99: 300 });
  });
});
