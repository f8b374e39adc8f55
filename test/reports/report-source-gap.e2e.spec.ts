import { isoDate, isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { post } from '../platform/platform-ingest.helpers';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { ACCOUNT, REGION, reportLines } from './support/report-lines';

/**
 * A source that stops sending is missing data, not a drop in cost. checkout's REPORT lines
 * (lambda_log) come every day of the week before and Monday to Thursday of the report week, then
 * stop; two Azure functions' spans (otel_span) come every day, and one of them, legacy, stops
 * being invoked after Tuesday while the spans of the other still arrive: a function that stopped,
 * not a source.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const prior = previousIsoWeek(week);
const CHECKOUT = `aws_lambda~${ACCOUNT}~${REGION}~checkout`;
const ORDERS = 'azure_functions~sub1~westeurope~orders';
const LEGACY = 'azure_functions~sub1~westeurope~legacy';
const day = (weekFromMs: number, offset: number) => isoDate(weekFromMs + offset * DAY_MS);
const stopped = [4, 5, 6].map((d) => day(week.fromMs, d));

describe('Weekly report coverage of a source that stopped sending', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;

  beforeAll(async () => {
    fleetscope = await startFleetscope({ FLEETSCOPE_RETENTION_DAYS: '60' });
    const ingest = `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`;
    for (const [from, days] of [
      [prior.fromMs, 7],
      [week.fromMs, 4],
    ]) {
      for (let d = 0; d < days; d++) {
        expect((await post(ingest, reportLines('checkout', from, d, 10))).status).toBe(200);
      }
    }
    const spans = (id: string, ms: number) => ({
      function_id: id,
      minute: Math.floor(ms / 1000),
      version: '',
      source: 'otel_span',
      memory_size_mb: 256,
      invocations: 100,
      duration_sum_ms: 30_000,
      billed_duration_sum_ms: 30_000,
    });
    const values = [];
    for (const from of [prior.fromMs, week.fromMs]) {
      for (let d = 0; d < 7; d++) {
        const at = from + d * DAY_MS + 9 * HOUR_MS;
        values.push(spans(ORDERS, at));
        if (from === prior.fromMs || d < 2) values.push(spans(LEGACY, at));
      }
    }
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
    report = built.body;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('reads the days the source sent nothing as partial data, naming the source, the dates and the functions it fed', () => {
    expect(report.coverage.status).toBe('partial');
    expect(report.coverage.sourceGaps).toEqual([
      { source: 'lambda_log', dates: stopped, functionIds: [CHECKOUT] },
    ]);
    expect(report.coverage.message).not.toMatch(/Data for all 7 days/);
    expect(report.coverage.message).toContain(
      `lambda_log sent no records on ${stopped[0]} to ${stopped[2]}`,
    );
    expect(report.coverage.message).toContain('checkout');
    // The week before had every source every day.
    expect(report.coverage.previousWeek.status).toBe('complete');
    expect(report.coverage.previousWeek.sourceGaps).toEqual([]);
  });

  it('says the change of a function the stopped source fed may be missing data', () => {
    const checkout = report.movers.find((m) => m.functionId === CHECKOUT)!;
    expect(checkout.changeUsd).toBeCloseTo(-3, 2);
    expect(checkout.missingData).toEqual([{ source: 'lambda_log', dates: stopped }]);
    expect(checkout.explanation).toMatch(
      new RegExp(
        `lambda_log sent no records on ${stopped[0]} to ${stopped[2]}: .*may be missing data`,
      ),
    );
  });

  it('does not call a function that stopped being invoked a stopped source while the source still delivers others', () => {
    expect(report.coverage.sourceGaps!.map((g) => g.source)).not.toContain('otel_span');
    const legacy = report.movers.find((m) => m.functionId === LEGACY)!;
    expect(legacy.changeUsd).toBeLessThan(0);
    expect(legacy.missingData).toBeUndefined();
    expect(legacy.explanation).not.toMatch(/missing data/);
  });
});
