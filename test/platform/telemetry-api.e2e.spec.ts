import type { ColdStartReport } from '@fleetscope/analysis-jobs';
import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  fixtureJson,
  fixtureText,
  metricValue,
  minuteAgo,
  post,
  rows,
} from './platform-ingest.helpers';

interface DocsExample {
  file: string;
  ok: boolean;
  event?: unknown;
  raw?: string;
}

interface DatadogFixture {
  file: string;
  line: number;
  valid_json: boolean;
  raw: string;
}

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:telemetry-fixtures';
const FUNCTION_ID = functionId({
  platform: 'aws_lambda',
  account: '123456789012',
  region: 'us-east-1',
  name: 'telemetry-fixtures',
});

describe('POST /ingest/lambda/telemetry', () => {
  let fleetscope: RunningFleetscope;
  let url: string;

  beforeAll(async () => {
    // The fixtures carry 2020–2025 timestamps: retention off so their rows stay.
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '0',
      FLEETSCOPE_AGGREGATE_RETENTION_DAYS: '0',
    });
    url = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(ARN)}&instance=fixtures`;
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  it('accepts every valid event printed in the AWS documentation, alone and as one batch', async () => {
    const examples = fixtureJson<DocsExample[]>('extracted_telemetry_event_examples.json');
    const valid = examples.filter((e) => e.ok).map((e) => e.event);
    expect(valid).toHaveLength(17);
    for (const event of valid) {
      const answer = await post(url, [event]);
      expect({ event, status: answer.status, body: answer.body }).toMatchObject({
        status: 200,
        body: { rejected: 0, errors: [] },
      });
    }
    const batch = await post(url, valid);
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ rejected: 0 });
  });

  it('rejects the five documentation examples that are not JSON as printed, with 400, a clear message and a counter', async () => {
    const examples = fixtureJson<DocsExample[]>('extracted_telemetry_event_examples.json');
    const invalid = examples.filter((e) => !e.ok).map((e) => e.raw as string);
    expect(invalid).toHaveLength(5);
    const before = await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
      signal: 'lambda_telemetry',
      reason: 'invalid_json',
    });
    for (const raw of invalid) {
      const answer = await post<{ message: string }>(url, raw);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/^Telemetry API batch is not valid JSON: /);
    }
    const after = await metricValue(fleetscope, 'fleetscope_ingest_rejected_items_total', {
      signal: 'lambda_telemetry',
      reason: 'invalid_json',
    });
    expect(after - before).toBe(5);
    expect(
      await metricValue(fleetscope, 'fleetscope_ingest_requests_total', {
        signal: 'lambda_telemetry',
        status: '400',
      }),
    ).toBeGreaterThanOrEqual(5);
  });

  it('accepts every Datadog extension fixture, including managed-instances reports with only durationMs', async () => {
    const { fixtures } = fixtureJson<{ fixtures: DatadogFixture[] }>('telemetry_api_fixtures.json');
    expect(fixtures.every((f) => f.valid_json)).toBe(true);
    for (const fixture of fixtures) {
      const answer = await post(url, fixture.raw);
      expect({ line: fixture.line, status: answer.status, body: answer.body }).toMatchObject({
        status: 200,
        body: { rejected: 0 },
      });
    }
    await fleetscope.flush();
    const reports = await rows<{
      request_id: string;
      duration_us: number;
      billed_duration_ms: number;
    }>(
      fleetscope,
      `SELECT request_id, duration_us, billed_duration_ms FROM invocations
       WHERE function_id = {id:String} AND source = 'lambda_telemetry' ORDER BY request_id`,
      { id: FUNCTION_ID },
    );
    expect(reports.map((r) => r.request_id)).toEqual(
      expect.arrayContaining([
        '13d1305b-a2f5-440c-bfbe-686ccff3d3e0',
        '459921b5-681c-4a96-beb0-81e0aa586026',
      ]),
    );
  });

  it('accepts the batch captured by the aws-samples Python extension', async () => {
    // The capture is a Python repr; the derived JSON holds the same values (SOURCES.md).
    expect(fixtureText('telemetry-api-batch-2022-09-13.pyrepr.txt')).toContain(
      "'platform.initStart'",
    );
    const answer = await post(url, fixtureText('telemetry-api-batch-2022-09-13.derived.json'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ rejected: 0 });
    expect(answer.body.logs).toBeGreaterThan(0);
  });

  it('names the function by ARN, by name/region/account/version, or by X-Fleetscope-Function-* headers', async () => {
    const start = minuteAgo(2, 10_000);
    const batch = (requestId: string) => [
      {
        time: new Date(start).toISOString(),
        type: 'platform.start',
        record: { requestId, version: '7' },
      },
      {
        time: new Date(start + 120).toISOString(),
        type: 'platform.report',
        record: {
          requestId,
          status: 'success',
          metrics: {
            durationMs: 118.4,
            billedDurationMs: 119,
            memorySizeMB: 256,
            maxMemoryUsedMB: 70,
          },
        },
      },
    ];
    const base = `${fleetscope.ingestUrl}/ingest/lambda/telemetry`;
    const answers = await Promise.all([
      post(
        `${base}?function-arn=${encodeURIComponent('arn:aws:lambda:eu-west-1:210987654321:function:by-arn:7')}`,
        batch('id-by-arn'),
      ),
      post(
        `${base}?function=by-name&region=eu-west-1&account=210987654321&version=7`,
        batch('id-by-name'),
      ),
      post(base, batch('id-by-headers'), {
        'x-fleetscope-function-name': 'by-headers',
        'x-fleetscope-region': 'eu-west-1',
        'x-fleetscope-account': '210987654321',
        'x-fleetscope-function-version': '7',
        'x-fleetscope-instance': 'sandbox-1',
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await fleetscope.flush();
    const stored = await rows<{ function_id: string; request_id: string; version: string }>(
      fleetscope,
      `SELECT function_id, request_id, version FROM invocations
       WHERE request_id IN ('id-by-arn', 'id-by-name', 'id-by-headers') ORDER BY request_id`,
    );
    const id = (name: string) =>
      functionId({ platform: 'aws_lambda', account: '210987654321', region: 'eu-west-1', name });
    expect(stored).toEqual([
      { function_id: id('by-arn'), request_id: 'id-by-arn', version: '7' },
      { function_id: id('by-headers'), request_id: 'id-by-headers', version: '7' },
      { function_id: id('by-name'), request_id: 'id-by-name', version: '7' },
    ]);
  });

  it('classifies the report after a platform.initStart of an earlier batch of the same instance as a cold start', async () => {
    const start = minuteAgo(3, 5_000);
    const target = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(
      'arn:aws:lambda:us-east-1:123456789012:function:cold-across-batches',
    )}&instance=sandbox-cold`;
    const init = await post(target, [
      {
        time: new Date(start).toISOString(),
        type: 'platform.initStart',
        record: { initializationType: 'on-demand', phase: 'init', runtimeVersion: 'nodejs:20.v13' },
      },
      {
        time: new Date(start + 300).toISOString(),
        type: 'platform.initReport',
        record: {
          initializationType: 'on-demand',
          phase: 'init',
          status: 'success',
          metrics: { durationMs: 301.5 },
        },
      },
    ]);
    expect(init.status).toBe(200);
    const report = await post(target, [
      {
        time: new Date(start + 310).toISOString(),
        type: 'platform.start',
        record: { requestId: 'cold-1' },
      },
      {
        time: new Date(start + 400).toISOString(),
        type: 'platform.report',
        record: {
          requestId: 'cold-1',
          status: 'success',
          // No initDurationMs here: only the earlier batch's initStart says this sandbox was new.
          metrics: {
            durationMs: 88.2,
            billedDurationMs: 89,
            memorySizeMB: 512,
            maxMemoryUsedMB: 90,
          },
        },
      },
    ]);
    expect(report.status).toBe(200);
    await fleetscope.flush();
    const [row] = await rows<{ cold_start: number; init_type: string; init_duration_us: number }>(
      fleetscope,
      `SELECT cold_start, init_type, init_duration_us FROM invocations WHERE request_id = 'cold-1'`,
    );
    expect(row).toEqual({ cold_start: 1, init_type: 'on-demand', init_duration_us: 301500 });
  });

  it("counts a SnapStart restore known only from the snapshot's platform.initStart as a restore, not as an on-demand cold start with the snapshot's INIT", async () => {
    // A restored SnapStart sandbox also hands its extension the platform.initStart / initReport
    // of the snapshot's creation, hours earlier (DataDog/datadog-lambda-extension#911); the
    // report's restoreDurationMs is optional (AWS "Telemetry API schema reference"), as its
    // initDurationMs is in the on-demand case above.
    const start = minuteAgo(3, 5_000);
    const snapshotAt = start - 3 * 3_600_000;
    const name = 'snapstart-orders';
    const id = functionId({
      platform: 'aws_lambda',
      account: '123456789012',
      region: 'us-east-1',
      name,
    });
    const target = `${fleetscope.ingestUrl}/ingest/lambda/telemetry?function-arn=${encodeURIComponent(
      `arn:aws:lambda:us-east-1:123456789012:function:${name}:7`,
    )}&instance=sandbox-restored`;
    const snapshot = await post(target, [
      {
        time: new Date(snapshotAt).toISOString(),
        type: 'platform.initStart',
        record: {
          initializationType: 'snap-start',
          phase: 'init',
          runtimeVersion: 'java:21.v20',
          functionName: name,
          functionVersion: '7',
        },
      },
      {
        time: new Date(snapshotAt + 4_210).toISOString(),
        type: 'platform.initRuntimeDone',
        record: { initializationType: 'snap-start', phase: 'init', status: 'success' },
      },
      {
        time: new Date(snapshotAt + 4_211).toISOString(),
        type: 'platform.initReport',
        record: {
          initializationType: 'snap-start',
          phase: 'init',
          status: 'success',
          metrics: { durationMs: 4210.6 },
        },
      },
    ]);
    expect(snapshot.status).toBe(200);
    const report = await post(target, [
      {
        time: new Date(start).toISOString(),
        type: 'platform.start',
        record: { requestId: 'restored-1', version: '7' },
      },
      {
        time: new Date(start + 95).toISOString(),
        type: 'platform.report',
        record: {
          requestId: 'restored-1',
          status: 'success',
          metrics: {
            durationMs: 94.7,
            billedDurationMs: 95,
            memorySizeMB: 1024,
            maxMemoryUsedMB: 160,
          },
        },
      },
    ]);
    expect(report.status).toBe(200);
    await fleetscope.flush();

    const [row] = await rows<{ cold_start: number; init_type: string; init_duration_us: number }>(
      fleetscope,
      `SELECT cold_start, init_type, init_duration_us FROM invocations WHERE request_id = 'restored-1'`,
    );
    // The snapshot's INIT ran at publish time, not on this invocation's path.
    expect(row).toEqual({ cold_start: 1, init_type: 'snap-start', init_duration_us: 0 });

    const range = `from=${start - 3_600_000}&to=${start + 3_600_000}`;
    const read = async (groupBy: string) =>
      (await fetch(`${fleetscope.apiUrl}/api/coldstarts?${range}&groupBy=${groupBy}`).then((r) =>
        r.json(),
      )) as ColdStartReport;
    const fn = (await read('function')).groups.find((g) => g.key === id);
    expect(fn).toMatchObject({
      invocations: 1,
      coldStarts: 1,
      // A restore without its Restore Duration: the latency it added is not known.
      latencyAddedMs: null,
      onDemand: { coldStarts: 0, latencyAddedMs: 0 },
      snapStart: { restores: 1 },
    });
    const fleet = (await fetch(`${fleetscope.apiUrl}/api/functions?${range}`).then((r) =>
      r.json(),
    )) as { functions: { id: string; coldStarts: number }[] };
    expect(fleet.functions.find((f) => f.id === id)?.coldStarts).toBe(1);
  });
});
