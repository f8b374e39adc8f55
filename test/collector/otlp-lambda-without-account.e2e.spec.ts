import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { SDK_ACCOUNT, SDK_REGION, sendLambdaSpans } from '../support/lambda-sdk-spans';
import { deltaCounter, deltaHistogram, lambdaResourceMetrics } from '../support/otlp-json-metrics';
import { post } from '../platform/platform-ingest.helpers';

/**
 * The OpenTelemetry Lambda layer's resource often names no account (the JS AwsLambdaDetector sets
 * cloud.account.id only from a symlink newer layers create): instrumentation-aws-lambda puts the
 * account on each invocation span (its ARN), but the metric points and log records have only the
 * resource. They were filed under `aws_lambda~~<region>~<name>`, a second function of the fleet
 * with 0 invocations and the metrics' duration billed apart. They now go to the one function
 * known with that region and name, and are refused as missing_identity when there is not one.
 */
const HOUR_MS = 3_600_000;
const NOW_HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const SPANS_AT = NOW_HOUR - 4 * HOUR_MS;
const METRICS_AT = NOW_HOUR - 3 * HOUR_MS;
const AFTER_RESTART_AT = NOW_HOUR - 2 * HOUR_MS;
const FROM = NOW_HOUR - 6 * HOUR_MS;
const TO = NOW_HOUR + HOUR_MS;
const OTHER_ACCOUNT = '210987654321';
const CHECKOUT = functionId({
  platform: 'aws_lambda',
  account: SDK_ACCOUNT,
  region: SDK_REGION,
  name: 'checkout',
});
const FIX =
  'set cloud.account.id on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES=cloud.account.id=123456789012)';

/** A layer's metrics: its resource names region and function, no account unless given. */
function layerMetrics(name: string, atMs: number, account = '') {
  return lambdaResourceMetrics({ account, region: SDK_REGION, name }, [
    deltaCounter('faas.invocations', 2, atMs),
    deltaHistogram('faas.invoke_duration', 2, 0.5, atMs, [0.1, 0.5], 1),
  ]);
}

interface Row {
  id: string;
  name: string;
  invocations: number;
  billedGbSeconds: number;
}

describe('OTLP metrics of a Lambda function whose resource names no account', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-otlp-account-'));
  const env = {
    FLEETSCOPE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: `fleetscope_otlp_account_${process.pid}`,
  };
  let fleetscope: RunningFleetscope | undefined;

  afterAll(async () => {
    await fleetscope?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fleet = async (): Promise<Row[]> =>
    (
      await getJson<{ functions: Row[] }>(fleetscope!, `/api/functions?from=${FROM}&to=${TO}`)
    ).functions.filter((f) => f.name === 'checkout');

  it('defect: were a second function "checkout" of account \'\', its duration billed twice; they are the function the spans name', async () => {
    fleetscope = await startFleetscope(env);
    // The SDK's spans: the account is in the invocation span's ARN (faas.id), not the resource.
    await sendLambdaSpans(
      fleetscope.ingestUrl,
      'checkout',
      1024,
      'amd64',
      [0, 1, 2].map((i) => ({ startMs: SPANS_AT + i * 1_000, durationMs: 100 })),
      { 'cloud.account.id': '' },
    );
    const sent = await post(`${fleetscope.ingestUrl}/v1/metrics`, {
      resourceMetrics: [layerMetrics('checkout', METRICS_AT)],
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({});
    await fleetscope.flush();

    const rows = await fleet();
    expect(rows.map((f) => f.id)).toEqual([CHECKOUT]);
    // 3 spans of 100 ms and the metrics' 2 invocations of 0.5 s in all, at 1,024 MB: once each.
    expect(rows[0].invocations).toBe(5);
    expect(rows[0].billedGbSeconds).toBeCloseTo(0.3 + 0.5, 6);
  }, 120_000);

  it('refuses the metrics of a function it does not know, saying to set cloud.account.id', async () => {
    const unknown = await post<{ message?: string }>(`${fleetscope!.ingestUrl}/v1/metrics`, {
      resourceMetrics: [layerMetrics('ghost', METRICS_AT)],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('missing_identity: 2');
    expect(unknown.body.message).toContain(
      `Lambda function "ghost" in ${SDK_REGION} has no cloud.account.id and no function of that name in ${SDK_REGION} is known yet: ${FIX}`,
    );

    // With a function it knows in the same request: partial_success for the unknown one.
    const mixed = await post<{
      partialSuccess?: { rejectedDataPoints?: string; errorMessage?: string };
    }>(`${fleetscope!.ingestUrl}/v1/metrics`, {
      resourceMetrics: [
        layerMetrics('ghost', METRICS_AT + 60_000),
        layerMetrics('checkout', METRICS_AT + 60_000),
      ],
    });
    expect(mixed.status).toBe(200);
    expect(mixed.body.partialSuccess?.rejectedDataPoints).toBe('2');
    expect(mixed.body.partialSuccess?.errorMessage).toContain('missing_identity: 2');
    await fleetscope!.flush();
    expect((await fleet()).map((f) => [f.id, f.invocations])).toEqual([[CHECKOUT, 7]]);
    const { functions } = await getJson<{ functions: Row[] }>(
      fleetscope!,
      `/api/functions?from=${FROM}&to=${TO}`,
    );
    expect(functions.filter((f) => f.name === 'ghost')).toEqual([]);
  }, 60_000);

  it('refuses the metrics of a name and region known in two accounts', async () => {
    for (const account of [SDK_ACCOUNT, OTHER_ACCOUNT]) {
      const named = await post(`${fleetscope!.ingestUrl}/v1/metrics`, {
        resourceMetrics: [layerMetrics('twin', METRICS_AT, account)],
      });
      expect(named.status).toBe(200);
    }
    const twin = await post<{ message?: string }>(`${fleetscope!.ingestUrl}/v1/metrics`, {
      resourceMetrics: [layerMetrics('twin', METRICS_AT + 60_000)],
    });
    expect(twin.status).toBe(400);
    expect(twin.body.message).toContain(
      `Lambda function "twin" in ${SDK_REGION} has no cloud.account.id and functions of that name in ${SDK_REGION} are known in 2 accounts (${SDK_ACCOUNT}, ${OTHER_ACCOUNT}): ${FIX}`,
    );
  }, 60_000);

  it('still knows the function after a restart', async () => {
    await fleetscope!.flush();
    // Closed, not stopped: the data directory stays for the next start.
    await fleetscope!.app.close();
    fleetscope = await startFleetscope(env);
    const sent = await post(`${fleetscope.ingestUrl}/v1/metrics`, {
      resourceMetrics: [layerMetrics('checkout', AFTER_RESTART_AT)],
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({});
    await fleetscope.flush();
    expect((await fleet()).map((f) => [f.id, f.invocations])).toEqual([[CHECKOUT, 9]]);
  }, 120_000);
});
