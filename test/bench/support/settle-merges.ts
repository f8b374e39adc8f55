import type { ClickHouseClient } from '@clickhouse/client';

const QUIET_CHECKS = 6;
const CHECK_MS = 500;

/**
 * Waits until ClickHouse's merges have settled (at most two minutes): no merge running and the
 * count of active parts unchanged over six checks 500 ms apart. A single instant without a merge
 * is not enough: the merge selector schedules the next one a moment later, and a run timed during
 * it measured the wide fleet's engine aggregate at 156 ms against 88 ms settled (BENCHMARKS.md,
 * "Small deliveries: the drain's waits").
 */
export async function settleMerges(client: ClickHouseClient): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  let lastParts = -1;
  while (Date.now() < deadline) {
    const result = await client.query({
      query: `SELECT (SELECT count() FROM system.merges WHERE database = currentDatabase()) AS merging,
                     (SELECT count() FROM system.parts WHERE database = currentDatabase() AND active) AS parts`,
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    const [row] = await result.json<{ merging: number; parts: number }>();
    if (!row) return;
    quiet = row.merging === 0 && row.parts === lastParts ? quiet + 1 : 0;
    lastParts = row.parts;
    if (quiet >= QUIET_CHECKS) return;
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS));
  }
}

/**
 * Stops the engine's merges for the rest of the process (its store is removed with it): the
 * routes are timed over the layout settleMerges() left, not during merges scheduled later (the
 * merge selector can wake after any quiet spell; one wide-fleet run merged five-minute parts 9
 * into 5 while timing).
 */
export async function holdMerges(client: ClickHouseClient): Promise<void> {
  await client.command({ query: 'SYSTEM STOP MERGES' });
}
