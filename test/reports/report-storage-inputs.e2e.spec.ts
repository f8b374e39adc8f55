import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * What the report reads from storage beyond plain invocations: provisioned concurrency (the
 * inventory's level, the time run under it from per-minute concurrency) and Knative pods (pod
 * resources and min-scale from the inventory, active minutes from the aggregate, min-scale pods
 * from the function's first minute on). Minute rows are written straight into function_minutes, as
 * the aggregate holds them.
 */
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const WARM = 'aws_lambda~123456789012~us-east-1~warm';
const KSVC = 'knative~shop~prod~ksvc';
const KEPT = 'knative~shop~prod~kept';

describe('Weekly report inputs from storage', () => {
  let fleetscope: RunningFleetscope;
  let report: WeeklyReport;
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;
  const put = async (id: string, body: unknown) => {
    const response = await fetch(url(`/api/functions/${encodeURIComponent(id)}/config`), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const tuesday = week.fromMs + DAY_MS + 10 * 3_600_000;
    const minute = (id: string, i: number, row: Record<string, unknown>) => ({
      function_id: id,
      minute: Math.floor((tuesday + i * 60_000) / 1000),
      version: '$LATEST',
      ...row,
    });
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [
        // warm: 60 minutes, each busy 60 s (concurrency 1) in 600 invocations at 2048 MB.
        ...Array.from({ length: 60 }, (_, i) =>
          minute(WARM, i, {
            source: 'lambda_telemetry',
            memory_size_mb: 2048,
            invocations: 600,
            duration_sum_ms: 60_000,
            billed_duration_sum_ms: 60_000,
          }),
        ),
        // ksvc: 30 minutes with requests.
        ...Array.from({ length: 30 }, (_, i) =>
          minute(KSVC, i, {
            source: 'knative',
            memory_size_mb: 0,
            invocations: 100,
            duration_sum_ms: 5_000,
            billed_duration_sum_ms: 5_000,
          }),
        ),
        // kept (min-scale 1): 30 minutes, each with requests in flight for 30 s (concurrency 0.5).
        ...Array.from({ length: 30 }, (_, i) =>
          minute(KEPT, i, {
            source: 'knative',
            memory_size_mb: 0,
            invocations: 10,
            duration_sum_ms: 30_000,
            billed_duration_sum_ms: 30_000,
          }),
        ),
      ],
    });
    await put(KEPT, { podCpu: 1, podMemoryMb: 1024, minScale: 1 });
    await put(WARM, { memoryMb: 2048, architecture: 'x86_64', provisionedConcurrency: 2 });
    await put(KSVC, { podCpu: 0.5, podMemoryMb: 512, minScale: 0 });
    const response = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(response.status).toBe(200);
    report = (await response.json()) as WeeklyReport;
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('prices provisioned concurrency allocated all day and the time run under it', () => {
    const warm = report.functions.find((f) => f.functionId === WARM)!;
    // Allocated: 2 × 2 GB × 86,400 s = 345,600 GB-s × $0.0000041667 = $1.44001152.
    expect(warm.breakdown.provisionedConcurrency).toBeCloseTo(1.44001152, 10);
    // Run under the level: 60 minutes at concurrency 1 ≤ 2 → 3,600 s × 2 GB = 7,200 GB-s ×
    // $0.0000097222 = $0.06999984, and nothing on demand.
    expect(warm.provisionedConcurrencyDetail.durationUsd).toBeCloseTo(0.06999984, 10);
    expect(warm.breakdown.compute).toBeCloseTo(0.06999984, 10);
    // 36,000 requests × $0.0000002
    expect(warm.breakdown.requests).toBeCloseTo(0.0072, 12);
    const idle = report.idleProvisionedConcurrency.find((p) => p.functionId === WARM)!;
    expect(idle.utilisation).toBeCloseTo(7_200 / 345_600, 12);
  });

  it('prices Knative pods by their resources at the node price', () => {
    const ksvc = report.functions.find((f) => f.functionId === KSVC)!;
    // min-scale 0: one pod in each of the 30 active minutes = 0.5 h × (0.5 vCPU × $0.0336 +
    // 0.5 GiB × $0.0045) = $0.009525.
    expect(ksvc.breakdown.pods).toBeCloseTo(0.009525, 12);
    expect(ksvc.platform).toBe('knative');
    expect(report.coverage.days[1].sources).toEqual(['knative', 'lambda_telemetry']);
  });

  it('reports idle Knative min-scale pods from the time their requests were in flight', () => {
    // One pod of 1 vCPU and 1 GiB from its first minute, Tuesday 10:00, to the end of the week,
    // days without requests included: 14 h + 5 × 24 h = 134 h × ($0.0336 + $0.0045) = $5.1054,
    // busy 30 × 30 s.
    const kept = report.functions.find((f) => f.functionId === KEPT)!;
    expect(kept.breakdown.pods).toBeCloseTo(134 * 0.0381, 12);
    expect(report.idleMinScalePods).toEqual([
      expect.objectContaining({
        functionId: KEPT,
        pods: 1,
        allocatedPodSeconds: 134 * 3600,
        busyPodSeconds: 900,
        idleUsd: expect.closeTo(134 * 0.0381 * (1 - 900 / (134 * 3600)), 12),
      }),
    ]);
  });
});
