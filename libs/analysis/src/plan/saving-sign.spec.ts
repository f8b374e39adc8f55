import { savingWords } from './saving-sign';

describe(savingWords.name, () => {
  it.each([
    [0.1, 0.5, true, '$0.10–0.50 a month'],
    [-8.5, 12.25, true, 'between $8.50 more and $12.25 less a month'],
    [0.002, 0.4, true, 'up to $0.40 a month'],
    [-3.4, -1.2, false, '$1.20–3.40 more a month'],
    [-5, 1, false, 'about $2.00 more a month (from $5.00 more to $1.00 less)'],
    [-1, 1, false, 'about $0 more a month (from $1.00 more to $1.00 less)'],
    [0, 0, null, '$0 a month'],
  ])('words %p..%p as saving=%p, "%s"', (lowUsd, highUsd, saving, text) => {
    expect(savingWords({ lowUsd, highUsd })).toEqual({ saving, text });
  });

  it('never writes a minus sign, whichever way the range goes', () => {
    for (const [lowUsd, highUsd] of [
      [-0.004, -0.001],
      [-120.5, -0.2],
      [-0.3, 0.001],
    ])
      expect(savingWords({ lowUsd, highUsd }).text).not.toMatch(/-|−/);
  });
});
