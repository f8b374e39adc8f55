import { buildWeeklyReport } from '../build/weekly-report.builder';
import type { WeekCoverage, WeeklyReport } from '../build/weekly-report';
import { inputs, pricing } from '../testing/known-week.inputs';
import { coverageNote } from './report-text';

const report = buildWeeklyReport(inputs, pricing);

function withCoverage(
  current: Partial<WeekCoverage>,
  previous: Partial<WeekCoverage>,
  complete?: boolean,
): WeeklyReport {
  return {
    ...report,
    ...(complete === undefined ? {} : { complete }),
    coverage: {
      ...report.coverage,
      ...current,
      previousWeek: { ...report.coverage.previousWeek, ...previous },
    },
  };
}

describe(coverageNote.name, () => {
  const full = { status: 'complete', daysWithData: 7 } as const;

  it('says nothing when both weeks of the change are complete', () => {
    expect(coverageNote(withCoverage(full, full))).toBeUndefined();
  });

  it('names each week with gaps and how many of its days have data', () => {
    expect(coverageNote(withCoverage({ status: 'partial', daysWithData: 4 }, full))).toBe(
      'partial data this week, 4 of 7 days',
    );
    expect(
      coverageNote(
        withCoverage({ status: 'partial', daysWithData: 6 }, { daysWithData: 0, status: 'none' }),
      ),
    ).toBe('partial data this week, 6 of 7 days; no data the week before');
  });

  it('leaves the days out when every day has some data but the week is still not complete', () => {
    expect(coverageNote(withCoverage(full, { status: 'partial', daysWithData: 7 }))).toBe(
      'partial data the week before',
    );
  });

  it('names only the week before of a week in progress, which says so itself', () => {
    expect(
      coverageNote(withCoverage({ status: 'partial', daysWithData: 2 }, full, false)),
    ).toBeUndefined();
  });
});
