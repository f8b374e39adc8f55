import { defaultCatalogue } from '@fleetscope/pricing';
import type { AnalysisContext } from '../analyzer';
import { lambdaProfile, logNormalBuckets, windowStats } from '../testing/fleet.generator';
import { MemoryAnalyzer } from './memory.analyzer';

const ctx: AnalysisContext = { catalogue: defaultCatalogue, at: new Date('2025-09-08T00:00:00Z') };
const analyzer = new MemoryAnalyzer();

describe(MemoryAnalyzer.name, () => {
  it('finds 1,024 MB with 60 MB used over-provisioned and recommends a smaller size that saves money', () => {
    const stats = windowStats({
      invocations: 1_000_000,
      medianMs: 120,
      sigma: 0.4,
      maxMemoryUsedMb: 60,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, ctx);

    expect(rec.kind).toBe('memory');
    expect(rec.evidence.finding).toBe('over-provisioned');
    expect(rec.recommended.memoryMb as number).toBeLessThan(1024);
    expect(rec.recommended.memoryMb as number).toBeGreaterThanOrEqual(128);
    expect(rec.monthlyImpactUsd).toBeGreaterThan(0);
    expect(rec.reason).toContain('60 MB of 1024 MB');
    // One size seen: the CPU share is a prior, and the confidence says so.
    expect((rec.evidence.model as { kind: string }).kind).toBe('cpu-share-prior');
    expect(rec.confidence).toBe('low');
    expect(rec.catalogueVersion).toBe(defaultCatalogue.version);
  });

  it('raises memory after out-of-memory kills and marks it critical', () => {
    const stats = windowStats({
      invocations: 10_000,
      medianMs: 300,
      sigma: 0.3,
      maxMemoryUsedMb: 256,
      ooms: 12,
      memoryMb: 256,
    });
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);
    expect(rec.severity).toBe('critical');
    expect(rec.evidence.finding).toBe('out-of-memory');
    expect(rec.recommended.memoryMb as number).toBeGreaterThanOrEqual(384);
    expect(rec.reason).toBe('12 invocations ran out of memory at 256 MB.');
  });

  it('recommends more memory for a CPU-bound function seen at four sizes, from the fitted curve', () => {
    const t = (m: number) => 20 + 4000 * Math.exp(-m / 600);
    const sizes = [256, 512, 1024, 2048];
    const byMemory = sizes.map((memoryMb) => ({
      memoryMb,
      invocations: 25_000,
      durationSumMs: t(memoryMb) * 25_000,
      durationBuckets: logNormalBuckets(25_000, t(memoryMb), 0.1),
    }));
    const stats = {
      ...windowStats({ invocations: 100_000, medianMs: t(256), sigma: 0.1, maxMemoryUsedMb: 100 }),
      byMemory,
    };
    const [rec] = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 256 }), stats }, ctx);

    expect(rec.evidence.finding).toBe('cpu-bound');
    expect(rec.recommended.memoryMb as number).toBeGreaterThanOrEqual(1536);
    expect(rec.monthlyImpactUsd).toBeGreaterThan(0); // faster and cheaper
    const model = rec.evidence.model as { kind: string; params: Record<string, number> };
    expect(model.kind).toBe('exponential-fit');
    expect(model.params.a2).toBeCloseTo(600, 0);
    expect(rec.confidence).toBe('high');
  });

  it('does not shrink a function whose memory use is unknown', () => {
    const stats = windowStats({ invocations: 100_000, medianMs: 100, sigma: 0.3 });
    const recs = analyzer.analyze({ profile: lambdaProfile({ memoryMb: 1024 }), stats }, ctx);
    for (const rec of recs) expect(rec.recommended.memoryMb as number).toBeGreaterThanOrEqual(1024);
  });

  it('skips functions that are not on Lambda or have no memory setting', () => {
    const stats = windowStats({ invocations: 100, medianMs: 100, sigma: 0.3, maxMemoryUsedMb: 10 });
    expect(analyzer.analyze({ profile: lambdaProfile({ memoryMb: null }), stats }, ctx)).toEqual(
      [],
    );
    expect(
      analyzer.analyze({ profile: lambdaProfile({ platform: 'knative' }), stats }, ctx),
    ).toEqual([]);
  });
});
