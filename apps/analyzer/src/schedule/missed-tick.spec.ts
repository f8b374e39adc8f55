import { lastMissedTick } from './missed-tick';

const at = (iso: string) => Date.parse(iso);

describe(lastMissedTick.name, () => {
  it('is the latest of several ticks missed, once', () => {
    expect(
      lastMissedTick(
        '0 0 3 * * *',
        'UTC',
        at('2026-12-01T03:00:00.100Z'),
        at('2026-12-05T21:00:00Z'),
      ),
    ).toBe(at('2026-12-05T03:00:00Z'));
  });

  it('is undefined when no tick fell since the last run', () => {
    expect(
      lastMissedTick(
        '0 0 6 * * 1',
        'UTC',
        at('2026-11-30T06:00:00.100Z'),
        at('2026-12-05T21:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('counts a tick at now as missed and one at the last run as not', () => {
    const tick = at('2026-11-30T06:00:00Z');
    expect(lastMissedTick('0 0 6 * * 1', 'UTC', tick - 1, tick)).toBe(tick);
    expect(lastMissedTick('0 0 6 * * 1', 'UTC', tick, tick + 1)).toBeUndefined();
  });

  it('reads the cron in its time zone', () => {
    // Monday 06:00 in Berlin (UTC+1 in winter) is 05:00 UTC.
    expect(
      lastMissedTick(
        '0 0 6 * * 1',
        'Europe/Berlin',
        at('2026-11-01T00:00:00Z'),
        at('2026-12-05T21:00:00Z'),
      ),
    ).toBe(at('2026-11-30T05:00:00Z'));
  });

  it('finds the latest tick of a frequent cron missed for a year', () => {
    expect(
      lastMissedTick(
        '* * * * * *',
        'UTC',
        at('2025-12-05T21:00:00Z'),
        at('2026-12-05T21:00:00.500Z'),
      ),
    ).toBe(at('2026-12-05T21:00:00Z'));
  });
});
