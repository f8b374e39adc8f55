import { FunctionConfigRepository } from '@fleetscope/storage';
import { openTestClickHouse } from '../support/test-clickhouse';

const A = 'aws_lambda~123456789012~eu-west-1~a';
const B = 'aws_lambda~123456789012~eu-west-1~b';

describe(FunctionConfigRepository.name, () => {
  jest.setTimeout(60_000);
  let opened: Awaited<ReturnType<typeof openTestClickHouse>>;
  beforeAll(async () => {
    opened = await openTestClickHouse();
  });
  afterAll(async () => {
    await opened.cleanup();
  });

  const memory = async (configs: FunctionConfigRepository) =>
    Object.fromEntries(
      [...(await configs.merged()).values()].map((c) => [c.functionId, c.memoryMb]),
    );

  it('keeps the whole inventory between reads only while function_configs is unchanged, however it changes', async () => {
    const client = opened.handle.client;
    const configs = new FunctionConfigRepository(opened.handle);
    await configs.upsert('api', [{ functionId: A, memoryMb: 512 }]);
    const first = await configs.merged();
    expect(await configs.merged()).toBe(first);
    expect(await memory(configs)).toEqual({ [A]: 512 });

    // Through the repository, and around it (another process, an import, a test).
    await configs.upsert('manual', [{ functionId: A, memoryMb: 1024 }]);
    expect(await memory(configs)).toEqual({ [A]: 1024 });
    await client.command({
      query: `INSERT INTO function_configs (function_id, source, memory_mb)
              VALUES ({id:String}, 'api', 256)`,
      query_params: { id: B },
    });
    expect(await memory(configs)).toEqual({ [A]: 1024, [B]: 256 });

    // A mutation, and a merge (same rows in new parts: read again, the same answer).
    await client.command({
      query: `ALTER TABLE function_configs DELETE WHERE source = 'manual'`,
      clickhouse_settings: { mutations_sync: '2' },
    });
    expect(await memory(configs)).toEqual({ [A]: 512, [B]: 256 });
    await client.command({ query: 'OPTIMIZE TABLE function_configs FINAL' });
    expect(await memory(configs)).toEqual({ [A]: 512, [B]: 256 });
    await client.command({ query: 'TRUNCATE TABLE function_configs' });
    expect(await memory(configs)).toEqual({});
  });

  it('reads the functions asked for afresh each time', async () => {
    const configs = new FunctionConfigRepository(opened.handle);
    await configs.upsert('api', [{ functionId: A, memoryMb: 128 }]);
    const first = await configs.merged([A]);
    expect(first.get(A)?.memoryMb).toBe(128);
    expect(await configs.merged([A])).not.toBe(first);
  });

  it('keeps a said 0 of min-scale and provisioned concurrency apart from unknown, over lower sources', async () => {
    const client = opened.handle.client;
    await client.command({ query: 'TRUNCATE TABLE function_configs' });
    const configs = new FunctionConfigRepository(opened.handle);
    await configs.upsert('api', [{ functionId: A, minScale: 2, provisionedConcurrency: 5 }]);
    await configs.upsert('manual', [{ functionId: A, minScale: 0, provisionedConcurrency: 0 }]);
    expect((await configs.merged([A])).get(A)).toMatchObject({
      minScale: 0,
      provisionedConcurrency: 0,
    });

    // One source's 0 replaces what it said before, and stays when a later update leaves it out.
    await configs.upsert('api', [{ functionId: B, minScale: 2 }]);
    await configs.upsert('api', [{ functionId: B, minScale: 0 }]);
    await configs.upsert('api', [{ functionId: B, memoryMb: 256 }]);
    expect((await configs.merged()).get(B)).toMatchObject({ minScale: 0, memoryMb: 256 });

    // Rows written before zero_fields existed: their 0 is unknown, and a lower source's fact shows.
    await client.command({
      query: `INSERT INTO function_configs (function_id, source, min_scale, max_scale)
              VALUES ({id:String}, 'manual', 0, 0), ({id:String}, 'records', 3, 0)`,
      query_params: { id: B },
    });
    expect((await configs.merged([B])).get(B)).toMatchObject({ minScale: 0, maxScale: null });
    await client.command({
      query: `ALTER TABLE function_configs DELETE WHERE function_id = {id:String} AND source = 'api'`,
      query_params: { id: B },
      clickhouse_settings: { mutations_sync: '2' },
    });
    expect((await configs.merged([B])).get(B)).toMatchObject({ minScale: 3, memoryMb: null });
  });
});
