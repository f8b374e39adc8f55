/**
 * The shape both decoders hand to the normalisers. It is the OTLP message tree with the field names
 * protobufjs and OTLP/JSON share (lowerCamelCase), widened to what either encoding yields:
 * protobuf gives ids as bytes and 64-bit numbers as Long, OTLP/JSON gives ids as hex, 64-bit numbers
 * as decimal strings (or numbers), and enums as integers. Every field may be missing or of the wrong
 * type in hostile JSON, so the normalisers check types at run time instead of trusting these.
 */

/** protobufjs `Long` or anything with the same bits. */
export interface LongBits {
  low: number;
  high: number;
  unsigned?: boolean;
}

/** A 64-bit integer: Long from protobuf, decimal string or number from JSON. */
export type Int64 = LongBits | string | number;

/** Bytes: Uint8Array (Buffer) from protobuf, hex (ids) or base64 (bytesValue) from JSON. */
export type OtlpBytes = Uint8Array | string;

type Maybe<T> = T | null | undefined;

export interface OtlpAnyValue {
  stringValue?: Maybe<string>;
  boolValue?: Maybe<boolean>;
  intValue?: Maybe<Int64>;
  doubleValue?: Maybe<number | string>;
  arrayValue?: Maybe<{ values?: Maybe<OtlpAnyValue[]> }>;
  kvlistValue?: Maybe<{ values?: Maybe<OtlpKeyValue[]> }>;
  bytesValue?: Maybe<OtlpBytes>;
}

export interface OtlpKeyValue {
  key?: Maybe<string>;
  value?: Maybe<OtlpAnyValue>;
}

export interface OtlpResource {
  attributes?: Maybe<OtlpKeyValue[]>;
}

export interface OtlpScope {
  name?: Maybe<string>;
  version?: Maybe<string>;
  attributes?: Maybe<OtlpKeyValue[]>;
}

export interface OtlpSpanEvent {
  timeUnixNano?: Maybe<Int64>;
  name?: Maybe<string>;
  attributes?: Maybe<OtlpKeyValue[]>;
}

export interface OtlpSpanLink {
  traceId?: Maybe<OtlpBytes>;
  spanId?: Maybe<OtlpBytes>;
  traceState?: Maybe<string>;
  attributes?: Maybe<OtlpKeyValue[]>;
}

export interface OtlpSpan {
  traceId?: Maybe<OtlpBytes>;
  spanId?: Maybe<OtlpBytes>;
  parentSpanId?: Maybe<OtlpBytes>;
  traceState?: Maybe<string>;
  name?: Maybe<string>;
  kind?: Maybe<number | string>;
  startTimeUnixNano?: Maybe<Int64>;
  endTimeUnixNano?: Maybe<Int64>;
  attributes?: Maybe<OtlpKeyValue[]>;
  events?: Maybe<OtlpSpanEvent[]>;
  links?: Maybe<OtlpSpanLink[]>;
  status?: Maybe<{ code?: Maybe<number | string>; message?: Maybe<string> }>;
  /** trace.proto SpanFlags: W3C trace flags, and whether the parent is remote (bits 8 and 9). */
  flags?: Maybe<number>;
}

export interface OtlpScopeSpans {
  scope?: Maybe<OtlpScope>;
  spans?: Maybe<OtlpSpan[]>;
}

export interface OtlpResourceSpans {
  resource?: Maybe<OtlpResource>;
  scopeSpans?: Maybe<OtlpScopeSpans[]>;
}

/** ExportTraceServiceRequest */
export interface OtlpTraceRequest {
  resourceSpans?: Maybe<OtlpResourceSpans[]>;
}

export interface OtlpLogRecord {
  timeUnixNano?: Maybe<Int64>;
  observedTimeUnixNano?: Maybe<Int64>;
  severityNumber?: Maybe<number | string>;
  severityText?: Maybe<string>;
  body?: Maybe<OtlpAnyValue>;
  attributes?: Maybe<OtlpKeyValue[]>;
  traceId?: Maybe<OtlpBytes>;
  spanId?: Maybe<OtlpBytes>;
  eventName?: Maybe<string>;
}

export interface OtlpScopeLogs {
  scope?: Maybe<OtlpScope>;
  logRecords?: Maybe<OtlpLogRecord[]>;
}

export interface OtlpResourceLogs {
  resource?: Maybe<OtlpResource>;
  scopeLogs?: Maybe<OtlpScopeLogs[]>;
}

/** ExportLogsServiceRequest */
export interface OtlpLogsRequest {
  resourceLogs?: Maybe<OtlpResourceLogs[]>;
}

export interface OtlpNumberDataPoint {
  attributes?: Maybe<OtlpKeyValue[]>;
  startTimeUnixNano?: Maybe<Int64>;
  timeUnixNano?: Maybe<Int64>;
  asDouble?: Maybe<number | string>;
  asInt?: Maybe<Int64>;
  flags?: Maybe<number>;
}

export interface OtlpHistogramDataPoint {
  attributes?: Maybe<OtlpKeyValue[]>;
  startTimeUnixNano?: Maybe<Int64>;
  timeUnixNano?: Maybe<Int64>;
  count?: Maybe<Int64>;
  sum?: Maybe<number | string>;
  bucketCounts?: Maybe<Int64[]>;
  explicitBounds?: Maybe<(number | string)[]>;
  min?: Maybe<number | string>;
  max?: Maybe<number | string>;
  flags?: Maybe<number>;
}

export interface OtlpExponentialBuckets {
  offset?: Maybe<number>;
  bucketCounts?: Maybe<Int64[]>;
}

export interface OtlpExponentialHistogramDataPoint {
  attributes?: Maybe<OtlpKeyValue[]>;
  startTimeUnixNano?: Maybe<Int64>;
  timeUnixNano?: Maybe<Int64>;
  count?: Maybe<Int64>;
  sum?: Maybe<number | string>;
  scale?: Maybe<number>;
  zeroCount?: Maybe<Int64>;
  positive?: Maybe<OtlpExponentialBuckets>;
  negative?: Maybe<OtlpExponentialBuckets>;
  min?: Maybe<number | string>;
  max?: Maybe<number | string>;
  flags?: Maybe<number>;
}

export interface OtlpSummaryDataPoint {
  attributes?: Maybe<OtlpKeyValue[]>;
  startTimeUnixNano?: Maybe<Int64>;
  timeUnixNano?: Maybe<Int64>;
  count?: Maybe<Int64>;
  sum?: Maybe<number | string>;
  quantileValues?: Maybe<{ quantile?: Maybe<number | string>; value?: Maybe<number | string> }[]>;
  flags?: Maybe<number>;
}

export interface OtlpMetric {
  name?: Maybe<string>;
  description?: Maybe<string>;
  unit?: Maybe<string>;
  gauge?: Maybe<{ dataPoints?: Maybe<OtlpNumberDataPoint[]> }>;
  sum?: Maybe<{
    dataPoints?: Maybe<OtlpNumberDataPoint[]>;
    aggregationTemporality?: Maybe<number | string>;
    isMonotonic?: Maybe<boolean>;
  }>;
  histogram?: Maybe<{
    dataPoints?: Maybe<OtlpHistogramDataPoint[]>;
    aggregationTemporality?: Maybe<number | string>;
  }>;
  exponentialHistogram?: Maybe<{
    dataPoints?: Maybe<OtlpExponentialHistogramDataPoint[]>;
    aggregationTemporality?: Maybe<number | string>;
  }>;
  summary?: Maybe<{ dataPoints?: Maybe<OtlpSummaryDataPoint[]> }>;
}

export interface OtlpScopeMetrics {
  scope?: Maybe<OtlpScope>;
  metrics?: Maybe<OtlpMetric[]>;
}

export interface OtlpResourceMetrics {
  resource?: Maybe<OtlpResource>;
  scopeMetrics?: Maybe<OtlpScopeMetrics[]>;
}

/** ExportMetricsServiceRequest */
export interface OtlpMetricsRequest {
  resourceMetrics?: Maybe<OtlpResourceMetrics[]>;
}

/** What every decoder returns instead of throwing. */
export interface DecodeError {
  error: string;
}

export type DecodeResult<T> = T | DecodeError;

export function isDecodeError<T extends object>(result: DecodeResult<T>): result is DecodeError {
  return typeof (result as DecodeError).error === 'string';
}
