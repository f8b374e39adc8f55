import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FLEETSCOPE_CONFIG, type Config } from '@fleetscope/config';
import {
  RPC_CODE,
  encodeExportResponse,
  type OtlpEncoding,
  type OtlpSignal,
} from '@fleetscope/otlp';
import type { CollectorRoutes } from '../http/collector-http.server';
import { retryStatus } from '../http/ingest.pipeline';
import { BodyError, decodeBody } from '../http/request-body';
import { IngestMetrics } from '../telemetry/ingest-metrics';
import { OtlpExportService } from './otlp-export.service';
import { asBody, otlpEncodingOf, otlpResponseType, sendOtlpStatus } from './otlp-status.reply';

/**
 * OTLP/HTTP (opentelemetry-proto docs/specification.md): POST /v1/{traces,logs,metrics} in
 * protobuf or JSON, gzip allowed; the answer is in the request's encoding; 400 with a
 * google.rpc.Status for bad data (not retried), 415 for other content types, 413 beyond the
 * limit after decompression, 429/503 + Retry-After when the sender should retry.
 */
@Injectable()
export class OtlpHttpRoutes implements CollectorRoutes {
  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    private readonly exporter: OtlpExportService,
    private readonly metrics: IngestMetrics,
  ) {}

  register(app: FastifyInstance): void {
    for (const signal of ['traces', 'logs', 'metrics'] as const) {
      app.post(`/v1/${signal}`, (request, reply) => this.handle(signal, request, reply));
    }
  }

  private async handle(
    signal: OtlpSignal,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const encoding = otlpEncodingOf(request.headers['content-type']);
    if (!encoding) {
      this.metrics.rejected(signal, 'unsupported_media_type');
      return this.fail(
        signal,
        reply,
        'json',
        415,
        RPC_CODE.INVALID_ARGUMENT,
        `Content-Type must be application/x-protobuf or application/json, got "${request.headers['content-type'] ?? ''}"`,
      );
    }
    let body: Buffer;
    try {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      body = decodeBody(raw, request.headers['content-encoding'], this.config.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      this.metrics.rejected(signal, error.reason);
      return this.fail(
        signal,
        reply,
        encoding,
        error.status,
        RPC_CODE.INVALID_ARGUMENT,
        error.message,
      );
    }
    const outcome = await this.exporter.export(signal, encoding, body);
    switch (outcome.kind) {
      case 'ok':
        this.metrics.request(signal, 200);
        await reply
          .status(200)
          .type(otlpResponseType(encoding, request.headers['content-type']))
          .send(asBody(encodeExportResponse(signal, encoding, outcome.partial)));
        return;
      case 'invalid':
        return this.fail(signal, reply, encoding, 400, RPC_CODE.INVALID_ARGUMENT, outcome.message);
      case 'too_large':
        return this.fail(signal, reply, encoding, 413, RPC_CODE.INVALID_ARGUMENT, outcome.message);
      case 'retry':
        void reply.header('Retry-After', String(outcome.retryAfterSeconds));
        return this.fail(
          signal,
          reply,
          encoding,
          retryStatus(outcome.reason).http,
          retryStatus(outcome.reason).rpcCode,
          outcome.message,
        );
    }
  }

  private async fail(
    signal: string,
    reply: FastifyReply,
    encoding: OtlpEncoding,
    status: number,
    code: number,
    message: string,
  ): Promise<void> {
    this.metrics.request(signal, status);
    await sendOtlpStatus(reply, encoding, status, code, message);
  }
}
