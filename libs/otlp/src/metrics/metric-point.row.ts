import type { MetricPointRow, MetricType } from '@fleetscope/model';
import type { OtlpMetric } from '../common/otlp-request.types';
import type { ResolvedFunction } from '../faas/faas-identity.resolver';

/** The stored name of each AggregationTemporality value. */
export const TEMPORALITIES = ['', 'delta', 'cumulative'];

export interface ResourceContext {
  resourceAttributes: Record<string, string>;
  /** Stable text of the resource, part of each series key for cumulative conversion. */
  resourceKey: string;
  serviceName: string;
  fn: ResolvedFunction | undefined;
  memorySizeMb: number;
  cache: Map<string, ResolvedFunction | undefined>;
}

export interface PointBase {
  timeUnixNano: string;
  startTimeUnixNano: string;
  attributes: Record<string, string>;
}

export function numbers(list: unknown, toNum: (v: never) => number): number[] {
  return Array.isArray(list) ? list.map((v) => toNum(v as never)) : [];
}

/** The stored row of one data point, before its values are filled in. */
export function emptyRow(
  metric: OtlpMetric,
  type: MetricType,
  ctx: ResourceContext,
  fn: ResolvedFunction | undefined,
  base: PointBase,
  temporality: number,
  isMonotonic: boolean,
): MetricPointRow {
  return {
    timeUnixNano: base.timeUnixNano,
    startTimeUnixNano: base.startTimeUnixNano,
    metricName: metric.name as string,
    metricType: type,
    unit: typeof metric.unit === 'string' ? metric.unit : '',
    serviceName: ctx.serviceName,
    functionId: fn?.functionId ?? '',
    temporality: TEMPORALITIES[temporality] ?? '',
    isMonotonic,
    value: 0,
    count: 0,
    sum: 0,
    min: null,
    max: null,
    bucketCounts: [],
    explicitBounds: [],
    resourceAttributes: ctx.resourceAttributes,
    attributes: base.attributes,
  };
}

/** The identity of a series (metric, resource, attributes) for cumulative-to-delta. */
export function seriesKey(
  metricName: string,
  ctx: ResourceContext,
  attrs: Record<string, string>,
): string {
  const keys = Object.keys(attrs).sort();
  let k = `${metricName}\u0001${ctx.resourceKey}\u0001`;
  for (const key of keys) k += `${key}\u0000${attrs[key]}\u0000`;
  return k;
}
