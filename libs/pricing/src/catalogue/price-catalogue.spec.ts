import { PriceCatalogue } from './price-catalogue';
import type { PriceEntry } from './price.types';

const entry = (over: Partial<PriceEntry>): PriceEntry => ({
  id: 'x',
  meter: 'm',
  region: '*',
  unit: 'request',
  usdPerUnit: 1,
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  sourceUrl: 'https://example.com',
  ...over,
});

describe(PriceCatalogue.name, () => {
  const catalogue = new PriceCatalogue('test', [
    entry({ id: 'old', effectiveTo: '2024-01-01' }),
    entry({ id: 'new', effectiveFrom: '2024-01-01' }),
    entry({ id: 'eu', region: 'eu-west-1', effectiveFrom: '2024-01-01' }),
  ]);
  const before = new Date('2023-06-01T00:00:00Z');
  const after = new Date('2024-06-01T00:00:00Z');

  it('answers each instant and region from the entries in force there, asked again and again', () => {
    for (let round = 0; round < 3; round++) {
      expect(catalogue.find('m', before, 'eu-west-1')?.id).toBe('old');
      expect(catalogue.find('m', after, 'eu-west-1')?.id).toBe('eu');
      expect(catalogue.find('m', after, 'us-east-1')?.id).toBe('new');
      expect(catalogue.find('m', before, 'us-east-1')?.id).toBe('old');
      expect(catalogue.find('other', after, 'us-east-1')).toBeUndefined();
      expect(catalogue.find('m', new Date('2019-01-01T00:00:00Z'), 'us-east-1')).toBeUndefined();
    }
  });
});
