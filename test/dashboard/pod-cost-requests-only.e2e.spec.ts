import { isoWeekOf, previousIsoWeek, type WeeklyReport } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

/**
 * A min-scale-0 Knative or OpenFaaS function runs one pod in each minute with requests, whether
 * or not its data says how long they took: a queue-proxy that pushes `revision_request_count`
 * without `revision_request_latencies` stores minutes with invocations and no duration. Found by a
 * review: such minutes were not counted as active, so the function was priced $0 with
 * `priced: 'all'` on the fleet page and in the weekly report.
 *
 * Node price: $0.0336 per vCPU-hour and $0.0045 per GiB-hour; 0.5 vCPU and 512 MB for one minute
 * cost 60 s × (0.5 × 0.0336 + 0.5 × 0.0045) / 3600 = $0.0003175.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3_600_000;
const ONE_POD_MINUTE_USD = (60 * (0.5 * 0.0336 + 0.5 * 0.0045)) / 3600;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const TUESDAY_10H = week.fromMs + DAY_MS + 10 * 3_600_000;

/** Requests without durations (20 in Tuesday 10:00), and the same with them. */
const COUNT_ONLY = 'knative~shop~prod~count-only';
const TIMED = 'knative~shop~prod~timed';

const labels = (service: string) =>
  `namespace_name="default",service_name="${service}",revision_name="${service}-00001",` +
  `configuration_name="${service}",pod_name="${service}-pod",container_name="queue-proxy",` +
  'response_code="200",response_code_class="2xx"';
const countOnly = (service: string, n: number) =>
  `# TYPE revision_request_count counter\nrevision_request_count{${labels(service)}} ${n}\n`;
const withLatencies = (service: string, n: number, sumMs: number) =>
  `${countOnly(service, n)}# TYPE revision_request_latencies histogram
revision_request_latencies_bucket{${labels(service)},le="100"} ${n}
revision_request_latencies_bucket{${labels(service)},le="+Inf"} ${n}
revision_request_latencies_sum{${labels(service)}} ${sumMs}
revision_request_latencies_count{${labels(service)}} ${n}
`;

interface FleetRow {
  id: string;
  name: string;
  invocations: number;
  costUsd: number | null;
}

describe('Pod cost of a min-scale-0 function whose data has requests but no durations', () => {
  let fleetscope: RunningFleetscope;
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;
  const put = async (id: string) => {
    const response = await fetch(url(`/api/functions/${encodeURIComponent(id)}/config`), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ podCpu: 0.5, podMemoryMb: 512, minScale: 0 }),
    });
    expect(response.status).toBe(200);
  };
  const fleet = async (fromMs: number, toMs: number): Promise<FleetRow[]> => {
    const response = await fetch(
      url(
        `/api/functions?from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`,
      ),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { functions: FleetRow[] }).functions;
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_NODE_VCPU_HOUR_USD: '0.0336',
      FLEETSCOPE_NODE_GIB_HOUR_USD: '0.0045',
    });
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  it('prices the pushed minute with requests on the fleet page as it prices one with latencies', async () => {
    const push = async (body: string) => {
      const response = await fetch(
        `${fleetscope.ingestUrl}/ingest/knative/metrics?cluster=kt&target=q`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body },
      );
      expect(response.status).toBe(200);
    };
    // The collector times a push on arrival and spreads its increase over the minutes since the
    // previous one: two pushes on either side of a minute's end put the 20 requests in two
    // minutes, two pod-minutes. Both go in one minute, with room for a slow machine.
    const leftMs = MINUTE_MS - (Date.now() % MINUTE_MS);
    if (leftMs < 15_000) await new Promise((resolve) => setTimeout(resolve, leftMs + 100));
    const fromMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    await push(countOnly('kn-count', 100) + withLatencies('kn-timed', 100, 5_000));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await push(countOnly('kn-count', 120) + withLatencies('kn-timed', 120, 6_000));
    expect(Date.now() - fromMs).toBeLessThan(MINUTE_MS);
    await fleetscope.flush();
    const pushed = await fleet(fromMs - MINUTE_MS, fromMs + 2 * MINUTE_MS);
    const byName = (name: string) => pushed.find((f) => f.name === name)!;
    expect([byName('kn-count').invocations, byName('kn-timed').invocations]).toEqual([20, 20]);
    await put(byName('kn-count').id);
    await put(byName('kn-timed').id);
    const priced = await fleet(fromMs - MINUTE_MS, fromMs + 2 * MINUTE_MS);
    const cost = (name: string) => priced.find((f) => f.name === name)!.costUsd;
    // The counters' delta lands in one minute: one pod-minute each.
    expect(cost('kn-timed')).toBeCloseTo(ONE_POD_MINUTE_USD, 12);
    expect(cost('kn-count')).toBeCloseTo(ONE_POD_MINUTE_USD, 12);
  });

  it('prices a stored minute with invocations and no duration in the weekly report and on the fleet page alike', async () => {
    const minute = (id: string, durationMs: number) => ({
      function_id: id,
      minute: Math.floor(TUESDAY_10H / 1000),
      version: '',
      source: 'knative',
      memory_size_mb: 0,
      invocations: 20,
      duration_sum_ms: durationMs,
      billed_duration_sum_ms: durationMs,
    });
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [minute(COUNT_ONLY, 0), minute(TIMED, 1_000)],
    });
    await put(COUNT_ONLY);
    await put(TIMED);
    const response = await fetch(url('/api/reports/weekly'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: week.label }),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as WeeklyReport;
    const functions = await fleet(week.fromMs, week.toMs);
    for (const id of [TIMED, COUNT_ONLY]) {
      const inReport = report.functions.find((f) => f.functionId === id)!;
      expect([id, inReport.breakdown.pods]).toEqual([id, expect.closeTo(ONE_POD_MINUTE_USD, 12)]);
      expect([id, inReport.costUsd]).toEqual([id, expect.closeTo(ONE_POD_MINUTE_USD, 12)]);
      expect([id, functions.find((f) => f.id === id)?.costUsd]).toEqual([
        id,
        expect.closeTo(ONE_POD_MINUTE_USD, 12),
      ]);
    }
  });
});
