import { type Browser, type Page } from 'playwright-core';
import { functionId, type InvocationRecord } from '@fleetscope/model';
import { isoWeekOf } from '@fleetscope/reports';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { launchChromium } from '../support/chromium-page';

/**
 * What a review of the pages in Chromium found, at a desktop's and a phone's size: each test names
 * the defect it saw. The fleet: a Lambda function with errors, timeouts and cold starts; a Knative
 * function none of whose invocations said whether it started cold; and 24 functions with one cold
 * start each, one in every hour of the last day.
 */
const CHECKOUT = 'aws_lambda~123456789012~eu-west-1~demo-checkout-api-2b373145c4fa2c34';
const KNATIVE = functionId({
  platform: 'knative',
  account: 'demo-cluster',
  region: 'shop',
  name: 'demo-report',
});
const hourly = (hour: number) =>
  `aws_lambda~123456789012~eu-west-1~demo-hourly-${String(hour).padStart(2, '0')}`;
const FUNCTIONS = 2 + 24;
const TOKEN_KEY = 'fleetscope.apiToken';

/** What the tests read in the page, typed by hand: the tests compile without the DOM library. */
interface InPage {
  document: { documentElement: { scrollWidth: number }; getElementById(id: string): unknown };
  innerWidth: number;
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  getComputedStyle(el: unknown): { paddingLeft: string };
  Chart: {
    getChart(el: unknown): {
      data: { datasets: { spanGaps?: boolean; data: (number | null)[] }[] };
      getDatasetMeta(i: number): { data: { options: { radius: number } }[] };
    };
  };
}

jest.setTimeout(120_000);

/** GET /api/recommendations with one timeout-risk fix whose evidence holds very small figures. */
function recommendations() {
  const fix = {
    kind: 'timeout-risk',
    functionId: CHECKOUT,
    function: { id: CHECKOUT, name: 'demo-checkout-api' },
    severity: 'critical',
    title: 'Fix the slow path',
    reason: '1 of 2876 invocations timed out.',
    current: { timeoutMs: 3000 },
    recommended: { timeoutMs: 3000 },
    confidence: 'high',
    confidenceScore: 0.95,
    evidence: {
      tailProbability: 1.865e-18,
      fit: { mu: 6.78, sigma: 0.03752, pValue: 0.00002 },
      sharePerInvocation: 0.25,
    },
    monthlyImpactUsd: 0,
    savingUsd: null,
    savingWords: { saving: null, text: 'nothing a month' },
    basis: null,
    action: null,
    planRole: 'fix',
  };
  const nothing = { lowUsd: 0, highUsd: 0 };
  return {
    run: {
      window: { from: '2026-10-22T14:03:00.000Z', to: '2026-11-05T14:03:00.000Z' },
      finishedAt: '2026-11-05T14:03:00.000Z',
      recommendations: 1,
      catalogueVersion: 'test',
    },
    recommendations: [fix],
    plans: [
      {
        functionId: CHECKOUT,
        function: fix.function,
        fixes: [fix],
        changes: [],
        options: [],
        totalUsd: nothing,
        totalWords: { saving: null, text: 'nothing a month' },
      },
    ],
    totalUsd: nothing,
    totalWords: { saving: null, text: 'nothing a month' },
  };
}

/** GET /api/tuning-jobs/job-1 of a finished job that measured one size. */
const tuningJob = {
  id: 'job-1',
  function: 'demo-checkout-api',
  functionId: CHECKOUT,
  platform: 'aws_lambda',
  status: 'succeeded',
  progress: 1,
  invocationsUsed: 10,
  jobCost: { usd: 0.01 },
  prices: null,
  pick: { memoryMb: 512, architecture: 'x86_64', reason: 'The cheapest.' },
  architectureComparison: null,
  results: [
    {
      memoryMb: 512,
      architecture: 'x86_64',
      measured: true,
      feasible: true,
      invocations: 10,
      meanMs: 100,
      p50Ms: 90,
      p90Ms: 120,
      p99Ms: 150,
      costUsdPerInvocation: 1.7e-6,
    },
  ],
};

describe('What the UI review of the dashboard pages found', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  /** The UTC hour of checkout's one cold start, 3 hours ago: that hour holds two. */
  let checkoutHour: number;
  const problems: string[] = [];

  /** A fresh page of `width` × `height`. */
  async function openPage(width = 1366, height = 768): Promise<void> {
    await page?.context().close();
    page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }

  /** The figures of a chart's data table (chartCard), row by row: its label, then its values. */
  const chartTable = (chartId: string) =>
    page
      .locator(`#${chartId}-data tbody tr`)
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from((row as unknown as { cells: { textContent: string }[] }).cells, (cell) =>
            cell.textContent.trim(),
          ),
        ),
      );

  beforeAll(async () => {
    browser = await launchChromium();
    fleetscope = await startFleetscope();
    const now = Date.now();
    const start = Math.floor(now / 60_000) * 60_000 - 3 * 3_600_000;
    checkoutHour = new Date(start).getUTCHours();
    const invocations: InvocationRecord[] = [];
    // Busy for 10 minutes, idle for an hour, busy again, and once more alone: the duration chart
    // has gaps, and an interval between two of them.
    for (const [i, minute] of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 70, 71, 150].entries()) {
      invocations.push({
        ...lambdaInvocation(CHECKOUT, `checkout-${i}`, start + minute * 60_000),
        name: 'demo-checkout-api-2b373145c4fa2c34',
        durationMs: 120 + i * 10,
        memorySizeMb: 1024,
        maxMemoryUsedMb: 650,
        coldStart: i === 0,
        initType: i === 0 ? 'on-demand' : '',
        initDurationMs: i === 0 ? 250 : null,
        status: i === 3 ? 'error' : i === 4 ? 'timeout' : 'success',
      });
    }
    for (let i = 0; i < 12; i++) {
      invocations.push({
        ...lambdaInvocation(KNATIVE, `knative-${i}`, start + i * 5 * 60_000),
        source: 'otel_span',
        platform: 'knative',
        account: 'demo-cluster',
        region: 'shop',
        name: 'demo-report',
        version: 'demo-report-00001',
        coldStart: null,
        initType: '',
        memorySizeMb: null,
        maxMemoryUsedMb: null,
        runtime: '',
        architecture: '',
      });
    }
    // One an hour over the last 24 hours: each hour of the day once.
    for (let back = 0; back < 24; back++) {
      const at = now - 60_000 - back * 3_600_000;
      invocations.push({
        ...lambdaInvocation(hourly(new Date(at).getUTCHours()), `hourly-${back}`, at),
        coldStart: true,
        initType: 'on-demand',
        initDurationMs: 300,
      });
    }
    await fleetscope.app.get(IngestWriter).write({ invocations });
    await fleetscope.flush();
    const built = await fetch(`${fleetscope.apiUrl}/api/reports/weekly`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ week: isoWeekOf(now).label }),
    });
    expect(built.status).toBeLessThan(300);
  });

  afterEach(() => expect(problems.splice(0)).toEqual([]));

  afterAll(async () => {
    await browser?.close();
    await fleetscope?.stop();
  });

  describe('the API-token dialog', () => {
    const stored = () =>
      page.evaluate(
        (key) => (globalThis as unknown as InPage).localStorage.getItem(key),
        TOKEN_KEY,
      );

    /** Opens the dialog over a page that holds `token`, and types `typed` over it. */
    async function typeToken(token: string, typed: string): Promise<void> {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/reports.html`);
      await page.evaluate(
        ([key, value]) => (globalThis as unknown as InPage).localStorage.setItem(key, value),
        [TOKEN_KEY, token],
      );
      await page.reload();
      await page.locator('#token-button', { hasText: 'API token ✓' }).waitFor();
      await page.locator('#token-button').click();
      await page.locator('#api-token').fill(typed);
    }

    it('defect: Enter in the token field forgot the token (the first submit button was "Forget token"); Enter saves it', async () => {
      await typeToken('old-token', 'new-token');
      await Promise.all([page.waitForEvent('load'), page.locator('#api-token').press('Enter')]);
      expect(await stored()).toBe('new-token');
      expect(await page.locator('#token-button').innerText()).toBe('API token ✓');
    });

    it('forgets the token on its own button only, and keeps it on Cancel', async () => {
      await typeToken('old-token', 'typed-then-cancelled');
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.locator('dialog').isVisible()).toBe(false);
      expect(await stored()).toBe('old-token');

      await page.locator('#token-button').click();
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Forget token' }).click(),
      ]);
      expect(await stored()).toBeNull();
      expect(await page.locator('#token-button').innerText()).toBe('API token');
    });
  });

  describe('the function page of a function whose cold starts are not known', () => {
    it('defect: its cold-starts chart drew a flat 0; it draws no points and says the cold starts are not known', async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(KNATIVE)}`);
      await page.locator('#chart-coldstarts-data tbody tr').first().waitFor({ state: 'attached' });
      expect(await page.locator('#stats').innerText()).toMatch(/Cold starts\s+unknown/);
      const rows = await chartTable('chart-coldstarts');
      expect(rows.length).toBeGreaterThan(0);
      for (const [, coldStarts] of rows) expect(coldStarts).toBe('—');
      const card = page.locator('#chart-coldstarts').locator('xpath=ancestor::section');
      expect(await card.innerText()).toMatch(/not known/);
      // The invocations, whose count is known, are still drawn.
      expect(rows.length).toBe((await chartTable('chart-invocations')).length);
      expect((await chartTable('chart-invocations')).some(([, n]) => n !== '0')).toBe(true);
    });

    it('still counts the cold starts of a function whose starts are known', async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(CHECKOUT)}`);
      await page.locator('#chart-coldstarts-data tbody tr').first().waitFor({ state: 'attached' });
      const counts = (await chartTable('chart-coldstarts')).map(([, n]) => n);
      expect(counts).toContain('1');
      expect(counts).not.toContain('—');
      const card = page.locator('#chart-coldstarts').locator('xpath=ancestor::section');
      expect(await card.innerText()).not.toMatch(/not known/);
    });
  });

  describe('on a phone (390 × 844)', () => {
    it.each([
      ['/', '#functions tbody tr'],
      ['/coldstarts.html', '#charts canvas'],
      ['/recommendations.html', '#controls fieldset'],
      ['/reports.html', '#report-frame'],
      [`/function.html?id=${encodeURIComponent(CHECKOUT)}`, '#charts canvas'],
    ])(
      'defect: %s was 635 px wide (top bar, chart cards, the Kind control); it fits the screen',
      async (path, drawn) => {
        await openPage(390, 844);
        await page.goto(`${fleetscope.apiUrl}${path}`);
        await page.locator(drawn).first().waitFor();
        await page.waitForLoadState('networkidle');
        const { scrollWidth, innerWidth } = await page.evaluate(() => {
          const inPage = globalThis as unknown as InPage;
          return {
            scrollWidth: inPage.document.documentElement.scrollWidth,
            innerWidth: inPage.innerWidth,
          };
        });
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
        // The top bar's last control can be reached without scrolling.
        const token = await page.locator('#token-button').boundingBox();
        expect(token!.x + token!.width).toBeLessThanOrEqual(innerWidth);
      },
    );
  });

  it('defect: the fleet table at 1366 × 768 cut off its Cost column; the column is in view', async () => {
    await openPage(1366, 768);
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#functions tbody tr[data-id]').first().waitFor();
    const cost = await page.locator('#functions thead th').last().boundingBox();
    const wrap = await page.locator('#table-panel .table-wrap').boundingBox();
    expect(await page.locator('#functions thead th').last().innerText()).toMatch(/Cost/);
    expect(cost!.x + cost!.width).toBeLessThanOrEqual(wrap!.x + wrap!.width);
    expect(cost!.x + cost!.width).toBeLessThanOrEqual(1366);
  });

  describe('the cold-start page', () => {
    it('defect: grouped by hour it left out 20:00 to 23:00 (20 bars at most); it shows all 24 hours', async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h&groupBy=hour`);
      await page.locator('#chart-counts-data tbody tr').first().waitFor({ state: 'attached' });
      const hours = (await chartTable('chart-counts')).map(([hour]) => hour);
      expect(hours).toEqual(
        Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`),
      );
      expect(await page.locator('#chart-counts-title').innerText()).not.toMatch(/top/);
    });

    it('draws an hour without invocations in its place, with no cold starts', async () => {
      await openPage();
      // The API lists only the hours with invocations: one made quiet, away from checkout's hour
      // (whichever hour the run's clock puts it in), and the hour after it keeps its one start.
      const quiet = (checkoutHour + 2) % 24;
      const next = (quiet + 1) % 24;
      const label = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
      await page.route('**/api/coldstarts?**', async (route) => {
        const answer = await route.fetch();
        const body = (await answer.json()) as { groups: { key: string | number }[] };
        body.groups = body.groups.filter((g) => Number(g.key) !== quiet);
        await route.fulfill({ response: answer, json: body });
      });
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h&groupBy=hour`);
      await page.locator('#chart-counts-data tbody tr').first().waitFor({ state: 'attached' });
      const counts = await chartTable('chart-counts');
      expect(counts).toHaveLength(24);
      expect(counts[quiet]).toEqual([label(quiet), '0', '0']);
      expect(counts[next]).toEqual([label(next), '1', '0']);
      expect((await chartTable('chart-rates'))[quiet]).toEqual([label(quiet), '—']);
    });

    it('defect: other groupings cut to 20 bars without saying so; the titles say "top 20 of N"', async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h&groupBy=function`);
      await page.locator('#groups tbody tr').first().waitFor();
      const groups = await page.locator('#groups tbody tr').count();
      expect(groups).toBe(FUNCTIONS);
      expect((await chartTable('chart-counts')).length).toBe(20);
      for (const chart of ['chart-counts', 'chart-rates', 'chart-init', 'chart-latency'])
        expect(await page.locator(`#${chart}-title`).innerText()).toMatch(
          new RegExp(`top 20 of ${groups}`),
        );
    });
  });

  it('defect: a tiny evidence figure read "0.000000000000000001865"; below 1e-4 it is in scientific notation', async () => {
    await openPage();
    await page.route('**/api/recommendations**', (route) =>
      route.fulfill({ json: recommendations() }),
    );
    await page.goto(`${fleetscope.apiUrl}/recommendations.html`);
    const evidence = page.locator('#recs details.evidence');
    await evidence.locator('summary').click();
    const text = await evidence.locator('dl').innerText();
    expect(text).toMatch(/tail probability\s+1\.865e-18/);
    expect(text).toMatch(/fit\s+mu 6\.78; sigma 0\.03752; p value 2e-5/);
    expect(text).toMatch(/share per invocation\s+0\.25/);
    expect(text).not.toMatch(/0\.0000/);
  });

  describe('smaller defects', () => {
    it('defect: the memory-tuning and what-if panels had their text against their border; they are padded', async () => {
      await openPage();
      const padding = (selector: string) =>
        page
          .locator(selector)
          .evaluate((el) => (globalThis as unknown as InPage).getComputedStyle(el).paddingLeft);
      await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(CHECKOUT)}`);
      expect(parseFloat(await padding('.tuning-panel'))).toBeGreaterThan(0);
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html`);
      expect(parseFloat(await padding('#whatif-panel'))).toBeGreaterThan(0);
    });

    it('defect: the tuning table\'s header said "Cost / invocation" over figures per million; it says "Cost / 1M invocations"', async () => {
      await openPage();
      await page.route('**/api/tuning-jobs/job-1', (route) => route.fulfill({ json: tuningJob }));
      await page.goto(`${fleetscope.apiUrl}/tuning.html?id=job-1`);
      await page.locator('#results tbody tr').first().waitFor();
      const head = await page.locator('#results thead').innerText();
      expect(head).toContain('Cost / 1M invocations');
      expect(head).not.toContain('Cost / invocation');
      expect(await page.locator('#results tbody tr td').nth(7).innerText()).toBe('$1.70 / M');
    });

    it('defect: the duration chart joined its lines across idle intervals; idle time is a gap', async () => {
      await openPage();
      await page.goto(
        `${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(CHECKOUT)}&range=24h`,
      );
      await page.locator('#chart-duration-data tbody tr').first().waitFor({ state: 'attached' });
      // The chart has idle intervals between busy ones: the case where spanGaps would join them.
      const p50 = (await chartTable('chart-duration')).map(([, value]) => value);
      const busy = p50.flatMap((v, i) => (v === '—' ? [] : [i]));
      expect(p50.slice(busy[0], busy.at(-1)).some((v) => v === '—')).toBe(true);
      const drawn = await page.evaluate(() => {
        const inPage = globalThis as unknown as InPage;
        const chart = inPage.Chart.getChart(inPage.document.getElementById('chart-duration'));
        return chart.data.datasets.map((d, i) => ({
          spanGaps: d.spanGaps ?? false,
          // A figure between two gaps: without a dot of its own it would not be drawn at all.
          alone: d.data.flatMap((v, j) =>
            v !== null && d.data[j - 1] == null && d.data[j + 1] == null
              ? [chart.getDatasetMeta(i).data[j].options.radius]
              : [],
          ),
        }));
      });
      expect(drawn.map((d) => d.spanGaps)).toEqual([false, false, false]);
      for (const { alone } of drawn) {
        expect(alone.length).toBeGreaterThan(0);
        for (const radius of alone) expect(radius).toBeGreaterThan(0);
      }
    });
  });
});
