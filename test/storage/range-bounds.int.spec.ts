import { FunctionsRepository } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

/**
 * The README's rule for the aggregate reads: a minute is in [from, to) when it starts there.
 * Found by a review: a `from` with milliseconds was rounded down to its second, so a range from
 * 10:00:00.999 (or from 10:00:00.5 to 10:00:00.6, where no minute starts) took the minute that
 * started at 10:00:00, with its invocations, on every dashboard route.
 */
const MINUTE = 60_000;
const ID = 'aws_lambda~123456789012~eu-west-1~bounds';

describe("a range's minutes: those that start in it", () => {
  jest.setTimeout(60_000);
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  let repo: FunctionsRepository;
  // 10:00 of yesterday, UTC: two minutes of 2 and 3 invocations.
  const ten = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 14 * 3_600_000;

  beforeAll(async () => {
    opened = await openTestClickHouse();
    repo = new FunctionsRepository(opened.handle);
    await opened.handle.client.insert({
      table: 'function_minutes',
      format: 'JSONEachRow',
      values: [
        { function_id: ID, minute: ten / 1000, source: 'lambda_log', invocations: 2 },
        { function_id: ID, minute: (ten + MINUTE) / 1000, source: 'lambda_log', invocations: 3 },
      ],
    });
  });
  afterAll(() => opened.cleanup());

  const invocations = async (fromMs: number, toMs: number) =>
    (await repo.totals({ fromMs, toMs })).reduce((sum, t) => sum + t.invocations, 0);

  it('leaves out the minute that started before a `from` with milliseconds', async () => {
    expect(await invocations(ten + 999, ten + 59_000)).toBe(0);
    expect(await invocations(ten + 500, ten + 600)).toBe(0);
    expect(await invocations(ten + 999, ten + MINUTE + 500)).toBe(3);
  });

  it('takes a minute that starts at `from`, and the one holding `to`', async () => {
    expect(await invocations(ten, ten + 600)).toBe(2);
    expect(await invocations(ten, ten + MINUTE)).toBe(2);
    expect(await invocations(ten, ten + MINUTE + 1)).toBe(5);
  });
});
