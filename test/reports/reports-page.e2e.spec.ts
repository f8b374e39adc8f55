import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { isoWeekOf, previousIsoWeek } from '@fleetscope/reports';
import { WeeklyReportsRepository } from '@fleetscope/storage';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { deliver, reportLines } from './support/report-lines';
import { launchChromium } from '../support/chromium-page';

const API_TOKEN = 'reports-e2e-token';
const SCREENSHOTS = join(__dirname, '..', '..', 'tmp');
const DAY_MS = 86_400_000;
const week = previousIsoWeek(isoWeekOf(Date.now() - 7 * DAY_MS));
const PUBLIC_URL = 'https://fleetscope.example';

/**
 * Stores the token as the page's "API token" dialog does (not in the sandboxed report frame, which
 * has no storage at all). Runs in the page; typed by hand, the tests compile without the DOM library.
 */
function storeToken(token: string): void {
  const browser = globalThis as unknown as {
    top: unknown;
    localStorage: { setItem(key: string, value: string): void };
  };
  if (browser.top === globalThis) browser.localStorage.setItem('fleetscope.apiToken', token);
}

/** A Slack-compatible webhook that keeps what it is sent. */
async function startHook(): Promise<{ server: Server; url: string; bodies: { text: string }[] }> {
  const bodies: { text: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      bodies.push(JSON.parse(body) as { text: string });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

describe('Reports page', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  let hook: Awaited<ReturnType<typeof startHook>>;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    hook = await startHook();
    fleetscope = await startFleetscope({
      FLEETSCOPE_API_TOKEN: API_TOKEN,
      FLEETSCOPE_REPORT_WEBHOOK_URL: hook.url,
      FLEETSCOPE_REPORT_BASE_URL: PUBLIC_URL,
    });
    await deliver(fleetscope.ingestUrl, [
      reportLines('checkout', week.fromMs, 2, 10),
      reportLines('checkout', previousIsoWeek(week).fromMs, 2, 5),
    ]);
    await fleetscope.flush();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await context.addInitScript(storeToken, API_TOKEN);
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
    await new Promise<void>((resolve) => (hook ? hook.server.close(() => resolve()) : resolve()));
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

  it('defect: on a phone the report was clipped (its charts stayed 560 px wide); its charts shrink to the frame', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      await context.addInitScript(storeToken, API_TOKEN);
      const phone = await context.newPage();
      phone.setDefaultTimeout(10_000);
      await phone.goto(`${fleetscope.apiUrl}/reports.html?week=${week.label}`);
      const frame = phone.frameLocator('#report-frame');
      await frame.getByText(`Weekly cost report ${week.label}`).waitFor();
      const box = (await phone.locator('#report-frame').boundingBox())!;
      const charts = await frame.locator('svg').all();
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        const drawn = (await chart.boundingBox())!;
        expect(drawn.x + drawn.width).toBeLessThanOrEqual(box.x + box.width);
        // Shrunk whole, not cut: its proportions are those of its viewBox.
        const [, , width, height] = (await chart.getAttribute('viewBox'))!.split(' ').map(Number);
        expect(drawn.height / drawn.width).toBeCloseTo(height / width, 1);
      }
    } finally {
      await context.close();
    }
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

  it('opens the week a delivered report links to, after asking for the API token', async () => {
    // An older week than the newest stored one, which the page opens when no week is asked for.
    const older = previousIsoWeek(week);
    const built = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
      body: JSON.stringify({ week: older.label, deliver: true }),
    });
    expect(built.status).toBe(200);
    const link = /https:\/\/fleetscope\.example\S*/.exec(hook.bodies.at(-1)!.text)?.[0];
    expect(link).toBe(`${PUBLIC_URL}/reports.html?week=${older.label}`);

    // A reader who follows the link from the chat: a browser that holds no token yet.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const reader = await context.newPage();
      reader.setDefaultTimeout(10_000);
      const opened = new URL(link!);
      await reader.goto(`${fleetscope.apiUrl}${opened.pathname}${opened.search}`);
      const notice = reader.locator('#notice');
      await notice.getByText('This Fleetscope needs an API token').waitFor();
      await notice.getByRole('button', { name: 'Enter API token' }).click();
      await reader.locator('#api-token').fill(API_TOKEN);
      await reader.getByRole('button', { name: 'Save' }).click();

      const frame = reader.frameLocator('#report-frame');
      await frame.getByText(`Weekly cost report ${older.label}`).waitFor();
      expect(await reader.locator('#report-title').innerText()).toBe(`Report ${older.label}`);
      expect(await reader.locator('#week-input').inputValue()).toBe(older.label);
      await expect(
        reader.locator(`#weeks tbody tr[data-week="${older.label}"]`).getAttribute('class'),
      ).resolves.toContain('selected');
      expect(reader.url()).toBe(`${fleetscope.apiUrl}/reports.html?week=${older.label}`);

      // A week not built yet: said so, with the form ready to build it.
      await reader.goto(`${fleetscope.apiUrl}/reports.html?week=2020-W01`);
      await notice.getByText('No report for 2020-W01').waitFor();
      expect(await reader.locator('#week-input').inputValue()).toBe('2020-W01');
      expect(await reader.locator('#report-frame').isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('defect: a delivery cut short and still pending read "webhook delivered"; it reads pending, with the attempts so far', async () => {
    const reports = fleetscope.app.get(WeeklyReportsRepository);
    const stored = (await reports.get(week.label))!;
    await reports.save({
      ...stored,
      deliveries: [
        { channel: 'webhook', status: 'pending', attempts: 2, error: null, atMs: Date.now() },
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(storeToken, API_TOKEN);
      const reader = await context.newPage();
      reader.setDefaultTimeout(10_000);
      await reader.goto(`${fleetscope.apiUrl}/reports.html?week=${week.label}`);
      const weekRow = reader.locator(`#weeks tbody tr[data-week="${week.label}"]`);
      await weekRow.waitFor();
      const text = await weekRow.innerText();
      expect(text).toContain('webhook pending (2 attempts so far');
      expect(text).not.toContain('webhook delivered');
    } finally {
      await context.close();
    }
  });
});
