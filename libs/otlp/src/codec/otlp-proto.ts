// The protobufjs static code generated from libs/otlp/proto (scripts/generate.js). Why this decoder:
// generated static code is protobufjs's fastest path (an unrolled switch per message, no reflection),
// it reads Buffers zero-copy (ids are Buffer slices turned to hex natively) and gives 64-bit fields as
// Long bits, which otlp-values.ts converts to decimal without a JS number. Measured with
// scripts/decode.bench.ts (512 Lambda server spans per request, resource + 10 attributes each) on this
// 2-core machine while other jobs ran (load average ~3): decode alone ~220k spans/s, normalise alone
// ~220-330k spans/s, decode + normalise ~140-150k spans/s per core.
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
