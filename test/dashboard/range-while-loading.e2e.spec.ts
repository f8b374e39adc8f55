import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { withPage } from '../support/chromium-page';

const ID = 'aws_lambda~123456789012~eu-west-1~checkout';

jest.setTimeout(60_000);

describe('The fleet page while the answer for a newly picked range is on its way', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const start = Date.now() - 30 * 60_000;
    await fleetscope.app.get(IngestWriter).write({
      invocations: [0, 1, 2].map((m) => lambdaInvocation(ID, `r${m}`, start + m * 60_000)),
    });
    await fleetscope.flush();
  });

  afterAll(() => fleetscope?.stop());

  it('defect: a sort redrew the 24-hour rows under "last 7 days" with 7-day links; the rows keep the range they are of until the answer comes', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=24h`);
      const caption = page.locator('#functions-caption');
      const link = page.locator(`#functions tbody tr[data-id="${ID}"] a`);
      await link.waitFor();
      expect(await caption.innerText()).toMatch(/last 24 hours/);

      // The 7-day answer is held back, as on a large fleet, until the sort below is done.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/functions?*', async (route) => {
        await held;
        await route.continue();
      });
      await page.locator('label[for="range-7d"]').click();
      await page.locator('#notice', { hasText: 'Loading' }).waitFor();
      await page.locator('button[data-sort="name"]').click();

      expect(await caption.innerText()).toMatch(/last 24 hours/);
      expect(await caption.innerText()).not.toMatch(/7 days/);
      expect(await link.getAttribute('href')).toMatch(/range=24h/);
      // The rows are of the range before: the table says it is being replaced.
      expect(await page.locator('#functions').getAttribute('aria-busy')).toBe('true');

      release();
      await page.locator('#functions-caption', { hasText: 'last 7 days' }).waitFor();
      expect(await link.getAttribute('href')).toMatch(/range=7d/);
      expect(await page.locator('#functions').getAttribute('aria-busy')).toBeNull();
    });
  });
});
