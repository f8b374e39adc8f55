import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';
import { launchChromium } from '../support/chromium-page';

const SCREENSHOTS = join(__dirname, '..', '..', 'tmp');
const ID = 'aws_lambda~123456789012~us-east-1~orders';

describe('Tune memory on the dashboard', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  // Declared before the stack's hooks so that the browser closes before Fleetscope stops.
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const stack = useLambdaFleetscope([
    { name: 'orders', curve: 'cost-optimum-mid', memoryMb: 2048, invokeDelayMs: 5 },
  ]);

  it('starts a job from the function page, shows its progress, then the job page charts it with the pick marked', async () => {
    await page.goto(`${stack.fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}`);
    await page.getByRole('button', { name: 'Tune memory' }).click();
    await page
      .locator('#tuning-status [data-status="running"], #tuning-status [data-status="succeeded"]')
      .first()
      .waitFor();
    await page.locator('#tuning-status [data-status="succeeded"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#tuning-status').innerText()).toMatch(/Pick: 1024 MB x86_64/);
    await page.screenshot({ path: join(SCREENSHOTS, 'tuning-function.png'), fullPage: true });

    await page.getByRole('link', { name: 'job page' }).click();
    await page.waitForURL(/tuning\.html\?id=/);
    await page.locator('#results tbody tr.picked').waitFor();
    expect(await page.locator('#pick').innerText()).toMatch(/^Pick: 1024 MB x86_64\./);
    expect(await page.locator('#results tbody tr.picked').getAttribute('data-memory')).toBe('1024');
    expect(await page.locator('#stats').innerText()).toMatch(
      /Lambda duration tier \(x86_64\)\s+tier 1\s+0 GB-s used this month by account 123456789012/,
    );
    // Read back what chart.js draws (a string: this project compiles without the DOM types).
    const chart = await page.evaluate<{ label: string; xs: number[] }[]>(
      `Chart.getChart(document.getElementById('chart-tuning')).data.datasets.map((d) => ({
        label: d.label,
        xs: d.data.map((p) => p.x),
      }))`,
    );
    expect(chart.map((d) => d.label)).toEqual([
      'Duration x86_64 (ms)',
      'Cost x86_64 ($ per 1M)',
      'Pick: 1024 MB x86_64',
    ]);
    expect(chart[0].xs).toContain(2048);
    expect(chart[2].xs).toEqual([1024]);
    await page.screenshot({ path: join(SCREENSHOTS, 'tuning-job.png'), fullPage: true });

    // Back on the function page, the finished job is shown without starting another.
    await page.goto(`${stack.fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}`);
    await page.locator('#tuning-status [data-status="succeeded"]').waitFor();
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
  });
});
