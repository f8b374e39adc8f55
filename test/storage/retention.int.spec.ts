import { applyRetention } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

describe(applyRetention.name, () => {
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  beforeAll(async () => {
    opened = await openTestClickHouse();
  }, 60_000);
  afterAll(async () => {
    await opened.cleanup();
  });

  const options = (aggregateRetentionDays: number) => ({
    database: opened.config.clickhouseDatabase,
    rawRetentionDays: opened.config.rawRetentionDays,
    aggregateRetentionDays,
  });

  it('alters no table when the retention is unchanged, so a restart does not rewrite TTLs', async () => {
    const days = opened.config.aggregateRetentionDays;
    expect(await applyRetention(opened.handle.client, options(days))).toEqual([]);
  });

  it('alters every aggregate table once when the aggregate retention changes, the source-choice tables included', async () => {
    const days = opened.config.aggregateRetentionDays + 7;
    const altered = await applyRetention(opened.handle.client, options(days));
    expect(altered).toEqual(
      expect.arrayContaining([
        'function_minutes',
        'function_five_minutes',
        'function_hours',
        'function_hours_chosen',
        'function_day_sources',
        'function_days',
      ]),
    );
    expect(await applyRetention(opened.handle.client, options(days))).toEqual([]);
  });
});
