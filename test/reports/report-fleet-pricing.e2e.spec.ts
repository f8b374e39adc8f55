import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * The weekly report prices Azure Functions, Cloud Run and Cloud Functions as the fleet page
 * (GET /api/functions) prices the same week: one rule, in PricingService.serverlessUsage. Minute
 * rows are written straight into function_minutes, as the aggregate holds them from spans.
 */
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const AZURE = 'azure_functions~sub1~orders-app~mixed';
const RUN = 'gcp_cloud_run~proj1~us-central1~web';
const CLOUD_FUNCTION = 'gcp_cloud_functions~proj1~us-central1~resize';

interface FleetRow {
  id: string;
  billedGbSeconds: number;
  costUsd: number | null;
}

describe('Weekly report and fleet page pricing of Azure Functions, Cloud Run and Cloud Functions', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  let fleet: FleetRow[];
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const tuesday = week.fromMs + DAY_MS + 10 * 3_600_000;
    const minute = (id: string, i: number, row: Record<string, unknown>) => ({
      function_id: id,
      minute: Math.floor((tuesday + i * 60_000) / 1000),
      version: '',
      source: 'otel_span',
      ...row,
    });
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [
        // One day of executions at two memory sizes, each already rounded to 128 MB as stored:
        // 60 minutes of 100 × 300 ms at 256 MB, then 10 minutes of 10 × 1,200 ms at 384 MB.
        ...Array.from({ length: 60 }, (_, i) =>
          minute(AZURE, i, {
            memory_size_mb: 256,
            invocations: 100,
            duration_sum_ms: 30_000,
            billed_duration_sum_ms: 30_000,
          }),
        ),
        ...Array.from({ length: 10 }, (_, i) =>
          minute(AZURE, 60 + i, {
            memory_size_mb: 384,
            invocations: 10,
            duration_sum_ms: 12_000,
            billed_duration_sum_ms: 12_000,
          }),
        ),
        // Cloud Run and Cloud Functions at one size each: 30 minutes of 50 × 200 ms.
        ...[RUN, CLOUD_FUNCTION].flatMap((id) =>
          Array.from({ length: 30 }, (_, i) =>
            minute(id, i, {
              memory_size_mb: 512,
              invocations: 50,
              duration_sum_ms: 10_000,
              billed_duration_sum_ms: 10_000,
            }),
          ),
        ),
      ],
    });
    const built = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(built.status).toBe(200);
    report = (await built.json()) as WeeklyReport;
    const listed = await fetch(url(`/api/functions?from=${week.fromMs}&to=${week.toMs}`));
    expect(listed.status).toBe(200);
    fleet = ((await listed.json()) as { functions: FleetRow[] }).functions;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const costs = (id: string) => ({
    report: report.functions.find((f) => f.functionId === id)!.costUsd,
    fleet: fleet.find((f) => f.id === id)!.costUsd!,
  });

  it('bills an Azure day of 256 and 384 MB executions at the sizes they ran at, as the fleet page does', () => {
    // 1,800,000 ms × 256 MB + 120,000 ms × 384 MB = 495 GB-s × $0.000016, and 6,100 executions ×
    // $0.0000002. Not the day's mean size by billed time (264 MB) rounded up to 384 MB: 720 GB-s.
    const expected = 495 * 0.000016 + 6_100 * 0.0000002;
    const { report: reported, fleet: listed } = costs(AZURE);
    expect(listed).toBeCloseTo(expected, 12);
    expect(reported).toBeCloseTo(listed, 12);
    expect(fleet.find((f) => f.id === AZURE)!.billedGbSeconds).toBeCloseTo(495, 9);
    const line = report.functions
      .find((f) => f.functionId === AZURE)!
      .lines.find((l) => l.meter === 'azure.functions.consumption.execution-time')!;
    expect(line.quantity).toBeCloseTo(495, 9);
  });

  it('prices Cloud Run and Cloud Functions as the fleet page does', () => {
    // 300 s at 512 MB: Cloud Run 1 vCPU by default, Cloud Functions 0.333 vCPU at 512 MB.
    const gibSeconds = 300 * 0.5 * 0.0000025;
    const requests = 1_500 * 0.0000004;
    expect(costs(RUN).fleet).toBeCloseTo(300 * 0.000024 + gibSeconds + requests, 12);
    expect(costs(RUN).report).toBeCloseTo(costs(RUN).fleet, 12);
    expect(costs(CLOUD_FUNCTION).fleet).toBeCloseTo(
      300 * 0.333 * 0.000024 + gibSeconds + requests,
      12,
    );
    expect(costs(CLOUD_FUNCTION).report).toBeCloseTo(costs(CLOUD_FUNCTION).fleet, 12);
  });
});
