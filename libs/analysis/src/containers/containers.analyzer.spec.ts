import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { concurrencyProfile, lambdaProfile, windowStats } from '../testing/fleet.generator';
import type { ContainerPrices } from './containers.analyzer';
import {
  ContainersAnalyzer,
  DEFAULT_CONTAINERS_OPTIONS,
  breakEvenRequestsPerSecond,
  capacityModel,
  tasksFor,
  costCrossings,
  formatRequestRate,
  hourPeakConcurrency,
} from './containers.analyzer';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-15T00:00:00Z'),
};
const analyzer = new ContainersAnalyzer();
const DAYS = 14;
const WINDOW_SECONDS = DAYS * 86_400;

/** 1 vCPU / 2 GB on-demand Fargate x86 in us-east-1, without a load balancer. */
function taskOnlyPrices(): ContainerPrices {
  const task = ctx.pricing.containerDeployment(
    { offer: 'fargate-x86_64', vcpuPerTask: 1, memoryGbPerTask: 2, tasks: 1, hours: 730 },
    ctx.at,
    'us-east-1',
  );
  return {
    offer: 'fargate-x86_64',
    taskMonthUsd: task.usd,
    lbFixedMonthUsd: 0,
    lbPerRequestPerSecondMonthUsd: 0,
    priceIds: task.priceIds,
    assumed: [],
  };
}

function steadyLoad(requestsPerSecond: number, medianMs: number, maxMemoryUsedMb = 300) {
  const invocations = requestsPerSecond * WINDOW_SECONDS;
  const stats = windowStats({ invocations, medianMs, sigma: 0.01, maxMemoryUsedMb });
  const meanS = stats.durationSumMs / invocations / 1000;
  return { stats, concurrency: concurrencyProfile(() => requestsPerSecond * meanS, { weeks: 2 }) };
}

describe(ContainersAnalyzer.name, () => {
  it("defect 9 (containers maths): the issue's example first crosses at about 7.8 requests/s with two 1 vCPU / 2 GB on-demand tasks and 3.9 with one, in us-east-1, and containers stay cheaper only above 11.6", () => {
    // 1 GB, 200 ms, CPU-bound: Lambda $0.2 × 1 × 0.0000166667 + $0.0000002 a request.
    const lambdaUsdPerRequest = 0.2 * 0.0000166667 + 0.2e-6;
    const model = capacityModel(200, 1024, 300, DEFAULT_CONTAINERS_OPTIONS);
    const two = costCrossings(lambdaUsdPerRequest, model, taskOnlyPrices(), 2);
    const one = costCrossings(lambdaUsdPerRequest, model, taskOnlyPrices(), 1);
    expect(two.firstRps).toBeCloseTo(7.8, 1);
    expect(one.firstRps).toBeCloseTo(3.9, 1);
    // A third task at 10.4 requests/s costs more than Lambda up to 11.6: that is the break-even.
    for (const crossings of [two, one]) {
      expect(crossings.stayCheaperAboveRps).toBeCloseTo(11.6, 1);
      expect(crossings.bandsBelow[crossings.bandsBelow.length - 1].toRps).toBeCloseTo(10.4, 1);
    }
    expect(breakEvenRequestsPerSecond(lambdaUsdPerRequest, model, taskOnlyPrices(), 2)).toBe(
      two.stayCheaperAboveRps,
    );
  });

  it('defect: without a load balancer configured, the advice and its commands name none', () => {
    const profile = lambdaProfile({ memoryMb: 1024 });
    const [withLb] = analyzer.analyze({ profile, ...steadyLoad(400, 200) }, ctx);
    expect(withLb.title).toContain('behind a load balancer');
    const tasksOnly = new ContainersAnalyzer({
      ...DEFAULT_CONTAINERS_OPTIONS,
      loadBalancer: false,
    });
    const [rec] = tasksOnly.analyze({ profile, ...steadyLoad(400, 200) }, ctx);
    const recommended = rec.recommended as {
      loadBalancer: boolean;
      minTasks: number;
      maxTasks: number;
    };
    expect(recommended.loadBalancer).toBe(false);
    const words = [
      rec.title,
      rec.action?.summary,
      ...(rec.action?.snippets ?? []).map((s) => s.text),
    ];
    expect(words.join('\n')).not.toMatch(/load.balancer|target.group/i);
    expect(rec.action?.summary).toContain(`${recommended.minTasks}–${recommended.maxTasks} tasks`);
  });

  it('defect 9: tasks scale with the load, so the break-even is where the lines cross, not a share of the observed rate', () => {
    const a = steadyLoad(100, 200);
    const b = steadyLoad(400, 200);
    const profile = lambdaProfile({ memoryMb: 1024 });
    const [ra] = analyzer.analyze({ profile, ...a }, ctx);
    const [rb] = analyzer.analyze({ profile, ...b }, ctx);
    const breakEvenA = ra.evidence.breakEvenRequestsPerSecond as number;
    expect(breakEvenA).toBeCloseTo(rb.evidence.breakEvenRequestsPerSecond as number, 6);
    // With the load balancer the crossing sits above the tasks-only 11.6 requests/s.
    expect(breakEvenA).toBeGreaterThan(11.6);
    expect(breakEvenA).toBeLessThan(25);
    expect(rb.recommended.maxTasks as number).toBeGreaterThan(ra.recommended.maxTasks as number);
    expect(ra.reason).toContain('Capacity model');
  });

  describe('a stepped cost line: the rate above which containers stay cheaper', () => {
    // 1 GB, 200 ms, 300 MB used behind a load balancer: containers first win at 9.8 requests/s,
    // yet Lambda is cheaper at 12 and 16; a steady 20 requests/s sits just under a task step.
    function steady(requestsPerSecond: number) {
      const whyNot: string[] = [];
      const made = analyzer.analyze(
        { profile: lambdaProfile({ memoryMb: 1024 }), ...steadyLoad(requestsPerSecond, 200) },
        { ...ctx, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
      );
      return { made, whyNot };
    }
    const rateIn = (text: string, before: string) =>
      Number(new RegExp(`${before} ([\\d.]+) requests/s`).exec(text)?.[1]);

    it('never says containers break even below a rate Lambda is cheaper at', () => {
      for (const rps of [12, 16]) {
        const { made, whyNot } = steady(rps);
        expect(made).toEqual([]);
        expect(whyNot).toHaveLength(1);
        expect(whyNot[0]).toMatch(/^already-right: At 1\d requests\/s Lambda is cheaper/);
        expect(rateIn(whyNot[0], 'stay cheaper only above')).toBeGreaterThan(rps);
      }
    });

    it('20 requests/s: the stated break-even is at least 16, and the saving a rate in 0.5–2× turns into a loss is not offered', () => {
      const { made, whyNot } = steady(20);
      expect(made).toEqual([]);
      expect(whyNot).toHaveLength(1);
      expect(whyNot[0]).toMatch(/^already-right: At 20 requests\/s containers would save up to /);
      expect(rateIn(whyNot[0], 'stay cheaper only above')).toBeGreaterThanOrEqual(16);
      expect(whyNot[0]).toMatch(/would cost [\d.]+ \$\/month more than Lambda/);
    });

    it('35 requests/s: offered with a low end below 0 where 0.6× the rate costs more, and lower confidence', () => {
      const { made } = steady(35);
      expect(made).toHaveLength(1);
      const [rec] = made;
      expect(rec.savingUsd.lowUsd).toBeLessThan(0);
      expect(rec.savingUsd.highUsd).toBeGreaterThan(0);
      expect(rec.evidence.breakEvenRequestsPerSecond as number).toBeGreaterThanOrEqual(16);
      expect(rec.confidence).not.toBe('high');
      expect(rec.reason).toMatch(/The saving is not steady: at \d+ requests\/s/);
      // Far above the break-even, half the rate still saves: the range is today's.
      const [far] = steady(200).made;
      expect(far.savingUsd.lowUsd).toBeGreaterThan(0);
      expect(far.savingUsd.lowUsd).toBeCloseTo(far.savingUsd.highUsd, 6);
    });
  });

  it('prices the current Lambda bill with the provisioned concurrency configured: its allocation, and the invocations it serves at its duration price', () => {
    // 20 requests in flight all the time, 50 instances provisioned: all served by them.
    const load = steadyLoad(100, 200);
    const profile = lambdaProfile({ memoryMb: 1024, provisionedConcurrency: 50 });
    const [rec] = analyzer.analyze({ profile, ...load }, ctx);
    const month = 730 / (DAYS * 24);
    const bill = ctx.pricing.lambdaUsage(
      {
        architecture: 'x86_64',
        memoryMb: 1024,
        requests: load.stats.invocations * month,
        billedDurationMs: 0,
        provisioned: {
          concurrency: 50,
          enabledSeconds: WINDOW_SECONDS * month,
          billedDurationMs: load.stats.billedDurationSumMs * month,
        },
      },
      ctx.at,
      'us-east-1',
    );
    expect(rec.current.monthlyUsd as number).toBeCloseTo(bill.usd, 2);
  });

  it('sizes tasks by the requests served, not by per-minute peaks: a load that arrives in bursts needs the tasks a steady one does', () => {
    const profile = lambdaProfile({ memoryMb: 1024 });
    const steady = steadyLoad(100, 200);
    // The same requests at the top of each minute: each minute peaks at 4× the 20 in flight on
    // average, busy a quarter of it.
    const bursty = {
      stats: steady.stats,
      concurrency: concurrencyProfile(() => 80, { weeks: 2 }),
    };
    const [atSteady] = analyzer.analyze({ profile, ...steady }, ctx);
    const [atBursts] = analyzer.analyze({ profile, ...bursty }, ctx);
    expect(atSteady).toBeDefined();
    expect(atBursts).toBeDefined();
    expect(atBursts.recommended.monthlyUsd).toEqual(atSteady.recommended.monthlyUsd);
    expect(atBursts.recommended.maxTasks).toBe(atSteady.recommended.maxTasks);
    expect(atBursts.monthlyImpactUsd).toBeCloseTo(atSteady.monthlyImpactUsd, 6);
  });

  describe('bursts shorter than 5 % of minutes', () => {
    // Every hour 300 requests in flight for its first 2 minutes (a cron fan-out), 1 the other 58;
    // 1 s requests at 1024 MB, 300 MB used: 11 requests/s on average, 300 in the bursts.
    function cronFanOut() {
      const busySecondsPerHour = (2 * 300 + 58 * 1) * 60;
      const invocations = busySecondsPerHour * 24 * DAYS;
      const stats = windowStats({
        invocations,
        medianMs: 1000,
        sigma: 0.0001,
        memoryMb: 1024,
        maxMemoryUsedMb: 300,
      });
      const concurrency = concurrencyProfile((_h, m) => (m < 2 ? 300 : 1), { weeks: 2 });
      return { stats, concurrency };
    }

    it("reads an hour's highest per-minute concurrency from its levels, not its mean", () => {
      const { concurrency } = cronFanOut();
      expect(concurrency.p95Concurrency).toBe(1);
      for (const h of concurrency.hours)
        expect(hourPeakConcurrency(h, concurrency.levels)).toBeCloseTo(300, 6);
      const steady = steadyLoad(100, 200).concurrency;
      for (const h of steady.hours)
        expect(hourPeakConcurrency(h, steady.levels)).toBeCloseTo(
          h.concurrencyMinutes / h.minutesObserved,
          6,
        );
    });

    it('sizes the low end for the 300 requests/s bursts, not the hourly 11: Lambda stays, saying why', () => {
      const whyNot: string[] = [];
      const recs = new ContainersAnalyzer().analyze(
        { profile: lambdaProfile({ memoryMb: 1024 }), ...cronFanOut() },
        { ...ctx, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
      );
      if (recs.length > 0) {
        expect(recs[0].savingUsd.lowUsd).toBeLessThan(0);
        expect(recs[0].evidence.peakRequestsPerSecond as number).toBeGreaterThanOrEqual(250);
        expect(recs[0].reason).toMatch(/busiest minutes reach 300 requests\/s/);
      } else {
        expect(whyNot).toHaveLength(1);
        expect(whyNot[0]).toMatch(/^already-right: .*busiest minutes reach 300 requests\/s/);
        expect(whyNot[0]).toMatch(/tasks sized for them \(\d{3}\)/);
      }
    });
  });

  it('defect 9: on-demand Fargate by default, Spot only when configured', () => {
    const load = steadyLoad(200, 200);
    const profile = lambdaProfile({ memoryMb: 1024 });
    const [onDemand] = analyzer.analyze({ profile, ...load }, ctx);
    expect(onDemand.recommended.offer).toBe('fargate-x86_64');
    expect(onDemand.planRole).toBe('option');
    const spot = new ContainersAnalyzer({ ...DEFAULT_CONTAINERS_OPTIONS, offer: 'fargate-spot' });
    const [onSpot] = spot.analyze({ profile, ...load }, ctx);
    expect(onSpot.recommended.offer).toBe('fargate-spot');
  });

  it('offers Fargate Spot to an arm64 function never: Spot runs only X86_64 Linux tasks, so it is priced on on-demand arm64, saying why', () => {
    const spot = new ContainersAnalyzer({ ...DEFAULT_CONTAINERS_OPTIONS, offer: 'fargate-spot' });
    const [rec] = spot.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1024, architecture: 'arm64' }),
        ...steadyLoad(200, 200),
      },
      ctx,
    );
    expect(rec.recommended.offer).toBe('fargate-arm64');
    expect(rec.title).not.toContain('spot');
    expect(rec.action.summary).not.toContain('fargate-spot');
    expect(rec.evidence.priceIds).not.toContainEqual(expect.stringContaining('fargate-spot'));
    expect(rec.reason).toContain('Fargate Spot runs only X86_64 Linux tasks');
  });

  it('defect 3 (confidence overstates): a load the last week does not repeat is less confident than a load every week repeats', () => {
    const profile = lambdaProfile({ memoryMb: 1024 });
    const steady = steadyLoad(200, 200);
    const meanS = steady.stats.durationSumMs / steady.stats.invocations / 1000;
    // The same two-week mean, 70 % of it in the first week and 130 % in the last.
    const growing = {
      stats: steady.stats,
      concurrency: concurrencyProfile((_h, _m, week) => 200 * meanS * (week === 0 ? 0.7 : 1.3), {
        weeks: 2,
      }),
    };
    const [a] = analyzer.analyze({ profile, ...steady }, ctx);
    const [b] = analyzer.analyze({ profile, ...growing }, ctx);
    expect(a.evidence.weeksAgreement).toBe(1);
    expect(b.evidence.weeklyMeanConcurrency).toEqual([
      expect.closeTo(0.7 * 200 * meanS, 6),
      expect.closeTo(1.3 * 200 * meanS, 6),
    ]);
    expect(b.confidenceScore).toBeLessThan(a.confidenceScore - 0.1);
  });

  it('keeps Lambda below the break-even and says why when asked', () => {
    const load = steadyLoad(3, 200);
    const whyNot: string[] = [];
    expect(
      analyzer.analyze(
        { profile: lambdaProfile({ memoryMb: 1024 }), ...load },
        { ...ctx, explain: (w) => whyNot.push(w.code) },
      ),
    ).toEqual([]);
    expect(whyNot).toEqual(['already-right']);
  });

  it("defect 13 (every region priced as us-east-1): Frankfurt's tasks are priced at Frankfurt's Fargate price, and the load balancer's us-east-1 figure is stated", () => {
    const load = steadyLoad(200, 200);
    const [virginia] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1024, region: 'us-east-1' }), ...load },
      ctx,
    );
    const [frankfurt] = analyzer.analyze(
      { profile: lambdaProfile({ memoryMb: 1024, region: 'eu-central-1' }), ...load },
      ctx,
    );
    // 1 vCPU + 2 GB for 730 h at $0.04656 and $0.00511 (Frankfurt) against $0.04048 and $0.004445.
    expect(frankfurt.evidence.taskMonthUsd).toBeCloseTo(730 * (0.04656 + 2 * 0.00511), 6);
    expect(virginia.evidence.taskMonthUsd).toBeCloseTo(730 * (0.04048 + 2 * 0.004445), 6);
    expect(frankfurt.evidence.priceIds).toContain(
      'aws.fargate.vcpu.x86_64@eu-central-1@2019-12-01',
    );
    // No regional ALB price was sourced: the figure used is named, in the evidence and the reason.
    expect(virginia.evidence.priceAssumptions).toBeUndefined();
    const assumed = frankfurt.evidence.priceAssumptions as { meter: string }[];
    expect(assumed.map((a) => a.meter).sort()).toEqual([
      'aws.elb.application.hour',
      'aws.elb.application.lcu',
    ]);
    expect(frankfurt.reason).toContain('priced at the us-east-1 figure');
  });

  it('defect 13: where no Fargate price was sourced for the region (arm64 in Frankfurt), the comparison is withheld and says why', () => {
    const load = steadyLoad(200, 200);
    const whyNot: string[] = [];
    const made = analyzer.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1024, region: 'eu-central-1', architecture: 'arm64' }),
        ...load,
      },
      { ...ctx, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
    );
    expect(made).toEqual([]);
    expect(whyNot).toHaveLength(1);
    expect(whyNot[0]).toMatch(
      /^insufficient-evidence: No sourced aws\.fargate\.vcpu\.arm64 price for eu-central-1/,
    );
    // Tokyo's arm64 price was sourced, so the same function there is compared (and found to
    // save too little to be worth the move).
    const tokyo: string[] = [];
    analyzer.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1024, region: 'ap-northeast-1', architecture: 'arm64' }),
        ...load,
      },
      { ...ctx, explain: (w) => tokyo.push(w.code) },
    );
    expect(tokyo).toEqual(['below-materiality']);
  });

  describe('tasks that hold what they are assumed to serve', () => {
    // 10,240 MB configured, 2,100 MB Max Memory Used in the REPORT lines, 60 requests/s of 100 ms.
    const big = lambdaProfile({ memoryMb: 10_240 });
    const load = steadyLoad(60, 100, 2_100);

    it('never puts a request that peaks at 2,100 MB on a 2 GB task: the task holds the requests in flight it is assumed to serve, at their peak memory within the planned share', () => {
      const whyNot: string[] = [];
      const made = analyzer.analyze(
        { profile: big, ...load },
        { ...ctx, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
      );
      expect(made).toHaveLength(1);
      const [rec] = made;
      const u = DEFAULT_CONTAINERS_OPTIONS.targetUtilisation;
      const memoryMb = (rec.recommended.memoryGbPerTask as number) * 1024;
      const model = rec.evidence.capacityModel as {
        concurrentRequestsPerTask: number;
        memoryMbPerRequest: number;
      };
      expect(model.memoryMbPerRequest).toBe(2_100);
      expect(model.concurrentRequestsPerTask).toBeGreaterThanOrEqual(1);
      expect(memoryMb * u).toBeGreaterThanOrEqual(2_100 * model.concurrentRequestsPerTask);
      const vcpu = rec.recommended.vcpuPerTask as number;
      const memoryGb = rec.recommended.memoryGbPerTask as number;
      expect(rec.action.summary).toContain(`${vcpu} vCPU / ${memoryGb} GB`);
      expect(rec.title).toContain(`${vcpu} vCPU / ${memoryGb} GB`);
      // Priced at the size recommended.
      expect(rec.evidence.taskMonthUsd).toBeCloseTo(
        730 * (0.04048 * vcpu + 0.004445 * memoryGb),
        6,
      );
    });

    it('states the requests in flight its rate is made of (rv-container said "hold 3 requests at once and serve 0.040 requests/s each" where 4 vCPU at 60 % keep 2.4)', () => {
      // 60 s at 1,769 MB: 60 vCPU-s a request. 4 vCPU × 0.6 keep 2.4 in flight: 2.4 / 60 s a second.
      const model = capacityModel(60_000, 1769, 1000, {
        task: { vcpu: 4, memoryGb: 8 },
        targetUtilisation: 0.6,
      });
      expect(model.requestsInFlightPerTask).toBeCloseTo(2.4, 9);
      expect(model.requestsPerSecondPerTask * 60).toBeCloseTo(2.4, 9);
      expect(model.statement).toBe(
        '60000 ms at 1769 MB taken as CPU-bound (60.0 vCPU-s a request), 1000 MB held per request; 4 vCPU / 8 GB tasks at 60 % target utilisation keep 2.4 requests in flight and serve 0.040 requests/s each',
      );
      // 20 requests in flight (1/3 a second): ⌈20 / 2.4⌉ tasks.
      expect(tasksFor(20 / 60, model, 2)).toBe(9);
    });

    it('the capacity model says when a task cannot hold one request, and then serves nothing', () => {
      const tooSmall = capacityModel(100, 10_240, 2_100, DEFAULT_CONTAINERS_OPTIONS);
      expect(tooSmall.fits).toBe(false);
      expect(tooSmall.requestsPerSecondPerTask).toBe(0);
      const fits = capacityModel(100, 10_240, 2_100, {
        ...DEFAULT_CONTAINERS_OPTIONS,
        task: { vcpu: 1, memoryGb: 4 },
      });
      expect(fits.fits).toBe(true);
      expect(fits.concurrentRequestsPerTask).toBe(1);
      expect(fits.requestsPerSecondPerTask).toBeGreaterThan(0);
    });

    it('withholds the comparison, saying why, when no offered task size holds one request', () => {
      const onlySmall = new ContainersAnalyzer({
        ...DEFAULT_CONTAINERS_OPTIONS,
        taskSizes: [
          { vcpu: 1, memoryGb: 2 },
          { vcpu: 1, memoryGb: 3 },
        ],
      });
      const whyNot: string[] = [];
      const made = onlySmall.analyze(
        { profile: big, ...load },
        { ...ctx, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
      );
      expect(made).toEqual([]);
      expect(whyNot).toHaveLength(1);
      expect(whyNot[0]).toMatch(/^not-applicable: .*2100 MB/);
      expect(whyNot[0]).toContain('1 vCPU / 3 GB');
    });
  });

  it("a request killed for running out of memory at 1,536 MB is taken to hold at least 1,536 MB plus the memory fix's headroom, not the 1,536 MB Max Memory Used stops at", () => {
    const rps = 100;
    const invocations = rps * WINDOW_SECONDS;
    const stats = windowStats({
      invocations,
      medianMs: 300,
      sigma: 0.01,
      memoryMb: 1536,
      maxMemoryUsedMb: 1536,
      ooms: 500,
    });
    stats.byMemory[0] = { ...stats.byMemory[0], ooms: 500 };
    const meanS = stats.durationSumMs / invocations / 1000;
    const [rec] = analyzer.analyze(
      {
        profile: lambdaProfile({ memoryMb: 1536 }),
        stats,
        concurrency: concurrencyProfile(() => rps * meanS, { weeks: 2 }),
      },
      ctx,
    );
    expect(rec).toBeDefined();
    const model = rec.evidence.capacityModel as { memoryMbPerRequest: number };
    expect(model.memoryMbPerRequest).toBeGreaterThanOrEqual(1536 * 1.2);
    const u = DEFAULT_CONTAINERS_OPTIONS.targetUtilisation;
    expect((rec.recommended.memoryGbPerTask as number) * 1024 * u).toBeGreaterThanOrEqual(
      1536 * 1.2,
    );
    expect(rec.reason).toContain('500 invocations ran out of memory at 1536 MB');
  });

  describe('rates in words', () => {
    it('formats a rate with the significant digits its size needs, in per-hour or per-day units when very low', () => {
      expect(formatRequestRate(0.026)).toBe('0.026 requests/s');
      expect(formatRequestRate(0.5)).toBe('0.50 requests/s');
      expect(formatRequestRate(7.84)).toBe('7.8 requests/s');
      expect(formatRequestRate(123.4)).toBe('123 requests/s');
      expect(formatRequestRate(0.001)).toBe('3.6 requests/hour');
      expect(formatRequestRate(0.0001)).toBe('8.6 requests/day');
      expect(formatRequestRate(0)).toBe('0 requests/s');
    });

    it('a slow, large function at 0.01 requests/s: the break-even is printed with its digits, not as 0.0', () => {
      const load = steadyLoad(0.01, 7_600, 1_000);
      const whyNot: string[] = [];
      expect(
        analyzer.analyze(
          { profile: lambdaProfile({ memoryMb: 10_240, timeoutMs: 900_000 }), ...load },
          { ...ctx, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
        ),
      ).toEqual([]);
      expect(whyNot).toHaveLength(1);
      expect(whyNot[0]).toMatch(/^already-right: /);
      expect(whyNot[0]).not.toMatch(/\b0\.0 requests\/s/);
      expect(whyNot[0]).toMatch(/stay cheaper only above 0\.0[1-9]\d? requests\/s/);
    });

    it('never prints Infinity: when the cost lines never cross it says so', () => {
      // A load balancer charging more per request than Lambda does: the lines never meet.
      const pricing = new PricingService(defaultCatalogue);
      const dearBalancer = Object.assign(Object.create(pricing) as PricingService, {
        loadBalancer: (...args: Parameters<PricingService['loadBalancer']>) => {
          const cost = pricing.loadBalancer(...args);
          return { ...cost, usd: cost.usd * 1_000 };
        },
      });
      const whyNot: string[] = [];
      analyzer.analyze(
        { profile: lambdaProfile({ memoryMb: 1024 }), ...steadyLoad(3, 200) },
        { ...ctx, pricing: dearBalancer, explain: (w) => whyNot.push(`${w.code}: ${w.detail}`) },
      );
      expect(whyNot).toHaveLength(1);
      expect(whyNot[0]).not.toContain('Infinity');
      expect(whyNot[0]).toMatch(/never/);
    });

    it('a recommendation at a low rate states its rates, peak and capacity with readable digits', () => {
      // 0.05 requests/s of 60 s at 10,240 MB, 1,000 MB used.
      const load = steadyLoad(0.05, 60_000, 1_000);
      const [rec] = analyzer.analyze(
        { profile: lambdaProfile({ memoryMb: 10_240, timeoutMs: 900_000 }), ...load },
        ctx,
      );
      expect(rec).toBeDefined();
      expect(rec.reason).not.toMatch(/\b0\.0 /);
      expect(rec.reason).not.toContain('Infinity');
      expect(rec.reason).toMatch(/At 0\.050 requests\/s/);
    });
  });

  it('leaves functions already on Knative alone', () => {
    const stats = windowStats({ invocations: 10_000_000, medianMs: 100, sigma: 0.3 });
    expect(
      analyzer.analyze({ profile: lambdaProfile({ platform: 'knative' }), stats }, ctx),
    ).toEqual([]);
  });
});
