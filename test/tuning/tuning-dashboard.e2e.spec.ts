import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { useLambdaFleetscope } from './support/tuning-fleetscope.fixture';
import { getTuningJob, runTuningJob } from './support/tuning-jobs.client';
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
    // Lambda fails the third call: the job stops mid-batch, the two before it never stored.
    { name: 'broken', curve: 'mixed', failInvokesFrom: 3 },
  ]);

  /** The job page's "Cost of the job" card: its figure and the line under it. */
  async function costCard(): Promise<{ value: string; note: string }> {
    const card = page.locator('#stats .stat', { hasText: 'Cost of the job' });
    const dd = card.locator('dd');
    const note = (await dd.locator('small').count()) ? await dd.locator('small').innerText() : '';
    const whole = await dd.innerText();
    return { value: whole.slice(0, whole.length - note.length).trim(), note };
  }

  /** The figure the page wrote for a cost before it knew of unrecorded calls (its own fmtUsd). */
  const fmtUsd = (usd: number) =>
    page.evaluate<string>(`import('/assets/fleetscope.js').then((m) => m.fmtUsd(${usd}))`);

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
    // Every call stored: the cost is the whole cost, shown as it always was.
    const jobId = new URL(page.url()).searchParams.get('id')!;
    const job = await getTuningJob<JobCost>(stack.fleetscope.apiUrl, jobId);
    expect(job.jobCost.unrecordedInvocations).toBeUndefined();
    expect(await costCard()).toEqual({
      value: await fmtUsd(job.jobCost.usd),
      note: job.prices!.catalogueVersion,
    });
    expect(await page.locator('#stats').innerText()).not.toMatch(/≥|not recorded/);

    // Back on the function page, the finished job is shown without starting another.
    await page.goto(`${stack.fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}`);
    await page.locator('#tuning-status [data-status="succeeded"]').waitFor();
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
  });

  it('shows the cost of a job that stopped mid-batch as a lower bound, with the calls it left out', async () => {
    const job = await runTuningJob<JobCost>(stack.fleetscope.apiUrl, {
      platform: 'aws-lambda',
      function: stack.lambda.arn('broken'),
      memorySizes: [512, 1024],
      mode: 'grid',
      invocationsPerSize: 5,
    });
    expect(job.status).toBe('failed');
    // The two calls that answered and the one Lambda refused: made, never stored, not priced.
    expect(job.jobCost).toMatchObject({ invocations: 0, unrecordedInvocations: 3 });

    await page.goto(`${stack.fleetscope.apiUrl}/tuning.html?id=${encodeURIComponent(job.id)}`);
    await page.locator('#pick .bad').waitFor();
    const usd = await fmtUsd(job.jobCost.usd);
    expect(await costCard()).toEqual({
      value: `≥ ${usd}`,
      note:
        "3 calls not recorded, not in this cost (the job stopped during them; see the function's own logs)" +
        (job.prices ? ` · ${job.prices.catalogueVersion}` : ''),
    });
    expect(await page.locator('#stats').innerText()).toMatch(
      /Invocations\s+0\s+and 3 not recorded/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'tuning-job-unrecorded.png'), fullPage: true });

    // The API's own description of the field says the same.
    const openapi = (await (await fetch(`${stack.fleetscope.apiUrl}/api/docs-json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { description: string }> } }>;
    };
    expect(openapi.paths['/api/tuning-jobs/{id}'].get.responses['200'].description).toMatch(
      /unrecordedInvocations.*lower bound/,
    );
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
  });
});

interface JobCost {
  id: string;
  status: string;
  jobCost: { invocations: number; usd: number; unrecordedInvocations?: number };
  prices: { catalogueVersion: string } | null;
}
