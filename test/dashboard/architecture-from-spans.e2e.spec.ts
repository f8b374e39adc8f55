import { gzipSync } from 'node:zlib';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { SDK_ACCOUNT, SDK_REGION, sendLambdaSpans } from '../support/lambda-sdk-spans';

/**
 * A function known only from its spans: the OpenTelemetry SDK's resource names its architecture
 * (host.arch), and every reader of the inventory prices and groups it by that architecture. Found
 * by a review: the weekly report priced it as arm64 while the fleet page, its cost and the cold
 * starts by architecture said x86_64 / "unknown".
 */
const NAME = 'graviton-only';
const ID = `aws_lambda~${SDK_ACCOUNT}~${SDK_REGION}~${NAME}`;
const MINUTE_MS = 60_000;

describe('An arm64 function known from its spans', () => {
  let fleetscope: RunningFleetscope;
  const toMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
  const fromMs = toMs - 3 * 3_600_000;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // 20 invocations of 1 s, 5 minutes apart, in the last two hours; the first one cold.
    await sendLambdaSpans(
      fleetscope.ingestUrl,
      NAME,
      1024,
      'arm64',
      Array.from({ length: 20 }, (_, i) => ({
        startMs: toMs - 2 * 3_600_000 + i * 5 * MINUTE_MS,
        durationMs: 1_000,
        coldStart: i === 0,
      })),
      { 'process.runtime.name': 'nodejs', 'process.runtime.version': '22.11.0' },
    );
    // The inventory hint is written off the request path, gathered for a second: now.
    await fleetscope.flush();
  }, 120_000);

  afterAll(() => fleetscope?.stop());

  it('is listed and priced as arm64 on the fleet page', async () => {
    const response = await fetch(`${fleetscope.apiUrl}/api/functions?from=${fromMs}&to=${toMs}`);
    const { functions } = (await response.json()) as {
      functions: {
        id: string;
        architecture: string;
        billedGbSeconds: number;
        costUsd: number;
        pricing: { priceIds: string[] };
      }[];
    };
    const fn = functions.find((f) => f.id === ID)!;
    expect(fn.architecture).toBe('arm64');
    expect(fn.billedGbSeconds).toBeCloseTo(20, 6);
    expect(fn.pricing.priceIds.join(' ')).toMatch(/arm64/);
    expect(fn.pricing.priceIds.join(' ')).not.toMatch(/x86_64/);
    // us-east-1, arm64: $0.0000133334 a GB-second and $0.20 a million requests.
    expect(fn.costUsd).toBeCloseTo(20 * 0.0000133334 + 20 * 0.2e-6, 9);
  });

  it('is grouped under arm64 in the cold starts by architecture', async () => {
    const response = await fetch(
      `${fleetscope.apiUrl}/api/coldstarts?from=${fromMs}&to=${toMs}&groupBy=architecture`,
    );
    const { groups } = (await response.json()) as { groups: { key: string; coldStarts: number }[] };
    expect(groups).toEqual([expect.objectContaining({ key: 'arm64', coldStarts: 1 })]);
  });

  it("shows the runtime its spans name, until the platform's own records name one", async () => {
    const runtimeOf = async (): Promise<string> => {
      const response = await fetch(`${fleetscope.apiUrl}/api/functions?from=${fromMs}&to=${toMs}`);
      const { functions } = (await response.json()) as {
        functions: { id: string; runtime: string }[];
      };
      return functions.find((f) => f.id === ID)!.runtime;
    };
    // Found by a review: a function known only from OpenTelemetry had runtime "".
    expect(await runtimeOf()).toBe('nodejs 22.11.0');

    // Lambda's INIT_START names its runtime in Lambda's own words: that one wins, and more spans
    // do not flip it back.
    const initAt = toMs - 30 * MINUTE_MS;
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: SDK_ACCOUNT,
      logGroup: `/aws/lambda/${NAME}`,
      logStream: '2026/12/06/[$LATEST]0123456789abcdef',
      subscriptionFilters: ['fleetscope'],
      logEvents: [
        {
          id: '1',
          timestamp: initAt,
          message:
            'INIT_START Runtime Version: nodejs:22.v41\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0123\n',
        },
      ],
    };
    const posted = await fetch(
      `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${SDK_REGION}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') },
        }),
      },
    );
    expect(posted.status).toBe(200);
    await sendLambdaSpans(
      fleetscope.ingestUrl,
      NAME,
      1024,
      'arm64',
      [{ startMs: toMs - 10 * MINUTE_MS, durationMs: 1_000 }],
      { 'process.runtime.name': 'nodejs', 'process.runtime.version': '22.11.0' },
    );
    await fleetscope.flush();
    expect(await runtimeOf()).toMatch(/^nodejs22/);
  });
});
