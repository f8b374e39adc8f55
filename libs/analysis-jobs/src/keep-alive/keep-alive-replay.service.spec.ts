import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { FunctionConfigRepository, FunctionsRepository } from '@fleetscope/storage';
import type { PolicySpec } from '@fleetscope/analysis';
import { KeepAliveReplayService } from './keep-alive-replay.service';

const T0 = Date.parse('2026-12-05T00:00:00Z');
const M0 = T0 / 60_000;
/** One invocation every 30 minutes for a day: the hybrid policy pre-warms at 26.1 minutes. */
const EVERY_30 = Array.from({ length: 48 }, (_, i) => M0 + i * 30);

const POLICIES: { name: string; spec: PolicySpec }[] = [
  { name: 'fixed:10m', spec: { kind: 'fixed', keepAliveMinutes: 10 } },
  { name: 'hybrid', spec: { kind: 'hybrid' } },
  { name: 'fixed:2h', spec: { kind: 'fixed', keepAliveMinutes: 120 } },
];

async function replayOn(id: string, config: Record<string, unknown>) {
  const functions = {
    activeMinutes: () =>
      Promise.resolve([
        { functionId: id, minutes: EVERY_30, memories: EVERY_30.map(() => 0), memoryMb: 0 },
      ]),
  } as unknown as FunctionsRepository;
  const configs = {
    merged: () => Promise.resolve(new Map([[id, config]])),
  } as unknown as FunctionConfigRepository;
  const service = new KeepAliveReplayService(
    functions,
    configs,
    new PricingService(defaultCatalogue),
  );
  const report = await service.replay({ fromMs: T0, toMs: T0 + 1440 * 60_000 }, POLICIES);
  return report.functions[0].results;
}

describe(KeepAliveReplayService.name, () => {
  it('defect: a Knative pod was replayed with the hybrid pre-warm (1 cold start, 139.2 idle minutes) and fixed:2h uncapped, though Knative takes a retention period of at most 60m and no pre-warm', async () => {
    const results = await replayOn('knative~shop~c1~every30', {
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
    const results = await replayOn('openfaas~shop~c1~every30', {
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
    const results = await replayOn('aws_lambda~123456789012~us-east-1~every30', {
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

  it('a platform with no setting modelled is replayed as asked, settable null, no note', async () => {
    const results = await replayOn('azure_functions~owner~app~every30', {
      platform: 'azure_functions',
      memoryMb: 256,
    });
    expect(results.hybrid).toMatchObject({ policy: { prewarmMinutes: 26.1 }, settable: null });
    expect(results.hybrid.note).toBeUndefined();
  });
});
