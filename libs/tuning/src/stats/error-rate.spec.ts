import { hypergeometricUpperTail } from './error-rate';

describe(hypergeometricUpperTail.name, () => {
  it('is the one-sided Fisher exact p-value: C(10,4)/C(40,4) for all 4 failures among 10 of 40 calls', () => {
    expect(hypergeometricUpperTail(4, 10, 4, 40)).toBeCloseTo(210 / 91390, 12);
  });

  it('sums the tail, and is 1 for no failures at all', () => {
    // 2 of 5 calls from 40 with 10 failures: 1 − P(0) − P(1).
    const c = (n: number, k: number) => {
      let r = 1;
      for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
      return r;
    };
    const p0 = (c(10, 0) * c(30, 5)) / c(40, 5);
    const p1 = (c(10, 1) * c(30, 4)) / c(40, 5);
    expect(hypergeometricUpperTail(2, 5, 10, 40)).toBeCloseTo(1 - p0 - p1, 12);
    expect(hypergeometricUpperTail(0, 5, 0, 40)).toBe(1);
  });
});
