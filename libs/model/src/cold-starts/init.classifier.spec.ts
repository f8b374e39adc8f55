import { classifyInit, type LambdaInitEvidence } from './init.classifier';

const lambda = (overrides: Partial<LambdaInitEvidence>): LambdaInitEvidence => ({
  platform: 'aws_lambda',
  restoreDurationMs: null,
  restoreStarted: false,
  initStart: null,
  initDurationMs: null,
  initReport: null,
  initFailed: false,
  invocationStartMs: 10_000,
  proactiveGapMs: 1_000,
  sandboxReset: false,
  ...overrides,
});

describe(classifyInit.name, () => {
  it.each([
    [
      'an on-demand init with its Init Duration',
      lambda({ initDurationMs: 200 }),
      true,
      'on-demand',
    ],
    [
      'a provisioned-concurrency init, even with an Init Duration',
      lambda({
        initStart: { timeMs: 9_800, initType: 'provisioned-concurrency' },
        initDurationMs: 150,
      }),
      false,
      'provisioned-concurrency',
    ],
    ['a SnapStart restore', lambda({ restoreDurationMs: 300 }), true, 'snap-start'],
    [
      'an init that ended long before the invocation (proactive)',
      lambda({ initStart: { timeMs: 1_000, initType: 'on-demand' }, initDurationMs: 100 }),
      false,
      'proactive',
    ],
    [
      'a reset after a timeout or OOM kill, with no Init Duration',
      lambda({ sandboxReset: true }),
      true,
      'on-demand',
    ],
    [
      'an init that timed out long before it (Lambda runs it again at the invocation)',
      lambda({
        initStart: { timeMs: 1_000, initType: 'on-demand' },
        initDurationMs: 100,
        initFailed: true,
      }),
      true,
      'on-demand',
    ],
    ['a warm invocation', lambda({}), false, ''],
  ])('decides a Lambda invocation after %s', (_what, evidence, coldStart, initType) => {
    expect(classifyInit(evidence)).toMatchObject({ coldStart, initType });
  });

  it('takes a suppressed init (INIT_REPORT Phase: invoke) with its duration as a cold start', () => {
    expect(
      classifyInit(
        lambda({ initReport: { durationMs: 420, phase: 'invoke' }, sandboxReset: true }),
      ),
    ).toEqual({ coldStart: true, initType: 'on-demand', initDurationMs: 420 });
  });

  it("takes a restored sandbox whose only record is the snapshot's init as a restore, without that init's duration", () => {
    expect(
      classifyInit(
        lambda({
          initStart: { timeMs: 10_000 - 3 * 3_600_000, initType: 'snap-start' },
          initReport: { durationMs: 4210.6, phase: 'init' },
        }),
      ),
    ).toEqual({ coldStart: true, initType: 'snap-start', initDurationMs: null });
  });

  it('reads faas.coldstart on spans as true, false or unknown', () => {
    expect(classifyInit({ platform: 'span', coldstartAttribute: 'true' }).coldStart).toBe(true);
    expect(classifyInit({ platform: 'span', coldstartAttribute: '0' }).coldStart).toBe(false);
    expect(classifyInit({ platform: 'span', coldstartAttribute: undefined }).coldStart).toBeNull();
    expect(classifyInit({ platform: 'span', coldstartAttribute: 'maybe' }).coldStart).toBeNull();
  });

  it('counts Knative activator traffic only while the revision had zero pods', () => {
    const knative = (revisionHadZeroPods: boolean) =>
      classifyInit({ platform: 'knative', servedByActivator: true, revisionHadZeroPods }).coldStart;
    expect(knative(true)).toBe(true);
    expect(knative(false)).toBe(false);
  });

  it('counts an OpenFaaS scale from zero whether the replica became ready or the wait timed out', () => {
    expect(classifyInit({ platform: 'openfaas', gatewayScaleFromZero: 'ready' }).coldStart).toBe(
      true,
    );
    expect(
      classifyInit({ platform: 'openfaas', gatewayScaleFromZero: 'timed-out' }).coldStart,
    ).toBe(true);
  });
});
