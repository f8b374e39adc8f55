export type MetricLabels = Record<string, string>;

/** A label set in Prometheus text form: `{signal="traces",status="200"}`, or '' without labels. */
export function labelKey(labels: MetricLabels): string {
  const parts = Object.entries(labels).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/**
 * Named counters with labels, rendered in the Prometheus text format (version 0.0.4): the one way
 * Fleetscope's processes count what they do for GET /metrics.
 */
export class CounterSet {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();

  define(name: string, help: string): void {
    if (!this.counters.has(name)) this.counters.set(name, { help, values: new Map() });
  }

  inc(name: string, labels: MetricLabels, by = 1): void {
    const counter = this.counters.get(name);
    if (!counter) return;
    const key = labelKey(labels);
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  /** Current value of a counter, for tests and benchmarks. */
  value(name: string, labels: MetricLabels): number {
    return this.counters.get(name)?.values.get(labelKey(labels)) ?? 0;
  }

  /** `# HELP`, `# TYPE` and one line per label set, for every counter. */
  lines(): string[] {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
    }
    return lines;
  }
}

/** A gauge (or a counter read from elsewhere) with one value per label set. */
export function gaugeLines(
  name: string,
  help: string,
  values: readonly { labels: MetricLabels; value: number }[],
  type: 'gauge' | 'counter' = 'gauge',
): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...values.map((v) => `${name}${labelKey(v.labels)} ${v.value}`),
  ];
}
