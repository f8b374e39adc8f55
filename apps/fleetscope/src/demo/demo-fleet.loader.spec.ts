import { demoReportWeek, isoWeek } from './demo-fleet.loader';

describe(demoReportWeek.name, () => {
  it("defect (an empty report early on a Monday): reports the week holding most of the demo's day, not the week of now", () => {
    const mondayAt0004 = Date.parse('2026-12-07T00:04:00Z');
    expect(isoWeek(mondayAt0004)).toBe('2026-W50');
    expect(demoReportWeek(mondayAt0004)).toBe('2026-W49');
    expect(demoReportWeek(Date.parse('2026-12-07T12:01:00Z'))).toBe('2026-W50');
    expect(demoReportWeek(Date.parse('2026-12-09T00:04:00Z'))).toBe('2026-W50');
  });
});
