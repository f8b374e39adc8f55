import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';
import { deltaCounter, lambdaResourceMetrics } from '../support/otlp-json-metrics';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const NAME = 'busy-checkout';
const ID = `aws_lambda~${ACCOUNT}~${REGION}~${NAME}`;
const DAY_MS = 86_400_000;
/** A whole UTC day two days ago: settled in the hour and day aggregates, inside every TTL. */
const DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS;
const INVOCATIONS = 3_000_000;

/** One delta counter point of the minute 10:00 of DAY, as an OpenTelemetry FaaS metric. */
const counter = (name: string, value: number) => deltaCounter(name, value, DAY + 10 * 3_600_000);

/** A busy function's minute sent as FaaS metrics: 3,000,000 invocations, 1 cold start. */
describe('coldStartRate of GET /api/functions', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const answer = await post(`${fleetscope.ingestUrl}/v1/metrics`, {
      resourceMetrics: [
        lambdaResourceMetrics({ account: ACCOUNT, region: REGION, name: NAME }, [
          counter('faas.invocations', INVOCATIONS),
          counter('faas.coldstarts', 1),
        ]),
      ],
    });
    expect(answer.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: 1 cold start in 3,000,000 invocations read coldStartRate 0 (rounded to 6 decimals); it is now cold starts ÷ invocations, as GET /api/coldstarts gives it', async () => {
    const range = `from=${DAY}&to=${DAY + DAY_MS}`;
    const fleet = (await fetch(`${fleetscope.apiUrl}/api/functions?${range}`).then((r) =>
      r.json(),
    )) as { functions: { id: string; coldStarts: number; coldStartRate: number }[] };
    const fn = fleet.functions.find((f) => f.id === ID);
    expect(fn).toMatchObject({ coldStarts: 1, coldStartRate: 1 / INVOCATIONS });
    const coldStarts = (await fetch(
      `${fleetscope.apiUrl}/api/coldstarts?${range}&groupBy=function`,
    ).then((r) => r.json())) as ColdStartReport;
    expect(coldStarts.groups.find((g) => g.key === ID)?.coldStartRate).toBe(fn?.coldStartRate);
  });
});
