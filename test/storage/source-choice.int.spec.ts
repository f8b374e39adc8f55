import { FunctionsRepository } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

const FN = 'aws_lambda~123456789012~eu-west-1~canary';

describe('choosing one source per function-minute', () => {
  it('does not let a precise source that saw part of the traffic hide the rest', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const minute = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
      const row = (source: string, requestId: string, version: string, durationUs: number) => ({
        function_id: FN,
        source,
        start_time: minute + 1_000,
        request_id: requestId,
        version,
        duration_us: durationUs,
        cold_start: 0,
        status: 'success',
      });
      // Version 1 logs only; the Telemetry API extension runs on version 2 (the canary) alone.
      const values = [
        ...Array.from({ length: 9 }, (_, i) => row('lambda_log', `v1-${i}`, '1', 10_000)),
        row('lambda_log', 'v2-0', '2', 20_000),
        row('lambda_telemetry', 'v2-0', '2', 20_000),
      ];
      await handle.client.insert({ table: 'invocations', values, format: 'JSONEachRow' });
      const [totals] = await new FunctionsRepository(handle).totals({
        fromMs: minute - 3600_000,
        toMs: minute + 3600_000,
      });
      expect(totals.invocations).toBe(10);

      // Where both saw everything, the more exact source's figures are used.
      const values2 = ['lambda_log', 'lambda_telemetry'].map((source) => ({
        ...row(source, 'v2-1', '2', source === 'lambda_telemetry' ? 21_000 : 21_500),
        start_time: minute + 3 * 60_000,
      }));
      await handle.client.insert({ table: 'invocations', values: values2, format: 'JSONEachRow' });
      const [later] = await new FunctionsRepository(handle).totals({
        fromMs: minute + 2 * 60_000,
        toMs: minute + 3600_000,
      });
      expect(later).toMatchObject({ invocations: 1, durationMaxMs: 21 });
    } finally {
      await cleanup();
    }
  });
});
