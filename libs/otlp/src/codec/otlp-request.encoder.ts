import type {
  OtlpLogsRequest,
  OtlpMetricsRequest,
  OtlpTraceRequest,
} from '../common/otlp-request.types';
import { LogsRequestMessage, MetricsRequestMessage, TraceRequestMessage } from './otlp-proto';

/*
 * Request encoders: OTLP/JSON-shaped requests (hex ids, int64 as strings or numbers, bytesValue as
 * base64) to protobuf bytes. For tests, benchmarks and clients; the collector only decodes.
 */

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);

/** Deep copy with hex ids turned into bytes, the one place where OTLP/JSON differs from proto3 JSON. */
function hexIdsToBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hexIdsToBytes);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = ID_FIELDS.has(k) && typeof v === 'string' ? Buffer.from(v, 'hex') : hexIdsToBytes(v);
  }
  return out;
}

export function encodeTraceRequestProtobuf(req: OtlpTraceRequest): Uint8Array {
  return TraceRequestMessage.encode(
    TraceRequestMessage.fromObject(hexIdsToBytes(req) as object),
  ).finish();
}

export function encodeLogsRequestProtobuf(req: OtlpLogsRequest): Uint8Array {
  return LogsRequestMessage.encode(
    LogsRequestMessage.fromObject(hexIdsToBytes(req) as object),
  ).finish();
}

export function encodeMetricsRequestProtobuf(req: OtlpMetricsRequest): Uint8Array {
  return MetricsRequestMessage.encode(
    MetricsRequestMessage.fromObject(hexIdsToBytes(req) as object),
  ).finish();
}
