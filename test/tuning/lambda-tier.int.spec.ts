import { LambdaTierReader, monthStartMs } from '@fleetscope/analysis-jobs';
import type { Config } from '@fleetscope/config';
import {
  FunctionConfigRepository,
  FunctionsRepository,
  type ClickHouseHandle,
} from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

const HOUR_MS = 3_600_000;
// Mid-month, so "this month" and "last month" both have room.
const AT_MS = Date.parse('2026-11-20T12:00:00Z');

describe(LambdaTierReader.name, () => {
  let handle: ClickHouseHandle;
  let config: Config;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, config, cleanup } = await openTestClickHouse());
    // 1,000-second invocations at 1,024 MB: 1,000 GB-s each, stored as the collector stores them.
    const store = async (fn: string, atMs: number, invocations: number, architecture: string) =>
      handle.client.command({
        query: `
          INSERT INTO invocations (function_id, source, start_time, request_id, platform, version,
            duration_us, billed_duration_ms, memory_size_mb, cold_start, init_type, status,
            architecture)
          SELECT {fn:String}, 'lambda_log', fromUnixTimestamp64Milli(toInt64({atMs:UInt64} + number)),
            concat({fn:String}, toString(number)), 'aws_lambda', '$LATEST',
            1000000000, 1000000, 1024, 0, 'on-demand', 'ok', {architecture:String}
          FROM numbers({n:UInt64})`,
        query_params: { fn, atMs, n: invocations, architecture },
      });
    const thisMonth = AT_MS - 2 * HOUR_MS;
    await store('aws_lambda~111111111111~us-east-1~a', thisMonth, 30, 'x86_64');
    await store('aws_lambda~111111111111~us-east-1~b', thisMonth, 5, 'x86_64');
    await store('aws_lambda~111111111111~us-east-1~graviton', thisMonth, 7, 'arm64');
    await store('aws_lambda~111111111111~eu-west-1~c', thisMonth, 50, 'x86_64');
    await store('aws_lambda~222222222222~us-east-1~d', thisMonth, 40, 'x86_64');
    // Last month's and after the job started: neither counts.
    await store('aws_lambda~111111111111~us-east-1~a', monthStartMs(AT_MS) - HOUR_MS, 80, 'x86_64');
    await store('aws_lambda~111111111111~us-east-1~a', AT_MS + HOUR_MS, 90, 'x86_64');
    // The arm64 function's architecture comes from the inventory, as the fleet page takes it.
    await new FunctionConfigRepository(handle).upsert('api', [
      { functionId: 'aws_lambda~111111111111~us-east-1~graviton', architecture: 'arm64' },
    ]);
  }, 60_000);
  afterAll(() => cleanup());

  const reader = (grouping: 'account' | 'organization') =>
    new LambdaTierReader(new FunctionsRepository(handle), new FunctionConfigRepository(handle), {
      ...config,
      pricingTierGrouping: grouping,
    });

  it('reads what the account billed this month before the job, in its region and architecture', async () => {
    const position = await reader('account').position(
      'aws_lambda~111111111111~us-east-1~a',
      'us-east-1',
      AT_MS,
    );
    expect(position).toMatchObject({ grouping: 'account', account: '111111111111' });
    expect(position.monthToDateGbSeconds('x86_64')).toBeCloseTo(35_000, 6);
    expect(position.monthToDateGbSeconds('arm64')).toBeCloseTo(7_000, 6);
  });

  it('totals every account of the organization when the tiers are grouped so', async () => {
    const position = await reader('organization').position(
      'aws_lambda~111111111111~us-east-1~a',
      'us-east-1',
      AT_MS,
    );
    expect(position.grouping).toBe('organization');
    expect(position.monthToDateGbSeconds('x86_64')).toBeCloseTo(75_000, 6);
  });
});
