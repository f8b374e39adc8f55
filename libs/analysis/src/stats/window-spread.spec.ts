import { consistency, relativeHalfRange, repeatability, windowSpread } from './window-spread';

const day = (d: number, invocations: number, meanMs: number) => ({
  dayStartMs: d * 86_400_000,
  invocations,
  durationSumMs: invocations * meanMs,
});

describe(windowSpread.name, () => {
  it("measures the residual of the days' means around their mean, and the standard error it implies", () => {
    const spread = windowSpread([day(0, 100, 90), day(1, 100, 110), day(2, 100, 100)]);
    expect(spread.windows).toBe(3);
    expect(spread.residualSdMs).toBeCloseTo(10, 9);
    expect(spread.standardErrorMs).toBeCloseTo(10 / Math.sqrt(3), 9);
    expect(spread.relativeResidual).toBeCloseTo(0.1, 9);
  });

  it('leaves out days with too few invocations to stand for their day, and claims no residual from one window', () => {
    const spread = windowSpread([day(0, 100, 100), day(1, 5, 900)]);
    expect(spread).toEqual({
      windows: 1,
      residualSdMs: 0,
      standardErrorMs: 0,
      relativeResidual: 0,
    });
    expect(windowSpread(undefined).windows).toBe(0);
  });
});

describe(repeatability.name, () => {
  it('is 1 for identical days over three windows or more, and falls with fewer windows or a larger residual', () => {
    const steady = windowSpread([day(0, 50, 100), day(1, 50, 100), day(2, 50, 100)]);
    const scattered = windowSpread([day(0, 50, 80), day(1, 50, 120), day(2, 50, 100)]);
    const single = windowSpread([day(0, 50, 100)]);
    expect(repeatability(steady, steady)).toBe(1);
    expect(repeatability(steady, scattered)).toBeLessThan(0.7);
    expect(repeatability(steady, single)).toBeCloseTo(0.6, 9);
  });
});

describe(relativeHalfRange.name, () => {
  it('is half the range over the midpoint, 0 for one figure or figures that agree', () => {
    expect(relativeHalfRange([100])).toBe(0);
    expect(relativeHalfRange([50, 50])).toBe(0);
    expect(relativeHalfRange([50, 100, 150])).toBeCloseTo(0.5, 9);
    expect(consistency(relativeHalfRange([50, 100, 150]))).toBeCloseTo(0.4 + 0.6 / 26, 9);
    expect(consistency(relativeHalfRange([-1, 1]))).toBeCloseTo(0.4, 1);
  });
});
