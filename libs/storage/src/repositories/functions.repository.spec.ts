import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '@fleetscope/config';
import type { ClickHouseHandle } from '../client/clickhouse-client.factory';
import { openAndMigrate } from '../storage.module';
import { functionRanges } from './function-batches';
import { FunctionsRepository } from './functions.repository';

const MONDAY = Date.parse('2026-11-16T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const A = 'aws_lambda~123456789012~us-east-1~a';
const B = 'aws_lambda~123456789012~us-east-1~b';

describe(FunctionsRepository.name, () => {
  let config: Config;
  let handle: ClickHouseHandle;

  beforeAll(async () => {
    config = loadConfig({
      FLEETSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetscope-functions-')),
      CLICKHOUSE_DATABASE: `functions_${process.pid}`,
      CLICKHOUSE_URL: process.env.CLICKHOUSE_URL,
    });
    handle = await openAndMigrate(config);
  });

  afterAll(async () => {
    await handle.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  describe('lambdaMonthGbSecondsAtMost', () => {
    it('is never under the Billed Duration the weekly report bills, whatever the durations stored', async () => {
      // A day-long REPORT: its Duration is stored capped at what duration_us holds (~71.6 min),
      // its Billed Duration whole. A bound of the durations alone read 20 times under the bill,
      // and the fleet page priced an account past the first duration tier at the first tier's
      // price while the weekly report billed it the second's.
      const C = 'aws_lambda~222222222222~us-east-1~long';
      await handle.client.insert({
        table: 'function_minutes',
        format: 'JSONEachRow',
        values: [
          {
            function_id: C,
            minute: Math.floor((MONDAY + 10 * HOUR) / 1000),
            source: 'lambda_log',
            version: '1',
            memory_size_mb: 10_240,
            invocations: 1,
            duration_sum_ms: 4_294_967.295,
            duration_max_ms: 4_294_967.295,
            billed_duration_sum_ms: 86_400_000,
          },
        ],
      });
      const repo = new FunctionsRepository(handle);
      const bound = await repo.lambdaMonthGbSecondsAtMost({
        fromMs: MONDAY,
        toMs: MONDAY + HOUR * 24,
      });
      const account = bound.find((b) => b.accountPrefix === 'aws_lambda~222222222222~us-east-1');
      // 86,400 s at 10 GB.
      expect(account?.gbSeconds).toBeGreaterThanOrEqual(864_000);
    });
  });

  describe('minuteActivity', () => {
    it('counts each minute with invocations once, whatever its sources, with the idle minutes between them and the active minutes per UTC hour', async () => {
      const row = (functionId: string, minuteMs: number, invocations: number, source: string) => ({
        function_id: functionId,
        minute: Math.floor(minuteMs / 1000),
        source,
        version: '1',
        memory_size_mb: 512,
        invocations,
        cold_starts: invocations === 0 ? 1 : 0,
      });
      await handle.client.insert({
        table: 'function_minutes',
        format: 'JSONEachRow',
        values: [
          // A: 00:00 by two sources, 00:01, then 00:05 and 02:00; 00:03 holds a row without invocations.
          row(A, MONDAY, 3, 'lambda_telemetry'),
          row(A, MONDAY, 3, 'otel_span'),
          row(A, MONDAY + MINUTE, 1, 'lambda_telemetry'),
          row(A, MONDAY + 3 * MINUTE, 0, 'openfaas_gateway'),
          row(A, MONDAY + 5 * MINUTE, 2, 'lambda_telemetry'),
          row(A, MONDAY + 2 * HOUR, 1, 'lambda_telemetry'),
          // B: one minute; a minute outside the range.
          row(B, MONDAY + 90 * MINUTE, 4, 'lambda_telemetry'),
          row(B, MONDAY + 5 * HOUR, 4, 'lambda_telemetry'),
        ],
      });
      const repo = new FunctionsRepository(handle);
      const range = { fromMs: MONDAY, toMs: MONDAY + 3 * HOUR };
      const byHour = (counts: Record<number, number>) =>
        Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
      const expected = [
        {
          functionId: A,
          activeMinutes: 4,
          idlePeriods: [0, 3, 114],
          activeByHour: byHour({ 0: 3, 2: 1 }),
          lastMinute: (MONDAY + 2 * HOUR) / MINUTE,
        },
        {
          functionId: B,
          activeMinutes: 1,
          idlePeriods: [],
          activeByHour: byHour({ 1: 1 }),
          lastMinute: (MONDAY + 90 * MINUTE) / MINUTE,
        },
      ];
      const sorted = <T extends { functionId: string }>(rows: T[]) =>
        rows.sort((x, y) => x.functionId.localeCompare(y.functionId));
      expect(sorted(await repo.minuteActivity(range))).toEqual(expected);
      // The same, a batch of functions at a time.
      expect(sorted(await repo.minuteActivity(range, functionRanges([B])))).toEqual(expected);
    });
  });
});
