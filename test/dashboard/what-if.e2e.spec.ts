import { type Browser, type Page } from 'playwright-core';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { launchChromium } from '../support/chromium-page';

const ID = 'aws_lambda~123456789012~eu-west-1~nightly';

jest.setTimeout(120_000);

describe('The cold-start page\'s "What if" panel', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const rows = () => page.locator('#whatif tbody tr').count();
  const totals = () => page.locator('#whatif tfoot').innerText();
  const notice = () => page.locator('#whatif-notice').innerText();

  beforeAll(async () => {
    browser = await launchChromium();
    fleetscope = await startFleetscope();
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;
    // Minutes 0, 1, 5 and 30 of a 512 MB function.
    await fleetscope.app.get(IngestWriter).write({
      invocations: [0, 1, 5, 30].map((m) => ({
        ...lambdaInvocation(ID, `r${m}`, start + m * 60_000),
        memorySizeMb: 512,
      })),
    });
    await fleetscope.flush();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await fleetscope?.stop();
  });

  it("shows each policy's cold starts and idle GB-s per function and in total", async () => {
    await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h`);
    await page.locator('#whatif tbody tr').first().waitFor();
    expect(await rows()).toBe(1);
    const head = await page.locator('#whatif thead').innerText();
    for (const p of ['fixed:10m', 'hybrid']) {
      expect(head).toMatch(new RegExp(`${p}: cold starts`));
      expect(head).toMatch(new RegExp(`${p}: idle GB-s`));
      expect(head).toMatch(new RegExp(`${p}: idle \\$`));
    }
    // fixed 10 minutes: cold at minutes 0 and 30; idle 0 + 3 + 10 + 10 minutes at 0.5 GB.
    const cells = await page.locator('#whatif tfoot td').allInnerTexts();
    // Lambda bills no idle sandbox: no dollars.
    expect(cells.slice(0, 3)).toEqual(['2', '690', '—']);
    expect(problems).toEqual([]);
  });

  it('marks the figures of a policy no setting gives, and says why under the table', async () => {
    // Lambda has no keep-alive setting: neither policy is one the function can be set to.
    expect(await page.locator('#whatif tbody td').nth(1).innerText()).toBe('2 †1');
    expect(await page.locator('#whatif-notes').innerText()).toMatch(
      /^†1 fixed:10m: 1 function, hybrid: 1 function\. Lambda has no keep-alive setting/,
    );
    const intro = (await page.locator('#whatif-title + p').innerText()).replace(/\s+/g, ' ');
    expect(intro).toMatch(
      /Knative and OpenFaaS take only a retention period from the last request/,
    );
    expect(intro).toMatch(/Lambda has no keep-alive setting and cannot pre-warm/);
  });

  it('an empty range leaves no rows or totals of the range before', async () => {
    await page.locator('label[for="range-1h"]').click();
    await page.locator('#whatif-notice', { hasText: 'No invocations' }).waitFor();
    expect(await notice()).toMatch(/No invocations in the last 1 hour/);
    expect(await rows()).toBe(0);
    expect(await totals()).toBe('');
  });

  it('a slow answer for an earlier range does not overwrite the answer for the range picked since', async () => {
    // The 7-day replay answers after the 1-hour one, as a longer range does on a large fleet.
    await page.route('**/api/keepalive/replay?**', async (route) => {
      const url = new URL(route.request().url());
      const span = Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
      if (span > 86_400_000) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.locator('label[for="range-7d"]').click();
    await page.locator('label[for="range-1h"]').click();
    await page
      .locator('#whatif-notice', { hasText: 'No invocations in the last 1 hour' })
      .waitFor();
    await page.waitForTimeout(2500);
    expect(await notice()).toMatch(/No invocations in the last 1 hour/);
    expect(await rows()).toBe(0);
    await page.unroute('**/api/keepalive/replay?**');
  });

  it('an API error leaves no rows or totals behind, and names the problem', async () => {
    await page.locator('label[for="range-24h"]').click();
    await page.locator('#whatif tbody tr').first().waitFor();
    await page.fill('#whatif-policies', 'fixed:ten');
    await page.locator('#whatif-form button[type="submit"]').click();
    await page.locator('#whatif-notice', { hasText: 'fixed:ten' }).waitFor();
    expect(await notice()).toMatch(
      /Could not load the data\. 400 Bad Request: policy: expected .*"fixed:ten"/,
    );
    expect(await rows()).toBe(0);
    expect(await totals()).toBe('');
    expect(await page.locator('#whatif-notes').innerText()).toBe('');
    expect(problems).toEqual([]);
  });
});
