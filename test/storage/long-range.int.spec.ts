import { FunctionsRepository } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

const HOUR = 3600_000;

describe(FunctionsRepository.name, () => {
  it('counts a long range exactly: whole hours from the hourly rows, the ends from the minutes', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const base = Math.floor(Date.now() / HOUR) * HOUR - 5 * 24 * HOUR;
      // One invocation every 10 minutes for 6 hours: 36 in all.
      const values = Array.from({ length: 36 }, (_, i) => ({
        function_id: 'aws_lambda~1~eu-west-1~f',
        source: 'lambda_log',
        start_time: base + i * 10 * 60_000 + 5_000,
        request_id: `r${i}`,
        duration_us: 1000,
        cold_start: 0,
        status: 'success',
      }));
      await handle.client.insert({ table: 'invocations', values, format: 'JSONEachRow' });
      const repository = new FunctionsRepository(handle);
      // From 0:30 into the first hour to 0:30 into the last (5 h): 30 invocations, over 4 days.
      const fromMs = base + 30 * 60_000;
      const toMs = base + 5 * HOUR + 30 * 60_000;
      const short = await repository.totals({ fromMs, toMs });
      expect(short[0].invocations).toBe(30);
      // Ending at 5:30 after 4 days: everything before it, 0:00 to 5:20.
      const long = await repository.totals({ fromMs: fromMs - 4 * 24 * HOUR, toMs });
      expect(long[0].invocations).toBe(33);
      // Starting at 0:30 for 4 days: 0:30 to 5:50.
      const longer = await repository.totals({ fromMs, toMs: toMs + 4 * 24 * HOUR });
      expect(longer[0].invocations).toBe(33);
    } finally {
      await cleanup();
    }
  });
});
