import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  decodeCloudWatchSubscription,
  parseLambdaLogLines,
  parseTelemetryBatch,
} from '@fleetscope/ingest';
import type { CollectorRoutes } from '../http/collector-http.server';
import { IngestPipeline } from '../http/ingest.pipeline';
import { lambdaTargetFrom } from './function-identity.params';
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
    app.post('/ingest/lambda/telemetry', (request, reply) => this.telemetry(request, reply));
    app.post('/ingest/lambda/cloudwatch', (request, reply) => this.cloudwatch(request, reply));
    app.post('/ingest/lambda/logs', (request, reply) => this.lines(request, reply));
  }

  private async telemetry(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'lambda_telemetry';
    const body = await this.handler.body(signal, request, reply);
    if (!body) return;
    const target = lambdaTargetFrom(request.query as Query, request.headers);
    if ('error' in target) {
      this.handlerReject(signal, 'missing_identity');
      return this.handler.answer(signal, reply, 400, { message: target.error });
    }
    const result = parseTelemetryBatch(body, { ...target, pool: this.handler.pool });
    await this.handler.finish(
      signal,
      reply,
      result,
      IngestPipeline.keyOf(signal, keyMaterial(request, body)),
    );
  }

  private async cloudwatch(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'lambda_cloudwatch';
    const body = await this.handler.body(signal, request, reply);
    if (!body) return;
    const region = (request.query as Query).region ?? '';
    const result = decodeCloudWatchSubscription(body, { region, pool: this.handler.pool });
    await this.handler.finish(
      signal,
      reply,
      result,
      IngestPipeline.keyOf(signal, keyMaterial(request, body)),
    );
  }

  private async lines(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const signal = 'lambda_logs';
    const body = await this.handler.body(signal, request, reply);
    if (!body) return;
    const target = lambdaTargetFrom(request.query as Query, request.headers);
    if ('error' in target) {
      this.handlerReject(signal, 'missing_identity');
      return this.handler.answer(signal, reply, 400, { message: target.error });
    }
    const result = parseLambdaLogLines(body.toString('utf8'), {
      ...target,
      pool: this.handler.pool,
    });
    await this.handler.finish(
      signal,
      reply,
      result,
      IngestPipeline.keyOf(signal, keyMaterial(request, body)),
    );
  }

  private handlerReject(signal: string, reason: string): void {
    this.handler.metrics.rejected(signal, reason);
  }
}

/** The same body for another function is another request: the key covers the query too. */
function keyMaterial(request: FastifyRequest, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(request.url), body]);
}
