import type { MetricPointRow } from '@fleetscope/model';

export interface GaugePointInput {
  timeMs: number;
  metricName: string;
  unit: string;
  value: number;
  functionId: string;
  serviceName: string;
  attributes: Record<string, string>;
  resourceAttributes: Record<string, string>;
}

/** Epoch milliseconds as the decimal nanosecond string the model stores (no float overflow). */
export function msToUnixNano(timeMs: number): string {
  const ms = Math.round(timeMs);
  return ms === 0 ? '0' : `${ms}000000`;
}

/** A scraped gauge as a stored metric point tied to its function. */
export function gaugePointRow(input: GaugePointInput): MetricPointRow {
  const time = msToUnixNano(input.timeMs);
  return {
    timeUnixNano: time,
    startTimeUnixNano: time,
    metricName: input.metricName,
    metricType: 'gauge',
    unit: input.unit,
    serviceName: input.serviceName,
    functionId: input.functionId,
    temporality: '',
    isMonotonic: false,
    value: input.value,
    count: 0,
    sum: 0,
    min: null,
    max: null,
    bucketCounts: [],
    explicitBounds: [],
    resourceAttributes: input.resourceAttributes,
    attributes: { ...input.attributes },
  };
}
