import { type Browser, type Page } from 'playwright-core';
import { savingWords } from '@fleetscope/analysis';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { launchChromium } from '../support/chromium-page';

const API_TOKEN = 'reviewed-wording-token';
const ID = 'aws_lambda~123456789012~eu-west-1~nightly';
const OTHER = 'aws_lambda~123456789012~eu-west-1~hourly';

jest.setTimeout(120_000);

/** A recommendation of GET /api/recommendations whose monthly saving is `lowUsd`..`highUsd`. */
function recommendation(lowUsd: number, highUsd: number) {
  return {
    kind: 'memory',
    functionId: ID,
    function: { id: ID, name: 'nightly' },
    severity: 'info',
    title: 'Lower memory to 512 MB',
    reason: 'Uses 80 MB of 1,024 MB.',
    current: { memoryMb: 1024 },
    recommended: { memoryMb: 512 },
    confidence: 'medium',
    confidenceScore: 0.6,
    evidence: {},
    monthlyImpactUsd: (lowUsd + highUsd) / 2,
    savingUsd: { lowUsd, highUsd },
    // The words the API sends with the range: the server's one rule (the page shows them as is).
    savingWords: savingWords({ lowUsd, highUsd }),
    basis: null,
    action: null,
    planRole: 'change',
  };
}

/** GET /api/recommendations with one plan of one change saving `lowUsd`..`highUsd` a month. */
function recommendations(lowUsd: number, highUsd: number) {
  const change = recommendation(lowUsd, highUsd);
  return {
    run: {
      window: { from: '2026-10-22T14:03:00.000Z', to: '2026-11-05T14:03:00.000Z' },
      finishedAt: '2026-11-05T14:03:00.000Z',
      recommendations: 1,
      catalogueVersion: 'test',
    },
    recommendations: [change],
    plans: [
      {
        functionId: ID,
        function: { id: ID, name: 'nightly' },
        fixes: [],
        changes: [change],
        options: [],
        totalUsd: { lowUsd, highUsd },
        totalWords: savingWords({ lowUsd, highUsd }),
      },
    ],
    totalUsd: { lowUsd, highUsd },
    totalWords: savingWords({ lowUsd, highUsd }),
  };
}

/** GET /api/tuning-jobs/:id of a finished job whose arm64 costs `usdPerMillion` more. */
function tuningJob(usdPerMillion: number) {
  return {
    id: 'job-1',
    function: 'nightly',
    functionId: ID,
    platform: 'aws_lambda',
    status: 'succeeded',
    progress: 1,
    invocationsUsed: 100,
    jobCost: { usd: 0.01 },
    prices: null,
    pick: { memoryMb: 512, architecture: 'arm64', reason: 'The cheapest.' },
    architectureComparison: {
      memoryMb: 512,
      speedRatio: 0.9,
      costDifferenceUsdPerInvocation: usdPerMillion / 1e6,
    },
    results: [],
  };
}

describe('What the dashboard pages say', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  /** A fresh page in New York time with `token` stored, as the token dialog stores it. */
  async function openPage(token = API_TOKEN): Promise<void> {
    await page?.context().close();
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    await context.addInitScript((t) => localStorage.setItem('fleetscope.apiToken', t), token);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }

  beforeAll(async () => {
    browser = await launchChromium();
    fleetscope = await startFleetscope({ FLEETSCOPE_API_TOKEN: API_TOKEN });
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;
    await fleetscope.app.get(IngestWriter).write({
      invocations: [ID, OTHER].flatMap((id) =>
        [0, 1, 5].map((m) => lambdaInvocation(id, `${id}-r${m}`, start + m * 60_000)),
      ),
    });
    await fleetscope.flush();
  });

  afterEach(() => expect(problems.splice(0)).toEqual([]));

  afterAll(async () => {
    await browser?.close();
    await fleetscope?.stop();
  });

  describe('a saving range that crosses zero', () => {
    it('defect: the plan and the headline read "saves $8.50–$12.25"; every place says "between $8.50 more and $12.25 less a month"', async () => {
      await openPage();
      await page.route('**/api/recommendations**', (route) =>
        route.fulfill({ json: recommendations(-8.5, 12.25) }),
      );
      await page.goto(`${fleetscope.apiUrl}/recommendations.html`);
      const plan = page.locator('#recs .plan-total');
      await plan.waitFor();
      const words = 'between $8.50 more and $12.25 less a month';
      expect(await plan.innerText()).toBe(`saves ${words}, done together`);
      expect(await page.locator('#stats').innerText()).toContain(words);
      expect(await page.locator('#recs .rec-impact').innerText()).toBe(`saves ${words}`);
      expect(await page.locator('main').innerText()).not.toMatch(/−\$|-\$/);
    });

    it("defect: the options heading said every option's saving was against Lambda after the memory change above, where a container option measured against today's bill said otherwise in its evidence; each option names its own baseline", async () => {
      await openPage();
      const answer = recommendations(10, 20);
      const option = {
        ...recommendation(700, 720),
        kind: 'containers',
        title: 'Run on fargate-x86_64',
        planRole: 'option',
        evidence: { savingBaseline: 'Lambda today' },
        current: { monthlyUsd: 5170.45 },
        recommended: { monthlyUsd: { scaled: 4459.2, atPeak: 4459.2 } },
      };
      answer.plans[0].options = [option] as never[];
      await page.route('**/api/recommendations**', (route) => route.fulfill({ json: answer }));
      await page.goto(`${fleetscope.apiUrl}/recommendations.html`);
      const options = page.locator('#recs .plan-part.options');
      await options.waitFor();
      const text = await options.innerText();
      expect(text).not.toMatch(/after any memory change above/);
      expect(text).toContain('Saving against: Lambda today.');
      // A nested figure under a key in dollars is in dollars (it read "scaled 4,459").
      expect(text).toMatch(/scaled \$4,459(\.\d+)?; at peak \$4,459/);
    });

    it('says what a plan that costs more costs, never as a saving', async () => {
      await openPage();
      await page.route('**/api/recommendations**', (route) =>
        route.fulfill({ json: recommendations(-3.4, -1.2) }),
      );
      await page.goto(`${fleetscope.apiUrl}/recommendations.html`);
      const plan = page.locator('#recs .plan-total');
      await plan.waitFor();
      expect(await plan.innerText()).toBe('costs $1.20–3.40 more a month, done together');
      expect(await page.locator('#recs .rec-impact').innerText()).toBe(
        'costs $1.20–3.40 more a month',
      );
      expect(await page.locator('#stats').innerText()).toMatch(
        /Monthly cost, done together\s+\$1\.20–3\.40 more a month/,
      );
    });
  });

  it.each([
    [-2.4, 'costs $2.40 per million invocations less'],
    [2.4, 'costs $2.40 per million invocations more'],
    [0, 'costs the same per million invocations'],
  ])(
    'defect: the tuning page said arm64 "costs −$2.40 … more (negative: less)"; at %d $/M it %s',
    async (usdPerMillion, words) => {
      await openPage();
      await page.route('**/api/tuning-jobs/job-1', (route) =>
        route.fulfill({ json: tuningJob(usdPerMillion) }),
      );
      await page.goto(`${fleetscope.apiUrl}/tuning.html?id=job-1`);
      const pick = page.locator('#pick');
      await pick.getByText('arm64 at 512 MB').waitFor();
      expect(await pick.innerText()).toContain(`takes 90 % of the x86_64 duration and ${words}.`);
      expect(await pick.innerText()).not.toMatch(/negative|−/);
    },
  );

  it('defect: the fleet cost left unpriced functions out silently; it says it is the priced functions only', async () => {
    await openPage();
    // The server prices every Lambda function it has a memory size for: one is made unpriced.
    await page.route('**/api/functions?**', async (route) => {
      const answer = await route.fetch();
      const body = (await answer.json()) as { functions: Record<string, unknown>[] };
      for (const f of body.functions.filter((f) => f.id === OTHER)) {
        f.costUsd = null;
        f.costUsdReason = 'memory size unknown: compute not priced';
      }
      await route.fulfill({ response: answer, json: body });
    });
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#functions tbody tr[data-id]').nth(1).waitFor();
    expect(await page.locator('#stats').innerText()).toMatch(
      /Cost\s+\$\S+\s+priced functions only: 1 of 2 \(1 not priced\)/,
    );
  });

  it('defect: a refused token still showed "API token ✓"; the top bar says it was refused', async () => {
    await openPage(`not-${API_TOKEN}`);
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#notice.error', { hasText: 'The API refused the token' }).waitFor();
    expect(await page.locator('#token-button').innerText()).toBe('API token ✗ refused');

    await openPage();
    await page.goto(`${fleetscope.apiUrl}/?range=24h`);
    await page.locator('#functions tbody tr[data-id]').first().waitFor();
    expect(await page.locator('#token-button').innerText()).toBe('API token ✓');
  });

  describe('the function page', () => {
    it('defect: for an id that names no function it said the analysis "found nothing to change for this function"', async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/function.html?id=no-such-function`);
      await page.locator('#notice.error').waitFor();
      const recs = page.locator('#recs-notice');
      await recs.getByText('No recommendations').waitFor();
      expect(await recs.innerText()).toBe(
        'No recommendations: the address does not name a function.',
      );
    });

    it('defect: for a function with no data in the range it said "and no configuration for it"; it says there is no data in this range', async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}&range=1h`);
      const notice = page.locator('#notice', { hasText: 'No data for this function' });
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/^No data for this function in the last 1 hour/);
      expect(await notice.innerText()).not.toMatch(/no configuration for it/);
      await page.locator('#recs-notice', { hasText: 'No analysis has run yet' }).waitFor();
    });

    it("defect: the charts were labelled in the browser's local time; they are in UTC and say so", async () => {
      await openPage();
      await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}`);
      await page.locator('#chart-invocations').waitFor();
      // chart.js's own labels and axis title (the test compiles without the DOM's types).
      const axis = await page.evaluate<{ title: string; labels: string[] }>(`(() => {
        const chart = Chart.getChart(document.getElementById('chart-invocations'));
        return { title: chart.options.scales.x.title.text, labels: chart.data.labels };
      })()`);
      expect(axis.title).toBe('Time (UTC)');
      // 24 hours in 1-hour steps or finer: the last label is this UTC hour (or the one just past).
      const hours = [Date.now() - 3_600_000, Date.now()].map(
        (ms) => `${String(new Date(ms).getUTCHours()).padStart(2, '0')}:`,
      );
      expect(hours.some((hh) => axis.labels.at(-1)!.startsWith(hh))).toBe(true);
    });
  });

  it("defect: the function page's charts had no text alternative; each has its figures as a table", async () => {
    await openPage();
    await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(ID)}`);
    await page.locator('#chart-invocations').waitFor();
    const canvas = page.locator('#chart-invocations');
    expect(await canvas.getAttribute('aria-label')).toMatch(/data table below/);
    const data = page.locator('#chart-invocations-data');
    await page.locator('.chart-card', { has: canvas }).getByText('Data').click();
    const head = await data.locator('thead th').allInnerTexts();
    expect(head).toEqual(['Time (UTC)', 'Invocations', 'Errors', 'Timeouts']);
    // The three invocations three hours ago, in the rows of their interval.
    const invocations = await data.locator('tbody tr td:nth-of-type(1)').allInnerTexts();
    expect(invocations.reduce((sum, v) => sum + Number(v), 0)).toBe(3);
  });

  it('defect: the latest run finished at a local time shown unlabelled; it is UTC and says so', async () => {
    await openPage();
    await page.route('**/api/recommendations**', (route) =>
      route.fulfill({ json: recommendations(1, 2) }),
    );
    await page.goto(`${fleetscope.apiUrl}/recommendations.html`);
    await page.locator('#run-info', { hasText: 'Latest run finished' }).waitFor();
    expect(await page.locator('#run-info').innerText()).toMatch(
      /^Latest run finished 5 Nov, 14:03 UTC over the last 14 days/,
    );
  });
});
