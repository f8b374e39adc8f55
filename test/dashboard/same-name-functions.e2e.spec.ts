import { functionId } from '@fleetscope/model';
import { IngestWriter } from '@fleetscope/storage';
import { lambdaInvocation } from '../support/invocation-records';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { withPage } from '../support/chromium-page';

const lambda = (account: string, region: string, name: string) =>
  functionId({ platform: 'aws_lambda', account, region, name });
/** One name in two accounts and, in one account, two regions (prod and staging, as teams do). */
const PROD_US = lambda('111111111111', 'us-east-1', 'checkout');
const PROD_EU = lambda('111111111111', 'eu-west-1', 'checkout');
const STAGING_US = lambda('222222222222', 'us-east-1', 'checkout');
/** A name of its own: nothing to tell apart. */
const RESIZE = lambda('111111111111', 'us-east-1', 'resize');
const IDS = [PROD_US, PROD_EU, STAGING_US, RESIZE];

jest.setTimeout(60_000);

describe('Dashboard rows of functions that share a name across accounts and regions', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const start = Date.now() - 30 * 60_000;
    await fleetscope.app.get(IngestWriter).write({
      invocations: IDS.flatMap((id, i) => {
        const [, account, region, name] = id.split('~');
        return [0, 1, 2 + i].map((m) => ({
          ...lambdaInvocation(id, `${i}-${m}`, start + m * 60_000),
          account,
          region,
          name,
          coldStart: m === 0,
          initDurationMs: m === 0 ? 200 : null,
        }));
      }),
    });
    await fleetscope.flush();
  });

  afterAll(() => fleetscope?.stop());

  /** Whether no two texts are the same. */
  const distinct = (texts: string[]) => new Set(texts).size === texts.length;

  it('defect: the fleet page showed three identical "checkout / aws_lambda · us-east-1 · $LATEST" rows; each says the account and region that tell it apart, its title the full id', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=24h`);
      const name = (id: string) =>
        page.locator(`#functions tbody tr[data-id="${id}"] [data-col="name"] a`);
      await name(RESIZE).waitFor();
      const texts = await Promise.all(IDS.map((id) => name(id).innerText()));
      expect(distinct(texts)).toBe(true);
      expect(texts).toEqual([
        'checkout (111111111111 · us-east-1)',
        'checkout (111111111111 · eu-west-1)',
        'checkout (222222222222 · us-east-1)',
        'resize',
      ]);
      for (const id of IDS) expect(await name(id).getAttribute('title')).toBe(id);
    });
  });

  it('defect: the cold-start table, its charts and the "What if" table read just "checkout" three times; they tell the functions apart', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h`);
      const group = (id: string) => page.locator(`#groups tbody tr[data-key="${id}"] th`);
      await group(RESIZE).waitFor();
      const groups = await Promise.all(IDS.map((id) => group(id).innerText()));
      expect(distinct(groups)).toBe(true);
      expect(groups[0]).toBe('checkout (111111111111 · us-east-1)');
      expect(await group(PROD_EU).locator('a').getAttribute('title')).toBe(PROD_EU);

      const chartLabels = await page.locator('#chart-counts-data tbody th').allTextContents();
      expect(chartLabels.sort()).toEqual([...groups].sort());

      await page.locator('#whatif tbody tr').first().waitFor();
      const whatIf = await page.locator('#whatif tbody tr td:first-child').allInnerTexts();
      expect(whatIf.sort()).toEqual([...groups].sort());
      expect(
        await page.locator('#whatif tbody tr td:first-child a').first().getAttribute('title'),
      ).toMatch(/^aws_lambda~/);
    });
  });

  it('tells the versions of same-named functions apart when grouped by version', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/coldstarts.html?range=24h&groupBy=version`);
      await page.locator('#groups tbody tr').first().waitFor();
      const rows = await page.locator('#groups tbody th').allInnerTexts();
      expect(rows).toHaveLength(4);
      expect(distinct(rows)).toBe(true);
      expect(rows).toContain('checkout (222222222222 · us-east-1) : $LATEST');
    });
  });
});
