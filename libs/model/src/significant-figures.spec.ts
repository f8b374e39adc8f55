import { formatSignificant } from './significant-figures';

describe('formatSignificant', () => {
  it('rounds to the significant figures asked, in fixed notation', () => {
    expect(formatSignificant(0.02634, 2)).toBe('0.026');
    expect(formatSignificant(7.849, 2)).toBe('7.8');
    expect(formatSignificant(123.4, 3)).toBe('123');
    expect(formatSignificant(1234, 2)).toBe('1200');
  });

  it('spells out the decimals of a small number instead of an exponent', () => {
    expect(formatSignificant(0.0000000017, 2)).toBe('0.0000000017');
  });

  it('keeps the figures a rounding up to the next power of ten gives', () => {
    expect(formatSignificant(0.00999, 2)).toBe('0.010');
  });
});
