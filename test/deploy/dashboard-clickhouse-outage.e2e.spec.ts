import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import {
  clickHouseOverHttp,
  type ClickHouseOverHttp,
} from '../storage/support/clickhouse-over-http';

/**
 * The dashboard's API while its ClickHouse server (CLICKHOUSE_URL) is away: every read answers
 * 503 with Retry-After and a message naming ClickHouse, where the routes that did not map the
 * error themselves answered a bare 500 "Internal server error".
 */
describe('the dashboard API while ClickHouse is away', () => {
  let clickhouse: ClickHouseOverHttp;
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    clickhouse = await clickHouseOverHttp();
    await clickhouse.start();
    fleetscope = await startFleetscope({
      CLICKHOUSE_URL: clickhouse.url,
      FLEETSCOPE_ANALYSIS_CRON: '0 0 0 1 1 *',
      FLEETSCOPE_REPORT_CRON: '0 0 0 1 1 *',
    });
  }, 120_000);

  afterAll(async () => {
    // Back for the shutdown's flush.
    await clickhouse.start().catch(() => undefined);
    await fleetscope?.stop();
    await clickhouse.dispose();
  }, 60_000);

  it('answers the API before ClickHouse goes away', async () => {
    expect((await fetch(`${fleetscope.apiUrl}/api/functions`)).status).toBe(200);
  });

  it.each(['/api/functions', '/api/recommendations', '/api/coldstarts', '/api/reports'])(
    'GET %s answers 503 naming ClickHouse, with Retry-After',
    async (path) => {
      await clickhouse.stop();
      const response = await fetch(`${fleetscope.apiUrl}${path}`);
      const body = (await response.json()) as { message: string };
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(body.message).toMatch(/^ClickHouse is unavailable, try again later: .*ECONNREFUSED/);
    },
    60_000,
  );

  it('answers other errors as before', async () => {
    const response = await fetch(`${fleetscope.apiUrl}/api/functions/x/nothing-here`);
    expect(response.status).toBe(404);
  });
});
