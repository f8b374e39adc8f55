import type { OtlpKeyValue, OtlpTraceRequest } from '@fleetscope/otlp';
import { invokedArn, type FleetFunction, type LambdaFleet } from './lambda-fleet';
import { SeededRandom } from './seeded-random';

type OtlpResourceSpans = NonNullable<OtlpTraceRequest['resourceSpans']>[number];
type OtlpSpan = NonNullable<NonNullable<OtlpResourceSpans['scopeSpans']>[number]['spans']>[number];

export interface TraceGeneratorOptions {
  fleet: LambdaFleet;
  seed: number;
  /** Epoch ms of the first batch; batch b covers [base + b·batchWindowMs, + batchWindowMs). */
  baseTimeMs: number;
  batchWindowMs?: number;
  spansPerBatch?: number;
  /** resourceSpans per request: a gateway collector mixes several functions' exports. */
  resourcesPerBatch?: number;
}

export interface TraceBatch {
  request: OtlpTraceRequest;
  spans: number;
  /** SERVER spans with FaaS semantics: each is one invocation. */
  invocations: number;
}

const str = (key: string, value: string): OtlpKeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): OtlpKeyValue => ({
  key,
  value: { intValue: String(value) },
});
const bool = (key: string, value: boolean): OtlpKeyValue => ({ key, value: { boolValue: value } });

const ROUTES = [
  '/orders/{id}',
  '/orders',
  '/users/{id}/profile',
  '/search',
  '/cart/items',
  '/health',
];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'okhttp/4.12.0',
  'Amazon CloudFront',
];
const DDB_OPS = ['GetItem', 'PutItem', 'Query', 'UpdateItem'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * OTLP trace requests as the OpenTelemetry Lambda layer produces them
 * (docs/decisions.md "OpenTelemetry FaaS quirks"): a Lambda resource (detector + ADOT attributes), SERVER spans
 * from instrumentation-aws-lambda with faas.invocation_id, cloud.resource_id (alias kept),
 * cloud.account.id, faas.coldstart, faas.trigger and HTTP or SQS attributes (ten in all), and
 * one DynamoDB CLIENT child span for every three invocations. Ids are random, timestamps have
 * nanosecond digits as the Node SDK's hrtime gives them. Deterministic per (seed, batch index).
 */
export class FaasTraceGenerator {
  readonly spansPerBatch: number;
  private readonly resourcesPerBatch: number;
  private readonly windowMs: number;

  constructor(private readonly options: TraceGeneratorOptions) {
    this.spansPerBatch = options.spansPerBatch ?? 512;
    this.resourcesPerBatch = options.resourcesPerBatch ?? 8;
    this.windowMs = options.batchWindowMs ?? 1000;
  }

  batch(index: number): TraceBatch {
    const rnd = new SeededRandom((this.options.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const perResource = Math.ceil(this.spansPerBatch / this.resourcesPerBatch);
    const request: OtlpTraceRequest = { resourceSpans: [] };
    let spans = 0;
    let invocations = 0;
    const batchStartMs = this.options.baseTimeMs + index * this.windowMs;
    for (let r = 0; r < this.resourcesPerBatch && spans < this.spansPerBatch; r++) {
      const fn = this.options.fleet.pick(rnd);
      const instance = rnd.pick(fn.instances);
      const server: OtlpSpan[] = [];
      const client: OtlpSpan[] = [];
      const n = Math.min(perResource, this.spansPerBatch - spans);
      for (let i = 0; i < n; i++) {
        if (i % 4 === 3) {
          client.push(this.clientSpan(rnd, fn, server[server.length - 1]));
        } else {
          server.push(this.serverSpan(rnd, fn, batchStartMs));
          invocations++;
        }
      }
      spans += n;
      request.resourceSpans!.push({
        resource: { attributes: resourceAttributes(fn, instance) },
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-aws-lambda', version: '0.76.0' },
            spans: server,
          },
          {
            scope: { name: '@opentelemetry/instrumentation-aws-sdk', version: '0.58.0' },
            spans: client,
          },
        ],
      });
    }
    return { request, spans, invocations };
  }

  private serverSpan(rnd: SeededRandom, fn: FleetFunction, batchStartMs: number): OtlpSpan {
    const startNs = BigInt(Math.floor((batchStartMs + rnd.next() * this.windowMs) * 1e6));
    const durationNs = BigInt(
      Math.max(1_000_000, Math.round(rnd.logNormal(fn.medianMs, 0.6) * 1e6)),
    );
    const error = rnd.chance(0.02);
    const http = rnd.chance(0.7);
    const attributes: OtlpKeyValue[] = [
      str('faas.invocation_id', rnd.uuid()),
      str('cloud.resource_id', invokedArn(fn)),
      str('cloud.account.id', fn.account),
      bool('faas.coldstart', rnd.chance(0.015)),
      str('faas.trigger', http ? 'http' : 'pubsub'),
    ];
    if (http) {
      const route = rnd.int(ROUTES.length);
      attributes.push(
        str('http.request.method', METHODS[route]),
        str('http.route', ROUTES[route]),
        str('url.path', ROUTES[route].replace('{id}', String(1000 + rnd.int(90000)))),
        int('http.response.status_code', error ? 500 : 200),
        str('user_agent.original', rnd.pick(AGENTS)),
      );
    } else {
      attributes.push(
        str('messaging.system', 'aws_sqs'),
        str('messaging.operation.type', 'process'),
        str('messaging.destination.name', `${fn.name}-queue`),
        str('messaging.message.id', rnd.uuid()),
        int('messaging.batch.message_count', 1 + rnd.int(10)),
      );
    }
    const span: OtlpSpan = {
      traceId: rnd.hex(16),
      spanId: rnd.hex(8),
      name: fn.name,
      kind: 2,
      startTimeUnixNano: String(startNs),
      endTimeUnixNano: String(startNs + durationNs),
      attributes,
      status: error ? { code: 2, message: 'Internal Server Error' } : { code: 0 },
    };
    if (error) {
      span.events = [
        {
          timeUnixNano: String(startNs + durationNs - 1000n),
          name: 'exception',
          attributes: [
            str('exception.type', 'TypeError'),
            str('exception.message', "Cannot read properties of undefined (reading 'id')"),
          ],
        },
      ];
    }
    return span;
  }

  private clientSpan(rnd: SeededRandom, fn: FleetFunction, parent: OtlpSpan): OtlpSpan {
    const parentStart = BigInt(parent.startTimeUnixNano as string);
    const startNs = parentStart + BigInt(200_000 + rnd.int(2_000_000));
    const durationNs = BigInt(Math.round(rnd.logNormal(8, 0.5) * 1e6));
    const op = rnd.pick(DDB_OPS);
    let requestId = '';
    for (let i = 0; i < 52; i++) requestId += ALNUM[rnd.int(ALNUM.length)];
    return {
      traceId: parent.traceId,
      spanId: rnd.hex(8),
      parentSpanId: parent.spanId,
      name: `DynamoDB.${op}`,
      kind: 3,
      startTimeUnixNano: String(startNs),
      endTimeUnixNano: String(startNs + durationNs),
      attributes: [
        str('rpc.system', 'aws-api'),
        str('rpc.service', 'DynamoDB'),
        str('rpc.method', op),
        str('cloud.region', fn.region),
        str('db.system', 'dynamodb'),
        str('aws.dynamodb.table_names', `${fn.name.split('-')[0]}-table`),
        int('http.status_code', 200),
        str('aws.request.id', requestId),
      ],
      status: { code: 0 },
    };
  }
}

function resourceAttributes(fn: FleetFunction, instance: string): OtlpKeyValue[] {
  return [
    str('service.name', fn.name),
    str('cloud.provider', 'aws'),
    str('cloud.platform', 'aws_lambda'),
    str('cloud.region', fn.region),
    str('faas.name', fn.name),
    str('faas.version', fn.version),
    str('faas.instance', instance),
    int('faas.max_memory', fn.memoryMb * 1024 * 1024),
    str('aws.log.group.names', `/aws/lambda/${fn.name}`),
    str('telemetry.sdk.language', fn.language),
    str('telemetry.sdk.name', 'opentelemetry'),
    str('telemetry.sdk.version', '1.30.1'),
    str('process.runtime.name', fn.language),
  ];
}
