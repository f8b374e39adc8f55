import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { lambdaTraceRequest } from './support/otlp-requests';

const DAY_MS = 86_400_000;

/**
 * Every raw table is partitioned by day, and ClickHouse refuses an insert block that touches more
 * than max_partitions_per_insert_block (100) partitions. With FLEETSCOPE_RETENTION_DAYS=0 every
 * time since 2000 is accepted, so one sender's backfill (or the flush of several senders) can span
 * more days than that.
 */
describe('Ingest of a batch spanning more days than one insert may touch', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_RETENTION_DAYS: '0',
      FLEETSCOPE_FLUSH_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function count(service: string): Promise<number> {
    await fleetscope.flush();
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT count() AS n FROM spans WHERE service_name = {service:String}`,
      query_params: { service },
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ n: string | number }>();
    return Number(row.n);
  }

  it('stores a backfill of 150 days of spans and the other senders of its flush, instead of stalling them all', async () => {
    const today = Date.now();
    const backfill = lambdaTraceRequest(
      'backfill-150-days',
      Array.from({ length: 150 }, (_, i) => ({ startMs: today - (i + 1) * DAY_MS })),
    );
    const others = Array.from({ length: 3 }, (_, i) =>
      lambdaTraceRequest(`backfill-neighbour-${i}`, [{}]),
    );
    const answers = await Promise.all(
      [backfill, ...others].map((request) =>
        fetch(`${fleetscope.ingestUrl}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (let i = 0; i < 3; i++) expect(await count(`backfill-neighbour-${i}`)).toBe(1);
    expect(await count('backfill-150-days')).toBe(150);
  });
});
