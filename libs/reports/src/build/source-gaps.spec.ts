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
  it('counts the days a daily function has no records because its source stopped, to the end of the range', () => {
    const gaps = gapDates(on('checkout', 'lambda_log', range(0, 11)));
    expect(gaps).toEqual(range(11, 14).map((i) => ['lambda_log', date(i)]));
  });

  it('reads a function silent for most of the week before as stopped, not its source', () => {
    // Retired on the Friday of the week before, its source with it (nothing else on lambda_log):
    // the days of that week may be missing, the week after is a function that stopped.
    const history = on('legacy', 'lambda_log', range(-7, 4));
    expect(gapDates(history).map(([, d]) => d)).toEqual(range(4, 8).map(date));
    // Retired on the Thursday of the week before with no week before that to go on.
    const retired = [
      ...on('legacy', 'lambda_log', range(0, 3)),
      ...on('new', 'otel_span', range(3, 14)),
    ];
    expect(gapDates(retired)).toEqual([]);
  });

  it('sees no gap on the days a weekday function never runs, though its source is silent then', () => {
    const days = [
      ...on('batch', 'lambda_log', [...range(0, 5), ...range(7, 12)]),
      ...on('api', 'otel_span', range(0, 14)),
    ];
    expect(gapDates(days)).toEqual([]);
  });

  it('counts a weekday function whose source stopped on a day it runs', () => {
    const days = [
      ...on('batch', 'lambda_log', [...range(0, 5), ...range(7, 9)]),
      ...on('api', 'otel_span', range(0, 14)),
    ];
    expect(gapDates(days)).toEqual(range(9, 12).map((i) => ['lambda_log', date(i)]));
  });

  it('sees no gap on the off days of a job that runs every other day', () => {
    const days = [
      ...on(
        'job',
        'lambda_log',
        range(0, 14).filter((i) => i % 2 === 0),
      ),
      ...on('api', 'otel_span', range(0, 14)),
    ];
    expect(gapDates(days)).toEqual([]);
  });

  it('reads a function that stays silent after its source sends again as stopped, not the source', () => {
    const days = [
      ...on('checkout', 'lambda_log', range(0, 10)),
      ...on('orders', 'lambda_log', [...range(0, 10), ...range(12, 14)]),
    ];
    // lambda_log sent nothing on days 10 and 11; checkout: silent on 12 and 13 while orders came.
    expect(
      sourceGapDays(days, FROM, ENDED).map((g) => [
        date((g.dayStartMs - FROM) / DAY_MS),
        g.functionIds,
      ]),
    ).toEqual([
      [date(10), ['orders']],
      [date(11), ['orders']],
    ]);
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
