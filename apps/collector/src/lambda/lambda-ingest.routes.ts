import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { promiseOf, regionProblem } from '@fleetscope/model';
import {
  countLines,
  decodeCloudWatchSubscription,
  MAX_LINES,
  parseLambdaLogLines,
  parseTelemetryBatch,
  tooManyLinesMessage,
  type IngestResult,
  type SandboxInitWaitOutcome,
} from '@fleetscope/ingest';
import type { CollectorRoutes } from '../http/collector-http.server';
import { IngestPipeline } from '../http/ingest.pipeline';
import { lambdaTargetFrom, type LambdaTarget } from './function-identity.params';
import { PlatformIngestHandler } from './platform-ingest.handler';

type Query = Record<string, string | undefined>;

/**
 * Lambda's own records: Telemetry API batches forwarded by an extension, CloudWatch Logs
 * subscription deliveries, and raw log lines (an export or an Invoke tail).
 */

@Injectable()
export class LambdaIngestRoutes implements CollectorRoutes {
  constructor(private readonly handler: PlatformIngestHandler) {}

  register(app: FastifyInstance): void {
    const pool = this.handler.pool;
    // Telemetry batches and raw lines do not say whose they are: the sender names the function.
    app.post('/ingest/lambda/telemetry', (request, reply) =>
      this.ingestNamed(
        'lambda_telemetry',
        request,
        reply,
        (body, target) => parseTelemetryBatch(body, { ...target, pool }),
        Number.POSITIVE_INFINITY,
        // A sandbox's batch that came before its platform.initStart waits for it (a bounded
        // time, unacknowledged): only the initStart names the version of its invocations.
        (body, target) => this.handler.initGate.wait(body, target),
      ),
    );
    app.post('/ingest/lambda/logs', (request, reply) =>
      this.ingestNamed(
        'lambda_logs',
        request,
        reply,
        (body, target) => parseLambdaLogLines(body.toString('utf8'), { ...target, pool }),
        MAX_LINES,
      ),
    );
    // Subscription payloads carry their log group, hence the function.
    app.post('/ingest/lambda/cloudwatch', async (request, reply) => {
      const signal = 'lambda_cloudwatch';
      // The payload names its account and log group, not its region: without one, the function
      // got an id of its own (`aws_lambda~ACCOUNT~~NAME`) and was priced at us-east-1's prices.
      const region = (request.query as Query).region;
      const problem = regionProblem(region ?? '', 'region');
      if (!region || problem) {
        this.handler.metrics.rejected(signal, 'missing_region');
        const message = region
          ? problem
          : 'region: required (a subscription payload does not name it): POST /ingest/lambda/cloudwatch?region=eu-west-1';
        return this.handler.answer(signal, reply, 400, { message });
      }
      const body = await this.handler.body(signal, request, reply);
      if (!body) return;
      await this.store(signal, request, reply, body, () =>
        decodeCloudWatchSubscription(body, { region, pool }),
      );
    });
  }

  /** For bodies that do not name their function: 400 naming what is missing unless the request does. */
  private async ingestNamed(
    signal: string,
    request: FastifyRequest,
    reply: FastifyReply,
    parse: (body: Buffer, target: LambdaTarget) => IngestResult,
    maxLines = Number.POSITIVE_INFINITY,
    /** Undefined when the body may be parsed now, else when it may. */
    ready?: (body: Buffer, target: LambdaTarget) => Promise<SandboxInitWaitOutcome> | undefined,
  ): Promise<void> {
    const body = await this.handler.body(signal, request, reply);
    if (!body) return;
    if (countLines(body, maxLines) > maxLines) {
      this.handler.metrics.rejected(signal, 'too_many_lines');
      return this.handler.answer(signal, reply, 413, {
        message: tooManyLinesMessage(maxLines),
      });
    }
    const target = lambdaTargetFrom(request.query as Query, request.headers);
    if ('error' in target) {
      this.handler.metrics.rejected(signal, 'missing_identity');
      return this.handler.answer(signal, reply, 400, { message: target.error });
    }
    const waiting = ready?.(body, target);
    if (waiting) this.handler.metrics.held(signal, await waiting);
    await this.store(signal, request, reply, body, () => parse(body, target));
  }

  /** Not async, so that nothing keeps the parsed rows until they are stored (handler.store()). */
  private store(
    signal: string,
    request: FastifyRequest,
    reply: FastifyReply,
    body: Buffer,
    parse: () => IngestResult,
  ): Promise<void> {
    // The same body for another function is another request: the key covers the URL too.
    const key = IngestPipeline.keyOf(signal, request.url, body);
    return promiseOf(() => {
      // Parsing moves per-sandbox state on; a delivery not stored puts it back for its retry.
      const { result, undo } = this.handler.pool.capture(parse);
      if (!this.handler.isKnown(key)) return this.handler.finish(signal, reply, result, key, undo);
      // A redelivery is parsed only to answer as the first send was answered (what it rejected;
      // the pipeline stores nothing twice), and its per-sandbox state (an INIT, a reset after a
      // timeout) is put back at once, before another delivery can move the same sandbox on.
      undo();
      return this.handler.finish(signal, reply, result, key);
    });
  }
}
