import { bucketIndex } from '@fleetscope/model';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import {
  DEFAULT_ANALYZER_SETTINGS,
  defaultAnalyzers,
  runAnalyzers,
  withPlannedWarmLevel,
} from '../default-analyzers';
import { DEFAULT_EVIDENCE_OPTIONS } from '../evidence/evidence.gate';
import type { FunctionAnalysisInput, FunctionProfile, MinuteActivity } from '../inputs';
import type { Recommendation, WhyNot } from '../recommendation';
import { busyAsProfile, concurrencyProfile, windowStats } from '../testing/fleet.generator';
import {
  DEFAULT_KEEP_ALIVE_OPTIONS,
  KeepAliveAnalyzer,
  minuteActivity,
} from './keep-alive.analyzer';

const DAY = 1440;

/** Busy for `busy` minutes, then idle for the rest of every `period` minutes. */
function bursts(busy: number, period: number, days: number): number[] {
  const out: number[] = [];
  for (let start = 0; start < days * DAY; start += period) {
    for (let m = start; m < start + busy && m < days * DAY; m++) out.push(m);
  }
  return out;
}

const knative: FunctionProfile = {
  functionId: 'knative~shop~c1~ingest',
  platform: 'knative',
  name: 'ingest',
  region: 'c1',
  account: 'shop',
  runtime: '',
  architecture: 'x86_64',
  memoryMb: null,
  timeoutMs: null,
  provisionedConcurrency: null,
  packageType: null,
  podCpu: 2,
  podMemoryMb: 4096,
};

const lambda: FunctionProfile = {
  ...knative,
  functionId: 'aws_lambda~123456789012~us-east-1~report',
  platform: 'aws_lambda',
  name: 'report',
  region: 'us-east-1',
  account: '123456789012',
  runtime: 'nodejs22.x',
  memoryMb: 1024,
  packageType: 'Zip',
  podCpu: null,
  podMemoryMb: null,
};

/**
 * The Lambda function in 5-minute bursts every 2 hours for 14 days, each burst's first invocation
 * a cold start with an INIT of `initMs`: a kept instance avoids a cold start per burst.
 */
function burstyLambda(initMs: number): FunctionAnalysisInput {
  return {
    profile: lambda,
    stats: windowStats({
      invocations: 20_000,
      medianMs: 100,
      sigma: 0.5,
      days: 14,
      coldStarts: 168,
      initDurationSumMs: 168 * initMs,
    }),
    activity: minuteActivity(bursts(5, 120, 14), 0, 14 * DAY),
  };
}

/**
 * Busy 110 minutes, idle 9, for `days`: the 99th percentile of its idle times is a sub-minute
 * one, so the policy keeps the pod 1.1 minutes instead of 10 (7.9 idle pod-minutes saved per gap,
 * one more cold start each).
 */
function busyWithShortBreaks(
  profile: FunctionProfile,
  days = 14,
  overrides: Partial<FunctionAnalysisInput> = {},
): FunctionAnalysisInput {
  return {
    profile,
    stats: windowStats({
      invocations: 500_000,
      medianMs: 100,
      sigma: 0.5,
      days,
      coldStarts: 170,
      initDurationSumMs: 170 * 800,
    }),
    activity: minuteActivity(bursts(110, 119, days), 0, days * DAY),
    ...overrides,
  };
}

function analyse(
  input: FunctionAnalysisInput,
  analyzer = new KeepAliveAnalyzer(),
): { recs: Recommendation[]; whyNot: WhyNot[] } {
  const whyNot: WhyNot[] = [];
  const ctx: AnalysisContext = {
    pricing: new PricingService(defaultCatalogue),
    at: new Date('2026-12-01T00:00:00Z'),
    explain: (w) => whyNot.push(w),
  };
  return { recs: analyzer.analyze(input, ctx), whyNot };
}

describe(KeepAliveAnalyzer.name, () => {
  it('defect: keep-alive advice skipped the evidence gate; two days of data give a "why not" instead', () => {
    const { recs, whyNot } = analyse(busyWithShortBreaks(knative, 2));
    expect(recs).toEqual([]);
    expect(whyNot).toEqual([
      expect.objectContaining({
        kind: 'keep-alive',
        code: 'insufficient-evidence',
        detail: expect.stringMatching(
          /First seen 2\.0 days before the window's end; at least 14 days of data are needed/,
        ),
      }),
    ]);
  });

  it('defect: keep-alive advice skipped the minimum invocations; 40 invocations give no advice', () => {
    const input = busyWithShortBreaks(knative);
    const { recs, whyNot } = analyse({ ...input, stats: { ...input.stats, invocations: 40 } });
    expect(recs).toEqual([]);
    expect(whyNot[0]).toMatchObject({ code: 'insufficient-evidence' });
    expect(whyNot[0].detail).toMatch(/40 invocations/);
  });

  it('defect: immaterial keep-alive savings were advised; a small pod saving cents a month is silent', () => {
    const small = { ...knative, podCpu: 0.1, podMemoryMb: 128 };
    const { recs, whyNot } = analyse(busyWithShortBreaks(small));
    expect(recs).toEqual([]);
    expect(whyNot[0]).toMatchObject({ code: 'below-materiality' });
    expect(whyNot[0].detail).toMatch(/below the 1 \$\/month worth a change/);
    // The trade it would make is still said.
    expect(whyNot[0].detail).toMatch(/\d+ more cold starts in the window/);
  });

  it('negative savings filed as immaterial: a Knative retention that keeps pods longer than 10 minutes would cost more, and its why-not says how much', () => {
    // Busy 10 minutes, idle 25: the retention the idle times call for is longer than 10 minutes.
    const input: FunctionAnalysisInput = {
      ...busyWithShortBreaks(knative),
      activity: minuteActivity(bursts(10, 35, 14), 0, 14 * DAY),
    };
    const { recs, whyNot } = analyse(input);
    expect(recs).toEqual([]);
    expect(whyNot).toHaveLength(1);
    expect(whyNot[0].code).toBe('already-right');
    expect(whyNot[0].detail).toMatch(/^Would cost \$\d+\.\d\d(–\d+\.\d\d)? more a month \(/);
    expect(whyNot[0].detail).not.toMatch(/below the|worth a change|-\d/);
    expect(whyNot[0].detail).toMatch(/\d+ cold starts avoided in the window/);
  });

  it('negative savings: "-0.00 $/month" never appears; a Lambda ping costing a fraction of a cent more "would cost less than $0.01 more", one saving a fraction of a cent saves "less than $0.01"', () => {
    // 100 ms INITs: the billed INIT a ping saves is less than the pings cost.
    const costlier = analyse(burstyLambda(100));
    expect(costlier.recs).toEqual([]);
    expect(costlier.whyNot[0].code).toBe('already-right');
    expect(costlier.whyNot[0].detail).toMatch(/^Would cost less than \$0\.01 more a month \(/);
    expect(costlier.whyNot[0].detail).not.toMatch(/-\d|below the|worth a change/);

    // 900 ms INITs: a fraction of a cent saved, below materiality, and never "0.00".
    const tiny = analyse(burstyLambda(900));
    expect(tiny.whyNot[0].code).toBe('below-materiality');
    expect(tiny.whyNot[0].detail).toMatch(
      /^Saving less than \$0\.01 a month, below the 1 \$\/month worth a change/,
    );
    expect(tiny.whyNot[0].detail).not.toMatch(/0\.00/);
  });

  it('material advice carries its evidence, a confidence from it and a saving range from a held-out half', () => {
    const { recs } = analyse(busyWithShortBreaks(knative));
    expect(recs).toHaveLength(1);
    const [rec] = recs;
    expect(rec.recommended).toEqual({
      'autoscaling.knative.dev/scale-to-zero-pod-retention-period': '2m',
    });
    expect(rec.planRole).toBe('change');
    // 7.9 idle minutes saved per gap of a 2 vCPU / 4 GiB pod; about 169 gaps in 14 days.
    expect(rec.savingUsd.lowUsd).toBeGreaterThan(1);
    expect(rec.savingUsd.lowUsd).toBeLessThanOrEqual(rec.savingUsd.highUsd);
    expect(rec.monthlyImpactUsd).toBeCloseTo((rec.savingUsd.lowUsd + rec.savingUsd.highUsd) / 2, 3);
    expect(rec.basis).toMatchObject({ windowDays: 14, invocations: 500_000 });
    expect(rec.basis.measured).toMatch(/idle times/);
    // Over a thousand idle times and a held-out half that agrees: high confidence.
    expect(rec.confidence).toBe('high');
    expect(rec.evidence).toMatchObject({
      coldStartsAvoidedPerMonth: expect.any(Number),
      waitingSecondsRemovedPerMonth: expect.any(Number),
    });
    // It trades cold starts for idle pod-time and says so, in cold starts, not dollars.
    expect(
      (rec.evidence as { coldStartsAvoidedPerMonth: number }).coldStartsAvoidedPerMonth,
    ).toBeLessThan(0);
    expect(rec.action.summary).toMatch(/more cold starts in the window, for less idle memory/);
    expect(rec.action.snippets).toEqual([
      {
        format: 'knative',
        text: 'spec.template.metadata.annotations:\n  autoscaling.knative.dev/scale-to-zero-pod-retention-period: "2m"',
      },
    ]);
  });

  it('defect: the held-out half was replayed as if idle past the window; halves alike give the same saving at both ends', () => {
    // 168 times: 110 busy minutes, 9 idle; busy up to the window's last minute. The second half
    // of the idle times is the first again, so learnt on one and replayed on the other, the
    // retention saves what it saves in-sample.
    const idle = Array.from({ length: 168 }, () => [...new Array<number>(109).fill(0), 9]).flat();
    const activity: MinuteActivity = {
      idlePeriods: idle,
      activeMinutes: idle.length + 1,
      activeByHour: new Array<number>(24).fill(0),
      minutesByHour: new Array<number>(24).fill(0),
      minutesAfterLastActive: 0,
    };
    const { recs } = analyse({ ...busyWithShortBreaks(knative), activity });
    expect(recs).toHaveLength(1);
    const [rec] = recs;
    expect(rec.recommended).toEqual({
      'autoscaling.knative.dev/scale-to-zero-pod-retention-period': '2m',
    });
    expect(rec.savingUsd.highUsd).toBeCloseTo(rec.savingUsd.lowUsd, 3);
  });

  it('a pod whose size is unknown cannot be priced: not applicable, saying what to set', () => {
    const { recs, whyNot } = analyse(
      busyWithShortBreaks({ ...knative, podCpu: null, podMemoryMb: null }),
    );
    expect(recs).toEqual([]);
    expect(whyNot[0]).toMatchObject({ code: 'not-applicable' });
    expect(whyNot[0].detail).toMatch(/podMemoryMb/);
  });

  it('the gates are the configured ones: a lower materiality bar lets the small pod through', () => {
    const small = { ...knative, podCpu: 0.1, podMemoryMb: 128 };
    const analyzer = new KeepAliveAnalyzer({
      ...DEFAULT_KEEP_ALIVE_OPTIONS,
      evidence: { ...DEFAULT_EVIDENCE_OPTIONS, minSavingUsdPerMonth: 0.05 },
    });
    expect(analyse(busyWithShortBreaks(small), analyzer).recs).toHaveLength(1);
  });

  it('one plan per function: configured min-scale excludes a retention period', () => {
    const { recs, whyNot } = analyse(busyWithShortBreaks({ ...knative, minScale: 1 }));
    expect(recs).toEqual([]);
    expect(whyNot[0]).toMatchObject({ code: 'not-applicable' });
    expect(whyNot[0].detail).toMatch(/min-scale 1 \(configured\)/);
  });

  it('one plan per function: warm capacity the plan recommends excludes keep-alive, and removing it lets keep-alive in', () => {
    const input = busyWithShortBreaks({ ...knative, minScale: 1 });
    const pc = (level: number) =>
      ({
        kind: 'provisioned-concurrency',
        recommended: { minScale: level },
      }) as unknown as Recommendation;
    const kept = analyse(withPlannedWarmLevel(input, [pc(2)]));
    expect(kept.recs).toEqual([]);
    expect(kept.whyNot[0].detail).toMatch(/min-scale 2 \(recommended in this plan\)/);
    // The plan takes min-scale to 0: the retention period is part of the same plan.
    expect(analyse(withPlannedWarmLevel(input, [pc(0)])).recs).toHaveLength(1);
  });

  it('one plan per function: Lambda provisioned concurrency excludes a keep-warm ping', () => {
    const { recs, whyNot } = analyse(busyWithShortBreaks({ ...lambda, provisionedConcurrency: 2 }));
    expect(recs).toEqual([]);
    expect(whyNot[0].detail).toMatch(/provisioned concurrency 2 \(configured\).*ping/);
  });

  it('defect: a Lambda function of unknown memory was told the fixed 10 minutes do as well; its pings cannot be priced, and it says so', () => {
    const input: FunctionAnalysisInput = {
      profile: { ...lambda, memoryMb: null },
      stats: windowStats({ invocations: 20_000, medianMs: 100, sigma: 0.5, days: 14 }),
      activity: minuteActivity(bursts(5, 120, 14), 0, 14 * DAY),
    };
    const { recs, whyNot } = analyse(
      input,
      new KeepAliveAnalyzer({ ...DEFAULT_KEEP_ALIVE_OPTIONS, latencyValueUsdPerSecond: 0.05 }),
    );
    expect(recs).toEqual([]);
    expect(whyNot[0]).toMatchObject({ code: 'not-applicable' });
    expect(whyNot[0].detail).toMatch(/memory size is unknown.*memoryMb/);
  });

  it('a Lambda keep-warm ping costs dollars: silent unless the user values waiting, then advised with dollars and cold starts apart', () => {
    const input = burstyLambda(900);
    const silent = analyse(input);
    expect(silent.recs).toEqual([]);
    expect(silent.whyNot[0]).toMatchObject({ code: 'below-materiality' });

    const valued = analyse(
      input,
      new KeepAliveAnalyzer({ ...DEFAULT_KEEP_ALIVE_OPTIONS, latencyValueUsdPerSecond: 0.05 }),
    );
    expect(valued.recs).toHaveLength(1);
    const [rec] = valued.recs;
    expect(rec.recommended).toMatchObject({ schedule: 'rate(5 minutes)' });
    expect(rec.action.snippets.map((x) => x.format)).toEqual(['aws-cli', 'sam', 'serverless']);
    expect(rec.action.snippets[1].text).toMatch(
      /Type: Schedule\n {4}Properties:\n {6}Schedule: rate\(5 minutes\)/,
    );
    // Dollars alone: the pings cost a little more than the billed INIT they save.
    expect(rec.savingUsd.highUsd).toBeLessThan(0.01);
    // Where the dollars are a cost, the reason says so: a trade-off, not a saving.
    const slowInit = analyse(
      { ...input, stats: { ...input.stats, initDurationSumMs: 168 * 100 } },
      new KeepAliveAnalyzer({ ...DEFAULT_KEEP_ALIVE_OPTIONS, latencyValueUsdPerSecond: 0.5 }),
    ).recs[0];
    expect(slowInit.monthlyImpactUsd).toBeLessThan(0);
    expect(slowInit.reason).toMatch(
      /^A trade-off: costs less than \$0\.01 more a month for \d+(\.\d)? fewer cold starts a month, waiting valued at 0\.5 \$\/s\. /,
    );
    const evidence = rec.evidence as {
      coldStartsAvoidedPerMonth: number;
      waitingSecondsRemovedPerMonth: number;
      combinedValueUsdPerMonth: number;
    };
    expect(evidence.coldStartsAvoidedPerMonth).toBeGreaterThan(300);
    expect(evidence.waitingSecondsRemovedPerMonth).toBeCloseTo(
      evidence.coldStartsAvoidedPerMonth * 0.9,
      0,
    );
    expect(evidence.combinedValueUsdPerMonth).toBeGreaterThan(1);
  });

  it('defect: cold starts without an Init Duration diluted the wait a keep-warm ping removes; the mean is over those that reported one', () => {
    // 168 cold starts, half known only from a span's faas.coldstart (no Init Duration).
    const input: FunctionAnalysisInput = {
      profile: lambda,
      stats: windowStats({
        invocations: 20_000,
        medianMs: 100,
        sigma: 0.5,
        days: 14,
        coldStarts: 168,
        initDurationSumMs: 84 * 900,
        initBuckets: { [bucketIndex(900)]: 84 },
      }),
      activity: minuteActivity(bursts(5, 120, 14), 0, 14 * DAY),
    };
    const [rec] = analyse(
      input,
      new KeepAliveAnalyzer({ ...DEFAULT_KEEP_ALIVE_OPTIONS, latencyValueUsdPerSecond: 0.05 }),
    ).recs;
    const evidence = rec.evidence as {
      coldStartsAvoidedPerMonth: number;
      waitingSecondsRemovedPerMonth: number;
    };
    expect(evidence.waitingSecondsRemovedPerMonth).toBeCloseTo(
      evidence.coldStartsAvoidedPerMonth * 0.9,
      0,
    );
  });

  it('defect: a keep-warm ping claimed 1343 cold starts avoided (2,917.8 a month, $29.23 of waiting) where the records show 20; it now claims at most those observed and is below materiality', () => {
    // One invocation every 15 minutes for 14 days: the replay with a fixed 10 minutes counts each
    // of the 1,344 a cold start, but Lambda kept the sandbox: 20 cold starts of 1 s observed.
    const every15: number[] = [];
    for (let m = 0; m < 14 * DAY; m += 15) every15.push(m);
    const input: FunctionAnalysisInput = {
      profile: lambda,
      stats: windowStats({
        invocations: every15.length,
        medianMs: 100,
        sigma: 0.5,
        days: 14,
        coldStarts: 20,
        initDurationSumMs: 20 * 1000,
      }),
      activity: minuteActivity(every15, 0, 14 * DAY),
    };
    const cents = analyse(
      input,
      new KeepAliveAnalyzer({ ...DEFAULT_KEEP_ALIVE_OPTIONS, latencyValueUsdPerSecond: 0.01 }),
    );
    expect(cents.recs).toEqual([]);
    expect(cents.whyNot[0].code).toBe('below-materiality');
    // 20 cold starts × 1 s × (730 / 336) months × 0.01 $/s ≈ $0.43.
    expect(cents.whyNot[0].detail).toMatch(/^Saving about 0\.4\d \$\/month/);
    expect(cents.whyNot[0].detail).toMatch(/up to 20 of the 20 cold starts observed in the window/);
    expect(cents.whyNot[0].detail).not.toMatch(/1343/);

    // Waiting valued high enough to pass: the figures are the observed ones, never the replay's.
    const [rec] = analyse(
      input,
      new KeepAliveAnalyzer({ ...DEFAULT_KEEP_ALIVE_OPTIONS, latencyValueUsdPerSecond: 0.5 }),
    ).recs;
    const evidence = rec.evidence as {
      coldStartsAvoidedPerMonth: number;
      waitingSecondsRemovedPerMonth: number;
      observedColdStarts: number;
      replayColdStartsAvoided: number;
    };
    expect(evidence.coldStartsAvoidedPerMonth).toBeLessThanOrEqual(43.5);
    expect(evidence.waitingSecondsRemovedPerMonth).toBeLessThanOrEqual(43.5);
    expect(evidence).toMatchObject({ observedColdStarts: 20, replayColdStartsAvoided: 1343 });
    expect(rec.action.summary).toMatch(
      /up to 20 of the 20 cold starts observed in the window avoided\.$/,
    );
    expect(rec.reason).toMatch(
      /records show 20 cold starts in the window, so a kept instance avoids at most 20/,
    );
    expect(rec.confidence).not.toBe('high');
  });

  it('defect: invocations whose start no record gave were taken for warm ones, so a ping was "already right" with "up to 0 of the 0 cold starts observed"; the cold starts are scaled from the known starts, and not held at all when none is known', () => {
    const valued = new KeepAliveAnalyzer({
      ...DEFAULT_KEEP_ALIVE_OPTIONS,
      latencyValueUsdPerSecond: 0.05,
    });
    const input = burstyLambda(900);
    const known = analyse(input, valued).recs[0];
    // 168 cold starts seen among 20,000 invocations: the ping avoids up to 167.
    expect(known.action.summary).toMatch(
      /up to 167 of the 168 cold starts observed in the window avoided/,
    );

    // Every start unknown (spans without faas.coldstart): the replay's figure, said to be one.
    const unknown = analyse(
      { ...input, stats: { ...input.stats, coldStarts: 0, unknownStarts: 20_000 } },
      valued,
    );
    expect(JSON.stringify(unknown.whyNot)).not.toMatch(/0 of the 0|show no cold start/);
    const [rec] = unknown.recs;
    expect(rec.action.summary).toMatch(
      /up to 167 cold starts avoided by a replay of its minutes \(the records do not say how its invocations started\)/,
    );

    // 17 of the 2,000 known starts cold: about 170 of the 20,000, not 17.
    const partly = analyse(
      { ...input, stats: { ...input.stats, coldStarts: 17, unknownStarts: 18_000 } },
      valued,
    ).recs[0];
    expect(partly.action.summary).toMatch(
      /up to 167 of the about 170 cold starts in the window avoided/,
    );
    expect(partly.reason).toMatch(
      /about 170 cold starts in the window \(17 seen among the invocations whose start is known\)/,
    );
  });

  it('one plan per function through runAnalyzers: provisioned concurrency recommended for a steady load leaves no keep-warm ping', () => {
    const ping: FunctionAnalysisInput = {
      profile: lambda,
      stats: windowStats({
        invocations: 20_000,
        medianMs: 100,
        sigma: 0.5,
        coldStarts: 168,
        initDurationSumMs: 168 * 900,
      }),
      activity: minuteActivity(bursts(5, 120, 14), 0, 14 * DAY),
    };
    const analyzers = defaultAnalyzers({ ...DEFAULT_ANALYZER_SETTINGS, latencyUsdPerSecond: 0.05 });
    const whyNot: WhyNot[] = [];
    const ctx: AnalysisContext = {
      pricing: new PricingService(defaultCatalogue),
      at: new Date('2026-12-01T00:00:00Z'),
      explain: (w) => whyNot.push(w),
    };
    // No concurrency measured: no warm capacity in the plan, the ping is advised.
    const alone = runAnalyzers(analyzers, [ping], ctx).recommendations;
    expect(alone.filter((r) => r.kind === 'keep-alive')).toHaveLength(1);
    expect(alone.filter((r) => r.kind === 'provisioned-concurrency')).toHaveLength(0);

    // Eight requests in flight around the clock for two weeks: provisioned concurrency it is.
    const concurrency = concurrencyProfile(() => 8, { weeks: 2 });
    const steady = { ...ping, stats: busyAsProfile(ping.stats, concurrency), concurrency };
    const plan = runAnalyzers(analyzers, [steady], ctx).recommendations;
    const pc = plan.find((r) => r.kind === 'provisioned-concurrency');
    expect(pc?.recommended.provisionedConcurrency).toBeGreaterThan(0);
    expect(plan.filter((r) => r.kind === 'keep-alive')).toHaveLength(0);
    expect(whyNot).toContainEqual(
      expect.objectContaining({
        kind: 'keep-alive',
        code: 'not-applicable',
        detail: expect.stringMatching(/provisioned concurrency \d+ \(recommended in this plan\)/),
      }),
    );
  });
});
