// The protobufjs static code generated from libs/otlp/proto (scripts/generate.js). Decoding with
// generated code, not reflection, is protobufjs's fast path; see scripts/decode.bench.ts.
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
