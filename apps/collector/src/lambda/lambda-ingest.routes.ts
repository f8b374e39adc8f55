import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  decodeCloudWatchSubscription,
  parseLambdaLogLines,
  parseTelemetryBatch,
  type IngestResult,
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
      this.ingestNamed('lambda_telemetry', request, reply, (body, target) =>
        parseTelemetryBatch(body, { ...target, pool }),
      ),
    );
    app.post('/ingest/lambda/logs', (request, reply) =>
      this.ingestNamed('lambda_logs', request, reply, (body, target) =>
        parseLambdaLogLines(body.toString('utf8'), { ...target, pool }),
      ),
    );
    // Subscription payloads carry their log group, hence the function.
    app.post('/ingest/lambda/cloudwatch', async (request, reply) => {
      const signal = 'lambda_cloudwatch';
      const body = await this.handler.body(signal, request, reply);
      if (!body) return;
      const region = (request.query as Query).region ?? '';
      await this.store(
        signal,
        request,
        reply,
        body,
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
  ): Promise<void> {
    const body = await this.handler.body(signal, request, reply);
    if (!body) return;
    const target = lambdaTargetFrom(request.query as Query, request.headers);
    if ('error' in target) {
      this.handler.metrics.rejected(signal, 'missing_identity');
      return this.handler.answer(signal, reply, 400, { message: target.error });
    }
    await this.store(signal, request, reply, body, parse(body, target));
  }

  private store(
    signal: string,
    request: FastifyRequest,
    reply: FastifyReply,
    body: Buffer,
    result: IngestResult,
  ): Promise<void> {
    // The same body for another function is another request: the key covers the URL too.
    const key = IngestPipeline.keyOf(signal, Buffer.concat([Buffer.from(request.url), body]));
    return this.handler.finish(signal, reply, result, key);
  }
}
