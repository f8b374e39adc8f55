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

  it('returns freed pages beyond 32 MiB and merges every MergeTree table vertically', async () => {
    const { handle, cleanup } = await openTestClickHouse();
    try {
      const read = async (query: string): Promise<unknown> =>
        (await handle.client.query({ query, format: 'JSONEachRow' })).json();
      // 32 MiB of the default 1024 MiB bound: ClickHouse compares dirty pages with a share of it.
      expect(
        await read(`SELECT toFloat64(value) AS ratio FROM system.server_settings
                    WHERE name = 'memory_worker_purge_dirty_pages_threshold_ratio'`),
      ).toEqual([{ ratio: 0.03125 }]);
      // Only the configuration file reaches these: read back from the engine, they prove it was read.
      expect(
        await read(`SELECT name, value FROM system.merge_tree_settings
                    WHERE name IN ('enable_vertical_merge_algorithm', 'vertical_merge_algorithm_min_rows_to_activate')
                    ORDER BY name`),
      ).toEqual([
        { name: 'enable_vertical_merge_algorithm', value: '1' },
        { name: 'vertical_merge_algorithm_min_rows_to_activate', value: '1' },
      ]);
    } finally {
      await cleanup();
    }
  });
});
