import { isoDate, isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { post } from '../platform/platform-ingest.helpers';
import { startFleetscope } from '../support/fleetscope-app';

/**
 * A source that sends nothing on a day is missing data only where a function it fed would have run
 * then. A weekday batch, a job that runs every other day and a function retired the week before
 * (its only source with it, replaced by one another source delivers) are silent by their own
 * pattern: the weeks are complete and no change is put down to missing data. A weekday batch whose
 * source stops on a Wednesday is missing its Wednesday to Friday, not the weekend.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const prior = previousIsoWeek(week);
const LAMBDA = (name: string) => `aws_lambda~123456789012~us-east-1~${name}`;
const AZURE = (name: string) => `azure_functions~sub1~westeurope~${name}`;

const minute = (functionId: string, dayStartMs: number, source: string) => ({
  function_id: functionId,
  minute: Math.floor((dayStartMs + 9 * HOUR_MS) / 1000),
  version: '',
  source,
  memory_size_mb: 256,
  invocations: 100,
  duration_sum_ms: 30_000,
  billed_duration_sum_ms: 30_000,
});

/** The report of `week` over records of the two weeks: `rows(i)` for day i from the prior Monday. */
async function reportOf(rows: (i: number, dayStartMs: number) => unknown[]): Promise<WeeklyReport> {
  const fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
  try {
    const values = Array.from({ length: 14 }, (_, i) => rows(i, prior.fromMs + i * DAY_MS)).flat();
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values,
    });
    await fleetscope.flush();
    const built = await post<WeeklyReport>(`${fleetscope.apiUrl}/api/reports/weekly`, {
      week: week.label,
    });
    expect(built.status).toBe(200);
    return built.body;
  } finally {
    await fleetscope.stop();
  }
}

const weekday = (i: number) => i % 7 < 5;
const api = (d: number) => minute(AZURE('api'), d, 'otel_span');

function expectComplete(report: WeeklyReport) {
  expect(report.coverage.status).toBe('complete');
  expect(report.coverage.sourceGaps).toEqual([]);
  expect(report.coverage.previousWeek.status).toBe('complete');
  expect(report.coverage.previousWeek.sourceGaps).toEqual([]);
  expect(report.coverage.message).toMatch(/^Data for all 7 days/);
  for (const mover of report.movers) {
    expect(mover.missingData).toBeUndefined();
    expect(mover.explanation).not.toMatch(/missing data/);
  }
}

describe('Weekly report coverage of functions silent by their own pattern', () => {
  it('reads the weekends of a weekday batch as no runs, not a stopped source', async () => {
    const report = await reportOf((i, d) => [
      ...(weekday(i) ? [minute(LAMBDA('batch'), d, 'lambda_log')] : []),
      api(d),
    ]);
    expectComplete(report);
  }, 120_000);

  it('reads the off days of a job that runs every other day as no runs, and its change as a change in use', async () => {
    const report = await reportOf((i, d) => [
      ...(i % 2 === 0 ? [minute(LAMBDA('job'), d, 'lambda_log')] : []),
      api(d),
    ]);
    expectComplete(report);
    const job = report.movers.find((m) => m.functionId === LAMBDA('job'))!;
    expect(job.changeUsd).toBeLessThan(0);
  }, 120_000);

  it('reads a function retired the week before as stopped, not its source as missing since', async () => {
    const report = await reportOf((i, d) => [
      i < 3 ? minute(LAMBDA('legacy'), d, 'lambda_log') : minute(LAMBDA('new'), d, 'otel_span'),
    ]);
    expectComplete(report);
  }, 120_000);

  it('still names the days a weekday batch would have run when its source stopped', async () => {
    const report = await reportOf((i, d) => [
      ...(weekday(i) && i < 9 ? [minute(LAMBDA('batch'), d, 'lambda_log')] : []),
      api(d),
    ]);
    const missed = [2, 3, 4].map((i) => isoDate(week.fromMs + i * DAY_MS));
    expect(report.coverage.status).toBe('partial');
    expect(report.coverage.sourceGaps).toEqual([
      { source: 'lambda_log', dates: missed, functionIds: [LAMBDA('batch')] },
    ]);
    expect(report.coverage.previousWeek.status).toBe('complete');
    const batch = report.movers.find((m) => m.functionId === LAMBDA('batch'))!;
    expect(batch.missingData).toEqual([{ source: 'lambda_log', dates: missed }]);
  }, 120_000);
});
