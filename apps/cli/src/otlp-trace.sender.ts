import {
  decodeExportResponseProtobuf,
  decodeStatusProtobuf,
  encodeTraceRequestProtobuf,
  type OtlpTraceRequest,
} from '@fleetscope/otlp';
import {
  FleetscopeRequestError,
  jsonErrorMessage,
  type FleetscopeEndpoints,
} from './fleetscope.client';

/** Give up on a collector that keeps answering "retry later" after this long. */
const RETRY_BUDGET_MS = 120_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the collector said of an acknowledged request: the spans it refused (partial_success). */
export interface TraceExportAnswer {
  rejected: number;
  /** The collector's reason; '' when nothing was refused. */
  errorMessage: string;
}

/**
 * Posts OTLP/protobuf trace requests to the collector's /v1/traces, as an OpenTelemetry exporter
 * does: 429 and 503 are retried after their Retry-After (the OTLP/HTTP rules), anything else that
 * is not 2xx is an error (FleetscopeRequestError with the status) naming what it said. A 2xx
 * answer's partial_success (spans refused, the others stored) is returned, not thrown: the caller
 * must know that the rest of the request was stored.
 */
export class OtlpTraceSender {
  constructor(private readonly endpoints: FleetscopeEndpoints) {}

  async send(request: OtlpTraceRequest): Promise<TraceExportAnswer> {
    const body = encodeTraceRequestProtobuf(request);
    const headers: Record<string, string> = { 'content-type': 'application/x-protobuf' };
    if (this.endpoints.ingestToken) headers.authorization = `Bearer ${this.endpoints.ingestToken}`;
    const url = `${this.endpoints.ingestUrl}/v1/traces`;
    const deadline = Date.now() + RETRY_BUDGET_MS;
    for (;;) {
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', headers, body });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? String(error);
        throw new FleetscopeRequestError(
          `cannot reach the Fleetscope collector at ${this.endpoints.ingestUrl} (${why}); start it with 'npm start' or pass --ingest-url`,
        );
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.ok) {
        let answer: { rejected: number; errorMessage: string };
        try {
          answer = decodeExportResponseProtobuf('traces', bytes);
        } catch (error) {
          // Something answered 200 that is not an OTLP collector (a web page, another service).
          throw new FleetscopeRequestError(
            `${url} did not answer as a Fleetscope collector (OTLP/HTTP /v1/traces): ${(error as Error).message}; check --ingest-url or FLEETSCOPE_INGEST_URL`,
          );
        }
        const { rejected, errorMessage } = answer;
        return { rejected, errorMessage: rejected > 0 ? errorMessage : '' };
      }
      if ((response.status === 429 || response.status === 503) && Date.now() < deadline) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : 1000);
        continue;
      }
      throw new FleetscopeRequestError(
        `POST /v1/traces answered ${response.status}: ${errorMessageOf(bytes) ?? `HTTP ${response.status}`}`,
        response.status,
      );
    }
  }
}

/**
 * What a refusal said: the collector answers a protobuf request with a protobuf google.rpc.Status;
 * the dashboard's port, sent telemetry by mistake, says where the collector is in JSON. JSON is
 * tried first: a JSON body may decode as protobuf into nothing useful.
 */
function errorMessageOf(bytes: Uint8Array): string | null {
  const text = new TextDecoder().decode(bytes);
  const said = jsonErrorMessage(text);
  if (said) return said;
  try {
    return decodeStatusProtobuf(bytes).message || null;
  } catch {
    return null;
  }
}
