export type {
  DecodeError,
  DecodeResult,
  Int64,
  LongBits,
  OtlpAnyValue,
  OtlpKeyValue,
  OtlpLogsRequest,
  OtlpMetricsRequest,
  OtlpSpan,
  OtlpTraceRequest,
} from './common/otlp-request.types';
export { isDecodeError } from './common/otlp-request.types';
export type { RejectReport } from './common/reject-collector';
export {
  decodeLogsJson,
  decodeLogsProtobuf,
  decodeMetricsJson,
  decodeMetricsProtobuf,
  decodeTracesJson,
  decodeTracesProtobuf,
} from './codec/otlp-request.decoder';
export {
  encodeLogsRequestProtobuf,
  encodeMetricsRequestProtobuf,
  encodeTraceRequestProtobuf,
} from './codec/otlp-request.encoder';
export type {
  OtlpEncoding,
  OtlpSignal,
  PartialSuccess,
  RpcStatus,
} from './codec/otlp-response.encoder';
export {
  RPC_CODE,
  decodeExportResponseProtobuf,
  decodeStatusProtobuf,
  encodeExportResponse,
  encodeExportResponseJson,
  encodeExportResponseProtobuf,
  encodeStatus,
  encodeStatusJson,
  encodeStatusProtobuf,
} from './codec/otlp-response.encoder';
export { parseJsonKeepingLongIntegers, quoteLongIntegers } from './codec/long-safe-json.parser';
export type { NormalisedTraces } from './traces/trace.normaliser';
export { normaliseTraces } from './traces/trace.normaliser';
export type { NormalisedLogs } from './logs/log.normaliser';
export { normaliseLogs } from './logs/log.normaliser';
export type { NormaliseMetricsOptions, NormalisedMetrics } from './metrics/metric.normaliser';
export { normaliseMetrics } from './metrics/metric.normaliser';
export type { HistogramTotals } from './metrics/cumulative-to-delta';
export { CumulativeToDelta } from './metrics/cumulative-to-delta';
export { ColdStartReporters } from './metrics/faas-minute.accumulator';
export type {
  AttributeLookup,
  FaasResolveOptions,
  ResolvedFunction,
} from './faas/faas-identity.resolver';
export {
  layeredLookup,
  memoryMbFromMaxMemory,
  missingAccountMessage,
  resolveFunction,
} from './faas/faas-identity.resolver';
export type { LambdaAccountAnswer, LambdaAccountLookup } from './faas/lambda-accounts';
export { LambdaAccounts } from './faas/lambda-accounts';
export type { ItemPath } from './codec/item-counter';
export {
  DATA_POINT_PATH,
  EXPONENTIAL_BUCKET_PATH,
  HISTOGRAM_BUCKET_PATH,
  LOG_RECORD_PATH,
  SPAN_EVENT_LINK_PATH,
  SPAN_PATH,
  countProtobufItems,
  countProtobufValues,
} from './codec/item-counter';
