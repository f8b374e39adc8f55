import {
  cpuSharePrior,
  fitCpuShareCurve,
  fitDurationCurve,
  fitExponentialCurve,
} from './duration-curve.fit';

const truth = { a0: 50, a1: 800, a2: 400 };
const t = (m: number) => truth.a0 + truth.a1 * Math.exp(-m / truth.a2);

describe(fitExponentialCurve.name, () => {
  it('recovers a0, a1 and a2 from a curve sampled at 4 memory sizes', () => {
    const points = [128, 512, 1024, 2048].map((memoryMb) => ({
      memoryMb,
      meanDurationMs: t(memoryMb),
      invocations: 100,
    }));
    const model = fitExponentialCurve(points)!;
    expect(model.kind).toBe('exponential-fit');
    expect(model.params.a0).toBeCloseTo(truth.a0, 2);
    expect(model.params.a1).toBeCloseTo(truth.a1, 2);
    expect(model.params.a2).toBeCloseTo(truth.a2, 2);
    expect(model.rSquared).toBeCloseTo(1, 9);
    expect(model.predictMs(768)).toBeCloseTo(t(768), 3);
  });

  it('stays close with 2 % measurement noise', () => {
    const noise = [1.02, 0.98, 1.01, 0.99];
    const points = [128, 512, 1024, 2048].map((memoryMb, i) => ({
      memoryMb,
      meanDurationMs: t(memoryMb) * noise[i],
      invocations: 100,
    }));
    const model = fitExponentialCurve(points)!;
    expect(Math.abs(model.predictMs(768) - t(768)) / t(768)).toBeLessThan(0.05);
  });
});

describe(fitCpuShareCurve.name, () => {
  it('passes through two sizes of a CPU-bound function', () => {
    // 100 ms fixed + 400 ms of CPU at one vCPU.
    const d = (m: number) => 100 + 400 / (Math.min(m, 1769) / 1769);
    const model = fitCpuShareCurve([
      { memoryMb: 512, meanDurationMs: d(512), invocations: 10 },
      { memoryMb: 1024, meanDurationMs: d(1024), invocations: 10 },
    ])!;
    expect(model.params.fixedMs).toBeCloseTo(100, 6);
    expect(model.params.cpuMsAtOneVcpu).toBeCloseTo(400, 6);
    expect(model.predictMs(3008)).toBeCloseTo(500, 6);
  });
});

describe(fitDurationCurve.name, () => {
  it('falls back to the CPU-share prior with one size seen', () => {
    const model = fitDurationCurve([{ memoryMb: 1024, meanDurationMs: 200, invocations: 5 }], 0.5)!;
    expect(model.kind).toBe('cpu-share-prior');
    expect(model.predictMs(1024)).toBeCloseTo(200, 9);
    expect(model.predictMs(512)).toBeCloseTo(300, 9);
    expect(
      cpuSharePrior({ memoryMb: 1024, meanDurationMs: 200, invocations: 5 }, 0).predictMs(128),
    ).toBe(200);
  });

  it('returns null without data', () => {
    expect(fitDurationCurve([], 0.5)).toBeNull();
  });
});
