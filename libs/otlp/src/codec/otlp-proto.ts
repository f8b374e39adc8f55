// The protobufjs static code generated from libs/otlp/proto (scripts/generate.js): protobufjs's
// fastest general path (an unrolled switch per message, no reflection), zero-copy Buffer reads, and
// 64-bit fields as Long bits, which otlp-values.ts converts to decimal without a JS number. It decodes
// logs, metrics, responses and the cold parts of trace requests (resource, scope, events, links).
// Trace requests themselves go through trace-request.reader.ts: with this decoder, decode +
// normalise of 512-span Lambda batches (scripts/decode.bench.ts) managed 120-220k spans per
// CPU-second, the wire reader ~900k, in alternating runs on the same machine.
import { google, opentelemetry } from '../generated/otlp';

export const TraceRequestMessage = opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
export const TraceResponseMessage =
  opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
export const LogsRequestMessage = opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
export const LogsResponseMessage = opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
export const MetricsRequestMessage =
  opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
export const MetricsResponseMessage =
  opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
export const StatusMessage = google.rpc.Status;
export const RetryInfoMessage = google.rpc.RetryInfo;
