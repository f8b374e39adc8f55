import { openTestClickHouse } from '../support/test-clickhouse';

const MiB = 1024 * 1024;

/**
 * The embedded engine's memory settings (clickhouse-client.factory.ts embeddedEngineArgs): they
 * are server settings, passed when chDB starts, so they are read back from the engine itself.
 */
(process.env.CLICKHOUSE_URL ? describe.skip : describe)('embedded engine memory', () => {
  it('runs with the configured bound, merges held to half of it and its caches held small', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const result = await handle.client.query({
        query: `SELECT name, toUInt64(value) AS bytes FROM system.server_settings
                WHERE name IN ('max_server_memory_usage', 'merges_mutations_memory_usage_soft_limit',
                               'mark_cache_size', 'index_mark_cache_size',
                               'compiled_expression_cache_size', 'query_condition_cache_size')
                ORDER BY name`,
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      });
      expect(await result.json()).toEqual([
        { name: 'compiled_expression_cache_size', bytes: 16 * MiB },
        { name: 'index_mark_cache_size', bytes: 32 * MiB },
        { name: 'mark_cache_size', bytes: 32 * MiB },
        { name: 'max_server_memory_usage', bytes: 1024 * MiB },
        { name: 'merges_mutations_memory_usage_soft_limit', bytes: 512 * MiB },
        { name: 'query_condition_cache_size', bytes: 16 * MiB },
      ]);
    } finally {
      await cleanup();
    }
  });
});
