import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page } from 'playwright-core';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { launchChromium } from '../support/chromium-page';

/**
 * The dashboard pages on :8080 in Debian's headless Chromium, over a small known fleet ingested
 * through the collector (CloudWatch Logs subscription deliveries of Lambda REPORT lines) and an
 * inventory PUT by hand. The API is guarded by FLEETSCOPE_API_TOKEN, so the pages must ask for the
 * token and send it as a header. Screenshots of each page land in tmp/ for a person to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const API_TOKEN = 'dashboard-e2e-token';
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const SCREENSHOTS = join(__dirname, '..', '..', 'tmp');

interface FleetFunction {
  name: string;
  invocations: number;
  /** Invocations i with i % coldEvery === 0 start cold with this Init Duration. */
  coldEvery: number;
  initMs: number;
  errors: number;
  durationMs: (i: number) => number;
  memoryMb: number;
  maxUsedMb: (i: number) => number;
  config: Record<string, unknown>;
}

/** The truth the pages must show: 46 Node.js and 20 Python invocations in the last hour. */
const FLEET: FleetFunction[] = [
  {
    name: 'checkout-api',
    invocations: 40,
    coldEvery: 10,
    initMs: 240,
    errors: 2,
    durationMs: (i) => 120 + (i % 5) * 10,
    memoryMb: 512,
    maxUsedMb: (i) => 150 + (i % 31),
    config: { runtime: 'nodejs22.x', architecture: 'x86_64', memoryMb: 512, timeoutMs: 6000 },
  },
  {
    name: 'image-resize',
    invocations: 20,
    coldEvery: 10,
    initMs: 800,
    errors: 0,
    durationMs: (i) => 860 + (i % 4) * 20,
    memoryMb: 1024,
    maxUsedMb: () => 60,
    config: { runtime: 'python3.12', architecture: 'arm64', memoryMb: 1024, timeoutMs: 1000 },
  },
  {
    name: 'nightly-report',
    invocations: 6,
    coldEvery: 6,
    initMs: 500,
    errors: 0,
    durationMs: () => 3000,
    memoryMb: 256,
    maxUsedMb: () => 200,
    config: { runtime: 'nodejs22.x', architecture: 'x86_64', memoryMb: 256, timeoutMs: 30000 },
  },
];

const idOf = (name: string) => `aws_lambda~${ACCOUNT}~${REGION}~${name}`;

/** One DATA_MESSAGE per log stream; each error ends a stream of its own (a sandbox of its own). */
function deliveries(nowMs: number): { awslogs: { data: string } }[] {
  const minute = Math.floor(nowMs / 60_000) * 60_000;
  const out: { awslogs: { data: string } }[] = [];
  for (const fn of FLEET) {
    const streams = new Map<string, { id: string; timestamp: number; message: string }[]>();
    for (let i = 0; i < fn.invocations; i++) {
      const error = i >= fn.invocations - fn.errors;
      const stream = error ? `2026/01/01/[$LATEST]error${i}` : '2026/01/01/[$LATEST]main';
      const duration = fn.durationMs(i);
      // One invocation a minute, ending 10 s into the minute, the newest two minutes ago.
      const timestamp = minute - (fn.invocations - i + 1) * 60_000 + 10_000;
      const requestId = `${fn.name}-${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`;
      const init = i % fn.coldEvery === 0 ? `Init Duration: ${fn.initMs.toFixed(2)} ms\t` : '';
      const outcome = error ? 'Status: error\tError Type: Runtime.Unknown\t' : '';
      const message =
        `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\t` +
        `Billed Duration: ${Math.ceil(duration)} ms\tMemory Size: ${fn.memoryMb} MB\t` +
        `Max Memory Used: ${fn.maxUsedMb(i)} MB\t${init}${outcome}`;
      const events = streams.get(stream) ?? [];
      events.push({ id: `${timestamp}${i}`, timestamp, message });
      streams.set(stream, events);
    }
    for (const [logStream, logEvents] of streams) {
      const message = {
        messageType: 'DATA_MESSAGE',
        owner: ACCOUNT,
        logGroup: `/aws/lambda/${fn.name}`,
        logStream,
        subscriptionFilters: ['fleetscope'],
        logEvents,
      };
      out.push({ awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } });
    }
  }
  return out;
}

interface FunctionRow {
  id: string;
  name: string;
  invocations: number;
  errors: number;
  coldStarts: number;
  durationMs: { p50: number | null; p95: number | null; p99: number | null };
  costUsd: number | null;
}

interface ChartSnapshot {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

/** The labels and datasets of the chart.js instance on a canvas of the page. */
function chartData(page: Page, canvasId: string): Promise<ChartSnapshot> {
  return page.evaluate((id) => {
    // Runs in the page; typed by hand, the tests compile without the DOM library.
    const browser = globalThis as unknown as {
      document: { getElementById(id: string): unknown };
      Chart: { getChart(canvas: unknown): { data: ChartSnapshot } | undefined };
    };
    const chart = browser.Chart.getChart(browser.document.getElementById(id));
    if (!chart) throw new Error(`no chart.js chart on #${id}`);
    return {
      labels: chart.data.labels,
      datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
    };
  }, canvasId);
}

/** Per dataset: its sum and how many points are neither null nor zero. */
function summarise(chart: ChartSnapshot) {
  return {
    labels: chart.labels.length,
    datasets: chart.datasets.map((d) => ({
      label: d.label,
      sum: d.data.reduce<number>((s, v) => s + (v ?? 0), 0),
      points: d.data.filter((v) => v !== null && v !== 0).length,
    })),
  };
}

async function startChromium(): Promise<Browser> {
  try {
    return await launchChromium([
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ]);
  } catch (error) {
    throw new Error(
      `Chromium could not start from ${CHROMIUM} (install it: apt-get install -y chromium): ${String(error)}`,
    );
  }
}

describe('Dashboard pages', () => {
  let fleetscope: RunningFleetscope;
  let browser: Browser;
  let page: Page;
  let api: { functions: FunctionRow[] };
  /** Every URL the browser asked for, and every script error or console error. */
  const requested: string[] = [];
  const problems: string[] = [];

  const authorised = { authorization: `Bearer ${API_TOKEN}` };
  const url = (path: string) => `${fleetscope.apiUrl}${path}`;
  const screenshot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `dashboard-${name}.png`), fullPage: true });
  /** Texts of the cells of one column of the overview, in row order. */
  const column = (col: string) =>
    page.locator(`#functions tbody [data-col="${col}"]`).allInnerTexts();
  const rowCell = (name: string, col: string) =>
    page.locator(`#functions tbody tr[data-id="${idOf(name)}"] [data-col="${col}"]`).innerText();

  beforeAll(async () => {
    browser = await startChromium();
    // The fleet holds one hour: timeout risk needs 10 invocations here (50 by default); every
    // saving stays behind its 14-day evidence gate, which the page explains when asked.
    fleetscope = await startFleetscope({
      FLEETSCOPE_API_TOKEN: API_TOKEN,
      FLEETSCOPE_RECOMMENDATION_MIN_INVOCATIONS: '10',
    });
    for (const body of deliveries(Date.now())) {
      const response = await fetch(
        `${fleetscope.ingestUrl}/ingest/lambda/cloudwatch?region=${REGION}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
      expect(response.status).toBe(200);
    }
    for (const fn of FLEET) {
      const response = await fetch(
        url(`/api/functions/${encodeURIComponent(idOf(fn.name))}/config`),
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...authorised },
          body: JSON.stringify(fn.config),
        },
      );
      expect(response.status).toBe(200);
    }
    await fleetscope.flush();
    const response = await fetch(url('/api/functions'), { headers: authorised });
    api = (await response.json()) as { functions: FunctionRow[] };

    mkdirSync(SCREENSHOTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The 401 before the token is entered is expected; Chromium logs each failed fetch.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await fleetscope?.stop();
  });

  it('ingested the fleet the pages are checked against', () => {
    const byName = new Map(api.functions.map((f) => [f.name, f]));
    for (const fn of FLEET) {
      expect(byName.get(fn.name)).toMatchObject({
        invocations: fn.invocations,
        errors: fn.errors,
        coldStarts: Math.ceil(fn.invocations / fn.coldEvery),
      });
    }
  });

  it('asks for the API token when the API needs one, and keeps it out of URLs', async () => {
    await page.goto(url('/'));
    const notice = page.locator('#notice');
    await notice.getByText('needs an API token').waitFor();
    await screenshot('token-needed');

    await notice.getByRole('button', { name: 'Enter API token' }).click();
    await page.getByRole('textbox', { name: 'Token' }).fill(API_TOKEN);
    await screenshot('token-dialog');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#functions tbody tr').first().waitFor();
    expect(requested.some((u) => u.includes(API_TOKEN))).toBe(false);
  });

  it('lists every function with its numbers on the fleet overview', async () => {
    await page.getByText('1 hour').click();
    await page.waitForURL(/range=1h/);
    await page.locator('#functions tbody tr').nth(2).waitFor();
    // Sorted by invocations, most first.
    expect(await column('name')).toEqual([
      expect.stringContaining('checkout-api'),
      expect.stringContaining('image-resize'),
      expect.stringContaining('nightly-report'),
    ]);
    expect(await column('invocations')).toEqual(['40', '20', '6']);
    expect(await rowCell('checkout-api', 'errors')).toBe('2 (5.0 %)');
    expect(await rowCell('image-resize', 'errors')).toBe('0');
    expect(await column('coldStartRate')).toEqual(['10.0 %', '10.0 %', '16.7 %']);
    expect(await column('memoryMb')).toEqual(['512 MB', '1,024 MB', '256 MB']);
    expect(await rowCell('checkout-api', 'maxMemoryUsedMb')).toBe('180 MB (35.2 %)');
    expect(await rowCell('checkout-api', 'runtime')).toBe('nodejs22.x');
    // Percentiles and cost as the API computed them.
    for (const f of api.functions) {
      const p50 = await rowCell(f.name, 'p50');
      expect(p50).toMatch(/ m?s$/);
      expect(Number(p50.replace(/[^0-9.]/g, '')) * (p50.endsWith(' s') ? 1000 : 1)).toBeCloseTo(
        f.durationMs.p50!,
        -1,
      );
      expect(f.costUsd).not.toBeNull();
      expect(await rowCell(f.name, 'costUsd')).toMatch(/^\$0\.\d+$/);
    }
    expect(await page.locator('#stats').innerText()).toContain('66');
    await screenshot('overview');
  });

  it('sorts the table by any column', async () => {
    await page.getByRole('button', { name: 'p99' }).click();
    expect(await column('name')).toEqual([
      expect.stringContaining('nightly-report'),
      expect.stringContaining('image-resize'),
      expect.stringContaining('checkout-api'),
    ]);
    await page.getByRole('button', { name: 'Function' }).click();
    expect(await page.locator('th[aria-sort]').innerText()).toContain('Function');
    expect(await column('name')).toEqual([
      expect.stringContaining('checkout-api'),
      expect.stringContaining('image-resize'),
      expect.stringContaining('nightly-report'),
    ]);
  });

  it('opens the detail page of a function, whose charts hold its time series', async () => {
    await page.getByRole('link', { name: 'checkout-api' }).click();
    await page.waitForURL(/function\.html\?id=.*checkout-api.*range=1h/);
    await page.locator('#chart-concurrency').waitFor();
    expect(await page.locator('h1').innerText()).toBe('checkout-api');
    expect(await page.locator('#chips').innerText()).toContain('nodejs22.x');

    const charts = {
      canvases: await page.locator('#charts canvas').count(),
      invocations: summarise(await chartData(page, 'chart-invocations')),
      duration: summarise(await chartData(page, 'chart-duration')),
      coldStarts: summarise(await chartData(page, 'chart-coldstarts')),
      concurrency: summarise(await chartData(page, 'chart-concurrency')),
    };
    expect(charts.canvases).toBe(4);
    // One point a minute over the hour: 40 minutes with an invocation each.
    expect(charts.invocations.labels).toBeGreaterThanOrEqual(60);
    expect(charts.invocations.datasets).toEqual([
      { label: 'Invocations', sum: 40, points: 40 },
      { label: 'Errors', sum: 2, points: 2 },
      { label: 'Timeouts', sum: 0, points: 0 },
    ]);
    expect(charts.duration.datasets.map((d) => [d.label, d.points])).toEqual([
      ['p50', 40],
      ['p95', 40],
      ['p99', 40],
    ]);
    expect(charts.coldStarts.datasets[0]).toMatchObject({ sum: 4, points: 4 });
    // Little's law: the busy milliseconds of the hour over one-minute steps.
    const busyMs = Array.from({ length: 40 }, (_, i) => FLEET[0].durationMs(i)).reduce(
      (a, b) => a + b,
    );
    expect(charts.concurrency.datasets[0].sum).toBeCloseTo(busyMs / 60_000, 6);
    await expect(page.locator('#recs-notice').innerText()).resolves.toContain(
      'No analysis has run yet',
    );
    await screenshot('function');
  });

  it('groups cold starts by runtime', async () => {
    await page.getByRole('link', { name: 'Cold starts' }).click();
    await page.locator('#groups tbody tr').first().waitFor();
    await page.getByLabel('Group by').selectOption('runtime');
    await page.locator('#groups tbody tr[data-key="python3.12"]').waitFor();
    const rows: string[][] = [];
    for (const row of await page.locator('#groups tbody tr').all()) {
      rows.push(await row.locator('th, td').allInnerTexts());
    }
    const byRuntime = new Map(rows.map((r) => [r[0], r]));
    // Group, functions, invocations, cold starts, rate, …
    expect(byRuntime.get('nodejs22.x')?.slice(0, 5)).toEqual([
      'nodejs22.x',
      '2',
      '46',
      '5',
      '10.9 %',
    ]);
    expect(byRuntime.get('python3.12')?.slice(0, 5)).toEqual([
      'python3.12',
      '1',
      '20',
      '2',
      '10.0 %',
    ]);
    expect(await page.locator('#groups tfoot').innerText()).toMatch(/All\s+3\s+66\s+7/);

    const counts = await chartData(page, 'chart-counts');
    const bars = { labels: counts.labels, onDemand: counts.datasets[0].data };
    expect(Object.fromEntries(bars.labels.map((l, i) => [l, bars.onDemand[i]]))).toEqual({
      'nodejs22.x': 5,
      'python3.12': 2,
    });
    expect(await page.locator('#charts canvas').count()).toBe(4);
    await screenshot('coldstarts');
  });

  it('runs the analyses and shows their recommendations with evidence and prices', async () => {
    await page.getByRole('link', { name: 'Recommendations' }).click();
    await page.locator('#notice').getByText('No analysis has run yet').waitFor();
    await page.getByRole('button', { name: 'Run analyses now' }).click();
    await page.locator('#notice.ok').getByText('Analysed 3 functions').waitFor();

    const listing = (await (
      await fetch(url('/api/recommendations'), { headers: authorised })
    ).json()) as {
      run: { catalogueVersion: string };
      recommendations: { kind: string; functionId: string; planRole: string }[];
      plans: { functionId: string }[];
    };
    expect(listing.recommendations.length).toBeGreaterThan(0);
    // One plan per function, each recommendation inside its function's plan.
    const plans = page.locator('#recs > li.plan');
    expect(await plans.count()).toBe(listing.plans.length);
    const cards = page.locator('#recs li.rec');
    expect(await cards.count()).toBe(listing.recommendations.length);
    // image-resize's p99 sits at ~90 % of its 1 s timeout: a reliability fix, first on the page.
    const plan = page.locator(`#recs > li.plan[data-function-id="${idOf('image-resize')}"]`);
    const risk = plan.locator('section.fixes li[data-kind="timeout-risk"]');
    await expect(risk.innerText()).resolves.toMatch(
      /Timeout risk[\s\S]*Evidence:[\s\S]*invocations in the 14-day window[\s\S]*Confidence/,
    );
    expect(await page.locator('#recs li.rec').first().getAttribute('data-plan-role')).toBe('fix');
    // A paste-able setting for each tool.
    await expect(risk.locator('figure[data-format="aws-cli"] code').innerText()).resolves.toContain(
      'aws lambda update-function-configuration --function-name image-resize',
    );
    await expect(risk.locator('figure[data-format="sam"] code').innerText()).resolves.toMatch(
      /^Timeout: \d+$/,
    );
    const evidence = risk.locator('details.evidence');
    await evidence.locator('summary').click();
    await expect(evidence.locator('dl').isVisible()).resolves.toBe(true);
    expect(await page.locator('#footnote').innerText()).toContain(listing.run.catalogueVersion);
    await screenshot('recommendations');

    // Why not: checkout-api and nightly-report have an hour of data, not 14 days.
    await page.getByLabel('Why not the others?').check();
    await page.waitForURL(/explain=1/);
    const whyNot = page.locator(`#why-not li[data-function-id="${idOf('checkout-api')}"]`);
    await expect(whyNot.innerText()).resolves.toMatch(
      /Memory: insufficient evidence[\s\S]*at least 14/,
    );
    await screenshot('recommendations-why-not');
    await page.getByLabel('Why not the others?').uncheck();
    await page.locator('#why-not').waitFor({ state: 'hidden' });

    await page.getByText('Timeout risk', { exact: true }).first().click();
    await page.waitForURL(/kind=timeout-risk/);
    await page
      .locator('#recs li.rec:not([data-kind="timeout-risk"])')
      .first()
      .waitFor({ state: 'detached' });
    expect(await cards.count()).toBe(
      listing.recommendations.filter((r) => r.kind === 'timeout-risk').length,
    );
  });

  it('says so when a function has no data or the id is not one', async () => {
    await page.goto(url(`/function.html?id=${encodeURIComponent(idOf('never-invoked'))}`));
    await page
      .locator('#notice')
      .getByText('No data for this function in the last 24 hours')
      .waitFor();
    await screenshot('function-no-data');
    await page.goto(url('/function.html?id=not-an-id'));
    await page.locator('#notice[role="alert"]').getByText('is not a function id').waitFor();
  });

  it('names a function by its decoded name, where its id percent-encodes it', async () => {
    // An Azure function is app/function; ids encode what would split them (function-identity.ts).
    const name = await page.evaluate<string>(
      `import('/assets/fleetscope.js').then((m) => m.functionName('azure_functions~sub~westeurope~shop%2Fcheckout'))`,
    );
    expect(name).toBe('shop/checkout');
  });

  it('loads nothing from outside Fleetscope and raises no script errors', () => {
    expect(requested.filter((u) => !u.startsWith(fleetscope.apiUrl))).toEqual([]);
    expect(requested).toContain(url('/vendor/chart.umd.js'));
    expect(problems).toEqual([]);
  });
});
