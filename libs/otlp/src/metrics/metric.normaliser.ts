import type { FunctionMinuteRow, LogBuckets, MetricPointRow } from '@fleetscope/model';
import {
  countHttpOutcome,
  explicitBucketsToLogBuckets,
  exponentialBucketsToLogBuckets,
  mergeBuckets,
} from '@fleetscope/model';
import type { RejectReport } from '../common/reject-collector';
import { RejectCollector, rejectReport } from '../common/reject-collector';
import type {
  OtlpExponentialHistogramDataPoint,
  OtlpHistogramDataPoint,
  OtlpMetric,
  OtlpMetricsRequest,
  OtlpNumberDataPoint,
  OtlpSummaryDataPoint,
} from '../common/otlp-request.types';
import {
  enumValue,
  flattenAttributes,
  isMessage,
  int64ToNumber,
  nanosToString,
  toDouble,
} from '../common/otlp-values';
import type { FaasResolveOptions, ResolvedFunction } from '../faas/faas-identity.resolver';
import {
  layeredLookup,
  memoryMbFromMaxMemory,
  resolveFunction,
} from '../faas/faas-identity.resolver';
import type { CumulativeToDelta, PointTimes } from './cumulative-to-delta';
import {
  MINUTE_ROLES,
  MinuteAccumulator,
  isDurationRole,
  memoryDivisor,
  msPerUnit,
} from './faas-minute.accumulator';
import type { ColdStartReporters, DurationRole, MinuteRole } from './faas-minute.accumulator';
import { emptyRow, numbers, seriesKey } from './metric-point.row';
import type { PointBase, ResourceContext } from './metric-point.row';

export interface NormaliseMetricsOptions extends FaasResolveOptions {
  /**
   * Keeps the last value of each cumulative series so cumulative FaaS metrics also yield
   * per-minute deltas. Without it only delta points feed `minutes` (every point is still a row).
   */
  cumulative?: CumulativeToDelta;
  /** The functions known to report faas.coldstarts, across requests (ColdStartReporters). */
  coldStartReporters?: ColdStartReporters;
}

export interface NormalisedMetrics extends RejectReport {
  points: MetricPointRow[];
  minutes: FunctionMinuteRow[];
}

const TEMPORALITY_NAMES = [
  'AGGREGATION_TEMPORALITY_UNSPECIFIED',
  'AGGREGATION_TEMPORALITY_DELTA',
  'AGGREGATION_TEMPORALITY_CUMULATIVE',
] as const;
const DELTA = 1;
const CUMULATIVE = 2;
const NO_RECORDED_VALUE = 1; // DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK

/** Data point attributes that can name a function (Knative puts kn.* on the points). */
const POINT_IDENTITY_KEYS = [
  'kn.service.name',
  'kn.revision.name',
  'k8s.namespace.name',
  'faas.name',
];

class MetricsNormaliser {
  readonly points: MetricPointRow[] = [];
  readonly minutes: MinuteAccumulator;
  readonly rejects = new RejectCollector();

  constructor(private readonly options: NormaliseMetricsOptions) {
    this.minutes = new MinuteAccumulator(options.coldStartReporters);
  }

  resourceContext(attrs: Record<string, string>): ResourceContext {
    const fn = resolveFunction(layeredLookup(attrs), this.options);
    const keys = Object.keys(attrs).sort();
    return {
      resourceAttributes: attrs,
      resourceKey: keys.map((k) => `${k}=${attrs[k]}`).join('\u0000'),
      serviceName: attrs['service.name'] ?? '',
      fn,
      memorySizeMb: memoryMbFromMaxMemory(attrs['faas.max_memory']) ?? 0,
      cache: new Map(),
    };
  }

  private functionFor(
    ctx: ResourceContext,
    attrs: Record<string, string>,
  ): ResolvedFunction | undefined {
    let key = '';
    for (const k of POINT_IDENTITY_KEYS) {
      const v = attrs[k];
      if (v !== undefined) key += `${k}\u0000${v}\u0000`;
    }
    if (key === '') return ctx.fn;
    if (!ctx.cache.has(key))
      ctx.cache.set(
        key,
        resolveFunction(layeredLookup(attrs, ctx.resourceAttributes), this.options),
      );
    return ctx.cache.get(key);
  }

  /**
   * Whether the point's function cannot be named (a Lambda resource without cloud.account.id that
   * no known function completes): the point is refused as `missing_identity`, not filed under a
   * second function of account ''.
   */
  private unidentified(fn: ResolvedFunction | undefined, w: () => string): boolean {
    const why = fn?.missingIdentity;
    if (why === undefined) return false;
    this.rejects.reject('missing_identity', () => `${w()}: ${why}`);
    return true;
  }

  /**
   * Common point fields; undefined (and the point rejected) when the point is not an object or its
   * timestamps are unusable.
   */
  private base(p: unknown, where: () => string): PointBase | undefined {
    if (p === null || typeof p !== 'object') {
      this.rejects.reject('malformed', () => `${where()}: not an object`);
      return undefined;
    }
    const point = p as {
      timeUnixNano?: unknown;
      startTimeUnixNano?: unknown;
      attributes?: unknown;
    };
    const time = nanosToString(point.timeUnixNano as never);
    const start = nanosToString(point.startTimeUnixNano as never);
    // metrics.proto: "Data points with the 0 value for TimeUnixNano SHOULD be rejected".
    if (time === undefined || time === '0' || start === undefined) {
      this.rejects.reject('invalid_timestamp', () => `${where()}: missing or invalid timeUnixNano`);
      return undefined;
    }
    return {
      timeUnixNano: time,
      startTimeUnixNano: start,
      attributes: flattenAttributes(point.attributes as never),
    };
  }

  metric(metric: OtlpMetric, ctx: ResourceContext, scopeName: string, where: string): void {
    const name = metric.name;
    const dataPointCount = (data: unknown): number => {
      const dp = (data as { dataPoints?: unknown } | null | undefined)?.dataPoints;
      return Array.isArray(dp) ? dp.length : 0;
    };
    if (typeof name !== 'string' || name === '') {
      const n =
        dataPointCount(metric.gauge) +
        dataPointCount(metric.sum) +
        dataPointCount(metric.histogram) +
        dataPointCount(metric.exponentialHistogram) +
        dataPointCount(metric.summary);
      this.rejects.reject('missing_metric_name', () => `${where}: metric without a name`, n);
      return;
    }
    const role = MINUTE_ROLES[name];
    const unit = typeof metric.unit === 'string' ? metric.unit : '';
    if (metric.gauge) {
      this.eachPoint(metric.gauge.dataPoints, `${where}.gauge`, (p, w) =>
        this.numberPoint(metric, 'gauge', p, 0, false, ctx, role, scopeName, w),
      );
    } else if (metric.sum) {
      const t = enumValue(metric.sum.aggregationTemporality, TEMPORALITY_NAMES);
      const isMonotonic = metric.sum.isMonotonic === true;
      this.eachPoint(metric.sum.dataPoints, `${where}.sum`, (p, w) =>
        this.numberPoint(metric, 'sum', p, t, isMonotonic, ctx, role, scopeName, w),
      );
    } else if (metric.histogram) {
      const t = enumValue(metric.histogram.aggregationTemporality, TEMPORALITY_NAMES);
      this.eachPoint(metric.histogram.dataPoints, `${where}.histogram`, (p, w) =>
        this.histogramPoint(metric, p, t, ctx, role, unit, scopeName, w),
      );
    } else if (metric.exponentialHistogram) {
      const t = enumValue(metric.exponentialHistogram.aggregationTemporality, TEMPORALITY_NAMES);
      this.eachPoint(
        metric.exponentialHistogram.dataPoints,
        `${where}.exponentialHistogram`,
        (p, w) => this.exponentialPoint(metric, p, t, ctx, role, unit, w),
      );
    } else if (metric.summary) {
      this.eachPoint(metric.summary.dataPoints, `${where}.summary`, (p, w) =>
        this.summaryPoint(metric, p, ctx, w),
      );
    }
  }

  /** Runs `point` on each data point there is; one that throws is rejected, the others kept. */
  private eachPoint<P>(
    dataPoints: P[] | null | undefined,
    where: string,
    point: (p: P, where: () => string) => void,
  ): void {
    if (!Array.isArray(dataPoints)) return;
    dataPoints.forEach((p, i) => {
      const at = `${where}.dataPoints[${i}]`;
      try {
        point(p, () => at);
      } catch (e) {
        this.rejects.reject('malformed', () => `${at}: ${(e as Error).message}`);
      }
    });
  }

  private numberPoint(
    metric: OtlpMetric,
    type: 'gauge' | 'sum',
    p: OtlpNumberDataPoint,
    temporality: number,
    isMonotonic: boolean,
    ctx: ResourceContext,
    role: MinuteRole | undefined,
    scopeName: string,
    w: () => string,
  ): void {
    const base = this.base(p, w);
    if (base === undefined) return;
    const value =
      p.asDouble != null
        ? toDouble(p.asDouble)
        : p.asInt != null
          ? int64ToNumber(p.asInt)
          : undefined;
    const noValue = ((p.flags ?? 0) & NO_RECORDED_VALUE) !== 0;
    if (value === undefined && !noValue) {
      this.rejects.reject('missing_value', () => `${w()}: neither asDouble nor asInt is set`);
      return;
    }
    const fn = this.functionFor(ctx, base.attributes);
    if (this.unidentified(fn, w)) return;
    const row = emptyRow(metric, type, ctx, fn, base, temporality, isMonotonic);
    row.value = value ?? 0;
    this.points.push(row);
    if (role !== undefined && fn !== undefined && value !== undefined && !noValue) {
      this.countContribution(
        metric.name as string,
        role,
        fn,
        ctx,
        base,
        temporality,
        type,
        value,
        scopeName,
      );
    }
  }

  private countContribution(
    name: string,
    role: MinuteRole,
    fn: ResolvedFunction,
    ctx: ResourceContext,
    base: PointBase,
    temporality: number,
    type: 'gauge' | 'sum',
    value: number,
    scopeName: string,
  ): void {
    if (role === 'memory') {
      this.memoryPeak(fn, ctx, base, value, scopeName);
      return;
    }
    if (type !== 'sum') return;
    if (role === 'coldstarts') this.minutes.coldStartsReported(fn, base.timeUnixNano);
    const delta = this.deltaOf(name, ctx, base, temporality, value, (c, key, times, v) =>
      c.sum(key, times, v),
    );
    if (delta === null || delta === 0) return;
    const row = this.minutes.row(fn, ctx.memorySizeMb, base.timeUnixNano);
    switch (role) {
      case 'invocations':
        row.invocations += delta;
        break;
      case 'errors':
        // faas.invocations counts successes only, so failures are added to the total here.
        row.errors += delta;
        row.invocations += delta;
        break;
      case 'timeouts':
        row.timeouts += delta;
        row.invocations += delta;
        break;
      case 'coldstarts':
        row.coldStarts += delta;
        break;
      case 'duration':
      case 'init':
      case 'knative':
        break;
    }
  }

  /**
   * What a point adds since the series' previous point: a delta point's own value; a cumulative
   * one's through `options.cumulative` (`toDelta` picks the sum or the histogram rule); null when
   * there is nothing to add yet (a baseline, or cumulative without the option).
   */
  private deltaOf<T>(
    name: string,
    ctx: ResourceContext,
    base: PointBase,
    temporality: number,
    value: T,
    toDelta: (
      cumulative: CumulativeToDelta,
      seriesKey: string,
      times: PointTimes,
      value: T,
    ) => T | null,
  ): T | null {
    if (temporality === DELTA) return value;
    const cumulative = this.options.cumulative;
    if (temporality !== CUMULATIVE || cumulative === undefined) return null;
    return toDelta(cumulative, seriesKey(name, ctx, base.attributes), base, value);
  }

  /** A faas.mem_usage reading (bytes, or MB × 1,000,000) as its minute's peak, in MB. */
  private memoryPeak(
    fn: ResolvedFunction,
    ctx: ResourceContext,
    base: PointBase,
    value: number,
    scopeName: string,
  ): void {
    const minute = this.minutes.row(fn, ctx.memorySizeMb, base.timeUnixNano);
    minute.maxMemoryUsedMb = Math.max(
      minute.maxMemoryUsedMb,
      value / memoryDivisor(value, scopeName),
    );
  }

  /** The row of an explicit or exponential histogram point, with the totals both carry. */
  private histogramRow(
    metric: OtlpMetric,
    type: 'histogram' | 'exponential_histogram',
    p: OtlpHistogramDataPoint | OtlpExponentialHistogramDataPoint,
    ctx: ResourceContext,
    fn: ResolvedFunction | undefined,
    base: PointBase,
    temporality: number,
  ): MetricPointRow {
    const row = emptyRow(metric, type, ctx, fn, base, temporality, false);
    row.count = int64ToNumber(p.count);
    row.sum = toDouble(p.sum) ?? 0;
    row.min = toDouble(p.min) ?? null;
    row.max = toDouble(p.max) ?? null;
    return row;
  }

  /**
   * A duration histogram's delta into its minute: the buckets (`toLogBuckets` converts the point's
   * layout, values in ms) and the sum as init or invocation durations; Knative's, the only
   * per-request metric it exports, also count the invocations, and their errors and timeouts by status (httpInvocationOutcome).
   */
  private addDurations(
    fn: ResolvedFunction,
    ctx: ResourceContext,
    base: PointBase,
    role: DurationRole,
    unit: string,
    delta: { count: number; sum: number },
    toLogBuckets: (factor: number) => LogBuckets,
  ): void {
    const factor = msPerUnit(unit);
    const minute = this.minutes.row(fn, ctx.memorySizeMb, base.timeUnixNano);
    mergeBuckets(
      role === 'init' ? minute.initBuckets : minute.durationBuckets,
      toLogBuckets(factor),
    );
    if (role === 'init') minute.initDurationSumMs += delta.sum * factor;
    else minute.durationSumMs += delta.sum * factor;
    if (role === 'knative') {
      minute.invocations += delta.count;
      countHttpOutcome(minute, Number(base.attributes['http.response.status_code']), delta.count);
    }
  }

  private histogramPoint(
    metric: OtlpMetric,
    p: OtlpHistogramDataPoint,
    temporality: number,
    ctx: ResourceContext,
    role: MinuteRole | undefined,
    unit: string,
    scopeName: string,
    w: () => string,
  ): void {
    const base = this.base(p, w);
    if (base === undefined) return;
    const bucketCounts = numbers(p.bucketCounts, int64ToNumber);
    const explicitBounds = numbers(p.explicitBounds, (v: number | string) => toDouble(v) ?? NaN);
    const problem = histogramProblem(p, bucketCounts, explicitBounds);
    if (problem !== undefined) {
      this.rejects.reject(problem.reason, () => `${w()}: ${problem.message}`);
      return;
    }
    const fn = this.functionFor(ctx, base.attributes);
    if (this.unidentified(fn, w)) return;
    const row = this.histogramRow(metric, 'histogram', p, ctx, fn, base, temporality);
    row.bucketCounts = bucketCounts;
    row.explicitBounds = explicitBounds;
    this.points.push(row);
    if (role === undefined || fn === undefined) return;

    if (role === 'memory') {
      const peak = row.max ?? this.highestBound(bucketCounts, explicitBounds);
      if (peak !== null && peak > 0) this.memoryPeak(fn, ctx, base, peak, scopeName);
      return;
    }
    if (!isDurationRole(role)) return;
    const totals = { count: row.count, sum: row.sum, bucketCounts };
    const delta = this.deltaOf(
      metric.name as string,
      ctx,
      base,
      temporality,
      totals,
      (c, key, times, v) => c.histogram(key, times, v),
    );
    if (delta === null || delta.count <= 0) return;
    this.addDurations(fn, ctx, base, role, unit, delta, (factor) =>
      explicitBucketsToLogBuckets(
        {
          upperBounds: delta.bucketCounts.length > 0 ? explicitBounds : [],
          counts: delta.bucketCounts,
          count: delta.count,
          sum: delta.sum,
          min: row.min,
          max: row.max,
        },
        factor,
      ),
    );
  }

  private highestBound(counts: number[], bounds: number[]): number | null {
    for (let i = counts.length - 1; i >= 0; i--) {
      if (counts[i] > 0) return i < bounds.length ? bounds[i] : (bounds[i - 1] ?? null);
    }
    return null;
  }

  private exponentialPoint(
    metric: OtlpMetric,
    p: OtlpExponentialHistogramDataPoint,
    temporality: number,
    ctx: ResourceContext,
    role: MinuteRole | undefined,
    unit: string,
    w: () => string,
  ): void {
    const base = this.base(p, w);
    if (base === undefined) return;
    const sumProblem = histogramSumProblem(p.sum);
    if (sumProblem !== undefined) {
      this.rejects.reject('invalid_sum', () => `${w()}: ${sumProblem}`);
      return;
    }
    const fn = this.functionFor(ctx, base.attributes);
    if (this.unidentified(fn, w)) return;
    const row = this.histogramRow(metric, 'exponential_histogram', p, ctx, fn, base, temporality);
    // Positive buckets only, each with its upper bound base^(offset+i+1) (metrics.proto).
    const scale = typeof p.scale === 'number' ? p.scale : 0;
    const offset = typeof p.positive?.offset === 'number' ? p.positive.offset : 0;
    const base2 = 2 ** (2 ** -scale);
    row.bucketCounts = numbers(p.positive?.bucketCounts, int64ToNumber);
    row.explicitBounds = row.bucketCounts.map((_, i) => base2 ** (offset + i + 1));
    this.points.push(row);
    // Exponential histograms feed minutes only as deltas: their bucket layout may change per point.
    if (fn === undefined || temporality !== DELTA || row.count <= 0) return;
    if (!isDurationRole(role)) return;
    this.addDurations(fn, ctx, base, role, unit, row, (factor) =>
      exponentialBucketsToLogBuckets(
        {
          scale,
          zeroCount: int64ToNumber(p.zeroCount),
          offset,
          positiveCounts: row.bucketCounts,
        },
        factor,
      ),
    );
  }

  private summaryPoint(
    metric: OtlpMetric,
    p: OtlpSummaryDataPoint,
    ctx: ResourceContext,
    w: () => string,
  ): void {
    const base = this.base(p, w);
    if (base === undefined) return;
    const fn = this.functionFor(ctx, base.attributes);
    if (this.unidentified(fn, w)) return;
    const row = emptyRow(metric, 'summary', ctx, fn, base, 0, false);
    row.count = int64ToNumber(p.count);
    row.sum = toDouble(p.sum) ?? 0;
    // metrics.proto: the 0.0 quantile is the minimum, the 1.0 quantile the maximum.
    if (Array.isArray(p.quantileValues)) {
      for (const q of p.quantileValues) {
        const quantile = toDouble(q?.quantile ?? undefined);
        const value = toDouble(q?.value ?? undefined);
        if (value === undefined) continue;
        if (quantile === 0) row.min = value;
        if (quantile === 1) row.max = value;
      }
    }
    this.points.push(row);
  }
}

/** Why a histogram's `sum` cannot be used (it adds to durationSumMs as it is), if it cannot. */
function histogramSumProblem(sum: OtlpHistogramDataPoint['sum']): string | undefined {
  const value = toDouble(sum);
  return value === undefined || Number.isFinite(value) ? undefined : `sum ${sum} is not a number`;
}

/**
 * Why an explicit histogram point contradicts itself, if it does (metrics.proto
 * HistogramDataPoint): its bucketCounts must be one more than its explicitBounds, add up to its
 * count, and the bounds must rise strictly. Each would put invocations in the wrong buckets or
 * none: a count of 100 over buckets of 6 made 94 invocations without a duration.
 */
function histogramProblem(
  p: OtlpHistogramDataPoint,
  bucketCounts: number[],
  explicitBounds: number[],
): { reason: 'invalid_buckets' | 'invalid_sum'; message: string } | undefined {
  const sumProblem = histogramSumProblem(p.sum);
  if (sumProblem !== undefined) return { reason: 'invalid_sum', message: sumProblem };
  if (bucketCounts.length === 0) return undefined;
  if (explicitBounds.length !== bucketCounts.length - 1) {
    return {
      reason: 'invalid_buckets',
      message: `${bucketCounts.length} bucketCounts need ${bucketCounts.length - 1} explicitBounds, got ${explicitBounds.length}`,
    };
  }
  for (let i = 0; i < explicitBounds.length; i++) {
    if (!(explicitBounds[i] > (i === 0 ? Number.NEGATIVE_INFINITY : explicitBounds[i - 1]))) {
      return {
        reason: 'invalid_buckets',
        message: `explicitBounds must rise strictly: ${explicitBounds.slice(Math.max(0, i - 1), i + 1).join(' then ')}`,
      };
    }
  }
  const count = int64ToNumber(p.count);
  const total = bucketCounts.reduce((a, b) => a + b, 0);
  if (total !== count) {
    return {
      reason: 'invalid_buckets',
      message: `bucketCounts add up to ${total}, count is ${count}`,
    };
  }
  return undefined;
}

/**
 * ExportMetricsServiceRequest → a MetricPointRow for every data point of every type, and
 * FunctionMinuteRow contributions (source 'otel_metrics') from the FaaS metrics and Knative's
 * kn.serving.invocation.duration. Delta points are used as they are; cumulative ones only through
 * `options.cumulative`. A point with unusable timestamps or buckets is rejected with a reason;
 * the rest is kept. Never throws.
 */
export function normaliseMetrics(
  req: OtlpMetricsRequest,
  options: NormaliseMetricsOptions = {},
): NormalisedMetrics {
  const n = new MetricsNormaliser(options);
  const resourceMetrics = req && Array.isArray(req.resourceMetrics) ? req.resourceMetrics : [];
  for (let r = 0; r < resourceMetrics.length; r++) {
    const rm = resourceMetrics[r];
    if (!isMessage(rm)) {
      n.rejects.reject('malformed', () => `resourceMetrics[${r}]: not an object`);
      continue;
    }
    if (!Array.isArray(rm.scopeMetrics)) continue;
    const ctx = n.resourceContext(flattenAttributes(rm.resource?.attributes));
    for (let s = 0; s < rm.scopeMetrics.length; s++) {
      const sm = rm.scopeMetrics[s];
      if (!isMessage(sm)) {
        n.rejects.reject(
          'malformed',
          () => `resourceMetrics[${r}].scopeMetrics[${s}]: not an object`,
        );
        continue;
      }
      if (!Array.isArray(sm.metrics)) continue;
      const scopeName = typeof sm.scope?.name === 'string' ? sm.scope.name : '';
      for (let m = 0; m < sm.metrics.length; m++) {
        const metric = sm.metrics[m];
        const where = `resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}]`;
        if (!isMessage(metric)) {
          n.rejects.reject('malformed', () => `${where}: not an object`);
          continue;
        }
        try {
          n.metric(metric, ctx, scopeName, where);
        } catch (e) {
          n.rejects.reject('malformed', () => `${where}: ${(e as Error).message}`);
        }
      }
    }
  }
  return { points: n.points, minutes: n.minutes.all(), ...rejectReport(n.rejects) };
}
