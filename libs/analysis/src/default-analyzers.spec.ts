import { histogramQuantile } from '@fleetscope/model';
import { PricingService, defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext, Analyzer } from './analyzer';
import {
  atRecommendedMemory,
  defaultAnalyzers,
  runAnalyzers,
  runAnalyzersStoppable,
} from './default-analyzers';
import type { FunctionAnalysisInput } from './inputs';
import type { Recommendation } from './recommendation';
import {
  busyAsProfile,
  concurrencyProfile,
  lambdaProfile,
  logNormalBuckets,
  windowStats,
} from './testing/fleet.generator';

const ctx: AnalysisContext = {
  pricing: new PricingService(defaultCatalogue),
  at: new Date('2025-09-08T00:00:00Z'),
};

function fleet(size: number): FunctionAnalysisInput[] {
  const sharedConcurrency = concurrencyProfile((h) => 1 + (h % 24) / 2, {
    coldStartsPerHour: () => 2,
  });
  return Array.from({ length: size }, (_, i) => {
    const stats = windowStats({
      invocations: 10_000 + i,
      medianMs: 50 + (i % 500),
      sigma: 0.5,
      maxMemoryUsedMb: 40 + (i % 200),
    });
    const p99 = histogramQuantile(stats.durationBuckets, 0.99) ?? 1000;
    const profile = lambdaProfile({
      functionId: `fn-${i}`,
      memoryMb: [128, 256, 512, 1024, 2048][i % 5],
      timeoutMs: Math.round(p99 / (0.5 + (i % 5) / 10)),
    });
    return { profile, stats, concurrency: sharedConcurrency };
  });
}

describe(runAnalyzers.name, () => {
  it('defect 11 (totals add alternatives): provisioned concurrency and containers are priced at the recommended memory size', () => {
    // 40 requests/s of 200 ms seen at 2048 MB and 1024 MB alike: memory goes to 1024 MB.
    const perSize = 40 * 7 * 86_400;
    const byMemory = [1024, 2048].map((memoryMb) => ({
      memoryMb,
      invocations: perSize,
      durationSumMs: 200 * perSize,
      durationBuckets: logNormalBuckets(perSize, 200, 0.05),
    }));
    const stats = {
      ...windowStats({
        invocations: 2 * perSize,
        medianMs: 200,
        sigma: 0.05,
        maxMemoryUsedMb: 300,
      }),
      byMemory,
    };
    const input = {
      profile: lambdaProfile({ functionId: 'api', memoryMb: 2048, timeoutMs: 30_000 }),
      stats,
      concurrency: concurrencyProfile(() => 8, { weeks: 2 }),
    };
    // Provisioned concurrency 8 would leave Lambda cheaper than the tasks (the option is measured
    // after the plan's changes): left out, to read the option's own pricing at the new size.
    const { recommendations } = runAnalyzers(
      defaultAnalyzers().filter((a) => a.kind !== 'provisioned-concurrency'),
      [input],
      ctx,
    );
    const memory = recommendations.find((r) => r.kind === 'memory');
    const containers = recommendations.find((r) => r.kind === 'containers');
    expect(memory?.recommended.memoryMb).toBe(1024);
    expect(containers?.planRole).toBe('option');
    // Priced at 1024 MB, and saying so: today's size and bill stay in `current`.
    expect(containers?.current.memoryMb).toBe(2048);
    expect(containers?.current.monthlyUsd).toBe(memory?.current.monthlyUsd);
    expect(containers?.current.comparedAtMemoryMb).toBe(1024);
    expect(containers?.current.comparedMonthlyUsd as number).toBeLessThan(
      memory?.current.monthlyUsd as number,
    );
    expect(containers?.reason).toMatch(
      /at the recommended 1024 MB the function would cost [\d.]+ \$\/month on Lambda \([\d.]+ \$\/month today at 2048 MB\); the saving is against Lambda after that memory change/,
    );
    expect(containers?.evidence.savingBaseline).toMatch(/recommended 1024 MB/);
    expect((containers?.evidence.capacityModel as { statement: string }).statement).toContain(
      'at 1024 MB',
    );
    expect(atRecommendedMemory(input, memory ? [memory] : []).profile.memoryMb).toBe(1024);
  });

  describe('the container option beside a provisioned-concurrency change in the same plan', () => {
    /** Steady concurrency on 1024 MB, memory left alone: the plan holds a PC change. */
    function planOf(meanMs: number, concurrencyLevel: number) {
      const concurrency = concurrencyProfile(() => concurrencyLevel, {
        coldStartsPerHour: () => 3,
        weeks: 2,
      });
      const invocations = Math.round((concurrencyLevel * 14 * 86_400 * 1000) / meanMs);
      const stats = busyAsProfile(
        windowStats({ invocations, medianMs: meanMs, sigma: 0.05, coldStarts: 500 }),
        concurrency,
      );
      const whyNot: string[] = [];
      const { recommendations } = runAnalyzers(
        defaultAnalyzers().filter((a) => a.kind !== 'memory'),
        [{ profile: lambdaProfile({ memoryMb: 1024, timeoutMs: 900_000 }), stats, concurrency }],
        { ...ctx, explain: (w) => whyNot.push(`${w.kind}: ${w.detail}`) },
      );
      return {
        pc: recommendations.find((r) => r.kind === 'provisioned-concurrency'),
        containers: recommendations.find((r) => r.kind === 'containers'),
        whyNot,
      };
    }

    it('is not advised when PC makes Lambda cheaper than the containers (rv-pcsteady: the option read "between $5.75 more and $61.23 less" against Lambda without PC 10)', () => {
      // 10 requests/s of 1 s: PC 10 saves $73.01; Lambda then costs $370.79, containers $379.16.
      const { pc, containers, whyNot } = planOf(1000, 10);
      expect(pc?.title).toBe('Set provisionedConcurrency to 10');
      expect(containers).toBeUndefined();
      expect(whyNot.find((w) => w.startsWith('containers'))).toMatch(
        /containers \(379\.16 \$\/month\) do not pay against Lambda as this plan leaves it: after this plan's "Set provisionedConcurrency to 10" \(saving 73\.01 \$\/month\) it would cost 370\.79 \$\/month on Lambda/,
      );
    });

    it('is measured against Lambda after the PC change, and says so, where it still pays', () => {
      const { pc, containers } = planOf(100, 20);
      expect(pc?.title).toBe('Set provisionedConcurrency to 20');
      expect(pc?.savingUsd.lowUsd).toBeCloseTo(146.01, 2);
      // Containers against Lambda today: $198.27 a month; against Lambda with PC 20: $52.26.
      expect(containers?.savingUsd.lowUsd).toBeCloseTo(52.26, 2);
      expect(containers?.savingUsd.highUsd).toBeCloseTo(52.26, 2);
      expect(containers?.reason).toContain(
        'the function costs 982.22 $/month on Lambda; after this plan\'s "Set provisionedConcurrency to 20" (saving 146.01 $/month) it would cost 836.21 $/month on Lambda, and the saving is against that',
      );
      expect(containers?.evidence.savingBaseline).toBe(
        'Lambda today, after "Set provisionedConcurrency to 20"',
      );
    });
  });

  it("prices what follows a pod's memory change at the new request as well as the new limit", () => {
    const input = {
      profile: lambdaProfile({ platform: 'knative', memoryMb: 1024, podMemoryMb: 512 }),
      stats: windowStats({ invocations: 1000, medianMs: 100, sigma: 0.2 }),
    };
    const change = {
      kind: 'memory',
      current: { memoryMb: 1024, meanDurationMs: 100 },
      recommended: { memoryMb: 256, meanDurationMs: 110 },
    } as unknown as Recommendation;
    const after = atRecommendedMemory(input, [change]);
    expect(after.profile).toMatchObject({ memoryMb: 256, podMemoryMb: 256 });
    expect(after.stats.durationSumMs).toBeCloseTo(input.stats.durationSumMs * 1.1, 6);
    const lambda = atRecommendedMemory({ ...input, profile: lambdaProfile() }, [change]);
    expect(lambda.profile.podMemoryMb).toBeUndefined();
  });

  it('defect 12 (order): reliability findings come first, then confidence-weighted savings, whatever their dollars', () => {
    const oom = {
      profile: lambdaProfile({ functionId: 'oom', memoryMb: 10_240 }),
      stats: windowStats({
        invocations: 1000,
        medianMs: 100,
        sigma: 0.2,
        ooms: 25,
        memoryMb: 10_240,
      }),
    };
    const timedOut = {
      profile: lambdaProfile({ functionId: 'timeouts', timeoutMs: 3000 }),
      stats: windowStats({
        invocations: 1000,
        medianMs: 100,
        sigma: 0.2,
        timeouts: 4,
        durationMaxMs: 3000,
      }),
    };
    const overProvisioned = {
      profile: lambdaProfile({ functionId: 'big', memoryMb: 3008, timeoutMs: 900_000 }),
      stats: windowStats({
        invocations: 5e7,
        medianMs: 400,
        sigma: 0.2,
        memoryMb: 3008,
        maxMemoryUsedMb: 100,
      }),
    };
    const { recommendations } = runAnalyzers(
      defaultAnalyzers(),
      [overProvisioned, oom, timedOut],
      ctx,
    );
    const order = recommendations.map((r) => `${r.functionId}:${r.kind}`);
    expect(order.slice(0, 2).sort()).toEqual(['oom:memory', 'timeouts:timeout-risk']);
    expect(order[2]).toBe('big:memory');
    expect(recommendations[2].monthlyImpactUsd).toBeGreaterThan(100);
  });

  it('defect 13 (every region priced as us-east-1): a recommendation for a region without a sourced Lambda price states the us-east-1 figure it was priced with', () => {
    const overProvisioned = (region: string) => ({
      profile: lambdaProfile({ functionId: region, memoryMb: 3008, timeoutMs: 900_000, region }),
      stats: windowStats({
        invocations: 5e7,
        medianMs: 400,
        sigma: 0.2,
        memoryMb: 3008,
        maxMemoryUsedMb: 100,
      }),
    });
    const { recommendations } = runAnalyzers(
      defaultAnalyzers(),
      [overProvisioned('eu-central-1'), overProvisioned('eu-north-1')],
      ctx,
    );
    const frankfurt = recommendations.find((r) => r.functionId === 'eu-central-1');
    const stockholm = recommendations.find((r) => r.functionId === 'eu-north-1');
    expect(frankfurt?.kind).toBe('memory');
    expect(stockholm?.kind).toBe('memory');
    expect(frankfurt?.evidence.priceAssumptions).toBeUndefined();
    expect(stockholm?.evidence.priceAssumptions).toEqual([
      expect.objectContaining({ meter: 'aws.lambda.duration.x86_64', region: 'eu-north-1' }),
      expect.objectContaining({ meter: 'aws.lambda.requests', region: 'eu-north-1' }),
    ]);
    expect(stockholm?.reason).toContain(
      'No sourced aws.lambda.duration.x86_64 price for eu-north-1: priced at the us-east-1 figure',
    );
  });

  it('defect 13: provisioned concurrency outside us-east-1 states the us-east-1 provisioned-concurrency prices it was priced with, and only those', () => {
    const concurrency = concurrencyProfile(() => 20, { coldStartsPerHour: () => 3 });
    const steady = {
      profile: lambdaProfile({ functionId: 'steady', region: 'eu-central-1', timeoutMs: 30_000 }),
      stats: busyAsProfile(
        windowStats({ invocations: 1_000_000, medianMs: 100, sigma: 0.3, coldStarts: 500 }),
        concurrency,
      ),
      concurrency,
    };
    const { recommendations } = runAnalyzers(defaultAnalyzers(), [steady], ctx);
    const pc = recommendations.find((r) => r.kind === 'provisioned-concurrency');
    const assumed = pc?.evidence.priceAssumptions as { meter: string }[];
    expect(assumed.map((a) => a.meter).sort()).toEqual([
      'aws.lambda.pc-allocated.x86_64',
      'aws.lambda.pc-duration.x86_64',
    ]);
    // Frankfurt's on-demand price is its own: its other recommendations assume nothing.
    for (const r of recommendations.filter((x) => x.kind !== 'provisioned-concurrency'))
      expect(r.evidence.priceAssumptions).toBeUndefined();
  });

  // How long this takes is measured by `npm run bench:analyze`, not here.
  it('analyses 10,000 functions with every analyzer and no failure', () => {
    const { recommendations, failures } = runAnalyzers(defaultAnalyzers(), fleet(10_000), ctx);
    expect(failures).toEqual([]);
    expect(recommendations.length).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same results a slice at a time, and stops between slices once aborted', async () => {
    const inputs = fleet(250);
    const whole = runAnalyzers(defaultAnalyzers(), inputs, ctx);
    const open = new AbortController();
    expect(await runAnalyzersStoppable(defaultAnalyzers(), inputs, ctx, open.signal)).toEqual(
      whole,
    );
    const stopping = new AbortController();
    let analysed = 0;
    const counting: Analyzer = {
      kind: 'memory',
      analyze: () => {
        if (++analysed === 150) stopping.abort();
        return [];
      },
    };
    await expect(runAnalyzersStoppable([counting], inputs, ctx, stopping.signal)).rejects.toThrow();
    // The slice under way ends; the next one never starts.
    expect(analysed).toBe(200);
  });

  it('reports a throwing analyzer per function and keeps the other results', () => {
    const broken: Analyzer = {
      kind: 'memory',
      analyze: () => {
        throw new Error('bad input');
      },
    };
    const { recommendations, failures } = runAnalyzers(
      [broken, ...defaultAnalyzers()],
      fleet(3),
      ctx,
    );
    expect(failures).toHaveLength(3);
    expect(failures[0]).toEqual({ functionId: 'fn-0', kind: 'memory', message: 'bad input' });
    expect(recommendations.length).toBeGreaterThan(0);
  });

  it('holds every analyzer to the range rule of confidence: a saving whose low end is under a quarter of its high end is at most medium', () => {
    const wide: Analyzer = {
      kind: 'containers',
      analyze: (input) => [
        {
          kind: 'containers',
          functionId: input.profile.functionId,
          severity: 'info',
          title: 'a saving of $1–100',
          reason: 'a wide range',
          current: {},
          recommended: {},
          savingUsd: { lowUsd: 1, highUsd: 100 },
          monthlyImpactUsd: 50.5,
          confidence: 'high',
          confidenceScore: 0.9,
          planRole: 'option',
          evidence: {},
        } as Recommendation,
      ],
    };
    const input = {
      profile: lambdaProfile({ functionId: 'wide', timeoutMs: 30_000, architecture: 'x86_64' }),
      stats: windowStats({ invocations: 1000, medianMs: 100, sigma: 0.2 }),
    };
    const [rec] = runAnalyzers([wide], [input], ctx).recommendations;
    expect(rec).toMatchObject({ confidence: 'medium', confidenceScore: 0.69 });
  });
});
