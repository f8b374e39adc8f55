import { buildWeeklyReport } from '../build/weekly-report.builder';
import { inputs, pricing } from '../testing/known-week.inputs';
import { renderHtml } from './html.renderer';

const report = buildWeeklyReport(inputs, pricing);

describe(renderHtml.name, () => {
  it('draws charts that shrink to a narrow screen: no fixed width wider than a phone', () => {
    const svgs = renderHtml(report).match(/<svg [^>]*>/g) ?? [];
    // The daily costs, the cost parts and the movers of the known week.
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg).toMatch(/ style="[^"]*max-width:100%;height:auto/);
      // The drawing keeps its proportions as it shrinks, and its size where there is room.
      expect(svg).toMatch(/ viewBox="0 0 560 \d+"/);
      expect(svg).toMatch(/ width="560"/);
    }
  });
});
