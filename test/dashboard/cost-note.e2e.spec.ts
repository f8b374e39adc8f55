import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { withPage } from '../support/chromium-page';

/** A Lambda function in a region whose prices the catalogue has not sourced (ap-southeast-3). */
const JAKARTA = 'aws_lambda~123456789012~ap-southeast-3~jakarta-orders';
const DUBLIN = 'aws_lambda~123456789012~eu-west-1~dublin-orders';

describe('the fleet page shows what a cost note says', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const minute = Math.floor((Date.now() - 3_600_000) / 60_000) * 60;
    await fleetscope.clickhouse.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [JAKARTA, DUBLIN].map((id) => ({
        function_id: id,
        minute,
        version: '1',
        source: 'lambda_log',
        memory_size_mb: 1024,
        invocations: 100,
        duration_sum_ms: 10_000,
        billed_duration_sum_ms: 10_000,
      })),
    });
    // Their architecture known: an unknown one is a note of its own (fleet-cost-unknowns).
    for (const id of [JAKARTA, DUBLIN]) {
      const put = await fetch(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}/config`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ architecture: 'x86_64' }),
        },
      );
      expect(put.status).toBe(200);
    }
  }, 60_000);

  afterAll(() => fleetscope.stop());

  it('defect: a cost priced at another region\'s figure was a bare "$0.00…" with the note in a tooltip touch and keyboard cannot reach; it is marked, and the note is under the table', async () => {
    await withPage(async (page) => {
      await page.goto(`${fleetscope.apiUrl}/?range=24h`);
      const cost = (id: string) =>
        page.locator(`#functions tbody tr[data-id="${id}"] [data-col="costUsd"]`);
      await cost(JAKARTA).waitFor();
      expect(await cost(JAKARTA).innerText()).toMatch(/^\$[\d.]+\*$/);
      expect(await cost(DUBLIN).innerText()).toMatch(/^\$[\d.]+$/);
      expect(await page.locator('#footnote').innerText()).toMatch(
        /\* 1 function: No sourced aws\.lambda\.\S+ price for ap-southeast-3: priced at the us-east-1 figure/,
      );
    });
  }, 30_000);
});
