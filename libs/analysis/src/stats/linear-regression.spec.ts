import { slopeInterval, studentTQuantile } from './linear-regression';

describe(studentTQuantile.name, () => {
  it('matches the tables of the two-sided 95 % quantile', () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [5, 2.571],
      [12, 2.179],
      [30, 2.042],
      [120, 1.98],
    ];
    for (const [nu, t] of table) expect(studentTQuantile(0.975, nu)).toBeCloseTo(t, 2);
  });
});

describe(slopeInterval.name, () => {
  it('gives a straight line its slope with no width, and noise an interval around 0', () => {
    const line = slopeInterval([0, 1, 2, 3].map((x) => ({ x, y: 10 + 2 * x })));
    expect(line).toMatchObject({ slope: 2, low: 2, high: 2, n: 4 });
    // y = 0, 1, 0, 1, 0, 1: slope 0.086, SE 0.113, t(4) 2.776 → ±0.313.
    const noise = slopeInterval([0, 1, 2, 3, 4, 5].map((x) => ({ x, y: x % 2 })))!;
    expect(noise.slope).toBeCloseTo(3 / 35, 9);
    expect(noise.low).toBeLessThan(0);
    expect(noise.high).toBeGreaterThan(0);
    expect(noise.high - noise.slope).toBeCloseTo(2.776 * noise.standardError, 2);
  });

  it('says nothing from two points or a single x', () => {
    expect(
      slopeInterval([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]),
    ).toBeNull();
    expect(slopeInterval([0, 0, 0].map((y) => ({ x: 1, y })))).toBeNull();
  });
});
