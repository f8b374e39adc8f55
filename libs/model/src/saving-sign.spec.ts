import { savesMoney } from './saving-sign';

describe('savesMoney', () => {
  it('is true only for a monthly figure above zero', () => {
    expect(savesMoney(0.01)).toBe(true);
    expect(savesMoney(0)).toBe(false);
    expect(savesMoney(-0.01)).toBe(false);
    expect(savesMoney(Number.NaN)).toBe(false);
  });
});
