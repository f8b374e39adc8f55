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
});
