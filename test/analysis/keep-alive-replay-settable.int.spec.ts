import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import {
  FunctionConfigRepository,
  FunctionsRepository,
  type ClickHouseHandle,
  type FunctionConfigUpdate,
} from '@fleetscope/storage';
import type { PolicySpec } from '@fleetscope/analysis';
import { KeepAliveReplayService } from '@fleetscope/analysis-jobs';
import { openTestClickHouse } from '../support/test-clickhouse';

const T0 = Date.parse('2026-12-05T00:00:00Z');
/** One invocation every 30 minutes for a day: the hybrid policy pre-warms at 26.1 minutes. */
const EVERY_30 = Array.from({ length: 48 }, (_, i) => T0 + i * 30 * 60_000);

const POLICIES: { name: string; spec: PolicySpec }[] = [
  { name: 'fixed:10m', spec: { kind: 'fixed', keepAliveMinutes: 10 } },
  { name: 'hybrid', spec: { kind: 'hybrid' } },
  { name: 'fixed:2h', spec: { kind: 'fixed', keepAliveMinutes: 120 } },
];

let db: Awaited<ReturnType<typeof openTestClickHouse>>;
let handle: ClickHouseHandle;

beforeAll(async () => {
  db = await openTestClickHouse();
  handle = db.handle;
});

afterAll(() => db.cleanup());

/** The function's minutes stored as the aggregate holds them, its inventory, then the replay. */
async function replayOn(id: string, config: Omit<FunctionConfigUpdate, 'functionId'>) {
  await handle.client.insert({
    table: 'function_minutes',
    format: 'JSONEachRow',
    values: EVERY_30.map((ms) => ({
      function_id: id,
      minute: Math.floor(ms / 1000),
      version: '',
      source: 'otel_span',
      invocations: 1,
      duration_sum_ms: 100,
      billed_duration_sum_ms: 100,
    })),
  });
  const configs = new FunctionConfigRepository(handle);
  await configs.upsert('manual', [{ functionId: id, ...config }]);
  const service = new KeepAliveReplayService(
    new FunctionsRepository(handle),
    configs,
    new PricingService(defaultCatalogue),
  );
  const report = await service.replay({ fromMs: T0, toMs: T0 + 1440 * 60_000 }, POLICIES);
  const replayed = report.functions.find((f) => f.id === id)!;
  return { results: replayed.results, notes: report.notes };
}

describe(KeepAliveReplayService.name, () => {
  it('defect: a Knative pod was replayed with the hybrid pre-warm (1 cold start, 139.2 idle minutes) and fixed:2h uncapped, though Knative takes a retention period of at most 60m and no pre-warm', async () => {
    const { results } = await replayOn('knative~shop~c1~every30', {
      platform: 'knative',
      podCpu: 1,
      podMemoryMb: 2048,
      region: 'c1',
    });
    expect(results['fixed:10m']).toMatchObject({ settable: true, coldStarts: 48 });
    expect(results['fixed:10m'].note).toBeUndefined();
    // The retention alone: the pod stays from each request to the next, 29 minutes each time, and
    // 29 after the last (the day's end).
    expect(results.hybrid).toMatchObject({
      policy: { kind: 'hybrid', prewarmMinutes: 0, keepAliveMinutes: 33 },
      settable: true,
      coldStarts: 1,
      idleMinutes: 48 * 29,
    });
    expect(results.hybrid.note).toMatch(/^Knative takes a retention period only: no pre-warm/);
    expect(results['fixed:2h']).toMatchObject({
      policy: { keepAliveMinutes: 60 },
      settable: true,
    });
    expect(results['fixed:2h'].note).toMatch(/at most 60m/);
  });

  it('OpenFaaS takes any retention period but no pre-warm', async () => {
    const { results } = await replayOn('openfaas~shop~c1~every30', {
      platform: 'openfaas',
      podCpu: 1,
      podMemoryMb: 2048,
      region: 'c1',
    });
    expect(results.hybrid).toMatchObject({ policy: { prewarmMinutes: 0 }, settable: true });
    expect(results.hybrid.note).toMatch(/^OpenFaaS takes a retention period only: no pre-warm/);
    expect(results['fixed:2h']).toMatchObject({
      policy: { keepAliveMinutes: 120 },
      settable: true,
    });
    expect(results['fixed:2h'].note).toBeUndefined();
  });

  it('Lambda has no keep-alive setting and cannot pre-warm: replayed as asked, marked not settable', async () => {
    const { results } = await replayOn('aws_lambda~123456789012~us-east-1~every30', {
      platform: 'aws_lambda',
      memoryMb: 1024,
    });
    expect(results.hybrid).toMatchObject({
      policy: { kind: 'hybrid', prewarmMinutes: 26.1 },
      settable: false,
      coldStarts: 1,
    });
    expect(results.hybrid.note).toMatch(/^Lambda cannot pre-warm/);
    expect(results['fixed:10m'].settable).toBe(false);
    expect(results['fixed:10m'].note).toMatch(/^Lambda has no keep-alive setting/);
  });

  it('groups the notes for the CLI and the What-if panel: one per text, with its policies and functions', async () => {
    const pod = { platform: 'knative' as const, podCpu: 1, podMemoryMb: 2048, region: 'c1' };
    await replayOn('knative~shop~c1~twin-a', pod);
    await replayOn('aws_lambda~123456789012~us-east-1~twin', {
      platform: 'aws_lambda',
      memoryMb: 1024,
    });
    const { notes } = await replayOn('knative~shop~c1~twin-b', pod);
    const withText = (start: string) => notes.filter((n) => n.note.startsWith(start));
    // Each text once, however many functions and policies it concerns.
    expect(new Set(notes.map((n) => n.note)).size).toBe(notes.length);
    const prewarm = withText('Knative takes a retention period only: no pre-warm');
    expect(prewarm).toHaveLength(1);
    expect(prewarm[0].mark).toMatch(/^\*\d+$/);
    expect(prewarm[0].policies.map((p) => p.policy)).toEqual(['hybrid']);
    expect(prewarm[0].policies[0].functions).toBeGreaterThanOrEqual(2);
    expect(withText('Knative takes a retention period only: at most 60m')[0].policies).toEqual([
      { policy: 'fixed:2h', functions: expect.any(Number) as number },
    ]);
    const lambda = withText('Lambda has no keep-alive setting');
    expect(lambda).toHaveLength(1);
    expect(lambda[0].mark).toMatch(/^†\d+$/);
    expect(lambda[0].policies.map((p) => p.policy)).toEqual(['fixed:10m', 'fixed:2h']);
    // Counted per policy: the Lambda functions whose hybrid has a pre-warm carry another note.
    expect(notes.map((n) => n.mark)).toEqual(notes.map((n, i) => `${n.mark[0]}${i + 1}`));
  });

  it('defect: a platform with no setting modelled was replayed as asked with no mark, reading as settable; it is marked, with a note saying so', async () => {
    const { results } = await replayOn('azure_functions~owner~app~every30', {
      platform: 'azure_functions',
      memoryMb: 256,
    });
    expect(results.hybrid).toMatchObject({ policy: { prewarmMinutes: 26.1 }, settable: null });
    expect(results.hybrid.note).toMatch(/^No keep-alive setting is modelled for this platform/);
    const { notes } = await replayOn('gcp_cloud_run~shop~europe-west1~every30', {
      platform: 'gcp_cloud_run',
      memoryMb: 512,
    });
    expect(notes.find((n) => n.note.startsWith('No keep-alive setting is modelled'))?.mark).toMatch(
      /^\?\d+$/,
    );
  });
});
