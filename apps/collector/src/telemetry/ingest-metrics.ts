import { Injectable } from '@nestjs/common';
import { CounterSet, type MetricLabels as Labels } from '@fleetscope/server';
import { IngestWriter } from '@fleetscope/storage';

/**
 * The collector's own counters in Prometheus text format (GET :4318/metrics): items accepted,
 * rejected and throttled by signal and reason, queue bytes, insert latency and batch sizes.
 * Rejects are counted here rather than logged one by one.
 */
@Injectable()
export class IngestMetrics {
  private readonly counters = new CounterSet();

  constructor(private readonly writer: IngestWriter) {
    this.define('fleetscope_ingest_accepted_items_total', 'Items stored, by signal.');
    this.define('fleetscope_ingest_rejected_items_total', 'Items refused, by signal and reason.');
    this.define(
      'fleetscope_ingest_throttled_requests_total',
      'Requests answered 429/503, by signal and reason.',
    );
    this.define('fleetscope_ingest_requests_total', 'Requests by signal and HTTP status.');
    this.define(
      'fleetscope_ingest_duplicate_requests_total',
      'Retried requests acknowledged without storing again.',
    );
    this.define(
      'fleetscope_ingest_held_requests_total',
      "Requests held until their sandbox's first records arrived, by signal and outcome (released, timed_out).",
    );
  }

  accepted(signal: string, items: number): void {
    if (items > 0) this.inc('fleetscope_ingest_accepted_items_total', { signal }, items);
  }

  rejected(signal: string, reason: string, items = 1): void {
    if (items > 0) this.inc('fleetscope_ingest_rejected_items_total', { signal, reason }, items);
  }

  throttled(signal: string, reason: string): void {
    this.inc('fleetscope_ingest_throttled_requests_total', { signal, reason }, 1);
  }

  request(signal: string, status: number): void {
    this.inc('fleetscope_ingest_requests_total', { signal, status: String(status) }, 1);
  }

  duplicate(signal: string): void {
    this.inc('fleetscope_ingest_duplicate_requests_total', { signal }, 1);
  }

  held(signal: string, outcome: string): void {
    this.inc('fleetscope_ingest_held_requests_total', { signal, outcome }, 1);
  }

  /** Current value of a counter, for tests and benchmarks. */
  value(name: string, labels: Labels): number {
    return this.counters.value(name, labels);
  }

  render(): string {
    const lines = this.counters.lines();
    const stats = this.writer.stats;
    gauge(
      lines,
      'fleetscope_write_queue_bytes',
      'Bytes waiting in the write queue.',
      stats.queueBytes,
    );
    gauge(
      lines,
      'fleetscope_write_queue_rows',
      'Rows waiting in the write queue.',
      stats.queueRows,
    );
    lines.push('# HELP fleetscope_inserted_rows_total Rows inserted into ClickHouse, by table.');
    lines.push('# TYPE fleetscope_inserted_rows_total counter');
    for (const [table, rows] of Object.entries(stats.insertedRows)) {
      lines.push(`fleetscope_inserted_rows_total{table="${table}"} ${rows}`);
    }
    gauge(
      lines,
      'fleetscope_insert_batches_total',
      'Inserts made.',
      stats.insertBatches,
      'counter',
    );
    gauge(
      lines,
      'fleetscope_insert_failures_total',
      'Flushes that failed.',
      stats.insertFailures,
      'counter',
    );
    gauge(
      lines,
      'fleetscope_duplicate_invocations_total',
      'Invocation records dropped because the same record was already stored.',
      stats.duplicateInvocations,
      'counter',
    );
    // The writer keeps no lifetime latency total, only the last 256: the summary has quantiles
    // alone, and the window's total and size are gauges named as such (a _sum/_count over a window
    // falls as well as rises, and rate() of it reads 0 once the window is full).
    summary(
      lines,
      'fleetscope_insert_latency_ms',
      'Insert latency over the last 256 inserts.',
      stats.insertLatenciesMs,
    );
    gauge(
      lines,
      'fleetscope_insert_latency_window_sum_ms',
      'Total latency of the last 256 inserts (a window, not a counter).',
      sum(stats.insertLatenciesMs),
    );
    gauge(
      lines,
      'fleetscope_insert_latency_window_inserts',
      'Inserts in the latency window (at most 256).',
      stats.insertLatenciesMs.length,
    );
    // Every insert adds its rows to insertedRows and 1 to insertBatches: lifetime counters.
    summary(
      lines,
      'fleetscope_insert_batch_rows',
      'Rows per insert: quantiles over the last 256 inserts, _sum and _count since start.',
      stats.batchSizes,
      { sum: sum(Object.values(stats.insertedRows)), count: stats.insertBatches },
    );
    return `${lines.join('\n')}\n`;
  }

  private define(name: string, help: string): void {
    this.counters.define(name, help);
  }

  private inc(name: string, labels: Labels, by: number): void {
    this.counters.inc(name, labels, by);
  }
}

function gauge(lines: string[], name: string, help: string, value: number, type = 'gauge'): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
}

/**
 * A summary's quantiles over `values` (a window); its _sum and _count only from `lifetime`, since
 * Prometheus takes them for counters.
 */
function summary(
  lines: string[],
  name: string,
  help: string,
  values: number[],
  lifetime?: { sum: number; count: number },
): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} summary`);
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of [0.5, 0.99]) {
    const v =
      sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
    lines.push(`${name}{quantile="${q}"} ${Math.round(v * 1000) / 1000}`);
  }
  if (lifetime) lines.push(`${name}_sum ${lifetime.sum}`, `${name}_count ${lifetime.count}`);
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
