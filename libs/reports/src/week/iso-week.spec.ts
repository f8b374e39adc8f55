import { isWeekError, isoWeekOf, parseIsoWeek, previousIsoWeek } from './iso-week';

describe('parseIsoWeek', () => {
  it('places a week on its Monday, with week 1 holding 4 January', () => {
    const w = parseIsoWeek('2026-W48');
    if (isWeekError(w)) throw new Error(w.error);
    expect(new Date(w.fromMs).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(w.toMs).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const first = parseIsoWeek('2021-W01');
    if (isWeekError(first)) throw new Error(first.error);
    expect(new Date(first.fromMs).toISOString()).toBe('2021-01-04T00:00:00.000Z');
  });

  it('names the problem with a bad week', () => {
    expect(parseIsoWeek('2026-48')).toEqual({
      error: expect.stringContaining('expected YYYY-Www'),
    });
    expect(parseIsoWeek('2025-W53')).toEqual({ error: expect.stringContaining('weeks 01 to 52') });
    expect(isWeekError(parseIsoWeek('2020-W53'))).toBe(false);
  });

  it('refuses weeks outside the times Fleetscope stores, naming the bound', () => {
    expect(parseIsoWeek('1999-W52')).toEqual({
      error: 'week: 1999-W52 starts before 2000-01-01, the earliest time Fleetscope stores',
    });
    expect(parseIsoWeek('2106-W06')).toEqual({
      error: 'week: 2106-W06 ends after 2106-02-07, the latest time Fleetscope stores',
    });
    expect(isWeekError(parseIsoWeek('2000-W01'))).toBe(false);
    expect(isWeekError(parseIsoWeek('2106-W04'))).toBe(false);
  });
});

describe('isoWeekOf', () => {
  it('gives the ISO year of the Thursday and the week before across a year end', () => {
    expect(isoWeekOf(Date.parse('2027-01-01T12:00:00Z')).label).toBe('2026-W53');
    expect(isoWeekOf(Date.parse('2024-12-30T00:00:00Z')).label).toBe('2025-W01');
    const w = parseIsoWeek('2026-W01');
    if (isWeekError(w)) throw new Error(w.error);
    expect(previousIsoWeek(w).label).toBe('2025-W52');
  });
});
