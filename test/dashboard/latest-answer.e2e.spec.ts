import { type Browser, type Page, type Route } from 'playwright-core';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { launchChromium } from '../support/chromium-page';

const ID = 'aws_lambda~123456789012~eu-west-1~nightly';
const DELAY_MS = 1500;

jest.setTimeout(120_000);

/** Holds back requests that match, as a longer range does on a large fleet. */
function slow(matches: (url: URL) => boolean) {
  return async (route: Route) => {
    if (matches(new URL(route.request().url())))
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
    await route.continue();
  };
}

/** A request for more than a day. */
const longRange = (url: URL) =>
  Number(url.searchParams.get('to')) - Number(url.searchParams.get('from')) > 86_400_000;

describe('The dashboard pages', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  /** Waits until the held-back answer has arrived and had its chance to overwrite the page. */
  const afterTheSlowAnswer = () => page.waitForTimeout(DELAY_MS + 1000);

  /** The page's reads give up after `ms` (fleetscope.js apiTimeoutMs()), set before it loads. */
  const answerTimeout = (ms: number) =>
    page.addInitScript((t) => {
      (globalThis as { fleetscopeApiTimeoutMs?: number }).fleetscopeApiTimeoutMs = t;
    }, ms);

  beforeAll(async () => {
    browser = await launchChromium();
    fleetscope = await startFleetscope();
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;
    await fleetscope.app.get(IngestWriter).write({
      invocations: [0, 1, 5, 30].map((m) => ({
        ...lambdaInvocation(ID, `r${m}`, start + m * 60_000),
        memorySizeMb: 512,
      })),
    });
    await fleetscope.flush();
    const run = await fetch(`${fleetscope.apiUrl}/api/analyses/run`, { method: 'POST' });
    expect(run.status).toBeLessThan(300);
    for (const week of ['2026-W45', '2026-W46']) {
      const built = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ week }),
      });
      expect(built.status).toBeLessThan(300);
    }
  });

  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterEach(async () => {
    await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await fleetscope?.stop();
  });

  it('the fleet overview keeps the range picked last when the one before answers later', async () => {
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#functions tbody tr[data-id]').first().waitFor();
    await page.route('**/api/functions?**', slow(longRange));
    await page.locator('label[for="range-7d"]').click();
    await page.locator('label[for="range-1h"]').click();
    await page.locator('#notice', { hasText: 'No invocations in the last 1 hour' }).waitFor();
    await afterTheSlowAnswer();
    await expect(page.locator('#notice').innerText()).resolves.toMatch(
      /No invocations in the last 1 hour/,
    );
    expect(await page.locator('#table-panel').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('the fleet overview leaves no figures of the range before under an error', async () => {
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#functions tbody tr[data-id]').first().waitFor();
    await page.route('**/api/functions?**', (route) =>
      route.fulfill({ status: 500, json: { message: 'boom' } }),
    );
    await page.locator('label[for="range-7d"]').click();
    await page.locator('#notice.error').waitFor();
    expect(await page.locator('#stats').innerText()).toBe('');
    expect(await page.locator('#table-panel').isHidden()).toBe(true);
    expect(await page.locator('#footnote').innerText()).toBe('');
  });

  it('the fleet overview says the API did not answer in time, instead of loading for ever, and loads again when asked', async () => {
    await answerTimeout(1_000);
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#functions tbody tr[data-id]').first().waitFor();
    // A server that took the request and never answered.
    await page.route('**/api/functions?**', () => undefined);
    await page.locator('label[for="range-7d"]').click();
    await page.locator('#notice.error').waitFor();
    expect(await page.locator('#notice').innerText()).toMatch(
      /The Fleetscope API did not answer within 1 s/,
    );
    expect(await page.locator('#table-panel').isHidden()).toBe(true);
    await page.unroute('**/api/functions?**');
    await page.locator('label[for="range-24h"]').click();
    await page.locator('#functions tbody tr[data-id]').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('waits for an analysis run however long it takes: the answer timeout is for reads', async () => {
    await answerTimeout(500);
    await page.goto(`${fleetscope.apiUrl}/recommendations.html`);
    await page.getByRole('button', { name: 'Run analyses now' }).waitFor();
    // A run that takes longer than the reads' timeout, as one over a large fleet does.
    await page.route('**/api/analyses/run', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Run analyses now' }).click();
    await page.locator('#notice.ok').waitFor();
    expect(await page.locator('#notice').innerText()).toMatch(/Analysed 1 functions/);
    expect(problems).toEqual([]);
  });

  it('the cold-start page keeps the range picked last when the one before answers later', async () => {
    await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h`);
    await page.locator('#groups tbody tr').first().waitFor();
    await page.route('**/api/coldstarts?**', slow(longRange));
    await page.locator('label[for="range-7d"]').click();
    await page.locator('label[for="range-1h"]').click();
    await page.locator('#notice', { hasText: 'No invocations in the last 1 hour' }).waitFor();
    await afterTheSlowAnswer();
    await expect(page.locator('#notice').innerText()).resolves.toMatch(
      /No invocations in the last 1 hour/,
    );
    expect(await page.locator('#table-panel').isHidden()).toBe(true);
    expect(await page.locator('#charts canvas').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the cold-start page keeps the grouping picked last when the one before answers later', async () => {
    await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h`);
    await page.locator('#groups tbody tr').first().waitFor();
    await page.route(
      '**/api/coldstarts?**',
      slow((url) => url.searchParams.get('groupBy') === 'runtime'),
    );
    await page.locator('#group-by').selectOption('runtime');
    await page.locator('#group-by').selectOption('memory');
    await page.locator('#groups thead', { hasText: 'Memory size' }).waitFor();
    await afterTheSlowAnswer();
    expect(await page.locator('#groups thead th').first().innerText()).toBe('Memory size');
    expect(await page.locator('#groups tbody th').first().innerText()).toBe('512 MB');
    expect(problems).toEqual([]);
  });

  it('the cold-start page leaves no figures of the range before under an error', async () => {
    await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h`);
    await page.locator('#groups tbody tr').first().waitFor();
    await page.route('**/api/coldstarts?**', (route) =>
      route.fulfill({ status: 500, json: { message: 'boom' } }),
    );
    await page.locator('label[for="range-7d"]').click();
    await page.locator('#notice.error').waitFor();
    expect(await page.locator('#stats').innerText()).toBe('');
    expect(await page.locator('#charts canvas').count()).toBe(0);
    expect(await page.locator('#table-panel').isHidden()).toBe(true);
    expect(await page.locator('#footnote').innerText()).toBe('');
  });

  it('the function page keeps the range picked last when the one before answers later', async () => {
    await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}&range=24h`);
    await page.locator('#charts canvas').first().waitFor();
    await page.route(`**/api/functions/${encodeURIComponent(ID)}**`, slow(longRange));
    await page.locator('label[for="range-7d"]').click();
    await page.locator('label[for="range-1h"]').click();
    await page.locator('#notice', { hasText: 'in the last 1 hour' }).waitFor();
    await afterTheSlowAnswer();
    await expect(page.locator('#notice').innerText()).resolves.toMatch(/in the last 1 hour/);
    expect(await page.locator('#stats').innerText()).toBe('');
    expect(await page.locator('#charts canvas').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the recommendations page keeps the kind picked last when the one before answers later', async () => {
    await page.goto(`${fleetscope.apiUrl}/recommendations.html?explain=1`);
    await page.locator('#why-not h2').waitFor();
    await page.route(
      '**/api/recommendations?**',
      slow((url) => url.searchParams.get('kind') === 'memory'),
    );
    await page.locator('label[for="kind-memory"]').click();
    await page.locator('label[for="kind-timeout-risk"]').click();
    await page.locator('#why-not dt', { hasText: 'Timeout risk' }).first().waitFor();
    await afterTheSlowAnswer();
    const reasons = await page.locator('#why-not dt').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^Timeout risk: /);
    expect(problems).toEqual([]);
  });

  it('the recommendations page leaves no run, totals or reasons of the load before under an error', async () => {
    await page.goto(`${fleetscope.apiUrl}/recommendations.html?explain=1`);
    await page.locator('#why-not h2').waitFor();
    await page.route('**/api/recommendations**', (route) =>
      route.fulfill({ status: 500, json: { message: 'boom' } }),
    );
    await page.locator('label[for="kind-memory"]').click();
    await page.locator('#notice.error').waitFor();
    expect(await page.locator('#why-not').isHidden()).toBe(true);
    expect(await page.locator('#stats').innerText()).toBe('');
    expect(await page.locator('#run-info').innerText()).not.toMatch(/Latest run finished/);
    expect(await page.locator('#footnote').innerText()).toBe('');
  });

  it('the reports page shows the week picked last when the one before answers later', async () => {
    await page.goto(`${fleetscope.apiUrl}/reports.html`);
    await page.locator('#report-title', { hasText: 'Report 2026-W46' }).waitFor();
    await page.route(
      '**/api/reports/2026-W45?**',
      slow(() => true),
    );
    await page.locator('#weeks tr[data-week="2026-W45"] button', { hasText: '2026-W45' }).click();
    await page.locator('#weeks tr[data-week="2026-W46"] button', { hasText: '2026-W46' }).click();
    await afterTheSlowAnswer();
    expect(await page.locator('#report-title').innerText()).toBe('Report 2026-W46');
    expect(await page.locator('#weeks tr.selected').getAttribute('data-week')).toBe('2026-W46');
    await expect(page.locator('#report-frame').getAttribute('srcdoc')).resolves.toMatch(/2026-W46/);
    expect(problems).toEqual([]);
  });

  it("the reports page says the API did not answer in time when a report's text never comes", async () => {
    await answerTimeout(1_000);
    await page.goto(`${fleetscope.apiUrl}/reports.html`);
    await page.locator('#report-title', { hasText: 'Report 2026-W46' }).waitFor();
    await page.route('**/api/reports/2026-W45?**', () => undefined);
    await page.locator('#weeks tr[data-week="2026-W45"] button', { hasText: '2026-W45' }).click();
    await page.locator('#notice.error').waitFor();
    expect(await page.locator('#notice').innerText()).toMatch(
      /The Fleetscope API did not answer within 1 s/,
    );
    expect(problems).toEqual([]);
  });
});
