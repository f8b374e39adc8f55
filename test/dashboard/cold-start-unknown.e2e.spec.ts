import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { faasResourceSpans, faasServerSpan } from '../support/otlp-json-spans';
import { post } from '../platform/platform-ingest.helpers';
import { withPage } from '../support/chromium-page';

const PROJECT = 'shop-prod';
const REGION = 'us-central1';
const idOf = (platform: 'gcp_cloud_functions' | 'gcp_cloud_run', name: string) =>
  functionId({ platform, account: PROJECT, region: REGION, name });
/** Cloud Functions: none of its spans says whether it started cold. */
const RESIZE = idOf('gcp_cloud_functions', 'resize');
/** Cloud Run: one span says cold, one warm, two say nothing. */
const CHECKOUT = idOf('gcp_cloud_run', 'checkout');
/** Cloud Run: three spans that say nothing 40 minutes ago, one cold and one warm 10 minutes ago. */
const MIXED = idOf('gcp_cloud_run', 'mixed');

const GCP = { provider: 'gcp', account: PROJECT, region: REGION };
const span = faasServerSpan;
const resourceSpans = (
  platform: string,
  name: string,
  spans: Record<string, unknown>[],
  where = GCP,
) => faasResourceSpans(platform, name, spans, where);

describe('The dashboard pages on functions whose spans do not say whether they started cold', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // Five seconds into a minute ten minutes ago: each group of spans within one minute (the time
    // series' step), however the test's clock falls; a fresh-clone CI run split one across two.
    const minute = Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000;
    const at = (i: number) => minute + 5_000 + i * 1000;
    const answer = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [
        resourceSpans(
          'gcp_cloud_functions',
          'resize',
          [0, 1, 2, 3].map((i) => span(at(i), undefined)),
        ),
        resourceSpans('gcp_cloud_run', 'checkout', [
          span(at(0), true),
          span(at(1), false),
          span(at(2), undefined),
          span(at(3), undefined),
        ]),
        resourceSpans('gcp_cloud_run', 'mixed', [
          span(at(0) - 30 * 60_000, undefined),
          span(at(1) - 30 * 60_000, undefined),
          span(at(2) - 30 * 60_000, undefined),
          span(at(0), true),
          span(at(1), false),
        ]),
      ],
    });
    expect(answer.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: the fleet overview showed 0.0 % for a function none of whose spans carries faas.coldstart; it shows "unknown" and says why', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/`);
      const cell = (id: string) =>
        page.locator(`#functions tbody tr[data-id="${id}"] [data-col="coldStartRate"] span`);
      await cell(RESIZE).waitFor();
      expect(await cell(RESIZE).innerText()).toBe('unknown');
      expect(await cell(RESIZE).getAttribute('title')).toMatch(/faas\.coldstart/);
      // 1 cold of the 2 spans that say; the other 2 are left out, and the title says so.
      expect(await cell(CHECKOUT).innerText()).toBe('50.0 %*');
      expect(await cell(CHECKOUT).getAttribute('title')).toMatch(
        /1 cold starts in the 2 invocations whose start is known; 2 of 4 .*\(spans without faas\.coldstart, FaaS metrics without faas\.coldstarts\)/,
      );
      // The fleet's rate: 1 of the 2 invocations whose start is known, not 1 of 8.
      expect(await page.locator('#stats').innerText()).toContain('50.0 %*');
    });
  });

  it('defect: the cold-start page and the function page showed 0 cold starts, not known to be 0; they show "unknown" too', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html`);
      const cell = (key: string, column: number) =>
        page.locator(`#groups tbody tr[data-key="${key}"] td`).nth(column).innerText();
      await page.locator(`#groups tbody tr[data-key="${RESIZE}"]`).waitFor();
      expect(await cell(RESIZE, 2)).toBe('unknown');
      expect(await cell(RESIZE, 3)).toBe('unknown');
      // 1 cold of the 2 that say: the count of those known.
      expect(await cell(CHECKOUT, 2)).toBe('1');
      expect(await cell(CHECKOUT, 3)).toBe('50.0 %*');
      // Its cold start came from a span, with no init duration: what it added is not known.
      expect(await cell(CHECKOUT, 9)).toBe('unknown');
      expect(await cell(CHECKOUT, 10)).toBe('unknown');
      // No bar, not a bar of 0, for the group whose cold starts are not known.
      const onDemand = async (label: string) =>
        page
          .locator('#chart-counts-data tbody tr')
          .filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) })
          .locator('td')
          .first()
          .textContent();
      expect(await onDemand('resize')).toBe('—');
      expect(await onDemand('checkout')).toBe('1');

      await page.goto(`${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(RESIZE)}`);
      const stats = page.locator('#stats');
      await stats.getByText('Cold starts').waitFor();
      expect(await stats.innerText()).toMatch(/Cold starts\s+unknown\s+unknown/);
      expect(await stats.innerText()).not.toMatch(/Cold starts\s+0/);
    });
  });

  it('defect: the function page drew a 0 in the cold-starts chart for a step none of whose invocations said how it started; the time series gives each step its unknown starts, and the chart leaves the step out', async () => {
    const toMs = Date.now();
    const answer = await fetch(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(MIXED)}/timeseries?from=${toMs - 3_600_000}&to=${toMs}&step=60`,
    );
    const { points } = (await answer.json()) as {
      points: { invocations: number; coldStarts: number; unknownStarts: number }[];
    };
    expect(points.map((p) => [p.invocations, p.coldStarts, p.unknownStarts])).toEqual([
      [3, 0, 3],
      [2, 1, 0],
    ]);

    await withPage(async (page) => {
      await page.goto(
        `${fleetscope.apiUrl}/function.html?id=${encodeURIComponent(MIXED)}&range=1h`,
      );
      await page.locator('#chart-coldstarts-data tbody tr').first().waitFor({ state: 'attached' });
      const table = (chartId: string) =>
        page
          .locator(`#${chartId}-data tbody tr`)
          .evaluateAll((rows) =>
            rows.map((row) =>
              Array.from((row as unknown as { cells: { textContent: string }[] }).cells, (cell) =>
                cell.textContent.trim(),
              ),
            ),
          );
      const invocations = (await table('chart-invocations')).map(([, n]) => n);
      const coldStarts = (await table('chart-coldstarts')).map(([, n]) => n);
      // The minute of three unknown starts is not drawn; the minute of one cold start of two is.
      expect(coldStarts[invocations.indexOf('3')]).toBe('—');
      expect(coldStarts[invocations.indexOf('2')]).toBe('1');
      // Quiet minutes still count 0: nothing started, cold or warm.
      expect(coldStarts.filter((n) => n === '0').length).toBe(
        invocations.filter((n) => n === '0').length,
      );
    });
  });
});

describe('The cold-start page on a fleet none of whose spans say whether they started cold', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    // Five seconds into a minute ten minutes ago: each group of spans within one minute (the time
    // series' step), however the test's clock falls; a fresh-clone CI run split one across two.
    const minute = Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000;
    const at = (i: number) => minute + 5_000 + i * 1000;
    const answer = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [
        resourceSpans(
          'gcp_cloud_functions',
          'resize',
          [0, 1, 2].map((i) => span(at(i), undefined)),
        ),
        resourceSpans(
          'gcp_cloud_run',
          'checkout',
          [0, 1, 2].map((i) => span(at(i), undefined)),
        ),
      ],
    });
    expect(answer.status).toBe(200);
    await fleetscope.flush();
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: the headline read "Cold starts 0" and "On-demand inits 0" where the All row said unknown; it says unknown too', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html`);
      await page.locator(`#groups tbody tr[data-key="${RESIZE}"]`).waitFor();
      const stats = await page.locator('#stats').innerText();
      expect(stats).toMatch(/Cold starts\s+unknown/);
      expect(stats).toMatch(/On-demand inits\s+unknown/);
      expect(stats).not.toMatch(/Cold starts\s+0/);
      expect(stats).not.toMatch(/On-demand inits\s+0/);
    });
  });
});
