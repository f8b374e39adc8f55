import { IngestWriter } from '@fleetscope/storage';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { withPage } from '../support/chromium-page';

const ID = 'aws_lambda~123456789012~eu-west-1~checkout';
/** The last whole week has invocations; the week before it has none. */
const current = isoWeekOf(Date.now());
const week = previousIsoWeek(current);

jest.setTimeout(60_000);

describe('The reports list when the week before a report has no data', () => {
  let fleetscope: RunningFleetscope;

  const build = async (name: string) => {
    const answer = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: name }),
    });
    expect(answer.status).toBe(200);
  };

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    await fleetscope.app.get(IngestWriter).write({
      invocations: [0, 1, 2].map((i) => ({
        ...lambdaInvocation(ID, `r${i}`, week.fromMs + 86_400_000 + i * 60_000),
        durationMs: 1000,
        billedDurationMs: 1000,
      })),
    });
    await fleetscope.flush();
    await build(week.label);
    await build(current.label);
  });

  afterAll(() => fleetscope?.stop());

  it('defect: "Previous week" read "$0.00 (+$…)" for a week before with no data at all; it reads "no data"', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/reports.html`);
      const previous = (name: string) =>
        page.locator(`#weeks tbody tr[data-week="${name}"] [data-col="previous"]`);
      await page.locator(`#weeks tbody tr[data-week="${week.label}"]`).waitFor();
      await page.locator(`#weeks [data-col="previous"][aria-busy]`).waitFor({ state: 'detached' });
      expect(await previous(week.label).innerText()).toBe('no data');
      // The week after it has one to compare with: its cost, and the change.
      expect(await previous(current.label).innerText()).toMatch(/^\$[\d.]+ \(−\$[\d.]+\)$/);
    });
  });
});
