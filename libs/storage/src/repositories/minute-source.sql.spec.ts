import { rangeParams } from './minute-source.sql';

describe('rangeParams', () => {
  it('keeps the current minute in a range that ends less than a second after it starts', () => {
    // 18:52:00.400: the 18:52 minute has started, so `minute < to` must hold for it.
    const toMs = Date.UTC(2026, 11, 4, 18, 52, 0, 400);
    const params = rangeParams({ fromMs: toMs - 86_400_000, toMs });
    expect(params.to).toBeGreaterThan(Date.UTC(2026, 11, 4, 18, 52) / 1000);
  });

  it('binds whole seconds: a range ending on a second ends there', () => {
    const toMs = Date.UTC(2026, 11, 4, 18, 52, 7);
    expect(rangeParams({ fromMs: toMs - 60_000, toMs }).to).toBe(toMs / 1000);
  });

  it('reads whole hours and five minutes only inside the range', () => {
    const fromMs = Date.UTC(2026, 11, 4, 10, 7);
    const toMs = Date.UTC(2026, 11, 4, 12, 58, 30);
    expect(rangeParams({ fromMs, toMs })).toMatchObject({
      hourFrom: Date.UTC(2026, 11, 4, 11) / 1000,
      hourTo: Date.UTC(2026, 11, 4, 12) / 1000,
      fiveFrom: Date.UTC(2026, 11, 4, 10, 10) / 1000,
      fiveTo: Date.UTC(2026, 11, 4, 12, 55) / 1000,
    });
  });
});
