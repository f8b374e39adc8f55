import type {
  DecodeResult,
  OtlpLogsRequest,
  OtlpMetricsRequest,
  OtlpTraceRequest,
} from '../common/otlp-request.types';
import { parseJsonKeepingLongIntegers } from './long-safe-json.parser';
import { LogsRequestMessage, MetricsRequestMessage } from './otlp-proto';
import { holdsOtherNames, renameToJsonNames } from './proto-json-names';
import { readTraceRequest } from './trace-request.reader';

/*
 * Request decoders for OTLP/HTTP bodies (already decompressed and size-checked by the caller).
 * Each returns the request or { error } and never throws: the HTTP layer answers 400 with the error.
 */

interface Decoder<T> {
  decode(reader: Uint8Array): T;
}

function asBuffer(buf: Uint8Array): Buffer {
  // protobufjs reads a Buffer with its BufferReader, whose `bytes` are zero-copy Buffer slices.
  return Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

function decodeProtobuf<T>(decoder: Decoder<unknown>, buf: Uint8Array): DecodeResult<T> {
  if (!(buf instanceof Uint8Array)) return { error: 'invalid protobuf: body is not bytes' };
  try {
    return decoder.decode(asBuffer(buf)) as T;
  } catch (e) {
    return { error: `invalid protobuf: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function decodeJson<T>(input: string | Uint8Array, field: string): DecodeResult<T> {
  let parsed: unknown;
  try {
    const text = typeof input === 'string' ? input : asBuffer(input).toString('utf8');
    parsed = parseJsonKeepingLongIntegers(text);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { error: 'invalid OTLP/JSON: the body must be a JSON object' };
  }
  const body = parsed as Record<string, unknown>;
  const sent = Object.keys(body);
  if (holdsOtherNames(body)) renameToJsonNames(body);
  const list = body[field];
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    return { error: `invalid OTLP/JSON: ${field} must be an array` };
  }
  if (list === undefined) {
    // Unknown fields are ignored, but a body of nothing else was sent as something: acknowledged
    // with 200 {}, its items were lost uncounted (logs posted to /v1/traces, a misspelt field).
    if (sent.length > 0) {
      const named = sent
        .slice(0, 5)
        .map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))
        .join(', ');
      return {
        error: `invalid OTLP/JSON: the body has no "${field}" field (it has ${named}${sent.length > 5 ? ', …' : ''})`,
      };
    }
  }
  // A fresh object: unknown top-level fields are ignored (specification.md), and a stray "error"
  // key in the body cannot be mistaken for a decode error.
  return { [field]: list ?? [] } as T;
}

const TRACE_WIRE_READER: Decoder<OtlpTraceRequest> = { decode: readTraceRequest };

/**
 * Traces take the hand-written wire reader (trace-request.reader.ts): the hot ingest path, read
 * straight into what normaliseTraces keeps. Logs and metrics use the generated decoders.
 */
export function decodeTracesProtobuf(buf: Uint8Array): DecodeResult<OtlpTraceRequest> {
  return decodeProtobuf<OtlpTraceRequest>(TRACE_WIRE_READER, buf);
}

export function decodeLogsProtobuf(buf: Uint8Array): DecodeResult<OtlpLogsRequest> {
  return decodeProtobuf<OtlpLogsRequest>(LogsRequestMessage, buf);
}

export function decodeMetricsProtobuf(buf: Uint8Array): DecodeResult<OtlpMetricsRequest> {
  return decodeProtobuf<OtlpMetricsRequest>(MetricsRequestMessage, buf);
}

export function decodeTracesJson(input: string | Uint8Array): DecodeResult<OtlpTraceRequest> {
  return decodeJson<OtlpTraceRequest>(input, 'resourceSpans');
}

export function decodeLogsJson(input: string | Uint8Array): DecodeResult<OtlpLogsRequest> {
  return decodeJson<OtlpLogsRequest>(input, 'resourceLogs');
}

export function decodeMetricsJson(input: string | Uint8Array): DecodeResult<OtlpMetricsRequest> {
  return decodeJson<OtlpMetricsRequest>(input, 'resourceMetrics');
}
