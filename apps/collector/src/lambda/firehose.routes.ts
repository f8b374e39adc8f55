import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import { regionProblem } from '@fleetscope/model';
import {
  firehoseErrorResponse,
  firehoseStatus,
  firehoseSuccessResponse,
  parseFirehoseRequest,
} from '@fleetscope/ingest';
import type { CollectorRoutes } from '../http/collector-http.server';
import { IngestPipeline } from '../http/ingest.pipeline';
import { lambdaTargetFrom, type LambdaTarget } from './function-identity.params';
import { PlatformIngestHandler, type StoreAnswer } from './platform-ingest.handler';

type Query = Record<string, string | undefined>;

/**
 * The Firehose HTTP endpoint contract: X-Amz-Firehose-Access-Key checked, `{requestId, timestamp}`
 * on success and `errorMessage` on failure, never 413 (firehoseStatus()). Firehose retries with
 * the same X-Amz-Firehose-Request-Id, which is the dedup key, so a retry stores nothing twice.
 */
@Injectable()
export class FirehoseRoutes implements CollectorRoutes {
  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly handler: PlatformIngestHandler,
  ) {}

  register(app: FastifyInstance): void {
    app.post('/ingest/firehose', (request, reply) => this.deliver(request, reply));
  }

  private async deliver(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'firehose';
    const headerId = header(request, 'x-amz-firehose-request-id');
    // The access key was checked before the body was read (CollectorHttpServer).
    const body = await this.handler.body(signal, request, reply, (status, message) => ({
      status: firehoseStatus(status),
      body: { ...firehoseErrorResponse(headerId, message) },
    }));
    if (!body) return;
    const attributes = commonAttributes(header(request, 'x-amz-firehose-common-attributes'));
    // Records extracted to plain lines have lost their log group: the function then comes from
    // the endpoint's query string or its common attributes (examples/lambda-extension/PROTOCOL.md).
    const given: Query = { ...attributes, ...(request.query as Query) };
    // CloudWatch Logs records name their account and log group, not their region: it is the
    // endpoint's `region`, else the stream's (Firehose sends its ARN on every delivery), else the
    // region of the function-arn the endpoint names. Without one the function got an id of its
    // own (`aws_lambda~ACCOUNT~~NAME`), split from its spans, and was priced at us-east-1's prices.
    const byArn = lambdaTargetFrom(given, request.headers);
    const region =
      given.region?.trim() ||
      regionFromArn(header(request, 'x-amz-firehose-source-arn')) ||
      ('identity' in byArn ? byArn.identity.region : '');
    const wrong = regionProblem(region, 'region');
    if (wrong) {
      this.handler.metrics.rejected(signal, 'missing_region');
      const arnGiven =
        given['function-arn'] || given.arn || header(request, 'x-fleetscope-function-arn');
      const message =
        arnGiven && 'error' in byArn
          ? byArn.error
          : `${wrong}: the records do not name it; give the endpoint ?region=REGION (or a region common attribute) or ?function-arn=…, or send X-Amz-Firehose-Source-Arn as Firehose does`;
      return this.handler.answer(signal, reply, firehoseStatus(400), {
        ...firehoseErrorResponse(headerId, message),
      });
    }
    // A function named by its name (extracted lines) is in the stream's region unless told.
    const params: Query = { ...given, region };
    const target = lambdaTargetFrom(params, request.headers);
    const named = 'error' in target ? { identityError: target.error } : target;
    const { requestId, stored } = this.store(signal, body, { region, headerId, ...named });
    const answer = await stored;
    if (answer.retryAfterSeconds)
      void reply.header('Retry-After', String(answer.retryAfterSeconds));
    await this.handler.answer(
      signal,
      reply,
      firehoseStatus(answer.status),
      answer.status === 200
        ? { ...firehoseSuccessResponse(requestId) }
        : { ...firehoseErrorResponse(requestId, answer.message) },
    );
  }

  /**
   * Parses and stores the request's records. Not async: the parsed rows must not be kept until
   * they are stored (PlatformIngestHandler.store()); the caller waits for `stored`.
   */
  private store(
    signal: string,
    body: Buffer,
    { headerId, ...target }: FirehoseTarget,
  ): { requestId: string; stored: Promise<StoreAnswer> } {
    const { result, undo } = this.handler.pool.capture(() =>
      parseFirehoseRequest(body, {
        pool: this.handler.pool,
        logSource: 'firehose',
        // Records inflate inside the body: together they stay within the body limit too.
        maxTotalDecompressedBytes: this.config.maxBodyBytes,
        ...target,
      }),
    );
    // Every record refused: handler.store() refuses the delivery (400), which Firehose retries and
    // then backs up to the stream's S3 error bucket.
    const requestId = headerId || result.requestId;
    const key = requestId ? `firehose:${requestId}` : IngestPipeline.keyOf(signal, body);
    if (this.handler.isKnown(key)) {
      // A redelivery stores nothing twice: its per-sandbox state is put back at once, before
      // another request can move the same sandbox on.
      undo();
      return { requestId, stored: this.handler.store(signal, result, key) };
    }
    // Not stored: Firehose sends the request again, to find the per-sandbox state as it was.
    return { requestId, stored: this.handler.store(signal, result, key, undo) };
  }
}

/** What parseFirehoseRequest is told besides the body, and the request id the header gave. */
type FirehoseTarget = {
  region?: string;
  headerId: string;
  identityError?: string;
} & Partial<LambdaTarget>;

/** `arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME`: the stream's region is the logs' region. */
function regionFromArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region ? region : undefined;
}

function header(request: FastifyRequest, name: string): string {
  const v = request.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/**
 * Firehose sends the endpoint's configured common attributes as JSON
 * (`{"commonAttributes":{"region":"…","function-arn":"…"}}`); `region` and the function identity
 * parameters are honoured. Anything unreadable counts as none.
 */
function commonAttributes(value: string): Query {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as { commonAttributes?: unknown };
    const attributes = parsed.commonAttributes;
    if (typeof attributes !== 'object' || attributes === null) return {};
    const out: Query = {};
    for (const [k, v] of Object.entries(attributes)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}
