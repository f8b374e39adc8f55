import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import {
  ColdStartReporters,
  CumulativeToDelta,
  DATA_POINT_PATH,
  EXPONENTIAL_BUCKET_PATH,
  HISTOGRAM_BUCKET_PATH,
  LOG_RECORD_PATH,
  LambdaAccounts,
  SPAN_EVENT_LINK_PATH,
  SPAN_PATH,
  countProtobufItems,
  countProtobufValues,
  decodeLogsJson,
  decodeLogsProtobuf,
  decodeMetricsJson,
  decodeMetricsProtobuf,
  decodeTracesJson,
  decodeTracesProtobuf,
  isDecodeError,
  normaliseLogs,
  normaliseMetrics,
  normaliseTraces,
  type FaasResolveOptions,
  type ItemPath,
  type OtlpEncoding,
  type OtlpSignal,
  type PartialSuccess,
  type RejectReport,
} from '@fleetscope/otlp';
import {
  FunctionConfigRepository,
  FunctionsRepository,
  describeError,
  type BatchPart,
  type IngestBatch,
} from '@fleetscope/storage';
import {
  IngestPipeline,
  NothingStorableError,
  RejectedIngestError,
  RetryableIngestError,
} from '../http/ingest.pipeline';
import { InventoryRecorder } from '../lambda/inventory.recorder';
import { PlatformTargets } from '../platforms/platform-targets';
import { IngestMetrics } from '../telemetry/ingest-metrics';

/**
 * Items per request. Decoded items take many times their wire size (an empty log record is two
 * bytes on the wire), so the byte limit alone does not bound memory; OTel SDKs send 512 per batch.
 */
const MAX_ITEMS = 200_000;
/**
 * Nested parts of a protobuf request that decode to far more memory than their bytes, each bounded
 * per request like the items, counted before decoding; without a bound a 64 kB gzip body at the
 * 64 MiB limit would decode to more than the heap:
 * - histogram bucket counts: a zero count is one byte on the wire and a 64-bit object of about 70
 *   bytes once decoded (SDKs send up to 160 per exponential point, 16 per explicit one);
 * - span events and links: an empty one is two bytes and a stored event of about 120 (SDKs keep
 *   at most 128 of each per span).
 */
const NESTED_LIMITS: Partial<
  Record<OtlpSignal, { limit: number; what: string; count(body: Buffer, limit: number): number }>
> = {
  metrics: {
    limit: 2_000_000,
    what: 'histogram bucket counts',
    count: (body, limit) => {
      const explicit = countProtobufValues(body, HISTOGRAM_BUCKET_PATH, 'fixed64', limit);
      if (explicit > limit) return explicit;
      return (
        explicit + countProtobufValues(body, EXPONENTIAL_BUCKET_PATH, 'varint', limit - explicit)
      );
    },
  },
  traces: {
    limit: 1_000_000,
    what: 'span events and links',
    count: (body, limit) => countProtobufItems(body, SPAN_EVENT_LINK_PATH, limit),
  },
};

/**
 * JSON is parsed before its items can be counted, so the guard counts objects and arrays (`{`,
 * `[`) instead: about 23 per span with ten attributes, so this admits 200,000 spans while a body
 * of empty objects or arrays, which would parse into tens of millions of them (21 million `[]`
 * are 63 MB, and took every sender's ingest for 53 s), is refused first.
 */
const MAX_JSON_CONTAINERS = 5_000_000;

/** `{` and `[` in the body (an upper bound of its objects and arrays), counting at most past `limit`. */
function countContainers(body: Buffer, limit: number): number {
  let count = 0;
  for (let at = 0; at < body.length && count <= limit; at++) {
    const c = body[at];
    if (c === 0x7b || c === 0x5b) count++;
  }
  return count;
}

/** The rows that are the request's items (invocations come from spans, minutes from points). */
const ITEM_PARTS: Record<OtlpSignal, BatchPart> = {
  traces: 'spans',
  logs: 'logs',
  metrics: 'metricPoints',
};

/** partial_success for the items the normaliser and the storage screen refused together. */
function partialOf(
  report: RejectReport,
  screened: number,
  screenMessage: string,
): PartialSuccess | undefined {
  const rejected = report.rejected + screened;
  if (rejected === 0) return undefined;
  const messages = [report.errorMessage, screened > 0 ? screenMessage : ''].filter((m) => m !== '');
  return { rejected, errorMessage: messages.join('; ') };
}

/** How many functions known to report faas.coldstarts are remembered (ColdStartReporters). */
const COLD_START_REPORTERS = 100_000;
/** How many functions warned of head-sampled spans are remembered (one warning each). */
const HEAD_SAMPLED_WARNED = 10_000;
/** How far back the stored minutes are read for them at start-up. */
const REPORTERS_LOOKBACK_MS = 7 * 86_400_000;
/** How far back the stored minutes name the Lambda functions known at start-up (LambdaAccounts). */
const KNOWN_FUNCTIONS_LOOKBACK_MS = 35 * 86_400_000;
/**
 * The inventory is read again for Lambda telemetry without an account that no known function
 * completes, at most this often: what a REPORT line or the inventory sync added since.
 */
const ACCOUNTS_REFRESH_MS = 10_000;

const ITEM_PATHS: Record<OtlpSignal, ItemPath> = {
  traces: SPAN_PATH,
  logs: LOG_RECORD_PATH,
  metrics: DATA_POINT_PATH,
};

export type ExportOutcome =
  | { kind: 'ok'; partial?: PartialSuccess }
  | { kind: 'invalid'; message: string }
  | { kind: 'too_large'; message: string }
  | {
      kind: 'retry';
      reason: 'queue_full' | 'storage_unavailable';
      retryAfterSeconds: number;
      message: string;
    };

/**
 * One OTLP export, whatever the transport (HTTP or gRPC): decode, normalise to Fleetscope rows,
 * store, and say what was rejected. Items that fail validation are counted and reported in
 * partial_success; the rest of the request is kept.
 */
@Injectable()
export class OtlpExportService implements OnModuleInit {
  /** Cumulative FaaS/Knative counters become per-minute deltas (bounded per series). */
  private readonly cumulative = new CumulativeToDelta();
  private readonly coldStartReporters = new ColdStartReporters(COLD_START_REPORTERS);
  private readonly logger = new Logger('OtlpExport');
  private readonly headSampledWarned = new Set<string>();
  /**
   * Knative telemetry names no cluster, OpenFaaS telemetry no gateway: each gets the one the
   * scrapes and the inventory use, so a function has one id whichever way it reports.
   */
  private readonly resolve: FaasResolveOptions;
  /**
   * The accounts of the Lambda functions known by region and name, for telemetry whose resource
   * names none (a Lambda layer's often does not: its spans carry cloud.account.id, its metric
   * points and log records only the resource). Fed by the telemetry that names one, the platform
   * records (InventoryRecorder) and the inventory and stored minutes, read at start-up and again
   * on a miss (refreshAccounts()).
   */
  private readonly lambdaAccounts = new LambdaAccounts();
  private accountsReadAtMs = 0;
  private accountsReading: Promise<boolean> | undefined;

  constructor(
    @Inject(FLEETSCOPE_CONFIG) config: Config,
    private readonly pipeline: IngestPipeline,
    private readonly metrics: IngestMetrics,
    targets: PlatformTargets,
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
    inventory: InventoryRecorder,
  ) {
    this.resolve = {
      knativeCluster: config.knativeCluster,
      openFaasGateway: targets.defaultGateway() ?? '',
      lambdaAccounts: this.lambdaAccounts,
    };
    inventory.onFunction((id) => this.lambdaAccounts.learnFunctionId(id));
  }

  /**
   * Before the first request: the functions that reported faas.coldstarts in the last week, as
   * the stored minutes say. A function sending delta counters reports no point in a minute without
   * cold starts; after a restart its minutes read as of unknown start until its next cold start.
   * Without the store the set starts empty, as before.
   */
  async onModuleInit(): Promise<void> {
    await Promise.all([this.readColdStartReporters(), this.readKnownFunctions()]);
  }

  private async readColdStartReporters(): Promise<void> {
    try {
      const ids = await this.functions.coldStartReporters(
        Date.now() - REPORTERS_LOOKBACK_MS,
        COLD_START_REPORTERS,
      );
      for (const id of ids) this.coldStartReporters.add(id);
    } catch (error) {
      this.logger.warn(
        `the functions that report faas.coldstarts were not read back: ${describeError(error)}`,
      );
    }
  }

  /**
   * Before the first request: the Lambda functions the inventory and the stored minutes of the
   * last weeks name, so that a restart does not refuse the telemetry without an account of a
   * function known before it.
   */
  private async readKnownFunctions(): Promise<void> {
    const now = Date.now();
    const [, stored] = await Promise.allSettled([
      this.refreshAccounts(),
      this.functions.functionIdsSince('aws_lambda~', now - KNOWN_FUNCTIONS_LOOKBACK_MS),
    ]);
    if (stored.status === 'fulfilled') {
      for (const id of stored.value) this.lambdaAccounts.learnFunctionId(id);
    } else {
      this.logger.warn(
        `the Lambda functions of the stored minutes were not read: ${describeError(stored.reason)}`,
      );
    }
  }

  /**
   * Reads the Lambda functions of the inventory (function_configs) into lambdaAccounts, at most
   * once per ACCOUNTS_REFRESH_MS, one read at a time. True when it read them.
   */
  private refreshAccounts(): Promise<boolean> {
    if (this.accountsReading !== undefined) return this.accountsReading;
    if (Date.now() - this.accountsReadAtMs < ACCOUNTS_REFRESH_MS) return Promise.resolve(false);
    this.accountsReadAtMs = Date.now();
    const reading = (async () => {
      try {
        for (const id of (await this.configs.merged()).keys()) {
          this.lambdaAccounts.learnFunctionId(id);
        }
        return true;
      } catch (error) {
        this.logger.warn(
          `the Lambda functions of the inventory were not read: ${describeError(error)}`,
        );
        return false;
      } finally {
        this.accountsReading = undefined;
      }
    })();
    this.accountsReading = reading;
    return reading;
  }

  async export(signal: OtlpSignal, encoding: OtlpEncoding, body: Buffer): Promise<ExportOutcome> {
    if (encoding === 'json' && countContainers(body, MAX_JSON_CONTAINERS) > MAX_JSON_CONTAINERS) {
      this.metrics.rejected(signal, 'too_many_items');
      return {
        kind: 'too_large',
        message: `more than ${MAX_JSON_CONTAINERS} JSON objects and arrays in one request: send smaller batches`,
      };
    }
    if (
      encoding === 'protobuf' &&
      countProtobufItems(body, ITEM_PATHS[signal], MAX_ITEMS) > MAX_ITEMS
    ) {
      this.metrics.rejected(signal, 'too_many_items');
      return {
        kind: 'too_large',
        message: `more than ${MAX_ITEMS} ${signal === 'metrics' ? 'data points' : signal === 'logs' ? 'log records' : 'spans'} in one request: send smaller batches`,
      };
    }
    const nested = encoding === 'protobuf' ? NESTED_LIMITS[signal] : undefined;
    if (nested !== undefined && nested.count(body, nested.limit) > nested.limit) {
      this.metrics.rejected(signal, 'too_many_items');
      return {
        kind: 'too_large',
        message: `more than ${nested.limit} ${nested.what} in one request: send smaller batches`,
      };
    }
    try {
      this.pipeline.admit();
    } catch (error) {
      if (error instanceof RetryableIngestError) return this.retry(signal, error);
      throw error;
    }
    let decoded = this.decode(signal, encoding, body);
    if (
      !('message' in decoded) &&
      decoded.report.reasons['missing_identity'] !== undefined &&
      (await this.refreshAccounts())
    ) {
      // Lambda telemetry without an account that no known function completed: the inventory may
      // know it since (a REPORT line's function, the inventory sync). Decoded again with it.
      decoded.undo?.();
      decoded = this.decode(signal, encoding, body);
    }
    if ('message' in decoded) {
      this.metrics.rejected(signal, encoding === 'json' ? 'invalid_json' : 'invalid_protobuf');
      return { kind: 'invalid', message: decoded.message };
    }
    const { batch, report, items, undo } = decoded;
    for (const [reason, count] of Object.entries(report.reasons))
      this.metrics.rejected(signal, reason, count);
    if (items === 0 && report.rejected > 0) {
      // The normaliser refused every item (a span ending before it starts): nothing is left, as
      // when the screen refuses them all (NothingStorableError), so 400, not 200 with
      // partial_success.
      undo?.();
      return { kind: 'invalid', message: `no item could be stored: ${report.errorMessage}` };
    }
    try {
      // The dedup key covers the body: an SDK retrying an unacknowledged export resends it as is.
      const outcome = await this.pipeline.store(
        signal,
        batch,
        IngestPipeline.keyOf(`otlp_${signal}`, body),
        [ITEM_PARTS[signal]],
      );
      const screened = outcome.rejected.byPart[ITEM_PARTS[signal]];
      if (!outcome.duplicate) this.metrics.accepted(signal, items - screened);
      return { kind: 'ok', partial: partialOf(report, screened, outcome.rejectedMessage) };
    } catch (error) {
      // Not stored: the cumulative series go back, so the sender's retry yields the same deltas.
      undo?.();
      if (error instanceof NothingStorableError) {
        // Counted by reason in the screen; the normaliser's rejects are part of the answer too.
        const partial = partialOf(report, error.rejected.byPart[ITEM_PARTS[signal]], error.message);
        return { kind: 'invalid', message: partial?.errorMessage ?? error.message };
      }
      if (error instanceof RejectedIngestError) {
        this.metrics.rejected(signal, 'storage_refused', items);
        return error.status === 413
          ? { kind: 'too_large', message: error.message }
          : { kind: 'invalid', message: error.message };
      }
      if (error instanceof RetryableIngestError) return this.retry(signal, error);
      throw error;
    }
  }

  private retry(signal: OtlpSignal, error: RetryableIngestError): ExportOutcome {
    this.metrics.throttled(signal, error.reason);
    return {
      kind: 'retry',
      reason: error.reason,
      retryAfterSeconds: error.retryAfterSeconds,
      message: error.message,
    };
  }

  /**
   * Counts and cost from spans are those of the sampled invocations only: said once per function
   * (Fleetscope does not scale them up by the probability; platform records and faas.* metrics
   * count every invocation).
   */
  private warnHeadSampled(sampled: ReadonlyMap<string, number>): void {
    for (const [id, p] of sampled) {
      if (this.headSampledWarned.has(id) || this.headSampledWarned.size >= HEAD_SAMPLED_WARNED) {
        continue;
      }
      this.headSampledWarned.add(id);
      const percent = `${Number((p * 100).toPrecision(3))} %`;
      this.logger.warn(
        `the spans of ${id} are head-sampled at ${percent} (tracestate ot=th:): its invocations and ` +
          `cost from spans are counted at ${percent} of the real ones. Sample its spans at 100 % ` +
          `(OTEL_TRACES_SAMPLER=always_on), or send a source that counts every ` +
          `invocation (REPORT lines or Telemetry API records, faas.* metrics)`,
      );
    }
  }

  private decode(
    signal: OtlpSignal,
    encoding: OtlpEncoding,
    body: Buffer,
  ):
    | { batch: IngestBatch; report: RejectReport; items: number; undo?: () => void }
    | { message: string } {
    switch (signal) {
      case 'traces': {
        const request = encoding === 'json' ? decodeTracesJson(body) : decodeTracesProtobuf(body);
        if (isDecodeError(request)) return { message: request.error };
        const n = normaliseTraces(request, this.resolve);
        if (n.headSampled.size > 0) this.warnHeadSampled(n.headSampled);
        return {
          batch: { spans: n.spans, invocations: n.invocations },
          report: n,
          items: n.spans.length,
        };
      }
      case 'logs': {
        const request = encoding === 'json' ? decodeLogsJson(body) : decodeLogsProtobuf(body);
        if (isDecodeError(request)) return { message: request.error };
        const n = normaliseLogs(request, this.resolve);
        return { batch: { logs: n.logs }, report: n, items: n.logs.length };
      }
      case 'metrics': {
        const request = encoding === 'json' ? decodeMetricsJson(body) : decodeMetricsProtobuf(body);
        if (isDecodeError(request)) return { message: request.error };
        const { result: n, undo } = this.cumulative.capture(() =>
          normaliseMetrics(request, {
            ...this.resolve,
            cumulative: this.cumulative,
            coldStartReporters: this.coldStartReporters,
          }),
        );
        return {
          batch: { metricPoints: n.points, functionMinutes: n.minutes },
          report: n,
          items: n.points.length,
          undo,
        };
      }
    }
  }
}
