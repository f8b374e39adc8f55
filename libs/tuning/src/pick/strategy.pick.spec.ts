import { pickIndex } from './strategy.pick';

describe('pickIndex', () => {
  const figures = [
    { costUsd: 2, durationMs: 100 },
    { costUsd: 1, durationMs: 300 },
    { costUsd: 1, durationMs: 200 },
    { costUsd: 4, durationMs: 50 },
  ];

  it('picks the cheapest for cost, the faster one on a tie', () => {
    expect(pickIndex('cost', 0.5, figures)).toBe(2);
  });

  it('picks the fastest for speed', () => {
    expect(pickIndex('speed', 0.5, figures)).toBe(3);
  });

  it('minimises the max-normalised weighted sum for balanced', () => {
    // w=0.5: 0.25+0.167=0.417, 0.125+0.5, 0.125+0.333=0.458, 0.5+0.083=0.583
    expect(pickIndex('balanced', 0.5, figures)).toBe(0);
    expect(pickIndex('balanced', 1, figures)).toBe(2);
    expect(pickIndex('balanced', 0, figures)).toBe(3);
  });
});
