import type { ClickHouseClient } from '@clickhouse/client';

/** Waits until ClickHouse has no merge running (at most two minutes). */
export async function settleMerges(client: ClickHouseClient): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const result = await client.query({
      query: `SELECT count() AS n FROM system.merges WHERE database = currentDatabase()`,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    const [row] = await result.json<{ n: number }>();
    if (!row || row.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
