import { DAY_MS } from '../week/iso-week';
import type { DailyUsage } from './report-inputs';
import { dateRuns, sourceGapDays } from './source-gaps';

const FROM = Date.parse('2026-11-16T00:00:00Z');
const ENDED = FROM + 14 * DAY_MS;
const date = (i: number) => new Date(FROM + i * DAY_MS).toISOString().slice(0, 10);

/** A day of records of `functionId` from `source`, `i` days into the two weeks. */
function row(functionId: string, source: string, i: number): DailyUsage {
  return {
    functionId,
    dayStartMs: FROM + i * DAY_MS,
    sources: [source],
    invocations: 10,
    coldStarts: 0,
    memoryMb: 128,
    billedDurationMs: 1000,
    unbilledInitMs: 0,
    initDurationMs: 0,
    provisioned: null,
    snapStart: null,
    podSeconds: 0,
  };
}

const on = (functionId: string, source: string, days: number[]) =>
  days.map((i) => row(functionId, source, i));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const gapDates = (days: DailyUsage[], endedMs = ENDED) =>
  sourceGapDays(days, FROM, endedMs).map((g) => [g.source, date((g.dayStartMs - FROM) / DAY_MS)]);

describe(sourceGapDays.name, () => {
  it('counts a source that stopped in the week before as missing on every day since, both weeks', () => {
    const gaps = gapDates(on('checkout', 'lambda_log', range(0, 4)));
    expect(gaps).toEqual(range(4, 14).map((i) => ['lambda_log', date(i)]));
  });

  it('counts an outage in the middle of the week, and not the days after the source resumed', () => {
    const gaps = gapDates(on('checkout', 'lambda_log', [...range(0, 9), ...range(11, 14)]));
    expect(gaps).toEqual([
      ['lambda_log', date(9)],
      ['lambda_log', date(10)],
    ]);
  });

  it('names the functions of the source that have no records that day, not those another source still delivers', () => {
    const days = [
      ...on('a', 'lambda_log', range(0, 10)),
      ...on('b', 'lambda_log', range(0, 10)),
      ...on('b', 'otel_span', range(10, 14)),
    ];
    const gaps = sourceGapDays(days, FROM, ENDED);
    expect(gaps.map((g) => g.functionIds)).toEqual([['a'], ['a'], ['a'], ['a']]);
  });

  it('sees no gap in a source that sends now and then, or started lately', () => {
    expect(gapDates(on('cron', 'lambda_log', [0, 3, 6, 9, 12]))).toEqual([]);
    expect(gapDates(on('new', 'otel_span', range(10, 14)))).toEqual([]);
  });

  it('does not judge a day that has not ended', () => {
    const days = on('checkout', 'lambda_log', range(0, 12));
    expect(gapDates(days, FROM + 12 * DAY_MS)).toEqual([]);
    expect(gapDates(days, FROM + 13 * DAY_MS)).toEqual([['lambda_log', date(12)]]);
  });
});

describe(dateRuns.name, () => {
  it('writes consecutive days as one run', () => {
    expect(dateRuns(['2026-11-27', '2026-11-28', '2026-11-29', '2026-12-01'])).toBe(
      '2026-11-27 to 2026-11-29, 2026-12-01',
    );
  });
});
