import type {
  PrometheusLabels,
  PrometheusParseError,
  PrometheusParseResult,
  PrometheusSample,
} from './exposition.types';

/** Which metrics a platform reads out of a scrape; everything else is skipped on the spot. */
export interface ScrapeSelection {
  /** Sample names of counters, e.g. `gateway_function_invocation_total`. */
  counters: readonly string[];
  /** Base names of histograms or summaries (their `_bucket`, `_sum`, `_count` samples are read). */
  histograms: readonly string[];
  gauges: readonly string[];
  /** Gauges among `gauges` that count things (pods), whose values are counts (countValueProblem). */
  countGauges?: readonly string[];
}

export interface CounterPoint {
  name: string;
  labels: PrometheusLabels;
  value: number;
}

/** A histogram (or a summary: no bounds) series with cumulative bucket counts, as scraped. */
export interface HistogramPoint {
  name: string;
  /** Labels without `le` / `quantile`. */
  labels: PrometheusLabels;
  /** Finite upper bounds, ascending. */
  upperBounds: number[];
  /** Cumulative counts for each bound. */
  cumulative: number[];
  sum: number;
  count: number;
}

export type GaugePoint = CounterPoint;

/** The selected series of one scrape, keyed by series (name + labels). */
export interface ScrapeSnapshot {
  counters: Map<string, CounterPoint>;
  histograms: Map<string, HistogramPoint>;
  gauges: GaugePoint[];
}

/** A stable key for a series: the name and its labels sorted by name, `le`/`quantile` left out. */
export function seriesKey(name: string, labels: PrometheusLabels): string {
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = name;
  for (const label of names) {
    if (label === 'le' || label === 'quantile') continue;
    key += '\u0001' + label + '\u0002' + labels[label];
  }
  return key;
}

function withoutLabel(labels: PrometheusLabels, drop: string): PrometheusLabels {
  const copy = Object.create(null) as PrometheusLabels;
  for (const k in labels) if (k !== drop) copy[k] = labels[k];
  return copy;
}

/**
 * Why a sample that should hold a count or a sum of durations does not. The selected counters and
 * histograms count requests and sum their latencies, and `countGauges` count things: each is a
 * finite number ≥ 0. NaN, ±Inf or a negative value is no reading: an interval diffed from it
 * would be NaN or count backwards. One rule for every platform's scrapes.
 */
export function countValueProblem(sample: PrometheusSample): string | undefined {
  const value = sample.value;
  if (Number.isFinite(value) && value >= 0) return undefined;
  const shown = Number.isNaN(value)
    ? 'NaN'
    : value === Infinity
      ? '+Inf'
      : value === -Infinity
        ? '-Inf'
        : String(value);
  return `${sample.name} is ${shown}: a count or a sum of durations is a finite number ≥ 0`;
}

function refusal(sample: PrometheusSample, reason: string): PrometheusParseError {
  let text = sample.name;
  const labels = Object.entries(sample.labels);
  if (labels.length > 0)
    text += `{${labels.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
  return { line: sample.line, reason, text: text.slice(0, 200) };
}

interface HistogramBuilder {
  point: HistogramPoint;
  bounds: Map<number, number>;
  infCount: number | undefined;
  hasCount: boolean;
}

/**
 * Picks the selected series out of a parse result. Samples are matched by name, whatever their
 * `# TYPE` says, so a scrape without TYPE lines (some federation set-ups) still works. A sample
 * that is no count (countValueProblem) is left out and added to `refused`, to be answered and
 * counted like a bad line; so is the rest of its histogram series, whose buckets no longer add up
 * without it (a series missing from one scrape is diffed against its last value, diffSnapshots).
 */
export function takeSnapshot(
  parsed: PrometheusParseResult,
  selection: ScrapeSelection,
  refused: PrometheusParseError[] = [],
): ScrapeSnapshot {
  const counterNames = new Set(selection.counters);
  const gaugeNames = new Set(selection.gauges);
  const countGaugeNames = new Set(selection.countGauges);
  const histogramNames = new Set(selection.histograms);
  const counters = new Map<string, CounterPoint>();
  const gauges: GaugePoint[] = [];
  const builders = new Map<string, HistogramBuilder>();
  /** Histogram series with a refused sample. */
  const spoiled = new Set<string>();
  const refuse = (sample: PrometheusSample): boolean => {
    const problem = countValueProblem(sample);
    if (problem !== undefined) refused.push(refusal(sample, problem));
    return problem !== undefined;
  };

  const builderFor = (base: string, labels: PrometheusLabels, drop: string): HistogramBuilder => {
    const key = seriesKey(base, labels);
    let builder = builders.get(key);
    if (builder === undefined) {
      builder = {
        point: {
          name: base,
          labels: withoutLabel(labels, drop),
          upperBounds: [],
          cumulative: [],
          sum: 0,
          count: 0,
        },
        bounds: new Map(),
        infCount: undefined,
        hasCount: false,
      };
      builders.set(key, builder);
    }
    return builder;
  };

  for (const family of parsed.families.values()) {
    for (const sample of family.samples) {
      const name = sample.name;
      if (counterNames.has(name)) {
        if (!refuse(sample)) {
          counters.set(seriesKey(name, sample.labels), {
            name,
            labels: sample.labels,
            value: sample.value,
          });
        }
        continue;
      }
      if (gaugeNames.has(name)) {
        if (!(countGaugeNames.has(name) && refuse(sample)))
          gauges.push({ name, labels: sample.labels, value: sample.value });
        continue;
      }
      const underscore = name.lastIndexOf('_');
      if (underscore <= 0) continue;
      const base = name.slice(0, underscore);
      if (!histogramNames.has(base)) continue;
      const suffix = name.slice(underscore + 1);
      if (suffix !== 'bucket' && suffix !== 'sum' && suffix !== 'count') continue;
      if (refuse(sample)) {
        spoiled.add(seriesKey(base, sample.labels));
        continue;
      }
      if (suffix === 'bucket') {
        const le = sample.labels.le;
        if (le === undefined) continue;
        const bound = le === '+Inf' ? Infinity : Number(le);
        if (Number.isNaN(bound)) continue;
        const builder = builderFor(base, sample.labels, 'le');
        if (bound === Infinity) builder.infCount = sample.value;
        else builder.bounds.set(bound, sample.value);
      } else if (suffix === 'sum') {
        builderFor(base, sample.labels, '').point.sum = sample.value;
      } else if (suffix === 'count') {
        const builder = builderFor(base, sample.labels, '');
        builder.point.count = sample.value;
        builder.hasCount = true;
      }
    }
  }

  const histograms = new Map<string, HistogramPoint>();
  for (const [key, builder] of builders) {
    if (spoiled.has(key)) continue;
    const point = builder.point;
    const bounds = [...builder.bounds.keys()].sort((a, b) => a - b);
    point.upperBounds = bounds;
    point.cumulative = bounds.map((b) => builder.bounds.get(b) ?? 0);
    if (!builder.hasCount && builder.infCount !== undefined) point.count = builder.infCount;
    histograms.set(key, point);
  }
  return { counters, histograms, gauges };
}
