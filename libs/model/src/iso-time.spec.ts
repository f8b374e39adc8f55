import { parseIsoTime } from './iso-time';

describe('parseIsoTime', () => {
  it('reads an offset from -12:00 to +14:00', () => {
    const utc = Date.UTC(2026, 11, 2, 9, 30);
    expect(parseIsoTime('2026-12-02T11:30:00+02:00')).toBe(utc);
    expect(parseIsoTime('2026-12-02T23:30:00+1400')).toBe(utc);
    expect(parseIsoTime('2026-12-01T21:30:00-12:00')).toBe(utc);
  });

  it('refuses offsets no time zone has: beyond ±14:00 or with 60 minutes or more', () => {
    for (const offset of ['+25:00', '-15:00', '+02:75', '+1460'])
      expect(parseIsoTime(`2026-12-02T11:30:00${offset}`)).toBeNaN();
  });
});
