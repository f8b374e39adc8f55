import { allHoursSettled, everyDayMixed, minutesRead, rangeParams } from './minute-source.sql';

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

describe(everyDayMixed.name, () => {
  const DAY = 86_400;
  const day = (n: number) => 20_000 * DAY + n * DAY;
  // From the middle of day 0 to the first second of day 2: the range touches days 0, 1 and 2.
  const range = { from: day(0) + 3600, to: day(2) + 1 };

  it('holds when every function with a choice has it on every day the range touches', () => {
    const days = [0, 1, 2].flatMap((n) => [
      { functionId: 'a', day: day(n) },
      { functionId: 'b', day: day(n) },
    ]);
    // The day before the range (read a day early) changes nothing.
    expect(everyDayMixed([...days, { functionId: 'a', day: day(-1) }], range)).toBe(true);
  });

  it('fails when one function misses one of those days', () => {
    const days = [0, 1, 2].map((n) => ({ functionId: 'a', day: day(n) }));
    expect(everyDayMixed([...days, { functionId: 'b', day: day(1) }], range)).toBe(false);
    expect(everyDayMixed(days.slice(1), range)).toBe(false);
  });

  it('ends the range at the day of its last second', () => {
    const days = [0, 1].map((n) => ({ functionId: 'a', day: day(n) }));
    expect(everyDayMixed(days, { from: day(0), to: day(2) })).toBe(true);
  });
});

describe(allHoursSettled.name, () => {
  const DAY = 86_400;
  const day = 20_000 * DAY;
  // From 05:30 on a day to 02:10 two days later: whole hours 06:00 … 02:00.
  const params = rangeParams({
    fromMs: (day + 5.5 * 3600) * 1000,
    toMs: (day + 2 * DAY + 2 * 3600 + 600) * 1000,
  });

  it('holds when each day has a chosen row for every whole hour of the range in it', () => {
    const days = [
      { day: day - DAY, settledHours: 0 },
      { day, settledHours: 18 },
      { day: day + DAY, settledHours: 24 },
      { day: day + 2 * DAY, settledHours: 2 },
    ];
    expect(allHoursSettled(days, params)).toBe(true);
  });

  it('fails when one day misses one of those hours', () => {
    expect(allHoursSettled([{ day, settledHours: 17 }], params)).toBe(false);
    expect(allHoursSettled([{ day: day + 2 * DAY, settledHours: 1 }], params)).toBe(false);
  });

  it('also reads whole days as their 24 hours', () => {
    expect(allHoursSettled([{ day: day + DAY, settledHours: 23 }], params)).toBe(false);
  });
});

describe('minutesRead', () => {
  const t = (h: number, m: number, s = 0, ms = 0) => Date.UTC(2026, 11, 4, h, m, s, ms);

  it('starts at the first minute that starts in the range and ends with the minute holding `to`', () => {
    expect(minutesRead({ fromMs: t(10, 7, 30), toMs: t(12, 58, 0, 400) })).toEqual({
      fromMs: t(10, 8),
      toMs: t(12, 59),
    });
  });

  it('starts after the minute that began before a `from` with milliseconds', () => {
    expect(minutesRead({ fromMs: t(10, 7, 0, 999), toMs: t(10, 7, 59) })).toEqual({
      fromMs: t(10, 8),
      toMs: t(10, 8),
    });
    expect(rangeParams({ fromMs: t(10, 7, 0, 500), toMs: t(10, 9) }).from).toBe(t(10, 7, 1) / 1000);
  });

  it('reads a range of whole minutes as itself', () => {
    expect(minutesRead({ fromMs: t(10, 7), toMs: t(10, 9) })).toEqual({
      fromMs: t(10, 7),
      toMs: t(10, 9),
    });
  });
});
