import { SeededRandom } from '@fleetscope/model';
import type { OtlpKeyValue, OtlpSpan, OtlpTraceRequest } from '@fleetscope/otlp';
import { drawFromPercentiles } from '../azure-functions/azure-span.synthesiser';
import type { PercentilePoint } from '../azure-functions/azure-trace.types';

/** A Lambda function of the demo fleet, given the traffic of a function of the Azure trace. */
export interface LambdaDemoFunction {
  account: string;
  region: string;
  name: string;
  memoryMb: number;
  /** Max Memory Used around which REPORT lines vary (MB). */
  usedMb: number;
  runtime: string;
  /** Median Init Duration of a cold start (ms). */
  initMs: number;
  /** Send the invocations also as OTLP spans, as the OpenTelemetry Lambda layer would. */
  spans: boolean;
  /**
   * The function's timeout (ms): a drawn duration that reaches it is cut there and logged as Lambda
   * logs a timeout (`Task timed out after N seconds`, REPORT Status: timeout). Without it, none is.
   */
  timeoutMs?: number;
}

export interface LambdaDemoOptions {
  dayStartMs: number;
  seed: number;
  /** At most this many invocations per minute (idle minutes stay idle). */
  capPerMinute: number;
  /** Lambda reclaims an idle sandbox after about this long: the next invocation is a cold start. */
  reclaimMinutes: number;
  eventsPerDelivery: number;
}

/** A CloudWatch Logs subscription DATA_MESSAGE (decoded), as a subscription filter delivers it. */
export interface LogDelivery {
  region: string;
  message: {
    messageType: 'DATA_MESSAGE';
    owner: string;
    logGroup: string;
    logStream: string;
    subscriptionFilters: string[];
    logEvents: { id: string; timestamp: number; message: string }[];
  };
}

export interface LambdaDemoBatch {
  deliveries: LogDelivery[];
  spans?: OtlpTraceRequest;
}

const str = (key: string, value: string): OtlpKeyValue => ({ key, value: { stringValue: value } });

/**
 * Lambda platform records for a demo function whose traffic is an Azure trace row: START, REPORT
 * and END lines per invocation (INIT_START and an Init Duration after every idle period longer
 * than the reclaim time, in a new log stream as a new sandbox would write), durations drawn from
 * the row's published percentiles. Optionally the same invocations as OTLP SERVER spans carrying
 * the request id, so the one-invocation-once merge has a second source to merge.
 */
export function* synthesiseLambdaDemo(
  counts: Uint32Array,
  durations: readonly PercentilePoint[],
  fn: LambdaDemoFunction,
  options: LambdaDemoOptions,
): Generator<LambdaDemoBatch> {
  const r = new SeededRandom(options.seed);
  const arn = `arn:aws:lambda:${fn.region}:${fn.account}:function:${fn.name}`;
  const resource = {
    attributes: [
      str('service.name', fn.name),
      str('cloud.provider', 'aws'),
      str('cloud.platform', 'aws_lambda'),
      str('cloud.region', fn.region),
      str('cloud.account.id', fn.account),
      str('faas.name', fn.name),
      str('cloud.resource_id', arn),
    ],
  };
  let stream = '';
  let lastActiveMinute = Number.NEGATIVE_INFINITY;
  let events: LogDelivery['message']['logEvents'] = [];
  let spans: OtlpSpan[] = [];
  const flush = (): LambdaDemoBatch => {
    const batch: LambdaDemoBatch = {
      deliveries: [
        {
          region: fn.region,
          message: {
            messageType: 'DATA_MESSAGE',
            owner: fn.account,
            logGroup: `/aws/lambda/${fn.name}`,
            logStream: stream,
            subscriptionFilters: ['fleetscope-demo'],
            logEvents: events,
          },
        },
      ],
      spans:
        spans.length > 0
          ? { resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'demo' }, spans }] }] }
          : undefined,
    };
    events = [];
    spans = [];
    return batch;
  };
  for (let m = 0; m < counts.length; m++) {
    const n = Math.min(counts[m], options.capPerMinute);
    if (n === 0) continue;
    const cold = m - lastActiveMinute - 1 > options.reclaimMinutes;
    lastActiveMinute = m;
    if (cold && events.length > 0) yield flush();
    if (cold) {
      stream = `${new Date(options.dayStartMs + m * 60_000).toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${r.hex(16)}`;
    }
    let at = options.dayStartMs + m * 60_000 + r.int(60_000 / (n + 1));
    for (let i = 0; i < n; i++) {
      const id = r.uuid();
      const drawnMs = Math.max(0.5, drawFromPercentiles(durations, r.next()));
      const timedOut = fn.timeoutMs !== undefined && drawnMs >= fn.timeoutMs;
      const durationMs = timedOut ? fn.timeoutMs! : drawnMs;
      const initMs = cold && i === 0 ? fn.initMs * (0.8 + 0.4 * r.next()) : undefined;
      const used = Math.min(fn.memoryMb, Math.round(fn.usedMb * (0.9 + 0.2 * r.next())));
      const billed = Math.ceil(durationMs + (initMs ?? 0));
      if (initMs !== undefined) {
        events.push({
          id: `${at}0${events.length}`,
          timestamp: at,
          message: `INIT_START Runtime Version: ${fn.runtime}.v42\tRuntime Version ARN: arn:aws:lambda:${fn.region}::runtime:demo\n`,
        });
      }
      const end = at + Math.ceil(durationMs + (initMs ?? 0));
      events.push({
        id: `${at}1${events.length}`,
        timestamp: at,
        message: `START RequestId: ${id} Version: $LATEST\n`,
      });
      if (timedOut) {
        events.push({
          id: `${end}1${events.length}`,
          timestamp: end,
          message: `${new Date(end).toISOString()} ${id} Task timed out after ${(durationMs / 1000).toFixed(2)} seconds\n`,
        });
      }
      events.push(
        { id: `${end}2${events.length}`, timestamp: end, message: `END RequestId: ${id}\n` },
        {
          id: `${end}3${events.length}`,
          timestamp: end,
          message:
            `REPORT RequestId: ${id}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\t` +
            `Memory Size: ${fn.memoryMb} MB\tMax Memory Used: ${used} MB\t` +
            (initMs !== undefined ? `Init Duration: ${initMs.toFixed(2)} ms\t` : '') +
            (timedOut ? 'Status: timeout\t' : '') +
            '\n',
        },
      );
      if (fn.spans) {
        const start = at + Math.round(initMs ?? 0);
        spans.push({
          traceId: r.hex(16),
          spanId: r.hex(8),
          name: fn.name,
          kind: 2,
          startTimeUnixNano: `${start}000000`,
          endTimeUnixNano: `${start + Math.ceil(durationMs)}000000`,
          attributes: [
            str('faas.execution', id),
            str('faas.trigger', 'http'),
            { key: 'faas.coldstart', value: { boolValue: initMs !== undefined } },
          ],
        });
      }
      at = end + 1 + r.int(Math.max(1, 60_000 / (n + 1)));
      if (events.length >= options.eventsPerDelivery) yield flush();
    }
  }
  if (events.length > 0) yield flush();
}

/** A Knative service of the demo fleet, given the traffic of a function of the Azure trace. */
export interface KnativeDemoService {
  namespace: string;
  cluster: string;
  service: string;
  revision: string;
}

/**
 * OTLP SERVER spans of a Knative service (the attributes Knative's OpenTelemetry instrumentation
 * and the k8s resource detector set) whose traffic is an Azure trace row, at most `capPerMinute`
 * a minute, durations drawn from the row's percentiles.
 */
export function* synthesiseKnativeDemo(
  counts: Uint32Array,
  durations: readonly PercentilePoint[],
  svc: KnativeDemoService,
  options: Pick<LambdaDemoOptions, 'dayStartMs' | 'seed' | 'capPerMinute'> & { batchSpans: number },
): Generator<OtlpTraceRequest> {
  const r = new SeededRandom(options.seed);
  const resource = {
    attributes: [
      str('service.name', svc.service),
      str('cloud.platform', 'knative'),
      str('k8s.namespace.name', svc.namespace),
      str('k8s.cluster.name', svc.cluster),
      str('kn.service.name', svc.service),
      str('kn.revision.name', svc.revision),
    ],
  };
  let spans: OtlpSpan[] = [];
  const take = (): OtlpTraceRequest => {
    const request = { resourceSpans: [{ resource, scopeSpans: [{ spans }] }] };
    spans = [];
    return request;
  };
  for (let m = 0; m < counts.length; m++) {
    const n = Math.min(counts[m], options.capPerMinute);
    for (let i = 0; i < n; i++) {
      const start = options.dayStartMs + m * 60_000 + r.int(60_000);
      const durationMs = Math.max(1, Math.round(drawFromPercentiles(durations, r.next())));
      spans.push({
        traceId: r.hex(16),
        spanId: r.hex(8),
        name: 'POST /',
        kind: 2,
        startTimeUnixNano: `${start}000000`,
        endTimeUnixNano: `${start + durationMs}000000`,
        attributes: [str('faas.trigger', 'http')],
      });
      if (spans.length >= options.batchSpans) yield take();
    }
  }
  if (spans.length > 0) yield take();
}
