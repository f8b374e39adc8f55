/** Reads one sample of the collector's Prometheus text (GET :4318/metrics); 0 when absent. */
export async function collectorMetric(
  ingestUrl: string,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const text = await fetch(`${ingestUrl}/metrics`).then((r) => r.text());
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const close = line.indexOf('}');
    const got = line
      .slice(name.length + 1, close)
      .split(',')
      .sort()
      .join(',');
    if (got === wanted) return Number(line.slice(close + 1).trim());
  }
  return 0;
}
