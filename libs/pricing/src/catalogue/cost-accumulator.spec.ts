import { splitAcrossTiers } from './cost-accumulator';
import type { PriceEntry } from './price.types';

const tiered: PriceEntry = {
  id: 't',
  meter: 'm',
  region: '*',
  unit: 'GB-second',
  usdPerUnit: 3,
  tiers: [
    { upToUnits: 10, usdPerUnit: 3 },
    { upToUnits: 20, usdPerUnit: 2 },
    { upToUnits: null, usdPerUnit: 1 },
  ],
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  sourceUrl: 'https://example.com',
};

describe(splitAcrossTiers.name, () => {
  it('puts a quantity that fits in one tier there whole, in the first, middle or last tier', () => {
    expect(splitAcrossTiers(tiered, 4, 0)).toEqual([{ quantity: 4, usdPerUnit: 3 }]);
    expect(splitAcrossTiers(tiered, 0.1, 12)).toEqual([{ quantity: 0.1, usdPerUnit: 2 }]);
    expect(splitAcrossTiers(tiered, 5, 10)).toEqual([{ quantity: 5, usdPerUnit: 2 }]);
    expect(splitAcrossTiers(tiered, 1e9, 25)).toEqual([{ quantity: 1e9, usdPerUnit: 1 }]);
    // The quantity as given, not (used + quantity) − used.
    expect(splitAcrossTiers(tiered, 0.1, 3e9)[0].quantity).toBe(0.1);
  });

  it('splits a quantity across the tiers it spans, and gives no part for nothing', () => {
    expect(splitAcrossTiers(tiered, 25, 2)).toEqual([
      { quantity: 8, usdPerUnit: 3 },
      { quantity: 10, usdPerUnit: 2 },
      { quantity: 7, usdPerUnit: 1 },
    ]);
    expect(splitAcrossTiers(tiered, 0, 5)).toEqual([]);
    expect(splitAcrossTiers(tiered, 0, 10)).toEqual([]);
    expect(splitAcrossTiers({ ...tiered, tiers: undefined }, 7, 0)).toEqual([
      { quantity: 7, usdPerUnit: 3 },
    ]);
  });
});
