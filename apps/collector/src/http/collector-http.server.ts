import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  ENV,
  FLEETSCOPE_CONFIG,
  bearerMatches,
  isLoopback,
  listenError,
  secretMatches,
  type Config,
} from '@fleetscope/config';
import { collectorWrongPortRefusal, endKeepAliveOnClose, originRefusal } from '@fleetscope/server';
import { firehoseErrorResponse, firehoseStatus } from '@fleetscope/ingest';
import { RPC_CODE } from '@fleetscope/otlp';
import { otlpEncodingOf, sendOtlpStatus } from '../otlp/otlp-status.reply';
import { IngestMetrics } from '../telemetry/ingest-metrics';
import { readBody } from './request-body';

/** A set of routes on the collector's HTTP server (:4318). */
export interface CollectorRoutes {
  register(app: FastifyInstance): void;
}

export const COLLECTOR_ROUTES = Symbol('COLLECTOR_ROUTES');

/**
 * The collector's own HTTP server on :4318 (OTLP/HTTP and platform ingest). It is not Nest's
 * HTTP adapter: in the all-in-one process that one serves the dashboard on :8080, and ingest
 * needs raw bodies (decompressed under a bound) rather than parsed JSON.
 */
@Injectable()
export class CollectorHttpServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Collector');
  readonly app: FastifyInstance;
  private listening?: Promise<string>;
  /** Every route registered on :4318 (method and URL pattern). */
  readonly routes: { method: string; url: string }[] = [];

  constructor(
    @Inject(FLEETSCOPE_CONFIG) private readonly config: Config,
    @Inject(COLLECTOR_ROUTES) routes: CollectorRoutes[],
    private readonly metrics: IngestMetrics,
  ) {
    // The compressed body may be at most the decompressed limit; decodeBody enforces the rest.
    // Timeouts so a sender trickling a body cannot hold a connection (and shutdown) open forever.
    this.app = Fastify({
      bodyLimit: config.maxBodyBytes,
      logger: false,
      requestTimeout: 120_000,
      connectionTimeout: 130_000,
    });
    this.app.removeAllContentTypeParsers();
    this.app.addContentTypeParser('*', (request, payload, done) =>
      readBody(payload, request.headers['content-length'], config.maxBodyBytes, done),
    );
    this.app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500
          ? error.statusCode
          : 500;
      const path = routePath(request);
      const firehose = path === FIREHOSE_PATH;
      this.metrics.request(signalOf(path), firehose ? firehoseStatus(status) : status);
      if (status === 413) this.metrics.rejected(signalOf(path), 'too_large');
      if (status === 415) {
        // Fastify's own answer to a body whose Content-Type is empty or malformed (any other
        // type is read): said plainly and counted, as every refused input is.
        this.metrics.rejected(signalOf(path), 'unsupported_media_type');
        error = {
          statusCode: 415,
          message: `Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')} is missing or malformed: send the body's type (application/json; application/x-protobuf for OTLP)`,
        };
      }
      if (status >= 500) this.logger.error(`${request.method} ${request.url}: ${error.message}`);
      if (isOtlpPath(path)) {
        const code = status >= 500 ? RPC_CODE.INTERNAL : RPC_CODE.INVALID_ARGUMENT;
        return sendOtlpStatus(
          reply,
          otlpEncodingOf(request.headers['content-type']) ?? 'json',
          status,
          code,
          error.message,
        );
      }
      if (firehose) {
        // Firehose reads only its own response shape; anything else it takes for a server error.
        const id = request.headers['x-amz-firehose-request-id'];
        return reply
          .status(firehoseStatus(status))
          .type('application/json')
          .send(firehoseErrorResponse((Array.isArray(id) ? id[0] : id) ?? '', error.message));
      }
      void reply
        .status(status)
        .type('application/json')
        .send({ code: status, message: error.message });
    });
    // Unknown routes answer in the collector's shapes too, not Fastify's.
    this.app.setNotFoundHandler(async (request, reply) => {
      this.metrics.request('other', 404);
      const message = `no route ${request.method} ${request.url.split('?')[0]}: see the README for the ingest routes`;
      if (isOtlpPath(request.url)) {
        // HTTP 404 is gRPC UNIMPLEMENTED (grpc/doc/http-grpc-status-mapping.md).
        const encoding = otlpEncodingOf(request.headers['content-type']) ?? 'json';
        return sendOtlpStatus(reply, encoding, 404, RPC_CODE.UNIMPLEMENTED, message);
      }
      if (request.url.startsWith('/ingest/firehose')) {
        const id = request.headers['x-amz-firehose-request-id'];
        return reply
          .status(404)
          .type('application/json')
          .send(firehoseErrorResponse((Array.isArray(id) ? id[0] : id) ?? '', message));
      }
      await reply.status(404).type('application/json').send({ code: 404, message });
    });
    // Recorded for the check that the README lists every route (test/deploy/routes-documented).
    this.app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') this.routes.push({ method, url: route.url });
      }
    });
    this.app.get('/health', (_request, reply) => reply.send({ status: 'ok' }));
    this.app.get('/metrics', async (_request, reply) => {
      await reply.type('text/plain; version=0.0.4').send(this.metrics.render());
    });
    // Before the token and origin checks and before the body is read: a request meant for the
    // dashboard or its API (`fleetscope replay --url` naming this port) is told where that is,
    // not that it lacks the ingest token or that no ingest route has that name.
    this.app.addHook('onRequest', async (request, reply) => {
      const misdirected = collectorWrongPortRefusal(request.url, config);
      if (!misdirected) return;
      this.metrics.request('other', 404);
      await reply.status(404).type('application/json').send({ code: 404, message: misdirected });
      return reply;
    });
    this.app.addHook('onRequest', async (request, reply) => this.authorise(request, reply));
    this.app.addHook('onRequest', async (request, reply) => this.refuseRepeated(request, reply));
    endKeepAliveOnClose(this.app);
    for (const r of routes) r.register(this.app);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.listening = this.app
      .listen({ host: this.config.host, port: this.config.otlpHttpPort })
      .catch((error: unknown) => {
        throw listenError(error, ENV.otlpHttpPort.name, this.config.host, this.config.otlpHttpPort);
      });
    await this.listening;
    this.logger.log(`OTLP/HTTP and platform ingest on http://${this.config.host}:${this.port}`);
  }

  /** The port listened on: the configured one, or the one the system chose for port 0. */
  get port(): number {
    const address = this.app.server.address();
    return typeof address === 'object' && address ? address.port : this.config.otlpHttpPort;
  }

  async onModuleDestroy(): Promise<void> {
    // A start that failed elsewhere may close the app while the listen is still under way.
    await this.listening?.catch(() => undefined);
    await this.app.close();
  }

  /**
   * Every parameter of the platform ingest routes takes one value: given twice, the routes read
   * one of them (`?function-arn=A&function-arn=B` stored the data under A without a word). One
   * rule for every route, before its body is read: 400 naming the parameter, counted as
   * `repeated_parameter`.
   */
  private async refuseRepeated(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const path = routePath(request);
    if (!path.startsWith('/ingest/')) return;
    const query = request.query as Record<string, unknown> | undefined;
    const repeated = Object.keys(query ?? {}).find((key) => Array.isArray(query?.[key]));
    if (repeated === undefined) return;
    const signal = signalOf(path);
    const message = `${repeated}: given more than once; it takes one value`;
    this.metrics.rejected(signal, 'repeated_parameter');
    this.metrics.request(signal, 400);
    const body =
      path === FIREHOSE_PATH
        ? firehoseErrorResponse(headerOf(request, 'x-amz-firehose-request-id'), message)
        : { message };
    await reply.status(400).type('application/json').send(body);
    return reply;
  }

  private async authorise(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.method === 'GET') return;
    // Firehose authenticates with its own header; refused before its body is read. By the route
    // matched, not the raw URL: /ingest/%66irehose reached the Firehose route while the raw URL
    // said it was another, and passed without the access key.
    const path = routePath(request);
    const token = this.config.ingestToken;
    // Without a token (loopback only), a page of another site, or of a name rebound to 127.0.0.1,
    // could send data here from the user's browser.
    const foreign =
      !token && isLoopback(this.config.host)
        ? originRefusal(request.headers.origin, ENV.ingestToken.name)
        : null;
    if (foreign) {
      const signal = signalOf(path);
      this.metrics.rejected(signal, 'forbidden_origin');
      this.metrics.request(signal, 403);
      if (isOtlpPath(path)) {
        const encoding = otlpEncodingOf(request.headers['content-type']) ?? 'json';
        return sendOtlpStatus(reply, encoding, 403, RPC_CODE.PERMISSION_DENIED, foreign);
      }
      await reply.status(403).type('application/json').send({ code: 403, message: foreign });
      return reply;
    }
    if (path === FIREHOSE_PATH) return this.authoriseFirehose(request, reply);
    if (!token) return;
    if (!bearerMatches(request.headers.authorization, token)) {
      const signal = signalOf(path);
      this.metrics.rejected(signal, 'unauthorized');
      this.metrics.request(signal, 401);
      const message = 'missing or wrong bearer token (FLEETSCOPE_INGEST_TOKEN)';
      if (isOtlpPath(path)) {
        const encoding = otlpEncodingOf(request.headers['content-type']) ?? 'json';
        return sendOtlpStatus(reply, encoding, 401, RPC_CODE.UNAUTHENTICATED, message);
      }
      await reply
        .status(401)
        .type('application/json')
        .send({ code: RPC_CODE.UNAUTHENTICATED, message });
    }
  }

  private async authoriseFirehose(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const expected = this.config.firehoseAccessKey ?? this.config.ingestToken;
    if (!expected || secretMatches(request.headers['x-amz-firehose-access-key'], expected)) return;
    this.metrics.rejected('firehose', 'unauthorized');
    this.metrics.request('firehose', 401);
    const id = request.headers['x-amz-firehose-request-id'];
    // Which setting the delivery stream's access key must equal: a sender told only "wrong" does
    // not know that, without FLEETSCOPE_FIREHOSE_ACCESS_KEY, it is the ingest token.
    const setting = this.config.firehoseAccessKey
      ? ENV.firehoseAccessKey.name
      : `${ENV.ingestToken.name} (${ENV.firehoseAccessKey.name} is not set)`;
    const sent = request.headers['x-amz-firehose-access-key'];
    await reply
      .status(401)
      .type('application/json')
      .send(
        firehoseErrorResponse(
          (Array.isArray(id) ? id[0] : id) ?? '',
          `X-Amz-Firehose-Access-Key is ${sent ? 'wrong' : 'missing'}: the delivery stream's access key must equal ${setting}`,
        ),
      );
  }
}

/** OTLP/HTTP routes answer failures with a google.rpc.Status in the request's encoding. */
const FIREHOSE_PATH = '/ingest/firehose';

/**
 * The path of the route a request matched (Fastify matches the decoded path), else its own path:
 * the raw URL may spell the same route with percent-encoded characters.
 */
function routePath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0];
}

function headerOf(request: FastifyRequest, name: string): string {
  const v = request.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

function isOtlpPath(url: string): boolean {
  return url.startsWith('/v1/');
}

/** Metric labels of the known ingest paths; anything else is 'other', so labels stay bounded. */
const SIGNALS: Record<string, string> = {
  '/v1/traces': 'traces',
  '/v1/logs': 'logs',
  '/v1/metrics': 'metrics',
  '/ingest/lambda/telemetry': 'lambda_telemetry',
  '/ingest/lambda/cloudwatch': 'lambda_cloudwatch',
  '/ingest/lambda/logs': 'lambda_logs',
  '/ingest/firehose': 'firehose',
  '/ingest/openfaas/gateway-logs': 'openfaas_gateway-logs',
  '/ingest/openfaas/watchdog-logs': 'openfaas_watchdog-logs',
  '/ingest/knative/metrics': 'knative_metrics',
};

export function signalOf(url: string): string {
  return SIGNALS[url.split('?')[0]] ?? 'other';
}
