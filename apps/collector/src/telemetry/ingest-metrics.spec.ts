import type { IngestWriter, WriterStats } from '@fleetscope/storage';
import { IngestMetrics } from './ingest-metrics';

/** The writer's stats after `inserts` more inserts of `rows` rows taking `ms`, as it keeps them. */
function insert(stats: WriterStats, inserts: number, rows: number, ms: number): void {
  for (let i = 0; i < inserts; i++) {
    stats.insertedRows.invocations = (stats.insertedRows.invocations ?? 0) + rows;
    stats.insertBatches++;
    for (const [window, value] of [
      [stats.insertLatenciesMs, ms],
      [stats.batchSizes, rows],
    ] as const) {
      window.push(value);
      if (window.length > 256) window.shift();
    }
  }
}

const sample = (text: string, name: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

describe(IngestMetrics.name, () => {
  it('publishes _sum and _count only as lifetime counters, the 256-insert window as named gauges', () => {
    const stats = {
      insertedRows: {},
      insertBatches: 0,
      insertLatenciesMs: [],
      batchSizes: [],
      requestsPerFlush: [],
      flushMs: [],
    } as unknown as WriterStats;
    // A stand-in for the writer: render() reads only its stats.
    const metrics = new IngestMetrics({ stats } as unknown as IngestWriter);

    insert(stats, 300, 10, 10);
    const before = metrics.render();
    insert(stats, 100, 10, 50);
    const after = metrics.render();

    expect(sample(before, 'fleetscope_insert_batch_rows_count')).toBe(300);
    expect(sample(after, 'fleetscope_insert_batch_rows_count')).toBe(400);
    expect(sample(after, 'fleetscope_insert_batch_rows_sum')).toBe(4000);
    // No lifetime latency total is kept: no _sum/_count that would fall or stand still.
    expect(sample(after, 'fleetscope_insert_latency_ms_sum')).toBeUndefined();
    expect(sample(after, 'fleetscope_insert_latency_ms_count')).toBeUndefined();
    expect(sample(after, 'fleetscope_insert_latency_window_sum_ms')).toBe(156 * 10 + 100 * 50);
    expect(sample(after, 'fleetscope_insert_latency_window_inserts')).toBe(256);
    expect(after).toContain('# TYPE fleetscope_insert_latency_window_sum_ms gauge');
    expect(sample(after, 'fleetscope_insert_latency_ms{quantile="0.99"}')).toBe(50);
  });
});
