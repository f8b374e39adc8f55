import {
  LogsResponseMessage,
  MetricsResponseMessage,
  RetryInfoMessage,
  StatusMessage,
  TraceResponseMessage,
} from './otlp-proto';

/*
 * Response bodies per the OTLP/HTTP specification: 200 carries Export<Signal>ServiceResponse, with
 * partial_success set only when items were rejected or there is a warning; failures carry a
 * google.rpc.Status. The response uses the request's encoding (protobuf or JSON).
 */

export type OtlpSignal = 'traces' | 'logs' | 'metrics';
export type OtlpEncoding = 'protobuf' | 'json';

export interface PartialSuccess {
  /** Rejected spans, log records or data points. */
  rejected: number;
  /** Why; a warning alone (rejected 0) is allowed. */
  errorMessage?: string;
}

/** gRPC status codes used in google.rpc.Status bodies (google/rpc/code.proto). */
export const RPC_CODE = {
  OK: 0,
  INVALID_ARGUMENT: 3,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

const REJECTED_FIELD: Record<
  OtlpSignal,
  'rejectedSpans' | 'rejectedLogRecords' | 'rejectedDataPoints'
> = {
  traces: 'rejectedSpans',
  logs: 'rejectedLogRecords',
  metrics: 'rejectedDataPoints',
};

function partialSuccessObject(
  signal: OtlpSignal,
  partial: PartialSuccess | undefined,
): Record<string, unknown> | undefined {
  if (partial === undefined) return undefined;
  const rejected = Math.max(0, Math.floor(partial.rejected));
  const errorMessage = partial.errorMessage ?? '';
  // "A partial_success message with an empty value ... is equivalent to it not being set."
  if (rejected === 0 && errorMessage === '') return undefined;
  const out: Record<string, unknown> = {};
  // proto3 JSON writes int64 as a decimal string.
  if (rejected > 0) out[REJECTED_FIELD[signal]] = String(rejected);
  if (errorMessage !== '') out.errorMessage = errorMessage;
  return out;
}

/** Export<Signal>ServiceResponse as protobuf bytes. */
export function encodeExportResponseProtobuf(
  signal: OtlpSignal,
  partial?: PartialSuccess,
): Uint8Array {
  const ps = partialSuccessObject(signal, partial);
  const body = ps === undefined ? {} : { partialSuccess: ps };
  switch (signal) {
    case 'traces':
      return TraceResponseMessage.encode(TraceResponseMessage.fromObject(body)).finish();
    case 'logs':
      return LogsResponseMessage.encode(LogsResponseMessage.fromObject(body)).finish();
    case 'metrics':
      return MetricsResponseMessage.encode(MetricsResponseMessage.fromObject(body)).finish();
  }
}

/** Export<Signal>ServiceResponse as OTLP/JSON text. */
export function encodeExportResponseJson(signal: OtlpSignal, partial?: PartialSuccess): string {
  const ps = partialSuccessObject(signal, partial);
  return JSON.stringify(ps === undefined ? {} : { partialSuccess: ps });
}

export function encodeExportResponse(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
  partial?: PartialSuccess,
): Uint8Array | string {
  return encoding === 'json'
    ? encodeExportResponseJson(signal, partial)
    : encodeExportResponseProtobuf(signal, partial);
}

export interface RpcStatus {
  code: number;
  message: string;
  /** RetryInfo's retry_delay in the status details: how long the sender should wait. */
  retryDelayMs?: number;
}

const RETRY_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.RetryInfo';

/**
 * google.rpc.Status as protobuf bytes; with retryDelayMs, its details hold a RetryInfo (the
 * OTLP/gRPC trailer grpc-status-details-bin, "OTLP/gRPC Throttling").
 */
export function encodeStatusProtobuf(status: RpcStatus): Uint8Array {
  const details =
    status.retryDelayMs === undefined
      ? []
      : [
          {
            type_url: RETRY_INFO_TYPE_URL,
            value: RetryInfoMessage.encode(
              RetryInfoMessage.fromObject({
                retryDelay: {
                  seconds: Math.floor(status.retryDelayMs / 1000),
                  nanos: (status.retryDelayMs % 1000) * 1_000_000,
                },
              }),
            ).finish(),
          },
        ];
  return StatusMessage.encode({ code: status.code, message: status.message, details }).finish();
}

/** google.rpc.Status as JSON text (no details). */
export function encodeStatusJson(status: RpcStatus): string {
  return JSON.stringify({ code: status.code, message: status.message });
}

export function encodeStatus(encoding: OtlpEncoding, status: RpcStatus): Uint8Array | string {
  return encoding === 'json' ? encodeStatusJson(status) : encodeStatusProtobuf(status);
}

/** Decoders for the response messages, so tests and clients can read what the server sent. */
export function decodeExportResponseProtobuf(
  signal: OtlpSignal,
  buf: Uint8Array,
): { rejected: number; errorMessage: string } {
  const message = (() => {
    switch (signal) {
      case 'traces':
        return TraceResponseMessage.toObject(TraceResponseMessage.decode(buf), { longs: String });
      case 'logs':
        return LogsResponseMessage.toObject(LogsResponseMessage.decode(buf), { longs: String });
      case 'metrics':
        return MetricsResponseMessage.toObject(MetricsResponseMessage.decode(buf), {
          longs: String,
        });
    }
  })() as { partialSuccess?: Record<string, string | undefined> };
  const ps = message.partialSuccess ?? {};
  return { rejected: Number(ps[REJECTED_FIELD[signal]] ?? 0), errorMessage: ps.errorMessage ?? '' };
}

export function decodeStatusProtobuf(buf: Uint8Array): RpcStatus {
  const s = StatusMessage.decode(buf);
  const retryInfo = s.details.find((d) => d.type_url === RETRY_INFO_TYPE_URL);
  if (retryInfo?.value == null) return { code: s.code, message: s.message };
  const delay = RetryInfoMessage.decode(retryInfo.value).retryDelay;
  const retryDelayMs = Number(delay?.seconds ?? 0) * 1000 + Math.round((delay?.nanos ?? 0) / 1e6);
  return { code: s.code, message: s.message, retryDelayMs };
}
