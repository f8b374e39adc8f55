import { confidenceOf } from './recommendation';

describe(confidenceOf.name, () => {
  it('rounding that flips the label: a score shown as 0.70 is high and one shown as 0.40 is medium, as the thresholds say', () => {
    expect(confidenceOf(0.6996)).toEqual({ confidence: 'high', confidenceScore: 0.7 });
    expect(confidenceOf(0.3999)).toEqual({ confidence: 'medium', confidenceScore: 0.4 });
    expect(confidenceOf(0.694)).toEqual({ confidence: 'medium', confidenceScore: 0.69 });
  });

  it('gives no data no confidence, and never leaves 0..1', () => {
    expect(confidenceOf(Number.NaN)).toEqual({ confidence: 'low', confidenceScore: 0 });
    expect(confidenceOf(3)).toEqual({ confidence: 'high', confidenceScore: 1 });
    expect(confidenceOf(-1)).toEqual({ confidence: 'low', confidenceScore: 0 });
  });

  it('a saving whose low end is a small fraction of its high end (or ≤ 0) is never high: $0.0008–482.33 at 0.79 is medium', () => {
    expect(confidenceOf(0.79, { lowUsd: 0.0008, highUsd: 482.33 })).toEqual({
      confidence: 'medium',
      confidenceScore: 0.69,
    });
    expect(confidenceOf(0.9, { lowUsd: -5, highUsd: 100 }).confidence).toBe('medium');
    // A quarter of the high end or more keeps the score's label.
    expect(confidenceOf(0.79, { lowUsd: 30, highUsd: 100 })).toEqual({
      confidence: 'high',
      confidenceScore: 0.79,
    });
    // A cost (a fix, a trade-off) is not a saving: its confidence is about something else.
    expect(confidenceOf(0.95, { lowUsd: -40, highUsd: 0 }).confidence).toBe('high');
  });
});
