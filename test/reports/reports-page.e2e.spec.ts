import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { deliver, reportLines } from './support/report-lines';

/**
 * The reports page (/reports.html) in Debian's headless Chromium over a real Fleetscope guarded
 * by an API token: building a week from the form, the list of weeks, the report's e-mail HTML in
 * its sandboxed frame, and a download. A screenshot lands in tmp/ for a person to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const API_TOKEN = 'reports-e2e-token';
const SCREENSHOTS = join(__dirname, '..', '..', 'tmp');
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));

describe('Reports page', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    fleetscope = await startFleetscope({ FLEETSCOPE_API_TOKEN: API_TOKEN });
    await deliver(fleetscope.ingestUrl, [
      reportLines('checkout', week.fromMs, 2, 10),
      reportLines('checkout', previousIsoWeek(week).fromMs, 2, 5),
    ]);
    await fleetscope.flush();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // The token as the page's "API token" dialog stores it (not in the sandboxed report frame,
    // which has no storage at all).
    await context.addInitScript((token) => {
      const browser = globalThis as unknown as {
        top: unknown;
        localStorage: { setItem(key: string, value: string): void };
      };
      if (browser.top === globalThis) browser.localStorage.setItem('fleetscope.apiToken', token);
    }, API_TOKEN);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await fleetscope?.stop();
  });

  it('builds a week from the form, lists it and shows its report', async () => {
    await page.goto(`${fleetscope.apiUrl}/reports.html`);
    await page.locator('#notice').getByText('No report has been built yet').waitFor();
    await page.locator('#week-input').fill(week.label);
    await page.getByRole('button', { name: 'Build report' }).click();

    const row = page.locator(`#weeks tbody tr[data-week="${week.label}"]`);
    await row.waitFor();
    // 10 × 600 s at 10 GB plus one billed second of INIT and 10 requests: $1.00.
    expect(await row.locator('[data-col="cost"]').innerText()).toBe('$1.00');
    expect(await row.locator('[data-col="coverage"]').innerText()).toBe('partial');

    const frame = page.frameLocator('#report-frame');
    await frame.getByText(`Weekly cost report ${week.label}`).waitFor();
    expect(await frame.locator('svg').count()).toBeGreaterThan(0);
    await expect(frame.locator('[data-coverage]').innerText()).resolves.toMatch(
      /^Partial data for/,
    );
    // The e-mail HTML keeps its inline styles in the frame (the page's policy allows them).
    const background = await frame
      .locator('[data-coverage]')
      // Runs in the page; typed by hand, the tests compile without the DOM library.
      .evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
          ).getComputedStyle(el).backgroundColor,
      );
    expect(background).not.toBe('rgba(0, 0, 0, 0)');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-reports.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('downloads a week as FOCUS CSV with the token kept out of the URL', async () => {
    const row = page.locator(`#weeks tbody tr[data-week="${week.label}"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.locator('[data-format="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`fleetscope-${week.label}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toContain('BilledCost');
    expect(csv).not.toContain(API_TOKEN);
    expect(problems).toEqual([]);
  });
});
