import { functionId } from '@fleetscope/model';
import { InventorySyncService } from '@fleetscope/collector';
import {
  startFakeServer,
  type FakeAnswer,
  type FakeServer,
  type SeenRequest,
} from '../openfaas-knative/fake-server';
import { pointAwsSdkAt } from '../support/aws-sdk-env';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';

const ACCOUNT = '123456789012';
const arn = (region: string, name: string, qualifier?: string) =>
  `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}${qualifier ? `:${qualifier}` : ''}`;

// FunctionConfiguration objects as the Lambda REST API (2015-03-31) returns them.
const checkout = {
  FunctionName: 'checkout',
  FunctionArn: arn('eu-west-1', 'checkout'),
  Runtime: 'nodejs20.x',
  MemorySize: 1024,
  Timeout: 15,
  Architectures: ['arm64'],
  PackageType: 'Zip',
  EphemeralStorage: { Size: 1024 },
  Version: '$LATEST',
};
const resizeFull = {
  FunctionName: 'resize',
  FunctionArn: arn('eu-west-1', 'resize'),
  Runtime: 'python3.12',
  MemorySize: 2048,
  Timeout: 60,
  Architectures: ['x86_64'],
  PackageType: 'Zip',
  Version: '$LATEST',
};
// ListFunctions returns a subset of the configuration; this item lacks the sizes, so the
// inventory asks GetFunctionConfiguration.
const resizeListed: Record<string, unknown> = { ...resizeFull };
delete resizeListed.MemorySize;
delete resizeListed.Timeout;
// A container image function: no Runtime, and no Architectures (created before arm64 existed).
const thumbs = {
  FunctionName: 'thumbs',
  FunctionArn: arn('eu-west-1', 'thumbs'),
  MemorySize: 3008,
  Timeout: 900,
  PackageType: 'Image',
  Version: '$LATEST',
};

/** The region of a SigV4-signed request: `Credential=AKID/20260101/eu-west-1/lambda/aws4_request`. */
function signedRegion(request: SeenRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/lambda\/aws4_request/.exec(
    String(request.headers.authorization),
  )?.[1];
}

/** A stand-in for the Lambda control plane, answering the REST paths and JSON the SDK uses. */
function lambdaApi(request: SeenRequest): FakeAnswer {
  if (signedRegion(request) === 'us-east-1') {
    return {
      status: 403,
      headers: { 'x-amzn-errortype': 'AccessDeniedException' },
      body: JSON.stringify({
        Type: 'User',
        message: 'not authorized to perform: lambda:ListFunctions',
      }),
    };
  }
  const path = request.path.replace(/\/+$/, '');
  if (path === '/2015-03-31/functions') {
    // Two pages: the SDK follows NextMarker.
    return request.query.get('Marker') === 'page-2'
      ? { body: JSON.stringify({ Functions: [resizeListed, thumbs] }) }
      : { body: JSON.stringify({ Functions: [checkout], NextMarker: 'page-2' }) };
  }
  if (path === '/2015-03-31/functions/resize/configuration')
    return { body: JSON.stringify(resizeFull) };
  const pc = /^\/2019-09-30\/functions\/([^/]+)\/provisioned-concurrency$/.exec(path);
  if (pc && request.query.get('List') === 'ALL') {
    const configs =
      pc[1] === 'checkout'
        ? [
            {
              FunctionArn: arn('eu-west-1', 'checkout', 'live'),
              RequestedProvisionedConcurrentExecutions: 5,
              AvailableProvisionedConcurrentExecutions: 5,
              AllocatedProvisionedConcurrentExecutions: 5,
              Status: 'READY',
              LastModified: '2024-05-06T09:00:00+0000',
            },
          ]
        : [];
    return { body: JSON.stringify({ ProvisionedConcurrencyConfigs: configs }) };
  }
  return {
    status: 404,
    body: JSON.stringify({ message: `no route ${request.method} ${request.path}` }),
  };
}

describe('Lambda inventory', () => {
  let fleetscope: RunningFleetscope;
  let api: FakeServer;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    api = await startFakeServer(lambdaApi);
    restoreEnv = pointAwsSdkAt(api.url);
    fleetscope = await startFleetscope({
      FLEETSCOPE_LAMBDA_INVENTORY_REGIONS: 'eu-west-1,us-east-1',
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
    await api.close();
    restoreEnv?.();
  });

  it('lists every page of functions with signed requests, and reads provisioned concurrency', async () => {
    const report = await fleetscope.app.get(InventorySyncService).syncOnce();
    expect(report.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          platform: 'aws_lambda',
          target: 'eu-west-1',
          functions: 3,
          rejected: 0,
        }),
      ]),
    );
    expect(report.targets.find((t) => t.target === 'eu-west-1')?.error).toBeUndefined();
    const seen = api.requests
      .filter((r) => signedRegion(r) === 'eu-west-1')
      .map((r) => r.path.replace(/\/+$/, ''));
    expect(seen).toEqual(
      expect.arrayContaining([
        '/2015-03-31/functions',
        '/2015-03-31/functions/resize/configuration',
        '/2019-09-30/functions/checkout/provisioned-concurrency',
      ]),
    );
    // Only the item that lacked its sizes needed GetFunctionConfiguration.
    expect(seen).not.toContain('/2015-03-31/functions/checkout/configuration');
    expect(
      api.requests.find((r) => r.path.startsWith('/2015-03-31/functions'))?.query.get('MaxItems'),
    ).toBe('50');
  });

  it('counts a region it may not read and still stores the others', async () => {
    const report = await fleetscope.app.get(InventorySyncService).syncOnce();
    expect(report.targets.find((t) => t.target === 'us-east-1')).toMatchObject({
      functions: 0,
      error: { reason: 'AccessDeniedException' },
    });
    expect(report.upserted).toBe(3);
    const metrics = await fetch(`${fleetscope.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(
      /fleetscope_ingest_rejected_items_total\{signal="inventory_aws_lambda",reason="AccessDeniedException"\} [1-9]/,
    );
  });

  it("records each function's settings in the settings history once, as of when it was read", async () => {
    const before = Date.now();
    await fleetscope.app.get(InventorySyncService).syncOnce();
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT setting, value, toUnixTimestamp64Milli(observed_at) AS at
              FROM function_settings_history
              WHERE function_id = {id:String} AND source = 'api' ORDER BY setting`,
      query_params: {
        id: functionId({
          platform: 'aws_lambda',
          account: ACCOUNT,
          region: 'eu-west-1',
          name: 'checkout',
        }),
      },
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ setting: string; value: string; at: number | string }>();
    // Several syncs have run; the settings did not change, so each was written once, earlier.
    expect(rows.map((r) => [r.setting, r.value])).toEqual([
      ['architecture', 'arm64'],
      ['memory_mb', '1024'],
      ['provisioned_concurrency', '5'],
    ]);
    expect(rows.every((r) => Number(r.at) < before)).toBe(true);
  });

  it('shows memory, timeout, architecture and runtime from the API in GET /api/functions', async () => {
    // Traffic makes checkout appear in the fleet list; its REPORT line tells only the memory size.
    const report = [
      'REPORT RequestId: 3f1b2c1e-0000-4000-8000-000000000001',
      'Duration: 102.25 ms',
      'Billed Duration: 103 ms',
      'Memory Size: 1024 MB',
      'Max Memory Used: 80 MB',
      '',
    ].join('\t');
    const posted = await fetch(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function-arn=${encodeURIComponent(arn('eu-west-1', 'checkout'))}`,
      { method: 'POST', body: report },
    );
    expect(posted.status).toBe(200);
    await fleetscope.flush();
    const { functions } = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) =>
      r.json(),
    )) as {
      functions: Record<string, unknown>[];
    };
    const id = functionId({
      platform: 'aws_lambda',
      account: ACCOUNT,
      region: 'eu-west-1',
      name: 'checkout',
    });
    expect(functions.find((f) => f.id === id)).toMatchObject({
      invocations: 1,
      memoryMb: 1024,
      timeoutMs: 15_000,
      architecture: 'arm64',
      runtime: 'nodejs20.x',
    });
    const one = (await fetch(`${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}`).then(
      (r) => r.json(),
    )) as {
      config: Record<string, unknown>;
    };
    expect(one.config).toMatchObject({
      provisionedConcurrency: 5,
      ephemeralStorageMb: 1024,
      packageType: 'Zip',
    });
    expect(one.config.labels).toMatchObject({ 'aws.lambda.provisioned_concurrency.live': '5' });
  });

  it('keeps functions without traffic in the inventory, filling what the list left out', async () => {
    const config = async (name: string) => {
      const id = functionId({
        platform: 'aws_lambda',
        account: ACCOUNT,
        region: 'eu-west-1',
        name,
      });
      const one = (await fetch(`${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}`).then(
        (r) => r.json(),
      )) as { config: Record<string, unknown> };
      return one.config;
    };
    expect(await config('resize')).toMatchObject({
      memoryMb: 2048,
      timeoutMs: 60_000,
      runtime: 'python3.12',
    });
    expect(await config('thumbs')).toMatchObject({
      memoryMb: 3008,
      timeoutMs: 900_000,
      runtime: '',
      architecture: 'x86_64',
      packageType: 'Image',
      // The API listed none: a fact (0), not unknown.
      provisionedConcurrency: 0,
    });
  });
});
