import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { functionId } from '@fleetscope/model';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';
import { deltaCounter, lambdaResourceMetrics } from '../support/otlp-json-metrics';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const lambda = (name: string) =>
  functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name });
/** Sends faas.invocations and faas.errors, never faas.coldstarts: no start is known. */
const SILENT = lambda('metrics-silent');
/** Sends faas.coldstarts 0 beside its invocations: every start is known, and warm. */
const WARM = lambda('metrics-warm');
/** Sends faas.coldstarts 2: the rule for functions that report cold starts is unchanged. */
const COLD = lambda('metrics-cold');
const DAY_MS = 86_400_000;
/** A whole UTC day two days ago: settled in the hour and day aggregates, inside every TTL. */
const DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
const MINUTE = DAY + 10 * 3_600_000;

/** One delta counter point of MINUTE, as an OpenTelemetry FaaS metric. */
const counter = (name: string, value: number) => deltaCounter(name, value, MINUTE);

const resourceMetrics = (name: string, metrics: Record<string, unknown>[]) =>
  lambdaResourceMetrics({ account: ACCOUNT, region: REGION, name }, metrics);

interface ColdStartFields {
  invocations: number;
  coldStarts: number;
  coldStartRate: number | null;
  coldStartUnknown: number;
  coldStartRateReason: string | null;
}

describe('cold-start rates of functions known only from OpenTelemetry metrics', () => {
  let fleetscope: RunningFleetscope;
  const range = `from=${DAY}&to=${DAY + DAY_MS}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const answer = await post(`${fleetscope.ingestUrl}/v1/metrics`, {
      resourceMetrics: [
        resourceMetrics('metrics-silent', [
          counter('faas.invocations', 40),
          counter('faas.errors', 2),
        ]),
        resourceMetrics('metrics-warm', [
          counter('faas.invocations', 30),
          counter('faas.coldstarts', 0),
        ]),
        resourceMetrics('metrics-cold', [
          counter('faas.invocations', 20),
          counter('faas.coldstarts', 2),
        ]),
      ],
    });
    expect(answer.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  const get = <T>(path: string): Promise<T> => getJson<T>(fleetscope, path);

  it('defect: GET /api/functions gave 0 % for a function that sends faas.invocations but no faas.coldstarts; the rate is now null and its invocations of unknown start', async () => {
    const { functions } = await get<{ functions: (ColdStartFields & { id: string })[] }>(
      `/api/functions?${range}`,
    );
    const silent = functions.find((f) => f.id === SILENT);
    // faas.invocations counts successes only: 40 + 2 errors.
    expect(silent).toMatchObject({
      invocations: 42,
      coldStarts: 0,
      coldStartRate: null,
      coldStartUnknown: 42,
    });
    expect(silent?.coldStartRateReason).toMatch(/faas\.coldstarts/);
  });

  it('a faas.coldstarts point, even of 0, makes the minute’s starts known', async () => {
    const { functions } = await get<{ functions: (ColdStartFields & { id: string })[] }>(
      `/api/functions?${range}`,
    );
    expect(functions.find((f) => f.id === WARM)).toMatchObject({
      invocations: 30,
      coldStarts: 0,
      coldStartRate: 0,
      coldStartUnknown: 0,
      coldStartRateReason: null,
    });
    expect(functions.find((f) => f.id === COLD)).toMatchObject({
      invocations: 20,
      coldStarts: 2,
      coldStartRate: 0.1,
      coldStartUnknown: 0,
      coldStartRateReason: null,
    });
  });

  it('GET /api/coldstarts and the fleet say the same, at every resolution', async () => {
    // 2 cold starts of the 50 invocations whose start is known, of 92.
    const totals = {
      invocations: 92,
      coldStarts: 2,
      coldStartRate: 0.04,
      coldStartUnknown: 42,
      coldStartRateReason: null,
    };
    const { fleet } = await get<{ fleet: ColdStartFields }>(`/api/functions?${range}`);
    expect(fleet).toMatchObject(totals);
    for (const query of [range, `from=${MINUTE}&to=${MINUTE + 60_000}`]) {
      const report = await get<ColdStartReport>(`/api/coldstarts?${query}&groupBy=function`);
      expect(report.groups.find((g) => g.key === SILENT)).toMatchObject({
        invocations: 42,
        coldStartRate: null,
        coldStartUnknown: 42,
      });
      expect(report.groups.find((g) => g.key === WARM)).toMatchObject({
        coldStartRate: 0,
        coldStartUnknown: 0,
      });
      expect(report.totals).toMatchObject(totals);
    }
  });
});
