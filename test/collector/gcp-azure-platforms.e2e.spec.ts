import { randomBytes } from 'node:crypto';
import { encodeTraceRequestProtobuf } from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

interface FunctionRow {
  id: string;
  platform: string;
  account: string;
  region: string;
  name: string;
  invocations: number;
  memoryMb: number | null;
  costUsd: number | null;
  billedGbSeconds: number;
  pricing: { priceIds: string[] } | null;
}

/**
 * Five SERVER spans under a resource as the GCP and Azure resource detectors describe a function,
 * posted as OTLP/protobuf. (The OpenTelemetry JS exporters load their transport with a dynamic
 * import, which jest's VM cannot run; test/collector/lambda-otel-client runs the SDK in a child.)
 */
async function export5(
  fleetscope: RunningFleetscope,
  resource: Record<string, string | number>,
  durationMs: number,
  spanAttributes: Record<string, string> = {},
): Promise<void> {
  const start = Date.now() - 120_000;
  const body = encodeTraceRequestProtobuf({
    resourceSpans: [
      {
        resource: {
          attributes: Object.entries(resource).map(([key, v]) => ({
            key,
            value: typeof v === 'number' ? { intValue: v } : { stringValue: v },
          })),
        },
        scopeSpans: [
          {
            spans: Array.from({ length: 5 }, (_, i) => ({
              traceId: randomBytes(16).toString('hex'),
              spanId: randomBytes(8).toString('hex'),
              name: 'handler',
              kind: 2,
              startTimeUnixNano: `${start + i * 1000}000000`,
              endTimeUnixNano: `${start + i * 1000 + durationMs}000000`,
              attributes: Object.entries({ 'faas.trigger': 'http', ...spanAttributes }).map(
                ([key, v]) => ({ key, value: { stringValue: v } }),
              ),
            })),
          },
        ],
      },
    ],
  });
  const response = await fetch(`${fleetscope.ingestUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf' },
    body,
  });
  expect(response.status).toBe(200);
}

describe('OTLP from Cloud Run, Cloud Functions and Azure Functions', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  async function functions(): Promise<FunctionRow[]> {
    await fleetscope.flush();
    const response = await fetch(`${fleetscope.apiUrl}/api/functions`);
    return ((await response.json()) as { functions: FunctionRow[] }).functions;
  }

  it('lists each as its own platform with its identity, priced from the catalogue', async () => {
    await export5(
      fleetscope,
      {
        'cloud.provider': 'gcp',
        'cloud.platform': 'gcp_cloud_run',
        'cloud.account.id': 'shop-prod',
        'cloud.region': 'europe-west2',
        'faas.name': 'checkout',
        'faas.version': 'checkout-00007-abc',
        'faas.max_memory': 512 * 1048576,
      },
      250,
    );
    await export5(
      fleetscope,
      {
        'cloud.provider': 'gcp',
        'cloud.platform': 'gcp_cloud_functions',
        'cloud.account.id': 'shop-prod',
        'cloud.region': 'us-central1',
        'faas.name': 'resize',
        'faas.max_memory': 256 * 1048576,
      },
      1000,
    );
    await export5(
      fleetscope,
      {
        'cloud.provider': 'azure',
        'cloud.platform': 'azure.functions',
        'cloud.region': 'westeurope',
        'cloud.resource_id':
          '/subscriptions/5f0e/resourceGroups/rg/providers/Microsoft.Web/sites/orders/functions/Ship',
        'faas.max_memory': 384 * 1048576,
      },
      40,
    );

    const rows = await functions();
    const byPlatform = new Map(rows.map((r) => [r.platform, r]));
    expect(byPlatform.get('gcp_cloud_run')).toMatchObject({
      account: 'shop-prod',
      region: 'europe-west2',
      name: 'checkout',
      invocations: 5,
      memoryMb: 512,
    });
    expect(byPlatform.get('gcp_cloud_functions')).toMatchObject({ name: 'resize', invocations: 5 });
    expect(byPlatform.get('azure_functions')).toMatchObject({
      account: '5f0e',
      region: 'westeurope',
      name: 'orders/Ship',
      invocations: 5,
    });

    // Cloud Run in a Tier 2 region, each 250 ms request billed as 300 ms (rounded up to 100 ms;
    // found by a review: it was priced at 250): 5 × 0.3 s × (1 vCPU × 0.0000336 + 0.5 GiB ×
    // 0.0000035) + 5 requests.
    const run = byPlatform.get('gcp_cloud_run')!;
    expect(run.billedGbSeconds).toBeCloseTo(5 * 0.3 * 0.5, 9);
    expect(run.costUsd).toBeCloseTo(1.5 * (0.0000336 + 0.5 * 0.0000035) + 5 * 0.4e-6, 9);
    expect(run.pricing!.priceIds).toContain(
      'gcp.cloud-run.request-based.vcpu@europe-west2@2023-01-01',
    );
    // Cloud Functions 2nd gen, 256 MB: 0.167 vCPU, Tier 1.
    const fn = byPlatform.get('gcp_cloud_functions')!;
    expect(fn.costUsd).toBeCloseTo(5 * (0.167 * 0.000024 + 0.25 * 0.0000025) + 5 * 0.4e-6, 6);
    // Azure Consumption: 40 ms runs are billed 100 ms each at 384 MB.
    const az = byPlatform.get('azure_functions')!;
    expect(az.costUsd).toBeCloseTo(5 * 0.1 * 0.375 * 0.000016 + 5 * 0.2e-6, 8);
    expect(az.pricing!.priceIds).toEqual([
      'azure.functions.consumption.execution-time@*@2016-11-15',
      'azure.functions.consumption.executions@*@2016-11-15',
    ]);
  });

  it('bills Azure executions at the memory Consumption bills: rounded up to 128 MB, at most 1,536 MB', async () => {
    // faas.max_memory as the span says it; five 250 ms executions each.
    for (const [fn, mb] of [
      ['Small', 200],
      ['Large', 2048],
    ] as const) {
      await export5(
        fleetscope,
        {
          'cloud.platform': 'azure.functions',
          'cloud.region': 'westeurope',
          'cloud.resource_id': `/subscriptions/9b2d/resourceGroups/rg/providers/Microsoft.Web/sites/app-a/functions/${fn}`,
          'faas.max_memory': mb * 1048576,
        },
        250,
      );
    }

    const rows = (await functions()).filter((r) => r.account === '9b2d');
    const byName = new Map(rows.map((r) => [r.name, r]));
    // 200 MB bills 256 MB: 0.25 s × 0.25 GB = 0.0625 GB-s an execution (0.0488 at 200 MB).
    expect(byName.get('app-a/Small')).toMatchObject({ invocations: 5, memoryMb: 256 });
    expect(byName.get('app-a/Small')!.billedGbSeconds).toBeCloseTo(5 * 0.0625, 9);
    expect(byName.get('app-a/Small')!.costUsd).toBeCloseTo(5 * 0.0625 * 0.000016 + 5 * 0.2e-6, 10);
    // 2,048 MB bills the 1,536 MB cap: 0.375 GB-s an execution (0.5 at 2,048 MB).
    expect(byName.get('app-a/Large')).toMatchObject({ invocations: 5, memoryMb: 1536 });
    expect(byName.get('app-a/Large')!.billedGbSeconds).toBeCloseTo(5 * 0.375, 9);
  });

  it('lists two apps of one subscription whose functions share a name as two functions', async () => {
    // As the Functions host exports them (Azure/azure-functions-host, FunctionsResourceDetector):
    // the resource names the app (service.name, the site's ARM id), each invocation's span names
    // the function (faas.name = the function's own name).
    for (const app of ['billing', 'returns']) {
      await export5(
        fleetscope,
        {
          'service.name': app,
          'cloud.provider': 'azure',
          'cloud.platform': 'azure_functions',
          'cloud.region': 'northeurope',
          'cloud.resource_id': `/subscriptions/7a1c/resourceGroups/rg/providers/Microsoft.Web/sites/${app}`,
        },
        20,
        { 'faas.name': 'HttpTrigger1' },
      );
    }

    const rows = (await functions()).filter((r) => r.account === '7a1c');
    expect(rows.map((r) => [r.name, r.invocations]).sort()).toEqual([
      ['billing/HttpTrigger1', 5],
      ['returns/HttpTrigger1', 5],
    ]);
  });

  it('keeps two apps apart by service.name when the host sends no ARM id', async () => {
    // The Functions host leaves out cloud.resource_id when WEBSITE_RESOURCE_GROUP or
    // WEBSITE_OWNER_NAME is empty; service.name is still the site name. Both apps' spans were one
    // function, azure_functions~~westeurope~HttpTrigger1.
    for (const app of ['app-a', 'app-b']) {
      await export5(
        fleetscope,
        { 'cloud.platform': 'azure.functions', 'service.name': app, 'cloud.region': 'westeurope' },
        20,
        { 'faas.name': 'HttpTrigger1' },
      );
    }

    const rows = (await functions()).filter(
      (r) => r.platform === 'azure_functions' && r.account === '',
    );
    expect(rows.map((r) => [r.id, r.invocations]).sort()).toEqual([
      ['azure_functions~~westeurope~app-a%2FHttpTrigger1', 5],
      ['azure_functions~~westeurope~app-b%2FHttpTrigger1', 5],
    ]);
  });
});
