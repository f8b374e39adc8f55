import type { FunctionWindowStats } from '../inputs';
import {
  DEFAULT_EVIDENCE_OPTIONS,
  coverageShortfall,
  endedTraffic,
  evidenceShortfall,
  trafficEnded,
} from './evidence.gate';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A window of `days` days ending at `endMs`, with 100 invocations on each listed UTC day. */
function stats(endMs: number, days: number, activeDayStarts: number[]): FunctionWindowStats {
  return {
    windowStartMs: endMs - days * DAY_MS,
    windowEndMs: endMs,
    invocations: 100 * activeDayStarts.length,
    byMemory: [] as FunctionWindowStats['byMemory'],
    daily: activeDayStarts.map((dayStartMs) => ({
      dayStartMs,
      invocations: 100,
      timeouts: 0,
      durationMaxMs: 10,
      p99Ms: 10,
    })),
  } as FunctionWindowStats;
}

describe(evidenceShortfall.name, () => {
  const options = { ...DEFAULT_EVIDENCE_OPTIONS, minWindowDays: 2 };
  const midnight = Date.UTC(2026, 11, 4);

  it('counts a function seen on every whole day of the window as covering it, whatever the time of day the window ends', () => {
    // Evaluated at 22:50: the window's partial first day (22:50 to midnight) had no invocation of
    // a function that runs every two hours, and the next two days had.
    const end = midnight + 22 * HOUR_MS + 50 * 60_000;
    const s = stats(end, 2, [midnight - DAY_MS, midnight]);
    expect(evidenceShortfall(s, options)).toBeNull();
  });

  it('finds a function first seen on the window’s last day too new', () => {
    const end = midnight + 22 * HOUR_MS;
    expect(evidenceShortfall(stats(end, 2, [midnight]), options)).toMatch(
      /First seen 0\.9 days before the window's end; at least 2 days of data are needed/,
    );
  });

  it('forgives no more than the partial first day: a function missing from the first whole day is too new', () => {
    const end = midnight + 2 * HOUR_MS;
    // Window from two days before 02:00; first whole day is midnight − 1 day; seen only from today.
    expect(evidenceShortfall(stats(end, 2, [midnight]), options)).toMatch(
      /First seen 0\.1 days before/,
    );
  });

  describe('from the first hour with invocations (inputs built from storage)', () => {
    const min5 = { ...DEFAULT_EVIDENCE_OPTIONS, minWindowDays: 5 };
    const end = Date.UTC(2026, 11, 6, 14, 26);

    it('finds a function first seen at 23:55, 4.6 days before, too new for 5 days', () => {
      // Found by a review: counted from its first UTC day (12-01 00:00), it read "5.6 days" and
      // passed a 5-day gate with 4.6 days of data (1,000 invocations: gaps of minutes).
      const s = {
        ...stats(
          end,
          14,
          [1, 2, 3, 4, 5, 6].map((d) => Date.UTC(2026, 11, d)),
        ),
        invocations: 1_000,
        firstSeenMs: Date.UTC(2026, 11, 1, 23, 0),
      };
      expect(evidenceShortfall(s, min5)).toMatch(
        /First seen 4\.6 days before the window's end; at least 5 days of data are needed/,
      );
    });

    it('counts a job every two hours first seen 1 h 50 min after the window opened as covering it', () => {
      const s = {
        ...stats(end, 2, [Date.UTC(2026, 11, 4), Date.UTC(2026, 11, 5), Date.UTC(2026, 11, 6)]),
        invocations: 24,
        firstSeenMs: end - 2 * DAY_MS + 110 * 60_000,
      };
      expect(evidenceShortfall(s, { ...options, minInvocations: 10 })).toBeNull();
    });
  });

  describe('traffic that ended before the window did', () => {
    const end = Date.UTC(2026, 11, 6, 12);
    const days = (from: number, count: number, every = 1) =>
      Array.from({ length: count }, (_, i) => Date.UTC(2026, 10, 22) + (from + i * every) * DAY_MS);
    const withLastSeen = (s: FunctionWindowStats, lastSeenMs: number): FunctionWindowStats => ({
      ...s,
      byMemory: [
        {
          memoryMb: 1024,
          invocations: s.invocations,
          durationSumMs: 0,
          durationBuckets: {},
          lastSeenMs,
        },
      ],
    });

    it('advises no saving on the invocations of a function idle for the window’s last 3 days, and names its last invocation', () => {
      // Every day from 11-22 to 12-03 09:41, then nothing.
      const s = withLastSeen(stats(end, 14, days(0, 12)), Date.UTC(2026, 11, 3, 9, 41));
      expect(evidenceShortfall(s, DEFAULT_EVIDENCE_OPTIONS)).toMatch(
        /^No invocations since 2026-12-03 09:41 UTC .*, 3\.1 days before the window's end/,
      );
      expect(endedTraffic(s)?.lastMs).toBe(Date.UTC(2026, 11, 3, 9, 41));
      // Capacity paid for whether invoked or not bills on: its gate lets removing it be advised.
      expect(coverageShortfall(s, DEFAULT_EVIDENCE_OPTIONS)).toBeNull();
    });

    describe('a Mon–Fri function (09:00–18:00 UTC) after a 2-day holiday next to a weekend', () => {
      /** 14 days to `endIso`, invocations on weekdays but `offDays`, the last at 17:59. */
      const businessDays = (endIso: string, offDays: string[]): FunctionWindowStats => {
        const endMs = Date.parse(endIso);
        const active: number[] = [];
        for (let d = Math.floor((endMs - 14 * DAY_MS) / DAY_MS) * DAY_MS; d < endMs; d += DAY_MS) {
          const weekday = new Date(d).getUTCDay();
          const off = offDays.includes(new Date(d).toISOString().slice(0, 10));
          if (weekday >= 1 && weekday <= 5 && !off && d + 9 * HOUR_MS < endMs) active.push(d);
        }
        const last = active[active.length - 1] + 18 * HOUR_MS - 60_000;
        return withLastSeen({ ...stats(endMs, 14, active), invocations: 50_000 }, last);
      };

      it.each([
        [
          'Christmas 2026, Monday Dec 28 05:00',
          '2026-12-28T05:00:00Z',
          ['2026-12-24', '2026-12-25'],
        ],
        [
          'Christmas 2026, Sunday Dec 27 23:59',
          '2026-12-27T23:59:00Z',
          ['2026-12-24', '2026-12-25'],
        ],
        [
          'Thanksgiving 2026, Monday Nov 30 05:00',
          '2026-11-30T05:00:00Z',
          ['2026-11-26', '2026-11-27'],
        ],
        ['Easter 2026, Tuesday Apr 7 05:00', '2026-04-07T05:00:00Z', ['2026-04-03', '2026-04-06']],
      ])('is not stopped: %s, 4.3–4.5 days after its last call', (_, endIso, offDays) => {
        // Its weekends pause it 3 days; a day past that read it as stopped, deleted or renamed.
        const s = businessDays(endIso, offDays);
        expect(trafficEnded(s)).toBeNull();
        expect(evidenceShortfall(s, DEFAULT_EVIDENCE_OPTIONS)).toBeNull();
      });

      it('is stopped once idle for more than twice its weekend: 6.5 days', () => {
        // Last call Tuesday Dec 15, none since (to Tuesday Dec 22 05:00).
        const s = businessDays('2026-12-22T05:00:00Z', [
          '2026-12-16',
          '2026-12-17',
          '2026-12-18',
          '2026-12-21',
        ]);
        expect(trafficEnded(s)).toMatch(/^No invocations since 2026-12-15 17:59 UTC .*, 6\.5 days/);
      });
    });

    it('does not take a month-end batch for stopped: one or two days of traffic say nothing of its pauses', () => {
      // 200,000 calls on 11-24, and a tuning job's on 11-25: 11.5 days idle after.
      const once = withLastSeen(stats(end, 14, days(2, 1)), Date.UTC(2026, 10, 24, 10));
      expect(trafficEnded(once)).toBeNull();
      const withTuning = withLastSeen(stats(end, 14, days(2, 2)), Date.UTC(2026, 10, 25, 10));
      expect(trafficEnded(withTuning)).toBeNull();
    });

    it('reads the last day with invocations where the sizes do not say their last minute', () => {
      expect(evidenceShortfall(stats(end, 14, days(0, 12)), DEFAULT_EVIDENCE_OPTIONS)).toMatch(
        /^No invocations since 2026-12-04 00:00 UTC/,
      );
    });

    it('keeps advising a function invoked once a day, and one whose last run was 1.9 days ago', () => {
      const daily = withLastSeen(stats(end, 14, days(0, 14)), Date.UTC(2026, 11, 5, 13));
      expect(evidenceShortfall(daily, DEFAULT_EVIDENCE_OPTIONS)).toBeNull();
      const paused = withLastSeen(stats(end, 14, days(0, 13)), end - 1.9 * DAY_MS);
      expect(evidenceShortfall(paused, DEFAULT_EVIDENCE_OPTIONS)).toBeNull();
    });

    it('keeps advising a weekly job 6.9 days after its last run: its pauses are a week long', () => {
      const weekly = withLastSeen(
        { ...stats(end, 14, days(0, 2, 7)), invocations: 500 },
        end - 6.9 * DAY_MS,
      );
      expect(evidenceShortfall(weekly, DEFAULT_EVIDENCE_OPTIONS)).toBeNull();
    });
  });
});
