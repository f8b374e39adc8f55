import { maxHeaderSize } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import { UnsupportedMediaTypeException, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { ENV, listenError, type Config } from '@fleetscope/config';
import { endKeepAliveOnClose } from './keep-alive-close';
import { localOnlyRefusal } from './local-only';
import { nestOptions } from './process-runner';
import { wrongPortRefusal } from './wrong-port';

const API_ROUTES = new WeakMap<NestFastifyApplication, { method: string; url: string }[]>();

/**
 * The schemas of an application's JSON answers, for its OpenAPI document: a module provides them
 * under OPENAPI_RESPONSES and createHttpApp puts them in the document (@nestjs/swagger documents
 * no answer whose type it cannot see: the handlers return interfaces).
 */
export interface OpenApiResponses {
  /** `GET /api/functions/{id}` → the name in `schemas` of its success answer's JSON schema. */
  routes: Record<string, string>;
  /** OpenAPI 3.0 schemas by name, referring to each other as `#/components/schemas/<name>`. */
  schemas: Record<string, Record<string, unknown>>;
}

export const OPENAPI_RESPONSES = Symbol('OPENAPI_RESPONSES');

/** Every route the application registered (method and URL pattern), once it is initialised. */
export function registeredRoutes(app: NestFastifyApplication): { method: string; url: string }[] {
  return API_ROUTES.get(app) ?? [];
}

/** The :8080 application: Fastify, OpenAPI at /api/docs, listening on FLEETSCOPE_HOST. */
export async function createHttpApp(
  module: Type | DynamicModule,
  config: Config,
  version: string,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({
      bodyLimit: 1024 * 1024,
      // The router judges no parameter's length: one longer than maxParamLength gets `404 Cannot
      // GET` before any handler could say why. Every parameter the server can receive (its request
      // line is within Node's maxHeaderSize) reaches its handler, where requireFunctionId answers
      // 400 naming MAX_FUNCTION_ID_LENGTH, the one rule on an id's length.
      routerOptions: { maxParamLength: maxHeaderSize },
      // JSON.parse keeps a "__proto__" key as an own property (no pollution); the hook below
      // refuses it by name rather than Fastify's "Body is not valid JSON".
      onProtoPoisoning: 'ignore',
      onConstructorPoisoning: 'ignore',
    }),
    nestOptions(config),
  );
  // Answers compressed for the clients that ask (browsers do): the fleet page and the cold starts
  // of 10,000 functions are 7.6 MB of JSON each, 0.14 MB as Brotli at quality 1 (6 ms of CPU) and
  // 0.21 MB as gzip at level 1 (19 ms), where the defaults (Brotli 4, gzip 6) cost 40–50 ms for
  // 15–20 % less. Request bodies are read as sent (no decompression: bodyLimit stays the limit).
  await app.register(fastifyCompress, {
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
  });
  const routes: { method: string; url: string }[] = [];
  API_ROUTES.set(app, routes);
  const fastify = app.getHttpAdapter().getInstance();
  endKeepAliveOnClose(fastify);
  // The API reads JSON bodies only. Fastify's text parser handed a handler a JSON body sent as
  // text/plain as a string, which it then refused as a missing field. An HttpException, so Nest
  // answers it as the client's mistake it is; a plain Error with a statusCode was logged as a
  // server error.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    const type = request.headers['content-type'] ?? '(none)';
    done(
      new UnsupportedMediaTypeException(
        `content-type ${type}: the API reads application/json bodies`,
      ),
      undefined,
    );
  });
  // Before the body is read (OTLP protobuf would be a 415) and before the local-only check (a
  // sender on another name for this host would be told about Host): telemetry sent to this port
  // is told where the collector is.
  fastify.addHook('onRequest', async (request, reply) => {
    const misdirected = wrongPortRefusal(request.url, config);
    if (misdirected)
      await reply.status(404).send({ statusCode: 404, error: 'Not Found', message: misdirected });
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const refusal = localOnlyRefusal(request.headers, config);
    if (refusal)
      await reply.status(403).send({ statusCode: 403, error: 'Forbidden', message: refusal });
  });
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });
  fastify.addHook('preValidation', async (request, reply) => {
    const key = forbiddenKey(request.body, 0);
    if (key !== undefined) {
      await reply.status(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: `body: the key "${key}" is not allowed`,
      });
    }
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fleetscope API')
      .setDescription('Serverless fleet observability and cost analysis')
      .setVersion(version)
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description: 'FLEETSCOPE_API_TOKEN, when it is set',
      })
      .addSecurityRequirements('bearer')
      .build(),
  );
  openPathsUnsecured(document);
  const responses = providedResponses(app);
  if (responses) addResponseSchemas(document, responses);
  SwaggerModule.setup('api/docs', app, document);
  return app;
}

/**
 * Routes that stay open under FLEETSCOPE_API_TOKEN (ApiTokenGuard): the health check for probes,
 * and the Prometheus counters (no function data) for scrapers, as /health and /metrics on :4318
 * stay open under the ingest token. Anything not named here is guarded.
 */
export const API_OPEN_PATHS: ReadonlySet<string> = new Set(['/api/health', '/metrics']);

/**
 * The document asks for the bearer token on every operation (addSecurityRequirements: without it
 * Swagger UI's Authorize sent nothing, and each "Try it out" got 401 on a guarded server) but
 * the open paths'; each guarded one documents its 401.
 */
function openPathsUnsecured(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const open = API_OPEN_PATHS.has(path);
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      if (open) operation.security = [];
      else
        operation.responses['401'] ??= {
          description: 'missing or wrong bearer token, when FLEETSCOPE_API_TOKEN is set',
        };
    }
  }
}

/**
 * Listens on FLEETSCOPE_HTTP_PORT and returns the port bound (the system's choice for port 0). When
 * it cannot, the application (initialised by then: its start-up work may be reading the store) is
 * closed before the error is thrown, so the process exits with nothing running in the engine.
 */
export async function listenHttpApp(app: NestFastifyApplication, config: Config): Promise<number> {
  await app.listen(config.httpPort, config.host).catch(async (error: unknown) => {
    await app.close().catch(() => undefined);
    throw listenError(error, ENV.httpPort.name, config.host, config.httpPort);
  });
  const address: unknown = app.getHttpServer().address();
  return typeof address === 'object' && address !== null && 'port' in address
    ? Number(address.port)
    : config.httpPort;
}

function providedResponses(app: NestFastifyApplication): OpenApiResponses | undefined {
  try {
    return app.get<OpenApiResponses>(OPENAPI_RESPONSES, { strict: false });
  } catch {
    return undefined; // not provided: an application without response schemas
  }
}

/**
 * Each listed operation's success answer (its 2xx, 200 when it has none) gets its JSON schema, as
 * a reference into `components.schemas`; other content types documented on the handler stay.
 */
function addResponseSchemas(document: OpenAPIObject, responses: OpenApiResponses): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...responses.schemas },
  };
  for (const [route, name] of Object.entries(responses.routes)) {
    const [method = '', path = ''] = route.split(' ');
    const operation = (document.paths[path] as Record<string, OperationObject | undefined>)?.[
      method.toLowerCase()
    ];
    // A typo or a removed route: fail at start-up, as a missing provider would.
    if (!operation) throw new Error(`OpenAPI response schemas: no operation ${route}`);
    if (!(name in responses.schemas)) {
      throw new Error(`OpenAPI response schemas: ${route} names ${name}, not among the schemas`);
    }
    const status = Object.keys(operation.responses).find((s) => /^2\d\d$/.test(s)) ?? '200';
    const response = (operation.responses[status] ?? { description: '' }) as ResponseObject;
    operation.responses[status] = {
      ...response,
      content: {
        'application/json': { schema: { $ref: `#/components/schemas/${name}` } },
        ...response.content,
      },
    };
  }
}

/** A "__proto__" or "constructor" key anywhere in a parsed JSON body, or undefined. */
function forbiddenKey(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') return key;
    const found = forbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
